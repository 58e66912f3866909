"""The maintenance window's .ics: parsed back with icalendar, replaced by later notices, covered by approval."""
import email
import email.policy
from datetime import datetime, timezone

import icalendar
import pytest

from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.mail.message import Sender, build_message
from outagewriter.core.render.renderer import Renderer
from outagewriter.core.review import send_gate
from outagewriter.core.review import workflow as review
from outagewriter.core.settings import Settings
from outagewriter.core.storage import fileformat

RENDERER = Renderer()
UTC = timezone.utc


def _maintenance() -> Incident:
    incident = Incident.create("Database upgrade", "Acme Pay", kind="maintenance")
    incident.notices[0].update({
        "summary": "We upgrade the payments database; card payments pause during the window.",
        "window_start": "2026-12-05T22:00[Europe/Berlin]",
        "window_end": "2026-12-06T02:00[Europe/Berlin]",
        "to": "customers@acme.example",
    })
    return incident


def _event(incident, notice=None):
    rendered = RENDERER.render(incident, notice or incident.notices[-1])
    calendar = icalendar.Calendar.from_ical(rendered.calendar)
    event, = calendar.walk("VEVENT")
    return calendar, event


def _follow_up(incident, **fields):
    incident.notices[-1].sent = SentRecord(time="2026-12-01T10:00:00Z")
    notice = incident.add_notice("maintenance")
    notice.update(fields)
    return notice


def test_the_window_becomes_one_event_in_utc():
    calendar, event = _event(_maintenance())
    assert str(calendar["METHOD"]) == "PUBLISH" and str(calendar["VERSION"]) == "2.0"
    assert event["DTSTART"].dt == datetime(2026, 12, 5, 21, 0, tzinfo=UTC)
    assert event["DTEND"].dt == datetime(2026, 12, 6, 1, 0, tzinfo=UTC)
    assert str(event["SUMMARY"]) == "Database upgrade"
    assert "card payments pause" in str(event["DESCRIPTION"])
    assert str(event["STATUS"]) == "CONFIRMED" and event["SEQUENCE"] == 1


def test_an_extension_replaces_the_event_same_uid_higher_sequence():
    incident = _maintenance()
    _, first = _event(incident)
    _follow_up(incident, status="extended", window_end="2026-12-06T04:00[Europe/Berlin]")
    _, second = _event(incident)
    assert str(second["UID"]) == str(first["UID"])
    assert second["SEQUENCE"] == 2 > first["SEQUENCE"]
    assert second["DTEND"].dt == datetime(2026, 12, 6, 3, 0, tzinfo=UTC)


def test_a_completed_maintenance_ends_when_the_work_did():
    incident = _maintenance()
    incident.set_times({"resolved": "2026-12-06T01:20[Europe/Berlin]"})
    _follow_up(incident, status="completed")
    _, event = _event(incident)
    assert event["DTEND"].dt == datetime(2026, 12, 6, 0, 20, tzinfo=UTC)
    assert str(event["STATUS"]) == "CONFIRMED"


def test_without_window_fields_the_incident_times_make_the_window():
    incident = Incident.create("Network work", "Acme Pay", kind="maintenance")
    incident.set_times({"started": "2026-12-05T22:00+01:00", "resolved": "2026-12-05T23:00+01:00"})
    _, event = _event(incident)
    assert (event["DTSTART"].dt.hour, event["DTEND"].dt.hour) == (21, 22)


@pytest.mark.parametrize("fields", [{}, {"window_start": "2026-12-05T22:00[Europe/Berlin]"},
                                    {"window_start": "2026-12-05T22:00[Europe/Berlin]",
                                     "window_end": "2026-12-05T21:00[Europe/Berlin]"}])
def test_no_event_until_the_window_is_known(fields):
    incident = Incident.create("Network work", "Acme Pay", kind="maintenance")
    incident.notices[0].update(fields)
    rendered = RENDERER.render(incident, incident.notices[0])
    assert rendered.calendar == ""
    message = build_message(incident, incident.notices[0], rendered, Sender("ops@acme.example"))
    assert message.get_content_type() == "multipart/alternative"


def test_an_incident_notice_carries_no_calendar(incident):
    assert RENDERER.render(incident, incident.notices[0]).calendar == ""


def test_the_message_attaches_it_as_text_calendar():
    incident = _maintenance()
    notice = incident.notices[0]
    data = build_message(incident, notice, RENDERER.render(incident, notice), Sender("ops@acme.example")).as_bytes()
    message = email.message_from_bytes(data, policy=email.policy.default)
    part, = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert part.get_filename() == "maintenance.ics" and part.get_param("method") == "PUBLISH"
    event, = icalendar.Calendar.from_ical(part.get_content()).walk("VEVENT")
    assert event["DTSTART"].dt == datetime(2026, 12, 5, 21, 0, tzinfo=UTC)


def test_the_same_notice_gives_the_same_calendar():
    incident = _maintenance()
    assert RENDERER.render(incident, incident.notices[0]).calendar == \
        RENDERER.render(incident, incident.notices[0]).calendar


def test_moving_the_window_voids_the_approval():
    incident = _maintenance()
    notice = incident.notices[0]
    review.request_review(incident, notice, RENDERER.render(incident, notice), "Jana")
    review.approve(incident, notice, RENDERER.render(incident, notice), "Petr", Settings(user_name="Petr"))
    notice.set("window_end", "2026-12-06T03:00[Europe/Berlin]")
    status = review.approval_status(incident, notice, RENDERER.render(incident, notice))
    assert isinstance(status, review.Void)
    assert "calendar" in [d.part for d in status.diff]
    with pytest.raises(review.ApprovalError):
        send_gate.check_can_send(incident, notice, RENDERER.render(incident, notice), Settings())


def test_an_approved_maintenance_notice_is_saved_and_still_approved_when_read_back(tmp_path):
    incident = _maintenance()
    notice = incident.notices[0]
    review.request_review(incident, notice, RENDERER.render(incident, notice), "Jana")
    review.approve(incident, notice, RENDERER.render(incident, notice), "Petr", Settings(user_name="Petr"))
    path = tmp_path / "db-upgrade.outage"
    fileformat.save(incident, path)
    loaded = fileformat.load(path)
    status = review.approval_status(loaded, loaded.notices[0], RENDERER.render(loaded, loaded.notices[0]))
    assert isinstance(status, review.Valid)
