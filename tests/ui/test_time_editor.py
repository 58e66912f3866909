"""The date, time and zone editor keeps a promise's offset exactly, whatever the offset."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateTimeEdit

from outagewriter.core import fileformat
from outagewriter.core.model import Incident

OFFSETS = ["-12:00", "-09:30", "+00:00", "+03:00", "+05:30", "+05:45", "+12:45", "+13:00", "+14:00"]


def _one_minute_later(editor, qtbot) -> None:
    window = editor.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    editor.setFocus()
    editor.setCurrentSection(QDateTimeEdit.Section.MinuteSection)
    QTest.keyClick(editor, Qt.Key.Key_Up)


@pytest.mark.parametrize("offset", OFFSETS)
def test_an_offset_survives_editing_the_time(make_window, qtbot, tmp_path, offset):
    incident = Incident.create("Card payments failing", "Checkout")
    incident.notices[-1].set("next_update", f"2026-11-27T11:00{offset}")
    path = tmp_path / "offset.outage"
    fileformat.save(incident, path)
    window = make_window(path)
    when = window.form.editors["next_update"].when
    assert (when.time.time().hour(), when.time.time().minute()) == (11, 0)
    _one_minute_later(when.time, qtbot)
    expected = f"2026-11-27T11:01{offset}"
    qtbot.waitUntil(lambda: window.notice.fields["next_update"] == expected, timeout=3000)
    assert window.save()
    assert fileformat.load(path).notices[-1].fields["next_update"] == expected


def test_an_incident_time_with_an_offset_survives_editing(make_window, qtbot, tmp_path):
    incident = Incident.create("Card payments failing", "Checkout")
    incident.set_time("started", "2026-11-27T09:40+05:30")
    path = tmp_path / "offset.outage"
    fileformat.save(incident, path)
    window = make_window(path)
    _one_minute_later(window.form.time_editors["started"].when.time, qtbot)
    qtbot.waitUntil(lambda: window.incident.times["started"] == "2026-11-27T09:41+05:30", timeout=3000)


def test_an_offset_typed_into_the_zone_box_is_kept(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    zone = window.form.editors["next_update"].when.zone
    zone.setFocus()
    zone.lineEdit().selectAll()
    QTest.keyClicks(zone.lineEdit(), "UTC-09:30")
    qtbot.waitUntil(lambda: window.notice.fields["next_update"] == "2026-11-27T11:00-09:30", timeout=3000)
