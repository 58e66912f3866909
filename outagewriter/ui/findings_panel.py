"""The findings panel: every tone, structure and grammar finding, each with what to do about it.

Clicking a finding (or pressing Enter on it) asks the window to select its span; a suggestion
button asks it to apply the suggestion; Ignore asks it to dismiss the finding for this notice,
and the ignored ones are listed under a toggle, each with Restore.

Results arrive in steps (the fast checks, then grammar a second later), so the list is updated in
place: each finding keeps its card, only what changed is added or removed, and the finding at the
top of the view stays where it is.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.checks.findings import Finding, counts_by_kind
from ..core.incident.fields import FIELD_NAMES
from . import theme
from .finding_card import FindingCard, is_replacement
from .highlight import quiet
from .language import translate
from .tr_args import args

SEVERITY_ORDER = {"error": 0, "warning": 1, "suggestion": 2}
_FIELD_ORDER = {name: i for i, name in enumerate(FIELD_NAMES)}

__all__ = ["FindingCard", "FindingList", "FindingsPanel", "is_replacement", "tab_title"]



def _order(finding: Finding) -> tuple:
    """Errors first, then in the order the form reads."""
    return (SEVERITY_ORDER.get(finding.severity, 3), _FIELD_ORDER.get(finding.field, len(_FIELD_ORDER)),
            finding.language, finding.start, finding.end, finding.rule)  # a field's second text after its first


def _identity(finding: Finding) -> str:
    """What makes a card the same card: a structure finding is about its field as a whole (its quoted
    words are the field and change with every key), the others about their rule on their words."""
    return f"{finding.rule}|{finding.where}" if finding.category == "structure" else finding.key


def _pair(cards: list[FindingCard], findings: list[Finding]) -> list[FindingCard | None]:
    """The card each finding keeps: one showing the same key (rule, field, words), nearest in the
    text when the same words are there twice; None for a finding new since."""
    free: dict[str, list[FindingCard]] = {}
    for card in cards:
        free.setdefault(_identity(card.finding), []).append(card)
    out = []
    for finding in findings:
        mine = free.get(_identity(finding))
        if not mine:
            out.append(None)
            continue
        card = min(mine, key=lambda c: abs(c.finding.start - finding.start))
        mine.remove(card)
        out.append(card)
    return out


# The tab's count of each kind of finding (core.checks.findings.KINDS).
KIND_COUNTS = {
    "structure": QT_TRANSLATE_NOOP("Findings", "%1 structure"),
    "tone": QT_TRANSLATE_NOOP("Findings", "%1 tone"),
    "grammar": QT_TRANSLATE_NOOP("Findings", "%1 grammar"),
    "spelling": QT_TRANSLATE_NOOP("Findings", "%1 spelling"),
}


def tab_title(findings: list[Finding]) -> str:
    """'Findings · 2 tone · 1 grammar': short enough for the tab, counted as the panel lists them."""
    counts = counts_by_kind(findings)
    return " · ".join([translate("Findings", "Findings"),
                       *(args(translate("Findings", KIND_COUNTS[kind]), n) for kind, n in counts.items())])


class FindingList(QScrollArea):
    """Cards keyed by finding identity, updated in place."""

    def __init__(self, name: str, *, ignored: bool, panel: "FindingsPanel"):
        super().__init__(panel)
        self.setObjectName(name)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # A scroll bar that comes and goes would narrow every card and reflow its text: the list jumps.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.ignored = ignored
        self.panel = panel
        self.holder = QWidget()
        self.holder.setObjectName(f"{name}_cards")
        self.column = QVBoxLayout(self.holder)
        self.column.setContentsMargins(0, 0, 4, 0)
        self.column.addStretch(1)
        self.setWidget(self.holder)
        self.cards: list[FindingCard] = []
        self.set_compact(False)

    def set_compact(self, compact: bool) -> None:
        """One line per finding or full cards; the selected finding (else the one at the top of the
        view) stays in view, so switching never loses the reader's place."""
        current = getattr(self.panel, "current", None)
        current = current if current in self.cards else None
        anchor = self._anchor()
        self.compact = compact
        self.column.setSpacing(0 if compact else 6)
        for card in self.cards:
            card.set_compact(compact)
        if current is not None:
            self._lay_out()
            self.ensureWidgetVisible(current, 0, self.viewport().height() // 3)
        else:
            self._keep(anchor)

    def sync(self, findings: list[Finding]) -> None:
        ordered = sorted(findings, key=_order)
        anchor = self._anchor()
        focused = self._focused()
        cards = []
        for finding, card in zip(ordered, _pair(self.cards, ordered)):
            if card is None:
                card = self._new_card(finding)
            else:
                card.set_finding(finding)
            cards.append(card)
        gone = [card for card in self.cards if card not in cards]
        if focused in gone:
            # Hold the focus here while the card goes: Qt would otherwise pass it down the tab
            # chain to the form's first field, select its text, and the next key would replace it.
            self.holder.setFocus(Qt.FocusReason.OtherFocusReason)
        for card in gone:
            self.column.removeWidget(card)
            card.setParent(None)
            card.deleteLater()
        for index, card in enumerate(cards):
            if self.column.itemAt(index).widget() is not card:
                self.column.removeWidget(card)
                self.column.insertWidget(index, card)
                card.show()  # now, not when the layout gets round to it: it takes its room at once
        previous = self.cards
        self.cards = cards
        if focused in gone and cards:
            card = cards[min(previous.index(focused), len(cards) - 1)]  # the finding that took its place
            card.show()  # a widget new in a layout is shown later, and a hidden one cannot take focus
            card.setFocus(Qt.FocusReason.OtherFocusReason)
        self._keep(anchor)

    def _new_card(self, finding: Finding) -> FindingCard:
        card = FindingCard(finding, ignored=self.ignored, compact=self.compact, kind=self.panel.kind,
                           parent=self.holder)
        card.set_editable(self.panel.editable)
        card.activated.connect(self.panel.on_activated)
        card.apply.connect(self.panel.apply)
        card.ignore.connect(self.panel.ignore)
        card.restore.connect(self.panel.restore)
        return card

    def _focused(self) -> FindingCard | None:
        focus = QApplication.focusWidget()
        return next((c for c in self.cards if focus is c or c.isAncestorOf(focus)), None)

    # ---- the view stays on the finding at its top ---------------------------------------

    def _anchor(self) -> tuple[FindingCard, int] | None:
        top = self.verticalScrollBar().value()
        if top == 0:
            return None  # at the top it stays at the top
        card = next((c for c in self.cards if c.geometry().bottom() >= top), None)
        return (card, card.y() - top) if card is not None else None

    def _lay_out(self) -> None:
        """Lay the cards out now, and let the scroll area fit its range to them, instead of later."""
        for target in (self.holder, self.viewport(), self):
            QApplication.sendPostedEvents(target, QEvent.Type.LayoutRequest)

    def _keep(self, anchor: tuple[FindingCard, int] | None) -> None:
        if anchor is None or anchor[0] not in self.cards:
            return
        self._lay_out()
        card, offset = anchor
        self.verticalScrollBar().setValue(card.y() - offset)


class FindingsPanel(QWidget):
    activated = Signal(object)  # Finding
    apply = Signal(object, str)  # Finding, suggestion
    ignore = Signal(object)  # Finding
    restore = Signal(object)  # Finding (ignored)
    title_changed = Signal(str)  # for the tab: "Findings · 2 tone · 1 grammar"
    compact_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("findings")
        self.setAccessibleName(translate("Findings", "Findings"))
        self.editable = True
        self.kind = "initial"  # the shown notice's kind: cards name fields as its form does
        self.current: FindingCard | None = None  # the finding F8 last went to (or the user picked)
        self._current_index: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(6)
        self.header = QLabel(self)
        self.header.setObjectName("findings_header")
        bold = QFont(self.header.font())
        bold.setBold(True)
        self.header.setFont(bold)
        # A narrow panel wraps it rather than widening the window.
        self.header.setWordWrap(True)
        self.header.setMinimumWidth(1)
        self.header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top.addWidget(self.header, 1)
        self.ignored_toggle = self._toggle("findings_ignored_toggle", translate("Findings", "Ignored (0)"),
                                           translate("Findings", "Ignored findings"),
                                           translate("Findings",
                                                     "List the findings ignored on this notice, to restore them"))
        self.ignored_toggle.toggled.connect(self._show_page)
        self.compact_toggle = self._toggle("findings_compact", translate("Findings", "Compact"),
                                           translate("Findings", "Compact list"),
                                           translate("Findings", "One line per finding, to see many at once"))
        self.compact_toggle.toggled.connect(self.set_compact)
        top.addWidget(self.ignored_toggle)
        top.addWidget(self.compact_toggle)
        layout.addLayout(top)
        self.status = QLabel(self)
        self.status.setObjectName("findings_status")
        self.status.setWordWrap(True)
        quiet(self.status)
        self.status.hide()
        layout.addWidget(self.status)
        self.active = FindingList("findings_list", ignored=False, panel=self)
        self.ignored = FindingList("ignored_list", ignored=True, panel=self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.active)
        self.pages.addWidget(self.ignored)
        layout.addWidget(self.pages, 1)
        self.scroll = self.active
        self.title = ""
        self.set_findings([])

    def _toggle(self, name: str, text: str, accessible: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setCheckable(True)
        button.setAutoRaise(True)
        theme.tint(button, "toggle")  # Fusion's checked shade cannot be told from off in the dark palette
        button.setAccessibleName(accessible)
        button.setToolTip(tip)
        return button

    @property
    def cards(self) -> list[FindingCard]:
        return self.active.cards

    @property
    def ignored_cards(self) -> list[FindingCard]:
        return self.ignored.cards

    @property
    def compact(self) -> bool:
        return self.compact_toggle.isChecked()

    def set_compact(self, compact: bool) -> None:
        self.compact_toggle.setChecked(compact)
        if self.active.compact != compact:
            self.active.set_compact(compact)
            self.ignored.set_compact(compact)
            self.compact_changed.emit(compact)

    def show_current(self) -> None:
        """Scroll the selected finding into view (after the list was resized)."""
        if self.current in self.active.cards:
            self.active.ensureWidgetVisible(self.current, 0, self.active.viewport().height() // 3)

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        for card in [*self.active.cards, *self.ignored.cards]:
            card.set_editable(editable)

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        for card in [*self.active.cards, *self.ignored.cards]:
            card.set_kind(kind)

    def set_status(self, text: str, warning: bool = False) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        theme.tint(self.status, "warning" if warning else None)

    def set_findings(self, findings: list[Finding], ignored: list[Finding] = ()) -> None:
        self.active.sync(list(findings))
        self.ignored.sync(list(ignored))
        self.ignored_toggle.setText(args(translate("Findings", "Ignored (%1)"), len(ignored)))
        self.ignored_toggle.setEnabled(bool(ignored) or self.ignored_toggle.isChecked())
        if not ignored and self.ignored_toggle.isChecked():
            self.ignored_toggle.setChecked(False)
        self._mark_current()
        self._header()
        title = tab_title(list(findings))
        if title != self.title:
            self.title = title
            self.title_changed.emit(title)

    def _show_page(self, ignored: bool) -> None:
        self.pages.setCurrentWidget(self.ignored if ignored else self.active)
        self._header()

    def _header(self) -> None:
        if self.ignored_toggle.isChecked():
            count = len(self.ignored.cards)
            self.header.setText(translate("Findings", "%n ignored on this notice: Restore shows one again", None,
                                          count))
            return
        count = len(self.active.cards)
        self.header.setText(
            translate("Findings", "No findings: nothing in the tone or structure to look at.") if not count
            else translate("Findings", "1 finding to look at") if count == 1
            else translate("Findings", "%n findings to look at", None, count)
        )

    # ---- the current finding (F8, Shift+F8, a click) --------------------------------------

    def on_activated(self, finding: Finding) -> None:
        card = self.sender()
        if card in self.active.cards:
            self.current, self._current_index = card, self.active.cards.index(card)
        self._mark_current()
        self.activated.emit(finding)

    def step(self, step: int) -> Finding | None:
        """The next (or previous) finding after the current one, made current; None when there are none."""
        cards = self.active.cards
        if not cards:
            return None
        if self.current in cards:
            index = (cards.index(self.current) + step) % len(cards)
        elif self._current_index is not None:  # it was fixed: the one that took its place comes next
            index = min(self._current_index, len(cards) - 1) if step > 0 else (self._current_index - 1) % len(cards)
        else:
            index = 0 if step > 0 else len(cards) - 1
        self.current, self._current_index = cards[index], index
        self._mark_current()
        self.active.ensureWidgetVisible(cards[index], 0, 0)
        return cards[index].finding

    def _mark_current(self) -> None:
        for card in self.active.cards:
            card.set_current(card is self.current)
