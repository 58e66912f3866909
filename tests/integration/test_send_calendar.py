"""A maintenance notice sent through a real local SMTP server carries its window as an .ics that
calendar clients import; a retry sends the same bytes; the export tells it as it went out."""
from __future__ import annotations

import email
import email.policy
from datetime import datetime, timezone

import icalendar
import pytest
from send_helpers import approve, user_services

from outagewriter.core.incident.model import Incident
from outagewriter.core.mail.sending import send_notice
from outagewriter.core.session.export import export
from outagewriter.core.storage import fileformat

pytestmark = pytest.mark.integration


def _maintenance(tmp_path, to):
    incident = Incident.create("Payments database upgrade", "Acme Pay", kind="maintenance")
    incident.notices[-1].update({
        "summary": "We upgrade the payments database. Card payments pause for up to four hours.",
        "window_start": "2026-12-05T22:00[Europe/Berlin]",
        "window_end": "2026-12-06T02:00[Europe/Berlin]",
        "contact_name": "Jana Novák", "contact_email": "jana.novak@acme.example",
        "next_update": "2026-12-05T22:00[Europe/Berlin]",
        "to": ", ".join(to),
    })
    approve(incident)
    path = tmp_path / "db-upgrade.outage"
    fileformat.save(incident, path)
    return path


def _send(path, server, **kw):
    incident = fileformat.load(path)
    return send_notice(incident, incident.notices[-1], path, server.account(), server.password, timeout=5,
                       **{**user_services(), **kw})


def _calendar_part(raw: bytes):
    message = email.message_from_bytes(raw, policy=email.policy.default)
    parts = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, [p.get_content_type() for p in message.walk()]
    return message, parts[0]


def test_the_received_message_carries_the_window_as_ics(smtp_server, tmp_path):
    path = _maintenance(tmp_path, ["customers@acme.example"])
    result = _send(path, smtp_server)
    assert result.ok, result.summary()
    received, = smtp_server.received
    assert b"Content-Type: text/calendar" in received.data and b"BEGIN:VCALENDAR" in received.data
    message, part = _calendar_part(received.data)
    assert message.get_content_type() == "multipart/mixed"
    assert part.get_filename() == "maintenance.ics" and part.get_param("method") == "PUBLISH"
    calendar = icalendar.Calendar.from_ical(part.get_content())
    event, = calendar.walk("VEVENT")
    assert event["DTSTART"].dt == datetime(2026, 12, 5, 21, 0, tzinfo=timezone.utc)
    assert event["DTEND"].dt == datetime(2026, 12, 6, 1, 0, tzinfo=timezone.utc)
    assert str(event["SUMMARY"]) == "Payments database upgrade"
    incident = fileformat.load(path)
    assert str(event["UID"]) == f"{incident.id}@outagewriter"
    records = export(incident, str(path), user_services()["renderer"], "md")
    assert "We upgrade the payments database." in records and "- Sent: " in records


def test_a_retry_sends_the_same_calendar_to_the_rest(faulty_smtp, tmp_path):
    faulty_smtp.faults.rcpt["late@acme.example"] = "450 4.2.1 try again later"
    path = _maintenance(tmp_path, ["early@acme.example", "late@acme.example"])
    first = _send(path, faulty_smtp)
    assert first.accepted == ["early@acme.example"]
    faulty_smtp.faults.rcpt.clear()
    second = _send(path, faulty_smtp)
    assert second.ok, second.summary()
    (_, one), (_, two) = (_calendar_part(m.data) for m in faulty_smtp.received)
    assert one.get_content() == two.get_content()
