"""The structured form: one editor per field, in the order a good notice is read.

The form only shows values and reports edits; the window stores them in the `Notice`, whose
`set` validates them. Every editor's objectName is its field name.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.checks.findings import Finding
from ..core.checks.structure import summary_size
from ..core.incident.fields import DATA_LOSS, IMPACT_LEVELS, SPECS, statuses_for
from ..core.incident.model import TIME_NAMES, Incident, Notice
from ..core.incident.times import ON_CHANGE
from .components_editor import ComponentsEditor
from .editors import (
    AddressEditor,
    ChoiceEditor,
    LineEditor,
    NextUpdateEditor,
    OptionalTimeEditor,
    RadioChoiceEditor,
    TextEditor,
    monospace_font,
)
from . import notice_kinds
from .highlight import FindingHighlighter, paint_line_edit, quiet
from .language import translate, translated
from .tr_args import args
from .theme import tint
from .translation_editors import TranslationEditors
from .zones import system_zone

IMPACT_LABELS = {
    "none": QT_TRANSLATE_NOOP("Form", "None"),
    "minor": QT_TRANSLATE_NOOP("Form", "Minor"),
    "major": QT_TRANSLATE_NOOP("Form", "Major"),
    "critical": QT_TRANSLATE_NOOP("Form", "Critical"),
}
DATA_LOSS_LABELS = {
    "none": QT_TRANSLATE_NOOP("Form", "None"),
    "possible": QT_TRANSLATE_NOOP("Form", "Possible"),
    "confirmed": QT_TRANSLATE_NOOP("Form", "Confirmed"),
    "unknown": QT_TRANSLATE_NOOP("Form", "Not known yet"),
}
TIME_LABELS = {
    "started": QT_TRANSLATE_NOOP("Form", "Started"),
    "detected": QT_TRANSLATE_NOOP("Form", "Detected"),
    "mitigated": QT_TRANSLATE_NOOP("Form", "Mitigated"),
    "resolved": QT_TRANSLATE_NOOP("Form", "Resolved"),
}
PLACEHOLDERS = {
    "title": QT_TRANSLATE_NOOP("Form", "e.g. Card payments failing"),
    "service": QT_TRANSLATE_NOOP("Form", "e.g. Checkout"),
    "summary": QT_TRANSLATE_NOOP("Form",
                                 "What is broken, who is affected, what they should do, and when they hear from us "
                                 "next."),
    "impact": QT_TRANSLATE_NOOP("Form", "What does not work right now."),
    "later_impact": QT_TRANSLATE_NOOP("Form", "What will follow: delayed jobs, reports, invoices."),
    "data_loss_details": QT_TRANSLATE_NOOP("Form", "What data, and what happens to it."),
    "workaround": QT_TRANSLATE_NOOP("Form", "What people can do in the meantime."),
    "contact_name": QT_TRANSLATE_NOOP("Form", "A named person inside the incident"),
    "contact_email": "name@example.com",
    "contact_phone": "+44 20 7946 0000",
    "appendix": QT_TRANSLATE_NOOP("Form", "Details for technical readers: timings, components, error codes."),
    "to": QT_TRANSLATE_NOOP("Form", "Paste a list: one per line, or separated by commas or semicolons"),
    "cc": "",
    "bcc": QT_TRANSLATE_NOOP("Form", "Never shown to recipients"),
    "chats": QT_TRANSLATE_NOOP("Form", "Chat destinations, comma-separated"),
    "subject": QT_TRANSLATE_NOOP("Form", "Leave empty to use the generated subject"),
    **notice_kinds.PLACEHOLDERS,
}


class Section(QWidget):
    """A heading and its fields; `collapsible` sections fold away behind their heading."""

    def __init__(self, title: str, parent=None, collapsible: bool = False, expanded: bool = True):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 14, 0, 2)
        outer.setSpacing(6)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.08)
        if collapsible:
            self.toggle = QToolButton(self)
            self.toggle.setText(title)
            self.toggle.setFont(font)
            self._expanded = expanded
            self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.toggle.setAutoRaise(True)
            self.toggle.setAccessibleName(args(translate("Form", "Show or hide %1"), title))
            self.toggle.clicked.connect(lambda: self.set_expanded(not self.body.isVisibleTo(self)))
            heading = self.toggle
        else:
            self.toggle = None
            heading = QLabel(title, self)
            heading.setFont(font)
        self.heading = heading
        # The heading's row: a single field's section puts its quiet marks beside the heading.
        self.heading_row = QHBoxLayout()
        self.heading_row.setSpacing(10)
        self.heading_row.addWidget(heading)
        self.heading_row.addStretch(1)
        outer.addLayout(self.heading_row)
        self.body = QWidget(self)
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        outer.addWidget(self.body)
        self.set_expanded(expanded)

    def set_title(self, title: str) -> None:
        self.heading.setText(title)
        if self.toggle is not None:
            self.toggle.setAccessibleName(args(translate("Form", "Show or hide %1"), title))

    def set_expanded(self, on: bool) -> None:
        self.body.setVisible(on)
        if self.toggle is not None:
            self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)


class NoticeForm(QWidget):
    field_edited = Signal(str)  # a notice field the user changed
    time_edited = Signal(str)  # an incident time (started/detected/resolved)

    def __init__(self, contacts: list[dict[str, str]] | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("form")
        self.language = "en"  # the notice's first language (set_notice)
        self.editors: dict[str, QWidget] = {}
        self.time_editors: dict[str, OptionalTimeEditor] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}  # reviewers' open change requests, under their fields
        self.holders: dict[str, QWidget] = {}  # each field's problem and comments, under it
        self.carried_marks: dict[str, QLabel] = {}  # "Unchanged since notice 2 was sent", beside the label
        self.single_sections: dict[str, Section] = {}  # sections of one field, headed by its label
        self.highlighters: dict[str, FindingHighlighter] = {}
        self._contacts = contacts or []
        self._findings: dict[str, list[Finding]] = {}
        self._build()
        self.translations = TranslationEditors(self)  # a bilingual notice's second text, under the first
        self._wire()

    # ---- building ------------------------------------------------------------------------

    def _make_editor(self, name: str) -> QWidget:
        spec = SPECS[name]
        special = notice_kinds.make_editor(self, name)
        if special is not None:
            editor = special
        elif name == "data_loss":
            editor = RadioChoiceEditor(DATA_LOSS, translated("Form", DATA_LOSS_LABELS), self)
        elif name == "status":
            editor = ChoiceEditor(statuses_for("incident"), parent=self)
        elif name == "next_update":
            editor = NextUpdateEditor(self)
        elif name == "impact_level":
            editor = ChoiceEditor(IMPACT_LEVELS, translated("Form", IMPACT_LABELS),
                                  placeholder=translate("Form", "Not said"), parent=self)
        elif spec.kind == "components":
            editor = ComponentsEditor(self)
        elif spec.kind == "addresses":
            editor = AddressEditor(self)
        elif spec.kind == "text":
            big = {"summary": (4, 16), "appendix": (6, 24)}.get(name, (2, 10))  # logs need room
            editor = TextEditor(*big, parent=self)
            if name == "appendix":
                editor.setFont(monospace_font())
                editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            self.highlighters[name] = FindingHighlighter(editor)
        else:
            editor = LineEditor(self)
        editor.setObjectName(name)
        editor.setAccessibleName(spec.label)
        editor.setAccessibleDescription(spec.help)
        editor.setToolTip(spec.help)
        placeholder = PLACEHOLDERS.get(name)
        if placeholder and hasattr(editor, "setPlaceholderText"):
            editor.setPlaceholderText(translate("Form", placeholder))
        self.editors[name] = editor
        return editor

    def _label(self, name: str, text: str | None = None) -> QLabel:
        label = QLabel(text or SPECS[name].label, self)
        label.setObjectName(f"{name}_label")
        label.setBuddy(self.editors[name])
        self.labels[name] = label
        return label

    def _error(self, name: str) -> QWidget:
        """Under a field: its problem (red) and the reviewers' open comments on it (a note)."""
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        note = QLabel(holder)
        note.setObjectName(f"{name}_comments")
        note.setWordWrap(True)
        note.setAccessibleName(args(translate("Form", "Reviewer comments on %1"), SPECS[name].label))
        tint(note, "note")
        note.hide()
        self.notes[name] = note
        error = QLabel(holder)
        error.setObjectName(f"{name}_error")
        error.setWordWrap(True)
        tint(error, "error")
        error.setAccessibleName(args(translate("Form", "%1: problem"), SPECS[name].label))
        error.hide()
        self.errors[name] = error
        box.addWidget(error)
        box.addWidget(note)
        self.holders[name] = holder
        return holder

    def _add(self, section: Section, name: str, row: int, col: int = 0, span: int = 1, label: str | None = None):
        self._make_editor(name)
        section.grid.addWidget(self._label(name, label), row * 3, col, 1, span)
        if SPECS[name].kind == "text":
            mark = notice_kinds.carried_mark(self, name)
            section.grid.addWidget(mark, row * 3, col, 1, span, notice_kinds.ALIGN_RIGHT)
        section.grid.addWidget(self.editors[name], row * 3 + 1, col, 1, span)
        section.grid.addWidget(self._error(name), row * 3 + 2, col, 1, span)

    def _single(self, section: Section, name: str) -> None:
        """A section holding one field, headed by that field's label."""
        self._make_editor(name)
        section.grid.addWidget(self.editors[name], 0, 0)
        section.grid.addWidget(self._error(name), 1, 0)
        self.single_sections[name] = section
        if SPECS[name].kind == "text":
            section.heading_row.addWidget(notice_kinds.carried_mark(self, name))

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 4, 18, 18)
        layout.setSpacing(0)
        self.sections: dict[str, Section] = {}

        def section(key, title, **kw):
            s = Section(title, self, **kw)
            s.setObjectName(f"section_{key}")
            self.sections[key] = s
            layout.addWidget(s)
            return s

        s = section("incident", translate("Form", "What is affected"))
        self._add(s, "title", 0, 0, 2)
        self._add(s, "service", 1, 0)
        self._add(s, "status", 1, 1)
        s.grid.setColumnStretch(0, 3)
        s.grid.setColumnStretch(1, 2)

        s = section("components", translate("Form", "Components and impact"))
        self._add(s, "components", 0, 0, label=translate("Form", "Affected components"))
        self._add(s, "impact_level", 0, 1, label=translate("Form", "Overall impact"))
        s.grid.setColumnStretch(0, 4)
        s.grid.setColumnStretch(1, 1)
        s.grid.setAlignment(self.editors["impact_level"], Qt.AlignmentFlag.AlignTop)

        s = section("summary", translate("Form", "Summary"))
        self._make_editor("summary")
        s.grid.addWidget(self.editors["summary"], 0, 0, 1, 2)
        self.word_count = QLabel(self)
        self.word_count.setObjectName("summary_words")
        self.word_count.setWordWrap(True)
        quiet(self.word_count)
        s.grid.addWidget(self.word_count, 1, 0, 1, 2)
        self.single_sections["summary"] = s
        s.heading_row.addWidget(notice_kinds.carried_mark(self, "summary"))
        self._error_summary = self._error("summary")
        s.grid.addWidget(self._error_summary, 2, 0, 1, 2)

        notice_kinds.add_window(self, section)
        notice_kinds.add_single_sections(self, section, notice_kinds.BEFORE_CONSEQUENCES)
        s = section("consequences", translate("Form", "Consequences"))
        self._add(s, "impact", 0)
        self._add(s, "later_impact", 1)
        notice_kinds.add_single_sections(self, section, notice_kinds.AFTER_CONSEQUENCES)
        notice_kinds.add_actions(self, section)

        s = section("data", translate("Form", "Data"))
        self._add(s, "data_loss", 0, label=translate("Form", "Is any data lost?"))
        self._add(s, "data_loss_details", 1, label=translate("Form", "Details"))

        self._single(section("workaround", translate("Form", "Workaround")), "workaround")

        s = section("contact", translate("Form", "Contact"))
        self._add(s, "contact_name", 0, 0, label=translate("Form", "Name"))
        self._add(s, "contact_email", 0, 1, label=translate("Form", "Email"))
        self._add(s, "contact_phone", 0, 2, label=translate("Form", "Phone"))
        s.grid.setColumnStretch(0, 3)
        s.grid.setColumnStretch(1, 3)
        s.grid.setColumnStretch(2, 2)

        self._single(section("next_update", translate("Form", "Next update")), "next_update")

        s = section("timeline", translate("Form", "Timings"), collapsible=True, expanded=False)
        for row, name in enumerate(TIME_NAMES):
            label = translate("Form", TIME_LABELS[name])
            editor = OptionalTimeEditor(label, self)
            editor.setObjectName(name)
            editor.setAccessibleName(args(translate("Form", "%1 time"), label))
            self.time_editors[name] = editor
            s.grid.addWidget(editor, row, 0)
        self.time_error = QLabel(self)
        self.time_error.setObjectName("times_error")
        tint(self.time_error, "error")
        self.time_error.hide()
        s.grid.addWidget(self.time_error, len(TIME_NAMES), 0)

        self._single(section("appendix", translate("Form", "Technical appendix")), "appendix")

        s = section("email", translate("Form", "Email"))
        self._add(s, "to", 0, label=translate("Form", "To"))
        self._add(s, "cc", 1, label=translate("Form", "Cc"))
        self._add(s, "bcc", 2, label=translate("Form", "Bcc"))
        self._add(s, "chats", 3, label=translate("Form", "Chat posts"))
        self._add(s, "subject", 4, label=translate("Form", "Subject (optional)"))
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._set_tab_order()
        self._contact_completer()

    def _focusables(self) -> list[QWidget]:
        out: list[QWidget] = []
        order = [
            "title", "service", "status", "components", "impact_level", "summary", "window_start", "window_end",
            "unavailable", "prepare", "done", "remaining", "impact", "later_impact", "root_cause", "events",
            "actions", "action_details", "data_loss",
            "data_loss_details", "workaround", "contact_name", "contact_email", "contact_phone",
            "next_update", "*times", "appendix", "to", "cc", "bcc", "chats", "subject",
        ]
        for name in order:
            if name == "*times":
                out.append(self.sections["timeline"].toggle)
                for editor in self.time_editors.values():
                    out += [editor.known, editor.when.date, editor.when.time, editor.when.zone]
                continue
            editor = self.editors[name]
            if isinstance(editor, RadioChoiceEditor):
                out += list(editor.buttons.values())
            elif isinstance(editor, OptionalTimeEditor):
                out += [editor.known, editor.when.date, editor.when.time, editor.when.zone]
            elif isinstance(editor, NextUpdateEditor):
                out += [editor.at_time, editor.when.date, editor.when.time, editor.when.zone, editor.on_change]
            elif isinstance(editor, ComponentsEditor):
                out += editor.focusables()
            else:
                out.append(editor)
        return out

    def _set_tab_order(self) -> None:
        chain = self._focusables()
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _contact_completer(self) -> None:
        names = [c["name"] for c in self._contacts]
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._contact_chosen)
        self.editors["contact_name"].setCompleter(completer)
        self.contact_completer = completer

    def _contact_chosen(self, name: str) -> None:
        for contact in self._contacts:
            if contact["name"] == name:
                for key in ("email", "phone"):
                    editor = self.editors[f"contact_{key}"]
                    if contact[key] and not editor.value():
                        editor.set_value(contact[key])
                        self.field_edited.emit(f"contact_{key}")
                self.field_edited.emit("contact_name")
                return

    def _wire(self) -> None:
        for name, editor in self.editors.items():
            editor.edited.connect(lambda n=name: self.field_edited.emit(n))
            editor.edited.connect(lambda n=name: notice_kinds.edited(self, n))
        self.translations.edited.connect(self.field_edited.emit)  # "summary@en"
        self.editors["summary"].textChanged.connect(self._count_words)
        for name, editor in self.time_editors.items():
            editor.edited.connect(lambda n=name: self.time_edited.emit(n))

    # ---- showing a notice ----------------------------------------------------------------

    def set_notice(self, incident: Incident, notice: Notice, read_only: bool = False) -> None:
        self.language = incident.language  # how the summary's length is counted
        self.editors["status"].set_choices(statuses_for(notice.kind))
        self.editors["components"].set_kind(notice.kind)
        for name, editor in self.editors.items():
            editor.blockSignals(True)
            editor.set_value(notice.fields[name])
            editor.blockSignals(False)
            editor.set_read_only(read_only)
            self.mark_error(name, None)
        for name, editor in self.time_editors.items():
            editor.blockSignals(True)
            editor.set_value(incident.times.get(name, ""))
            editor.blockSignals(False)
            editor.set_read_only(read_only)
        if any(incident.times.values()):
            self.sections["timeline"].set_expanded(True)
        self.set_default_zone(incident.zone or system_zone())
        self._count_words()
        self.set_findings([])
        notice_kinds.show_kind(self, incident, notice)
        self.translations.set_notice(incident, notice, read_only)

    def set_default_zone(self, zone: str) -> None:
        """Time pickers not filled in yet start in the incident's zone."""
        next_update = self.editors["next_update"]
        windows = (self.editors["window_start"], self.editors["window_end"])
        for outer in (next_update, *windows, *self.time_editors.values()):
            # "When the situation changes" holds no time: its picker waits in the incident's zone too.
            outer.when.set_default_zone(zone, show=not outer.value() or outer.value() == ON_CHANGE)

    def set_comments(self, by_field: dict[str, list[str]]) -> None:
        for name, note in self.notes.items():
            comments = by_field.get(name) or []
            note.setText("\n".join(args(translate("Form", "Change requested — %1"), c) for c in comments))
            note.setVisible(bool(comments))

    def set_read_only(self, on: bool) -> None:
        for editor in (*self.editors.values(), *self.time_editors.values()):
            editor.set_read_only(on)
        self.translations.set_read_only(on)

    def value(self, name: str) -> str:
        """A field's text; "summary@en" is its second-language text."""
        return self.translations.value(name) if "@" in name else self.editors[name].value()

    def _editor(self, name: str) -> QWidget | None:
        return self.translations.editor(name) if "@" in name else self.editors.get(name)

    def time_value(self, name: str) -> str:
        return self.time_editors[name].value()

    def mark_error(self, name: str, message: str | None) -> None:
        label = self.errors.get(name)
        editor = self.editors.get(name)
        if label is None:
            return
        invalid = bool(message)
        if invalid:
            label.setText(message)
        label.setVisible(invalid)
        if editor is not None and editor.property("invalid") != invalid:
            editor.setProperty("invalid", invalid)
            editor.setAccessibleDescription(message if invalid else SPECS[name].help)
            # A red frame from the palette-independent error colour; cleared when valid again.
            editor.setStyleSheet(
                f"#{name} {{ border: 1px solid #d92d20; border-radius: 3px; }}" if invalid else ""
            )

    def mark_time_error(self, message: str | None) -> None:
        self.time_error.setText(message or "")
        self.time_error.setVisible(bool(message))

    def _count_words(self) -> None:
        size, limit = summary_size(self.editors["summary"].value(), self.language)
        if self.language == "ja":  # written without spaces: its readers count characters
            text = translate("Form", "%n characters", None, size)
            if size > limit:
                text += args(translate("Form", " — past ~%1 characters a summary is no longer read in a hurry; "
                                               "move detail to Consequences or the appendix."), limit)
        else:
            text = translate("Form", "1 word") if size == 1 else translate("Form", "%n words", None, size)
            if size > limit:
                text += args(translate("Form", " — past ~%1 words a summary is no longer read in a hurry; move "
                                               "detail to Consequences or the appendix."), limit)
        self.word_count.setText(text)

    # ---- findings in the fields ----------------------------------------------------------

    def set_findings(self, findings: list[Finding]) -> None:
        self.translations.set_findings(findings)
        by_field: dict[str, list[Finding]] = {}
        for finding in (f for f in findings if not f.language):
            by_field.setdefault(finding.field, []).append(finding)
        for name, editor in self.editors.items():
            mine = by_field.get(name, [])
            if name in self.highlighters:
                self.highlighters[name].set_findings(editor.value(), mine)
            elif isinstance(editor, QLineEdit) and (mine or self._findings.get(name)):
                paint_line_edit(editor, mine, SPECS[name].help)
        self._findings = by_field

    def focus_widget(self, name: str) -> QWidget | None:
        editor = self.editors.get(name)
        if editor is None:
            return None
        return editor.focus_widget() if hasattr(editor, "focus_widget") else editor

    def focus_span(self, name: str, start: int, end: int) -> None:
        """Focus a field (or "summary@en", its second text) and select a finding's span (Python offsets) in it."""
        editor = self._editor(name)
        if editor is None:
            return
        self.reveal(editor)
        if isinstance(editor, QPlainTextEdit):
            from .highlight import utf16_index

            text = editor.toPlainText()
            cursor = editor.textCursor()
            cursor.setPosition(utf16_index(text, min(start, len(text))))
            cursor.setPosition(utf16_index(text, min(end, len(text))), QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
            editor.ensureCursorVisible()
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
        elif isinstance(editor, QLineEdit):
            from .highlight import utf16_index

            text = editor.text()
            a, b = utf16_index(text, min(start, len(text))), utf16_index(text, min(end, len(text)))
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            editor.setSelection(a, b - a)
        else:
            self.focus_widget(name).setFocus(Qt.FocusReason.OtherFocusReason)

    def replace_span(self, name: str, start: int, end: int, text: str) -> bool:
        """Replace a span as one undoable edit; False when the field changed under the finding."""
        editor = self._editor(name)
        if editor is None:
            return False
        self.focus_span(name, start, end)
        if isinstance(editor, QPlainTextEdit):
            cursor = editor.textCursor()
            cursor.insertText(text)  # one step on the document's undo stack
            editor.setTextCursor(cursor)
            return True
        if isinstance(editor, QLineEdit):
            editor.insert(text)  # undoable with Ctrl+Z
            editor.edited.emit()
            return True
        return False

    def reveal(self, widget: QWidget) -> None:
        """Open the section holding `widget` and scroll to it."""
        for section in self.sections.values():
            if section.isAncestorOf(widget) and not section.body.isVisibleTo(section):
                section.set_expanded(True)
        parent = self.parentWidget()
        while parent is not None and not hasattr(parent, "ensureWidgetVisible"):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(widget, 40, 60)
