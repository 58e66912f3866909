"""Incident → Timeline…: the incident's times, notices and review events in order, in the incident's
zone and UTC (the session's `timeline`), and Export… writing the incident for the records."""
from __future__ import annotations

import html
import os

from PySide6.QtCore import QT_TRANSLATE_NOOP

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ..core import os_errors
from ..core.review.timeline import NOTICE
from ..core.session.export import format_for_path
from .side_windows import show_one
from .language import translate
from .tr_args import args

COLUMNS = (QT_TRANSLATE_NOOP("Timeline", "When"), "UTC", QT_TRANSLATE_NOOP("Timeline", "What"))


class TimelineDialog(QDialog):
    """Shows the open incident's timeline and keeps it current while the incident changes."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.doc = None  # the document whose changes it follows
        self.setObjectName("timeline_dialog")
        self.setAccessibleName(translate("Timeline", "Incident timeline"))
        self.setWindowTitle(translate("Timeline", "Incident timeline"))
        self.resize(1040, 460)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("timeline_heading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.entries = QTreeWidget(self)
        self.entries.setObjectName("timeline_entries")
        self.entries.setAccessibleName(translate("Timeline", "Timeline entries"))
        self.entries.setRootIsDecorated(False)
        self.entries.setAlternatingRowColors(True)
        self.entries.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entries.setHeaderLabels([translate("Timeline", c) for c in COLUMNS])
        header = self.entries.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.entries.setWordWrap(True)
        layout.addWidget(self.entries, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = buttons.addButton(translate("Timeline", "Export…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("timeline_export")
        self.export_button.setAccessibleName(translate("Timeline", "Export the incident"))
        self.export_button.setToolTip(translate("Timeline",
                                                "Write the whole incident as Markdown or HTML for the records"))
        self.export_button.clicked.connect(lambda: export_incident(window))
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self, *_changes) -> None:
        if self.window_.doc is not self.doc:  # another incident was opened in the window
            self.doc = self.window_.doc
            self.doc.changed.connect(self.refresh)
        session = self.doc.session
        zone = session.incident.zone
        title = html.escape(session.incident.title or translate("Timeline", "Untitled incident"))
        self.heading.setText(args(translate("Timeline", "<b>%1</b> · times in %2 and UTC"), title,
                                  zone or translate("Timeline", "UTC (no time zone given yet)")))
        when = args(translate("Timeline", "When (%1)"), zone) if zone else translate("Timeline", "When")
        self.entries.setHeaderLabels([when, "UTC", translate("Timeline", "What")])
        self.entries.clear()
        for entry in session.timeline():
            item = QTreeWidgetItem([entry.local or "—", entry.utc, entry.text])
            item.setToolTip(2, entry.text)  # a long line is cut at the window's edge; the tip has it all
            if entry.what == NOTICE:
                font = QFont(self.entries.font())
                font.setBold(True)
                font.setItalic(entry.draft)
                for column in range(len(COLUMNS)):
                    item.setFont(column, font)
            self.entries.addTopLevelItem(item)


def show_timeline(window) -> TimelineDialog:
    """Open (or raise) the timeline of the window's incident."""
    window.flush()  # what was just typed belongs in it
    return show_one(window, TimelineDialog, "timeline_dialog")


def export_incident(window) -> None:
    """Ask where, then write the incident as Markdown or HTML (by the file's extension)."""
    window.flush()
    session = window.doc.session
    base = os.path.splitext(session.path)[0] if session.path else os.path.join(window._folder(), "incident")
    path = window.context.dialogs.export_path(window, base + ".md")
    if not path:
        return
    try:
        session.export_to(path, format_for_path(path))
    except OSError as exc:
        window.context.dialogs.error(window, translate("Timeline", "Export failed"), f"{path}: {os_errors.reason(exc)}")
        return
    window.statusBar().showMessage(args(translate("Timeline", "Exported to %1"), path), 5000)
