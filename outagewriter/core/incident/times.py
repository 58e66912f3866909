"""Times with their zones: the next-update promise and the incident's timings.

A promise to update "at 15:00" means nothing to a reader in another zone, so every time is
stored with an offset or an IANA zone and shown with its zone and in UTC.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..i18n import _, active_language

ON_CHANGE = "on-change"

# "2026-11-27T15:00+01:00", "2026-11-27T15:00Z", "2026-11-27T15:00[Europe/Berlin]",
# "2026-11-27T15:00 Europe/Berlin" (RFC 9557 brackets, or a space before the zone name).
_ZONED = re.compile(r"^(?P<dt>[^\s\[]+)(?:\[(?P<bz>[^\]]+)\]|\s+(?P<sz>[A-Za-z_]+(?:/[A-Za-z0-9_+\-]+)*))?$")


class TimeError(ValueError):
    """A time the user wrote that cannot be understood; the message says why."""


class MissingZone(TimeError):
    """A date-time without an offset or zone: recipients elsewhere could not tell when it is."""


@dataclass(frozen=True)
class ZonedTime:
    """A moment plus how the author expressed its zone (a zone name or only an offset)."""

    moment: datetime  # aware
    zone_name: str | None  # IANA name when given, else None (offset only)

    @property
    def canonical(self) -> str:
        iso = self.moment.isoformat(timespec="minutes")
        return f"{iso}[{self.zone_name}]" if self.zone_name else iso

    @property
    def utc(self) -> datetime:
        return self.moment.astimezone(timezone.utc)

    @property
    def zone(self) -> str:
        """The zone as a picker holds it: the IANA name, else the offset ('UTC+05:30')."""
        return self.zone_name or _offset_label(self.moment)

    def zone_label(self) -> str:
        """'CET', 'JST', or 'UTC+05:30' when only an offset is known."""
        if self.zone_name:
            abbrev = self.moment.tzname() or self.zone_name
            # zoneinfo gives numeric abbreviations ("+0530") for some zones; an offset reads better.
            return abbrev if not abbrev[:1] in "+-" else _offset_label(self.moment)
        return _offset_label(self.moment)


def _offset_label(moment: datetime) -> str:
    offset = moment.utcoffset()
    if not offset:
        return "UTC"
    total = int(offset.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    hours, minutes = divmod(abs(total), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def parse_zoned(text: str) -> ZonedTime:
    """Parse an ISO 8601 date-time that carries an offset, a zone name, or both."""
    try:
        parsed = _parse_zoned(text)
        parsed.utc  # year 1 or 9999 with an offset lies outside what datetime can hold in UTC
    except OverflowError:
        raise TimeError(_("{text!r} is too far in the past or future").format(text=text.strip())) from None
    return parsed


def _parse_zoned(text: str) -> ZonedTime:
    match = _ZONED.match(text.strip())
    if not match:
        raise TimeError(_("not an ISO 8601 date-time: {text!r}").format(text=text))
    raw = match["dt"]
    zone_name = match["bz"] or match["sz"]
    try:
        moment = datetime.fromisoformat(raw.replace("z", "Z"))
    except ValueError:
        raise TimeError(_("not an ISO 8601 date-time: {text!r}").format(text=text)) from None
    if zone_name:
        try:
            zone = ZoneInfo(zone_name)
        except (ZoneInfoNotFoundError, ValueError):
            raise TimeError(_("unknown time zone {zone!r}").format(zone=zone_name)) from None
        if moment.tzinfo:
            return ZonedTime(moment.astimezone(zone), zone_name)
        moment = moment.replace(tzinfo=zone)
        # A wall-clock time skipped when the clocks go forward does not exist; zoneinfo would
        # silently move it by an hour, and the notice would promise a time nobody typed.
        if moment.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None) != moment.replace(tzinfo=None):
            raise TimeError(_("{time} does not exist in {zone}: the clocks go forward then; pick another time").format(
                time=raw, zone=zone_name))
        return ZonedTime(moment, zone_name)
    if moment.tzinfo is None:
        raise MissingZone(
            _("{text!r} has no time zone: add an offset (+01:00, Z) or a zone such as [Europe/Berlin]").format(text=text)
        )
    return ZonedTime(moment, None)


@dataclass(frozen=True)
class NextUpdate:
    """The one promise every notice makes: a zoned time, or 'when the situation changes'."""

    when: ZonedTime | None  # None means on-change

    @property
    def on_change(self) -> bool:
        return self.when is None

    @property
    def canonical(self) -> str:
        return ON_CHANGE if self.when is None else self.when.canonical


def parse_next_update(text: str) -> NextUpdate:
    cleaned = text.strip()
    if cleaned.lower().replace(" ", "-").replace("_", "-") == ON_CHANGE:
        return NextUpdate(None)
    return NextUpdate(parse_zoned(cleaned))


def format_zoned(value: ZonedTime, with_utc: bool = True) -> str:
    """'Friday 27 November 2026, 15:00 CET (14:00 UTC)'."""
    local = value.moment
    text = f"{local:%A} {local.day} {local:%B %Y}, {local:%H:%M} {value.zone_label()}"
    if with_utc and local.utcoffset():
        utc = value.utc
        same_day = utc.date() == local.date()
        text += f" ({utc:%H:%M} UTC)" if same_day else f" ({utc:%a} {utc:%H:%M} UTC)"
    return text


_WEEKDAYS_JA = "月火水木金土日"


def month_day_ja(moment: datetime) -> str:
    return f"{moment.month}月{moment.day}日（{_WEEKDAYS_JA[moment.weekday()]}）"


def format_zoned_ja(value: ZonedTime, with_utc: bool = True) -> str:
    """'2026年11月27日（金）15:00 JST（06:00 UTC）'; UTC on another day: '（11月26日（木）22:00 UTC）'."""
    local = value.moment
    text = f"{local.year}年{month_day_ja(local)}{local:%H:%M} {value.zone_label()}"
    if with_utc and local.utcoffset():
        utc = value.utc
        day = "" if utc.date() == local.date() else month_day_ja(utc)
        text += f"（{day}{utc:%H:%M} UTC）"
    return text


def describe_next_update(text: str) -> str:
    """A stored next-update value as a person reads it in the program's language: 'when the situation
    changes', or the time with its zone. Text that cannot be read comes back as it is."""
    try:
        promise = parse_next_update(text)
    except TimeError:
        return text
    if promise.on_change:
        return _("when the situation changes")
    return format_zoned_ja(promise.when) if active_language() == "ja" else format_zoned(promise.when)


def format_stored(stored: str | datetime, zone: tzinfo | None = None, *, now: datetime | None = None) -> str:
    """A stored moment (UTC ISO text or an aware datetime) as a person reads it, in their own zone:
    'Mon 30 Nov, 11:00 CET', in Japanese '11月30日（月）11:00 CET' (the year only when it is not this
    year). `zone` defaults to the computer's; text that is not a time comes back unchanged, so nothing is hidden."""
    if isinstance(stored, datetime):
        moment = stored
    else:
        try:
            moment = datetime.fromisoformat(stored.strip().replace("z", "Z").replace("Z", "+00:00"))
        except (AttributeError, ValueError):
            return str(stored)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)  # stored times are UTC
    local = moment.astimezone(zone)
    label = local.tzname() or ""
    if not label or label[:1] in "+-" or label.startswith("UTC") and local.utcoffset():
        label = _offset_label(local)
    other_year = local.year != (now or now_utc()).astimezone(zone).year
    if active_language() == "ja":  # as format_zoned_ja writes it: '2025年11月30日（月）11:00 CET'
        return f"{f'{local.year}年' if other_year else ''}{month_day_ja(local)}{local:%H:%M} {label}"
    year = f" {local.year}" if other_year else ""
    return f"{local:%a} {local.day} {local:%b}{year}, {local:%H:%M} {label}"


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def isoformat_utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
