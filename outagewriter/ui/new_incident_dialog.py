"""New incident or maintenance: the two things every notice needs before anything else, and the
languages its notices are written in."""
from __future__ import annotations

from typing import NamedTuple

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from .language_boxes import LanguageBoxes


class NewIncident(NamedTuple):
    title: str
    service: str
    kind: str
    language: str = "en"
    second_language: str = ""  # "" for notices in one language


class NewIncidentDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("New incident")
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        kinds = QWidget(self)
        row = QHBoxLayout(kinds)
        row.setContentsMargins(0, 0, 0, 0)
        self.incident = QRadioButton("Incident", kinds)
        self.incident.setObjectName("new_kind_incident")
        self.maintenance = QRadioButton("Planned maintenance", kinds)
        self.maintenance.setObjectName("new_kind_maintenance")
        self.incident.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.incident)
        group.addButton(self.maintenance)
        row.addWidget(self.incident)
        row.addWidget(self.maintenance)
        row.addStretch(1)
        self.title = QLineEdit(self)
        self.title.setObjectName("new_title")
        self.title.setAccessibleName("Title")
        self.title.setPlaceholderText("e.g. Card payments failing")
        self.service = QLineEdit(self)
        self.service.setObjectName("new_service")
        self.service.setAccessibleName("Affected service")
        self.service.setPlaceholderText("e.g. Checkout")
        form.addRow("Kind", kinds)
        form.addRow("&Title", self.title)
        form.addRow("Affected &service", self.service)
        self.languages = LanguageBoxes(self)
        form.addRow(self.tr("&Language"), self.languages)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.title.setFocus()

    def values(self) -> NewIncident:
        kind = "maintenance" if self.maintenance.isChecked() else "incident"
        return NewIncident(self.title.text().strip(), self.service.text().strip(), kind, *self.languages.chosen())
