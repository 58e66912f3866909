"""Handing one message to the server for many recipients, in batches, recording each answer.

Every recipient ends in one of these states:
  accepted  the server took the message for them (never sent to them again)
  refused   the server refused them permanently (5xx): the address is probably wrong
  deferred  the server refused them for now (4xx): sending again may work
  unknown   the connection broke after the message was handed over: they may have it, so they are
            not sent again unless the user says so
  sending   in flight; a file that still says this after a crash means "unknown"
  pending   not tried yet (cancelled, or an earlier fault stopped the run)
`on_results` is called with new states as they happen, before the message data goes out
("sending") and after the server's answer, so the caller can save them: a crash at any moment
never leads to a second copy for anyone.
"""
from __future__ import annotations

import re
import smtplib
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterable, Protocol

from ..i18n import _
from . import errors
from .accounts import Account
from .errors import MailError, reply_text, scrub, secret_forms
from .record import (  # noqa: F401 (re-exported)
    ACCEPTED,
    DEFERRED,
    FINAL,
    PENDING,
    REFUSED,
    SENDING,
    STATUSES,
    UNKNOWN,
)
from .transport import (
    DEFAULT_TIMEOUT,
    closing,
    connect,
    explain,
    quit_quietly,
    server_size_limit,
)


class CancelFlag(Protocol):
    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class RecipientResult:
    address: str
    status: str
    reply: str = ""  # the server's words, e.g. "550 5.1.1 No such user"


@dataclass
class DeliveryReport:
    recipients: list[str]
    results: dict[str, RecipientResult] = field(default_factory=dict)
    problem: MailError | None = None  # what stopped or spoiled the run, in plain words
    cancelled: bool = False

    def with_status(self, *statuses: str) -> list[str]:
        return [r for r in self.recipients if self.status(r) in statuses]

    def status(self, address: str) -> str:
        result = self.results.get(address)
        return result.status if result else PENDING

    @property
    def accepted(self) -> list[str]:
        return self.with_status(ACCEPTED)

    @property
    def complete(self) -> bool:
        return len(self.accepted) == len(self.recipients)


ResultsCallback = Callable[[list[RecipientResult]], None]
ProgressCallback = Callable[[int, int], None]


class _Stop(Exception):
    def __init__(self, problem: MailError):
        self.problem = problem


def _is_ascii(text: str) -> bool:
    return text.isascii()


def deliver(
    account: Account,
    password: str | None,
    message: bytes,
    recipients: Iterable[str],
    *,
    envelope_from: str | None = None,
    on_results: ResultsCallback | None = None,
    on_progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    batch_size: int | None = None,
) -> DeliveryReport:
    """Send `message` (bytes exactly as they go out) to each recipient once.

    Never raises MailError: faults end up in `report.problem`. Exceptions raised by the callbacks
    propagate (the caller's crash), after the connection is closed.
    """
    todo = list(dict.fromkeys(recipients))
    report = DeliveryReport(todo)
    sender = envelope_from or account.sender_address
    size = batch_size or account.batch_size
    secrets = secret_forms(account.username, password)

    def record(items: list[RecipientResult]) -> None:
        for item in items:
            report.results[item.address] = item
        if on_results and items:
            on_results(items)

    def progress() -> None:
        if on_progress:
            on_progress(sum(1 for r in report.results.values() if r.status in FINAL), len(todo))

    if not todo:
        return report
    try:
        smtp = connect(account, password, timeout=timeout)
    except MailError as exc:
        report.problem = exc
        return report
    queue = deque(todo)
    try:
        limit = server_size_limit(smtp)
        if limit and len(message) > limit:
            raise _Stop(MailError(
                errors.TOO_LARGE,
                _("The message is {size:,} bytes; {where} takes at most {limit:,}.").format(
                    size=len(message), where=account.where, limit=limit),
                _("Shorten the notice (move long logs out of the appendix) and send again.")))
        while queue:
            if cancel is not None and cancel.is_set():
                report.cancelled = True
                break
            batch = [queue.popleft() for _ in range(min(size, len(queue)))]
            size = _send_batch(smtp, account, password, message, sender, batch, queue, size, record, secrets,
                               timeout)
            progress()
        quit_quietly(smtp)
    except _Stop as stop:
        report.problem = stop.problem
        _close(smtp, polite=stop.problem.kind not in (errors.DROPPED, errors.TIMEOUT))
    except BaseException:
        _close(smtp, polite=False)
        raise
    if report.problem is None:
        missed = report.with_status(REFUSED, DEFERRED)
        if missed:
            report.problem = _recipients_problem(report, missed, account)
    progress()
    return report


def _send_batch(smtp, account, password, message, sender, batch, queue, size, record, secrets,
                timeout) -> int:
    """One SMTP transaction; returns the batch size to use from now on."""
    options = []
    if not all(_is_ascii(a) for a in batch + [sender]):
        if not smtp.has_extn("smtputf8"):
            record([RecipientResult(a, REFUSED, _("the server cannot take addresses with non-ASCII characters"))
                    for a in batch if not _is_ascii(a)])
            batch = [a for a in batch if _is_ascii(a)]
            if not batch or not _is_ascii(sender):
                return size
        else:
            options.append("SMTPUTF8")
    if smtp.has_extn("size"):
        options.append(f"SIZE={len(message)}")
    try:
        code, resp = smtp.mail(sender, options)
        text = scrub(reply_text(code, resp), secrets)
        if code == 421:
            raise _Stop(closing(account, text))
        if code == 552:
            raise _Stop(_too_large(account, text))
        if code != 250:
            kind = errors.TEMPORARY if 400 <= code < 500 else errors.REJECTED
            raise _Stop(MailError(kind, _("{where} refused the sender address {sender} ({reply}).").format(
                where=account.where, sender=sender, reply=text),
                _("Use the address that belongs to this account as the sender, or ask the mail administrator."),
                code=code))
        took: list[str] = []
        answers: list[RecipientResult] = []
        for position, address in enumerate(batch):
            code, resp = smtp.rcpt(address)
            text = scrub(reply_text(code, resp), secrets)
            if code in (250, 251, 252):
                took.append(address)
            elif code == 421:
                record(answers)
                raise _Stop(closing(account, text))
            elif code == 452 and took:
                # "too many recipients": the rest go in the next transaction, in smaller batches
                queue.extendleft(reversed(batch[position:]))
                size = len(took)
                break
            elif 400 <= code < 500:
                answers.append(RecipientResult(address, DEFERRED, text))
            else:
                answers.append(RecipientResult(address, REFUSED, text))
        if not took:
            record(answers)
            smtp.rset()
            return size
        record(answers + [RecipientResult(a, SENDING) for a in took])
    except (smtplib.SMTPException, OSError) as exc:
        raise _Stop(explain(exc, account, password, timeout=timeout)) from None
    try:
        code, resp = smtp.data(message)
    except smtplib.SMTPDataError as exc:  # refused before the data went out: nothing delivered
        code, resp = exc.smtp_code, exc.smtp_error
    except (smtplib.SMTPException, OSError) as exc:
        problem = explain(exc, account, password, timeout=timeout, after_data=True)
        record([RecipientResult(a, UNKNOWN, problem.message) for a in took])
        raise _Stop(problem) from None
    text = scrub(reply_text(code, resp), secrets)
    if code == 250:
        record([RecipientResult(a, ACCEPTED, text) for a in took])
        return size
    if code == 421:
        record([RecipientResult(a, PENDING, text) for a in took])
        raise _Stop(closing(account, text))
    if code == 552:
        record([RecipientResult(a, REFUSED, text) for a in took])
        raise _Stop(_too_large(account, text))
    if 400 <= code < 500:
        record([RecipientResult(a, DEFERRED, text) for a in took])
        return size  # e.g. greylisting: the other batches may still go through
    record([RecipientResult(a, REFUSED, text) for a in took])
    raise _Stop(MailError(errors.REJECTED, _("{where} refused the message ({reply}).").format(
        where=account.where, reply=text),
        _("The server's words above say why (often a spam filter or a policy); ask its administrator before "
          "sending again."), code=code))


def _too_large(account: Account, text: str) -> MailError:
    return MailError(errors.TOO_LARGE, _("{where} refused the message as too large or over its storage limit "
                                         "({reply}).").format(where=account.where, reply=text),
                     _("Shorten the notice (move long logs out of the appendix), or lower the account's batch "
                       "size if the server limits recipients, then send again."), code=552)


def _over_recipient_limit(reply: str) -> bool:
    """The server's words say it limits recipients per message (e.g. "550 5.5.3 Too many recipients")."""
    return bool(_TOO_MANY.search(reply))


_TOO_MANY = re.compile(r"too many recipients|\b[45]\.5\.3\b|recipient (?:limit|count) exceeded", re.IGNORECASE)


def _recipients_problem(report: DeliveryReport, missed: list[str], account: Account) -> MailError:
    limited = [a for a in missed if _over_recipient_limit(report.results[a].reply)]
    if limited:
        reply = report.results[limited[0]].reply
        return MailError(
            errors.RECIPIENTS,
            _("{missed} of {count} recipients were not accepted: {where} takes fewer recipients per message than "
              "the batch size of {batch} ({reply}).").format(missed=len(missed), count=len(report.recipients),
                                                              where=account.where, batch=account.batch_size,
                                                              reply=reply),
            _("The addresses are not the problem: lower the account's batch size (Mail accounts, or `outagewriter "
              "accounts add NAME --replace ... --batch-size N`) and send again; only those who have not got it get "
              "it."),
        )
    shown = _("; ").join(_("{address} ({reply})").format(address=a, reply=report.results[a].reply)
                         for a in missed[:5])
    more = _("; and {count} more").format(count=len(missed) - 5) if len(missed) > 5 else ""
    return MailError(
        errors.RECIPIENTS,
        _("{missed} of {count} recipients were not accepted: {addresses}{more}.").format(
            missed=len(missed), count=len(report.recipients), addresses=shown, more=more),
        _("Check these addresses. Sending again reaches only the recipients who have not got it."),
    )


def _close(smtp: smtplib.SMTP, *, polite: bool) -> None:
    if polite:
        quit_quietly(smtp)
    else:
        smtp.close()
