"""Edit menu commands (undo, redo, cut, copy, paste, select all) on the text field in use.

The field in use is the one that last had the focus in this window: opening a menu or a dialog
does not change it. Each command is enabled only when it applies to that field, so a greyed
Paste means the field cannot be changed, and a greyed Copy that nothing is selected.
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget
from shiboken6 import isValid

COMMANDS = ("undo", "redo", "cut", "copy", "paste", "select_all")


def text_field(widget: QWidget | None):
    """The text editor `widget` is (or holds, for an editable combo box), else None."""
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    return widget if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)) else None


def _applies(field, command: str, clipboard_has_text: bool) -> bool:
    if field is None:
        return False
    editable = not field.isReadOnly()
    if isinstance(field, QLineEdit):
        selected, has_text = field.hasSelectedText(), bool(field.text())
        undo, redo = field.isUndoAvailable(), field.isRedoAvailable()
    else:
        document = field.document()
        selected, has_text = field.textCursor().hasSelection(), not document.isEmpty()
        undo, redo = document.isUndoAvailable(), document.isRedoAvailable()
    return {
        "undo": editable and undo,
        "redo": editable and redo,
        "cut": editable and selected,
        "copy": selected,
        "paste": editable and clipboard_has_text,
        "select_all": has_text,
    }[command]


class EditCommands(QObject):
    def __init__(self, window, actions: dict):
        super().__init__(window)
        self.window = window
        self.actions = {name: actions[name] for name in COMMANDS}
        self.field = None
        # Asked when the clipboard changes, not per keystroke: on X11 asking is a round trip to its owner.
        self.clipboard_has_text = False
        QApplication.instance().focusChanged.connect(self._focus_changed)
        QApplication.clipboard().dataChanged.connect(self._clipboard_changed)
        self._clipboard_changed()

    def _clipboard_changed(self) -> None:
        data = QApplication.clipboard().mimeData()
        self.clipboard_has_text = data is not None and data.hasText()
        self.refresh()

    def _applies(self, command: str) -> bool:
        return _applies(self.field, command, self.clipboard_has_text)

    def run(self, command: str) -> None:
        if self._applies(command):
            getattr(self.field, "selectAll" if command == "select_all" else command)()
        self.refresh()

    def _alive(self) -> bool:
        # The application's signals reach us while the window is being torn down.
        return isValid(self.window) and all(isValid(action) for action in self.actions.values())

    def refresh(self) -> None:
        if not self._alive():
            return
        focused = self.window.focusWidget()  # set even while the window is not the active one
        if focused is not None and text_field(focused) is not self.field:
            self._follow(text_field(focused))
            return
        for name, action in self.actions.items():
            action.setEnabled(self._applies(name))

    def _focus_changed(self, _old, new) -> None:
        if new is None or not self._alive() or new.window() is not self.window:
            return  # a menu, a dialog or another window: the field in use stays the same
        if text_field(new) is not self.field:
            self._follow(text_field(new))

    def _follow(self, field) -> None:
        self._watch(self.field, False)
        self.field = field
        self._watch(field, True)
        self.refresh()

    def _watch(self, field, on: bool) -> None:
        if field is None:
            return
        pairs = [(field.selectionChanged, self.refresh), (field.textChanged, self.refresh),
                 (field.destroyed, self._forget)]
        if not isinstance(field, QLineEdit):
            pairs += [(field.undoAvailable, self.refresh), (field.redoAvailable, self.refresh)]
        for signal, slot in pairs:
            try:
                signal.connect(slot) if on else signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass  # the field was deleted (a dialog closed, a notice replaced)

    def _forget(self) -> None:
        self.field = None
        self.refresh()
