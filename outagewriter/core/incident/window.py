"""A maintenance window: when the work starts and ends, in the zone the writer chose."""
from __future__ import annotations

from collections.abc import Mapping

from .model import Incident
from .times import TimeError, ZonedTime, parse_zoned


def _zoned(value: str) -> ZonedTime | None:
    try:
        return parse_zoned(value) if value else None
    except TimeError:
        return None


def maintenance_window(incident: Incident, fields: Mapping[str, str]) -> tuple[ZonedTime | None, ZonedTime | None]:
    """(start, end) of the window a maintenance notice with these fields announces; an unreadable time
    is None. Files written before the window had fields of its own kept it in the incident's started
    and resolved times, so those stand in."""
    start = fields.get("window_start") or incident.times.get("started", "")
    end = fields.get("window_end") or incident.times.get("resolved", "")
    return _zoned(start), _zoned(end)


def uses_incident_times(incident: Incident, kind: str) -> bool:
    """Whether a notice of `kind` shows the incident's started/detected/mitigated/resolved times: every
    kind but maintenance, which has its own window, unless an older file keeps the window there."""
    return kind != "maintenance" or any(incident.times.values())
