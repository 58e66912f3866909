"""The languages an incident's notices are written in: the first, and "Also in" a second one below it
(or none). Used by the New incident dialog and by Incident → Languages…."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ..core.incident.model import LANGUAGE_NAMES, LANGUAGES


class LanguageBoxes(QWidget):
    def __init__(self, parent=None, names: tuple[str, str] = ("newIncidentLanguage", "newIncidentSecondLanguage"),
                 first: str = "en", second: str = ""):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.first = QComboBox(self)
        self.first.setObjectName(names[0])
        self.first.setAccessibleName(self.tr("Language"))
        self.second = QComboBox(self)
        self.second.setObjectName(names[1])
        self.second.setAccessibleName(self.tr("Also in"))
        self.second.setToolTip(self.tr("Write every notice in a second language too, below the first"))
        for code in LANGUAGES:  # each language in its own name: found by someone who reads only that one
            self.first.addItem(LANGUAGE_NAMES[code], code)
            self.second.addItem(LANGUAGE_NAMES[code], code)
        self.second.insertItem(0, self.tr("None"), "")
        also = QLabel(self.tr("&Also in"), self)
        also.setBuddy(self.second)
        row.addWidget(self.first)
        row.addSpacing(12)
        row.addWidget(also)
        row.addWidget(self.second)
        row.addStretch(1)
        self.first.currentIndexChanged.connect(self._one_language_once)
        self.first.setCurrentIndex(self.first.findData(first))
        self.second.setCurrentIndex(self.second.findData(second))
        self._one_language_once()

    def _one_language_once(self) -> None:
        """The second box never offers the first language: a notice is not written twice in one."""
        first = self.first.currentData()
        for index in range(self.second.count()):
            item = self.second.model().item(index)
            item.setEnabled(self.second.itemData(index) != first)
        if self.second.currentData() == first:
            self.second.setCurrentIndex(0)

    def chosen(self) -> tuple[str, str]:
        return self.first.currentData(), self.second.currentData()
