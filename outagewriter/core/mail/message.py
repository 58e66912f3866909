"""The email itself: a multipart/alternative message built with Python's `email` package.

One incident reads as one thread: every notice has its own Message-ID, and each later notice
refers to the earlier ones with In-Reply-To and References, written raw (see message_ids). Bcc never appears in the headers;
the sender passes those recipients to SMTP separately.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

from ..i18n import _
from ..incident.fields import FieldError, parse_addresses
from ..incident.model import Incident, Notice
from ..incident.times import now_utc
from ..render.calendar import FILE_NAME as CALENDAR_FILE
from ..render.calendar import METHOD as CALENDAR_METHOD
from ..render.renderer import Rendered
from .message_ids import MAIL_POLICY, check_message_id, notice_message_id
from .transfer_encoding import body_encoding


@dataclass(frozen=True)
class Sender:
    address: str
    name: str = ""
    reply_to: str = ""

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2] or "localhost"


def _safe(name: str, value: str) -> str:
    # The policy would fold or reject some of these too, but a clear message beats a traceback.
    if "\r" in value or "\n" in value:
        raise FieldError(_("{header}: a line break is not allowed in a header").format(header=name))
    if any(unicodedata.category(c) == "Cc" for c in value):
        raise FieldError(_("{header}: a control character is not allowed in a header").format(header=name))
    return value


def message_id(incident: Incident, notice: Notice, domain: str) -> str:
    """The notice's Message-ID: the one it was sent with, else a stable short one made from its ids."""
    if notice.sent and notice.sent.message_id:
        return check_message_id(notice.sent.message_id, _("notice {id}: recorded message id").format(id=notice.id))
    return notice_message_id(incident.id, notice.id, domain)


def _addresses(value: str) -> list[Address]:
    return [Address(display_name=name, addr_spec=addr) for name, addr in parse_addresses(value)]


def recipients(notice: Notice) -> list[str]:
    """Every envelope recipient (To, Cc and Bcc), each once, in order."""
    seen: dict[str, None] = {}
    for name in ("to", "cc", "bcc"):
        for _name, addr in parse_addresses(notice.fields[name]):
            seen.setdefault(addr, None)
    return list(seen)


def build_message(
    incident: Incident,
    notice: Notice,
    rendered: Rendered,
    sender: Sender,
    *,
    to_override: list[str] | None = None,
) -> EmailMessage:
    """Build the message as it will be sent; `to_override` replaces To/Cc (e.g. a test to oneself)."""
    msg = EmailMessage(policy=MAIL_POLICY)
    msg["Subject"] = _safe("subject", rendered.subject)
    msg["From"] = Address(display_name=_safe("sender name", sender.name), addr_spec=_safe("sender", sender.address))
    if to_override is not None:
        msg["To"] = [Address(addr_spec=_safe("to", a)) for a in to_override]
    else:
        to, cc = _addresses(notice.fields["to"]), _addresses(notice.fields["cc"])
        if to:
            msg["To"] = to
        elif not cc:
            # Bcc-only notices still need a visible To; the sender itself is the usual choice.
            msg["To"] = msg["From"].addresses
        if cc:
            msg["Cc"] = cc
    if sender.reply_to:
        name, addr = parseaddr(_safe("reply-to", sender.reply_to))
        msg["Reply-To"] = Address(display_name=name, addr_spec=addr)
    msg["Date"] = format_datetime(now_utc())
    msg["Message-ID"] = message_id(incident, notice, sender.domain)
    earlier = [message_id(incident, n, sender.domain) for n in incident.earlier_notices(notice)]
    if earlier:
        msg["In-Reply-To"] = earlier[-1]
        msg["References"] = " ".join(earlier)
    msg["X-Mailer"] = "OutageWriter"
    msg.set_content(rendered.text, subtype="plain", charset="utf-8", cte=body_encoding(rendered.text))
    msg.add_alternative(rendered.html, subtype="html", charset="utf-8", cte=body_encoding(rendered.html))
    if rendered.calendar:  # the maintenance window, for the reader's calendar (render/calendar.py)
        msg.add_attachment(rendered.calendar, subtype="calendar", charset="utf-8", cte="quoted-printable",
                           filename=CALENDAR_FILE, params={"method": CALENDAR_METHOD})
    return msg
