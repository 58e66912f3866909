"""Times in each notice language: one formatting function per language, used by its templates.

English: 'Friday 27 November 2026, 15:00 CET (14:00 UTC)'; Japanese (both in incident/times.py, which the
window's own wording uses too): '2026年11月27日（金）15:00 JST（06:00 UTC）': the weekday in Japanese, the 24-hour clock,
the zone always named and UTC beside it, as the English notices give it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from ..incident.audiences import Audience
from ..incident.promise import local_times
from ..incident.times import ZonedTime, format_zoned, format_zoned_ja, month_day_ja


def local_times_ja(promise: ZonedTime, audiences: Iterable[Audience]) -> list[str]:
    """The promise on each audience's own clock, when it reads differently: 'US customers：01:00 EST'."""
    own = promise.moment
    texts = []
    for audience in audiences:
        theirs = own.astimezone(audience.tz)
        if theirs.replace(tzinfo=None) == own.replace(tzinfo=None) and theirs.tzname() == own.tzname():
            continue
        day = "" if theirs.date() == own.date() else month_day_ja(theirs)
        label = ZonedTime(theirs, "zone").zone_label()
        texts.append(f"{audience.name}：{day}{theirs:%H:%M} {label}")
    return texts


ZONED_FORMATS: dict[str, Callable[..., str]] = {"en": format_zoned, "ja": format_zoned_ja}
LOCAL_TIMES: dict[str, Callable[..., list[str]]] = {"en": local_times, "ja": local_times_ja}
