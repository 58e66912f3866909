"""Sending from the window, the parts that need no server (the real sends are in
tests/integration/test_send_window.py)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from outagewriter.core.mail.accounts import Account
from outagewriter.core.render.renderer import Renderer
from outagewriter.core.review import workflow as review
from outagewriter.core.storage import fileformat


def test_without_an_account_the_window_offers_mail_accounts(make_window, incident_file, dialogs):
    window = make_window(incident_file)
    window.send_test()
    assert dialogs.asked == ["no_account"]  # declined: nothing else is asked
    assert "Mail accounts" in dialogs.messages[0]


def test_a_notice_that_may_not_go_out_is_refused_before_asking_for_an_account(make_window, incident_file, dialogs):
    window = make_window(incident_file)  # not approved, and no mail account yet
    window.send_notice()
    assert dialogs.asked == [] and dialogs.errors[0].startswith("Not approved: Notice 1 has not been approved")


def add_work_account(qtbot):
    def fill(dialog):
        for name, text in (("name", "work"), ("sender_address", "ops@acme.example"),
                           ("host", "smtp.acme.example")):
            qtbot.keyClicks(dialog.findChild(QLineEdit, f"account_{name}"), text)
        qtbot.mouseClick(dialog.findChild(QPushButton, "account_save"), Qt.MouseButton.LeftButton)
    return fill


def test_mail_accounts_opens_from_the_send_and_the_send_goes_on_once_saved(make_window, incident_file, dialogs,
                                                                           qtbot):
    window = make_window(incident_file)
    dialogs.answers.update(no_account=True, accounts=add_work_account(qtbot))
    window.send_test()
    assert dialogs.asked == ["no_account", "accounts", "send"]
    assert window.context.accounts.names() == ["work"]


def test_closing_mail_accounts_without_saving_one_stops_the_send(make_window, incident_file, dialogs):
    window = make_window(incident_file)
    dialogs.answers.update(no_account=True, accounts=None)
    window.send_test()
    assert dialogs.asked == ["no_account", "accounts"]


def test_an_unapproved_notice_is_refused_before_any_question_in_the_window_s_words(make_window, incident_file,
                                                                                    dialogs):
    window = make_window(incident_file)
    window.context.accounts.save(Account("work", "ops@acme.example", "smtp.acme.example"))
    window.send_notice()
    assert dialogs.errors == ["Not approved: Notice 1 has not been approved yet. Ask a reviewer to approve it "
                              "(Review tab, Request review), then send it."]
    assert dialogs.asked == []


def test_cancelling_the_send_dialog_sends_nothing(make_window, incident_file, dialogs):
    window = make_window(incident_file)
    window.context.accounts.save(Account("work", "ops@acme.example", "smtp.acme.example"))
    dialogs.answers["send"] = None
    window.send_test()
    assert dialogs.asked == ["send"]
    assert "[TEST] copy of notice 1" in dialogs.messages[0]
    assert not window.sending.running


def test_closing_while_sending_is_refused(make_window, incident_file, dialogs):
    window = make_window(incident_file)
    window.sending.running = True  # as while the network thread sends
    assert not window.close()
    assert "Sending in progress" in dialogs.errors[0]
    window.sending.running = False
    assert window.close()


def approve_in_another_process(path, folder) -> None:
    """The reviewer approves on their own computer (own settings), while the author's window is open."""
    config = folder / "reviewer-config"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps({"user_name": "Petr Svoboda"}), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "outagewriter", "approve", str(path), "--reviewer", "Petr Svoboda",
                           "--ignore-lock"], env=dict(os.environ, OUTAGEWRITER_CONFIG_DIR=str(config)),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def author_window(make_window, dirs, incident_file):
    incident = fileformat.load(incident_file)
    notice = incident.notices[-1]
    notice.update({"to": "customers@acme.example"})
    review.request_review(incident, notice, Renderer().render(incident, notice), "Jana Novák")
    fileformat.save(incident, incident_file)
    dirs[1].mkdir(parents=True, exist_ok=True)
    (dirs[1] / "settings.json").write_text(json.dumps({"user_name": "Jana Novák"}), encoding="utf-8")
    window = make_window(incident_file)
    window.context.accounts.save(Account("work", "ops@acme.example", "smtp.acme.example"))
    return window


def test_send_after_an_approval_saved_elsewhere_offers_to_reload_it(author_window, incident_file, dialogs,
                                                                    tmp_path):
    window = author_window
    approve_in_another_process(incident_file, tmp_path)
    window.send_notice()
    assert dialogs.asked == ["confirm", "send"]  # reload the approval, then the usual last look
    offer = dialogs.messages[0]
    assert offer.startswith("Approved meanwhile: Petr Svoboda approved this notice (")
    assert "covers exactly the text and recipients you see now" in offer
    assert "Approved by Petr Svoboda (" in dialogs.messages[1]
    assert not re.search(r"\d{4}-\d\d-\d\dT", offer + dialogs.messages[1])  # a time for people, not ISO
    assert review.state(window.notice) == "approved" and not window.doc.modified


def test_send_after_an_approval_of_another_version_explains_the_difference(author_window, incident_file, dialogs,
                                                                          tmp_path, qtbot):
    window = author_window
    approve_in_another_process(incident_file, tmp_path)
    summary = window.form.editors["summary"]
    summary.set_value(summary.value() + " Refunds follow.")
    window.form.field_edited.emit("summary")
    window.send_notice()
    assert dialogs.asked == []
    error, = dialogs.errors
    assert error.startswith("Approved, but another version: Petr Svoboda approved this notice in the file (")
    assert "{+Refunds follow.+}" in error and "outagewriter" not in error
    assert window.doc.modified and "Refunds follow." in window.notice.fields["summary"]  # nothing lost
