"""Grammar turned on in the Settings window reaches a real LanguageTool, with no restart.

Both ways a team runs it: their own server (the address typed in, Test pressed), and a LanguageTool
the app starts itself from its files, its start shown in the status bar while typing goes on.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import QPushButton  # noqa: E402

from outagewriter.app import build_context, create_window  # noqa: E402
from outagewriter.ui.dialogs import DISCARD, Dialogs  # noqa: E402
from outagewriter.ui.settings_dialog import SettingsDialog  # noqa: E402

pytestmark = pytest.mark.integration


class Discard(Dialogs):
    def unsaved_changes(self, parent, name):  # the typed test text is not kept when the window closes
        return DISCARD


@pytest.fixture
def window(qtbot, tmp_path):
    context = build_context(state_dir=tmp_path / "state", config_dir=tmp_path / "config", dialogs=Discard())
    assert context.grammar is None  # grammar is off until the user turns it on
    window = create_window(None, context, offer_recovery=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    context.close()


def settings(qtbot, window):
    dialog = SettingsDialog(window.context, window, "Writing checks")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose(qtbot, dialog, mode):
    button = dialog.writing.mode_buttons[mode]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert button.isChecked()


def type_into(qtbot, editor, text):
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def misspelling_found(qtbot, window):
    type_into(qtbot, window.form.editors["summary"], "Our servce is down.")
    qtbot.waitUntil(lambda: any(f.category == "spelling" and f.match == "servce"
                                for f in window.current_findings()), timeout=60000)


def test_a_server_address_tested_then_saved_checks_the_open_notice(qtbot, window, languagetool_url):
    dialog = settings(qtbot, window)
    choose(qtbot, dialog, "server")
    type_into(qtbot, dialog.writing.server_url, languagetool_url)
    qtbot.mouseClick(dialog.writing.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.writing.test_result.text().startswith("LanguageTool 6."), timeout=60000)
    tested = dialog.writing.tested
    qtbot.mouseClick(dialog.findChild(QPushButton, "settings_ok"), Qt.MouseButton.LeftButton)
    assert window.context.grammar is tested  # the LanguageTool that answered the test, not a second one
    qtbot.waitUntil(lambda: "Grammar and spelling checks are on" in window.statusBar().currentMessage(),
                    timeout=60000)
    misspelling_found(qtbot, window)


def test_a_languagetool_the_app_starts_shows_its_start_and_never_holds_up_typing(qtbot, window, languagetool_jars):
    dialog = settings(qtbot, window)
    choose(qtbot, dialog, "jars")
    type_into(qtbot, dialog.writing.jar_folder, str(languagetool_jars))
    assert "Java:" in dialog.writing.jar_note.text() and "memory" in dialog.writing.jar_note.text()
    qtbot.mouseClick(dialog.findChild(QPushButton, "settings_ok"), Qt.MouseButton.LeftButton)
    progress = window.findChild(type(window.grammar_start.bar), "grammar_start_progress")
    qtbot.waitUntil(progress.isVisible, timeout=5000)  # a JVM takes seconds to start: the bar says so
    summary = window.form.editors["summary"]
    type_into(qtbot, summary, "Typing goes on while LanguageTool starts.")
    assert summary.toPlainText() == "Typing goes on while LanguageTool starts."
    qtbot.waitUntil(lambda: not progress.isVisible(), timeout=120000)
    assert "ready in" in window.statusBar().currentMessage()
    misspelling_found(qtbot, window)
