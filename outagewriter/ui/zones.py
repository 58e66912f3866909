"""Time zones as the zone pickers hold them: an IANA name ("Europe/Prague") or a fixed offset
("UTC+05:30", also typed as "+05:30"), which a stored value keeps as written.
"""
from __future__ import annotations

import re
import zoneinfo
from datetime import datetime, timedelta, timezone, tzinfo

from PySide6.QtCore import QStringListModel, QTimeZone

_ZONE_MODEL: QStringListModel | None = None


def zone_model() -> QStringListModel:
    """One shared list of IANA zones for every zone picker (built on first use)."""
    global _ZONE_MODEL
    if _ZONE_MODEL is None:
        zones = sorted(z for z in zoneinfo.available_timezones() if "/" in z or z == "UTC")
        _ZONE_MODEL = QStringListModel(zones)
    return _ZONE_MODEL


def system_zone() -> str:
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return "UTC"
    return name


# A zone box may hold a fixed offset instead of a zone name: "UTC+05:30", also typed as "+05:30".
_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*(?P<sign>[+-])(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?$", re.IGNORECASE)


def _format_offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    return f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def offset_zone(moment: datetime) -> str:
    """How the zone box shows a time stored with an offset only, which it writes back unchanged."""
    return "UTC" + _format_offset(moment.utcoffset() or timedelta(0))


def _offset(zone_text: str) -> timedelta | None:
    """The fixed offset a zone box holds, or None when it holds a zone name."""
    match = _OFFSET.match(zone_text.strip())
    if match is None:
        return None
    sign = -1 if match["sign"] == "-" else 1
    return sign * timedelta(hours=int(match["hours"]), minutes=int(match["minutes"] or 0))


def zone_suffix(zone_text: str) -> str:
    """What follows the wall-clock time in the stored value: '+05:30' or '[Europe/Prague]'."""
    offset = _offset(zone_text)
    return f"[{zone_text.strip() or 'UTC'}]" if offset is None else _format_offset(offset)


def zone_tzinfo(zone_text: str) -> tzinfo:
    """The zone a picker holds, for computing times in it; UTC when it holds nothing valid."""
    offset = _offset(zone_text)
    if offset is not None and abs(offset) < timedelta(hours=24):
        return timezone(offset)
    try:
        return zoneinfo.ZoneInfo(zone_text.strip() or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return timezone.utc
