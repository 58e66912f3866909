"""One open incident and every operation on it, for the window and the command line alike.

Each operation changes the incident through the core, and returns (and tells its subscribers)
the `Changes` it made. Saving happens in one place, `save`: approvals that the edits voided are
recorded as void first, then the file is written with the conflict check, never over what someone
else saved since it was read. Sending checks the approval in one place, `check_send`, before any
account or network is touched; `core.mail.sending` checks it again at the last moment.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from ..i18n import _
from ..incident import bilingual
from ..incident.audience_recipients import choose_audiences
from ..incident.chat_destinations import ChatDestination
from ..incident.fields import FIELD_NAMES, FieldError
from ..incident.model import Incident, Notice, NoticeLocked
from ..incident.times import TimeError, isoformat_utc, now_utc
from ..mail import resend
from ..mail.accounts import Account
from ..mail.plan import Plan, SendError, plan, refuse_if_nobody
from ..mail.review_request import build_review_request, send_review_request
from ..mail.sending import SendResult, chat_destinations_of, chat_urls, send_notice, sender_of
from ..render.renderer import Rendered
from ..review import audit, content, send_gate, textdiff
from ..review import timeline as story
from ..review import workflow as review
from ..storage import conflicts, fileformat
from ..storage.conflicts import FileStamp
from ..storage.atomic import atomic_write_text
from ..storage.locks import EditLock, FileLocked, left_behind_by, send_in_progress
from . import export as records
from . import starters
from .actions import ActionState, enabled_actions
from .changes import EVERYTHING, NOTHING, Changes
from .publishing import publish_after_send
from .services import Services
from .starters import StarterPlan

EDIT_ERRORS = (FieldError, TimeError, NoticeLocked)  # a value the notice refuses; nothing else is lost


@dataclass(frozen=True)
class SendCheck:
    plan: Plan
    rendered: Rendered  # what goes out: for a retry, the approved content of the archive
    signer: str | None  # who signed the approval, when approvals are signed
    posts: tuple[ChatDestination, ...] = ()  # the chat destinations this send posts to


@dataclass(frozen=True)
class ReviewRequest:
    message: EmailMessage  # ready to hand to the mail server, the incident file attached
    notice_id: str
    reviewer: str
    asked_at: str | None  # when the notice was put in review in the attachment; None: it already was

    def send(self, account: Account, password: str | None):
        """Hand the request to the mail server (blocking: call it off the GUI thread); a DeliveryReport."""
        return send_review_request(self.message, account, password)


@dataclass
class EditResult:
    changes: Changes
    refused: dict[str, str] = field(default_factory=dict)  # field (or "time NAME") -> why, in plain words


class Session:
    def __init__(self, services: Services, incident: Incident, path: str | os.PathLike | None = None,
                 stamp: FileStamp | None = None):
        self.services = services
        self.incident = incident
        self.path: str | None = os.path.abspath(path) if path else None
        self.stamp = stamp  # what the file held when we last read or wrote it
        self.modified = False
        self.read_only = False  # someone else holds the edit lock, or the folder cannot be written
        self.read_only_reason = ""
        self.lock: EditLock | None = None
        self.voided: list[tuple[int, review.Void]] = []  # approvals the last save recorded as void
        self._io = threading.Lock()  # one save at a time (GUI thread or sending thread)
        # Told the SHA-256 of each file about to be written, so a file watcher knows our own saves.
        self.writing: Callable[[str], None] = lambda digest: None
        self._listeners: list[Callable[[Changes], None]] = []

    # ---- opening --------------------------------------------------------------------------

    @classmethod
    def new(cls, services: Services, title: str, service: str, kind: str = "incident",
            language: str = "en", second_language: str = "") -> "Session":
        """A new incident, not yet in a file (FieldError for a bad kind or languages); `second_language`
        makes it bilingual, written in `language` first and `second_language` below it."""
        incident = Incident.create(title, service, kind=kind, language=language)
        bilingual.set_languages(incident, language, second_language)
        return cls(services, incident)

    @classmethod
    def restored(cls, services: Services, incident: Incident, path: str | None) -> "Session":
        """A recovery copy of `incident`, which was being edited in `path` (or in no file yet)."""
        return cls(services, incident, path, FileStamp.of(path) if path else None)

    @classmethod
    def open(cls, services: Services, path: str | os.PathLike) -> "Session":
        """The incident in `path` (IncidentFileError, in words for the user, when it cannot be used)."""
        incident, stamp = conflicts.load_with_stamp(path)
        return cls(services, incident, path, stamp)

    # ---- subscribers ----------------------------------------------------------------------

    def subscribe(self, listener: Callable[[Changes], None]) -> None:
        """`listener(changes)` runs after every operation, on the thread that ran it."""
        self._listeners.append(listener)

    def _did(self, changes: Changes) -> Changes:
        for listener in list(self._listeners):
            listener(changes)
        return changes

    # ---- state ----------------------------------------------------------------------------

    @property
    def display_name(self) -> str:
        return Path(self.path).name if self.path else _("Untitled incident")

    def number(self, notice: Notice) -> int:
        """The notice's number as the user sees it (1 is the first)."""
        return self.incident.number(notice)

    def pick(self, number: int) -> Notice:
        """Notice by its 1-based number; negative counts from the end (IndexError in plain words)."""
        return self.incident.notice(number)

    def actions(self, notice: Notice) -> frozenset[str]:
        return enabled_actions(ActionState.of(self.incident, notice, read_only=self.read_only,
                                              has_file=bool(self.path)))

    def editable(self, notice: Notice) -> bool:
        return not self.read_only and not notice.is_sent

    def approval_label(self, notice: Notice, rendered: Rendered) -> str | None:
        """"Approved" or "Approval void" for a notice whose approval is recorded, judged on `rendered`
        (the hash only, no diff: cheap enough for every preview refresh); None for any other state."""
        approval = review.approval_of(notice)
        if review.state(notice) != review.APPROVED or approval is None:
            return None
        return "Approval void" if content.notice_hash(self.incident, notice, rendered) != approval.hash else "Approved"

    def changes_since_previous(self, notice: Notice, rendered: Rendered | None = None) -> tuple | None:
        """Word diffs of subject and text against the notice before it (None for the first notice):
        what a reviewer reads first in an update."""
        number = self.number(notice)
        if number < 2:
            return None
        rendered = rendered or self.render(notice)
        before = self.render(self.incident.notices[number - 2])
        return tuple(textdiff.PartDiff(part, textdiff.word_diff(getattr(before, part), getattr(rendered, part)))
                     for part in ("subject", "text") if getattr(before, part) != getattr(rendered, part))

    def comments_by_field(self, notice: Notice) -> dict[str, list[str]]:
        """The open change requests on each field, "Reviewer: comment", for the form to show beside it."""
        return {name: [f"{c.reviewer}: {c.comment}" for c in review.change_requests(notice, field=name)]
                for name in FIELD_NAMES}

    def changed_since_read(self) -> bool:
        """True when the file on disk is not what we last read or wrote (someone else saved it)."""
        if not self.path or self.stamp is None:
            return False
        current = FileStamp.of(self.path)
        return current is not None and not self.stamp.same_content(current)

    def digest_on_disk(self) -> str | None:
        """SHA-256 of the file as it is now (None when it is gone), to tell our own saves from others'."""
        current = FileStamp.of(self.path) if self.path else None
        return current.sha256 if current is not None else None

    def render(self, notice: Notice) -> Rendered:
        return self.services.renderer.render(self.incident, notice)

    # ---- the incident's story --------------------------------------------------------------

    def timeline(self) -> list[story.Entry]:
        """Times, notices and audit events, oldest first, in the incident's zone and UTC."""
        return story.timeline(self.incident)

    def export(self, fmt: str) -> str:
        """The whole incident for the records as 'md' or 'html' (ValueError for another format)."""
        return records.export(self.incident, self.path, self.services.renderer, fmt)

    def export_to(self, path: str | os.PathLike, fmt: str) -> None:
        """Write the export to `path`, whole or not at all (OSError when the disk refuses)."""
        atomic_write_text(path, self.export(fmt))

    # ---- edits ----------------------------------------------------------------------------

    def touch(self) -> Changes:
        """Something was typed that is not stored yet: the incident counts as modified."""
        if self.modified:
            return NOTHING
        self.modified = True
        return self._did(Changes(file=True))

    def edit(self, notice: Notice, fields: dict[str, str], times: dict[str, str] | None = None) -> EditResult:
        """Store what the form holds, value by value: a refused value is reported, the rest is kept.
        A field's second-language text is named "summary@en" (core.incident.bilingual)."""
        refused: dict[str, str] = {}
        stored = False
        if not notice.is_sent:
            for name in sorted(fields):
                try:
                    stored |= bilingual.set_value(self.incident, notice, name, fields[name])
                except EDIT_ERRORS as exc:
                    refused[name] = str(exc)
        for name in sorted(times or {}):
            try:
                before = dict(self.incident.times)
                self.incident.set_time(name, times[name])
                stored |= before != self.incident.times
            except EDIT_ERRORS as exc:
                refused[f"time {name}"] = str(exc)
        if not stored:
            return EditResult(NOTHING, refused)
        self.modified = True
        status = "status" in fields and "status" not in refused  # the notice list shows each status
        return EditResult(self._did(Changes(content=True, notices=status, file=True)), refused)

    def update(self, notice: Notice, fields: dict[str, str], times: dict[str, str] | None = None) -> Changes:
        """All or nothing: refused values raise one FieldError naming every one of them (or NoticeLocked),
        and nothing changes."""
        return self._did(self._store(notice, fields, times))

    def _store(self, notice: Notice, fields: dict[str, str], times: dict[str, str] | None = None) -> Changes:
        if notice.is_sent:
            raise NoticeLocked(_("notice {number} has been sent and can no longer be edited").format(
                number=self.number(notice)))
        problems = _refusals(self.incident, notice, fields, times or {})
        if problems:
            raise FieldError("; ".join(problems))
        before, translation_before = dict(notice.fields), dict(notice.translation)
        notice.update({k: v for k, v in fields.items() if "@" not in k})  # validates every value before storing any
        for key in (k for k in fields if "@" in k):  # each already tried by _refusals
            bilingual.set_value(self.incident, notice, key, fields[key])
        try:
            self.incident.set_times(dict(times or {}))  # all or nothing as well
        except EDIT_ERRORS:
            notice.fields, notice.translation = before, translation_before
            raise
        self.modified = True
        return Changes(content=True, notices="status" in fields, file=True)

    def set_languages(self, first: str, second: str = "", *, force: bool = False) -> Changes:
        """Write the incident in `first`, and `second` below it ("" for one language). Unsent notices'
        texts move with their language; TextWouldBeDropped (nothing changed) when typed text would have
        no place left, unless `force`. FieldError for languages that cannot be combined."""
        lost = bilingual.dropped(self.incident, first, second)
        if lost and not force:
            raise bilingual.TextWouldBeDropped(lost)
        if not bilingual.set_languages(self.incident, first, second):
            return NOTHING
        self.modified = True
        # The form shows the newest notice again, with or without the second language's editors.
        return self._did(Changes(content=True, notices=True, file=True, shown=len(self.incident.notices) - 1))

    def starter_plan(self, notice: Notice, name: str) -> StarterPlan:
        """What the starting text `name` would fill in `notice`, and which typed text it would replace
        (StarterError in one line when there is no such starter or it is not for this kind)."""
        library = self.services.starters(self.incident.language)
        return starters.plan(notice, library.get(name, notice.kind))

    def apply_starter(self, notice: Notice, name: str, *, overwrite: bool = False) -> tuple[Changes, StarterPlan]:
        """Fill `notice` from the starting text `name`: its empty fields always, the ones holding typed
        text only with `overwrite` (the plan returned names them, so the caller can say what it kept)."""
        what = self.starter_plan(notice, name)
        values = what.values(overwrite)
        if not values:
            return NOTHING, what
        changes = self._store(notice, values) | Changes(shown=self.incident.notices.index(notice))  # the form shows it
        return self._did(changes), what

    def choose_audiences(self, notice: Notice, names: list[str]) -> Changes:
        """Send `notice` to the saved audiences `names`: their recipients join To and Bcc, and those of
        audiences no longer chosen leave (addresses typed by hand stay). FieldError when not possible."""
        return self.update(notice, choose_audiences(notice.fields, names, self.services.settings.audiences))

    def add_notice(self, kind: str) -> Changes:
        """Start the next notice from the newest one (FieldError while the newest is unsent)."""
        self.incident.add_notice(kind)
        self.modified = True
        return self._did(Changes(content=True, notices=True, review=True, file=True,
                                 shown=len(self.incident.notices) - 1))

    def dismiss(self, notice: Notice, *keys: str) -> Changes:
        """Never show these findings (Finding.keys) on this notice again (kept in the file)."""
        new = [key for key in dict.fromkeys(keys) if key not in notice.dismissed]
        if notice.is_sent or not new:
            return NOTHING
        notice.dismissed.extend(new)
        return self._dismissals_changed()

    def restore(self, notice: Notice, *keys: str) -> Changes:
        """Show these dismissed findings again; a sent notice stays as it was sent."""
        if notice.is_sent or not set(keys) & set(notice.dismissed):
            return NOTHING
        notice.dismissed[:] = [key for key in notice.dismissed if key not in keys]
        return self._dismissals_changed()

    def _dismissals_changed(self) -> Changes:
        self.modified = True
        return self._did(Changes(content=True, file=True))

    # ---- saving ---------------------------------------------------------------------------

    def void_outdated_approvals(self) -> list[tuple[int, review.Void]]:
        """Record as void, in the file's audit log, each approval the edits no longer match:
        (notice number, what is void) for each."""
        who = self.services.settings.identity()
        voids = []
        for notice in self.incident.notices:
            approval = notice.review.approval if notice.review else None
            if notice.is_sent or approval is None or approval.voided:
                continue
            void = review.note_changes(self.incident, notice, self.render(notice), who)
            if void is not None:
                voids.append((self.number(notice), void))
        return voids

    def save(self, path: str | os.PathLike | None = None, *, force: bool = False) -> Changes:
        """The one save. Approvals the edits no longer match are recorded as void first.

        To our own path: ConflictError if someone else saved since (unless `force`, after the user
        chose to overwrite: the file's audit log then keeps what it says happened meanwhile).
        To another path (Save As, already confirmed): FileLocked when someone has that file open;
        otherwise it is written, and this session holds its edit lock from then on.
        OSError when the disk refuses."""
        target = os.path.abspath(path or self.path)
        same = target == self.path
        lock = None if same else self._lock_for(target)
        try:
            voids = self.voided = self.void_outdated_approvals()
            if same and force:
                self._keep_their_history()
            self._write(target, self.stamp if same else None, force=force or not same)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        if lock is not None:  # Save As: the new file is ours to edit now, the old one is not
            self.release_lock()
            self.lock, self.read_only, self.read_only_reason = lock, False, ""
        self.path = target
        self.modified = False
        saved = _("Saved {name}").format(name=self.display_name)
        if voids:
            what = _("; ").join(_("notice {number}: {reason}").format(number=number, reason=review.reason_label(void.reason))
                                for number, void in voids)
            saved = _("{saved} ({what})").format(saved=saved, what=what)
        return self._did(Changes(file=True, review=bool(voids), notices=bool(voids), message=saved))

    def _lock_for(self, target: str) -> EditLock:
        """The edit lock of a file we are about to write under a new name: FileLocked if it is open elsewhere."""
        settings = self.services.settings
        lock = EditLock(target, user=settings.identity(), stale_after=settings.lock_stale_after_seconds)
        try:
            lock.acquire()
        except FileLocked as exc:
            if not exc.stale or not left_behind_by(exc.holder, settings.identity()):
                raise
            lock.acquire(take_over=True)  # our own program crashed and left it
        except OSError as exc:  # a missing folder, no permission: name the file asked for, not the lock's
            raise OSError(exc.errno, exc.strerror, target) from None
        return lock

    def _keep_their_history(self) -> None:
        """Before overwriting someone else's save: their audit entries stay in the log (it is append-only),
        and an approval they recorded that our version replaces is recorded as void."""
        try:
            disk = fileformat.load(self.path)
        except (fileformat.IncidentFileError, OSError):
            return  # nothing readable to keep
        ours = {json.dumps(entry, sort_keys=True) for entry in self.incident.log}
        self.incident.log.extend(e for e in disk.log if json.dumps(e, sort_keys=True) not in ours)
        who = self.services.settings.identity()
        for notice in self.incident.notices:
            twin = next((n for n in disk.notices if n.id == notice.id), None)
            theirs = twin.review.approval if twin is not None and twin.review else None
            mine = notice.review.approval if notice.review else None
            if theirs is not None and not notice.is_sent and (mine is None or mine.hash != theirs.hash):
                audit.append(self.incident, audit.VOIDED, notice, who, hash=theirs.hash,
                             comment=audit.REPLACED_IN_FILE)  # stored in English

    def save_from_worker(self) -> None:
        """The sending thread's save after each batch: the same checked save, no subscribers told
        (they are told once the send is over, on their own thread)."""
        self._write(self.path, self.stamp, force=False)

    def _write(self, target: str, loaded: FileStamp | None, *, force: bool) -> None:
        with self._io:
            self.writing(hashlib.sha256(fileformat.dumps(self.incident).encode("utf-8")).hexdigest())
            self.stamp = conflicts.save_checked(self.incident, target, loaded, force=force)

    def save_copy(self) -> tuple[str, Changes]:
        """Our version beside the shared file under a new name; the session then edits the copy."""
        self.voided = self.void_outdated_approvals()
        with self._io:
            copy = str(conflicts.save_copy(self.incident, self.path, self.services.settings.identity()))
        self.release_lock()
        self.path, self.stamp, self.modified = copy, FileStamp.of(copy), False
        return copy, self._did(Changes(file=True))

    def reload(self) -> Changes:
        """Read the file again; what was not saved is dropped (IncidentFileError if it is unusable now)."""
        self.incident, self.stamp = conflicts.load_with_stamp(self.path)
        self.modified = False
        return self._did(EVERYTHING)

    # ---- the edit lock --------------------------------------------------------------------

    def acquire_lock(self, *, take_over: bool = False) -> None:
        """Hold the edit lock while open; raises FileLocked naming who has it, OSError if it cannot be made.
        A stale lock our own program left behind (it crashed) is taken over without asking."""
        if not self.path:
            return
        settings = self.services.settings
        lock = self.lock if self.lock is not None and Path(self.lock.path) == Path(self.path) else \
            EditLock(self.path, user=settings.identity(), stale_after=settings.lock_stale_after_seconds)
        try:
            lock.acquire(take_over=take_over)
        except FileLocked as exc:
            if take_over or not exc.stale or not left_behind_by(exc.holder, settings.identity()):
                raise
            lock.acquire(take_over=True)
        self.lock = lock
        self.read_only, self.read_only_reason = False, ""

    def open_read_only(self, reason: str) -> Changes:
        self.read_only, self.read_only_reason = True, reason
        return self._did(Changes(file=True))

    def refresh_lock(self) -> None:
        """Tell others we are still here; raises LockLost when it was removed or taken over."""
        if self.lock is not None and self.lock.held:
            self.lock.refresh()

    def release_lock(self) -> None:
        if self.lock is not None:
            try:
                self.lock.release()
            except OSError:
                pass
            self.lock = None

    close = release_lock

    # ---- review ---------------------------------------------------------------------------

    def request_review(self, notice: Notice, reviewer: str | None = None) -> Changes:
        who = self.services.settings.identity()
        review.request_review(self.incident, notice, self.render(notice), who, reviewer=reviewer or None)
        return self._reviewed(_("Review requested."))

    def approve(self, notice: Notice, reviewer: str, comment: str | None = None) -> Changes:
        settings = self.services.settings
        approval = review.approve(self.incident, notice, self.render(notice), reviewer, settings,
                                  comment=comment or None)
        return self._reviewed(_("Approved by {reviewer}.").format(reviewer=approval.reviewer))

    def request_changes(self, notice: Notice, reviewer: str, comment: str, field: str | None = None) -> Changes:
        review.request_changes(self.incident, notice, self.render(notice), reviewer, comment, field=field)
        return self._reviewed(_("Changes requested."))

    def _reviewed(self, message: str) -> Changes:
        self.modified = True
        return self._did(Changes(review=True, notices=True, file=True, message=message))

    def approval_on_disk(self, notice: Notice, rendered: Rendered) -> review.ApprovalStatus | None:
        """The approval of this notice in the file as it is now, when the file was saved by someone
        else since we read it (a reviewer approved from another window); None when it holds none."""
        if not self.path or not self.changed_since_read():
            return None
        try:
            saved = fileformat.load(self.path)
        except fileformat.IncidentFileError:
            return None
        status = send_gate.approval_in(saved, self.incident, notice, rendered)
        return None if isinstance(status, review.Missing) else status

    def review_request(self, notice: Notice, account: Account, reviewer_address: str) -> "ReviewRequest":
        """The email asking `reviewer_address` to review the notice, with the incident file attached as
        it will read once the request is out (the notice in review), so the reviewer can approve at once.
        Raises ReviewError, NoticeLocked or FieldError (a bad address) in plain words."""
        asking = review.state(notice) != review.IN_REVIEW
        when = isoformat_utc(now_utc())
        attached = fileformat.loads(fileformat.dumps(self.incident))
        theirs = attached.notices[self.number(notice) - 1]
        rendered = self.services.renderer.render(attached, theirs)
        if asking:
            review.request_review(attached, theirs, rendered, self.services.settings.identity(),
                                  reviewer=reviewer_address, when=when)
        message = build_review_request(attached, theirs, rendered, sender_of(account), reviewer_address, self.path)
        return ReviewRequest(message, notice.id, reviewer_address, when if asking else None)

    def review_request_sent(self, request: "ReviewRequest") -> Changes:
        """The mail server accepted the review request: the notice is in review now (as in the attachment)."""
        notice = next((n for n in self.incident.notices if n.id == request.notice_id), None)
        if request.asked_at is None or notice is None or review.state(notice) == review.IN_REVIEW:
            return NOTHING
        review.request_review(self.incident, notice, self.render(notice), self.services.settings.identity(),
                              reviewer=request.reviewer, when=request.asked_at)
        return self._reviewed("")

    # ---- sending --------------------------------------------------------------------------

    def check_send(self, notice: Notice, *, include_unknown: bool = False, chat: bool = True) -> "SendCheck":
        """Before any account, password or network: who it goes to and what, or why not.

        Raises review.ApprovalError when approval is required and this exact text has none, and
        SendError when there is nobody (left) to send it to, someone else is sending it now, or (with
        `chat`) a chat destination it posts to has no webhook URL in the keyring."""
        settings = self.services.settings
        signer = None
        if notice.is_sent:  # a retry: the approved content, as archived
            rendered = resend.check_approval(self.incident, notice, self.services.renderer, settings)
        else:
            rendered = self.render(notice)
            signer = send_gate.check_can_send(self.incident, notice, rendered, settings)
        what = plan(notice, include_unknown=include_unknown)
        posts = what.posts if notice.is_sent else chat_destinations_of(rendered, self.services.renderer)
        if not chat:
            what, posts = dataclasses.replace(what, posts=()), ()
        if what.recipients and not what.targets and not what.posts and self.path:
            busy = send_in_progress(self.path, settings.lock_stale_after_seconds)
            if busy is not None:  # their batch in flight looks "unknown" from here: say who sends it
                raise SendError(str(busy))
        refuse_if_nobody(what, notice)
        if posts and rendered.chat:
            chat_urls(posts, self.services.webhooks)
        return SendCheck(what, rendered, signer, posts if rendered.chat else ())

    def send(self, notice: Notice, account: Account, password: str | None, *, test: bool = False,
             persist_whole: bool = False, include_unknown: bool = False, timeout: float | None = None,
             on_progress=None, cancel=None, chat: bool = True) -> SendResult:
        """Send the notice (or a [TEST] copy to the account's own address) and record who got it.

        `persist_whole`: after each batch, save this session's incident with the checked save (the
        window, which holds the edit lock); otherwise only the send record is merged into the file as
        it is on disk (the command line, which does not). `chat`: also post to the notice's chat
        destinations (a test send never does). Safe to run on a worker thread."""
        options = {} if timeout is None else {"timeout": timeout}
        result = send_notice(
            self.incident, notice, self.path or "", account, password, renderer=self.services.renderer,
            settings=self.services.settings, persist=self.save_from_worker if persist_whole and not test else None,
            on_progress=on_progress, cancel=cancel, include_unknown=include_unknown, test_to_self=test,
            edit_lock=self.lock.info if self.lock is not None else None,
            webhooks=self.services.webhooks if chat and not test else None, **options)
        if not test and result.accepted:
            result.notes.extend(publish_after_send(self.services.settings, self.path, self.services.renderer))
        return result

    def after_send(self) -> Changes:
        """Tell the views, on their own thread, that a send changed the notice's record."""
        return self._did(Changes(content=True, notices=True, review=True, file=True))


def _refusals(incident: Incident, notice: Notice, fields: dict[str, str], times: dict[str, str]) -> list[str]:
    """What each value would be refused for, named by its field, without changing anything."""
    trial = Notice(notice.kind, dict(notice.fields), id=notice.id, created=notice.created,
                   translation=dict(notice.translation))
    problems = []
    for name, value in [*fields.items(), *((f"time {name}", value) for name, value in times.items())]:
        try:
            if name.startswith("time "):
                Incident(times={name[5:]: value})  # a time alone; their order is checked when they are set
            else:
                bilingual.set_value(incident, trial, name, value)
        except EDIT_ERRORS as exc:
            label = name[5:] if name.startswith("time ") else name
            problems.append(str(exc) if label in str(exc) else f"{label}: {exc}")
    return problems

