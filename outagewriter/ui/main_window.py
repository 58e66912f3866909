"""The main window: form on the left, preview and findings on the right, notices at the side.

It wires the parts together and forwards what the user asks for to the core; the parts live in
their own modules (form, preview, findings_panel, notice_list, live_update, autosave, document).
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import os_errors
from ..core.incident.bilingual import text_of
from ..core.incident.model import Incident
from ..core.session.actions import ACTION_KEYS
from ..core.session.changes import EVERYTHING, Changes
from ..core.session.errors import SUFFIX, FieldError, IncidentFileError
from ..core.session.example import copy_example
from ..core.session.session import Session
from . import actions, starter_flow
from .answers import DISCARD, SAVE
from .audience_hooks import AudienceHooks
from .autosave import Autosave
from .banner import Banner
from .context import AppContext
from .document import Document
from .edit_commands import EditCommands
from .files import Files
from .find_bar import FindBar
from .findings_panel import FindingsPanel
from .form import NoticeForm
from .grammar_start import GrammarStart
from .language import translate
from .tr_args import args
from .live_update import LiveUpdate
from .notice_list import NoticeList
from .preview import PreviewPane
from .publish_dialog import PublishDialog
from .reminders import reminder_service
from .review_flow import ReviewFlow
from .review_panel import ReviewPanel
from .sending import Sending


class MainWindow(QMainWindow):
    document_set = Signal()  # the window shows another incident (opened, created, restored)

    def __init__(self, context: AppContext, document: Document | None = None):
        super().__init__()
        self.context = context
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self._dirty: set[str] = set()
        # Input the notice refused (a mistyped address, an impossible time): still only in the form.
        # Saving is refused while there is any, so the file never silently drops what was typed.
        self.rejected_input: dict[str, str] = {}
        self._dirty_times: set[str] = set()
        self._storing_form = False
        self._current = 0  # index of the shown notice
        self._findings: list = []
        self.doc: Document | None = None
        self.welcoming = False  # the first-run page is shown in place of the form (welcome.py)
        self._sizes_before_compact: list[int] | None = None  # the column as it was before Compact grew the list

        actions.build(self)
        self.files = Files(self)
        self.sending = Sending(self)
        self._build()
        self.audience_hooks = AudienceHooks(self)
        self.edit_commands = EditCommands(self, self.actions_by_key)
        self.live = LiveUpdate(context, self._target, self.flush, self)
        self.live.rendered.connect(self.preview.show_rendered)
        self.live.rendered.connect(self.review.on_rendered)
        self.live.rendered.connect(self._show_approval_state)
        self.live.render_failed.connect(self.preview.show_error)
        self.live.findings.connect(self._show_findings)
        self.live.grammar_status.connect(self._set_checks_status)
        self.autosave = Autosave(context, self._autosave_source, self.flush, self)
        self.autosave.failed.connect(lambda m: self.statusBar().showMessage(m))
        self.autosave.saved.connect(lambda _p: self.autosave_label.setText(translate("MainWindow",
                                                                                     "Recovery copy up to date")))
        self.grammar_start = GrammarStart(self.statusBar(), self)
        self.grammar_start.finished.connect(lambda text: self._set_checks_status(text or self._checks_note))
        self._show_checks_note()
        self.live.grammar_status.connect(lambda text: text or self._set_checks_status(self._checks_note))
        self.set_document(document or Document(Session.new(context.services, "", ""), parent=self))
        self._restore_layout()
        context.windows.append(self)
        QTimer.singleShot(0, lambda: self.grammar_start.start(context.grammar))

    def _show_checks_note(self) -> None:
        self._checks_note = self.context.check_problem or (
            "" if self.live.grammar_enabled else translate("MainWindow",
                                                           "Tone and structure are checked as you type; grammar "
                                                           "checks are off."))
        self._set_checks_status(self._checks_note)

    def _set_checks_status(self, text: str) -> None:
        """The line under the findings: what limits the checks. A problem in the user's rule packs is one
        line each, coloured as a warning, not quiet text to overlook."""
        self.findings.set_status(text, warning=bool(text) and text == self.context.check_problem)

    def settings_applied(self, grammar_changed: bool = True, restarted: bool = True) -> None:
        """The Settings window saved new settings: checks, names and actions follow at once."""
        problems = self.context.settings.problems
        self.settings_banner.setVisible(bool(problems))
        self._show_checks_note()
        self._on_changes(Changes(review=True))  # the user's name may have changed: who may approve
        self.form.editors["components"].set_known(self.context.settings.components)
        self.audience_hooks.notice_shown()  # saved audiences may have changed
        publish = self.findChild(PublishDialog, "publish_dialog")
        if publish is not None:  # where the status page goes may have changed
            publish.refresh()
        if grammar_changed:  # another LanguageTool, none, or other words it knows: checked afresh
            if restarted:
                self.grammar_start.start(self.context.grammar)
            self.live.reset()
        else:  # the grammar findings shown still hold; tone and structure run again with the new rules
            self.live.run_now()

    def edit_settings(self, page: str = "Writing checks") -> None:
        self.flush()
        self.context.dialogs.settings(self, self.context, page)

    # ---- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.form = NoticeForm(self.context.recent_contacts.list(), self)
        self.form.editors["components"].set_known(self.context.settings.components)
        self.form_scroll = QScrollArea(self)
        self.form_scroll.setObjectName("form_scroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setWidget(self.form)
        self.form_scroll.setMinimumWidth(420)

        self.read_only_banner = Banner("read_only_banner", self)
        self.settings_banner = Banner("settings_banner", self)
        self.settings_banner.add_button(translate("MainWindow", "Dismiss"), self.settings_banner.hide,
                                        "settings_dismiss")
        if self.context.settings.problems:
            self.settings_banner.label.setText(args(
                translate("MainWindow", "Some settings could not be used, so safe defaults apply: %1"),
                "; ".join(self.context.settings.problems)))
            self.settings_banner.show()
        self.disk_banner = Banner("disk_banner", self)
        self.disk_banner.add_button(translate("MainWindow", "Reload"), self.reload_from_disk, "disk_reload")
        self.disk_banner.add_button(translate("MainWindow", "Keep mine"), self.disk_banner.hide, "disk_keep")
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        self.reminder_banner = reminder_service(self.context).watch(self)  # first: it is the one with a deadline
        left_layout.addWidget(self.reminder_banner)
        left_layout.addWidget(self.settings_banner)
        left_layout.addWidget(self.disk_banner)
        left_layout.addWidget(self.read_only_banner)
        left_layout.addWidget(self.form_scroll, 1)
        self.find_bar = FindBar(self.form, self)
        left_layout.addWidget(self.find_bar)

        self.notices = NoticeList(self)
        self.notices.setMinimumWidth(150)
        self.notices.layout().setContentsMargins(10, 10, 6, 10)
        for key in ("add_update", "add_resolution", "add_post-incident", "add_maintenance"):
            self.notices.add_action_button(key, self.actions_by_key[key])
        self.notices.selected.connect(self.show_notice)

        self.preview = PreviewPane(self)
        self.findings = FindingsPanel(self)
        self.findings.activated.connect(self.select_finding)
        self.findings.apply.connect(self.apply_suggestion)
        self.findings.ignore.connect(self.ignore_finding)
        self.findings.restore.connect(self.restore_finding)
        self.review_panel = ReviewPanel(self.actions_by_key, self)
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setObjectName("side_tabs")
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.addTab(self.findings, translate("MainWindow", "Findings"))
        self.findings.title_changed.connect(
            lambda title: self.side_tabs.setTabText(self.side_tabs.indexOf(self.findings), title))
        self.side_tabs.addTab(self.review_panel, translate("MainWindow", "Review"))
        self.review = ReviewFlow(self, self.review_panel)
        self.side_tabs.currentChanged.connect(lambda _i: self.review.refresh())
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.setObjectName("right_splitter")
        for pane, margins in ((self.preview, (6, 10, 10, 4)), (self.side_tabs, (6, 8, 10, 8))):
            holder = QWidget(self)
            box = QVBoxLayout(holder)
            box.setContentsMargins(*margins)
            box.addWidget(pane)
            right.addWidget(holder)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setChildrenCollapsible(False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.notices)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 5)
        self.splitter.setChildrenCollapsible(False)
        self.right_splitter = right
        self.setCentralWidget(self.splitter)

        self.autosave_label = QLabel(self)
        self.autosave_label.setObjectName("autosave_status")
        self.statusBar().addPermanentWidget(self.autosave_label)

        self.form.field_edited.connect(self._field_edited)
        self.form.time_edited.connect(self._time_edited)

    def _restore_layout(self) -> None:
        settings = self.context.layout
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        state = settings.value("window/splitter")
        if state is None or not self.splitter.restoreState(state):
            self.splitter.setSizes([190, 600, 610])
        state = settings.value("window/right_splitter")
        if state is None or not self.right_splitter.restoreState(state):
            self.right_splitter.setSizes([480, 350])  # the email first, three or four cards below it
        self.findings.set_compact(settings.value("findings/compact", False, type=bool))
        self.findings.compact_changed.connect(self._room_for_the_list)

    def _room_for_the_list(self, compact: bool) -> None:
        """Compact is asked for to see many findings at once: give the list most of the column
        (twenty rows at the default window size); the preview keeps the rest."""
        top, bottom = self.right_splitter.sizes()
        wanted = int((top + bottom) * 0.6)
        if compact and bottom < wanted:
            self._sizes_before_compact = [top, bottom]
            self.right_splitter.setSizes([top + bottom - wanted, wanted])
        elif not compact and self._sizes_before_compact:  # the preview gets its room back
            self.right_splitter.setSizes(self._sizes_before_compact)
            self._sizes_before_compact = None
            QTimer.singleShot(0, self.findings.show_current)  # once the smaller list is laid out

    def _save_layout(self) -> None:
        settings = self.context.layout
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/right_splitter", self.right_splitter.saveState())
        settings.setValue("findings/compact", self.findings.compact)
        settings.sync()

    # ---- the document ------------------------------------------------------------------

    def set_document(self, document: Document) -> None:
        if self.doc is not None and self.doc is not document:
            self.doc.close()
            self.doc.deleteLater()
        self.doc = document
        document.setParent(self)
        document.changed.connect(self._on_changes)
        document.changed_on_disk.connect(self._changed_on_disk)
        document.lock_lost.connect(self._lock_lost)
        self._on_changes(EVERYTHING)
        self.document_set.emit()

    def _on_changes(self, changes: Changes) -> None:
        """After every operation of the session: each part shows what the operation changed."""
        if changes.incident:  # another incident: its newest notice, no pending edits
            self._dirty.clear()
            self._dirty_times.clear()
            self.rejected_input.clear()
            self.disk_banner.hide()
            self._current = len(self.incident.notices) - 1
        if changes.shown is not None:
            self._current = changes.shown
        if changes.incident or changes.shown is not None:
            self._show_current()
        else:
            if changes.notices:
                self.notices.show_incident(self.incident, self._current)
            if changes.review:
                self.form.set_comments(self.doc.session.comments_by_field(self.notice))
                self.review.refresh()
            if changes.file or changes.notices or changes.review:
                self.refresh_read_only()
        if (changes.content or changes.review) and not self._storing_form:
            self.live.schedule()
        self._update_title()
        if changes.message:
            self.statusBar().showMessage(changes.message, 6000)

    @property
    def incident(self) -> Incident:
        return self.doc.incident

    @property
    def notice(self):
        return self.incident.notices[self._current]

    def _show_current(self) -> None:
        notice = self.notice
        self.form.set_notice(self.incident, notice, read_only=not self.doc.session.editable(notice))
        self.notices.show_incident(self.incident, self._current)
        self.refresh_read_only()
        self.live.reset()
        self.form.set_comments(self.doc.session.comments_by_field(notice))
        self.review.refresh()
        self.find_bar.notice_shown()
        self.audience_hooks.notice_shown()

    def _show_approval_state(self, rendered) -> None:
        """The preview rendered the notice: the list says at once whether its approval still holds."""
        label = self.doc.session.approval_label(self.notice, rendered)
        if label:
            self.notices.set_state(self._current, label)

    def refresh_read_only(self) -> None:
        """Banner, actions and form for what may be changed now (sent notice, file open read-only)."""
        notice, locked = self.notice, self.doc.read_only
        if locked:
            reason = self.doc.read_only_reason or translate("MainWindow", "someone else is editing this file")
            self.read_only_banner.label.setText(
                args(translate("MainWindow", "Opened read-only: %1. Use Save As to keep your own copy."), reason))
        elif notice.is_sent:
            self.read_only_banner.label.setText(
                translate("MainWindow", "This notice was sent and is shown as sent. It can no longer be changed."))
        self.read_only_banner.setVisible(notice.is_sent or locked)
        self.form.set_read_only(not self.doc.session.editable(notice))
        self.audience_hooks.set_read_only(not self.doc.session.editable(notice))
        self.findings.set_kind(notice.kind)
        self.findings.set_editable(self.doc.session.editable(notice))
        enabled = set() if self.welcoming else self.doc.session.actions(notice)  # nothing shown to act on
        for key in ACTION_KEYS:
            self.actions_by_key[key].setEnabled(key in enabled)

    def show_notice(self, index: int) -> None:
        if index == self._current:
            return
        self.flush()
        if self.rejected_input:  # showing another notice would drop what was typed here
            problems = "; ".join(self.rejected_input.values())
            self.context.dialogs.error(self, translate("MainWindow", "Correct this notice first"),
                                       args(translate("MainWindow", "%1. Correct it, then open the other notice."),
                                            problems))
            QTimer.singleShot(0, lambda: self.notices.show_incident(self.incident, self._current))
            return
        self._current = index
        self._show_current()

    def _update_title(self, *_args) -> None:
        doc = self.doc
        self.setWindowTitle(f"{doc.display_name}[*] — OutageWriter")
        self.setWindowModified(doc.modified)
        self.setWindowFilePath(doc.path or "")

    # ---- edits -------------------------------------------------------------------------

    def _field_edited(self, name: str) -> None:
        self._dirty.add(name)
        self._edited()
        if name == "status":  # the notice list shows each notice's status: store it and show it now
            self.flush()

    def _time_edited(self, name: str) -> None:
        self._dirty_times.add(name)
        self._edited()

    def _edited(self) -> None:
        self.doc.session.touch()
        self.live.schedule()
        self.autosave.touch()

    def flush(self) -> None:
        """Store pending edits in the notice; refused values are marked in the form, not stored."""
        if not self._dirty and not self._dirty_times:
            return
        fields = {name: self.form.value(name) for name in self._dirty}
        times = {name: self.form.time_value(name) for name in self._dirty_times}
        self._storing_form = True  # the preview is about to render these values: no second render
        try:
            result = self.doc.session.edit(self.notice, fields, times)
        finally:
            self._storing_form = False
        for name in fields:
            self.form.mark_error(name, result.refused.get(name))
        for key in [*fields, *(f"time {name}" for name in times)]:
            if key in result.refused:
                self.rejected_input[key] = result.refused[key]
            else:
                self.rejected_input.pop(key, None)
        if times:
            self.form.mark_time_error(
                "; ".join(m for k, m in sorted(self.rejected_input.items()) if k.startswith("time ")) or None)
            if self.incident.zone:  # time pickers not filled in yet follow the incident's zone
                self.form.set_default_zone(self.incident.zone)
        self._dirty.clear()
        self._dirty_times.clear()

    def _target(self):
        return (self.incident, self.notice) if self.doc is not None else None

    def _autosave_source(self):
        return (self.incident, self.doc.path) if self.doc is not None and self.doc.modified else None

    def refresh(self) -> None:
        self.live.run_now()

    def edit_focused(self, what: str) -> None:
        self.edit_commands.run(what)

    # ---- findings ----------------------------------------------------------------------

    def _show_findings(self, presented) -> None:
        self._findings = presented.shown
        self.findings.set_findings(presented.shown, presented.ignored)
        self.form.set_findings(presented.shown)

    def select_finding(self, finding) -> None:
        self.flush()
        self.form.focus_span(finding.where, finding.start, finding.end)

    def step_finding(self, step: int) -> None:
        finding = self.findings.step(step)
        if finding is not None:
            self.select_finding(finding)

    def apply_suggestion(self, finding, suggestion: str) -> None:
        if self.notice.is_sent:
            return
        self.flush()
        if text_of(self.notice, finding.where)[finding.start:finding.end] != finding.match:
            self.statusBar().showMessage(translate("MainWindow", "The text changed since this finding; look again."),
                                         4000)
            self.live.run_now()
            return
        self.form.replace_span(finding.where, finding.start, finding.end, suggestion)
        self.live.run_now()

    def ignore_finding(self, finding) -> None:
        if self.notice.is_sent:
            return
        if self.doc.session.dismiss(self.notice, *finding.keys).file:
            self.autosave.touch()
        self.live.run_now()

    def restore_finding(self, finding) -> None:
        if self.doc.session.restore(self.notice, *finding.keys).file:
            self.autosave.touch()
        self.live.run_now()

    # ---- files -------------------------------------------------------------------------

    def _folder(self) -> str:
        if self.doc.path:
            return str(Path(self.doc.path).parent)
        recent = self.context.recent_files.list()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current document (saved, or the user said so)."""
        self.flush()
        if not self.doc.modified:
            return True
        answer = self.context.dialogs.unsaved_changes(self, self.doc.display_name)
        if answer == SAVE:
            return self.save()
        if answer == DISCARD:
            self.autosave.discard(self.incident)
            return True
        return False

    def new_incident(self) -> None:
        values = self.context.dialogs.new_incident(self)
        if values is None or not self.maybe_save():
            return
        try:
            document = Document(Session.new(self.context.services, **values), parent=self)
        except FieldError as exc:
            self.context.dialogs.error(self, translate("MainWindow", "Cannot create the incident"), str(exc))
            return
        self.set_document(document)
        document.set_modified(True)
        self.autosave.touch()

    def open_dialog(self) -> None:
        path = self.context.dialogs.open_path(self, self._folder())
        if path:
            self.open_path(path)

    def open_example(self) -> None:
        """A new copy of the shipped example in the state folder, so the shipped file is never written."""
        try:
            path = copy_example(self.context.state_dir / "examples")
        except (OSError, IncidentFileError) as exc:
            self.context.dialogs.error(self, translate("MainWindow", "Cannot open the example"),
                                       os_errors.described(exc))
            return
        if not self.open_path(str(path)):
            path.unlink(missing_ok=True)  # the user kept the incident shown: no copy left unused

    def open_path(self, path: str) -> bool:
        if not self.maybe_save():
            return False
        document = self.files.open(path)
        if document is None:
            return False
        self.set_document(document)
        self.context.recent_files.add(path)
        return True

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.context.recent_files.list()
        for number, path in enumerate(paths, start=1):
            action = QAction(f"&{number % 10} {Path(path).name}", self.recent_menu)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
            self.recent_menu.addAction(action)
        if not paths:
            self.recent_menu.addAction(translate("MainWindow", "No recent files")).setEnabled(False)

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def suggested_path(self) -> str:
        return self.doc.path or os.path.join(self._folder(), _file_name(self.incident.title))

    def saved(self) -> None:
        """After the file was written: no recovery copy needed, remember the file and the contact."""
        self.autosave.discard(self.incident)
        self.autosave_label.setText("")
        self.context.recent_files.add(self.doc.path)
        fields = self.notice.fields
        self.context.recent_contacts.add(fields["contact_name"], fields["contact_email"], fields["contact_phone"])
        self.disk_banner.hide()

    def _changed_on_disk(self, path: str) -> None:
        self.disk_banner.label.setText(
            args(translate("MainWindow", "%1 was changed outside this window since you opened it. Reload to see "
                           "those changes, or keep yours (saving will ask before overwriting)."), Path(path).name))
        self.disk_banner.show()

    def _lock_lost(self, message: str) -> None:
        self.disk_banner.label.setText(
            args(translate("MainWindow", "%1. Someone else may be editing this file now; saving will ask before "
                           "overwriting."), message))
        self.disk_banner.show()

    def reload_from_disk(self) -> None:
        old = self.incident
        try:
            self.doc.session.reload()
        except IncidentFileError as exc:
            self.context.dialogs.error(self, translate("MainWindow", "Cannot reload the incident"), str(exc))
            return
        self.autosave.discard(old)

    # ---- notices -----------------------------------------------------------------------

    def add_notice(self, kind: str) -> None:
        self.flush()
        try:
            self.doc.session.add_notice(kind)
        except FieldError as exc:
            self.context.dialogs.error(self, translate("MainWindow", "Cannot add a notice"), str(exc))
            return
        self.autosave.touch()

    def start_from(self) -> None:
        starter_flow.start_from(self)

    # ---- mail and review (the flows live in sending.py and review_flow.py) ----------------

    def edit_accounts(self) -> None:
        self.context.dialogs.accounts(self, self.context)

    def send_notice(self) -> None:
        self.sending.start(test=False)

    def send_test(self) -> None:
        self.sending.start(test=True)

    def current_findings(self) -> list:
        return self._findings

    def notice_title(self) -> str:
        return args(translate("MainWindow", "Notice %1 of “%2”"), self.doc.session.number(self.notice),
                    self.incident.title)

    def after_send(self) -> None:
        """The sending thread is done: show the notice as it is now (read-only once sent)."""
        self.doc.session.after_send()

    def show_review(self) -> None:
        self.side_tabs.setCurrentWidget(self.review_panel)
        top, bottom = self.right_splitter.sizes()
        if bottom < (top + bottom) * 0.45:  # the review needs room: share the column evenly
            self.right_splitter.setSizes([(top + bottom) // 2, (top + bottom) - (top + bottom) // 2])
        self.review.refresh()

    def request_review(self) -> None:
        self.review.request_review()

    def request_review_by_email(self) -> None:
        self.review.request_review_by_email()

    def approve(self) -> None:
        self.review.approve()

    def request_changes(self) -> None:
        self.review.request_changes()

    # ---- recovery ----------------------------------------------------------------------

    def offer_recovery(self) -> None:
        copies = self.context.recovery.orphans()
        if not copies:
            return
        restore, discard = self.context.dialogs.choose_recovery(self, copies)
        for copy in discard:
            self.context.recovery.discard_file(copy.file)
        for copy in restore:
            document = Document(Session.restored(self.context.services, copy.incident, copy.original_path))
            self.files.lock(document, ask=False)
            document.set_modified(True)
            if self._is_pristine() or self.incident.id == copy.incident.id:
                self.set_document(document)
                target = self
            else:
                target = MainWindow(self.context, document)
                target.show()
            target.autosave.touch()

    def _is_pristine(self) -> bool:
        return not self.doc.modified and not self.doc.path

    # ---- window events -----------------------------------------------------------------

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.sending.running:
            self.context.dialogs.error(self, translate("MainWindow", "Sending in progress"),
                                       translate("MainWindow", "The notice is being sent. Wait for it to finish, "
                                                 "or press Cancel in the progress window: it stops after the current "
                                                 "batch."))
            event.ignore()
            return
        if not self.maybe_save():
            event.ignore()
            return
        self.autosave.discard(self.incident)
        self.doc.close()
        self._save_layout()
        if self in self.context.windows:
            self.context.windows.remove(self)
        event.accept()

    def quit_all(self) -> None:
        for window in list(self.context.windows):
            if not window.close():
                return
        QApplication.quit()

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if _outage_paths(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if _outage_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = _outage_paths(event.mimeData())
        if not paths:
            return
        event.acceptProposedAction()
        # Leave the drop handler before any question is asked.
        QTimer.singleShot(0, lambda p=paths[0]: self.open_path(p))


def _outage_paths(mime) -> list[str]:
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile().endswith(SUFFIX)]


def _file_name(title: str) -> str:
    stem = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")
    while "--" in stem:
        stem = stem.replace("--", "-")
    return (stem[:60] or "incident") + SUFFIX
