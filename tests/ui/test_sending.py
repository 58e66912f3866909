"""Sending from the window, the parts that need no server (the real sends are in
tests/integration/test_send_window.py)."""
from __future__ import annotations

from outagewriter.core.mail.accounts import Account


def test_without_an_account_the_window_says_where_to_add_one(make_window, incident_file, dialogs):
    window = make_window(incident_file)
    window.send_notice()
    assert "Settings → Mail accounts" in dialogs.errors[0]
    assert "send" not in dialogs.asked


def test_an_unapproved_notice_is_refused_before_any_question(make_window, incident_file, dialogs):
    window = make_window(incident_file)
    window.context.accounts.save(Account("work", "ops@acme.example", "smtp.acme.example"))
    window.send_notice()
    assert "cannot be sent: it has not been approved" in dialogs.errors[0]
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
