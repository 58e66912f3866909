"""Review and approval bound to the exact content that will be sent."""
import copy
import hashlib
import json

import pytest

from outagewriter.core.incident.audiences import parse_audience
from outagewriter.core.incident.fields import FIELDS, fields_of, statuses_for
from outagewriter.core.incident.model import Incident, NoticeLocked
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.render.renderer import Renderer
from outagewriter.core.review import audit, content, send_gate, textdiff
from outagewriter.core.review import workflow as review
from outagewriter.core.settings import Settings, load_settings
from outagewriter.core.storage import fileformat

# A saved audience in another zone: choosing it names the promise in its time in the email.
US_CUSTOMERS = parse_audience({"name": "US customers", "zone": "America/New_York"})
RENDERER = Renderer(audiences=(US_CUSTOMERS,))
REVIEWER = Settings(user_name="Petr Svoboda")  # the reviewer's own settings


def render(incident, notice=None):
    return RENDERER.render(incident, notice or incident.notices[-1])


def approved(incident, author="Jana Novák", reviewer="Petr Svoboda"):
    notice = incident.notices[-1]
    review.request_review(incident, notice, render(incident), author)
    review.approve(incident, notice, render(incident), reviewer, Settings(user_name=reviewer))
    return notice


# A different valid value for every kind of field.
def changed_value(spec, current, kind="initial"):
    if spec.name == "audiences":
        return "US customers"
    if spec.kind == "choice":
        choices = statuses_for(kind) if spec.name == "status" else spec.choices
        return next(c for c in choices if c != current)
    return {
        "addresses": current + ", new.person@acme.example" if current else "new.person@acme.example",
        "email": "someone.else@acme.example",
        "datetime": "2026-11-27T12:30[Europe/Prague]",
        "time": "2026-11-28T23:30[Europe/Prague]",
        "line": current + " (changed)",
        "text": current + "\n\nOne more sentence.",
        "components": current + "\nStatus page = partial-outage",
    }[spec.kind]


# Every field changes what is sent (the templates show each one, and To/Cc/Bcc are recipients),
# so every field must void an approval. If a template ever stops showing a field, changing it no
# longer changes the content, the hash stays the same and the approval rightly stays valid:
# test_a_change_that_sends_the_same_leaves_the_approval_valid covers that case.
@pytest.mark.parametrize("name, kind", [
    (name, kind) for kind in ("initial", "update", "resolution", "post-incident", "maintenance")
    for name in fields_of(kind)
    # a resolution and a post-incident report have one status only
    if not (kind in ("resolution", "post-incident") and name == "status")
])
def test_a_change_to_any_field_voids_the_approval(incident, name, kind):
    if kind != "initial":
        incident.notices[-1].sent = SentRecord(time="2026-11-27T10:00:00Z")
        incident.add_notice(kind)
    if name == "action_details":  # owners and dates show only where an action has them
        incident.notices[-1].update({"actions": "Alarm on pool use | Platform team | 15 December 2026",
                                     "action_details": "hidden"})
    notice = approved(incident)
    assert isinstance(review.approval_status(incident, notice, render(incident)), review.Valid)
    spec = next(s for s in FIELDS if s.name == name)
    notice.set(name, changed_value(spec, notice.fields[name], kind))
    status = review.approval_status(incident, notice, render(incident))
    assert isinstance(status, review.Void)
    assert status.reason == "approval void: changed after approval"
    assert status.diff, "the void names what changed"
    with pytest.raises(review.ApprovalError, match="approval void: changed after approval"):
        send_gate.check_can_send(incident, notice, render(incident), Settings())


@pytest.mark.parametrize("part, value", [
    ("to", "customers@acme.example"),                       # a recipient removed
    ("to", "Kunden <kunden@acme.example>, customers@acme.example"),  # reordered
    ("to", "customers@acme.example, Kundendienst <kunden@acme.example>"),  # display name changed
    ("cc", ""),
    ("bcc", "audit@acme.example, legal@acme.example"),      # Bcc never shows in the message, still counts
])
def test_any_recipient_change_voids_the_approval(incident, part, value):
    notice = approved(incident)
    notice.set(part, value)
    status = review.approval_status(incident, notice, render(incident))
    assert isinstance(status, review.Void)
    assert [d.part for d in status.diff] == [part]


def test_an_incident_time_that_changes_the_text_voids_the_approval(incident):
    incident.notices[-1].sent = SentRecord(time="2026-11-27T10:00:00Z")
    incident.add_notice("resolution")
    incident.set_time("started", "2026-11-27T09:40+01:00")
    incident.set_time("resolved", "2026-11-27T11:10+01:00")
    notice = approved(incident)
    incident.set_time("resolved", "2026-11-27T11:25+01:00")
    status = review.approval_status(incident, notice, render(incident))
    assert isinstance(status, review.Void) and "text" in [d.part for d in status.diff]


def test_a_change_that_sends_the_same_leaves_the_approval_valid(incident):
    notice = approved(incident)
    notice.set("to", "customers@ACME.example, Kunden <kunden@Acme.Example>")  # domains are case-insensitive
    notice.dismissed.append("tone.guilt|summary|sorry")  # dismissing a finding changes nothing sent
    assert isinstance(review.approval_status(incident, notice, render(incident)), review.Valid)
    send_gate.check_can_send(incident, notice, render(incident), Settings())


def test_the_diff_is_word_level(incident):
    notice = approved(incident)
    notice.set("summary", notice.fields["summary"].replace("about a third of", "all"))
    status = review.approval_status(incident, notice, render(incident))
    text = next(d for d in status.diff if d.part == "text")
    assert ("insert", "all") in text.chunks
    assert any(op == "delete" and "about a third of" in " ".join(t.split()) for op, t in text.chunks)
    assert "[-about a third of-] {+all+}" in text.format()
    assert text.old() == status.approval.content["text"]
    assert text.new() == render(incident).text


def test_word_diff_keeps_every_character():
    old, new = "One two  three\nfour five.", "One 2 three\n\nfour five six."
    chunks = textdiff.word_diff(old, new)
    diff = textdiff.PartDiff("text", chunks)
    assert diff.old() == old and diff.new() == new


def test_canonical_form_is_defined_in_one_place(incident):
    notice = incident.notices[-1]
    rendered = render(incident)
    canonical = content.canonical_content(incident, notice, rendered)
    assert canonical == {
        "canonical": 1, "incident": incident.id, "notice": notice.id,
        "subject": rendered.subject, "text": rendered.text, "html": rendered.html,
        "to": [["", "customers@acme.example"], ["Kunden", "kunden@acme.example"]],
        "cc": [["", "support@acme.example"]], "bcc": [["", "audit@acme.example"]],
    }
    data = content.canonical_bytes(canonical)
    assert data == json.dumps(canonical, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    assert "Novák".encode("utf-8") in data  # UTF-8, not \\u escapes
    assert content.notice_hash(incident, notice, rendered) == hashlib.sha256(data).hexdigest()


def test_an_approval_copied_to_another_notice_is_void(incident):
    first = approved(incident)
    first.sent = SentRecord(time="2026-11-27T10:00:00Z")
    second = incident.add_notice("update")
    second.update({name: first.fields[name] for name in ("status", "subject")})
    second.review = copy.deepcopy(first.review)
    assert isinstance(review.approval_status(incident, second, render(incident)), review.Void)


def test_hand_edited_file_is_refused_by_check_can_send(tmp_path, incident):
    approved(incident)
    path = tmp_path / "payments.outage"
    fileformat.save(incident, path)

    # 1. Someone edits the text in the file after approval.
    data = json.loads(path.read_text("utf-8"))
    data["notices"][-1]["fields"]["summary"] += " Everything is guaranteed to work by noon."
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    edited = fileformat.load(path)
    with pytest.raises(review.ApprovalError, match="changed after approval") as caught:
        send_gate.check_can_send(edited, edited.notices[-1], render(edited), Settings())
    assert "guaranteed" in str(caught.value)

    # 2. Someone edits the approved content stored in the file to hide their change.
    data["notices"][-1]["review"]["approval"]["content"]["text"] = render(edited).text
    data["notices"][-1]["review"]["approval"]["content"]["html"] = render(edited).html
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    forged = fileformat.load(path)
    status = review.approval_status(forged, forged.notices[-1], render(forged))
    assert isinstance(status, review.Void) and "does not match its own hash" in status.reason
    with pytest.raises(review.ApprovalError, match="edited by hand"):
        send_gate.check_can_send(forged, forged.notices[-1], render(forged), Settings())

    # 3. Someone replaces the hash.
    data = json.loads(json.dumps(fileformat.to_dict(incident)))
    data["notices"][-1]["review"]["approval"]["hash"] = "0" * 64
    broken = fileformat.from_dict(data)
    with pytest.raises(review.ApprovalError):
        send_gate.check_can_send(broken, broken.notices[-1], render(broken), Settings())


def test_approver_must_differ_from_author(incident):
    notice = incident.notices[-1]
    review.request_review(incident, notice, render(incident), "Jana Novák")
    for name in ("Jana Novák", "jana  novák", "JANA NOVÁK"):
        with pytest.raises(review.ApprovalError, match="someone"):
            review.approve(incident, notice, render(incident), name, REVIEWER)
    # Someone else's name typed on the author's own account is refused too.
    with pytest.raises(review.ApprovalError, match="on their own account"):
        review.approve(incident, notice, render(incident), "Petr Svoboda", Settings(user_name="Jana Novák"))
    assert review.state(notice) == review.IN_REVIEW and review.approval_of(notice) is None
    # The rule can be switched off for a one-person team.
    review.approve(incident, notice, render(incident), "Jana Novák",
                   Settings(user_name="Jana Novák", approver_must_differ=False))
    assert review.state(notice) == review.APPROVED
    events = [entry.event for entry in audit.timeline(incident, notice)]
    assert events[-2:] == [audit.APPROVED, audit.SELF_APPROVED]  # the log says the rule was off
    with pytest.raises(review.ApprovalError, match="approved by its own author"):
        send_gate.check_can_send(incident, notice, render(incident), Settings())
    send_gate.check_can_send(incident, notice, render(incident), Settings(approver_must_differ=False))


def test_check_can_send_names_what_is_missing(incident):
    notice = incident.notices[-1]
    with pytest.raises(review.ApprovalError, match="has not been approved"):
        send_gate.check_can_send(incident, notice, render(incident), Settings())
    send_gate.check_can_send(incident, notice, render(incident), Settings(approval_required=False))
    approved(incident)
    send_gate.check_can_send(incident, notice, render(incident), Settings())
    notice.sent = SentRecord(time="2026-11-27T10:00:00Z")  # a retry resends the archived message
    send_gate.check_can_send(incident, notice, render(incident), Settings())


def test_states_and_steps(incident):
    notice = incident.notices[-1]
    assert review.state(notice) == review.DRAFT
    with pytest.raises(review.ReviewError, match="not in review"):
        review.approve(incident, notice, render(incident), "Petr", REVIEWER)
    with pytest.raises(review.ReviewError, match="not in review"):
        review.request_changes(incident, notice, render(incident), "Petr", "why?")
    review.request_review(incident, notice, render(incident), "Jana Novák", reviewer="petr@acme.example")
    assert review.state(notice) == review.IN_REVIEW
    review.approve(incident, notice, render(incident), "Petr", REVIEWER)
    assert review.state(notice) == review.APPROVED
    assert review.display_state(incident, notice, render(incident)) == "approved"
    with pytest.raises(review.ReviewError, match="approved already"):
        review.request_review(incident, notice, render(incident), "Jana Novák")
    notice.set("summary", "Different words.")
    assert review.display_state(incident, notice, render(incident)) == "approval void"
    void = review.note_changes(incident, notice, render(incident), "Jana Novák")
    assert isinstance(void, review.Void) and review.state(notice) == review.DRAFT
    assert review.note_changes(incident, notice, render(incident), "Jana Novák") is None  # once
    # Changing it back does not revive a recorded void: the reviewer looks again.
    review.request_review(incident, notice, render(incident), "Jana Novák")
    review.approve(incident, notice, render(incident), "Petr", REVIEWER)
    notice.sent = SentRecord(time="2026-11-27T10:00:00Z")
    assert review.state(notice) == review.SENT
    with pytest.raises(NoticeLocked):
        review.request_review(incident, notice, render(incident), "Jana Novák")


def test_a_recorded_void_stays_void_when_the_text_is_changed_back(incident):
    notice = approved(incident)
    original = notice.fields["summary"]
    notice.set("summary", "Other words.")
    review.note_changes(incident, notice, render(incident), "Jana Novák")
    notice.set("summary", original)
    status = review.approval_status(incident, notice, render(incident))
    assert isinstance(status, review.Void) and status.diff == ()
    with pytest.raises(review.ApprovalError):
        send_gate.check_can_send(incident, notice, render(incident), Settings())


def test_changes_requested_per_field_reach_the_author(incident):
    notice = incident.notices[-1]
    review.request_review(incident, notice, render(incident), "Jana Novák")
    review.request_changes(incident, notice, render(incident), "Petr", "Say which regions.", field="summary")
    review.request_changes(incident, notice, render(incident), "Petr", "Add a phone number.")
    assert review.state(notice) == review.CHANGES_REQUESTED
    assert [c.describe() for c in review.change_requests(notice)] == [
        "Petr (summary): Say which regions.", "Petr: Add a phone number."]
    assert [c.comment for c in review.change_requests(notice, field="summary")] == ["Say which regions."]
    status = review.approval_status(incident, notice, render(incident))
    assert isinstance(status, review.Missing) and "Say which regions." in status.reason
    with pytest.raises(review.ReviewError, match="unknown field"):
        review.request_changes(incident, notice, render(incident), "Petr", "x", field="colour")
    with pytest.raises(review.ReviewError, match="comment is empty"):
        review.request_changes(incident, notice, render(incident), "Petr", "  ")
    # Asking for review again answers them; they stay in the record.
    review.request_review(incident, notice, render(incident), "Jana Novák")
    assert review.change_requests(notice) == []
    assert len(review.change_requests(notice, open_only=False)) == 2


def test_changes_requested_after_approval_withdraw_it(incident):
    notice = approved(incident)
    review.request_changes(incident, notice, render(incident), "Petr Svoboda", "Legal wants another look.")
    status = review.approval_status(incident, notice, render(incident))
    assert isinstance(status, review.Void) and "withdrawn" in status.reason


def test_template_problems_block_approval(tmp_path, incident):
    (tmp_path / "en" / "initial").mkdir(parents=True)
    (tmp_path / "en" / "initial" / "body.txt").write_text("{{ broken ", "utf-8")
    notice = incident.notices[-1]
    rendered = Renderer(user_dir=tmp_path).render(incident, notice)
    assert rendered.problems
    review.request_review(incident, notice, rendered, "Jana Novák")
    with pytest.raises(review.ReviewError, match="template problems"):
        review.approve(incident, notice, rendered, "Petr", REVIEWER)


def test_settings_loader(tmp_path):
    assert load_settings(tmp_path) == Settings()
    (tmp_path / "settings.json").write_text(json.dumps({
        "user_name": "  Petr   Svoboda ", "review": {"approval_required": False, "approver_must_differ": False},
        "sharing": {"lock_stale_after_minutes": 5}, "other_module": {"kept": True}}), "utf-8")
    settings = load_settings(tmp_path)
    assert settings == Settings(user_name="Petr Svoboda", approval_required=False, approver_must_differ=False,
                                lock_stale_after_minutes=5.0)
    assert settings.identity() == "Petr Svoboda" and settings.lock_stale_after_seconds == 300


@pytest.mark.parametrize("text", [
    "{not json", "[]", json.dumps({"review": {"approval_required": "no"}}),
    json.dumps({"review": []}), json.dumps({"sharing": {"lock_stale_after_minutes": True}}),
])
def test_broken_settings_keep_the_strict_defaults(tmp_path, text):
    (tmp_path / "settings.json").write_text(text, "utf-8")
    settings = load_settings(tmp_path)
    assert settings.approval_required and settings.approver_must_differ
    assert settings.lock_stale_after_minutes == 30
    assert settings.problems


def test_identity_falls_back_to_the_os_user(monkeypatch):
    monkeypatch.setenv("LOGNAME", "jnovak")
    monkeypatch.setenv("USER", "jnovak")
    assert Settings().identity() == "jnovak"


def test_review_survives_the_file(tmp_path, incident):
    notice = approved(incident)
    path = tmp_path / "payments.outage"
    fileformat.save(incident, path)
    loaded = fileformat.load(path)
    assert fileformat.to_dict(loaded) == fileformat.to_dict(incident)
    status = review.approval_status(loaded, loaded.notices[-1], render(loaded))
    assert isinstance(status, review.Valid) and status.approval.reviewer == "Petr Svoboda"
    assert [e.event for e in audit.timeline(loaded)] == ["review-requested", "approved"]
    assert notice.review.approval.recorded_by["user"] == "Petr Svoboda"


def test_a_version_1_file_without_reviews_loads_and_saves_as_it_was(tmp_path):
    incident = Incident.create("Login slow", "Portal")
    path = tmp_path / "old.outage"
    fileformat.save(incident, path)
    data = json.loads(path.read_text("utf-8"))
    assert "log" not in data and "review" not in data["notices"][0]
    loaded = fileformat.load(path)
    assert loaded.log == [] and loaded.notices[0].review is None
    assert review.state(loaded.notices[0]) == review.DRAFT
    fileformat.save(loaded, path)
    assert json.loads(path.read_text("utf-8")) == data


@pytest.mark.parametrize("mangle, message", [
    (lambda d: d["notices"][0].__setitem__("review", "approved"), "notice 1, 'review': expected an object or null, got the text 'approved'"),
    (lambda d: d["notices"][0]["review"].__setitem__("state", "done"), "notice 1, 'review.state': expected one of draft, in-review, changes-requested, approved, got the text 'done'"),
    (lambda d: d["notices"][0]["review"]["approval"].__setitem__("hash", 5), "notice 1, 'review.approval.hash': expected 64 lower-case hex digits, got a number"),
    (lambda d: d.__setitem__("log", {}), "'log': expected a list, got an object"),
    (lambda d: d["notices"][0]["review"].__setitem__("colour", "red"), "notice 1, 'review' has unknown keys: colour"),
    (lambda d: d["log"][0].__setitem__("who", None), "log entry 1, 'who': expected text, got null"),
])
def test_malformed_review_data_is_a_clear_file_error(tmp_path, incident, mangle, message):
    approved(incident)
    data = json.loads(fileformat.dumps(incident))
    mangle(data)
    path = tmp_path / "bad.outage"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(fileformat.IncidentFileError, match=message):
        fileformat.load(path)
