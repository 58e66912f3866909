"""Keyboard shortcuts of the main window: each key sequence does one thing, and it does it."""
from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget


def _bindings(window) -> dict[str, list[str]]:
    """Every key sequence of the window's actions (menus and toolbars included) and shortcuts."""
    actions = {id(a): a for a in window.findChildren(QAction)}
    for widget in [window, *window.findChildren(QWidget)]:  # menus, toolbars, buttons with actions
        actions.update({id(a): a for a in widget.actions()})
    owners: dict[str, list[str]] = defaultdict(list)
    for action in actions.values():
        for sequence in action.shortcuts():
            owners[sequence.toString()].append(action.objectName() or action.text())
    for shortcut in window.findChildren(QShortcut):
        for sequence in shortcut.keys():
            owners[sequence.toString()].append(shortcut.objectName() or "shortcut")
    return owners


def test_no_key_sequence_is_bound_twice(make_window):
    window = make_window()
    owners = _bindings(window)
    assert len(owners) >= 10  # the walk found the window's shortcuts
    clashes = {key: names for key, names in owners.items() if len(names) > 1}
    assert not clashes


def _press(window, qtbot, sequence: QKeySequence) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.form.editors["summary"].setFocus()
    combination = sequence[0]
    QTest.keyClick(window.focusWidget(), combination.key(), combination.keyboardModifiers())


def test_save_as_key_saves_under_a_new_name(make_window, qtbot, incident_file, dialogs):
    window = make_window(incident_file)
    _press(window, qtbot, QKeySequence.keyBindings(QKeySequence.StandardKey.SaveAs)[0])
    assert dialogs.asked == ["save_path"]


def test_send_key_starts_sending(make_window, qtbot, incident_file, dialogs):
    window = make_window(incident_file)
    assert window.actions_by_key["send"].shortcut().toString() == "Ctrl+Return"
    _press(window, qtbot, QKeySequence("Ctrl+Return"))
    assert dialogs.errors[0].startswith("Not approved")  # the send began: it checked the approval first
