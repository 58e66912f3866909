"""Incident → Timeline… in the window: every time, notice and event in the incident's zone and UTC,
kept current while the user types, and Export… writing the records through the session."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest
from menu_clicks import choose
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QTreeWidget

from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.review import audit
from outagewriter.core.storage import fileformat
from outagewriter.ui.timeline_view import TimelineDialog


@pytest.fixture
def told(tmp_path):
    """Notice 1 sent at 10:10 Prague time, notice 2 a draft."""
    incident = Incident.create("Card payments failing", "Acme Pay")
    first = incident.notices[0]
    first.update({"summary": "Card payments fail.", "to": "a@acme.example, b@acme.example",
                  "next_update": "2026-11-27T11:00[Europe/Prague]"})
    incident.set_times({"started": "2026-11-27T09:40[Europe/Prague]"})
    first.sent = SentRecord(time="2026-11-27T09:10:00Z", addressed=["a@acme.example", "b@acme.example"])
    audit.append(incident, audit.SENT, first, "Jana", when="2026-11-27T09:10:01Z")
    second = incident.add_notice("update")
    second.created = "2026-11-27T10:30:00Z"
    path = tmp_path / "payments.outage"
    fileformat.save(incident, path)
    return path


def _rows(dialog) -> list[list[str]]:
    tree = dialog.findChild(QTreeWidget, "timeline_entries")
    return [[tree.topLevelItem(i).text(c) for c in range(3)] for i in range(tree.topLevelItemCount())]


def _open_by_key(window, qtbot) -> TimelineDialog:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.form.editors["summary"].setFocus()
    combination = QKeySequence("Ctrl+Shift+L")[0]
    QTest.keyClick(window.focusWidget(), combination.key(), combination.keyboardModifiers())
    dialog = window.findChild(TimelineDialog, "timeline_dialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_timeline_lists_every_entry_in_the_zone_and_utc(make_window, qtbot, told):
    window = make_window(told)
    dialog = _open_by_key(window, qtbot)
    assert dialog.accessibleName() == "Incident timeline"
    tree = dialog.findChild(QTreeWidget, "timeline_entries")
    assert tree.headerItem().text(0) == "When (Europe/Prague)" and tree.accessibleName()
    assert _rows(dialog) == [
        ["2026-11-27 09:40 CET", "2026-11-27 08:40 UTC", "Incident started"],
        ["2026-11-27 10:10 CET", "2026-11-27 09:10 UTC",
         "Notice 1 · initial · investigating · sent to 2 recipients"],
        ["2026-11-27 10:10 CET", "2026-11-27 09:10 UTC", "Notice 1: sent by Jana"],
        ["2026-11-27 11:30 CET", "2026-11-27 10:30 UTC",
         "Notice 2 · update · investigating · draft, not sent (addressed to 2 recipients)"],
    ]
    assert tree.topLevelItem(3).font(2).italic() and not tree.topLevelItem(1).font(2).italic()


def test_the_timeline_follows_what_is_typed(make_window, qtbot, told):
    window = make_window(told)
    dialog = _open_by_key(window, qtbot)
    status = window.form.editors["status"]
    assert status.value() == "investigating"
    status.setFocus()
    QTest.keyClick(status, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: "Notice 2 · update · identified" in _rows(dialog)[-1][2])


def test_the_menu_opens_it_and_export_writes_a_page(make_window, qtbot, told, dialogs, tmp_path):
    window = make_window(told)
    choose(window, qtbot, "Incident", "Timeline")
    dialog = window.findChild(TimelineDialog, "timeline_dialog")
    qtbot.waitUntil(dialog.isVisible)
    out = tmp_path / "records.html"
    dialogs.export_path = lambda parent, suggested: str(out)
    button = dialog.findChild(QPushButton, "timeline_export")
    assert button.accessibleName() == "Export the incident"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    sections = []

    class Page(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "section":
                sections.append(dict(attrs).get("class"))

    Page().feed(out.read_text("utf-8"))
    assert sections == ["notice", "notice draft", None]  # notice 1, the draft, the history


def test_export_to_a_folder_that_is_gone_says_so_and_writes_nothing(make_window, qtbot, told, dialogs, tmp_path):
    window = make_window(told)
    dialogs.export_path = lambda parent, suggested: str(tmp_path / "gone" / "records.md")
    choose(window, qtbot, "Incident", "Export")
    assert len(dialogs.errors) == 1 and dialogs.errors[0].startswith("Export failed: ")
    assert not (tmp_path / "gone").exists()
