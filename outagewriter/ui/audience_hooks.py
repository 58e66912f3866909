"""Audiences in the window: a picker in the Email section, suggested next-update moments beside the
promise, and the promise in UTC and in each chosen audience's time under it.

What an audience adds to To, Bcc and Chat posts, and which moments are worth promising, is decided in core
(`Session.choose_audiences`, `core.incident.promise`); these widgets only show it and pass choices on.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QWidget,
)

from ..core.incident.audience_recipients import audience_names
from ..core.incident.audiences import Audience
from ..core.incident.fields import SPECS
from ..core.incident.promise import promise_line, suggestions
from ..core.incident.times import TimeError, now_utc, parse_next_update
from ..core.session.errors import FieldError
from .highlight import quiet
from .theme import tint
from .tr_args import args
from .zones import system_zone

translate = QCoreApplication.translate


class AudiencePicker(QWidget):
    """One check box per saved audience; names in the notice that the settings lack are shown, not offered."""

    chosen = Signal(list)  # the audience names now ticked

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("audiences")  # the field it sets
        self.setAccessibleName(SPECS["audiences"].label)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(14)
        self.boxes: dict[str, QCheckBox] = {}
        self._known: tuple[Audience, ...] = ()
        self.empty = QLabel(self.tr("No audiences yet: add them under Settings › Audiences."), self)
        self.empty.setObjectName("audience_picker_empty")
        quiet(self.empty)
        self.unknown = QLabel(self)
        self.unknown.setObjectName("audience_unknown")
        self.unknown.setAccessibleName(self.tr("Audiences not in the settings"))
        tint(self.unknown, "error")
        for label in (self.empty, self.unknown):  # long names wrap instead of widening the whole form
            label.setWordWrap(True)
        self.row.addWidget(self.empty)
        self.row.addWidget(self.unknown)
        self.row.addStretch(1)

    def show_choice(self, known: tuple[Audience, ...], field_value: str) -> None:
        names = {n.casefold() for n in audience_names(field_value)}
        if known != self._known:  # the saved audiences changed (Settings): boxes and tooltips anew
            self._known = known
            for box in self.boxes.values():
                box.deleteLater()
            self.boxes = {}
            for position, audience in enumerate(known):
                box = QCheckBox(audience.name, self)
                box.setObjectName(f"audience_{position}")
                box.setAccessibleName(args(self.tr("Send to %1"), audience.name))
                box.setToolTip(args(self.tr("%1, office hours %2"), audience.zone, audience.hours_text))
                box.clicked.connect(self._clicked)
                self.row.insertWidget(position, box)
                box.show()  # at once, not when the layout next runs: it may be ticked straight away
                self.boxes[audience.name] = box
        for name, box in self.boxes.items():
            box.setChecked(name.casefold() in names)
        self.empty.setVisible(not known)
        strangers = [n for n in audience_names(field_value) if n.casefold() not in {k.casefold() for k in self.boxes}]
        self.unknown.setText(args(self.tr("Not in your settings: %1"), self.tr(", ").join(strangers)) if strangers
                             else "")
        self.unknown.setVisible(bool(strangers))

    def set_read_only(self, on: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(not on)

    def _clicked(self) -> None:
        self.chosen.emit([name for name, box in self.boxes.items() if box.isChecked()])


class AudienceHooks:
    """Puts the picker, the suggestions and the promise line into `window`'s form and keeps them current."""

    def __init__(self, window, now: Callable[[], datetime] = now_utc):
        self.window = window
        self.now = now  # the clock the suggestions start from (tests set their own)
        form = window.form
        self.picker = AudiencePicker(form)
        self.picker_error = QLabel(form)
        self.picker_error.setObjectName("audiences_error")
        self.picker_error.setWordWrap(True)
        tint(self.picker_error, "error")
        self.picker_error.hide()
        label = QLabel(translate("AudienceHooks", "&Audiences"), form)
        label.setObjectName("audiences_label")
        label.setBuddy(self.picker)
        email = form.sections["email"].grid
        row = email.rowCount()
        for offset, widget in enumerate((label, self.picker, self.picker_error)):
            email.addWidget(widget, row + offset, 0)

        self.promise = QLabel(form)
        self.promise.setObjectName("promise_in_zones")
        self.promise.setAccessibleName(translate("AudienceHooks", "The promise in UTC and in each audience's time"))
        self.promise.setWordWrap(True)
        quiet(self.promise)
        form.sections["next_update"].grid.addWidget(self.promise, 2, 0)
        editor = form.editors["next_update"]
        # A push button with a menu keeps room for its arrow (a tool button's InstantPopup arrow was drawn
        # over the last character: 候補 read as 候補.).
        self.suggest = QPushButton(translate("AudienceHooks", "Suggest"), editor)
        self.suggest.setObjectName("next_update_suggest")
        self.suggest.setAccessibleName(translate("AudienceHooks", "Suggested next-update times"))
        self.suggest.setAutoDefault(False)
        self.menu = QMenu(self.suggest)
        self.menu.setObjectName("next_update_suggestions")
        self.menu.aboutToShow.connect(self._fill_menu)
        self.suggest.setMenu(self.menu)
        editor.row.addWidget(self.suggest)

        self.picker.chosen.connect(self._chosen)
        editor.edited.connect(self.show_promise)

    @property
    def known(self) -> tuple[Audience, ...]:
        return self.window.context.settings.audiences

    def chosen_audiences(self) -> list[Audience]:
        names = {n.casefold() for n in audience_names(self.window.notice.fields.get("audiences", ""))}
        return [a for a in self.known if a.name.casefold() in names]

    def notice_shown(self) -> None:
        """A notice was shown, or the settings changed: the picker, its state and the promise follow."""
        notice = self.window.notice
        self.picker.show_choice(self.known, notice.fields.get("audiences", ""))
        self.set_read_only(not self.window.doc.session.editable(notice))
        self.picker_error.hide()
        self.show_promise()

    def set_read_only(self, on: bool) -> None:
        self.picker.set_read_only(on)
        self.suggest.setEnabled(not on)

    def show_promise(self) -> None:
        try:
            promise = parse_next_update(self.window.form.value("next_update"))
        except TimeError:
            promise = None
        when = promise.when if promise is not None else None
        self.promise.setText(promise_line(when, self.chosen_audiences()) if when else "")
        self.promise.setVisible(when is not None)

    def _fill_menu(self) -> None:
        self.menu.clear()
        zone = self.window.incident.zone or system_zone()
        audiences = self.chosen_audiences() or list(self.known)
        for suggestion in suggestions(self.now(), audiences, zone):
            text = f"{suggestion.label} — {promise_line(suggestion.when, self.chosen_audiences())}"
            action = self.menu.addAction(text)
            action.triggered.connect(lambda _=False, value=suggestion.canonical: self._promise(value))

    def _promise(self, value: str) -> None:
        editor = self.window.form.editors["next_update"]
        editor.set_value(value)
        editor.edited.emit()

    def _chosen(self, names: list[str]) -> None:
        window = self.window
        window.flush()  # what was typed in To and Bcc is stored first, so it is kept
        try:
            window.doc.session.choose_audiences(window.notice, names)
        except FieldError as exc:
            self.picker_error.setText(str(exc))
            self.picker_error.show()
            self.picker.show_choice(self.known, window.notice.fields.get("audiences", ""))
            return
        self.picker_error.hide()
        for part in ("to", "bcc", "chats"):
            editor = window.form.editors[part]
            editor.blockSignals(True)
            editor.set_value(window.notice.fields[part])
            editor.blockSignals(False)
        self.show_promise()
        window.live.schedule()
        window.autosave.touch()
