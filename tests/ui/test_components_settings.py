"""Settings › Components: the organisation's list, edited as a person would, saved and offered at once."""
from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from outagewriter.ui.settings_dialog import SettingsDialog


def _open(qtbot, window):
    dialog = SettingsDialog(window.context, window, "Components")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, dialog.components


def _click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _add(qtbot, page, name):
    page.new_name.setFocus()
    qtbot.keyClicks(page.new_name, name)
    qtbot.keyClick(page.new_name, Qt.Key.Key_Return)


def test_add_rename_reorder_and_remove_are_saved_and_offered_in_the_form(make_window, qtbot, dirs, incident_file):
    window = make_window(incident_file)
    dialog, page = _open(qtbot, window)
    for name in ("API", "Dashbord", "Card payments", "Webhooks"):
        _add(qtbot, page, name)
    page.list.setCurrentRow(1)
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_F2)  # rename by keyboard
    editor = page.list.viewport().focusWidget() or page.list.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Dashboard")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    page.list.setCurrentRow(2)
    _click(qtbot, page.up)  # Card payments before Dashboard
    page.list.setCurrentRow(3)
    _click(qtbot, page.remove)  # Webhooks
    _click(qtbot, dialog.findChild(QPushButton, "settings_ok"))
    assert not dialog.isVisible()
    saved = json.loads((dirs[1] / "settings.json").read_text(encoding="utf-8"))
    assert saved["components"] == ["API", "Card payments", "Dashboard"]
    offered = window.form.editors["components"].add_name
    assert [offered.itemText(i) for i in range(offered.count())] == ["API", "Card payments", "Dashboard"]


def test_a_name_the_core_refuses_is_one_line_and_nothing_is_written(make_window, qtbot, dirs):
    window = make_window()
    dialog, page = _open(qtbot, window)
    _add(qtbot, page, "API = v2")
    _click(qtbot, dialog.findChild(QPushButton, "settings_ok"))
    assert dialog.isVisible()
    assert dialog.error.text().startswith("Not saved: Components: "), dialog.error.text()
    assert "is not a usable list of components (up to 80 characters each, no '=' or ';')" in dialog.error.text()
    assert not (dirs[1] / "settings.json").exists()
    assert dialog.focusWidget() is page.list
