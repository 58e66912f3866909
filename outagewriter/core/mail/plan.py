"""Whom a send of a notice would reach, from its recipients and its send record; and when there is nobody."""
from __future__ import annotations

from dataclasses import dataclass

from ..chat import record as chat_record
from ..i18n import _
from ..incident.chat_destinations import ChatDestination
from ..incident.model import Notice
from . import record
from .message import recipients as notice_recipients


class SendError(ValueError):
    """The notice cannot be sent as asked (no recipients, nothing left, archive missing); plain words."""


@dataclass(frozen=True)
class Plan:
    """Who a send would reach, for a confirmation dialog."""

    recipients: list[str]
    targets: list[str]
    already: list[str]  # accepted earlier
    unknown: list[str]  # may have it (a crash or dropped connection); left out unless asked
    retry: bool
    posts: tuple[ChatDestination, ...] = ()  # a retry's chat destinations still to post to (a first
    # send's come from its rendering: Rendered.chat_to)


def plan(notice: Notice, *, include_unknown: bool = False) -> Plan:
    sent = notice.sent
    # Whom a retry may reach was fixed at the first send; addresses added since reach nobody.
    everyone = record.addressed(sent) or notice_recipients(notice)
    return Plan(
        recipients=everyone,
        targets=record.remaining(sent, everyone, include_unknown=include_unknown),
        already=record.with_status(sent, everyone, record.ACCEPTED),
        unknown=record.with_status(sent, everyone, record.UNKNOWN, record.SENDING),
        retry=sent is not None,
        posts=chat_record.remaining(sent, include_unknown=include_unknown),
    )


def refuse_if_nobody(what: Plan, notice: Notice) -> None:
    """SendError when there is nobody (left) to send the notice to, saying why in plain words."""
    if not what.recipients:
        raise SendError(_("The notice has no recipients: fill in To, Cc or Bcc."))
    if not what.targets and not what.posts:
        if what.unknown:
            raise SendError(
                _("{count} recipients may already have this notice (the connection broke or the app stopped while "
                  "it was being handed over), and everyone else has it. Ask the server's administrator or check "
                  "the Sent folder; send to them anyway only if they did not get it.").format(count=len(what.unknown)))
        raise SendError(_("Every recipient has this notice already (sent {time}).").format(time=notice.sent.time or ""))
