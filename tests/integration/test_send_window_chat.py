"""Sending from the window to audiences that follow chat destinations: the send dialog names them, the
box skips them, a destination without a webhook URL is said before anything goes out, and the result
lists each post. A real SMTP server, a local stand-in for each chat service's webhook, the real keyring."""
from __future__ import annotations

import pytest
from chat_helpers import approved_notice_file, save_urls, write_settings
from test_send_window import Answers, _send, open_window  # noqa: F401  (open_window is a fixture)

from outagewriter.core.session.services import Services
from outagewriter.core.storage import fileformat

pytestmark = pytest.mark.integration
OFFERED = ("Status channel (Slack)", "Team chat (Microsoft Teams)", "Ops (Discord)")


@pytest.fixture
def chat_incident(tmp_path, chat_keyring):
    """An approved notice to two audiences that follow three chat destinations between them."""
    write_settings(tmp_path / "config")
    return approved_notice_file(tmp_path, Services.load(config_dir=tmp_path / "config"))


def send_from_window(qtbot, open_window, path, smtp_server, account_name, real_keyring, **answers):  # noqa: F811
    dialogs = Answers()
    window = open_window(path, dialogs)
    window.context.accounts.save(smtp_server.account(account_name))
    real_keyring.set(account_name, smtp_server.password)
    dialogs.answers.update(send=account_name, **answers)
    _send(qtbot, window)
    return dialogs


def posts_on_disk(path) -> dict[str, str]:
    sent = fileformat.load(path).notices[-1].sent
    return {name: entry.status for name, entry in (sent.posts or {}).items()}


def test_the_send_dialog_names_the_chat_destinations_and_the_result_lists_each_post(
        qtbot, open_window, chat_incident, smtp_server, webhook_server, chat_keyring, real_keyring,  # noqa: F811
        account_name):
    save_urls(chat_keyring, webhook_server)
    dialogs = send_from_window(qtbot, open_window, chat_incident, smtp_server, account_name, real_keyring)
    assert dialogs.errors == []
    assert dialogs.chats_offered == OFFERED
    assert len(webhook_server.requests) == 3
    result = dialogs.messages[-1]
    assert result.startswith("Sent: Notice 1: 2 of 2 recipients accepted.")
    for offered in OFFERED:
        assert f"Posted to {offered}." in result
    assert posts_on_disk(chat_incident) == {"Status channel": "posted", "Team chat": "posted", "Ops": "posted"}


def test_unticking_chat_sends_only_the_email(qtbot, open_window, chat_incident, smtp_server, webhook_server,  # noqa: F811
                                             chat_keyring, real_keyring, account_name):
    save_urls(chat_keyring, webhook_server)
    dialogs = send_from_window(qtbot, open_window, chat_incident, smtp_server, account_name, real_keyring,
                               post_chats=False)
    assert dialogs.errors == []
    assert dialogs.chats_offered == OFFERED
    assert webhook_server.requests == []
    assert sum(smtp_server.delivered().values()) == 2
    assert "Posted" not in dialogs.messages[-1]
    assert set(posts_on_disk(chat_incident).values()) == {"pending"}  # a later send can still post them


def test_a_destination_without_a_webhook_url_is_told_before_sending_and_the_email_still_goes(
        qtbot, open_window, chat_incident, smtp_server, webhook_server, chat_keyring, real_keyring,  # noqa: F811
        account_name):
    save_urls(chat_keyring, webhook_server, names=("Status channel", "Team chat"))  # none for Ops
    dialogs = send_from_window(qtbot, open_window, chat_incident, smtp_server, account_name, real_keyring)
    plan_text = dialogs.messages[0]
    assert "No chat posts this time: No webhook URL is saved for Ops (Discord)" in plan_text
    assert "Nothing was sent" not in plan_text
    assert dialogs.chats_offered == ()
    assert dialogs.errors == []
    assert sum(smtp_server.delivered().values()) == 2
    assert webhook_server.requests == []
