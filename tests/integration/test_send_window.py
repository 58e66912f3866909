"""Sending from the window through a real aiosmtpd STARTTLS server, with the password in the real keyring.

Run with QT_QPA_PLATFORM=offscreen under scripts/with-keyring (the test command does both).
"""
from __future__ import annotations

import os
from email import message_from_bytes
from email.policy import SMTP

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QLabel, QPushButton  # noqa: E402
from send_helpers import addresses, write_incident  # noqa: E402

from outagewriter.app import build_context, create_window  # noqa: E402
from outagewriter.core.mail.archive import archive_folder  # noqa: E402
from outagewriter.core.review import workflow as review
from outagewriter.core.storage import fileformat
from outagewriter.core.storage.locks import SendLock  # noqa: E402
from outagewriter.ui.accounts_dialog import AccountsDialog  # noqa: E402
from outagewriter.ui.dialogs import DISCARD, Dialogs  # noqa: E402

pytestmark = pytest.mark.integration


class Answers(Dialogs):
    def __init__(self):
        self.answers = {"send": None, "password": None}
        self.asked, self.errors, self.messages = [], [], []

    def send(self, parent, accounts, plan_text, test, chats=()):
        self.asked.append("send")
        self.messages.append(plan_text)
        self.chats_offered = tuple(chats)
        name = self.answers["send"]
        return None if name is None else (name, self.answers.get("post_chats", True))

    def password(self, parent, account):
        self.asked.append("password")
        return self.answers["password"]

    def info(self, parent, title, text):
        self.messages.append(f"{title}: {text}")

    def error(self, parent, title, text):
        self.errors.append(f"{title}: {text}")

    def unsaved_changes(self, parent, name):
        return DISCARD


class _Off:
    enabled = False


@pytest.fixture
def open_window(qtbot, tmp_path, real_keyring):
    contexts = []

    def make(path, dialogs):
        context = build_context(state_dir=tmp_path / "state", config_dir=tmp_path / "config", dialogs=dialogs,
                                grammar=_Off(), secrets=real_keyring)
        contexts.append(context)
        window = create_window(path, context, offer_recovery=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for context in contexts:
        context.tasks.wait()


def _send(qtbot, window, *, test=False):
    (window.send_test if test else window.send_notice)()
    qtbot.waitUntil(lambda: not window.sending.running, timeout=30000)


def test_send_from_the_window_through_starttls(qtbot, tmp_path, smtp_server, real_keyring, account_name,
                                               open_window):
    path = write_incident(tmp_path, addresses(25))
    dialogs = Answers()
    window = open_window(path, dialogs)
    window.context.accounts.save(smtp_server.account(account_name))
    real_keyring.set(account_name, smtp_server.password)
    dialogs.answers["send"] = account_name

    _send(qtbot, window)

    assert dialogs.errors == []
    assert "goes to 25 recipients" in dialogs.messages[0] and "Approved by Petr Svoboda" in dialogs.messages[0]
    assert "password" not in dialogs.asked  # the keyring had it
    assert sum(smtp_server.delivered().values()) == 25
    assert "Notice 1: 25 of 25 recipients accepted." in dialogs.messages[-1]
    saved = fileformat.load(path).notices[-1]
    assert saved.is_sent and len(saved.sent.recipients) == 25
    assert window.notice.is_sent
    assert window.form.editors["summary"].isReadOnly()
    assert window.read_only_banner.isVisible()
    assert "Sent" in window.notices.list.item(0).text()
    assert not window.actions_by_key["send"].isEnabled()
    qtbot.wait(300)
    assert not window.disk_banner.isVisible()  # our own saves while sending are not someone else's


def _send_first_batch_then_cancel(qtbot, tmp_path, smtp_server, real_keyring, account_name, open_window):
    """25 recipients in batches of 10, Cancel pressed after the first batch: a partly sent notice."""
    path = write_incident(tmp_path, addresses(25))
    dialogs = Answers()
    window = open_window(path, dialogs)
    window.context.accounts.save(smtp_server.account(account_name, batch_size=10))
    real_keyring.set(account_name, smtp_server.password)
    dialogs.answers["send"] = account_name
    stop = lambda done, total: window.sending.cancel.set()  # noqa: E731
    window.sending.progress.connect(stop, Qt.ConnectionType.DirectConnection)  # on the sending thread
    _send(qtbot, window)
    window.sending.progress.disconnect(stop)
    return path, dialogs, window


def test_cancel_stops_between_batches_and_a_retry_reaches_only_the_rest(
        qtbot, tmp_path, smtp_server, real_keyring, account_name, open_window):
    path, dialogs, window = _send_first_batch_then_cancel(qtbot, tmp_path, smtp_server, real_keyring,
                                                          account_name, open_window)
    assert "Stopped on request; 15 recipients were not tried" in dialogs.messages[-1]
    assert sum(smtp_server.delivered().values()) == 10
    assert "Partly sent" in window.notices.list.item(0).text()
    assert window.actions_by_key["send"].isEnabled()

    _send(qtbot, window)
    assert "15 recipient" in dialogs.messages[-2] and "10 got it already" in dialogs.messages[-2]
    delivered = smtp_server.delivered()
    assert sum(delivered.values()) == 25 and max(delivered.values()) == 1  # nobody twice


def test_test_to_myself_asks_the_password_when_the_keyring_has_none(
        qtbot, tmp_path, smtp_server, account_name, open_window):
    path = write_incident(tmp_path, addresses(3), approved=False)
    dialogs = Answers()
    window = open_window(path, dialogs)
    window.context.accounts.save(smtp_server.account(account_name))
    dialogs.answers.update(send=account_name, password=smtp_server.password)

    _send(qtbot, window, test=True)

    assert dialogs.asked == ["send", "password"]
    received = smtp_server.received
    assert len(received) == 1 and received[0].rcpt_tos == [smtp_server.user]
    assert b"[TEST]" in received[0].data
    assert not fileformat.load(path).notices[-1].is_sent


def test_an_unapproved_notice_is_not_sent_and_the_reason_is_shown(
        qtbot, tmp_path, smtp_server, account_name, open_window):
    path = write_incident(tmp_path, addresses(3), approved=False)
    dialogs = Answers()
    window = open_window(path, dialogs)
    window.context.accounts.save(smtp_server.account(account_name))
    dialogs.answers["send"] = account_name

    window.send_notice()

    assert not window.sending.running
    assert dialogs.asked == []
    assert "Notice 1 has not been approved yet. Ask a reviewer to approve it" in dialogs.errors[0]
    assert "outagewriter" not in dialogs.errors[0]  # the window's words, not the command line's
    assert smtp_server.received == []


def test_accounts_dialog_tests_the_connection_with_the_keyring_password(
        qtbot, tmp_path, smtp_server, real_keyring, account_name, open_window):
    path = write_incident(tmp_path, addresses(1))
    window = open_window(path, Answers())
    window.context.accounts.save(smtp_server.account(account_name))
    real_keyring.set(account_name, smtp_server.password)
    dialog = AccountsDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name.text() == account_name
    assert "Saved in the system keyring" in dialog.findChild(QLabel, "account_password_note").text()
    dialog.findChild(QPushButton, "account_test").click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=20000)
    text = dialog.test_result.text()
    assert "Connected to 127.0.0.1" in text and "encrypted (TLSv1." in text and "signed in as" in text
    assert smtp_server.password not in text


def email_review_request(qtbot, tmp_path, server, keyring, account_name, open_window):
    """The author asks petr@reviewers.example for a review by email, through `server`."""
    path = write_incident(tmp_path, addresses(2), approved=False)
    dialogs = Answers()
    dialogs.review_by_email = lambda parent, accounts: (account_name, "petr@reviewers.example")
    window = open_window(path, dialogs)
    window.context.accounts.save(server.account(account_name))
    keyring.set(account_name, server.password)
    window.request_review_by_email()
    qtbot.waitUntil(lambda: not window.review.emailing, timeout=30000)
    return path, window, dialogs


def test_request_review_by_email_sends_the_notice_with_the_file_attached(
        qtbot, tmp_path, smtp_server, real_keyring, account_name, open_window):
    path, window, dialogs = email_review_request(qtbot, tmp_path, smtp_server, real_keyring, account_name,
                                                 open_window)

    assert dialogs.errors == []
    assert "petr@reviewers.example" in dialogs.messages[-1]
    received = smtp_server.received
    assert len(received) == 1 and received[0].rcpt_tos == ["petr@reviewers.example"]
    assert b"Please review" in received[0].data and b'filename="card-payments.outage"' in received[0].data
    saved = fileformat.load(path).notices[-1]
    assert saved.review.state == "in-review" and saved.review.requested.reviewer == "petr@reviewers.example"
    attached = next(part for part in message_from_bytes(received[0].data, policy=SMTP).iter_attachments())
    sent_copy = fileformat.loads(attached.get_payload(decode=True).decode("utf-8"))
    assert sent_copy.notices[-1].review == saved.review  # the reviewer can approve the attached file at once


def test_a_refused_review_request_leaves_the_notice_a_draft_and_says_so(
        qtbot, tmp_path, faulty_smtp, real_keyring, account_name, open_window):
    faulty_smtp.faults.rcpt["petr@reviewers.example"] = "550 5.1.1 No such user"
    path, window, dialogs = email_review_request(qtbot, tmp_path, faulty_smtp, real_keyring, account_name,
                                                 open_window)

    assert len(dialogs.errors) == 1
    assert dialogs.errors[0].startswith("Review request not sent: Nothing went to petr@reviewers.example. "
                                        "The notice is still a draft")
    assert faulty_smtp.received == []
    assert fileformat.load(path).notices[-1].review is None  # nothing recorded in the file
    assert review.state(window.notice) == "draft" and "Draft" in window.notices.list.item(0).text()


def test_the_window_does_not_send_while_someone_else_is_sending(
        qtbot, tmp_path, smtp_server, real_keyring, account_name, open_window):
    path = write_incident(tmp_path, addresses(3))
    dialogs = Answers()
    other = SendLock(path, user="Petr Svoboda")  # `outagewriter send` started elsewhere, before the window
    other.acquire()
    window = open_window(path, dialogs)  # holds its own edit lock: that one does not stand in its own way
    window.context.accounts.save(smtp_server.account(account_name))
    real_keyring.set(account_name, smtp_server.password)
    dialogs.answers["send"] = account_name

    _send(qtbot, window)
    other.release()
    assert len(dialogs.errors) == 1 and "card-payments.outage is being sent by Petr Svoboda" in dialogs.errors[0]
    assert smtp_server.received == [] and not fileformat.load(path).notices[-1].is_sent

    _send(qtbot, window)
    assert sum(smtp_server.delivered().values()) == 3


def test_a_retry_from_the_window_refuses_an_edited_archive(
        qtbot, tmp_path, smtp_server, real_keyring, account_name, open_window):
    path, dialogs, window = _send_first_batch_then_cancel(qtbot, tmp_path, smtp_server, real_keyring,
                                                          account_name, open_window)
    archived, = archive_folder(path).glob("*.eml")
    archived.write_bytes(archived.read_bytes().replace(b"Card payments", b"Card paymentz"))

    _send(qtbot, window)
    assert "Not sent: Notice 1 cannot be sent to the rest: the archive" in dialogs.errors[-1]
    assert "was changed after the notice first went out" in dialogs.errors[-1]
    assert sum(smtp_server.delivered().values()) == 10
