"""Settings › Appearance: the window's language (System / English / 日本語), saved as `ui_language`.

Each language is named in its own script, so someone who cannot read the current one still finds
theirs; the choice applies at the next start (the window is not retranslated live)."""
from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from ..core.i18n import UI_LANGUAGES
from ..core.incident.model import LANGUAGE_NAMES
from ..core.settings import Settings
from .highlight import quiet
from .language import translate


class LanguageField(QWidget):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.choice = QComboBox(self)
        self.choice.setObjectName("ui_language")
        self.choice.setAccessibleName(translate("Settings", "Language of the window"))
        self.choice.addItem(translate("Settings", "System"), "")
        for code in UI_LANGUAGES:
            self.choice.addItem(LANGUAGE_NAMES[code], code)
        self.choice.setCurrentIndex(max(0, self.choice.findData(settings.ui_language)))
        layout.addRow(translate("Settings", "Language / 言語:"), self.choice)
        restart = QLabel(translate("Settings", "A new language applies when OutageWriter starts again."), self)
        restart.setObjectName("ui_language_note")
        restart.setWordWrap(True)
        quiet(restart)  # as the page's other notes
        layout.addRow(restart)

    def apply_to(self, settings: Settings) -> Settings:
        return dataclasses.replace(settings, ui_language=self.choice.currentData())
