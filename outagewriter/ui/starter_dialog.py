"""Start from…: pick a starting text for the notice shown, with its summary previewed before it is used."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
)

from ..core.incident.fields import display_label
from .tr_args import args

NAME = Qt.ItemDataRole.UserRole


class StarterDialog(QDialog):
    def __init__(self, starters, kind: str, problems=(), parent=None):
        super().__init__(parent)
        self.setObjectName("starter_dialog")
        self.setWindowTitle(self.tr("Start from a starting text"))
        self.setMinimumSize(560, 460)
        self._starters = {s.name: s for s in starters}
        self._kind = kind
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Fills the empty fields of this notice. Replace every [placeholder] before "
                               "sending: the checks list each one left."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setObjectName("starter_list")
        self.list.setAccessibleName(self.tr("Starting texts"))
        self._fill(starters)
        layout.addWidget(self.list, 2)
        self.fills = QLabel(self)
        self.fills.setObjectName("starter_fills")
        self.fills.setAccessibleName(self.tr("Fields it fills"))
        self.fills.setWordWrap(True)
        layout.addWidget(self.fills)
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("starter_preview")
        self.preview.setAccessibleName(self.tr("Summary of the starting text"))
        self.preview.setReadOnly(True)
        layout.addWidget(self.preview, 1)
        self.problems = QLabel("\n".join(problems), self)
        self.problems.setObjectName("starter_problems")
        self.problems.setAccessibleName(self.tr("Starting-text files that were ignored"))
        self.problems.setWordWrap(True)
        self.problems.setVisible(bool(problems))
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Use this text"))
        self.ok.setObjectName("starter_use")
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.currentItemChanged.connect(self._show)
        self.list.itemDoubleClicked.connect(lambda item: self.chosen() and self.accept())
        self.list.setFocus()

    def _fill(self, starters) -> None:
        group = None
        for starter in starters:
            if starter.group != group:
                group = starter.group
                heading = QListWidgetItem(group, self.list)
                heading.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading, not a choice
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
            item = QListWidgetItem(f"    {starter.title}", self.list)
            item.setData(NAME, starter.name)
            item.setToolTip(starter.summary)

    def _show(self, item) -> None:
        starter = self._starters.get(item.data(NAME)) if item is not None else None
        self.ok.setEnabled(starter is not None)
        self.preview.setPlainText(starter.summary if starter else "")
        self.fills.setText(args(self.tr("Fills: %1"), self.tr(", ").join(
            display_label(self._kind, name) for name in starter.fields)) if starter else "")

    def select(self, name: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(NAME) == name:
                self.list.setCurrentRow(row)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(NAME) if item is not None else None
