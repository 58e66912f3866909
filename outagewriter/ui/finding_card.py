"""One finding in the findings panel: a card with what to do about it, or (compact) one line.

The card stays the same widget while its finding moves with edits elsewhere, so the panel can
update in place; its contents are rebuilt only when what it shows changes.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.checks.findings import Finding
from ..core.incident.fields import SPECS, display_label, fields_of
from ..core.incident.bilingual import language_label
from ..core.incident.times import describe_next_update
from .highlight import category_label, colour_for, tooltip_text
from .language import translate
from .tr_args import args

# Grammar and spelling suggestions are literal replacements (LanguageTool's); a tone rule's
# suggestion is advice on what to write instead ("Say what happened, not who did it"), so it is
# shown as advice, not pasted over the text.
REPLACEMENT_CATEGORIES = ("grammar", "spelling")


def visible(text: str) -> str:
    """Spaces shown as ␣ where they are the point: a whitespace suggestion ("Use ' '") is otherwise
    an empty-looking button, and a double space looks like a single one."""
    if text.strip() and "  " not in text and text == text.strip():
        return text
    return text.replace(" ", "␣").replace("\n", "↵").replace("\t", "⇥")


def spoken(text: str) -> str:
    """What a screen reader should say for a suggestion that is only spaces."""
    if text.strip():
        return text
    if not text:
        return translate("FindingCard", "nothing")
    # English's singular is a word of its own; other languages count with %n (tr's plural forms).
    if len(text) == 1:
        return translate("FindingCard", "one space")
    return translate("FindingCard", "%n spaces", None, len(text))


def is_replacement(finding: Finding) -> bool:
    return finding.category in REPLACEMENT_CATEGORIES and bool(finding.suggestions)


def field_label(finding: Finding, kind: str = "initial") -> str:
    """The field as the form labels it for this kind of notice ("What was affected" in a resolution)."""
    if finding.field not in SPECS:
        return finding.field
    label = display_label(kind, finding.field) if finding.field in fields_of(kind) else SPECS[finding.field].label
    # A bilingual notice's second text: which of the two editors the finding is in.
    return f"{label} · {language_label(finding.language)}" if finding.language else label


def in_words(finding: Finding, value: str) -> str:
    """A value as the form shows it: the next update in words, not as stored ('on-change')."""
    return describe_next_update(value) if finding.field == "next_update" and value.strip() else value


def quoted(finding: Finding, limit: int = 60) -> str:
    """The words it is about, quoted; structure findings are about the whole field, so none (but the
    next-update time, said as the form says it)."""
    if finding.category == "structure" and finding.field != "next_update":
        return ""
    said = in_words(finding, finding.match)
    words = visible(said) if said and ("  " in said or not said.strip()) else " ".join(said.split())
    if not words:
        return ""
    return f"“{words if len(words) <= limit else words[:limit - 1] + '…'}”"


def _display(finding: Finding) -> tuple:
    """What a card shows; a finding that only moved (an edit elsewhere) shows the same."""
    return (finding.category, finding.field, finding.match, finding.message, finding.suggestions,
            tuple((f.category, f.match, f.message) for f in finding.also))


class _Stripe(QWidget):
    """The category colour as a thin bar at the card's left edge."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.colour = None
        self.setFixedWidth(4)

    def paintEvent(self, event) -> None:  # noqa: N802
        if self.colour is not None:
            QPainter(self).fillRect(self.rect(), self.colour)


class _Line(QWidget):
    """The compact row: category in bold, then field, quoted words and message, elided to fit."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lead, self.rest = "", ""
        self.setSizePolicy(self.sizePolicy().horizontalPolicy(), self.sizePolicy().Policy.Fixed)

    def set_text(self, lead: str, rest: str) -> None:
        self.lead, self.rest = lead, rest
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, self.fontMetrics().height() + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(60, self.fontMetrics().height() + 4)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        rect = self.rect()
        lead = self.lead + "  "
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, lead)
        used = painter.fontMetrics().horizontalAdvance(lead)
        painter.setFont(self.font())
        rest = self.fontMetrics().elidedText(self.rest, Qt.TextElideMode.ElideRight, max(0, rect.width() - used))
        painter.drawText(rect.adjusted(used, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, rest)


def _label(parent, text: str, name: str, *, bold: bool = False, italic: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if bold or italic:
        font = QFont(label.font())
        font.setBold(bold)
        font.setItalic(italic)
        label.setFont(font)
    return label


class FindingCard(QFrame):
    activated = Signal(object)
    apply = Signal(object, str)
    ignore = Signal(object)
    restore = Signal(object)

    def __init__(self, finding: Finding, *, ignored: bool = False, compact: bool = False, kind: str = "initial",
                 parent=None):
        super().__init__(parent)
        self.kind = kind
        self.finding = finding
        self.ignored = ignored
        self.editable = True
        self.current = False
        self.compact = compact
        self.buttons: list[QPushButton] = []
        self._shown: tuple | None = None
        self.setObjectName("ignored_finding" if ignored else "finding")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 8, 0)
        row.setSpacing(10)
        self.stripe = _Stripe(self)
        row.addWidget(self.stripe)
        self.full = QWidget(self)
        self.body = QVBoxLayout(self.full)
        self.body.setContentsMargins(0, 8, 0, 8)
        self.body.setSpacing(4)
        row.addWidget(self.full, 1)
        self.line = _Line(self)
        self.line.setObjectName("finding_line")
        row.addWidget(self.line, 1)
        self.restore_button = QPushButton(translate("FindingCard", "Restore"), self)
        self.restore_button.setObjectName("finding_restore")
        self.restore_button.setToolTip(translate("FindingCard", "Show this finding again"))
        self.restore_button.setAccessibleName(translate("FindingCard", "Restore this finding"))
        self.restore_button.clicked.connect(lambda _c=False: self.restore.emit(self.finding))
        self.restore_button.setVisible(ignored)
        row.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.set_finding(finding)
        self.set_compact(compact)

    # ---- what it shows -----------------------------------------------------------------

    def set_kind(self, kind: str) -> None:
        """The notice's kind names its fields: relabel when another kind of notice is shown."""
        if kind != self.kind:
            self.kind, self._shown = kind, None
            self.set_finding(self.finding)

    def set_finding(self, finding: Finding) -> None:
        """Show `finding`; when only its position changed, nothing is redrawn."""
        self.finding = finding
        shown = _display(finding)
        if shown == self._shown:
            return
        self._shown = shown
        label, where, quote = (category_label(finding.category),
                               field_label(finding, self.kind), quoted(finding))
        self.setAccessibleName(args(translate("FindingCard", "%1 in %2: %3"), label, where, finding.message))
        self.stripe.colour = colour_for(finding.category)
        self.line.set_text(label, " · ".join(p for p in (where, quote, finding.message) if p))
        self._fill(label, where, quote)
        self._tips()

    def _fill(self, label: str, where: str, quote: str) -> None:
        _empty(self.body)
        finding = self.finding
        self.body.addWidget(_label(self.full, " · ".join(p for p in (label, where, quote) if p), "finding_head",
                                   bold=True))
        self.body.addWidget(_label(self.full, finding.message, "finding_message"))
        if finding.suggestions and not is_replacement(finding):
            self.body.addWidget(_label(self.full,
                                       args(translate("FindingCard", "Try: %1"),
                                            in_words(finding, finding.suggestions[0])),
                                       "finding_advice", italic=True))
        for other in finding.also:
            kind = category_label(other.category)
            also = _label(self.full, args(translate("FindingCard", "Also %1: “%2”: %3"), kind.lower(), other.match,
                                          other.message), "finding_also")
            also.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self.body.addWidget(also)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.buttons: list[QPushButton] = []
        if is_replacement(finding) and not self.ignored:
            for suggestion in finding.suggestions[:3]:
                shown = visible(suggestion if len(suggestion) <= 40 else suggestion[:37] + "…")
                button = QPushButton(args(translate("FindingCard", "Use “%1”"), shown), self.full)
                button.setObjectName("finding_apply")
                button.setToolTip(args(translate("FindingCard", "Replace “%1” with “%2” (undo with Ctrl+Z)"),
                                      visible(finding.match), visible(suggestion)))
                button.setAccessibleName(args(translate("FindingCard", "Replace with %1"), spoken(suggestion)))
                button.clicked.connect(lambda _c=False, s=suggestion: self.apply.emit(self.finding, s))
                buttons.addWidget(button)
                self.buttons.append(button)
        buttons.addStretch(1)
        if not self.ignored:
            ignore = QPushButton(translate("FindingCard", "Ignore"), self.full)
            ignore.setObjectName("finding_ignore")
            ignore.setFlat(True)
            ignore.setToolTip(translate("FindingCard", "Dismiss this rule on these words in this field, wherever "
                                        "they appear in this notice (kept in the file; listed under Ignored)"))
            ignore.setAccessibleName(translate("FindingCard", "Ignore this finding"))
            ignore.clicked.connect(lambda _c=False: self.ignore.emit(self.finding))
            buttons.addWidget(ignore)
            self.buttons.append(ignore)
        if self.buttons:
            self.body.addLayout(buttons)
        self.set_editable(self.editable)

    def _tips(self) -> None:
        # Compact: the row's tooltip is the whole finding; a card shows it all already.
        self.setToolTip(tooltip_text(self.finding) if self.compact else translate("FindingCard",
                                                                                  "Click to select it in the form"))

    # ---- modes -------------------------------------------------------------------------

    def set_compact(self, compact: bool) -> None:
        self.compact = compact
        self.full.setVisible(not compact)
        self.line.setVisible(compact)
        self.layout().setContentsMargins(0, 0, 4 if compact else 8, 0)
        self.setFrameShape(QFrame.Shape.NoFrame if compact else QFrame.Shape.StyledPanel)
        self._tips()

    def set_editable(self, editable: bool) -> None:
        """A sent notice (or a file open read-only) shows its findings, and nothing to change them."""
        self.editable = editable
        for button in [*self.buttons, self.restore_button]:
            button.setEnabled(editable)

    def set_current(self, current: bool) -> None:
        """The finding F8 or a click went to last: outlined, so the writer sees where F8 goes on from."""
        if current != self.current:
            self.current = current
            self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.current:
            painter = QPainter(self)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))

    # ---- input -------------------------------------------------------------------------

    def _menu(self, position) -> None:
        if not self.editable:
            return
        menu = QMenu(self)
        if self.ignored:
            menu.addAction(translate("FindingCard", "Restore"), lambda: self.restore.emit(self.finding))
        else:
            for suggestion in self.finding.suggestions[:3] if is_replacement(self.finding) else ():
                menu.addAction(args(translate("FindingCard", "Use “%1”"), visible(suggestion)),
                               lambda s=suggestion: self.apply.emit(self.finding, s))
            menu.addAction(translate("FindingCard", "Ignore"), lambda: self.ignore.emit(self.finding))
        menu.exec(self.mapToGlobal(position))

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and not self.ignored:
            self.activated.emit(self.finding)
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and not self.ignored:
            self.activated.emit(self.finding)
            return
        if event.key() == Qt.Key.Key_Delete and self.editable:
            (self.restore if self.ignored else self.ignore).emit(self.finding)
            return
        super().keyPressEvent(event)


def _empty(layout) -> None:
    """Remove and delete everything in `layout`, nested layouts included."""
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
        elif item.layout() is not None:
            _empty(item.layout())
            item.layout().deleteLater()
