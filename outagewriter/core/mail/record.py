"""What `notice.sent` holds once a notice has (possibly) reached anyone, and how retries extend it.

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
Pure data, no I/O: `fileformat` calls `check` when it loads a file.
"""
from __future__ import annotations

import re
from typing import Iterable

# Per-recipient states (see delivery.py for what each means).
ACCEPTED, REFUSED, DEFERRED, UNKNOWN, SENDING, PENDING = (
    "accepted", "refused", "deferred", "unknown", "sending", "pending")
STATUSES = (ACCEPTED, REFUSED, DEFERRED, UNKNOWN, SENDING, PENDING)
FINAL = (ACCEPTED, REFUSED, DEFERRED, UNKNOWN)
MAY_HAVE_IT = (ACCEPTED, UNKNOWN, SENDING)


def new(*, time: str, account: str, message_id: str, archive: str, sha256: str, addressed: list[str]) -> dict:
    return {"time": time, "account": account, "message_id": message_id, "archive": archive,
            "sha256": sha256, "addressed": list(addressed), "recipients": {}, "attempts": []}


def addressed(sent: dict | None) -> list[str]:
    """Whom the notice was addressed to when it first went out ([] if the record does not say)."""
    return list((sent or {}).get("addressed") or [])


def status(sent: dict | None, address: str) -> str:
    if not sent:
        return PENDING
    entry = sent.get("recipients", {}).get(address)
    return entry["status"] if entry else PENDING


def apply(sent: dict, results: Iterable, time: str) -> None:
    """Record new per-recipient states (objects with address, status, reply); accepted stays accepted."""
    table = sent.setdefault("recipients", {})
    for result in results:
        if status(sent, result.address) == ACCEPTED:
            continue
        table[result.address] = {"status": result.status, "reply": result.reply, "time": time}


def with_status(sent: dict | None, recipients: list[str], *statuses: str) -> list[str]:
    return [r for r in recipients if status(sent, r) in statuses]


def accepted(sent: dict | None) -> list[str]:
    return [a for a, e in (sent or {}).get("recipients", {}).items() if e["status"] == ACCEPTED]


def not_accepted(sent: dict | None) -> dict[str, str]:
    """Recipients the server did not take (refused, deferred, unknown...), with its words."""
    return {a: f"{e['status']}: {e.get('reply', '')}".rstrip(": ")
            for a, e in (sent or {}).get("recipients", {}).items() if e["status"] != ACCEPTED}


def may_have_it(sent: dict | None) -> bool:
    return any(e["status"] in MAY_HAVE_IT for e in (sent or {}).get("recipients", {}).values())


def remaining(sent: dict | None, recipients: list[str], *, include_unknown: bool = False) -> list[str]:
    """Who a (re)send goes to: everyone who has not accepted it; unknown ones only when asked."""
    skip = (ACCEPTED,) if include_unknown else MAY_HAVE_IT
    return [r for r in recipients if status(sent, r) not in skip]


def check(sent, where: str = "'sent'") -> None:
    """Raise ValueError (plain words) if a loaded record is malformed. Records without per-recipient
    data (written by other tools, or older drafts of this format) are accepted as they are."""
    if not isinstance(sent, dict):
        raise ValueError(f"{where} should be an object")
    for key in ("time", "account", "message_id", "archive", "sha256"):
        if key in sent and not isinstance(sent[key], str):
            raise ValueError(f"{where} '{key}' should be text")
    if "sha256" in sent and not re.fullmatch(r"[0-9a-f]{64}", sent["sha256"]):
        raise ValueError(f"{where} 'sha256' should be 64 lower-case hex digits")
    listed = sent.get("addressed", [])
    if not isinstance(listed, list) or not all(isinstance(a, str) for a in listed):
        raise ValueError(f"{where} 'addressed' should be a list of addresses")
    table = sent.get("recipients", {})
    if not isinstance(table, dict):
        raise ValueError(f"{where} 'recipients' should be an object")
    for address, entry in table.items():
        if not isinstance(entry, dict) or entry.get("status") not in STATUSES:
            raise ValueError(f"{where} recipient {address!r} has no valid status "
                             f"(one of {', '.join(STATUSES)})")
        if not isinstance(entry.get("reply", ""), str):
            raise ValueError(f"{where} recipient {address!r} 'reply' should be text")
    attempts = sent.get("attempts", [])
    if not isinstance(attempts, list) or not all(isinstance(a, dict) for a in attempts):
        raise ValueError(f"{where} 'attempts' should be a list of objects")
