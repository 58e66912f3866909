"""The Settings window's Audiences page: who notices go to, in which time zone, and when their office is open.

The page edits each audience as the settings file writes it; `core.incident.audiences` decides what
is valid when the dialog saves, and its one-line refusal is shown there.
"""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.incident.audiences import audience_data, parse_audiences
from ..core.session.errors import SettingsError
from ..core.settings import Settings
from .settings_pages import named, note
from .zones import system_zone, zone_model

NEW_AUDIENCE = {"name": "New audience", "zone": "", "to": "", "bcc": "", "hours": "08:00-18:00", "days": "Mon-Fri"}


def zone_box(parent: QWidget) -> QComboBox:
    """An editable list of IANA zones that finds "Berlin" or "new_y" anywhere in a zone's name."""
    box = QComboBox(parent)
    box.setEditable(True)
    box.setModel(zone_model())
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(zone_model(), box)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    box.setCompleter(completer)
    return box


class AudiencesPage(QWidget):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.entries = [audience_data(a) for a in settings.audiences]
        self.list = named(QListWidget(self), "audience_list", "Audiences")
        self.list.setMaximumWidth(220)
        self.add = named(QPushButton("&Add", self), "audience_add", "Add an audience")
        self.remove = named(QPushButton("&Remove", self), "audience_remove", "Remove the selected audience")
        self.name = named(QLineEdit(self), "audience_name", "Audience name")
        self.to = named(QLineEdit(self), "audience_to", "Audience To addresses")
        self.bcc = named(QLineEdit(self), "audience_bcc", "Audience Bcc addresses")
        self.zone = named(zone_box(self), "audience_zone", "Audience time zone")
        self.hours = named(QLineEdit(self), "audience_hours", "Audience office hours")
        self.days = named(QLineEdit(self), "audience_days", "Audience office days")
        self.to.setPlaceholderText("customers-emea@example.com")
        self.bcc.setPlaceholderText("a distribution list, so recipients do not see each other")
        self.hours.setPlaceholderText("08:00-18:00")
        self.days.setPlaceholderText("Mon-Fri, or Mon, Wed, Fri")

        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        self.form = QWidget(self)
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        for label, editor in (("&Name:", self.name), ("&To:", self.to), ("&Bcc:", self.bcc),
                              ("Time &zone:", self.zone), ("Office &hours:", self.hours), ("&Days:", self.days)):
            form.addRow(label, editor)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addLayout(left)
        body.addWidget(self.form, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addLayout(body)
        layout.addWidget(note("Choose audiences for a notice in its Email section: their addresses join To and "
                              "Bcc, and the next-update promise is shown in each audience's own time, with a "
                              "warning when it falls far outside their office hours.", self))
        layout.addStretch(1)

        for row in self.entries:
            self.list.addItem(row["name"])
        self.list.currentRowChanged.connect(self._show)
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        for editor in (self.name, self.to, self.bcc, self.hours, self.days):
            editor.textEdited.connect(self._store)
        self.zone.currentTextChanged.connect(self._store)
        self._showing = False
        self.list.setCurrentRow(0 if self.entries else -1)
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        self.form.setEnabled(row >= 0)
        self.remove.setEnabled(row >= 0)
        entry = self.entries[row] if row >= 0 else dict(NEW_AUDIENCE, name="")
        self._showing = True  # filling the editors is not an edit
        for key, editor in (("name", self.name), ("to", self.to), ("bcc", self.bcc), ("hours", self.hours),
                            ("days", self.days)):
            editor.setText(entry[key])
        self.zone.setEditText(entry["zone"])
        self._showing = False

    def _store(self, *_args) -> None:
        row = self.list.currentRow()
        if row < 0 or self._showing:
            return
        self.entries[row] = {"name": self.name.text(), "to": self.to.text(), "bcc": self.bcc.text(),
                             "zone": self.zone.currentText().strip(), "hours": self.hours.text(),
                             "days": self.days.text()}
        self.list.item(row).setText(self.name.text())

    def _add(self) -> None:
        self.entries.append(dict(NEW_AUDIENCE, zone=system_zone()))
        self.list.addItem(NEW_AUDIENCE["name"])
        self.list.setCurrentRow(len(self.entries) - 1)
        self.name.setFocus()
        self.name.selectAll()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            del self.entries[row]
            self.list.takeItem(row)
            self._show(self.list.currentRow())

    def apply_to(self, settings: Settings) -> Settings:
        try:
            audiences = parse_audiences(self.entries)
        except ValueError as exc:
            raise SettingsError(f"Audiences: {exc}") from None
        return dataclasses.replace(settings, audiences=audiences)
