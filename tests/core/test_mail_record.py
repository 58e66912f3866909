"""The sent record: per-recipient states, who a retry reaches, and what a loaded file may hold."""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outagewriter.core.incident.model import Incident
from outagewriter.core.mail import record
from outagewriter.core.mail.delivery import RecipientResult
from outagewriter.core.storage import fileformat

EVERYONE = ["a@x.example", "b@x.example", "c@x.example", "d@x.example", "e@x.example"]


def sample() -> dict:
    sent = record.new(time="2026-11-27T10:00:00Z", account="work", message_id="<1@x>", archive="i.sent/01.eml",
                      sha256="0" * 64, addressed=EVERYONE)
    record.apply(sent, [RecipientResult("a@x.example", record.ACCEPTED, "250 OK"),
                        RecipientResult("b@x.example", record.REFUSED, "550 no"),
                        RecipientResult("c@x.example", record.DEFERRED, "450 later"),
                        RecipientResult("d@x.example", record.UNKNOWN, "dropped")], "2026-11-27T10:00:01Z")
    return sent


def test_remaining_skips_who_has_it_and_who_may_have_it():
    sent = sample()
    assert record.remaining(sent, EVERYONE) == ["b@x.example", "c@x.example", "e@x.example"]
    assert record.remaining(sent, EVERYONE, include_unknown=True) == EVERYONE[1:]
    assert record.remaining(None, EVERYONE) == EVERYONE


def test_accepted_stays_accepted():
    sent = sample()
    record.apply(sent, [RecipientResult("a@x.example", record.REFUSED, "550 late")], "t")
    assert record.status(sent, "a@x.example") == record.ACCEPTED
    assert record.accepted(sent) == ["a@x.example"]
    assert record.not_accepted(sent)["b@x.example"] == "refused: 550 no"


def test_sending_counts_as_maybe_delivered():
    sent = record.new(time="t", account="a", message_id="<m>", archive="x", sha256="0" * 64,
                      addressed=["a@x.example"])
    assert not record.may_have_it(sent)
    record.apply(sent, [RecipientResult("a@x.example", record.SENDING)], "t")
    assert record.may_have_it(sent) and record.remaining(sent, ["a@x.example"]) == []


@pytest.mark.parametrize("bad, words", [
    ({"recipients": []}, "'sent.recipients': expected an object, got an empty list"),
    ({"recipients": {"a@x": {"status": "delivered"}}}, "'sent.recipients.a@x.status': expected one of accepted, refused, deferred, unknown, sending, pending, got the text 'delivered'"),
    ({"recipients": {"a@x": {"status": "accepted", "reply": 250}}}, "'sent.recipients.a@x.reply': expected text, got a number"),
    ({"attempts": {}}, "'sent.attempts': expected a list, got an object"),
    ({"message_id": 5}, "'sent.message_id': expected a message id of the form <id@domain>, got a number"),
    ({"sha256": "ABC"}, "'sent.sha256': expected 64 lower-case hex digits, got the text 'ABC'"),
    ({"at": "2026-11-27T10:00:00Z"}, "notice 1, 'sent' has unknown keys: at"),
    ({"addressed": "a@x"}, "'sent.addressed': expected a list, got the text 'a@x'"),
])
def test_a_malformed_record_makes_a_clear_file_error(bad, words):
    incident = Incident.create("t", "s")
    data = fileformat.to_dict(incident)
    data["notices"][0]["sent"] = bad
    with pytest.raises(fileformat.IncidentFileError, match=words):
        fileformat.loads(json.dumps(data))


def test_a_minimal_record_from_elsewhere_still_loads():
    incident = Incident.create("t", "s")
    data = fileformat.to_dict(incident)
    data["notices"][0]["sent"] = {"time": "2026-11-27T10:00:00Z"}
    assert fileformat.loads(json.dumps(data)).notices[0].is_sent


addresses = st.lists(st.from_regex(r"[a-z]{1,8}@[a-z]{1,8}\.example", fullmatch=True), unique=True, max_size=20)


@given(addresses, st.lists(st.sampled_from(record.STATUSES), max_size=20))
def test_round_trip_through_the_file_format(recipients, statuses):
    incident = Incident.create("t", "s")
    sent = record.new(time="2026-11-27T10:00:00Z", account="work", message_id="<1@x>", archive="a.eml",
                      sha256="f" * 64, addressed=recipients)
    record.apply(sent, [RecipientResult(a, s, f"reply to {a}") for a, s in zip(recipients, statuses)], "t")
    sent.attempts.append({"time": "t", "account": "work", "accepted": 1, "problem": None})
    incident.notices[0].sent = sent
    again = fileformat.loads(fileformat.dumps(incident))
    assert again.notices[0].sent == sent
    assert fileformat.dumps(again) == fileformat.dumps(incident)
