"""The Settings window's Audiences page: who notices go to, in which time zone, and when their office is open.

The page edits each audience as the settings file writes it; `core.incident.audiences` decides what
is valid when the dialog saves, and its one-line refusal is shown there.
"""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.incident.audiences import audience_data, parse_audiences
from ..core.session.errors import SettingsError
from ..core.settings import Settings
from .settings_pages import list_beside_form, named, note
from .zones import system_zone, zone_model

NEW_AUDIENCE = {"name": "New audience", "zone": "", "to": "", "bcc": "", "hours": "08:00-18:00", "days": "Mon-Fri"}


def new_audience() -> dict:
    """A new audience, named in the window's language (office days stay as the settings file writes them)."""
    return dict(NEW_AUDIENCE, name=QCoreApplication.translate("AudiencesPage", "New audience"))


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
        self.list = named(QListWidget(self), "audience_list", self.tr("Audiences"))
        self.list.setMaximumWidth(220)
        self.add = named(QPushButton(self.tr("&Add"), self), "audience_add", self.tr("Add an audience"))
        self.remove = named(QPushButton(self.tr("&Remove"), self), "audience_remove",
                            self.tr("Remove the selected audience"))
        self.name = named(QLineEdit(self), "audience_name", self.tr("Audience name"))
        self.to = named(QLineEdit(self), "audience_to", self.tr("Audience To addresses"))
        self.bcc = named(QLineEdit(self), "audience_bcc", self.tr("Audience Bcc addresses"))
        self.zone = named(zone_box(self), "audience_zone", self.tr("Audience time zone"))
        self.hours = named(QLineEdit(self), "audience_hours", self.tr("Audience office hours"))
        self.days = named(QLineEdit(self), "audience_days", self.tr("Audience office days"))
        self.chats = named(QListWidget(self), "audience_chats", self.tr("Chat destinations this audience follows"))
        self.chats.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.chats.setMaximumHeight(110)
        self.no_chats = named(note(self.tr("No chat destinations yet: add them on the Chat page."), self),
                              "audience_no_chats", self.tr("No chat destinations"))
        self.to.setPlaceholderText("customers-emea@example.com")
        self.bcc.setPlaceholderText(self.tr("a distribution list, so recipients do not see each other"))
        self.hours.setPlaceholderText("08:00-18:00")
        self.days.setPlaceholderText(self.tr("Mon-Fri, or Mon, Wed, Fri"))

        self.form, form, body = list_beside_form(self, self.list, self.add, self.remove)
        for label, editor in ((self.tr("&Name:"), self.name), (self.tr("&To:"), self.to), (self.tr("&Bcc:"), self.bcc),
                              (self.tr("Time &zone:"), self.zone), (self.tr("Office &hours:"), self.hours),
                              (self.tr("&Days:"), self.days)):
            form.addRow(label, editor)
        chats = QVBoxLayout()
        chats.setContentsMargins(0, 0, 0, 0)
        chats.addWidget(self.chats)
        chats.addWidget(self.no_chats)
        form.addRow(self.tr("&Chat posts:"), chats)
        form.labelForField(chats).setBuddy(self.chats)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addLayout(body)
        layout.addWidget(note(self.tr("Choose audiences for a notice in its Email section: their addresses join To "
                                      "and Bcc, and the next-update promise is shown in each audience's own time, "
                                      "with a warning when it falls far outside their office hours."), self))
        layout.addStretch(1)

        for row in self.entries:
            self.list.addItem(row["name"])
        self.list.currentRowChanged.connect(self._show)
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        for editor in (self.name, self.to, self.bcc, self.hours, self.days):
            editor.textEdited.connect(self._store)
        self.zone.currentTextChanged.connect(self._store)
        self.chats.itemChanged.connect(self._store)
        self._showing = False
        self.list.setCurrentRow(0 if self.entries else -1)
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        self.form.setEnabled(row >= 0)
        self.remove.setEnabled(row >= 0)
        entry = self.entries[row] if row >= 0 else dict(NEW_AUDIENCE, name="")  # nothing chosen: empty
        self._showing = True  # filling the editors is not an edit
        for key, editor in (("name", self.name), ("to", self.to), ("bcc", self.bcc), ("hours", self.hours),
                            ("days", self.days)):
            editor.setText(entry[key])
        self.zone.setEditText(entry["zone"])
        followed = {c.casefold() for c in entry.get("chats", [])}
        for i in range(self.chats.count()):
            item = self.chats.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text().casefold() in followed else Qt.CheckState.Unchecked)
        self._showing = False

    def _store(self, *_args) -> None:
        row = self.list.currentRow()
        if row < 0 or self._showing:
            return
        self.entries[row] = {"name": self.name.text(), "to": self.to.text(), "bcc": self.bcc.text(),
                             "zone": self.zone.currentText().strip(), "hours": self.hours.text(),
                             "days": self.days.text(), "chats": self._ticked()}
        self.list.item(row).setText(self.name.text())

    def _ticked(self) -> list[str]:
        return [self.chats.item(i).text() for i in range(self.chats.count())
                if self.chats.item(i).checkState() == Qt.CheckState.Checked]

    def set_chat_names(self, names: list[str], renamed: dict | None = None) -> None:
        """The Chat page's destinations, offered to each audience; a renamed one stays followed
        under its new name, a removed one is followed no more."""
        for entry in self.entries:
            chats = [(renamed or {}).get(c, c) for c in entry.get("chats", [])]
            entry["chats"] = [c for c in chats if c.casefold() in {n.casefold() for n in names}]
        self._showing = True
        self.chats.clear()
        for name in names:
            item = QListWidgetItem(name, self.chats)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self._showing = False
        self.chats.setVisible(bool(names))
        self.no_chats.setVisible(not names)
        self._show(self.list.currentRow())

    def _add(self) -> None:
        self.entries.append(dict(new_audience(), zone=system_zone()))
        self.list.addItem(self.entries[-1]["name"])
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
