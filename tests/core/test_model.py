import pytest

from outagewriter.core.incident.fields import FieldError
from outagewriter.core.incident.model import Incident, NoticeLocked
from outagewriter.core.incident.records import SentRecord


def test_create_starts_with_an_initial_notice():
    incident = Incident.create("Login slow", "Portal")
    assert [n.kind for n in incident.notices] == ["initial"]
    assert incident.title == "Login slow" and incident.service == "Portal"
    assert incident.notices[0].fields["status"] == "investigating"


def test_maintenance_starts_scheduled():
    incident = Incident.create("Database upgrade", "Portal", kind="maintenance")
    assert incident.notices[0].kind == "maintenance"
    assert incident.notices[0].fields["status"] == "scheduled"
    with pytest.raises(FieldError, match="does not fit a maintenance notice"):
        incident.notices[0].set("status", "investigating")


def test_update_is_all_or_nothing(incident):
    notice = incident.notices[-1]
    before = dict(notice.fields)
    with pytest.raises(FieldError):
        notice.update({"summary": "new text", "to": "not an address"})
    assert notice.fields == before


def test_sent_notice_is_immutable_and_next_notice_starts_from_it(incident):
    first = incident.notices[-1]
    first.set("subject", "Custom subject")
    first.sent = SentRecord(message_id="<a@b>")
    with pytest.raises(NoticeLocked):
        first.set("summary", "changed")
    update = incident.add_notice("update")
    assert update.fields["summary"] == first.fields["summary"]
    assert update.fields["subject"] == ""  # a subject override belongs to one notice
    assert update.fields["status"] == "investigating"
    resolution_incident = incident
    update.sent = SentRecord(message_id="<c@d>")
    resolution = resolution_incident.add_notice("resolution")
    assert resolution.fields["status"] == "resolved"


def test_cannot_add_while_a_draft_is_open(incident):
    with pytest.raises(FieldError, match="has not been sent"):
        incident.add_notice("update")


def test_notice_numbers_are_one_based(incident):
    assert incident.notice(1) is incident.notices[0]
    assert incident.notice(-1) is incident.notices[-1]
    with pytest.raises(IndexError, match="there is no notice 2"):
        incident.notice(2)


def test_times_need_zones():
    incident = Incident.create("x", "y")
    incident.set_time("started", "2026-11-27T09:40+01:00")
    assert incident.times == {"started": "2026-11-27T09:40+01:00"}
    with pytest.raises(ValueError, match="no time zone"):
        incident.set_time("resolved", "2026-11-27T10:00")
    with pytest.raises(FieldError, match="unknown time"):
        incident.set_time("ended", "2026-11-27T10:00Z")


def test_times_must_be_in_order():
    incident = Incident.create("x", "y")
    incident.set_time("started", "2026-11-27T12:10+01:00")
    with pytest.raises(FieldError, match="resolved .* is before started"):
        incident.set_time("resolved", "2026-11-27T09:40+01:00")
    assert "resolved" not in incident.times
    incident.set_times({"started": "2026-11-27T09:40+01:00", "resolved": "2026-11-27T12:10+01:00"})
    assert incident.times["resolved"] == "2026-11-27T12:10+01:00"


def test_a_follow_up_makes_its_own_next_update_promise(incident):
    incident.notices[-1].sent = SentRecord(message_id="<1@x>")
    assert incident.add_notice("update").fields["next_update"] == ""
