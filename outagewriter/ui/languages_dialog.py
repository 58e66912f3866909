"""Incident → Languages…: change the languages an incident's notices are written in.

The session moves each unsent notice's text with its language; when some typed text would have no
place left (the second language removed or replaced), the user is asked before it is dropped.
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout

from ..core.incident.bilingual import TextWouldBeDropped
from ..core.session.errors import FieldError
from .language_boxes import AlsoIn
from .new_incident_dialog import language_box


class LanguagesDialog(QDialog):
    def __init__(self, first: str, second: str, parent=None):
        super().__init__(parent)
        self.setObjectName("languagesDialog")
        self.setWindowTitle(self.tr("Languages"))
        box = QVBoxLayout(self)
        note = QLabel(self.tr("Every notice is written in the first language; with a second one, its text "
                              "follows below the first in the same email. Notices already sent stay as "
                              "they were sent."), self)
        note.setWordWrap(True)
        box.addWidget(note)
        row = QHBoxLayout()
        self.language = language_box(self, "incidentLanguage", first)
        self.language.setAccessibleName(self.tr("Notice language"))
        self.second_language = AlsoIn(self, "incidentSecondLanguage", self.language, second)
        row.addWidget(self.language)
        row.addWidget(self.second_language)
        row.addStretch(1)
        box.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.setMinimumWidth(440)


def choose_languages(window) -> None:
    """Ask for the languages and set them through the session (asking before typed text is dropped)."""
    session, dialogs = window.doc.session, window.context.dialogs
    if session.read_only:
        dialogs.error(window, window.tr("Cannot change the languages"), session.read_only_reason)
        return
    window.flush()  # what was just typed belongs to the language it was typed in
    incident = session.incident
    dialog = LanguagesDialog(incident.language, incident.second_language, window)
    if not dialog.exec():
        return
    chosen = dialog.language.currentData(), dialog.second_language.chosen()
    try:
        try:
            session.set_languages(*chosen)
        except TextWouldBeDropped as exc:
            if not dialogs.confirm(window, window.tr("Drop the typed text?"),
                                   window.tr("Changing the languages drops text already typed: %1.").replace(
                                       "%1", "; ".join(lost.describe() for lost in exc.lost)),
                                   window.tr("Drop it")):
                return
            session.set_languages(*chosen, force=True)
    except FieldError as exc:
        dialogs.error(window, window.tr("Cannot change the languages"), str(exc))
        return
    window.autosave.touch()
