"""A bilingual incident's second language: "Also in" none, English or 日本語, beside the box of the first
language (the New incident dialog's, and Incident → Languages…'s)."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ..core.incident.model import LANGUAGE_NAMES, LANGUAGES


class AlsoIn(QWidget):
    def __init__(self, parent: QWidget, name: str, first: QComboBox, chosen: str = ""):
        super().__init__(parent)
        self.first = first
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 0, 0, 0)
        self.box = QComboBox(self)
        self.box.setObjectName(name)
        self.box.setAccessibleName(self.tr("Also in"))
        self.box.setToolTip(self.tr("Write every notice in a second language too, below the first"))
        self.box.addItem(self.tr("None"), "")
        for code in LANGUAGES:  # each language in its own name: found by someone who reads only that one
            self.box.addItem(LANGUAGE_NAMES[code], code)
        label = QLabel(self.tr("&Also in"), self)
        label.setBuddy(self.box)
        row.addWidget(label)
        row.addWidget(self.box)
        self.box.setCurrentIndex(max(0, self.box.findData(chosen)))
        first.currentIndexChanged.connect(self._never_the_first)
        self._never_the_first()

    def _never_the_first(self) -> None:
        """A notice is not written twice in one language: the first language is not offered here."""
        first = self.first.currentData()
        for index in range(self.box.count()):
            self.box.model().item(index).setEnabled(self.box.itemData(index) != first)
        if self.box.currentData() == first:
            self.box.setCurrentIndex(0)

    def chosen(self) -> str:
        return self.box.currentData()
