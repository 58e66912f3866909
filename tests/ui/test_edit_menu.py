"""Edit menu: undo, redo, cut, copy, paste and select all act on the field in use, and only when they apply."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from menu_clicks import choose, item_states


def _focus(window, qtbot, widget):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _select_first_word(editor):
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def test_cut_copy_paste_and_select_all_from_the_menu_act_on_the_field_in_use(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    summary, impact = window.form.editors["summary"], window.form.editors["impact"]
    _focus(window, qtbot, summary)
    _select_first_word(summary)
    choose(window, qtbot, "Edit", "Copy")
    assert QApplication.clipboard().text() == "Card"

    _focus(window, qtbot, impact)
    impact.moveCursor(QTextCursor.MoveOperation.End)
    choose(window, qtbot, "Edit", "Paste")
    assert impact.toPlainText() == "Card payments fail with an error message.Card"

    choose(window, qtbot, "Edit", "Select all")
    assert impact.textCursor().selectedText() == impact.toPlainText()
    choose(window, qtbot, "Edit", "Cut")
    assert impact.toPlainText() == "" and QApplication.clipboard().text().endswith("message.Card")
    choose(window, qtbot, "Edit", "Undo")
    assert impact.toPlainText() == "Card payments fail with an error message.Card"
    choose(window, qtbot, "Edit", "Redo")
    assert impact.toPlainText() == ""
    window.flush()
    assert window.notice.fields["impact"] == ""  # a menu edit is an edit of the notice like typing


def test_edit_items_are_enabled_only_when_they_apply(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    QApplication.clipboard().setText("something to paste")
    summary = window.form.editors["summary"]
    _focus(window, qtbot, summary)
    states = item_states(window, qtbot, "Edit")
    assert states["Copy"] is False and states["Cut"] is False  # nothing selected
    assert states["Paste"] is True and states["Select all"] is True
    assert states["Undo"] is False  # nothing typed yet

    QTest.keyClicks(summary, "x")
    _select_first_word(summary)
    states = item_states(window, qtbot, "Edit")
    assert states["Copy"] and states["Cut"] and states["Undo"]

    preview = window.preview.text  # read-only: copy yes, change no
    window.preview.tabs.setCurrentWidget(preview)
    qtbot.waitUntil(lambda: bool(preview.toPlainText()))
    _focus(window, qtbot, preview)
    preview.selectAll()
    states = item_states(window, qtbot, "Edit")
    assert states["Copy"] and states["Select all"]
    assert not states["Cut"] and not states["Paste"] and not states["Undo"]


def test_the_standard_keys_still_work_inside_a_field(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    title = window.form.editors["title"]
    _focus(window, qtbot, title)
    QTest.keyClick(title, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(title, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "Card payments failing"
    QTest.keyClick(title, Qt.Key.Key_End)
    QTest.keyClick(title, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert title.text() == "Card payments failingCard payments failing"
    QTest.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert title.text() == "Card payments failing"


def test_the_menu_knows_the_field_even_when_the_window_was_not_active(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    summary = window.form.editors["summary"]
    summary.setFocus()  # remembered by the window; no application focus change is announced
    assert window.focusWidget() is summary
    assert item_states(window, qtbot, "Edit")["Select all"] is True
    choose(window, qtbot, "Edit", "Select all")
    assert summary.textCursor().selectedText() == summary.toPlainText()
