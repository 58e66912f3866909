"""Settings › Status page: where the static status page is written, what it shows, and its address.

The page edits the values only; `core.settings` decides what a value may be when the window saves
(an address must be http:// or https://), and its one-line refusal is shown in the dialog.
"""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.settings import Settings
from .settings_pages import named, note


def folder_field(parent: QWidget, name: str, accessible: str, text: str, caption: str,
                 choose_accessible: str) -> tuple[QLineEdit, QHBoxLayout]:
    """A folder's path with a Browse… button beside it (named `choose_accessible` for screen readers)."""
    editor = named(QLineEdit(text, parent), name, accessible)
    browse = named(QPushButton(QCoreApplication.translate("StatusPagePage", "Browse…"), parent), f"{name}_browse",
                   choose_accessible)
    browse.setAutoDefault(False)

    def choose() -> None:
        folder = QFileDialog.getExistingDirectory(parent, caption, editor.text())
        if folder:
            editor.setText(folder)

    browse.clicked.connect(choose)
    row = QHBoxLayout()
    row.addWidget(editor, 1)
    row.addWidget(browse)
    return editor, row


class StatusPagePage(QWidget):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(note(self.tr("Incident → Publish status page… writes a complete static status page "
                                      "(HTML, feeds and a JSON summary) into a folder: a shared drive, a synced "
                                      "folder or anything a static web host serves. Only sent notices are "
                                      "published."), self))
        self.folder, folder_row = folder_field(self, "status_page_folder", self.tr("Status page folder"),
                                               settings.status_page_folder, self.tr("Status page folder"),
                                               self.tr("Choose the status page folder"))
        self.folder.setPlaceholderText(self.tr("the folder the page is written into"))
        self.incidents, incidents_row = folder_field(self, "status_page_incidents", self.tr("Incidents folder"),
                                                     settings.status_page_incidents,
                                                     self.tr("Folder of incident files"),
                                                     self.tr("Choose the incidents folder"))
        self.incidents.setPlaceholderText(self.tr("the folder where the team keeps every incident file"))
        self.url = named(QLineEdit(settings.status_page_url, self), "status_page_url", self.tr("Status page address"))
        self.url.setPlaceholderText("https://status.example.com/")
        self.title = named(QLineEdit(settings.status_page_title, self), "status_page_title",
                           self.tr("Status page title"))
        # The title the page gets when this is empty (the core's default, in English: it is the page's text).
        self.title.setPlaceholderText(f"{settings.own_names[0]} status" if settings.own_names else
                                      self.tr("empty: your organisation's first name (Tone rules) + “status”"))
        form = QFormLayout()
        for text, editor, row in ((self.tr("&Write to:"), self.folder, folder_row),
                                  (self.tr("&Incidents from:"), self.incidents, incidents_row)):
            label = QLabel(text, self)
            label.setBuddy(editor)  # a row that is a layout gets no buddy of its own
            form.addRow(label, row)
        form.addRow(self.tr("Public &address:"), self.url)
        form.addRow(self.tr("&Title:"), self.title)
        layout.addLayout(form)
        layout.addWidget(note(self.tr("The public address is where readers find the page: the feeds, the JSON "
                                      "summary and chat posts link to it."), self))
        self.publish_after_send = named(QCheckBox(self.tr("Publish again after each notice is sent"), self),
                                        "publish_after_send", self.tr("Publish the status page after each send"))
        self.publish_after_send.setChecked(settings.publish_after_send)
        layout.addWidget(self.publish_after_send)
        layout.addStretch(1)

    def apply_to(self, settings: Settings) -> Settings:
        return dataclasses.replace(
            settings, status_page_folder=self.folder.text().strip(), status_page_incidents=self.incidents.text().strip(),
            status_page_url=self.url.text().strip(), status_page_title=" ".join(self.title.text().split()),
            publish_after_send=self.publish_after_send.isChecked())
