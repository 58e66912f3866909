"""Reminders of promised updates in the window: a banner in each window and a desktop notification.

One service per application looks every few seconds at the incidents of the open windows (as they
are in memory, so a notice just sent stops its reminder at once) and at the recently opened files.
The rules are core's (core/incident/reminders.py, core/session/due.py); this module only shows them.
Each promise is announced once per state (due soon, overdue); what was told lives only in memory,
so after a restart a promise still due is announced again.

The tray icon is shown only while an update is due soon or overdue: it carries the notification and
says something is waiting, and disappears when nothing is. Without a system tray (some desktops,
Xvfb) the banners alone remind.
"""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QFormLayout, QSpinBox, QStyle, QSystemTrayIcon, QWidget
from shiboken6 import isValid

from ..core.incident.reminders import OVERDUE, REMINDED, Reminder, next_notice_label, reminder_sentence
from ..core.session.due import DueIn, IncidentReader, due_report, recent_incident_files
from ..core.settings import Settings
from .banner import Banner
from .language import translate

TICK_MS = 15_000  # reminders speak in whole minutes; a quarter of one is on time
NOTIFY_MS = 15_000  # how long the desktop notification stays (desktops may choose their own)


class ReminderBanner(Banner):
    """The strip above a window's form saying an update is due: its own incident's, else that of a
    recent incident open in no window (so a desktop without a tray still hears of it)."""

    def __init__(self, window, open_elsewhere):
        super().__init__("reminder_banner", window)
        self.window = window
        self.open_elsewhere = open_elsewhere  # (DueIn) -> None: bring that incident up
        self.setAccessibleName(translate("Reminders", "Update reminder"))
        self.label.setObjectName("reminder_text")
        self.label.setAccessibleName(translate("Reminders", "Update reminder"))
        self.start = self.add_button(translate("Reminders", "Start update"), self._start, "reminder_start")
        self.start.setAccessibleName(translate("Reminders", "Start the promised update"))
        self.dismiss = self.add_button(translate("Reminders", "Dismiss"), self._dismiss, "reminder_dismiss")
        self.dismiss.setAccessibleName(translate("Reminders", "Dismiss the reminder"))
        self.item: DueIn | None = None
        self.dismissed: set[tuple[str, str, str]] = set()  # until the promise changes state

    @property
    def reminder(self) -> Reminder | None:
        return self.item.reminder if self.item else None

    def _own(self) -> bool:
        return self.item is not None and self.item.reminder.promise.incident_id == self.window.incident.id

    def show_reminder(self, item: DueIn | None, text: str = "") -> None:
        self.item = item
        if item is None or item.reminder.key in self.dismissed:
            self.hide()
            return
        self.label.setText(text)
        if not self._own():
            self.start.setText(translate("Reminders", "Open it"))
        elif self.window.incident.newest_unsent() is not None:
            self.start.setText(translate("Reminders", "Show the draft"))
        else:
            self.start.setText(next_notice_label(item.reminder.promise))
        font = self.label.font()
        font.setBold(item.reminder.state == OVERDUE)  # late is the one that must not be overlooked
        self.label.setFont(font)
        self.show()

    def _start(self) -> None:
        """Go to the update being written, or start it from the last sent notice."""
        if self.item is None:
            return
        if not self._own():
            self.open_elsewhere(self.item)
            return
        incident = self.window.incident
        if incident.newest_unsent() is None:
            self.window.add_notice(self.item.reminder.promise.next_kind)
        self.window.show_notice(len(incident.notices) - 1)

    def _dismiss(self) -> None:
        if self.reminder is not None:
            self.dismissed.add(self.reminder.key)
        self.hide()


class ReminderService(QObject):
    def __init__(self, context, *, tray_available=QSystemTrayIcon.isSystemTrayAvailable):
        super().__init__(QApplication.instance())
        self.context = context
        self.tray_available = tray_available
        self.tray: QSystemTrayIcon | None = None
        self.told: set[tuple[str, str, str]] = set()
        self.due: list[DueIn] = []
        self.problems: list[tuple[str, str]] = []  # recent files that could not be read, and why
        self._reader = IncidentReader()
        self._last_told: DueIn | None = None
        self._window_class = None
        self.timer = QTimer(self)
        self.timer.setObjectName("reminder_timer")
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    def watch(self, window) -> ReminderBanner:
        """Give `window` its banner; the window's incident is looked at from the next tick on (soon)."""
        banner = ReminderBanner(window, self.bring_up)
        self._window_class = type(window)  # for an incident not open yet (main_window builds on this module)
        window.document_set.connect(lambda: QTimer.singleShot(0, self.tick))
        QTimer.singleShot(0, self.tick)
        self.timer.start()
        return banner

    def tick(self) -> None:
        now = self.context.clock()
        # A window may be gone without closing (deleted with its parent); it has nothing to show.
        windows = [w for w in self.context.windows if isValid(w) and getattr(w, "doc", None) is not None]
        if not self.context.windows:  # the last window closed: the application is ending
            self.timer.stop()
            self._show_tray([])
            return
        sources = [(w.doc.path, w.incident) for w in windows if w.doc.path]
        sources += [(path, None) for path in recent_incident_files(self.context.state_dir)]
        report = due_report(sources, now, self.context.settings.remind_before_minutes, self._reader)
        self.due, self.problems = report.due, report.skipped
        by_incident = {}
        for item in report.due:
            by_incident.setdefault(item.reminder.promise.incident_id, item)
        waiting = [i for i in by_incident.values() if i.reminder.state in REMINDED]
        open_ids = {w.incident.id for w in windows}
        elsewhere = next((i for i in waiting if i.reminder.promise.incident_id not in open_ids), None)
        for window in windows:
            own = by_incident.get(window.incident.id)
            shown = own if own is not None and own.reminder.state in REMINDED else elsewhere
            window.reminder_banner.show_reminder(shown, reminder_sentence(shown.reminder, now) if shown else "")
        self._show_tray(waiting)
        for item in waiting:
            if item.reminder.key not in self.told:
                self.told.add(item.reminder.key)
                self._tell(item, reminder_sentence(item.reminder, now), windows)

    # ---- the desktop notification ------------------------------------------------------------

    def _show_tray(self, waiting: list[DueIn]) -> None:
        if not waiting:
            if self.tray is not None:
                self.tray.hide()
            return
        if self.tray is None:
            if not self.tray_available():
                return
            self.tray = QSystemTrayIcon(_icon(), self)
            self.tray.setObjectName("reminder_tray")
            self.tray.messageClicked.connect(lambda: self.bring_up(self._last_told))
            self.tray.activated.connect(lambda _reason: self.bring_up(self._last_told))
        count = len(waiting)
        self.tray.setToolTip(translate("Reminders", "OutageWriter: 1 promised update due") if count == 1 else
                             translate("Reminders", "OutageWriter: %n promised updates due", None, count))
        self.tray.show()

    def _tell(self, item: DueIn, text: str, windows) -> None:
        self._last_told = item
        if self.tray is not None and self.tray.isVisible():
            level = (QSystemTrayIcon.MessageIcon.Warning if item.reminder.state == OVERDUE
                     else QSystemTrayIcon.MessageIcon.Information)
            self.tray.showMessage(translate("Reminders", "Update due") if item.reminder.state != OVERDUE
                                  else translate("Reminders", "Update overdue"),
                                  text, level, NOTIFY_MS)
        window = _window_of(windows, item.reminder.promise.incident_id)
        if window is not None:
            QApplication.alert(window)  # the taskbar entry asks for attention, also when minimised

    def bring_up(self, item: DueIn | None) -> None:
        """The incident's window to the front, opened if need be (the notification was clicked)."""
        if item is None:
            return
        window = _window_of(self.context.windows, item.reminder.promise.incident_id)
        if window is None:
            window = self._window_class(self.context)
            if not window.open_path(item.path):
                window.close()
                return
            window.show()
        window.showNormal()
        window.raise_()
        window.activateWindow()


def _window_of(windows, incident_id: str):
    return next((w for w in windows if isValid(w) and w.doc is not None and w.incident.id == incident_id), None)


def _icon():
    icon = QApplication.windowIcon()
    if icon.isNull():
        icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
    return icon


def reminder_service(context) -> ReminderService:
    """The application's one reminder service, made with the first window."""
    if context.reminders is None:
        context.reminders = ReminderService(context)
    return context.reminders


class RemindBeforeField(QWidget):
    """'Remind me [10] minutes before a promised update is due', for a page of the Settings window."""

    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("remind_before_minutes")
        self.minutes.setAccessibleName(self.tr("Remind this many minutes before a promised update is due"))
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setSpecialValueText(self.tr("only when overdue"))
        self._shown = round(settings.remind_before_minutes)
        self.minutes.setValue(self._shown)
        layout.addRow(self.tr("Remind me before a promised &update:"), self.minutes)

    def apply_to(self, settings: Settings) -> Settings:
        if self.minutes.value() == self._shown:  # untouched: keep what the file says (it may hold 7.5)
            return settings
        return dataclasses.replace(settings, remind_before_minutes=float(self.minutes.value()))
