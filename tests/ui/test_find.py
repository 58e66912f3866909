"""Find in the form: a bar, not a dialog; every field of the notice in reading order; F3 steps; Esc closes."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from menu_clicks import choose

Std = QKeySequence.StandardKey


def _key(widget, standard):
    sequence = QKeySequence.keyBindings(standard)[0][0]
    QTest.keyClick(widget, sequence.key(), sequence.keyboardModifiers())


def _selected(window, name: str) -> str:
    editor = window.form.editors[name]
    return editor.selectedText() if isinstance(editor, QLineEdit) else editor.textCursor().selectedText()


def _open(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.form.editors["summary"].setFocus()
    _key(window.form.editors["summary"], Std.Find)
    bar = window.find_bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.text.hasFocus())
    return window, bar


def test_find_goes_through_every_field_in_reading_order(make_window, qtbot, incident_file):
    window, bar = _open(make_window, qtbot, incident_file)
    QTest.keyClicks(bar.text, "card")  # title, summary and impact all start with "Card"
    assert bar.status.text() == "1 of 3"
    assert _selected(window, "title") == "Card"
    assert bar.text.hasFocus()  # typing goes on in the bar

    _key(bar.text, Std.FindNext)
    assert bar.status.text() == "2 of 3" and _selected(window, "summary") == "Card"
    assert _selected(window, "title") == ""  # only the current match is selected
    QTest.keyClick(bar.text, Qt.Key.Key_Return)
    assert bar.status.text() == "3 of 3" and _selected(window, "impact") == "Card"
    _key(bar.text, Std.FindNext)
    assert bar.status.text() == "1 of 3" and _selected(window, "title") == "Card"  # round again
    _key(bar.text, Std.FindPrevious)
    assert bar.status.text() == "3 of 3"
    QTest.keyClick(bar.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.status.text() == "2 of 3" and _selected(window, "summary") == "Card"


def test_matches_are_marked_in_their_fields_ignoring_case(make_window, qtbot, incident_file):
    window, bar = _open(make_window, qtbot, incident_file)
    QTest.keyClicks(bar.text, "PAYMENTS")
    marked = {name: [(m.cursor.selectedText()) for m in editor.extraSelections()]
              for name, editor in window.form.editors.items() if hasattr(editor, "extraSelections")}
    assert marked["summary"] == ["payments"] and marked["impact"] == ["payments"]
    assert bar.status.text() == "1 of 3"


def test_no_matches_is_said_plainly(make_window, qtbot, incident_file):
    window, bar = _open(make_window, qtbot, incident_file)
    QTest.keyClicks(bar.text, "zebra")
    assert bar.status.text() == "No matches"
    assert all(_selected(window, name) == "" for name in ("title", "summary", "impact"))


def test_esc_closes_the_bar_and_leaves_the_cursor_on_the_match(make_window, qtbot, incident_file):
    window, bar = _open(make_window, qtbot, incident_file)
    QTest.keyClicks(bar.text, "error")
    QTest.keyClick(bar.text, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    impact = window.form.editors["impact"]
    assert impact.hasFocus() and impact.textCursor().selectedText() == "error"
    assert impact.extraSelections() == []  # the marks go with the bar
    QTest.keyClicks(impact, "a failure")  # go on writing where the match was
    window.flush()
    assert window.notice.fields["impact"] == "Card payments fail with an a failure message."


def test_the_edit_menu_opens_the_find_bar(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    choose(window, qtbot, "Edit", "Find")
    bar = window.find_bar
    assert bar.isVisible()
    QTest.keyClicks(bar.text, "CET")
    assert bar.status.text() == "1 of 1" and _selected(window, "summary") == "CET"


def test_an_open_find_bar_searches_the_incident_opened_next(make_window, qtbot, incident_file, tmp_path):
    from outagewriter.core.incident.model import Incident
    from outagewriter.core.storage import fileformat

    window, bar = _open(make_window, qtbot, incident_file)
    QTest.keyClicks(bar.text, "card")
    assert bar.status.text() == "1 of 3"
    other = tmp_path / "logins.outage"
    fileformat.save(Incident.create("Logins slow", "Accounts"), other)
    window.open_path(str(other))
    assert bar.status.text() == "No matches"
    window.form.editors["title"].setFocus()
    QTest.keyClick(window.form.editors["title"], Qt.Key.Key_End)
    QTest.keyClicks(window.form.editors["title"], " for card users")
    _key(bar.text, Std.FindNext)
    assert bar.status.text() == "1 of 1" and _selected(window, "title") == "card"
