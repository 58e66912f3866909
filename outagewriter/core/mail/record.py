"""What `notice.sent` (a SentRecord, core/incident/records.py) says once a notice has (possibly) reached
anyone, and how retries extend it. In the file:

    {
      "time": "2026-11-27T10:15:02Z",        first attempt that handed the message over
      "account": "work",                     account of that attempt
      "message_id": "<...>",                 the Message-ID every copy carries
      "archive": "db.sent/01-initial-20261127T101502Z.eml",   relative to the incident file's folder
      "sha256": "<64 hex digits>",           of the archive's bytes, to tell it was not changed since
      "addressed": ["a@example.com", ...],   every envelope recipient at first send: all a retry may reach
      "recipients": {"a@example.com": {"status": "accepted", "reply": "250 OK", "time": "..."}, ...},
      "attempts": [{"time": ..., "account": ..., "test": false, "accepted": 48, "not_accepted": 2,
                    "problem": "plain words" | null, "cancelled": false, "finished": "..." | null}]
    }

A notice counts as sent once any recipient accepted it, or may have (status unknown/sending):
from then on it is immutable and a retry only reaches the recipients who have not got it.
Pure data, no I/O; the file's JSON Schema checks the shape when it is loaded.
"""
from __future__ import annotations

from typing import Iterable

from ..incident.records import RecipientStatus, SentRecord

# Per-recipient states (see delivery.py for what each means).
ACCEPTED, REFUSED, DEFERRED, UNKNOWN, SENDING, PENDING = (
    "accepted", "refused", "deferred", "unknown", "sending", "pending")
STATUSES = (ACCEPTED, REFUSED, DEFERRED, UNKNOWN, SENDING, PENDING)
FINAL = (ACCEPTED, REFUSED, DEFERRED, UNKNOWN)
MAY_HAVE_IT = (ACCEPTED, UNKNOWN, SENDING)


def new(*, time: str, account: str, message_id: str, archive: str, sha256: str,
        addressed: list[str]) -> SentRecord:
    return SentRecord(time=time, account=account, message_id=message_id, archive=archive, sha256=sha256,
                      addressed=list(addressed), recipients={}, attempts=[])


def _table(sent: SentRecord | None) -> dict[str, RecipientStatus]:
    return (sent.recipients if sent else None) or {}


def addressed(sent: SentRecord | None) -> list[str]:
    """Whom the notice was addressed to when it first went out ([] if the record does not say)."""
    return list((sent.addressed if sent else None) or [])


def status(sent: SentRecord | None, address: str) -> str:
    entry = _table(sent).get(address)
    return entry.status if entry else PENDING


def apply(sent: SentRecord, results: Iterable, time: str) -> None:
    """Record new per-recipient states (objects with address, status, reply); accepted stays accepted."""
    if sent.recipients is None:
        sent.recipients = {}
    for result in results:
        if status(sent, result.address) == ACCEPTED:
            continue
        sent.recipients[result.address] = RecipientStatus(result.status, result.reply, time)


def add_attempt(sent: SentRecord, attempt: dict) -> None:
    if sent.attempts is None:
        sent.attempts = []
    sent.attempts.append(attempt)


def with_status(sent: SentRecord | None, recipients: list[str], *statuses: str) -> list[str]:
    return [r for r in recipients if status(sent, r) in statuses]


def accepted(sent: SentRecord | None) -> list[str]:
    return [a for a, e in _table(sent).items() if e.status == ACCEPTED]


def not_accepted(sent: SentRecord | None) -> dict[str, str]:
    """Recipients the server did not take (refused, deferred, unknown...), with its words."""
    return {a: f"{e.status}: {e.reply or ''}".rstrip(": ") for a, e in _table(sent).items() if e.status != ACCEPTED}


def may_have_it(sent: SentRecord | None) -> bool:
    return any(e.status in MAY_HAVE_IT for e in _table(sent).values())


def remaining(sent: SentRecord | None, recipients: list[str], *, include_unknown: bool = False) -> list[str]:
    """Who a (re)send goes to: everyone who has not accepted it; unknown ones only when asked."""
    skip = (ACCEPTED,) if include_unknown else MAY_HAVE_IT
    return [r for r in recipients if status(sent, r) not in skip]
