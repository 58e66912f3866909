"""When a promised update falls due: the rules on an incident, with the clock passed in."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.incident.reminders import (
    DUE_SOON,
    OVERDUE,
    UPCOMING,
    next_notice_label,
    PromiseError,
    promise_of,
    reminder_for,
    reminder_line,
    reminder_sentence,
)

# 15:00 in Berlin on 30 Nov 2026 is 14:00 UTC.
PROMISED = "2026-11-30T15:00[Europe/Berlin]"
DUE = datetime(2026, 11, 30, 14, 0, tzinfo=timezone.utc)


def sent_incident(*promises: str, draft: str | None = None, last_kind: str = "update") -> Incident:
    """An incident whose notices were sent, each promising the next update as given."""
    incident = Incident.create("Card payments failing", "Checkout")
    for number, promise in enumerate(promises):
        if number:
            incident.add_notice(last_kind if number == len(promises) - 1 else "update")
        incident.notices[-1].update({"next_update": promise})
        incident.notices[-1].sent = SentRecord(time="2026-11-30T12:00:00Z")
    if draft is not None:
        incident.add_notice("update").update({"next_update": draft})
    return incident


@pytest.mark.parametrize(("now", "state", "minutes"), [
    (DUE - timedelta(minutes=45), UPCOMING, 45),
    (DUE - timedelta(minutes=10, seconds=1), UPCOMING, 11),
    (DUE - timedelta(minutes=10), DUE_SOON, 10),
    (DUE - timedelta(seconds=20), DUE_SOON, 1),
    (DUE, OVERDUE, 0),
    (DUE + timedelta(minutes=12, seconds=30), OVERDUE, 12),
])
def test_a_sent_promise_is_upcoming_then_due_soon_then_overdue(now, state, minutes):
    reminder = reminder_for(sent_incident(PROMISED), now, before_minutes=10)
    assert (reminder.state, reminder.minutes) == (state, minutes)
    assert reminder.promise.number == 1 and reminder.promise.next_number == 2


def test_remind_before_zero_means_no_due_soon():
    assert reminder_for(sent_incident(PROMISED), DUE - timedelta(seconds=30), before_minutes=0).state == UPCOMING


def test_a_draft_does_not_replace_the_sent_promise():
    incident = sent_incident(PROMISED, draft="2026-11-30T18:00[Europe/Berlin]")
    assert reminder_for(incident, DUE, 10).promise.number == 1


def test_a_later_sent_notice_replaces_the_promise():
    incident = sent_incident(PROMISED, "2026-11-30T16:00[Europe/Berlin]")
    reminder = reminder_for(incident, DUE + timedelta(minutes=5), 10)
    assert (reminder.promise.number, reminder.state) == (2, UPCOMING)


@pytest.mark.parametrize("incident", [
    Incident.create("Card payments failing", "Checkout"),  # nothing sent yet
    sent_incident("on-change"),
    sent_incident(PROMISED, "", last_kind="resolution"),  # resolved, no post-incident date
], ids=["nothing-sent", "on-change", "resolution-without-promise"])
def test_nothing_is_due_without_a_timed_sent_promise(incident):
    assert promise_of(incident) is None
    assert reminder_for(incident, DUE + timedelta(days=3), 10) is None


def test_a_resolution_promising_the_post_incident_report_is_reminded():
    incident = sent_incident(PROMISED, "2026-12-02T12:00[Europe/Berlin]", last_kind="resolution")
    assert reminder_for(incident, datetime(2026, 12, 2, 11, 30, tzinfo=timezone.utc), 10).state == OVERDUE


def test_an_unreadable_promise_in_a_file_says_which_notice():
    incident = sent_incident(PROMISED)
    incident.notices[0].fields["next_update"] = "tomorrow-ish"  # as a file written elsewhere could hold
    with pytest.raises(PromiseError, match="notice 1"):
        promise_of(incident)


def test_the_words_of_the_banner_and_the_command_line():
    incident = sent_incident(PROMISED)
    soon = reminder_for(incident, DUE - timedelta(minutes=10), 10)
    late = reminder_for(incident, DUE + timedelta(minutes=5), 10)
    assert reminder_sentence(soon, DUE) == "Update 1 for Card payments failing is due at 15:00 CET (in 10 min)."
    assert reminder_sentence(late, DUE) == "Update 1 for Card payments failing was due at 15:00 CET: overdue by 5 min."
    line = reminder_line(reminder_for(incident, DUE + timedelta(minutes=12), 10), DUE, "/x/a.outage")
    assert line == "OVERDUE 12 min  Card payments failing  notice 1 promised 15:00 CET (14:00 UTC)  /x/a.outage"
    tomorrow = reminder_for(incident, DUE - timedelta(days=1, minutes=65), 10)
    assert reminder_line(tomorrow, DUE - timedelta(days=1), "f").startswith(
        "UPCOMING in 1 d 1 h  Card payments failing  notice 1 promised Mon 30 Nov 15:00 CET (14:00 UTC)")


def test_the_reminder_numbers_the_update_as_its_subject_will():
    """After the first notice and update 1 were sent, the promised notice is "Update 2" in its subject
    (the notice list calls it notice 3)."""
    incident = Incident.create("Card payments failing", "Acme Pay")
    incident.notices[-1].sent = SentRecord(time="2026-11-27T09:00:00Z")
    update = incident.add_notice("update")
    update.update({"next_update": PROMISED})
    update.sent = SentRecord(time="2026-11-27T10:00:00Z")
    reminder = reminder_for(incident, DUE, 10)
    assert reminder_sentence(reminder, DUE).startswith("Update 2 for Card payments failing")
    assert next_notice_label(reminder.promise) == "Start update 2" and reminder.promise.next_number == 3
