"""The editors the form is made of, one per kind of field, all with the same small interface:

    value() -> str          the text as the core stores it (before `normalise`)
    set_value(str)          show a stored value without emitting `edited`
    edited                  signal, emitted on every user change
    set_read_only(bool)

Plain-text editors keep Qt's own undo/redo; values set by the program reset it.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QTextOption
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QTimeEdit,
    QWidget,
)

from ..core.incident.times import ON_CHANGE, TimeError, parse_next_update, parse_zoned
from .language import translate
from .words import value_label
from .zones import offset_zone, system_zone, zone_model, zone_suffix, zone_tzinfo


def monospace_font():
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


class LineEditor(QLineEdit):
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.textEdited.connect(lambda _text: self.edited.emit())

    def value(self) -> str:
        return self.text()

    def set_value(self, value: str) -> None:
        if value != self.text():
            self.setText(value)
            self.setCursorPosition(0)  # show the start of a long value, not its end

    def set_read_only(self, on: bool) -> None:
        self.setReadOnly(on)


class TextEditor(QPlainTextEdit):
    """Multi-line prose; grows with its text between `min_lines` and `max_lines`."""

    edited = Signal()

    def __init__(self, min_lines: int = 3, max_lines: int = 14, parent=None):
        super().__init__(parent)
        self._min_lines, self._max_lines = min_lines, max_lines
        self._setting = False
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # contentsChange carries what changed; contentsChanged also fires when the highlighter
        # repaints findings, which is not an edit.
        self.document().contentsChange.connect(self._changed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _s: self._fit())
        self._fit()

    def _changed(self, _position: int, removed: int, added: int) -> None:
        if not self._setting and (removed or added):
            self.edited.emit()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._rewrap()

    def _rewrap(self) -> None:
        """Lay the text out again at the width the editor has now. Text set before the editor had
        its final width (a file opened, another notice shown) otherwise keeps its first wrapping,
        wider than the editor: sideways scrolling, words hidden under the scroll bar."""
        mode = self.lineWrapMode()
        if mode == QPlainTextEdit.LineWrapMode.WidgetWidth:
            self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            self.setLineWrapMode(mode)

    def _fit(self) -> None:
        # A plain-text document measures its height in visual (wrapped) lines.
        laid_out = int(self.document().size().height())
        lines = max(self._min_lines, min(self._max_lines, laid_out))
        # Japanese lines are drawn in a fallback CJK font, taller than the editor font's own lines:
        # take the tallest line as laid out, so the last one is never cut off.
        line_height = self.fontMetrics().lineSpacing()
        block = self.document().firstBlock()
        while block.isValid():
            layout = block.layout()
            for number in range(layout.lineCount() if layout is not None else 0):
                line_height = max(line_height, int(layout.lineAt(number).height() + 0.99))
            block = block.next()
        margins = self.contentsMargins()
        extra = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom() + 2
        self.setFixedHeight(lines * line_height + extra)

    def value(self) -> str:
        return self.toPlainText()

    def set_value(self, value: str) -> None:
        if value == self.toPlainText():
            return
        self._setting = True
        try:
            self.setPlainText(value)  # also clears the undo stack: undo never crosses notices
        finally:
            self._setting = False
        QTimer.singleShot(0, self._rewrap)  # once the form has laid itself out for the new text

    def set_read_only(self, on: bool) -> None:
        self.setReadOnly(on)


class AddressEditor(TextEditor):
    """Recipients: accepts whole lists pasted from a spreadsheet or a mail client."""

    def __init__(self, parent=None):
        super().__init__(min_lines=1, max_lines=5, parent=parent)
        self.setTabChangesFocus(True)

    def insertFromMimeData(self, source) -> None:  # noqa: N802 (Qt name)
        if source.hasText():
            text = source.text().strip()
            if "\n" in text or ";" in text:
                parts = [p.strip() for p in re.split(r"[\r\n;]+", text) if p.strip()]
                cursor = self.textCursor()
                start = cursor.selectionStart()  # the paste replaces the selection: what stays is before it
                block = self.document().findBlock(start)
                before = block.text()[: start - block.position()].rstrip()
                prefix = ", " if before and not before.endswith(",") else ""
                cursor.insertText(prefix + ", ".join(parts))
                return
        super().insertFromMimeData(source)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        # A list of addresses is one value: Enter ends the field like Tab.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(event)


class ChoiceEditor(QComboBox):
    """A fixed list. With `placeholder`, nothing is chosen until the user chooses."""

    edited = Signal()

    def __init__(self, choices: tuple[str, ...], labels: dict[str, str] | None = None, placeholder: str = "",
                 parent=None):
        super().__init__(parent)
        self._placeholder = placeholder
        self.set_choices(choices, labels)
        self.activated.connect(lambda _i: self.edited.emit())

    def set_choices(self, choices, labels=None) -> None:
        current = self.value() if self.count() else ""
        self.blockSignals(True)
        self.clear()
        if self._placeholder:
            self.addItem(self._placeholder, "")
        for choice in choices:
            self.addItem((labels or {}).get(choice) or value_label(choice), choice)
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> str:
        return self.currentData() or ""

    def set_value(self, value: str) -> None:
        index = self.findData(value)
        self.setCurrentIndex(index if index >= 0 else (0 if self._placeholder or not value else -1))

    def set_read_only(self, on: bool) -> None:
        self.setEnabled(not on)


class RadioChoiceEditor(QWidget):
    """An explicit choice shown as radio buttons; none is checked until the user picks one."""

    edited = Signal()

    def __init__(self, choices: tuple[str, ...], labels: dict[str, str], parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        for choice in choices:
            button = QRadioButton(labels.get(choice, choice.capitalize()), self)
            button.setObjectName(f"{self.objectName() or 'choice'}_{choice}")
            self._group.addButton(button)
            self.buttons[choice] = button
            layout.addWidget(button)
            button.clicked.connect(lambda _c=False: self.edited.emit())
        layout.addStretch(1)

    def setObjectName(self, name: str) -> None:  # noqa: N802 — children follow their parent's name
        super().setObjectName(name)
        for choice, button in getattr(self, "buttons", {}).items():
            button.setObjectName(f"{name}_{choice}")

    def value(self) -> str:
        for choice, button in self.buttons.items():
            if button.isChecked():
                return choice
        return ""

    def set_value(self, value: str) -> None:
        self._group.setExclusive(False)  # an exclusive group cannot return to "nothing chosen"
        for choice, button in self.buttons.items():
            button.setChecked(choice == value)
        self._group.setExclusive(True)

    def set_read_only(self, on: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not on)

    def focus_widget(self) -> QWidget:
        checked = [b for b in self.buttons.values() if b.isChecked()]
        return (checked or list(self.buttons.values()))[0]


class ZonedTimeEditor(QWidget):
    """Date, time and IANA zone; the value is the core's zoned ISO text ('' when empty)."""

    edited = Signal()

    def __init__(self, default_zone: str | None = None, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(translate("Editors", "ddd d MMM yyyy"))
        self.time = QTimeEdit(self)
        self.time.setDisplayFormat("HH:mm")
        self.zone = QComboBox(self)
        self.zone.setEditable(True)
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone.setModel(zone_model())
        self.zone.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.zone.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone.setMinimumContentsLength(10)
        self.zone.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._default_zone = default_zone or system_zone()
        self._show_zone(self._default_zone)
        self.date.setAccessibleName(translate("Editors", "Date"))
        self.time.setAccessibleName(translate("Editors", "Time"))
        self.zone.setAccessibleName(translate("Editors", "Time zone"))
        layout.addWidget(self.date)
        layout.addWidget(self.time)
        layout.addWidget(self.zone, 1)
        self.reset_to_soon()
        self.date.dateChanged.connect(lambda _d: self.edited.emit())
        self.time.timeChanged.connect(lambda _t: self.edited.emit())
        self.zone.currentTextChanged.connect(lambda _t: self.edited.emit())

    def setObjectName(self, name: str) -> None:  # noqa: N802
        super().setObjectName(name)
        self.date.setObjectName(f"{name}_date")
        self.time.setObjectName(f"{name}_time")
        self.zone.setObjectName(f"{name}_zone")

    def set_default_zone(self, zone: str, *, show: bool) -> None:
        """The zone a picker nobody filled in starts in; `show` puts it (and the next hour there) on screen."""
        self._default_zone = zone
        if show:
            with QSignalBlocker(self.zone):
                self._show_zone(zone)
            self.reset_to_soon()

    def reset_to_soon(self) -> None:
        """The next full hour after now, in the chosen zone: a sensible first guess to adjust."""
        soon = datetime.now(zone_tzinfo(self.zone.currentText())) + timedelta(hours=1)
        soon = soon.replace(minute=0, second=0, microsecond=0)
        self.blockSignals(True)
        self.date.setDate(QDate(soon.year, soon.month, soon.day))
        self.time.setTime(QTime(soon.hour, 0))
        self.blockSignals(False)

    def value(self) -> str:
        d, t = self.date.date(), self.time.time()
        suffix = zone_suffix(self.zone.currentText())
        return f"{d.year():04d}-{d.month():02d}-{d.day():02d}T{t.hour():02d}:{t.minute():02d}{suffix}"

    def set_value(self, value: str) -> None:
        if not value:
            return
        try:
            parsed = parse_zoned(value)
        except TimeError:
            return
        moment = parsed.moment
        for widget in (self.date, self.time, self.zone):
            widget.blockSignals(True)
        self.date.setDate(QDate(moment.year, moment.month, moment.day))
        self.time.setTime(QTime(moment.hour, moment.minute))
        self._show_zone(parsed.zone_name or offset_zone(moment))
        for widget in (self.date, self.time, self.zone):
            widget.blockSignals(False)

    def _show_zone(self, name: str) -> None:
        # An editable combo's setCurrentText only changes the text: select the entry as well,
        # so the arrow keys and the wheel move on from the zone shown.
        index = self.zone.findText(name)
        if index >= 0:
            self.zone.setCurrentIndex(index)
        else:
            self.zone.setEditText(name)

    def set_read_only(self, on: bool) -> None:
        self.date.setReadOnly(on)
        self.time.setReadOnly(on)
        self.zone.setEnabled(not on)


class NextUpdateEditor(QWidget):
    """The one promise: at a zoned time, or when the situation changes. Nothing chosen at first."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        from PySide6.QtWidgets import QVBoxLayout

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.at_time = QRadioButton(translate("Editors", "At"), self)
        self.at_time.setAccessibleName(translate("Editors", "Next update at a set time"))
        self.when = ZonedTimeEditor(parent=self)
        self.on_change = QRadioButton(translate("Editors", "When the situation changes"), self)
        self.on_change.setAccessibleName(translate("Editors", "Next update when the situation changes"))
        self._group = QButtonGroup(self)
        self._group.addButton(self.at_time)
        self._group.addButton(self.on_change)
        row.addWidget(self.at_time)
        row.addWidget(self.when, 1)
        layout.addLayout(row)
        self.row = row  # where helpers beside the time go (suggested moments, audience_hooks.py)
        layout.addWidget(self.on_change, 0, Qt.AlignmentFlag.AlignLeft)
        self.at_time.clicked.connect(self._chose)
        self.on_change.clicked.connect(self._chose)
        self.when.edited.connect(self._when_edited)
        self._sync_enabled()

    def setObjectName(self, name: str) -> None:  # noqa: N802
        super().setObjectName(name)
        self.at_time.setObjectName(f"{name}_at")
        self.on_change.setObjectName(f"{name}_on_change")
        self.when.setObjectName(name + "_when")

    def _chose(self) -> None:
        self._sync_enabled()
        self.edited.emit()

    def _when_edited(self) -> None:
        if not self.at_time.isChecked():
            self.at_time.setChecked(True)  # adjusting the time means "at this time"
            self._sync_enabled()
        self.edited.emit()

    def _sync_enabled(self) -> None:
        self.when.setProperty("inactive", not self.at_time.isChecked())

    def value(self) -> str:
        if self.on_change.isChecked():
            return ON_CHANGE
        if self.at_time.isChecked():
            return self.when.value()
        return ""

    def set_value(self, value: str) -> None:
        self._group.setExclusive(False)
        self.at_time.setChecked(False)
        self.on_change.setChecked(False)
        if value:
            try:
                parsed = parse_next_update(value)
            except TimeError:
                parsed = None
            if parsed is not None and parsed.on_change:
                self.on_change.setChecked(True)
            elif parsed is not None:
                self.at_time.setChecked(True)
                self.when.set_value(value)
        self._group.setExclusive(True)
        self._sync_enabled()

    def set_read_only(self, on: bool) -> None:
        self.at_time.setEnabled(not on)
        self.on_change.setEnabled(not on)
        self.when.set_read_only(on)

    def focus_widget(self) -> QWidget:
        return self.on_change if self.on_change.isChecked() else self.at_time


class OptionalTimeEditor(QWidget):
    """An incident time (started, detected, resolved) that may be unknown yet."""

    edited = Signal()

    def __init__(self, label: str, parent=None):
        from PySide6.QtWidgets import QCheckBox

        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.known = QCheckBox(label, self)
        self.known.setMinimumWidth(90)
        self.when = ZonedTimeEditor(parent=self)
        layout.addWidget(self.known)
        layout.addWidget(self.when, 1)
        self.known.toggled.connect(self._toggled)
        self.when.edited.connect(self._when_edited)
        self.when.setEnabled(False)

    def setObjectName(self, name: str) -> None:  # noqa: N802
        super().setObjectName(name)
        self.known.setObjectName(f"{name}_known")
        self.when.setObjectName(f"{name}_when")

    def _toggled(self, on: bool) -> None:
        self.when.setEnabled(on)
        self.edited.emit()

    def _when_edited(self) -> None:
        if self.known.isChecked():
            self.edited.emit()

    def value(self) -> str:
        return self.when.value() if self.known.isChecked() else ""

    def set_value(self, value: str) -> None:
        self.known.blockSignals(True)
        self.known.setChecked(bool(value))
        self.known.blockSignals(False)
        self.when.setEnabled(bool(value))
        if value:
            self.when.set_value(value)

    def set_read_only(self, on: bool) -> None:
        self.known.setEnabled(not on)
        self.when.set_read_only(on)

    def focus_widget(self) -> QWidget:
        return self.known
