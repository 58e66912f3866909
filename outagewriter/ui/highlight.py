"""Findings painted in the fields: a thin highlighter over the pure checks.

Findings carry Python string offsets (code points); Qt counts UTF-16 units, so spans are
converted here once per update, not per paint.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject
from PySide6.QtGui import QColor, QInputMethodEvent, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QToolTip

from ..core.checks.findings import Finding
from .language import translate

# Mid-tone colours: 3:1 or more against the fields and cards of the light and of the dark scheme
# (theme.py), as underlines and as the stripe on a finding card.
CATEGORY_COLOURS = {
    "structure": "#1f7fe8",
    "blame": "#f04438",
    "guilt": "#ee46bc",
    "overpromise": "#de6209",
    "speculation": "#b07d00",
    "jargon": "#0b9582",
    "grammar": "#7a5af8",
    "spelling": "#f04438",
}
OTHER_COLOUR = "#828995"
CATEGORY_LABELS = {
    "structure": QT_TRANSLATE_NOOP("Highlight", "Structure"),
    "blame": QT_TRANSLATE_NOOP("Highlight", "Blame"),
    "guilt": QT_TRANSLATE_NOOP("Highlight", "Guilt"),
    "overpromise": QT_TRANSLATE_NOOP("Highlight", "Promise"),
    "speculation": QT_TRANSLATE_NOOP("Highlight", "Speculation"),
    "jargon": QT_TRANSLATE_NOOP("Highlight", "Jargon"),
    "grammar": QT_TRANSLATE_NOOP("Highlight", "Grammar"),
    "spelling": QT_TRANSLATE_NOOP("Highlight", "Spelling"),
}


def quiet(label) -> None:
    """Secondary text (captions, counts) in the palette's own quiet colour, light or dark."""
    from PySide6.QtGui import QPalette

    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)


def colour_for(category: str) -> QColor:
    return QColor(CATEGORY_COLOURS.get(category, OTHER_COLOUR))


def utf16_index(text: str, index: int) -> int:
    """Qt position of Python string index `index` in `text`."""
    if text.isascii():
        return index
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def qt_spans(text: str, findings: list[Finding]) -> list[tuple[int, int, Finding]]:
    spans = []
    for f in findings:
        start, end = min(f.start, len(text)), min(f.end, len(text))
        if end > start:
            spans.append((utf16_index(text, start), utf16_index(text, end), f))
    return spans


def _format(category: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(colour_for(category))
    return fmt


class FindingHighlighter(QSyntaxHighlighter):
    def __init__(self, editor: QPlainTextEdit):
        super().__init__(editor.document())
        self._spans: list[tuple[int, int, Finding]] = []
        self._key: tuple = ()
        editor.viewport().installEventFilter(_ToolTips(editor, self))

    def set_findings(self, text: str, findings: list[Finding]) -> None:
        key = tuple((f.start, f.end, f.rule) for f in findings)
        if key == self._key:
            return
        self._key = key
        self._spans = qt_spans(text, findings)
        self.rehighlight()

    def finding_at(self, position: int) -> Finding | None:
        for start, end, finding in self._spans:
            if start <= position < end:
                return finding
        return None

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt name)
        if not self._spans:
            return
        block_start = self.currentBlock().position()
        block_end = block_start + self.currentBlock().length()
        for start, end, finding in self._spans:
            if end <= block_start or start >= block_end:
                continue
            lo = max(start, block_start) - block_start
            hi = min(end, block_end) - block_start
            self.setFormat(lo, hi - lo, _format(finding.category))


class _ToolTips(QObject):
    """Shows the finding's message when the pointer rests on an underlined span."""

    def __init__(self, editor: QPlainTextEdit, highlighter: FindingHighlighter):
        super().__init__(editor)
        self._editor = editor
        self._highlighter = highlighter

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            cursor = self._editor.cursorForPosition(event.pos())
            finding = self._highlighter.finding_at(cursor.position())
            if finding is not None:
                QToolTip.showText(event.globalPos(), tooltip_text(finding), self._editor)
                return True
        return False  # elsewhere the field's own tooltip (its help text) shows


def category_label(category: str) -> str:
    """A finding category's name in the window's language."""
    return translate("Highlight", CATEGORY_LABELS.get(category, category))


def tooltip_text(finding: Finding) -> str:
    label = category_label(finding.category)
    text = f"<b>{label}:</b> {_escape(finding.message)}"
    if finding.suggestions:
        text += "<br><i>" + translate("Highlight", "Try:") + "</i> " + " · ".join(
            _escape(s) for s in finding.suggestions[:3])
    return text


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def paint_line_edit(editor: QLineEdit, findings: list[Finding], help_text: str = "") -> None:
    """QLineEdit has no document; an input-method event carries the formats (Qt's own way)."""
    text = editor.text()
    attributes = []
    for start, end, finding in qt_spans(text, findings):
        attributes.append(
            QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.TextFormat,
                start - editor.cursorPosition(),
                end - start,
                _format(finding.category),
            )
        )
    event = QInputMethodEvent("", attributes)
    # A TextFormat-only event changes no text and keeps the undo stack.
    editor.inputMethodEvent(event)
    tips = [tooltip_text(f) for f in findings]
    editor.setToolTip("<br>".join(tips) if tips else help_text)


__all__ = [
    "CATEGORY_COLOURS", "CATEGORY_LABELS", "FindingHighlighter", "category_label", "colour_for", "paint_line_edit",
    "qt_spans", "tooltip_text", "utf16_index",
]
