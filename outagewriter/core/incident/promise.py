"""The next-update promise across time zones: moments worth promising, and the promise as each
audience reads it. Pure: the clock is passed in, so the picker and its tests agree on "now".
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from ..i18n import _, active_language, ngettext
from .audiences import Audience
from .times import ZonedTime, format_zoned_ja, month_day_ja

SOON_MINUTES = 30
HOUR_MINUTES = 60
BEFORE_CLOSE_MINUTES = 30  # an update half an hour before closing still reaches someone at their desk
AFTER_OPEN_MINUTES = 15  # shortly after opening: once people have sat down, before the day fills up
MIN_AHEAD_MINUTES = 10  # a promise closer than this cannot be written, reviewed and sent in time


@dataclass(frozen=True)
class Suggestion:
    label: str  # "In 30 minutes", "Before the office closes for EMEA customers", in the program's language
    when: ZonedTime  # in the incident's zone

    @property
    def canonical(self) -> str:
        return self.when.canonical


def _round_up(moment: datetime, minutes: int) -> datetime:
    """The next whole `minutes` mark at or after `moment` (15:07 -> 15:10 for 5, 15:15 for 15)."""
    base = moment.replace(second=0, microsecond=0)
    if base < moment:
        base += timedelta(minutes=1)
    past = base.minute % minutes
    return base if not past else base + timedelta(minutes=minutes - past)


def _local(audience: Audience, day, minutes: int) -> datetime:
    """`minutes` after local midnight on `day` for `audience`, as an aware moment."""
    midnight = datetime(day.year, day.month, day.day, tzinfo=audience.tz)
    # wall-clock arithmetic: 08:00 is 08:00 also on the day the clocks change
    return midnight.replace(hour=minutes // 60 % 24, minute=minutes % 60) + timedelta(days=minutes // (24 * 60))


def closes_today(audience: Audience, now: datetime) -> datetime | None:
    """When the audience's office closes on their today, if it is an office day."""
    today = now.astimezone(audience.tz).date()
    return _local(audience, today, audience.closes) if today.weekday() in audience.days else None


def next_opening(audience: Audience, now: datetime) -> datetime | None:
    """The first moment after `now` the audience's office opens, skipping days it is closed."""
    today = now.astimezone(audience.tz).date()
    for ahead in range(8):
        day = today + timedelta(days=ahead)
        if day.weekday() in audience.days:
            opening = _local(audience, day, audience.opens)
            if opening > now:
                return opening
    return None


def _zoned(moment: datetime, zone: str) -> ZonedTime:
    return ZonedTime(moment.astimezone(ZoneInfo(zone)), zone)


def suggestions(now: datetime, audiences: Iterable[Audience], zone: str) -> list[Suggestion]:
    """Sensible next-update moments after `now`, soonest first, each expressed in `zone`."""
    audiences = tuple(audiences)
    found = [
        Suggestion(_("In 30 minutes"), _zoned(_round_up(now + timedelta(minutes=SOON_MINUTES), 5), zone)),
        Suggestion(_("In an hour"), _zoned(_round_up(now + timedelta(minutes=HOUR_MINUTES), 15), zone)),
    ]
    before_closing = [(closes - timedelta(minutes=BEFORE_CLOSE_MINUTES), a) for a in audiences
                      if (closes := closes_today(a, now)) is not None]
    earliest = min((pair for pair in before_closing if pair[0] >= now + timedelta(minutes=MIN_AHEAD_MINUTES)),
                   default=None, key=lambda pair: pair[0])
    if earliest:
        found.append(Suggestion(_("Before the office closes for {audience}").format(audience=earliest[1].name), _zoned(earliest[0], zone)))
    soonest = min(((opening + timedelta(minutes=AFTER_OPEN_MINUTES), a) for a in audiences
                   if (opening := next_opening(a, now)) is not None), default=None, key=lambda pair: pair[0])
    if soonest:
        found.append(Suggestion(_("Shortly after the office opens for {audience}").format(audience=soonest[1].name),
                                _zoned(soonest[0], zone)))
    return sorted(found, key=lambda s: s.when.utc)


def _clock(moment: datetime) -> str:
    label = ZonedTime(moment, "zone").zone_label()
    return f"{moment:%H:%M} {label}"


def _other_clocks(promise: ZonedTime, audiences: Iterable[Audience]):
    """(audience, the promise on its clock, whether that is another day) for each audience whose clock
    reads differently from the promise's own."""
    own = promise.moment
    for audience in audiences:
        theirs = own.astimezone(audience.tz)
        if theirs.replace(tzinfo=None) == own.replace(tzinfo=None) and theirs.tzname() == own.tzname():
            continue
        yield audience, theirs, theirs.date() != own.date()


def local_times(promise: ZonedTime, audiences: Iterable[Audience]) -> list[str]:
    """The promise for each audience whose clock reads differently from the promise's own:
    "10:00 EST for US customers" ("Sat 01:00 JST ..." when it falls on another day for them)."""
    return [f"{theirs:%a} " * other_day + f"{_clock(theirs)} for {audience.name}"
            for audience, theirs, other_day in _other_clocks(promise, audiences)]


def local_times_ja(promise: ZonedTime, audiences: Iterable[Audience]) -> list[str]:
    """The same in Japanese: 'US customers：01:00 EST' ('US customers：11月28日（土）01:00 JST' on another day)."""
    return [f"{audience.name}：{month_day_ja(theirs) * other_day}{_clock(theirs)}"
            for audience, theirs, other_day in _other_clocks(promise, audiences)]


def promise_line(promise: ZonedTime, audiences: Iterable[Audience]) -> str:
    """"16:00 CET (15:00 UTC) · 10:00 EST for US customers": what the form shows under the promise, its
    date the way the program's language writes it."""
    if active_language() == "ja":
        return " · ".join([format_zoned_ja(promise)] + local_times_ja(promise, audiences))
    first = f"{promise.moment:%a} {promise.moment.day} {promise.moment:%b}, {promise.moment:%H:%M} {promise.zone_label()}"
    if promise.moment.utcoffset():
        utc = promise.utc
        first += f" ({utc:%H:%M} UTC)" if utc.date() == promise.moment.date() else f" ({utc:%a %H:%M} UTC)"
    return " · ".join([first] + local_times(promise, audiences))


def minutes_outside_hours(audience: Audience, moment: datetime) -> int:
    """How far `moment` lies outside the audience's office hours on their clock, in minutes (0 inside).
    Only the time of day counts: an outage at the weekend is still told at a sensible hour."""
    local = moment.astimezone(audience.tz)
    minute = local.hour * 60 + local.minute
    if audience.opens <= minute <= audience.closes:
        return 0
    before = (audience.opens - minute) % (24 * 60)
    after = (minute - audience.closes) % (24 * 60)
    return min(before, after)


@dataclass(frozen=True)
class ClockChange:
    audience: Audience
    before: str  # "EST"
    after: str  # "EDT"
    on: datetime  # the first local moment with the new offset (to the minute)


def clock_change(audience: Audience, now: datetime, promise: datetime) -> ClockChange | None:
    """The audience's clocks change between `now` and `promise` (so "same time tomorrow" moves by an hour)."""
    tz = audience.tz
    start, end = now.astimezone(tz), promise.astimezone(tz)
    if start.utcoffset() == end.utcoffset() or promise <= now:
        return None
    low, high = now.astimezone(timezone.utc), promise.astimezone(timezone.utc)
    while high - low > timedelta(minutes=1):  # bisect for the change
        middle = low + (high - low) / 2
        if middle.astimezone(tz).utcoffset() == start.utcoffset():
            low = middle
        else:
            high = middle
    return ClockChange(audience, start.tzname() or "", end.tzname() or "", high.astimezone(tz))


# Early in an incident readers wait at their screens; after a few hours a steady rhythm is enough.
EARLY_HOURS = 2
EARLY_CADENCE = 30
LATER_CADENCE = 60


def cadence_advice(age: timedelta, gap: timedelta) -> str | None:
    """A hint when the gap to the promised update does not fit the incident's age; None when it fits.
    Advice is about when to promise, never to send an update with nothing new in it. Written in the
    program's language, as every finding is."""
    gap_minutes = gap.total_seconds() / 60
    if age < timedelta(hours=EARLY_HOURS):
        if gap_minutes > EARLY_CADENCE * 2:
            return _("This incident is {age} old and the next update is {gap} away. Early on, readers expect news "
                     "about every {cadence} minutes; promise an earlier update if you expect to learn something by "
                     "then.").format(age=_age_text(age), gap=_gap_text(gap), cadence=EARLY_CADENCE)
        return None
    if gap_minutes < EARLY_CADENCE:
        return _("This incident is {age} old; an update every hour or less often is enough now. Promise a later "
                 "time and write sooner only when there is news.").format(age=_age_text(age))
    return None


def spoken_duration(minutes: int) -> str:
    """A length of time as people say it: '45 minutes', '3 hours', '26 days' (never '622.7 hours');
    a few hours to the nearest half hour ('2.5 hours'), more hours and days to the nearest whole one. In the
    program's language ('45分', '3時間', '26日')."""
    if minutes < 120:
        return ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)
    half_hours = math.floor(minutes / 30 + 0.5)
    if half_hours < 20 and half_hours % 2:
        return ngettext("{count} hour", "{count} hours", 2).format(count=f"{half_hours / 2:.1f}")
    hours = math.floor(minutes / 60 + 0.5)
    if hours < 48:
        return ngettext("{count} hour", "{count} hours", hours).format(count=hours)
    days = math.floor(minutes / (24 * 60) + 0.5)
    return ngettext("{count} day", "{count} days", days).format(count=days)


def _age_text(age: timedelta) -> str:
    minutes = int(age.total_seconds() // 60)
    return _("a minute") if minutes < 2 else spoken_duration(minutes)


def _gap_text(gap: timedelta) -> str:
    return spoken_duration(math.ceil(gap.total_seconds() / 60))
