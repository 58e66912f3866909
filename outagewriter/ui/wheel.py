"""The mouse wheel scrolls the form; it changes a combo, date, time or spin box only once it has focus.

Qt's default lets a wheel turned while passing over a combo box change its value (a next-update
zone silently became another). One application-wide filter fixes this for every such widget,
dialogs included, without each widget having to opt in.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox

GUARDED = (QComboBox, QAbstractSpinBox)  # date and time edits are spin boxes


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            if isinstance(watched, GUARDED) and not watched.hasFocus():
                event.ignore()
                return True  # not handled here: Qt passes an ignored wheel on to the scroll area
        elif kind == QEvent.Type.Polish and isinstance(watched, GUARDED):
            # A click gives focus, a wheel does not: a wheel passing over must not take it.
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def install(app: QApplication) -> None:
    """Guard every combo and spin box of `app`, now and later (once per application)."""
    if app.findChild(WheelGuard, "wheel_guard") is None:
        guard = WheelGuard(app)
        guard.setObjectName("wheel_guard")
        app.installEventFilter(guard)
