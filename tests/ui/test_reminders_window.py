"""Reminders of promised updates in the window: the clock is moved on, the QTimer fires, nobody sleeps."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSpinBox, QSystemTrayIcon

from outagewriter.app import build_context, start_window
from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.storage import fileformat
from outagewriter.ui.reminders import ReminderService

# The first notice, sent, promised the next update for 15:00 in Berlin (14:00 UTC).
DUE = datetime(2026, 11, 30, 14, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def sent_file(folder, name="payments.outage", title="Card payments failing",
              promise="2026-11-30T15:00[Europe/Berlin]"):
    incident = Incident.create(title, "Checkout")
    incident.notices[-1].update({"summary": "Card payments fail for some customers.", "next_update": promise})
    incident.notices[-1].sent = SentRecord(time="2026-11-30T13:00:00Z")
    path = folder / name
    fileformat.save(incident, path)
    return path


@pytest.fixture
def told(monkeypatch):
    """Every desktop notification shown, as (title, text, icon)."""
    shown = []
    monkeypatch.setattr(QSystemTrayIcon, "showMessage",
                        lambda tray, title, text, icon, ms=10000: shown.append((title, text, icon)))
    return shown


@pytest.fixture
def start(qtbot, dirs, dialogs):
    """Start the app on `path` (a fresh process each time: its own context), with a tray or without."""
    contexts = []

    class _Off:
        enabled = False

    def start_app(path, clock, tray=True):
        context = build_context(state_dir=dirs[0], config_dir=dirs[1], dialogs=dialogs, grammar=_Off(), clock=clock)
        context.reminders = ReminderService(context, tray_available=lambda: tray)
        contexts.append(context)
        window = start_window(path, context, offer_recovery=False)  # no path: the incident used last
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield start_app
    for context in contexts:
        context.reminders.timer.stop()
        if context.reminders.tray is not None:
            context.reminders.tray.hide()
        context.tasks.wait()


def tick(window):
    window.context.reminders.timer.timeout.emit()  # what the QTimer does every few seconds


def test_the_banner_and_one_notification_per_state(start, tmp_path, told):
    clock = Clock(DUE - timedelta(minutes=30))
    window = start(sent_file(tmp_path), clock)
    tick(window)
    assert not window.reminder_banner.isVisible() and told == []
    clock.now = DUE - timedelta(minutes=10)
    tick(window)
    assert window.reminder_banner.isVisible()
    expected = "Update 1 for Card payments failing is due at 15:00 CET (in 10 min)."
    assert window.reminder_banner.label.text() == expected
    assert told == [("Update due", expected, QSystemTrayIcon.MessageIcon.Information)]
    assert window.context.reminders.tray.isVisible()
    clock.now = DUE - timedelta(minutes=4)
    tick(window)
    tick(window)
    assert len(told) == 1  # once per state, not every tick
    assert window.reminder_banner.label.text().endswith("(in 4 min).")
    clock.now = DUE + timedelta(minutes=5)
    tick(window)
    late = "Update 1 for Card payments failing was due at 15:00 CET: overdue by 5 min."
    assert window.reminder_banner.label.text() == late
    assert told[1:] == [("Update overdue", late, QSystemTrayIcon.MessageIcon.Warning)]


def test_the_notification_comes_also_when_the_window_is_minimised(start, tmp_path, told):
    clock = Clock(DUE + timedelta(minutes=1))
    window = start(sent_file(tmp_path), clock, tray=True)
    window.showMinimized()
    tick(window)
    assert [title for title, _text, _icon in told] == ["Update overdue"]


def test_the_banner_starts_the_promised_update(start, tmp_path, qtbot, told):
    window = start(sent_file(tmp_path), Clock(DUE - timedelta(minutes=2)))
    tick(window)
    button = window.reminder_banner.findChild(QPushButton, "reminder_start")
    assert button.text() == "Start update 1"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(window.incident.notices) == 2 and window.notice is window.incident.notices[-1]
    assert window.notice.kind == "update" and not window.notice.is_sent
    tick(window)  # written but not sent: readers still wait for it
    assert window.reminder_banner.isVisible() and button.text() == "Show the draft"
    window.show_notice(0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(window.incident.notices) == 2 and window.notice is window.incident.notices[-1]


def test_dismissed_until_the_promise_is_overdue(start, tmp_path, qtbot, told):
    clock = Clock(DUE - timedelta(minutes=5))
    window = start(sent_file(tmp_path), clock)
    tick(window)
    qtbot.mouseClick(window.reminder_banner.findChild(QPushButton, "reminder_dismiss"), Qt.MouseButton.LeftButton)
    tick(window)
    assert not window.reminder_banner.isVisible()
    clock.now = DUE
    tick(window)
    assert window.reminder_banner.isVisible()


def test_a_reminder_survives_a_restart(start, tmp_path, told):
    path = sent_file(tmp_path)
    clock = Clock(DUE + timedelta(minutes=3))
    first = start(path, clock)
    tick(first)
    assert len(told) == 1
    first.close()
    first.context.reminders.timer.stop()
    again = start(None, clock)  # a new start reopens the incident used last
    tick(again)
    assert again.doc.path == str(path)
    assert again.reminder_banner.isVisible() and "overdue by 3 min" in again.reminder_banner.label.text()
    assert len(told) == 2


def test_the_reminder_stops_once_the_next_notice_is_sent(start, tmp_path, qtbot, told):
    path = sent_file(tmp_path)
    clock = Clock(DUE + timedelta(minutes=3))
    window = start(path, clock)
    tick(window)
    assert window.reminder_banner.isVisible()
    theirs = fileformat.load(path)  # a colleague sent update 2, promising the next one for 16:00
    theirs.add_notice("update").update({"next_update": "2026-11-30T16:00[Europe/Berlin]"})
    theirs.notices[-1].sent = SentRecord(time="2026-11-30T14:02:00Z")
    fileformat.save(theirs, path)
    qtbot.waitUntil(window.disk_banner.isVisible, timeout=5000)
    qtbot.mouseClick(window.disk_banner.findChild(QPushButton, "disk_reload"), Qt.MouseButton.LeftButton)
    tick(window)
    assert not window.reminder_banner.isVisible()
    assert not window.context.reminders.tray.isVisible()
    assert len(told) == 1


def test_recent_incidents_are_reminded_and_a_broken_one_is_skipped(start, tmp_path, qtbot, told):
    other = sent_file(tmp_path, "search.outage", "Search is slow", "2026-11-30T14:50[Europe/Berlin]")
    broken = tmp_path / "broken.outage"
    broken.write_text("{not json", "utf-8")
    window = start(other, Clock(DUE))
    window.context.recent_files.add(broken)
    quiet = sent_file(tmp_path, "quiet.outage", "Nothing due", "on-change")
    assert window.open_path(str(quiet))  # the overdue incident is now only in the recent list
    tick(window)
    late = "Update 1 for Search is slow was due at 14:50 CET: overdue by 10 min."
    assert told == [("Update overdue", late, QSystemTrayIcon.MessageIcon.Warning)]
    [(skipped, why)] = window.context.reminders.problems
    assert skipped == str(broken) and why.startswith("not valid JSON at line 1")
    window.context.reminders.tray.messageClicked.emit()  # the user clicks the notification
    opened = [w for w in window.context.windows if w is not window]
    assert len(opened) == 1 and opened[0].doc.path == str(other)
    qtbot.addWidget(opened[0])


def test_a_recent_incident_open_nowhere_is_in_the_banner_too(start, tmp_path, qtbot, told):
    other = sent_file(tmp_path, "search.outage", "Search is slow", "2026-11-30T14:50[Europe/Berlin]")
    window = start(other, Clock(DUE), tray=False)  # a desktop without a system tray
    assert window.open_path(str(sent_file(tmp_path, "quiet.outage", "Nothing due", "on-change")))
    tick(window)
    assert window.reminder_banner.label.text() == "Update 1 for Search is slow was due at 14:50 CET: overdue by 10 min."
    button = window.reminder_banner.findChild(QPushButton, "reminder_start")
    assert button.text() == "Open it"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [opened] = [w for w in window.context.windows if w is not window]
    qtbot.addWidget(opened)
    assert opened.doc.path == str(other) and len(window.incident.notices) == 1  # this one's incident untouched
    tick(window)
    assert not window.reminder_banner.isVisible()  # the incident has its own window now, with its banner
    assert opened.reminder_banner.findChild(QPushButton, "reminder_start").text() == "Start update 1"


def test_without_a_system_tray_the_banner_alone_reminds(start, tmp_path, told):
    window = start(sent_file(tmp_path), Clock(DUE + timedelta(minutes=1)), tray=False)
    tick(window)
    assert window.reminder_banner.isVisible() and window.context.reminders.tray is None and told == []


def test_the_timer_runs_with_the_window(start, tmp_path):
    window = start(sent_file(tmp_path), Clock(DUE))
    assert window.context.reminders.timer.isActive()
    assert window.reminder_banner.objectName() == "reminder_banner" and window.reminder_banner.accessibleName()


def test_remind_before_is_set_in_the_settings_window_and_used_at_once(start, tmp_path, qtbot, dirs, told):
    from outagewriter.ui.settings_dialog import SettingsDialog

    clock = Clock(DUE - timedelta(minutes=25))
    window = start(sent_file(tmp_path), clock)
    tick(window)
    assert not window.reminder_banner.isVisible()
    dialog = SettingsDialog(window.context, window, "Review")
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.findChild(QSpinBox, "remind_before_minutes")
    assert field.value() == 10
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "30")
    qtbot.mouseClick(dialog.findChild(QPushButton, "settings_ok"), Qt.MouseButton.LeftButton)
    assert json.loads((dirs[1] / "settings.json").read_text("utf-8"))["reminders"] == {"before_minutes": 30.0}
    tick(window)
    assert window.reminder_banner.label.text().endswith("(in 25 min).")


def test_the_banner_and_the_notification_speak_japanese_in_a_japanese_window(qtbot, dirs, dialogs, tmp_path, told):
    """The reminder's sentence and its button come from core (incident/reminders.py): in a Japanese window
    they are Japanese, with the incident's title, the update's number and the time as core writes times."""
    from PySide6.QtWidgets import QApplication

    from outagewriter.app import first_window

    dirs[1].mkdir(parents=True, exist_ok=True)
    (dirs[1] / "settings.json").write_text(json.dumps({"ui_language": "ja"}), encoding="utf-8")
    clock = Clock(DUE - timedelta(minutes=10))
    context = build_context(state_dir=dirs[0], config_dir=dirs[1], dialogs=dialogs, grammar=type("Off", (), {"enabled": False})(),
                            clock=clock)
    context.reminders = ReminderService(context, tray_available=lambda: True)
    try:
        window = first_window(QApplication.instance(), str(sent_file(tmp_path)), context)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        tick(window)
        soon = "「Card payments failing」の続報1の期限は15:00 CETです（あと10分）。"
        assert window.reminder_banner.label.text() == soon
        assert window.reminder_banner.findChild(QPushButton, "reminder_start").text() == "続報1を作成"
        assert told == [("続報の期限が近づいています", soon, QSystemTrayIcon.MessageIcon.Information)]
        clock.now = DUE + timedelta(hours=2, minutes=5)
        tick(window)
        late = "「Card payments failing」の続報1の期限（15:00 CET）を2時間5分過ぎています。"
        assert window.reminder_banner.label.text() == late
        assert told[1:] == [("続報の期限を過ぎています", late, QSystemTrayIcon.MessageIcon.Warning)]
    finally:
        context.reminders.timer.stop()
        if context.reminders.tray is not None:
            context.reminders.tray.hide()
        context.tasks.wait()
