"""Settings › Chat › Send test post, clicked as a person would, against a local stand-in for the chat
service's webhook: the answer comes back in one line while the window stays usable, and the webhook
URL (a secret) is never in it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from test_send_window import Answers, open_window  # noqa: F401  (open_window is a fixture)

from outagewriter.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.integration


def test_post_from_the_chat_page(qtbot, open_window, webhook_server, chat_keyring):  # noqa: F811
    window = open_window(None, Answers())
    dialog = SettingsDialog(window.context, window, "Chat")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    page = dialog.chat
    url = webhook_server.url("mattermost", "T001/B001/partnersTokenabcdefgh")
    qtbot.mouseClick(page.findChild(QPushButton, "chat_add"), Qt.MouseButton.LeftButton)
    page.name.selectAll()
    qtbot.keyClicks(page.name, "Partners room")
    page.service.setFocus()
    while page.service.currentText() != "Mattermost":
        qtbot.keyClick(page.service, Qt.Key.Key_Down)
    page.url.setFocus()
    qtbot.keyClicks(page.url, url)

    def test_post() -> str:
        qtbot.mouseClick(page.test, Qt.MouseButton.LeftButton)
        assert page.test_result.text() == "Posting…"
        qtbot.waitUntil(lambda: page.test_result.text() != "Posting…", timeout=10000)
        return page.test_result.text()

    assert test_post() == "Posted to Partners room (Mattermost)."
    assert [r.text for r in webhook_server.to(url)] == ["Test post from OutageWriter"]
    webhook_server.fail(url, 404, b"Unable to find the webhook")
    said = test_post()
    assert said.startswith("Not posted to Partners room (Mattermost): ") and "\n" not in said
    assert "partnersToken" not in said and "127.0.0.1" not in said
    assert chat_keyring.get("Partners room") is None  # a test post stores nothing: OK or Apply does
