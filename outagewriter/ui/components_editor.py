"""The notice's affected components: one row per component with its status, a line to add one.

The field is text (`name = status` per line); this editor shows it as rows and gives it back through
the core's own functions, so what it writes is what the command line and the file hold.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.checks.component_checks import check_components
from ..core.i18n import _
from ..core.incident.components import (
    COMPONENT_STATUSES,
    STATUS_LABELS,
    ComponentError,
    add_component,
    format_components,
    new_component_status,
    parse_components,
)
from .settings_pages import named
from .theme import tint
from .language import translate
from .tr_args import args


class _Row:
    """One listed component: its name, its status and a Remove button."""

    def __init__(self, editor: ComponentsEditor, number: int, name: str, status: str):
        self.name = name
        self.label = named(QLabel(name, editor), f"component_name_{number}", name)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)  # a long name takes two lines, not the status column's room
        self.status = named(QComboBox(editor), f"component_status_{number}",
                            args(translate("Components", "Status of %1"), name))
        for value in COMPONENT_STATUSES:
            self.status.addItem(_(STATUS_LABELS[value]), value)  # core's catalog: the same words as its findings
        self.status.setCurrentIndex(COMPONENT_STATUSES.index(status))
        self.label.setBuddy(self.status)
        self.remove = named(QToolButton(editor), f"component_remove_{number}",
                            args(translate("Components", "Remove %1"), name))
        self.remove.setText(translate("Components", "Remove"))
        self.remove.setToolTip(args(translate("Components", "Remove %1 from this notice"), name))
        self.widgets = (self.label, self.status, self.remove)

    def pair(self) -> tuple[str, str]:
        return self.name, self.status.currentData()


class ComponentsEditor(QWidget):
    """value() / set_value() / edited / set_read_only(), like the form's other editors."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._known: tuple[str, ...] = ()
        self._kind = "initial"
        self._read_only = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(0, 1)
        outer.addLayout(self.grid)
        adding = QHBoxLayout()
        adding.setSpacing(6)
        self.add_name = named(QComboBox(self), "component_add_name", translate("Components", "Component to add"))
        self.add_name.setEditable(True)
        self.add_name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.add_name.lineEdit().setPlaceholderText(translate("Components", "Add a component"))
        self.add_name.lineEdit().setAccessibleName(translate("Components", "Component to add"))
        self.add_name.setToolTip(translate("Components", "Your organisation's components are listed here "
                                           "(Settings › Components); type any other name to add it to this notice."))
        self.add_name.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.add_name.setMinimumContentsLength(16)
        completer = QCompleter(self.add_name.model(), self.add_name)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # Completed in the box itself: a suggestion list over the form swallowed the first click on Add.
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.add_name.setCompleter(completer)
        self.add_button = named(QPushButton(translate("Components", "Add"), self), "component_add",
                                translate("Components", "Add component"))
        self.add_button.setAutoDefault(False)
        adding.addWidget(self.add_name, 1)
        adding.addWidget(self.add_button)
        outer.addLayout(adding)
        self.problem = named(QLabel(self), "component_add_problem",
                             translate("Components", "Why the component was not added"))
        self.problem.setWordWrap(True)
        tint(self.problem, "error")
        self.problem.hide()
        outer.addWidget(self.problem)
        self.restore = named(QPushButton(translate("Components", "Set all to operational"), self),
                             "components_all_operational",
                              translate("Components", "Set all components to operational"))
        self.restore.setToolTip(translate("Components", "A resolution tells readers that what broke works again."))
        self.restore.setAutoDefault(False)
        adding.addWidget(self.restore)
        self.setFocusProxy(self.add_name)

        self.add_button.clicked.connect(self._add_typed)
        self.add_name.lineEdit().returnPressed.connect(self._add_typed)
        self.add_name.activated.connect(lambda _index: self._add_typed())
        self.add_name.lineEdit().textEdited.connect(lambda _text: self.problem.hide())
        self.restore.clicked.connect(self._all_operational)
        self.edited.connect(self._offer_restore)
        self._show_rows([])

    # ---- the editor interface ---------------------------------------------------------------

    def value(self) -> str:
        return format_components([row.pair() for row in self._rows])

    def set_value(self, value: str) -> None:
        try:
            pairs = parse_components(value)
        except ComponentError:  # stored values are checked on the way in; show nothing rather than fail
            pairs = []
        if pairs != [row.pair() for row in self._rows]:
            self._show_rows(pairs)
        self.problem.hide()

    def set_read_only(self, on: bool) -> None:
        self._read_only = on
        for row in self._rows:
            row.status.setEnabled(not on)
            row.remove.setVisible(not on)
        self.add_name.setVisible(not on)
        self.add_button.setVisible(not on)
        self._offer_restore()

    def focus_widget(self) -> QWidget:
        return self._rows[0].status if self._rows else self.add_name

    def focusables(self) -> list[QWidget]:
        """The widgets Tab visits that always exist; rows are put in front of them as they come."""
        return [self.add_name, self.add_button, self.restore]

    # ---- what the form tells it ----------------------------------------------------------------

    def set_kind(self, kind: str) -> None:
        """A component added now starts at the status this kind of notice most likely needs."""
        self._kind = kind
        self._offer_restore()

    def set_known(self, names: tuple[str, ...]) -> None:
        """The organisation's components (Settings), offered in the add box."""
        self._known = tuple(names)
        self._offer_known()

    # ---- rows ---------------------------------------------------------------------------------

    def _show_rows(self, pairs: list[tuple[str, str]], focus: str | None = None) -> None:
        for row in self._rows:
            for widget in row.widgets:
                widget.setParent(None)  # out of the focus chain at once
                widget.deleteLater()
        self._rows = [_Row(self, number, name, status) for number, (name, status) in enumerate(pairs, start=1)]
        for number, row in enumerate(self._rows):
            for column, widget in enumerate(row.widgets):
                self.grid.addWidget(widget, number, column)
                widget.show()  # now, not when the layout gets to it: the new row takes the focus at once
            row.status.activated.connect(lambda _index: self.edited.emit())
            row.remove.clicked.connect(lambda _checked=False, name=row.name: self._remove(name))
        self._chain_rows()
        self.set_read_only(self._read_only)
        self._offer_known()
        chosen = next((row for row in self._rows if row.name == focus), None)
        if chosen is not None:
            chosen.status.setFocus(Qt.FocusReason.OtherFocusReason)

    def _chain_rows(self) -> None:
        """Tab goes through the rows in order, then to the add box: rows sit in front of it."""
        before = self.add_name.previousInFocusChain()
        while not before.focusPolicy() & Qt.FocusPolicy.TabFocus and before is not self.add_name:
            before = before.previousInFocusChain()  # Qt orders tabs after a widget Tab can reach
        for row in self._rows:
            for widget in (row.status, row.remove):
                QWidget.setTabOrder(before, widget)
                before = widget

    def _offer_known(self) -> None:
        listed = {row.name.lower() for row in self._rows}
        typed = self.add_name.currentText()
        self.add_name.blockSignals(True)
        self.add_name.clear()
        self.add_name.addItems([name for name in self._known if name.lower() not in listed])
        self.add_name.setEditText(typed)
        self.add_name.blockSignals(False)

    def _add_typed(self) -> None:
        name = self.add_name.currentText()
        if not name.strip():
            return
        try:
            value = add_component(self.value(), name, new_component_status(self._kind))
        except ComponentError as exc:
            self.problem.setText(args(translate("Components", "Not added: %1."), exc))
            self.problem.show()
            return
        self.problem.hide()
        self.add_name.setEditText("")
        pairs = parse_components(value)
        self._show_rows(pairs, focus=pairs[-1][0])
        self.edited.emit()

    def _restoring(self) -> str | None:
        """What the resolution's finding suggests: every listed component operational (None: nothing to do)."""
        findings = check_components(self._kind, self.value())
        return findings[0].suggestions[0] if findings else None

    def _offer_restore(self) -> None:
        self.restore.setVisible(not self._read_only and self._restoring() is not None)

    def _all_operational(self) -> None:
        value = self._restoring()
        if value is not None:
            self._show_rows(parse_components(value))
            self.edited.emit()
            self.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)

    def _remove(self, name: str) -> None:
        index = next(i for i, row in enumerate(self._rows) if row.name == name)
        pairs = [row.pair() for row in self._rows if row.name != name]
        self._show_rows(pairs)
        following = self._rows[index] if index < len(self._rows) else None
        (following.status if following else self.add_name).setFocus(Qt.FocusReason.OtherFocusReason)
        self.edited.emit()
