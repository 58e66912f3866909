"""Settings › Components: the organisation's components, offered in every notice's components editor.

The page only edits the list; what a name may be is decided by `core.settings` when the window saves.
"""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.settings import Settings
from .settings_pages import named, note


class ComponentsPage(QWidget):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(note(self.tr("The parts of your service a notice can name, each with its status (API, "
                                      "Dashboard, Card payments). Every notice offers them; any other name can "
                                      "still be typed there. Double-click a name or press F2 to rename it."), self))
        self.list = named(QListWidget(self), "settings_components", self.tr("Your components"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)  # reorder by dragging, too
        self.list.setSpacing(2)
        for name in settings.components:
            self._append(name)
        self.new_name = named(QLineEdit(self), "settings_component_name", self.tr("New component's name"))
        self.new_name.setPlaceholderText(self.tr("e.g. Card payments"))
        self.add = named(QPushButton(self.tr("Add"), self), "settings_component_add", self.tr("Add component"))
        self.remove = named(QPushButton(self.tr("Remove"), self), "settings_component_remove",
                            self.tr("Remove the chosen component"))
        self.up = named(QPushButton(self.tr("Move up"), self), "settings_component_up",
                        self.tr("Move the chosen component up"))
        self.down = named(QPushButton(self.tr("Move down"), self), "settings_component_down",
                          self.tr("Move the chosen component down"))
        for button in (self.add, self.remove, self.up, self.down):
            button.setAutoDefault(False)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.addWidget(self.new_name, 0, 0)
        grid.addWidget(self.add, 0, 1)
        grid.addWidget(self.list, 1, 0, 4, 1)
        grid.addWidget(self.remove, 1, 1)
        grid.addWidget(self.up, 2, 1)
        grid.addWidget(self.down, 3, 1)
        grid.setRowStretch(4, 1)
        layout.addLayout(grid, 1)
        self.add.clicked.connect(self._add_typed)
        self.new_name.returnPressed.connect(self._add_typed)
        self.remove.clicked.connect(self._remove_chosen)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.list.currentRowChanged.connect(self._enable)
        self._enable()

    def _append(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name, self.list)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def _add_typed(self) -> None:
        name = " ".join(self.new_name.text().split())
        if not name:
            return
        self.list.setCurrentItem(self._append(name))
        self.new_name.clear()

    def _remove_chosen(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
        self._enable()

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        if 0 <= row + step < self.list.count():
            self.list.insertItem(row + step, self.list.takeItem(row))
            self.list.setCurrentRow(row + step)

    def _enable(self, *_args) -> None:
        row = self.list.currentRow()
        self.remove.setEnabled(row >= 0)
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < self.list.count() - 1)

    def names(self) -> tuple[str, ...]:
        return tuple(name for name in (self.list.item(i).text().strip() for i in range(self.list.count())) if name)

    def apply_to(self, settings: Settings) -> Settings:
        return dataclasses.replace(settings, components=self.names())
