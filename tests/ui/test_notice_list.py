"""The list of notices follows what the form says about each notice."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def test_status_change_shows_in_the_notice_list_at_once(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    status = window.form.editors["status"]
    assert status.value() == "investigating"
    assert "Investigating" in window.notices.list.item(0).text()
    status.setFocus()
    QTest.keyClick(status, Qt.Key.Key_Down)
    assert status.value() == "identified"
    assert "Identified" in window.notices.list.item(0).text()
    assert window.notices.list.currentRow() == 0
    assert window.notice.fields["status"] == "identified"
