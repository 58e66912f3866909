"""Sending one notice of an incident: build (or reload) the message, archive it, deliver, record.

The incident file is saved after every batch, so it always says who has the notice. The archived
`.eml` holds the exact bytes handed to the server; a retry sends those same bytes (same
Message-ID, same Date) to the recipients who have not accepted them yet.

Once the email has reached anyone, the notice's chat text (Rendered.chat: the approved short version
and this machine's status page link) is posted to the destinations its Chat posts field names
(core/chat/), under the same send lock, each post recorded in
`notice.sent.posts` before and after its request. A retry posts only where it has not been posted
(or may have been), also when the email already reached everyone.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..chat import record as chat_record
from ..chat.destinations import resolve
from ..chat.posting import ChatSetupError, PostOutcome, post_notice, webhook_urls
from ..i18n import _
from ..incident.chat_destinations import ChatDestination
from ..incident.model import Incident, Notice
from ..incident.times import isoformat_utc, now_utc
from ..keyring_store import KeyringStore
from ..render.renderer import Rendered, Renderer
from ..review import audit, send_gate
from ..review import workflow as review
from ..settings import Settings
from ..storage import fileformat
from ..storage.atomic import atomic_write_bytes
from ..storage.locks import LockInfo, SendBusy, SendLock
from . import archive as archives
from . import on_disk, record, resend
from .accounts import Account
from .archive import ArchiveError, archive_folder
from .delivery import (
    CancelFlag,
    DeliveryReport,
    ProgressCallback,
    RecipientResult,
    deliver,
)
from .message import Sender, build_message
from .message_ids import one_off_message_id
from .plan import Plan, SendError, plan, refuse_if_nobody  # noqa: F401 (re-exported: the send's interface)
from .transport import DEFAULT_TIMEOUT

TEST_SUBJECT_PREFIX = "[TEST] "


@dataclass
class SendResult:
    notice_number: int
    recipients: list[str]  # everyone the notice is addressed to
    attempted: list[str]  # who this run tried
    report: DeliveryReport
    test: bool = False
    archive: Path | None = None
    template_problems: tuple = ()
    already_had_it: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # things the sender should know, e.g. an edit kept aside
    posts: list[PostOutcome] = field(default_factory=list)  # this run's chat posts

    @property
    def accepted(self) -> list[str]:
        return self.report.accepted

    @property
    def ok(self) -> bool:
        return (self.report.problem is None and not self.report.cancelled and self.report.complete
                and all(p.ok for p in self.posts))

    def summary(self) -> str:
        got, tried = len(self.accepted), len(self.attempted)
        line = _("Test message: {got} of {count} recipients accepted.") if self.test else \
            _("Notice {number}: {got} of {count} recipients accepted.")
        lines = [line.format(number=self.notice_number, got=got, count=tried)] if self.attempted else []
        if self.already_had_it:
            lines.append(_("{count} recipients had it already and were not sent it again.").format(
                count=len(self.already_had_it)))
        if self.report.cancelled:
            left = len(self.report.with_status(record.PENDING))
            lines.append(_("Stopped on request; {count} recipients were not tried. Send again to reach them.").format(
                count=left))
        if self.report.problem is not None:
            lines.append(str(self.report.problem))
        lines += [p.describe() for p in self.posts]
        return "\n".join(lines + self.notes)


def sender_of(account: Account) -> Sender:
    return Sender(address=account.sender_address, name=account.sender_name, reply_to=account.reply_to)


def build_bytes(incident: Incident, notice: Notice, account: Account, renderer: Renderer,
                *, test: bool = False) -> tuple[bytes, Rendered]:
    rendered = renderer.render(incident, notice)
    sender = sender_of(account)
    if test:
        msg = build_message(incident, notice, rendered, sender, to_override=[account.sender_address])
        msg.replace_header("Subject", TEST_SUBJECT_PREFIX + str(msg["Subject"]))
        # A test copy must not share the real notice's Message-ID: mail clients drop "duplicates".
        msg.replace_header("Message-ID", one_off_message_id("test", sender.domain))
    else:
        msg = build_message(incident, notice, rendered, sender)
    return msg.as_bytes(), rendered


def _adopt_from_disk(path: Path, notice: Notice, number: int) -> Incident:
    """Take the notice's sent and review records from the file as it is now (under the send lock):
    another sender may have sent it since this copy was read. Returns the file's incident."""
    try:
        disk = fileformat.load(path)
    except fileformat.IncidentFileError as exc:
        raise SendError(str(exc)) from None
    twin = next((n for n in disk.notices if n.id == notice.id), None)
    if twin is None or twin.fields != notice.fields:
        raise SendError(_("{file} changed since it was read: notice {number} is different there now. "
                          "Open the file again, then send.").format(file=path.name, number=number))
    notice.sent, notice.review = twin.sent, twin.review
    return disk


def _has_sent_entry(notice: Notice, *incidents: Incident) -> bool:
    return any(e.get("event") == audit.SENT and e.get("notice") == notice.id for i in incidents for e in i.log)


def send_notice(
    incident: Incident,
    notice: Notice,
    incident_path: str | os.PathLike,
    account: Account,
    password: str | None,
    *,
    renderer: Renderer,
    settings: Settings,
    persist: Callable[[], None] | None = None,
    on_progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    include_unknown: bool = False,
    test_to_self: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    edit_lock: LockInfo | None = None,
    webhooks: KeyringStore | None = None,
) -> SendResult:
    """Send `notice` (or the rest of it) and record the outcome in `notice.sent`.

    Holds the incident's send lock throughout (SendError naming who sends, or who has the file open
    for editing; `edit_lock` is the caller's own). `persist` saves the incident (default: the send
    record merged into the file as it is on disk, see on_disk.py); it runs after every change to the
    record. Raises SendError for a notice that cannot be sent as asked, and review.ApprovalError when
    approval is required and the exact text about to go out has no valid approval; delivery faults
    come back in `result.report.problem`. `webhooks` (the chat webhook URLs, chat/secrets.py) posts
    the notice to its chat destinations after the email; None sends no chat post (they stay pending
    in the record, for a later send). A test send never posts.
    """
    path = Path(incident_path)
    number = incident.number(notice)

    if test_to_self:
        data, rendered = build_bytes(incident, notice, account, renderer, test=True)
        report = deliver(account, password, data, [account.sender_address], on_progress=on_progress,
                         cancel=cancel, timeout=timeout)
        return SendResult(number, [account.sender_address], [account.sender_address], report, test=True,
                          template_problems=rendered.problems)

    lock = SendLock(path, user=settings.identity(), stale_after=settings.lock_stale_after_seconds,
                    own_edit_lock=edit_lock)
    try:
        lock.acquire()
    except SendBusy as exc:
        raise SendError(str(exc)) from None
    try:
        disk = _adopt_from_disk(path, notice, number)
        return _send_locked(incident, notice, disk, path, number, account, password, renderer, settings,
                            lock, persist, on_progress, cancel, include_unknown, timeout, webhooks)
    finally:
        lock.release()


def chat_destinations_of(rendered: Rendered, renderer: Renderer) -> tuple[ChatDestination, ...]:
    """The destinations a first send posts to: those the rendering names (the notice's Chat posts), as the
    renderer's settings know them; SendError for a name they lack, before anything is sent."""
    try:
        return resolve(rendered.chat_to, renderer.chat_destinations)
    except ChatSetupError as exc:
        raise SendError(str(exc)) from None


def chat_urls(destinations: tuple[ChatDestination, ...], webhooks: KeyringStore | None) -> dict[str, str]:
    """The webhook URL of each destination; SendError naming those without one (before anything is sent)."""
    if webhooks is None:
        return {}
    try:
        return webhook_urls(destinations, webhooks)
    except ChatSetupError as exc:
        raise SendError(str(exc)) from None


def _send_locked(incident, notice, disk, path, number, account, password, renderer, settings, lock,
                 persist, on_progress, cancel, include_unknown, timeout, webhooks) -> SendResult:
    what = plan(notice, include_unknown=include_unknown)
    if webhooks is None:  # no chat posts this time: only the email counts
        what = dataclasses.replace(what, posts=())
    refuse_if_nobody(what, notice)

    now = isoformat_utc(now_utc())
    problems: tuple = ()
    log_start = len(incident.log)
    notes: list[str] = []
    signer = None
    if notice.sent is not None:  # a retry: the very same bytes as before, if they are what was approved
        try:
            data, rendered = resend.retry_message(incident, notice, path, sender_of(account), renderer, settings)
        except ArchiveError as exc:
            raise SendError(_("Notice {number} cannot be sent to the rest: {reason}. Nothing was sent.").format(
                number=number, reason=exc)) from None
        archive = path.parent / (notice.sent.archive or "")
        sent = notice.sent
        fresh = False
        chats = what.posts
    else:
        data, rendered = build_bytes(incident, notice, account, renderer)
        # The last moment: the approval must cover exactly these bytes' subject, bodies and recipients.
        signer = send_gate.check_can_send(incident, notice, rendered, settings)
        if signer:
            notes.append(_("Approval signed by {signer} (key in {file}).").format(
                signer=signer, file=settings.allowed_signers_path()))
        _refuse_if_archived(path, data, number)
        problems = rendered.problems
        stamp = now.replace("-", "").replace(":", "")
        archive = archive_folder(path) / f"{number:02d}-{notice.kind}-{stamp}.eml"
        sent = record.new(time=now, account=account.name, message_id=archives.message_id(data),
                          archive=archive.relative_to(path.parent).as_posix(), sha256=archives.sha256(data),
                          addressed=what.recipients)
        chats = chat_destinations_of(rendered, renderer)
        chat_record.plan(sent, chats)  # every destination pending: a send with no chat posts them later
        fresh = True
    urls = chat_urls(chats, webhooks)  # before anything goes out: a missing URL stops the send here

    def save() -> None:
        lock.refresh()
        if persist is not None:
            persist()
            return
        try:
            _merged, note = on_disk.merge_send_record(path, incident, notice, incident.log[log_start:])
        except on_disk.RecordNotSaved as exc:
            raise SendError(str(exc)) from None
        if note and note not in notes:
            notes.append(note)

    attempt = {"time": now, "account": account.name, "test": False, "recipients": len(what.targets),
               "accepted": 0, "not_accepted": 0, "problem": None, "cancelled": False, "finished": None}
    if what.targets:
        record.add_attempt(sent, attempt)
    if not fresh:
        save()

    def on_results(results: list[RecipientResult]) -> None:
        record.apply(sent, results, isoformat_utc(now_utc()))
        if notice.sent is None:
            if not any(r.status in record.MAY_HAVE_IT for r in results):
                return  # nobody can have it yet: the notice stays a draft
            archive.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(archive, data)  # before the record that names it
            notice.sent = sent
        save()

    if what.targets:
        report = deliver(account, password, data, what.targets, on_results=on_results, on_progress=on_progress,
                         cancel=cancel, timeout=timeout)
    else:  # everyone has the email: this send only posts to chat
        report = DeliveryReport([])

    attempt.update(accepted=len(report.accepted), not_accepted=len(what.targets) - len(report.accepted),
                   problem=str(report.problem) if report.problem else None, cancelled=report.cancelled,
                   finished=isoformat_utc(now_utc()))
    if fresh and notice.sent is not None and not record.may_have_it(sent):
        # Handed over but refused as a whole (552, 421 after DATA...): nobody has it, back to a draft.
        notice.sent = None
        save()
        archive.unlink(missing_ok=True)
    elif notice.sent is not None:
        # The audit trail says "sent" once the server has answered, not while handing over; a retry
        # that completes a killed send writes the entry that send never wrote.
        if record.may_have_it(sent) and not _has_sent_entry(notice, incident, disk):
            review.record_sent(incident, notice, rendered, settings.identity(),
                               comment=f"approval signed by {signer}" if signer else None)
        save()
    posts = []
    if urls and notice.sent is not None and record.may_have_it(sent) and not report.cancelled:
        if rendered.chat:
            posts = post_notice(sent, chats, urls, rendered.chat, save)
        else:
            notes.append(_("Nothing was posted to chat: the notice has no chat text now (its Chat posts name no "
                           "destination)."))
    return SendResult(number, what.recipients, what.targets, report,
                      archive=archive if notice.sent is not None else None,
                      template_problems=problems, already_had_it=what.already, notes=notes, posts=posts)


def _refuse_if_archived(path: Path, data: bytes, number: int) -> None:
    """An archive with this notice's Message-ID beside the file means it went out (or may have):
    this file is then an older copy (restored, or synced back), and sending it again would repeat it."""
    found = archives.find_with_message_id(path, archives.message_id(data))
    if found is not None:
        raise SendError(_(
            "Notice {number} may have been sent already: {folder}/{archive} beside the file carries its Message-ID, "
            "but this file does not record that send (it may be an older copy, restored or synced back). Open the "
            "newest copy of the incident instead. If you are sure nobody received that message, move {archive} out "
            "of {folder}/ and send again.").format(number=number, folder=found.parent.name, archive=found.name))
