"""Chat posts where the writer sees them: the preview's Short post tab shows the chat text once the
notice's audiences follow a chat destination, and the send dialog names the destinations with a box
to skip them."""
from __future__ import annotations

import json

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLabel
from test_audiences_window import AUDIENCES, tick

from outagewriter.core.mail.accounts import Account
from outagewriter.ui.send_dialog import SendDialog


def with_chats(dirs):
    dirs[1].mkdir(parents=True, exist_ok=True)
    audiences = [dict(AUDIENCES[0], chats=["Status channel"]), AUDIENCES[1]]
    (dirs[1] / "settings.json").write_text(json.dumps({
        "audiences": audiences, "chat_destinations": [{"name": "Status channel", "service": "slack"}],
        "status_page": {"url": "https://status.acme.example/"}}), encoding="utf-8")


def test_the_short_post_tab_shows_the_chat_post_for_audiences_that_follow_a_destination(
        make_window, qtbot, dirs, incident_file):
    with_chats(dirs)
    window = make_window(incident_file)
    preview = window.preview
    preview.tabs.setCurrentIndex(2)  # Short post
    window.live.run_now()
    assert not preview.chat.isVisible()  # no audience yet: nothing goes to chat
    tick(qtbot, window, "US customers")  # follows no chat destination
    window.live.run_now()
    assert not preview.chat.isVisible()
    tick(qtbot, window, "EMEA customers")
    window.live.run_now()
    qtbot.waitUntil(preview.chat.isVisible)
    short, chat = preview.short.toPlainText(), preview.chat.toPlainText()
    assert chat.startswith(short) and "https://status.acme.example/" in chat
    assert preview.findChild(QLabel, "preview_chat_caption").isVisible()
    tick(qtbot, window, "EMEA customers")
    window.live.run_now()
    qtbot.waitUntil(lambda: not preview.chat.isVisible())


def send_dialog(qtbot, chats=()) -> SendDialog:
    account = Account(name="Work", host="smtp.example.com", username="jana", sender_address="jana@example.com")
    dialog = SendDialog([account], "Notice 1 goes to 2 recipients.", False, chats)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_send_dialog_names_the_chat_destinations_and_can_skip_them(qtbot):
    dialog = send_dialog(qtbot, ("Status channel (Slack)", "Ops (Discord)"))
    assert dialog.findChild(QLabel, "send_chats").text() == "Also posts to: Status channel (Slack), Ops (Discord)"
    box = dialog.findChild(QCheckBox, "send_post_chats")
    assert box.isVisible() and box.isChecked()
    assert dialog.chosen() == ("Work", True)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.chosen() == ("Work", False)


def test_without_chat_destinations_the_send_dialog_says_nothing_about_chat(qtbot):
    dialog = send_dialog(qtbot)
    assert not dialog.findChild(QLabel, "send_chats").isVisible()
    assert not dialog.findChild(QCheckBox, "send_post_chats").isVisible()
    assert dialog.chosen() == ("Work", False)
