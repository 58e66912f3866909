"""Review in the window: state, void diff, changes since the previous notice, history, change requests."""
from __future__ import annotations

import json
import re

import pytest

from outagewriter.core.incident.records import SentRecord
from outagewriter.core.render.renderer import Renderer
from outagewriter.core.review import workflow as review
from outagewriter.core.storage import fileformat


def as_user(dirs, name: str) -> None:
    dirs[1].mkdir(parents=True, exist_ok=True)
    (dirs[1] / "settings.json").write_text(json.dumps({"user_name": name}), encoding="utf-8")


def in_review(path, author="Jana Novák"):
    incident = fileformat.load(path)
    notice = incident.notices[-1]
    review.request_review(incident, notice, Renderer().render(incident, notice), author)
    fileformat.save(incident, path)


def type_into(window, name, text):
    editor = window.form.editors[name]
    editor.set_value(editor.value() + text)
    window.form.field_edited.emit(name)
    window.live.run_now()


@pytest.fixture
def reviewer_window(make_window, dirs, incident_file):
    in_review(incident_file)
    as_user(dirs, "Petr Svoboda")
    window = make_window(incident_file)
    window.show_review()
    return window


def test_request_review_is_saved_and_shown(make_window, dirs, incident_file, dialogs, in_prague):
    as_user(dirs, "Jana Novák")
    window = make_window(incident_file)
    window.show_review()
    assert window.review_panel.state.text() == "Draft"
    window.request_review()
    saved = fileformat.load(incident_file).notices[-1]
    assert review.state(saved) == "in-review" and review.author_of(saved) == "Jana Novák"
    assert window.review_panel.state.text() == "In review"
    history = window.review_panel.timeline.item(0).text()
    assert "review requested by Jana Novák" in history
    when = fileformat.load(incident_file).notices[-1].review.requested.time
    assert when.endswith("Z") and when not in history  # stored in UTC, shown in the reader's zone
    assert re.search(r"\((Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} \w{3}( \d{4})?, \d\d:\d\d CES?T\)", history)
    assert "In review" in window.notices.list.item(0).text()
    assert not window.doc.modified


def test_the_author_cannot_approve_and_is_told_why(make_window, dirs, incident_file, dialogs):
    in_review(incident_file)
    as_user(dirs, "Jana Novák")
    window = make_window(incident_file)
    dialogs.answers["approve"] = ("Jana Novák", "")
    window.approve()
    assert dialogs.errors and "approval must come from someone else" in dialogs.errors[0]
    assert "approve" not in dialogs.asked  # refused before the approval was filled in
    assert review.state(fileformat.load(incident_file).notices[-1]) == "in-review"


def test_approve_then_an_edit_voids_it_with_the_words_highlighted(reviewer_window, incident_file, dialogs):
    window = reviewer_window
    dialogs.answers["approve"] = ("Petr Svoboda", "Clear and calm.")
    window.approve()
    assert dialogs.errors == []
    assert isinstance(review.approval_status(*_loaded(incident_file)), review.Valid)
    panel = window.review_panel
    assert panel.state.text() == "Approved by Petr Svoboda"
    assert not panel.void_diff.isVisible()

    type_into(window, "summary", " Refunds follow tomorrow.")
    assert panel.state.text() == "Approval void: changed after approval"
    assert panel.void_diff.isVisible()
    html = panel.void_diff.toHtml()
    assert "Refunds follow tomorrow." in html and "#d3f8df" in html  # the inserted words, in green

    assert window.save()
    saved = fileformat.load(incident_file).notices[-1]
    assert saved.review.approval.voided.reason == review.VOID_CHANGED  # recorded in the file
    assert "approval void" in window.review_panel.timeline.item(window.review_panel.timeline.count() - 1).text()


def test_change_request_on_a_field_is_shown_under_that_field(reviewer_window, incident_file, dialogs):
    window = reviewer_window
    dialogs.answers["request_changes"] = ("Petr Svoboda", "Name the affected countries.", "summary")
    window.request_changes()
    note = window.form.notes["summary"]
    assert note.isVisible() and "Name the affected countries." in note.text()
    assert not window.form.notes["impact"].isVisible()
    assert "Name the affected countries." in window.review_panel.comments.item(0).text()
    assert window.review_panel.state.text() == "Changes requested"
    saved = fileformat.load(incident_file).notices[-1]
    assert review.change_requests(saved)[0].field == "summary"


def test_empty_change_request_is_refused_in_plain_words(reviewer_window, dialogs):
    dialogs.answers["request_changes"] = ("Petr Svoboda", "  ", None)
    reviewer_window.request_changes()
    assert "the comment is empty" in dialogs.errors[0]


def test_changes_since_the_previous_notice(make_window, incident_file):
    window = make_window(incident_file)
    window.show_review()
    assert "first notice" in window.review_panel.previous.toPlainText()
    incident = window.incident
    incident.notices[-1].sent = SentRecord(time="2026-11-27T10:00:00Z", recipients={})  # as if sent
    window.add_notice("update")
    type_into(window, "summary", " Payments work again for most customers.")
    window.review.refresh()
    assert "Payments work again" in window.review_panel.previous.toPlainText()


def _loaded(path):
    incident = fileformat.load(path)
    notice = incident.notices[-1]
    return incident, notice, Renderer().render(incident, notice)


def test_a_reviewer_may_approve_a_file_the_author_has_open(make_window, dirs, incident_file, dialogs):
    from outagewriter.core.storage.locks import EditLock
    from outagewriter.ui.dialogs import READ_ONLY

    in_review(incident_file)
    author = EditLock(incident_file, user="Jana Novák")
    author.acquire()
    try:
        as_user(dirs, "Petr Svoboda")
        dialogs.answers.update(file_locked=READ_ONLY, approve=("Petr Svoboda", ""))
        window = make_window(incident_file)
        assert window.doc.read_only and window.actions_by_key["approve"].isEnabled()
        assert not window.actions_by_key["request_review"].isEnabled()
        window.approve()
        assert dialogs.errors == []
        assert review.state(fileformat.load(incident_file).notices[-1]) == "approved"
    finally:
        author.release()


def test_review_email_dialog_types_into_the_address_and_sends_only_to_one_valid_address(make_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QPushButton

    from outagewriter.core.mail.accounts import Account
    from outagewriter.ui.review_dialogs import ReviewEmailDialog

    window = make_window()
    dialog = ReviewEmailDialog([Account("work", "ops@acme.example", "smtp.acme.example")], window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    address = dialog.reviewer
    assert dialog.focusWidget() is address
    send = dialog.findChild(QPushButton, "review_dialog_ok")
    problem = dialog.findChild(QLabel, "review_email_problem")
    assert not send.isEnabled() and not problem.isVisible()
    qtbot.keyClick(address, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter with no address sends nothing
    qtbot.keyClicks(address, "petr@")
    qtbot.keyClick(address, Qt.Key.Key_Return)
    assert dialog.isVisible() and not send.isEnabled()
    assert problem.isVisible() and problem.text() == (
        "Not an email address: 'petr@' (There must be something after the @-sign)")
    qtbot.keyClicks(address, "reviewers.example")
    assert send.isEnabled() and not problem.isVisible()
    qtbot.keyClick(address, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    assert dialog.values() == ("work", "petr@reviewers.example")


def test_approving_a_draft_is_refused_before_the_approval_is_filled_in(make_window, incident_file, dialogs):
    window = make_window(incident_file)  # a draft: nobody asked for a review yet
    dialogs.answers["approve"] = ("Petr Svoboda", "Fine.")
    window.approve()
    assert dialogs.errors == ["Cannot approve: This notice is not in review (draft): its author asks for a "
                              "review first."]
    assert "approve" not in dialogs.asked
    assert review.state(fileformat.load(incident_file).notices[-1]) == "draft"
