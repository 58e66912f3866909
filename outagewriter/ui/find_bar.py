"""Find in the form: a bar under the form, not a dialog, so the notice stays in view and editable.

It searches every text field of the notice shown, in the order the form reads, marks every match
in the multi-line fields and selects the current one in its field. The focus stays in the bar
while searching; Esc closes the bar and puts the cursor on the match, ready to edit there.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QToolButton

from ..core.incident.search import Match, find_all, step
from .edit_commands import text_field
from .highlight import quiet, utf16_index
from .language import translate
from .tr_args import args

MATCH_BACKGROUND = QColor("#fde68a")  # a marker-pen yellow; the text on it is drawn black
CURRENT_BACKGROUND = QColor("#f79009")
# The bar's own keys (what, key), for its tooltips and the Keyboard shortcuts window.
FIND_BAR_KEYS = ((QT_TRANSLATE_NOOP("FindBar", "Next match"), "Enter"),
                 (QT_TRANSLATE_NOOP("FindBar", "Previous match"), "Shift+Enter"),
                 (QT_TRANSLATE_NOOP("FindBar", "Close the find bar"), "Esc"))


class FindBar(QFrame):
    def __init__(self, form, parent=None):
        super().__init__(parent)
        self.form = form
        self.setObjectName("find_bar")
        self.setAccessibleName(translate("FindBar", "Find in the notice"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.AlternateBase)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 8, 6)
        row.setSpacing(6)
        label = QLabel(translate("FindBar", "Find"), self)
        self.text = QLineEdit(self)
        self.text.setObjectName("find_text")
        self.text.setAccessibleName(translate("FindBar", "Text to find"))
        self.text.setPlaceholderText(translate("FindBar", "Text in any field of this notice"))
        self.text.setClearButtonEnabled(True)
        label.setBuddy(self.text)
        self.next_button = self._button("find_next_button", translate("FindBar", "Next"), *FIND_BAR_KEYS[0])
        self.previous_button = self._button("find_previous_button", translate("FindBar", "Previous"), *FIND_BAR_KEYS[1])
        self.status = QLabel(self)
        self.status.setObjectName("find_status")
        self.status.setAccessibleName(translate("FindBar", "Find result"))
        self.status.setMinimumWidth(self.status.fontMetrics().horizontalAdvance(translate("FindBar", "No matches")) + 8)
        quiet(self.status)
        close = self._button("find_close", "✕", *FIND_BAR_KEYS[2])
        close.setAutoRaise(True)
        close.clicked.connect(self.close_bar)
        for widget, stretch in ((label, 0), (self.text, 1), (self.previous_button, 0), (self.next_button, 0),
                                (self.status, 0), (close, 0)):
            row.addWidget(widget, stretch)
        self.previous_button.clicked.connect(lambda: self.step(forward=False))
        self.next_button.clicked.connect(lambda: self.step(forward=True))
        self.text.textChanged.connect(lambda _t: self._search(forward=True, stay=True))
        self.text.returnPressed.connect(lambda: self.step(forward=True))
        self.text.installEventFilter(self)
        self.current: Match | None = None
        self.matches: list[Match] = []
        self._selected_field: str | None = None  # the field whose selection is the bar's match
        self.hide()

    def _button(self, name: str, text: str, what: str, key: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        what = translate("FindBar", what)
        button.setToolTip(f"{what} ({key})")
        button.setAccessibleName(what)
        return button

    # ---- what the menu and the keys ask for ---------------------------------------------------

    def open(self) -> None:
        self.show()
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()
        if self.text.text():
            self._search(forward=True, stay=True)

    def step(self, forward: bool = True) -> None:
        if self.isHidden() or not self.text.text():
            self.open()
            if not self.text.text():
                return
        self._search(forward=forward, stay=False)

    def notice_shown(self) -> None:
        """Another notice (or incident) is in the form: an open bar searches it afresh from its start."""
        self.current, self._selected_field = None, None
        if self.isVisible() and self.text.text():
            self._search(forward=True, stay=True)

    def close_bar(self) -> None:
        self._mark([])
        self.hide()
        if self.current is not None:  # go on writing where the match is
            self._select(self.current, focus=True)
        self.current = None

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        # Shift+Enter steps back; the line edit would take it for Enter (and step forward).
        if (event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.step(forward=False)
            return True
        return super().eventFilter(watched, event)

    # ---- searching ------------------------------------------------------------------------------

    def _fields(self) -> list[tuple[str, str]]:
        return [(name, editor.value()) for name, editor in self.form.editors.items() if text_field(editor) is editor]

    def _search(self, forward: bool, stay: bool) -> None:
        fields = self._fields()
        self.matches = find_all(fields, self.text.text())
        index = step(self.matches, [name for name, _ in fields], self.current, forward, stay)
        self.current = None if index is None else self.matches[index]
        self._mark(self.matches)
        if self.current is not None:
            self._select(self.current, focus=False)
            self.status.setText(args(translate("FindBar", "%1 of %2"), index + 1, len(self.matches)))
        else:
            self.status.setText(translate("FindBar", "No matches") if self.text.text() else "")

    def _select(self, match: Match, focus: bool) -> None:
        editor = self.form.editors[match.field]
        self.form.reveal(editor)
        if focus:
            self.form.focus_span(match.field, match.start, match.end)
            return
        text = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
        start, end = utf16_index(text, match.start), utf16_index(text, match.end)
        if isinstance(editor, QPlainTextEdit):
            cursor = editor.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
            editor.ensureCursorVisible()
        else:
            editor.setSelection(start, end - start)
        self._selected_field = match.field

    def _mark(self, matches: list[Match]) -> None:
        """Every match in the multi-line fields, the current one stronger (line fields show a selection)."""
        for name, editor in self.form.editors.items():
            if name == self._selected_field and (self.current is None or self.current.field != name):
                _deselect(editor)  # the previous match: only the current one stays selected
                self._selected_field = None
            if not isinstance(editor, QPlainTextEdit):
                continue
            text = editor.toPlainText()
            marks = []
            for match in (m for m in matches if m.field == name):
                mark = QTextEdit.ExtraSelection()
                mark.cursor = QTextCursor(editor.document())
                mark.cursor.setPosition(utf16_index(text, match.start))
                mark.cursor.setPosition(utf16_index(text, match.end), QTextCursor.MoveMode.KeepAnchor)
                mark.format = QTextCharFormat()
                mark.format.setBackground(CURRENT_BACKGROUND if match == self.current else MATCH_BACKGROUND)
                mark.format.setForeground(QColor("black"))
                marks.append(mark)
            editor.setExtraSelections(marks)


def _deselect(editor) -> None:
    if isinstance(editor, QPlainTextEdit):
        cursor = editor.textCursor()
        cursor.clearSelection()
        editor.setTextCursor(cursor)
    else:
        editor.deselect()
