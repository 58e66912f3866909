"""Settings › Chat and the audiences that follow its destinations, driven as a person would, with the
real keyring: a webhook URL lands in the keyring and never in settings.json, is never shown again, and a
URL the service cannot use is refused in one line with nothing saved."""
from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QPushButton
from test_settings_dialog import open_settings, saved

from outagewriter.core.chat.secrets import WebhookSecrets

SLACK_URL = "https://hooks.slack.com/services/T0000/B0000/abcdefghijklmnop"


@pytest.fixture
def webhooks() -> WebhookSecrets:
    """The real Secret Service; its absence is a failure: the test command runs under scripts/with-keyring."""
    store = WebhookSecrets()
    if not store.available():
        pytest.fail("no working keyring; run the tests under scripts/with-keyring")
    return store


@pytest.fixture
def destination_name(webhooks):
    """A unique destination name; its keyring entries are removed afterwards."""
    name = f"Status channel {uuid.uuid4().hex[:8]}"
    yield name
    for stored in (name, f"{name} renamed"):
        webhooks.delete(stored)


def press(qtbot, widget, name):
    button = widget.findChild(QPushButton, name)
    assert button.isEnabled(), f"{name} is greyed out"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot, editor, text):
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def choose_service(qtbot, combo, label):
    combo.setFocus()
    while combo.currentText() != label:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def add_destination(qtbot, dialog, name, service, url):
    page = dialog.chat
    press(qtbot, page, "chat_add")
    type_into(qtbot, page.name, name)
    choose_service(qtbot, page.service, service)
    type_into(qtbot, page.url, url)


def test_a_webhook_url_goes_to_the_keyring_never_the_file_and_is_never_shown(
        qtbot, dirs, make_window, webhooks, destination_name):
    window = make_window()
    dialog = open_settings(qtbot, window, "Chat")
    add_destination(qtbot, dialog, destination_name, "Slack", SLACK_URL)
    assert dialog.chat.url_note.text() == "Stored in the keyring when you press OK or Apply."
    press(qtbot, dialog, "settings_ok")

    assert saved(dirs)["chat_destinations"] == [{"name": destination_name, "service": "slack"}]
    assert SLACK_URL not in (dirs[1] / "settings.json").read_text(encoding="utf-8")
    assert webhooks.get(destination_name) == SLACK_URL
    page = open_settings(qtbot, window, "Chat").chat
    assert page.list.item(0).text() == destination_name and page.service.currentText() == "Slack"
    assert page.url.text() == ""  # the stored URL is never put back into the field
    assert "stored in the keyring" in page.url.placeholderText()
    assert page.url_note.text() == "The URL is stored in the keyring."


def test_renaming_keeps_the_url_and_removing_deletes_it(qtbot, dirs, make_window, webhooks, destination_name):
    window = make_window()
    dialog = open_settings(qtbot, window, "Chat")
    add_destination(qtbot, dialog, destination_name, "Slack", SLACK_URL)
    press(qtbot, dialog, "settings_apply")
    type_into(qtbot, dialog.chat.name, f"{destination_name} renamed")
    press(qtbot, dialog, "settings_apply")
    assert webhooks.get(f"{destination_name} renamed") == SLACK_URL
    assert webhooks.get(destination_name) is None
    press(qtbot, dialog.chat, "chat_remove")
    press(qtbot, dialog, "settings_ok")
    assert webhooks.get(f"{destination_name} renamed") is None
    assert saved(dirs)["chat_destinations"] == []


def test_a_url_the_service_cannot_use_is_refused_in_one_line_and_nothing_is_saved(
        qtbot, dirs, make_window, webhooks, destination_name):
    window = make_window()
    dialog = open_settings(qtbot, window, "Chat")
    add_destination(qtbot, dialog, destination_name, "Slack", "http://example.com/not-a-webhook")
    note = dialog.chat.url_note.text()
    assert note and "\n" not in note and note != "Stored in the keyring when you press OK or Apply."
    assert not dialog.chat.test.isEnabled()
    press(qtbot, dialog, "settings_apply")
    error = dialog.findChild(QLabel, "settings_error")
    assert error.isVisible() and "\n" not in error.text()
    assert error.text().startswith(f"Not saved: Chat: {destination_name}: ")
    assert not (dirs[1] / "settings.json").exists()
    assert webhooks.get(destination_name) is None


def test_an_audience_follows_the_destinations_ticked_for_it(qtbot, dirs, make_window, webhooks,
                                                           destination_name):
    window = make_window()
    dialog = open_settings(qtbot, window, "Chat")
    add_destination(qtbot, dialog, destination_name, "Slack", SLACK_URL)
    dialog.show_page("Audiences")
    audiences = dialog.audiences
    press(qtbot, audiences, "audience_add")
    type_into(qtbot, audiences.name, "EMEA customers")
    item = audiences.chats.item(0)
    assert item.text() == destination_name and item.checkState() == Qt.CheckState.Unchecked
    rect = audiences.chats.visualItemRect(item)
    qtbot.mouseClick(audiences.chats.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 10, rect.center().y()))  # on the check box
    assert item.checkState() == Qt.CheckState.Checked
    dialog.show_page("Chat")
    type_into(qtbot, dialog.chat.name, f"{destination_name} renamed")  # followed under its new name
    press(qtbot, dialog, "settings_ok")
    assert saved(dirs)["audiences"][0]["chats"] == [f"{destination_name} renamed"]
    assert window.context.settings.audiences[0].chats == (f"{destination_name} renamed",)
