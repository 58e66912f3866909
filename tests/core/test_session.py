"""The application layer the window and the command line share: services, session operations, actions."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from outagewriter.core.incident.records import SentRecord
from outagewriter.core.review import workflow as review
from outagewriter.core.session.actions import ActionState, enabled_actions
from outagewriter.core.session.changes import NOTHING, Changes
from outagewriter.core.session.errors import (
    ConflictError,
    FieldError,
    IncidentFileError,
)
from outagewriter.core.session.one_shot import changing
from outagewriter.core.session.services import Services
from outagewriter.core.session.session import Session
from outagewriter.core.settings import Settings
from outagewriter.core.storage import fileformat
from outagewriter.core.storage.locks import EditLock, FileLocked, lock_path_for


@pytest.fixture
def services(tmp_path):
    return Services.load(config_dir=tmp_path / "config", settings=Settings(user_name="Jana Novák"))


@pytest.fixture
def saved(tmp_path, incident, services):
    path = tmp_path / "payments.outage"
    fileformat.save(incident, path)
    return Session.open(services, path)


def test_services_read_the_users_templates_and_rule_packs(tmp_path):
    config = tmp_path / "config"
    (config / "templates" / "en" / "initial").mkdir(parents=True)
    (config / "templates" / "en" / "initial" / "subject.txt").write_text("Our own subject: {{ title }}", "utf-8")
    (config / "rules").mkdir()
    (config / "rules" / "quiet.json").write_text(json.dumps({"disabled": ["guilt.intensified-apology"]}), "utf-8")
    services = Services.load(config_dir=config, settings=Settings())
    session = Session.new(services, "Card payments failing", "Acme Pay")
    notice = session.incident.notices[-1]
    notice.set("summary", "We are deeply, truly sorry that card payments fail.")
    assert session.render(notice).subject == "Our own subject: Card payments failing"
    assert "guilt.intensified-apology" not in {f.rule for f in services.check(session.incident, notice)}
    assert services.tone("en") is services.tone("en")  # built once


def test_edit_keeps_every_accepted_value_and_reports_the_refused_ones(saved):
    heard: list[Changes] = []
    saved.subscribe(heard.append)
    notice = saved.incident.notices[-1]
    result = saved.edit(notice, {"summary": "Payments work again for most customers.", "to": "a@example..com"},
                        {"started": "not a time"})
    assert notice.fields["summary"] == "Payments work again for most customers."
    assert set(result.refused) == {"to", "time started"} and "customers@acme.example" in notice.fields["to"]
    assert result.changes.content and saved.modified and heard == [result.changes]


def test_edit_that_stores_nothing_changes_nothing(saved):
    notice = saved.incident.notices[-1]
    result = saved.edit(notice, {"summary": notice.fields["summary"]})
    assert result.changes is NOTHING and not saved.modified


def test_update_is_all_or_nothing_times_included(saved):
    notice = saved.incident.notices[-1]
    before_fields, before_times = dict(notice.fields), dict(saved.incident.times)
    with pytest.raises(FieldError):
        saved.update(notice, {"summary": "New text."}, {"started": "2026-11-27T09:40+01:00",
                                                          "resolved": "2026-11-27T08:00+01:00"})
    assert notice.fields == before_fields and saved.incident.times == before_times


def test_the_one_save_records_voided_approvals_before_writing(saved):
    notice = saved.incident.notices[-1]
    rendered = saved.render(notice)
    review.request_review(saved.incident, notice, rendered, "Jana Novák")
    review.approve(saved.incident, notice, rendered, "Petr Svoboda", Settings())
    saved.save()
    saved.edit(notice, {"summary": "A different summary, never approved."})
    changes = saved.save()
    on_disk = fileformat.load(saved.path)
    assert [number for number, _void in saved.voided] == [1] and changes.review
    assert review.state(on_disk.notices[-1]) == review.DRAFT
    assert on_disk.log[-1]["event"] == "voided" and on_disk.log[-1]["who"] == "Jana Novák"


def test_save_never_overwrites_what_someone_else_saved(saved):
    other = fileformat.load(saved.path)
    other.notices[-1].set("summary", "Written by someone else.")
    fileformat.save(other, saved.path)
    saved.edit(saved.incident.notices[-1], {"summary": "Mine."})
    with pytest.raises(ConflictError):
        saved.save()
    assert fileformat.load(saved.path).notices[-1].fields["summary"] == "Written by someone else."
    saved.save(force=True)
    assert fileformat.load(saved.path).notices[-1].fields["summary"] == "Mine."


def test_add_notice_shows_the_new_notice(saved, services):
    saved.incident.notices[-1].sent = SentRecord(time="2026-11-27T10:00:00Z", account="work", addressed=[],
                                                 recipients={})
    changes = saved.add_notice("update")
    assert changes.shown == 1 and changes.notices and saved.number(saved.incident.notices[-1]) == 2


def test_open_refuses_a_broken_file_in_plain_words(tmp_path, services):
    path = tmp_path / "broken.outage"
    path.write_text("{not json", "utf-8")
    with pytest.raises(IncidentFileError, match="broken.outage"):
        Session.open(services, path)


def test_changes_merge():
    merged = Changes(content=True, message="a") | Changes(review=True, shown=2)
    assert merged == Changes(content=True, review=True, shown=2, message="a")


@pytest.mark.parametrize("state, on, off", [
    (ActionState(read_only=False, has_file=True, notice_sent=False, fully_sent=False, can_add=False),
     {"save", "send", "send_test", "request_review"}, {"add_update", "approve", "request_changes"}),
    (ActionState(read_only=False, has_file=True, notice_sent=False, fully_sent=False, can_add=False, in_review=True),
     {"save", "send", "approve", "request_changes"}, {"add_update"}),
    (ActionState(read_only=True, has_file=True, notice_sent=False, fully_sent=False, can_add=False, in_review=True),
     {"approve", "request_changes"}, {"save", "send", "send_test", "request_review"}),
    (ActionState(read_only=False, has_file=True, notice_sent=True, fully_sent=True, can_add=True),
     {"save", "add_update", "add_post-incident"}, {"send", "approve", "send_test", "add_maintenance"}),
    # planned maintenance goes on in maintenance notices, never in incident updates
    (ActionState(read_only=False, has_file=True, notice_sent=True, fully_sent=True, can_add=True, maintenance=True),
     {"save", "add_maintenance"}, {"add_update", "add_resolution", "add_post-incident"}),
    (ActionState(read_only=False, has_file=True, notice_sent=True, fully_sent=False, can_add=True),
     {"send"}, {"approve"}),
    (ActionState(read_only=True, has_file=False, notice_sent=False, fully_sent=False, can_add=False),
     set(), {"approve", "save"}),
])
def test_enabled_actions_follow_the_state(state, on, off):
    enabled = enabled_actions(state)
    assert on <= enabled and not (off & enabled)


def test_a_command_session_saves_once_and_unlocks(saved, services):
    with changing(services, saved.path) as session:
        assert lock_path_for(saved.path).exists()
        session.update(session.incident.notices[-1], {"summary": "From the command line."})
    assert not lock_path_for(saved.path).exists()
    assert fileformat.load(saved.path).notices[-1].fields["summary"] == "From the command line."


def test_a_failing_command_leaves_the_file_as_it_was(saved, services):
    before = open(saved.path, "rb").read()
    with pytest.raises(FieldError):
        with changing(services, saved.path) as session:
            session.update(session.incident.notices[-1], {"summary": "Half"})
            session.update(session.incident.notices[-1], {"status": "no such status"})
    assert open(saved.path, "rb").read() == before and not lock_path_for(saved.path).exists()


def test_the_session_layer_imports_no_qt():
    code = ("import sys, outagewriter.core.session.session, outagewriter.core.session.one_shot; "
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.strip() == "[]"


def test_save_as_onto_a_file_open_elsewhere_is_refused_and_leaves_it_alone(saved, tmp_path, incident):
    theirs = tmp_path / "theirs.outage"
    fileformat.save(incident, theirs)
    before = theirs.read_bytes()
    their_lock = EditLock(theirs, user="Petr Svoboda")
    their_lock.acquire()
    try:
        with pytest.raises(FileLocked, match="Petr Svoboda"):
            saved.save(theirs)
        assert theirs.read_bytes() == before and saved.path != str(theirs)
    finally:
        their_lock.release()


def test_save_as_holds_the_new_files_lock_and_lets_go_of_the_old(saved, tmp_path):
    saved.acquire_lock()
    old = saved.path
    saved.save(tmp_path / "copy.outage")
    assert lock_path_for(tmp_path / "copy.outage").exists() and not lock_path_for(old).exists()
    saved.release_lock()


def test_overwriting_keeps_their_audit_entries_and_voids_their_approval(saved):
    other = fileformat.load(saved.path)
    notice = other.notices[-1]
    rendered = Session(saved.services, other).render(notice)
    review.request_review(other, notice, rendered, "Jana Novák")
    review.approve(other, notice, rendered, "Petr Svoboda", Settings())
    fileformat.save(other, saved.path)
    saved.edit(saved.incident.notices[-1], {"summary": "Mine, written before their approval arrived."})
    with pytest.raises(ConflictError):
        saved.save()
    saved.save(force=True)
    events = [(e["event"], e["who"]) for e in fileformat.load(saved.path).log]
    assert ("approved", "Petr Svoboda") in events and ("review-requested", "Jana Novák") in events
    assert events[-1] == ("voided", "Jana Novák")


def test_update_names_every_refused_value(saved):
    notice = saved.incident.notices[-1]
    with pytest.raises(FieldError) as refused:
        saved.update(notice, {"summary": "Fine.", "to": "bad@@x", "data_loss": "maybe", "next_update": "2026-12-27T11:00"},
                     {"started": "yesterday"})
    message = str(refused.value)
    for name in ("to", "data_loss", "next_update", "started"):
        assert f"{name}:" in message, message
    assert notice.fields["summary"] != "Fine."
