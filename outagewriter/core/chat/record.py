"""What `notice.sent.posts` says about each chat destination (PostStatus, core/incident/records.py).

    "posts": {"Status channel": {"status": "posted", "service": "slack", "reply": "200 ok", "time": "..."}}

  posted   the service took the post (2xx): never posted again
  failed   it refused (4xx, 5xx) or could not be reached before anything was sent: a retry posts it
  unknown  the connection broke after the post was sent: it may be in the channel, so a retry leaves
           it out unless forced
  sending  in flight; a file that still says this after a crash means "unknown"
  pending  not tried yet (the first send records every destination as pending before posting)
Pure data, no I/O.
"""
from __future__ import annotations

from ..incident.chat_destinations import ChatDestination
from ..incident.records import PostStatus, SentRecord

POSTED, FAILED, UNKNOWN, SENDING, PENDING = "posted", "failed", "unknown", "sending", "pending"
STATUSES = (POSTED, FAILED, UNKNOWN, SENDING, PENDING)
MAY_HAVE_IT = (POSTED, UNKNOWN, SENDING)


def plan(sent: SentRecord, destinations: tuple[ChatDestination, ...]) -> None:
    """Name every destination the notice goes to as pending, keeping what is recorded already."""
    if sent.posts is None:
        sent.posts = {}
    for destination in destinations:
        sent.posts.setdefault(destination.name, PostStatus(PENDING, destination.service))


def status(sent: SentRecord | None, name: str) -> str:
    entry = ((sent.posts if sent else None) or {}).get(name)
    return entry.status if entry else PENDING


def destinations(sent: SentRecord | None) -> tuple[ChatDestination, ...]:
    """Every destination the record names, as recorded (name and service)."""
    posts = (sent.posts if sent else None) or {}
    return tuple(ChatDestination(name, entry.service or "") for name, entry in posts.items())


def remaining(sent: SentRecord | None, *, include_unknown: bool = False) -> tuple[ChatDestination, ...]:
    """Where a (re)send posts: pending and failed ones; unknown and sending ones only when forced."""
    skip = (POSTED,) if include_unknown else MAY_HAVE_IT
    return tuple(d for d in destinations(sent) if status(sent, d.name) not in skip)


def with_status(sent: SentRecord | None, *statuses: str) -> list[str]:
    return [d.name for d in destinations(sent) if status(sent, d.name) in statuses]


def mark(sent: SentRecord, destination: ChatDestination, new_status: str, reply: str | None, time: str) -> None:
    """Record the latest result for one destination; posted stays posted."""
    if sent.posts is None:
        sent.posts = {}
    if status(sent, destination.name) == POSTED:
        return
    sent.posts[destination.name] = PostStatus(new_status, destination.service, reply or None, time)
