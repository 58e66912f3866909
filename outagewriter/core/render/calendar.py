"""The maintenance window as an iCalendar event, attached to every maintenance notice.

Calendar clients replace an event they already hold when one arrives with the same UID and a
higher SEQUENCE: the UID is the incident's, the SEQUENCE its notice number, so an extension or a
completion moves the reader's entry instead of adding a second one. METHOD:PUBLISH (not REQUEST):
the event is information for many readers, not a meeting they are asked to answer. Times are
written in UTC, which every client imports without a VTIMEZONE and shows in the reader's own zone.
Nothing in it comes from the clock, so the same notice always gives the same bytes (the approval
covers them).
"""
from __future__ import annotations

from datetime import datetime, timezone

from ..incident.model import Incident, Notice
from ..incident.times import TimeError, parse_zoned
from ..incident.window import maintenance_window

PRODUCT = "-//OutageWriter//Maintenance notice//EN"
FILE_NAME = "maintenance.ics"
METHOD = "PUBLISH"
CANCELLED_STATUSES = ("cancelled", "canceled")  # a status a maintenance may be given: the event is withdrawn


def _moment(value: str) -> datetime | None:
    try:
        return parse_zoned(value).utc if value.strip() else None
    except TimeError:
        return None  # the form reports a time it cannot read; the invitation just waits for a good one


def window(incident: Incident, notice: Notice) -> tuple[datetime, datetime] | None:
    """The maintenance window in UTC: the notice's window fields, else the incident's started and
    resolved times. Once completed, the window ends when the work did (resolved), when that is known."""
    start, end = (t.utc if t is not None else None for t in maintenance_window(incident, notice.fields))
    finished = _moment(incident.times.get("resolved", ""))
    if notice.fields["status"] == "completed" and finished is not None:
        end = finished
    if start is None or end is None or end <= start:
        return None
    return start, end


def uid(incident: Incident) -> str:
    return f"{incident.id}@outagewriter"


def maintenance_calendar(incident: Incident, notice: Notice, number: int, description: str) -> str:
    """The notice's iCalendar text, or "" when it is no maintenance notice or its window
    is not known yet (no start, no end, or an end before the start)."""
    span = window(incident, notice) if notice.kind == "maintenance" else None
    if span is None:
        return ""
    import icalendar  # only when there is an event to write: rendering other notices stays light

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("method", METHOD)
    event = icalendar.Event()
    event.add("uid", uid(incident))
    event.add("sequence", number)
    event.add("dtstamp", _moment(notice.created) or span[0])
    event.add("dtstart", span[0].astimezone(timezone.utc))
    event.add("dtend", span[1].astimezone(timezone.utc))
    event.add("summary", notice.fields["title"] or incident.title)
    if description:
        event.add("description", description)
    cancelled = notice.fields["status"] in CANCELLED_STATUSES
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT")  # the reader's own time is not blocked by our maintenance
    calendar.add_component(event)
    # Lines end in \n as every text the file keeps (it refuses CR); the message writes them as CRLF.
    return calendar.to_ical().decode("utf-8").replace("\r\n", "\n")
