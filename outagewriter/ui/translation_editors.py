"""A bilingual notice's second text in the form: under each prose field's editor, the same field in the
second language, captioned with that language's name.

The pair sits where the first editor sat (its layout cell), so every section keeps its shape; Tab goes
from the first text to the second. Edits are reported as "summary@en" (core.incident.bilingual), which
the window stores through the session like any other field; findings about the second text (their
`language` set) are painted in its editor.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from ..core.checks.findings import Finding
from ..core.incident.bilingual import IN_ENGLISH, language_label, split_name, translated_name
from ..core.incident.fields import SPECS, TRANSLATED_FIELDS, fields_of
from ..core.incident.model import Incident, Notice
from .editors import LineEditor, TextEditor
from .highlight import FindingHighlighter, paint_line_edit, quiet


class TranslationEditors(QObject):
    edited = Signal(str)  # "summary@en": a second-language text the user changed

    def __init__(self, form) -> None:
        super().__init__(form)
        self.form = form
        self.language = ""
        self.editors: dict[str, QWidget] = {}  # by field name, for the language currently shown
        self.rows: dict[str, QWidget] = {}  # each second editor with its caption
        self.captions: dict[str, QLabel] = {}
        self.highlighters: dict[str, FindingHighlighter] = {}
        self._painted: set[str] = set()
        for name in TRANSLATED_FIELDS:
            first = form.editors.get(name)
            if isinstance(first, (TextEditor, LineEditor)):
                self._pair(name, first)

    # ---- building ------------------------------------------------------------------------

    def _pair(self, name: str, first: QWidget) -> None:
        layout = first.parentWidget().layout()
        pair = QWidget(first.parentWidget())
        pair.setObjectName(f"{name}_pair")
        box = QVBoxLayout(pair)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        layout.replaceWidget(first, pair)
        box.addWidget(first)
        row = QWidget(pair)
        inner = QVBoxLayout(row)
        inner.setContentsMargins(14, 2, 0, 0)  # indented under the first text: the same field, again
        inner.setSpacing(1)
        caption = QLabel(row)
        caption.setObjectName(f"{name}_translation_caption")
        font = QFont(caption.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        caption.setFont(font)
        quiet(caption)
        second = self._make_editor(name, first, row)
        caption.setBuddy(second)
        inner.addWidget(caption)
        inner.addWidget(second)
        box.addWidget(row)
        row.hide()
        self.rows[name], self.captions[name], self.editors[name] = row, caption, second
        second.edited.connect(lambda n=name: self.edited.emit(translated_name(n, self.language)))
        QWidget.setTabOrder(first, second)  # Tab: the first text, then its translation

    def _make_editor(self, name: str, first: QWidget, parent: QWidget) -> QWidget:
        if isinstance(first, TextEditor):
            second = TextEditor(2, 16, parent)
            second.setFont(first.font())
            second.setLineWrapMode(first.lineWrapMode())
            self.highlighters[name] = FindingHighlighter(second)
        else:
            second = LineEditor(parent)
        second.setObjectName(f"{name}_translation")
        return second

    # ---- showing a notice ----------------------------------------------------------------

    def set_notice(self, incident: Incident, notice: Notice, read_only: bool) -> None:
        self.language = incident.second_language
        shown = set(fields_of(notice.kind)) if self.language else set()
        for name, editor in self.editors.items():
            editor.blockSignals(True)
            editor.set_value(notice.translation[name] if self.language else "")
            editor.blockSignals(False)
            editor.set_read_only(read_only)
            self.rows[name].setVisible(name in shown)
            if self.language:
                self._label(name, language_label(self.language), IN_ENGLISH[self.language])
        self.set_findings([])

    def _label(self, name: str, language_name: str, language_in_english: str) -> None:
        field = self.form.editors[name].accessibleName() or SPECS[name].label
        self.captions[name].setText(self.tr("%1 — %2").replace("%1", field).replace("%2", language_name))
        editor = self.editors[name]
        editor.setAccessibleName(self.tr("%1 in %2").replace("%1", field).replace("%2", language_in_english))
        editor.setPlaceholderText(self.tr("%1 in %2").replace("%1", field).replace("%2", language_name))

    def set_read_only(self, on: bool) -> None:
        for editor in self.editors.values():
            editor.set_read_only(on)

    def value(self, key: str) -> str:
        return self.editors[split_name(key)[0]].value()

    def editor(self, key: str) -> QWidget | None:
        """The second editor of "summary@en" when that is the language shown."""
        name, language = split_name(key)
        return self.editors.get(name) if language and language == self.language else None

    # ---- findings ------------------------------------------------------------------------

    def set_findings(self, findings: list[Finding]) -> None:
        """Paint the findings about the second text (the others are the form's)."""
        by_field: dict[str, list[Finding]] = {}
        for finding in findings:
            if finding.language and finding.language == self.language:
                by_field.setdefault(finding.field, []).append(finding)
        for name, editor in self.editors.items():
            mine = by_field.get(name, [])
            if name in self.highlighters:
                self.highlighters[name].set_findings(editor.value(), mine)
            elif isinstance(editor, QLineEdit) and (mine or name in self._painted):
                paint_line_edit(editor, mine, editor.accessibleName())
        self._painted = set(by_field)
