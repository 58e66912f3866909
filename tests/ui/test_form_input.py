"""Mouse, keyboard and clipboard input in the form, as a person gives it."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox


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
