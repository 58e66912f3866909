"""Times in each notice language: one formatting function per language, used by its templates.

English: 'Friday 27 November 2026, 15:00 CET (14:00 UTC)'; Japanese (both in incident/times.py, which the
window's own wording uses too): '2026年11月27日（金）15:00 JST（06:00 UTC）': the weekday in Japanese, the 24-hour clock,
the zone always named and UTC beside it, as the English notices give it.
"""
from __future__ import annotations

from collections.abc import Callable

from ..incident.promise import local_times, local_times_ja
from ..incident.times import format_zoned, format_zoned_ja

ZONED_FORMATS: dict[str, Callable[..., str]] = {"en": format_zoned, "ja": format_zoned_ja}
LOCAL_TIMES: dict[str, Callable[..., list[str]]] = {"en": local_times, "ja": local_times_ja}
