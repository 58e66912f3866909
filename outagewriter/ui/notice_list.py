"""The incident's notices in order: kind, status, and whether each was sent or is a draft."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.incident.model import Incident, Notice
from ..core.mail.plan import plan
from ..core.review import workflow as review
from .language import moment_text, translate, without_access_key
from .tr_args import args
from .words import value_label

KIND_LABELS = {
    "initial": QT_TRANSLATE_NOOP("NoticeList", "First notice"),
    "update": QT_TRANSLATE_NOOP("NoticeList", "Update"),
    "resolution": QT_TRANSLATE_NOOP("NoticeList", "Resolution"),
    "post-incident": QT_TRANSLATE_NOOP("NoticeList", "Post-incident"),
    "maintenance": QT_TRANSLATE_NOOP("NoticeList", "Maintenance"),
}


def _sent_label(notice: Notice) -> str:
    when = (notice.sent.time if notice.sent else None) or ""
    if not when:
        return translate("NoticeList", "Partly sent") if plan(notice).targets else translate("NoticeList", "Sent")
    text = translate("NoticeList", "Partly sent %1") if plan(notice).targets else translate("NoticeList", "Sent %1")
    return args(text, moment_text(when))


class NoticeList(QWidget):
    selected = Signal(int)  # index into incident.notices

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        heading = QLabel(translate("NoticeList", "Notices"), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self.list = QListWidget(self)
        self.list.setObjectName("notices")
        self.list.setAccessibleName(translate("NoticeList", "Notices of this incident"))
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._row_changed)
        layout.addWidget(self.list, 1)
        self.buttons: dict[str, QPushButton] = {}
        self._updating = False

    def add_action_button(self, key: str, action) -> None:
        button = QPushButton(without_access_key(action.text()), self)
        button.setObjectName(f"add_{key}")
        button.clicked.connect(action.trigger)
        button.setEnabled(action.isEnabled())
        action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
        self.layout().addWidget(button)
        self.buttons[key] = button

    def show_incident(self, incident: Incident, current: int) -> None:
        self._updating = True
        self.list.clear()
        updates = 0
        for number, notice in enumerate(incident.notices, start=1):
            label = translate("NoticeList", KIND_LABELS.get(notice.kind, notice.kind))
            if notice.kind == "update":
                updates += 1
                label = args(translate("NoticeList", "Update %1"), updates)
            status = value_label(notice.fields["status"])
            state = _sent_label(notice) if notice.is_sent else value_label(review.state(notice))
            item = QListWidgetItem(f"{number}. {label}\n{status} · {state}")
            item.setData(Qt.ItemDataRole.UserRole, number - 1)
            item.setToolTip(translate("NoticeList", "Sent notices are shown read-only") if notice.is_sent
                            else translate("NoticeList", "Being drafted"))
            self.list.addItem(item)
        self.list.setCurrentRow(current)
        self._updating = False

    def set_state(self, index: int, state: str) -> None:
        """Replace the review state shown for one notice (the window knows when an approval went void)."""
        item = self.list.item(index)
        if item is None:
            return
        head, _, second = item.text().partition("\n")
        status = second.split(" · ")[0]
        text = f"{head}\n{status} · {value_label(state)}"
        if item.text() != text:
            item.setText(text)

    def _row_changed(self, row: int) -> None:
        if not self._updating and row >= 0:
            self.selected.emit(row)
