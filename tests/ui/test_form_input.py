"""Mouse, keyboard and clipboard input in the form, as a person gives it."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget


def _wheel(widget, steps: int) -> None:
    """The wheel turned `steps` notches away from the user, with the pointer over the middle of `widget`."""
    window = widget.window()
    where = widget.mapTo(window, widget.rect().center())
    QTest.wheelEvent(window.windowHandle(), QPointF(where), QPoint(0, 120 * steps))


def _active(make_window, qtbot, path=None):
    window = make_window(path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


def test_wheel_over_an_unfocused_zone_box_scrolls_the_form(make_window, qtbot, incident_file):
    window = _active(make_window, qtbot, incident_file)
    zone = window.form.editors["next_update"].when.zone
    assert zone.currentText() == "Europe/Prague"
    bar = window.form_scroll.verticalScrollBar()
    assert bar.maximum() > 0, "the form must be taller than its scroll area for this test"
    window.form_scroll.ensureWidgetVisible(zone, 0, 0)
    bar.setValue(max(bar.value(), 1))  # room to scroll up
    window.form.editors["title"].setFocus()
    promise, before = window.notice.fields["next_update"], bar.value()
    _wheel(zone, 1)
    window.flush()
    assert zone.currentText() == "Europe/Prague"
    assert window.notice.fields["next_update"] == promise
    assert bar.value() < before
    assert not zone.hasFocus()  # a passing wheel does not take the focus either
    boxes = window.findChildren(QComboBox) + window.findChildren(QAbstractSpinBox)
    assert boxes and all(b.focusPolicy() == Qt.FocusPolicy.StrongFocus for b in boxes)


def test_wheel_changes_a_focused_zone_box_to_its_neighbour(make_window, qtbot, incident_file):
    window = _active(make_window, qtbot, incident_file)
    zone = window.form.editors["next_update"].when.zone
    window.form_scroll.ensureWidgetVisible(zone, 0, 0)
    zone.setFocus()
    _wheel(zone, -1)
    assert zone.currentText() == zone.itemText(zone.findText("Europe/Prague") + 1)
    qtbot.waitUntil(lambda: window.notice.fields["next_update"].endswith(f"[{zone.currentText()}]"), timeout=3000)


def _guarantee_cards(window, qtbot):
    """Two findings, in the summary and in the impact."""
    window.form.editors["summary"].setPlainText("We guarantee a fix by noon.")
    window.form.editors["impact"].setPlainText("Payments fail. We guarantee a refund.")
    qtbot.waitUntil(lambda: sum(c.finding.match == "guarantee" for c in window.findings.cards) == 2, timeout=3000)
    return [c for c in window.findings.cards if c.finding.match == "guarantee"]


def test_ignore_keeps_typing_away_from_the_title(make_window, qtbot, incident_file):
    window = _active(make_window, qtbot, incident_file)
    title = window.form.editors["title"]
    first, second = _guarantee_cards(window, qtbot)
    first_key, second_key = first.finding.key, second.finding.key
    qtbot.mouseClick(first.findChild(QWidget, "finding_ignore"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: all(c.finding.key != first_key for c in window.findings.cards), timeout=3000)
    focused = QApplication.focusWidget()
    assert focused is not None and window.findings.isAncestorOf(focused)
    assert focused.finding.key == second_key  # on to the next finding
    QTest.keyClicks(focused, "x")
    assert title.text() == "Card payments failing"
    window.flush()
    assert window.notice.fields["title"] == "Card payments failing"


def _keys(widget, standard) -> None:
    combination = QKeySequence.keyBindings(standard)[0][0]
    QTest.keyClick(widget, combination.key(), combination.keyboardModifiers())


def _paste_into_to(window, pasted: str, *, select_all: bool):
    """Types an address into To, copies `pasted`, and pastes it with the keyboard."""
    to = window.form.editors["to"]
    to.setFocus()
    QTest.keyClicks(to, "old@example.com")
    QApplication.clipboard().setText(pasted)
    if select_all:
        _keys(to, QKeySequence.StandardKey.SelectAll)
    _keys(to, QKeySequence.StandardKey.Paste)
    return to


def test_pasting_a_list_over_the_whole_field_replaces_it(make_window, qtbot, incident_file):
    window = _active(make_window, qtbot, incident_file)
    to = _paste_into_to(window, "ops@example.com\nsupport@example.com; billing@example.org\n", select_all=True)
    assert to.toPlainText() == "ops@example.com, support@example.com, billing@example.org"
    qtbot.waitUntil(lambda: window.notice.fields["to"] == to.toPlainText(), timeout=3000)


def test_pasting_a_list_after_an_address_adds_a_comma(make_window, qtbot, incident_file):
    window = _active(make_window, qtbot, incident_file)
    to = _paste_into_to(window, "ops@example.com\nsupport@example.com", select_all=False)
    assert to.toPlainText() == "old@example.com, ops@example.com, support@example.com"
