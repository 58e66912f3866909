"""New incident or maintenance: the things every notice needs before anything else, and its language."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from ..core.incident.model import LANGUAGE_NAMES, LANGUAGES
from .language_boxes import AlsoIn


def language_box(parent: QWidget, name: str, chosen: str) -> QComboBox:
    """The notice languages, each named in its own language (English, 日本語) so anyone finds theirs."""
    box = QComboBox(parent)
    box.setObjectName(name)
    for code in LANGUAGES:
        box.addItem(LANGUAGE_NAMES[code], code)
    box.setCurrentIndex(max(0, box.findData(chosen)))
    return box


class NewIncidentDialog(QDialog):
    def __init__(self, parent=None, language: str = "en"):
        super().__init__(parent)
        self.setObjectName("new_incident_dialog")
        self.setWindowTitle(self.tr("New incident"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        kinds = QWidget(self)
        row = QHBoxLayout(kinds)
        row.setContentsMargins(0, 0, 0, 0)
        self.incident = QRadioButton(self.tr("Incident"), kinds)
        self.incident.setObjectName("new_kind_incident")
        self.maintenance = QRadioButton(self.tr("Planned maintenance"), kinds)
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
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setPlaceholderText(self.tr("e.g. Card payments failing"))
        self.service = QLineEdit(self)
        self.service.setObjectName("new_service")
        self.service.setAccessibleName(self.tr("Affected service"))
        self.service.setPlaceholderText(self.tr("e.g. Checkout"))
        # The row of languages: the first language's box, and room beside it for a second one.
        self.languages = QHBoxLayout()
        self.languages.setContentsMargins(0, 0, 0, 0)
        self.language = language_box(self, "newIncidentLanguage", language)
        self.language.setAccessibleName(self.tr("Notice language"))
        self.languages.addWidget(self.language)
        self.second_language = AlsoIn(self, "newIncidentSecondLanguage", self.language)
        self.languages.addWidget(self.second_language)
        self.languages.addStretch(1)
        form.addRow(self.tr("Kind"), kinds)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("Affected &service"), self.service)
        form.addRow(self.tr("&Language"), self.languages)
        form.labelForField(self.languages).setBuddy(self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.title.setFocus()

    def values(self) -> dict:
        """What `Session.new` takes."""
        kind = "maintenance" if self.maintenance.isChecked() else "incident"
        return {"title": self.title.text().strip(), "service": self.service.text().strip(), "kind": kind,
                "language": self.language.currentData(), "second_language": self.second_language.chosen()}
