"""The date, time and zone editor keeps a promise's offset exactly, whatever the offset."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateTimeEdit

from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.storage import fileformat

OFFSETS = ["-12:00", "-09:30", "+00:00", "+03:00", "+05:30", "+05:45", "+12:45", "+13:00", "+14:00"]


def _window_on(make_window, tmp_path, next_update: str = "", started: str = "", sent: bool = False):
    """A window on a saved incident whose notice promises `next_update` and which `started`."""
    incident = Incident.create("Card payments failing", "Checkout")
    if started:
        incident.set_time("started", started)
    incident.notices[-1].set("next_update", next_update)
    if sent:
        incident.notices[-1].sent = SentRecord(time="2026-11-27T10:00Z")
    path = tmp_path / "times.outage"
    fileformat.save(incident, path)
    return make_window(path), path


def _one_minute_later(editor, qtbot) -> None:
    window = editor.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    editor.setFocus()
    editor.setCurrentSection(QDateTimeEdit.Section.MinuteSection)
    QTest.keyClick(editor, Qt.Key.Key_Up)


@pytest.mark.parametrize("offset", OFFSETS)
def test_an_offset_survives_editing_the_time(make_window, qtbot, tmp_path, offset):
    window, path = _window_on(make_window, tmp_path, next_update=f"2026-11-27T11:00{offset}")
    when = window.form.editors["next_update"].when
    assert (when.time.time().hour(), when.time.time().minute()) == (11, 0)
    _one_minute_later(when.time, qtbot)
    expected = f"2026-11-27T11:01{offset}"
    qtbot.waitUntil(lambda: window.notice.fields["next_update"] == expected, timeout=3000)
    assert window.save()
    assert fileformat.load(path).notices[-1].fields["next_update"] == expected


def test_an_incident_time_with_an_offset_survives_editing(make_window, qtbot, tmp_path):
    window, _path = _window_on(make_window, tmp_path, started="2026-11-27T09:40+05:30")
    _one_minute_later(window.form.time_editors["started"].when.time, qtbot)
    qtbot.waitUntil(lambda: window.incident.times["started"] == "2026-11-27T09:41+05:30", timeout=3000)


def test_an_offset_typed_into_the_zone_box_is_kept(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    zone = window.form.editors["next_update"].when.zone
    zone.setFocus()
    zone.lineEdit().selectAll()
    QTest.keyClicks(zone.lineEdit(), "UTC-09:30")
    qtbot.waitUntil(lambda: window.notice.fields["next_update"] == "2026-11-27T11:00-09:30", timeout=3000)


def test_empty_time_pickers_start_in_the_incidents_zone(make_window, qtbot, tmp_path):
    window, _path = _window_on(make_window, tmp_path, started="2026-11-27T09:40[Pacific/Auckland]")
    next_update = window.form.editors["next_update"]
    detected = window.form.time_editors["detected"]
    assert next_update.when.zone.currentText() == "Pacific/Auckland"
    assert detected.when.zone.currentText() == "Pacific/Auckland"
    qtbot.mouseClick(next_update.at_time, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.notice.fields["next_update"].endswith("[Pacific/Auckland]"), timeout=3000)


def test_a_new_notice_promises_in_the_incidents_zone(make_window, qtbot, tmp_path):
    window, _path = _window_on(make_window, tmp_path, next_update="on-change",
                               started="2026-11-27T09:40[Pacific/Auckland]", sent=True)
    window.actions_by_key["add_update"].trigger()
    assert window.notice.kind == "update" and window.notice.fields["next_update"] == ""
    assert window.form.editors["next_update"].when.zone.currentText() == "Pacific/Auckland"


def test_empty_pickers_follow_the_zone_given_to_the_first_time(make_window, qtbot):
    window = make_window()
    window.form.sections["timeline"].set_expanded(True)
    started = window.form.time_editors["started"]
    qtbot.mouseClick(started.known, Qt.MouseButton.LeftButton)
    started.when.zone.setFocus()
    started.when.zone.lineEdit().selectAll()
    QTest.keyClicks(started.when.zone.lineEdit(), "Pacific/Auckland")
    next_zone = window.form.editors["next_update"].when.zone
    qtbot.waitUntil(lambda: next_zone.currentText() == "Pacific/Auckland", timeout=3000)
    assert window.form.time_editors["resolved"].when.zone.currentText() == "Pacific/Auckland"
    assert window.notice.fields["next_update"] == ""  # still nothing promised


def test_a_promise_of_when_the_situation_changes_leaves_the_picker_in_the_incidents_zone(make_window, qtbot,
                                                                                        tmp_path):
    window, _path = _window_on(make_window, tmp_path, next_update="on-change",
                               started="2026-11-27T09:40[Europe/London]")
    next_update = window.form.editors["next_update"]
    assert next_update.when.zone.currentText() == "Europe/London"
    qtbot.mouseClick(next_update.at_time, Qt.MouseButton.LeftButton)  # changing mind: a time, in that zone
    qtbot.waitUntil(lambda: window.notice.fields["next_update"].endswith("[Europe/London]"), timeout=3000)
