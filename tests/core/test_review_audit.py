"""The audit trail, the review request email, and hashes that survive the file."""
import json
from email import message_from_bytes
from email.policy import default

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import incidents, typed_text

from outagewriter.core.incident.fields import FieldError
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.mail.message import Sender
from outagewriter.core.mail.review_request import build_review_request
from outagewriter.core.render.renderer import Renderer
from outagewriter.core.review import audit, content, send_gate, textdiff
from outagewriter.core.review import workflow as review
from outagewriter.core.settings import Settings
from outagewriter.core.shipped import schema
from outagewriter.core.storage import fileformat

RENDERER = Renderer()
SCHEMA = schema("incident")
PETR = Settings(user_name="Petr")


def render(incident, notice=None):
    return RENDERER.render(incident, notice or incident.notices[-1])


def test_audit_log_entries_in_order(tmp_path, incident):
    notice = incident.notices[-1]
    steps = [
        lambda: review.request_review(incident, notice, render(incident), "Jana", when="2026-11-27T10:00:00Z"),
        lambda: review.request_changes(incident, notice, render(incident), "Petr", "Name the regions.",
                                       field="summary", when="2026-11-27T10:05:00Z"),
        lambda: notice.set("summary", notice.fields["summary"] + " Only Europe is affected."),
        lambda: review.request_review(incident, notice, render(incident), "Jana", when="2026-11-27T10:10:00Z"),
        lambda: review.approve(incident, notice, render(incident), "Petr", PETR, comment="Good to go.",
                               when="2026-11-27T10:12:00Z"),
        lambda: notice.set("workaround", "Pay by bank transfer or in cash."),
        lambda: review.note_changes(incident, notice, render(incident), "Jana", when="2026-11-27T10:14:00Z"),
        lambda: review.request_review(incident, notice, render(incident), "Jana", when="2026-11-27T10:15:00Z"),
        lambda: review.approve(incident, notice, render(incident), "Petr", PETR, when="2026-11-27T10:16:00Z"),
    ]
    for step in steps:
        step()
    send_gate.check_can_send(incident, notice, render(incident), Settings())
    final_hash = content.notice_hash(incident, notice, render(incident))
    notice.sent = SentRecord(time="2026-11-27T10:17:00Z")
    review.record_sent(incident, notice, render(incident), "Jana", when="2026-11-27T10:17:00Z")

    path = tmp_path / "payments.outage"
    fileformat.save(incident, path)
    jsonschema.validate(json.loads(path.read_text("utf-8")), SCHEMA)
    loaded = fileformat.load(path)
    entries = audit.timeline(loaded)
    assert [(e.event, e.who, e.when) for e in entries] == [
        ("review-requested", "Jana", "2026-11-27T10:00:00Z"),
        ("changes-requested", "Petr", "2026-11-27T10:05:00Z"),
        ("review-requested", "Jana", "2026-11-27T10:10:00Z"),
        ("approved", "Petr", "2026-11-27T10:12:00Z"),
        ("voided", "Jana", "2026-11-27T10:14:00Z"),
        ("review-requested", "Jana", "2026-11-27T10:15:00Z"),
        ("approved", "Petr", "2026-11-27T10:16:00Z"),
        ("sent", "Jana", "2026-11-27T10:17:00Z"),
    ]
    assert all(e.notice == notice.id and e.number == 1 for e in entries)
    assert entries[1].field == "summary" and entries[1].comment == "Name the regions."
    assert entries[3].comment == "Good to go."
    assert entries[4].comment == "changed: text, html"
    assert entries[3].hash != entries[6].hash == entries[7].hash == final_hash
    assert entries[3].describe() == 'Notice 1: approved by Petr (2026-11-27T10:12:00Z): "Good to go."'
    assert set(json.loads(path.read_text("utf-8"))["log"][0]) == {"event", "notice", "who", "when", "hash",
                                                                   "comment", "field"}


def test_timeline_of_one_notice(incident):
    first = incident.notices[-1]
    review.request_review(incident, first, render(incident), "Jana")
    review.approve(incident, first, render(incident), "Petr", PETR)
    first.sent = SentRecord(time="2026-11-27T10:00:00Z")
    review.record_sent(incident, first, render(incident, first), "Jana")
    second = incident.add_notice("update")
    review.request_review(incident, second, render(incident, second), "Jana")
    assert [e.event for e in audit.timeline(incident, second)] == ["review-requested"]
    assert [e.number for e in audit.timeline(incident)] == [1, 1, 1, 2]


def test_unknown_events_from_a_newer_version_are_kept(tmp_path, incident):
    data = json.loads(fileformat.dumps(incident))
    data["log"] = [{"event": "translated", "notice": incident.notices[0].id, "who": "Ana",
                    "when": "2026-11-27T10:00:00Z", "hash": None, "comment": None, "extra": 1}]
    loaded = fileformat.from_dict(data)
    assert loaded.log == data["log"]
    assert audit.timeline(loaded)[0].describe().startswith("Notice 1: translated by Ana")


def test_review_request_email(tmp_path, incident):
    notice = incident.notices[-1]
    rendered = render(incident)
    path = tmp_path / "payments.outage"
    fileformat.save(incident, path)
    msg = build_review_request(incident, notice, rendered, Sender("jana.novak@acme.example", "Jana Novák"),
                               "Petr Svoboda <petr@acme.example>", path)
    parsed = message_from_bytes(msg.as_bytes(), policy=default)
    assert parsed.get_content_type() == "multipart/mixed"
    assert str(parsed["To"]) == "Petr Svoboda <petr@acme.example>"
    assert parsed["Subject"] == f"Please review: {rendered.subject}"
    assert f"sha256={content.notice_hash(incident, notice, rendered)}" in parsed["X-OutageWriter-Review"]
    plain = parsed.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert rendered.text in plain
    assert "Bcc: audit@acme.example" in plain  # the reviewer sees every recipient
    assert "outagewriter approve" in plain
    html = parsed.get_body(("html",)).get_content()
    assert "asks you to review notice 1" in html and "Card payments fail" in html
    attachments = list(parsed.iter_attachments())
    assert len(attachments) == 1
    attached = attachments[0]
    assert attached.get_content_type() == "application/json"
    assert attached.get_filename() == "payments.outage"
    copy = fileformat.loads(attached.get_payload(decode=True).decode("utf-8"))
    assert fileformat.to_dict(copy) == fileformat.to_dict(incident)


@pytest.mark.parametrize("address", ["not an address", "a@x.example, b@x.example", "a@x.example\r\nBcc: c@x.example"])
def test_review_request_refuses_a_bad_reviewer_address(tmp_path, incident, address):
    with pytest.raises(FieldError):
        build_review_request(incident, incident.notices[-1], render(incident), Sender("j@acme.example"),
                             address, tmp_path / "x.outage")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(incidents())
def test_canonical_hash_is_stable_through_the_file(tmp_path, incident):
    notice = incident.notices[-1]
    review.request_review(incident, notice, render(incident), "Author")
    review.approve(incident, notice, render(incident), "Reviewer", Settings(user_name="Reviewer"))
    before = content.notice_hash(incident, notice, render(incident))
    path = tmp_path / "any.outage"
    fileformat.save(incident, path)
    loaded = fileformat.load(path)
    assert content.notice_hash(loaded, loaded.notices[-1], render(loaded)) == before
    assert isinstance(review.approval_status(loaded, loaded.notices[-1], render(loaded)), review.Valid)
    fileformat.save(loaded, path)  # and again: saving what was loaded changes nothing
    assert content.notice_hash(fileformat.load(path), fileformat.load(path).notices[-1],
                              render(fileformat.load(path))) == before


@settings(max_examples=200)
@given(typed_text, typed_text)
def test_word_diff_rebuilds_both_sides(old, new):
    diff = textdiff.PartDiff("text", textdiff.word_diff(old, new))
    assert diff.old() == old and diff.new() == new
    diff.format()
