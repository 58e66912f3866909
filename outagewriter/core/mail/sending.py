"""Sending one notice of an incident: build (or reload) the message, archive it, deliver, record.

The incident file is saved after every batch, so it always says who has the notice. The archived
`.eml` holds the exact bytes handed to the server; a retry sends those same bytes (same
Message-ID, same Date) to the recipients who have not accepted them yet.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from email.parser import BytesHeaderParser
from pathlib import Path
from typing import Callable

from .. import fileformat, paths, review
from ..atomic import atomic_write_bytes
from ..message import Sender, build_message, recipients as notice_recipients
from ..message_ids import one_off_message_id
from ..model import Incident, Notice
from ..render import Rendered, Renderer
from ..settings import Settings, load_settings
from ..timeutil import isoformat_utc, now_utc
from . import record
from .accounts import Account
from .delivery import CancelFlag, DeliveryReport, ProgressCallback, RecipientResult, deliver
from .transport import DEFAULT_TIMEOUT

TEST_SUBJECT_PREFIX = "[TEST] "


class SendError(ValueError):
    """The notice cannot be sent as asked (no recipients, nothing left, archive missing); plain words."""


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

    @property
    def accepted(self) -> list[str]:
        return self.report.accepted

    @property
    def ok(self) -> bool:
        return self.report.problem is None and not self.report.cancelled and self.report.complete

    def summary(self) -> str:
        got = len(self.accepted)
        what = "Test message" if self.test else f"Notice {self.notice_number}"
        lines = [f"{what}: {got} of {len(self.attempted)} recipients accepted."]
        if self.already_had_it:
            lines.append(f"{len(self.already_had_it)} recipients had it already and were not sent it again.")
        if self.report.cancelled:
            left = len(self.report.with_status(record.PENDING))
            lines.append(f"Stopped on request; {left} recipients were not tried. Send again to reach them.")
        if self.report.problem is not None:
            lines.append(str(self.report.problem))
        return "\n".join(lines)


@dataclass(frozen=True)
class Plan:
    """Who a send would reach, for a confirmation dialog."""

    recipients: list[str]
    targets: list[str]
    already: list[str]  # accepted earlier
    unknown: list[str]  # may have it (a crash or dropped connection); left out unless asked
    retry: bool


def plan(notice: Notice, *, include_unknown: bool = False) -> Plan:
    everyone = notice_recipients(notice)
    sent = notice.sent
    return Plan(
        recipients=everyone,
        targets=record.remaining(sent, everyone, include_unknown=include_unknown),
        already=record.with_status(sent, everyone, record.ACCEPTED),
        unknown=record.with_status(sent, everyone, record.UNKNOWN, record.SENDING),
        retry=sent is not None,
    )


def archive_folder(incident_path: str | os.PathLike) -> Path:
    path = Path(incident_path)
    return path.with_name(f"{path.stem}.sent")


def sender_of(account: Account) -> Sender:
    return Sender(address=account.sender_address, name=account.sender_name, reply_to=account.reply_to)


def _message_id(data: bytes) -> str:
    return str(BytesHeaderParser().parsebytes(data).get("Message-ID", "")).strip()


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


def send_notice(
    incident: Incident,
    notice: Notice,
    incident_path: str | os.PathLike,
    account: Account,
    password: str | None,
    *,
    renderer: Renderer | None = None,
    persist: Callable[[], None] | None = None,
    on_progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    include_unknown: bool = False,
    test_to_self: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    settings: Settings | None = None,
) -> SendResult:
    """Send `notice` (or the rest of it) and record the outcome in `notice.sent`.

    `persist` saves the incident (default: atomically to `incident_path`); it runs after every
    change to the record. Raises SendError for a notice that cannot be sent as asked, and
    review.ApprovalError when approval is required and the exact text about to go out has no
    valid approval; delivery faults come back in `result.report.problem`.
    """
    path = Path(incident_path)
    number = incident.notices.index(notice) + 1
    renderer = renderer or Renderer(user_dir=paths.config_dir() / "templates")
    settings = settings if settings is not None else load_settings()
    save = persist or (lambda: fileformat.save(incident, path))

    if test_to_self:
        data, rendered = build_bytes(incident, notice, account, renderer, test=True)
        report = deliver(account, password, data, [account.sender_address], on_progress=on_progress,
                         cancel=cancel, timeout=timeout)
        return SendResult(number, [account.sender_address], [account.sender_address], report, test=True,
                          template_problems=rendered.problems)

    what = plan(notice, include_unknown=include_unknown)
    if not what.recipients:
        raise SendError("The notice has no recipients: fill in To, Cc or Bcc.")
    if not what.targets:
        if what.unknown:
            raise SendError(
                f"{len(what.unknown)} recipients may already have this notice (the connection broke or the "
                "app stopped while it was being handed over), and everyone else has it. Ask the server's "
                "administrator or check the Sent folder; send to them anyway only if they did not get it.")
        raise SendError(f"Every recipient has this notice already (sent {notice.sent.get('time', '')}).")

    now = isoformat_utc(now_utc())
    problems: tuple = ()
    if notice.sent is not None:  # a retry: the very same bytes as before
        archive = path.parent / notice.sent.get("archive", "")
        if not notice.sent.get("archive") or not archive.is_file():
            raise SendError(f"The archived message of notice {number} is missing ({archive}); without it the "
                            "rest of the recipients cannot get the same message. Restore the file and retry.")
        data = archive.read_bytes()
        sent = notice.sent
        fresh = False
    else:
        data, rendered = build_bytes(incident, notice, account, renderer)
        # The last moment: the approval must cover exactly these bytes' subject, bodies and recipients.
        review.check_can_send(incident, notice, rendered, settings)
        problems = rendered.problems
        stamp = now.replace("-", "").replace(":", "")
        archive = archive_folder(path) / f"{number:02d}-{notice.kind}-{stamp}.eml"
        sent = record.new(time=now, account=account.name, message_id=_message_id(data),
                          archive=archive.relative_to(path.parent).as_posix())
        fresh = True
    attempt = {"time": now, "account": account.name, "test": False, "recipients": len(what.targets),
               "accepted": 0, "not_accepted": 0, "problem": None, "cancelled": False, "finished": None}
    sent.setdefault("attempts", []).append(attempt)
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

    report = deliver(account, password, data, what.targets, on_results=on_results, on_progress=on_progress,
                     cancel=cancel, timeout=timeout)

    attempt.update(accepted=len(report.accepted), not_accepted=len(what.targets) - len(report.accepted),
                   problem=str(report.problem) if report.problem else None, cancelled=report.cancelled,
                   finished=isoformat_utc(now_utc()))
    if fresh and notice.sent is not None and not record.may_have_it(sent):
        # Handed over but refused as a whole (552, 421 after DATA...): nobody has it, back to a draft.
        notice.sent = None
        save()
        archive.unlink(missing_ok=True)
    elif notice.sent is not None:
        if fresh:  # the audit trail says "sent" once the server has answered, not while handing over
            review.record_sent(incident, notice, rendered, settings.identity())
        save()
    return SendResult(number, what.recipients, what.targets, report,
                      archive=archive if notice.sent is not None else None,
                      template_problems=problems, already_had_it=what.already)
