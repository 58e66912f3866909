"""The findings panel: every tone, structure and grammar finding, each with what to do about it.

Clicking a finding (or pressing Enter on it) asks the window to select its span; a suggestion
button asks it to apply the suggestion; Ignore asks it to dismiss the finding for this notice.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.checks.findings import Finding
from ..core.incident.fields import SPECS
from .highlight import CATEGORY_LABELS, colour_for, quiet

SEVERITY_ORDER = {"error": 0, "warning": 1, "suggestion": 2}
# Grammar and spelling suggestions are literal replacements (LanguageTool's); a tone rule's
# suggestion is advice on what to write instead ("Say what happened, not who did it"), so it is
# shown as advice, not pasted over the text.
REPLACEMENT_CATEGORIES = ("grammar", "spelling")


def is_replacement(finding: Finding) -> bool:
    return finding.category in REPLACEMENT_CATEGORIES and bool(finding.suggestions)


class _Stripe(QWidget):
    """The category colour as a thin bar at the card's left edge."""

    def __init__(self, colour, parent=None):
        super().__init__(parent)
        self.colour = colour
        self.setFixedWidth(4)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.colour)


class FindingCard(QFrame):
    activated = Signal(object)
    apply = Signal(object, str)
    ignore = Signal(object)

    def __init__(self, finding: Finding, parent=None):
        super().__init__(parent)
        self.finding = finding
        self.setObjectName("finding")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        label = CATEGORY_LABELS.get(finding.category, finding.category)
        where = SPECS[finding.field].label if finding.field in SPECS else finding.field
        self.setAccessibleName(f"{label} in {where}: {finding.message}")
        self.setToolTip("Click to select it in the form")

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 8, 0)
        row.setSpacing(10)
        row.addWidget(_Stripe(colour_for(finding.category), self))
        body = QVBoxLayout()
        body.setContentsMargins(0, 8, 0, 8)
        body.setSpacing(4)
        row.addLayout(body, 1)

        head = QLabel(self)
        head.setTextFormat(Qt.TextFormat.PlainText)
        quoted = finding.match if len(finding.match) <= 60 else finding.match[:57] + "…"
        head.setText(f"{label} · {where}" + (f" · “{quoted}”" if quoted.strip() else ""))
        bold = QFont(head.font())
        bold.setBold(True)
        head.setFont(bold)
        head.setWordWrap(True)
        message = QLabel(finding.message, self)
        message.setObjectName("finding_message")
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setWordWrap(True)
        body.addWidget(head)
        body.addWidget(message)

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        if is_replacement(finding):
            for suggestion in finding.suggestions[:3]:
                shown = suggestion if len(suggestion) <= 40 else suggestion[:37] + "…"
                button = QPushButton(f"Use “{shown}”", self)
                button.setObjectName("finding_apply")
                button.setToolTip(f"Replace “{finding.match}” with “{suggestion}” (undo with Ctrl+Z)")
                button.setAccessibleName(f"Replace with {suggestion}")
                button.clicked.connect(lambda _c=False, s=suggestion: self.apply.emit(self.finding, s))
                buttons.addWidget(button)
        elif finding.suggestions:
            advice = QLabel("Try: " + finding.suggestions[0], self)
            advice.setObjectName("finding_advice")
            advice.setTextFormat(Qt.TextFormat.PlainText)
            advice.setWordWrap(True)
            italic = QFont(advice.font())
            italic.setItalic(True)
            advice.setFont(italic)
            body.insertWidget(2, advice)
        buttons.addStretch(1)
        ignore = QPushButton("Ignore", self)
        ignore.setObjectName("finding_ignore")
        ignore.setFlat(True)
        ignore.setToolTip("Dismiss this finding for this notice (kept in the file)")
        ignore.setAccessibleName("Ignore this finding")
        ignore.clicked.connect(lambda _c=False: self.ignore.emit(self.finding))
        buttons.addWidget(ignore)
        body.addLayout(buttons)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.finding)
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.finding)
            return
        super().keyPressEvent(event)


class FindingsPanel(QWidget):
    activated = Signal(object)  # Finding
    apply = Signal(object, str)  # Finding, suggestion
    ignore = Signal(object)  # Finding

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("findings")
        self.setAccessibleName("Findings")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.header = QLabel(self)
        self.header.setObjectName("findings_header")
        bold = QFont(self.header.font())
        bold.setBold(True)
        self.header.setFont(bold)
        self.status = QLabel(self)
        self.status.setObjectName("findings_status")
        self.status.setWordWrap(True)
        quiet(self.status)
        self.status.hide()
        layout.addWidget(self.header)
        layout.addWidget(self.status)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.list = QWidget()
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.setContentsMargins(0, 0, 4, 0)
        self.list_layout.setSpacing(6)
        self.list_layout.addStretch(1)
        self.scroll.setWidget(self.list)
        layout.addWidget(self.scroll, 1)
        self.cards: list[FindingCard] = []
        self._shown: tuple = ()
        self.set_findings([])

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _focused_card(self) -> int | None:
        focus = QApplication.focusWidget()
        for index, card in enumerate(self.cards):
            if focus is card or card.isAncestorOf(focus):
                return index
        return None

    def set_findings(self, findings: list[Finding]) -> None:
        ordered = sorted(findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 3))
        shown = tuple(ordered)
        if shown == self._shown and self.cards:
            return
        self._shown = shown
        if self.cards and [(f.key, f.message, f.suggestions) for f in ordered] == [
            (c.finding.key, c.finding.message, c.finding.suggestions) for c in self.cards
        ]:
            for card, finding in zip(self.cards, ordered):
                card.finding = finding  # same findings, moved by an edit elsewhere: keep the cards
            return
        focused = self._focused_card()
        if focused is not None:
            # Hold the focus here while the cards go: Qt would otherwise pass it down the tab
            # chain to the form's first field, select its text, and the next key would replace it.
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        for finding in ordered:
            card = FindingCard(finding, self.list)
            card.activated.connect(self.activated)
            card.apply.connect(self.apply)
            card.ignore.connect(self.ignore)
            self.list_layout.insertWidget(self.list_layout.count() - 1, card)
            self.cards.append(card)
        if focused is not None and self.cards:
            card = self.cards[min(focused, len(self.cards) - 1)]  # the finding that took its place
            card.show()  # a widget new in a layout is shown later, and a hidden one cannot take focus
            card.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll.ensureWidgetVisible(card)
        count = len(ordered)
        self.header.setText(
            "No findings: nothing in the tone or structure to look at." if not count
            else f"{count} finding{'s' if count != 1 else ''} to look at"
        )
