"""The form for each notice kind: the sections only some kinds have, and what a kind shows.

A resolution tells what was done and what remains, a post-incident report its root cause, events
and actions, a maintenance notice its window. Every kind shows its own fields under the headings
its email uses, in the program's language (`display_label`); the others stay in the file but out of sight. Fields still holding
the text of the last sent notice carry a quiet mark until edited.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLabel, QWidget

from ..core.incident.carry import carried_fields
from ..core.incident.fields import ACTION_DETAILS, KIND_LAYOUT, display_label, fields_of
from ..core.incident.model import Incident, Notice
from ..core.incident.window import uses_incident_times
from .editors import OptionalTimeEditor, RadioChoiceEditor
from .highlight import quiet
from .language import translate, translated
from .tr_args import args

ACTION_DETAIL_LABELS = {"hidden": QT_TRANSLATE_NOOP("Form", "Not shown"),
                        "shown": QT_TRANSLATE_NOOP("Form", "Shown in the email")}
PLACEHOLDERS = {
    "done": QT_TRANSLATE_NOOP("Form", "How the service was restored."),
    "remaining": QT_TRANSLATE_NOOP("Form", "Work still to do, and what users may still notice."),
    "root_cause": QT_TRANSLATE_NOOP("Form", "What caused it, in plain words."),
    "events": QT_TRANSLATE_NOOP("Form",
                                "One event per line: the time, then what happened.\n09:40 Card payments start failing"),
    "actions": QT_TRANSLATE_NOOP("Form",
                                 "One action per line: what | owner | target date\nAlarm on connection pool use | "
                                 "Platform team | 15 December"),
    "unavailable": QT_TRANSLATE_NOOP("Form", "What users cannot use during the window."),
    "prepare": QT_TRANSLATE_NOOP("Form", "What users must do before the window starts."),
}
# Where a field means something else in another kind of notice, its hint says what belongs there.
KIND_PLACEHOLDERS = {
    ("resolution", "impact"): QT_TRANSLATE_NOOP("Form", "What did not work, for whom, and for how long."),
    ("post-incident", "impact"): QT_TRANSLATE_NOOP("Form", "What did not work, for whom, and for how long."),
    ("resolution", "workaround"): QT_TRANSLATE_NOOP("Form", "What to do if something still does not work."),
    ("maintenance", "later_impact"): QT_TRANSLATE_NOOP("Form",
                                                       "What changes for users after the maintenance, if anything."),
}
_PLACEHOLDER_FIELDS = {name for _, name in KIND_PLACEHOLDERS}
# Sections of one field, headed by the field's label; built in this order at two places in the form.
BEFORE_CONSEQUENCES = ("unavailable", "prepare", "done", "remaining")
AFTER_CONSEQUENCES = ("root_cause", "events")


def make_editor(form, name: str) -> QWidget | None:
    """The editors of fields whose kind the form's generic editors do not cover."""
    if name in ("window_start", "window_end"):
        return OptionalTimeEditor(display_label("maintenance", name), form)
    if name == "action_details":
        return RadioChoiceEditor(ACTION_DETAILS, translated("Form", ACTION_DETAIL_LABELS), form)
    return None


def add_window(form, section) -> None:
    s = section("window", translate("Form", "Maintenance window"))
    names = ("window_start", "window_end")
    for row, name in enumerate(names):
        form._make_editor(name)
        s.grid.addWidget(form.editors[name], row * 2, 0)
        s.grid.addWidget(form._error(name), row * 2 + 1, 0)
    # The same width for both labels, so the two dates line up.
    width = max(form.editors[name].known.sizeHint().width() for name in names)
    for name in names:
        form.editors[name].known.setMinimumWidth(width)


def add_single_sections(form, section, names) -> None:
    for name in names:
        form._single(section(name, display_label(_kind_showing(name), name)), name)


def add_actions(form, section) -> None:
    s = section("actions", display_label("post-incident", "actions"))
    form._single(s, "actions")
    form._add(s, "action_details", 1)


def _kind_showing(name: str) -> str:
    return next(kind for kind, layout in KIND_LAYOUT.items() if name in dict(layout))


def carried_mark(form, name: str) -> QLabel:
    mark = QLabel(form)
    mark.setObjectName(f"{name}_carried")
    quiet(mark)
    font = mark.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    mark.setFont(font)
    mark.hide()
    form.carried_marks[name] = mark
    return mark


def show_kind(form, incident: Incident, notice: Notice) -> None:
    """Show the fields of the notice's kind under its labels; hide the rest and empty sections."""
    shown = set(fields_of(notice.kind))
    for name, editor in form.editors.items():
        visible = name in shown
        for widget in (editor, form.labels.get(name), form.holders.get(name)):
            if widget is not None and widget is not form.sections.get(name):
                widget.setVisible(visible)
        if visible and name in dict(KIND_LAYOUT[notice.kind]):
            _label(form, name, display_label(notice.kind, name))
        if visible and name in _PLACEHOLDER_FIELDS:
            default = form.__dict__.setdefault("_kindless_placeholders", {}).setdefault(name, editor.placeholderText())
            editor.setPlaceholderText(translate("Form", KIND_PLACEHOLDERS[(notice.kind, name)])
                                      if (notice.kind, name) in KIND_PLACEHOLDERS else default)
    for key, section in form.sections.items():
        names = [n for n, e in form.editors.items() if section.isAncestorOf(e)]
        if names:
            section.setVisible(any(n in shown for n in names))
    form.sections["timeline"].setVisible(uses_incident_times(incident, notice.kind))
    show_carried(form, incident, notice)


def _label(form, name: str, text: str) -> None:
    label = form.labels.get(name)
    if label is not None:
        label.setText(text)
    elif name in form.single_sections:
        form.single_sections[name].set_title(text)
    editor = form.editors[name]
    editor.setAccessibleName(text)


def show_carried(form, incident: Incident, notice: Notice) -> None:
    carried = carried_fields(incident, notice)
    names = set(carried.names) if carried else set()
    for name, mark in form.carried_marks.items():
        if name in names:
            mark.setText(args(translate("Form", "Unchanged since notice %1 was sent"), carried.number))
            mark.setAccessibleName(args(translate("Form", "%1: unchanged since notice %2 was sent"),
                                        form.editors[name].accessibleName(), carried.number))
        mark.setVisible(name in names)


def edited(form, name: str) -> None:
    """Once a field is edited, its text is no longer the one carried from the last notice."""
    mark = form.carried_marks.get(name)
    if mark is not None:
        mark.hide()


ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
