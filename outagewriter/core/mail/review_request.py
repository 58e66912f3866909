"""The email that asks a reviewer to look at a notice: the notice as recipients will see it, plus
the incident file attached, so a reviewer without access to the shared folder can open it too.

Built here and handed to the user's mail account by `send_review_request`.
"""
from __future__ import annotations

import html
import os
import re
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from pathlib import Path

from ..i18n import _
from ..incident.fields import FieldError, format_address, parse_addresses
from ..incident.model import Incident, Notice
from ..incident.times import now_utc
from ..render.renderer import Rendered
from ..review.content import RECIPIENT_PARTS, canonical_recipients, notice_hash
from ..storage import fileformat
from .message import Sender
from .transfer_encoding import body_encoding

ATTACHMENT_TYPE = ("application", "json")  # the .outage file is UTF-8 JSON


def _safe(name: str, value: str) -> str:
    if "\r" in value or "\n" in value:
        raise FieldError(_("{header}: a line break is not allowed in a header").format(header=name))
    return value


def _recipient_lines(notice: Notice) -> list[str]:
    lines = []
    for part in RECIPIENT_PARTS:
        people = [format_address(name, addr) for name, addr in canonical_recipients(notice.fields[part])]
        lines.append(f"{part.capitalize()}: {', '.join(people) if people else '(none)'}")
    return lines


def reviewer_address_problem(text: str) -> str | None:
    """Why `text` is not one reviewer's email address, in plain words; None when it is one."""
    text = text.strip()
    if not text:
        return _("Enter the reviewer’s email address.")
    if "\r" in text or "\n" in text:
        return _("The address cannot hold a line break.")
    try:
        pairs = parse_addresses(text)
    except FieldError as exc:
        said = str(exc)
        return said[:1].upper() + said[1:]
    if len(pairs) != 1:
        return _("Enter one address: the request goes to one reviewer.")
    return None


def build_review_request(incident: Incident, notice: Notice, rendered: Rendered, sender: Sender,
                         reviewer_address: str, path: str | os.PathLike) -> EmailMessage:
    """A multipart/mixed message: intro + the rendered notice (text and HTML), and the incident
    file (`path`'s name, content as in memory now) attached as application/json."""
    problem = reviewer_address_problem(reviewer_address)
    if problem:
        raise FieldError(problem)
    pairs = parse_addresses(reviewer_address.strip())
    file = Path(path)
    number = incident.number(notice)
    digest = notice_hash(incident, notice, rendered)

    msg = EmailMessage(policy=SMTP)
    msg["Subject"] = _safe("subject", f"Please review: {rendered.subject}")
    msg["From"] = Address(display_name=_safe("sender name", sender.name), addr_spec=_safe("sender", sender.address))
    msg["To"] = Address(display_name=pairs[0][0], addr_spec=pairs[0][1])
    if sender.reply_to:
        msg["Reply-To"] = _safe("reply-to", sender.reply_to)
    msg["Date"] = format_datetime(now_utc())
    msg["Message-ID"] = make_msgid("review", domain=sender.domain)
    msg["X-Mailer"] = "OutageWriter"
    msg["X-OutageWriter-Review"] = f"incident={incident.id}; notice={notice.id}; sha256={digest}"

    intro = [
        f"{sender.name or sender.address} asks you to review notice {number} ({notice.kind}) of "
        f"\"{incident.title}\" before it goes out.",
        "",
        "It will go to:",
        *_recipient_lines(notice),
        "",
        f"Subject: {rendered.subject}",
        "",
        f"The incident file is attached ({file.name}); on the shared folder it is {file}.",
        "Open it in OutageWriter to approve or request changes, or from a terminal:",
        f"  outagewriter approve \"{file.name}\" --reviewer \"Your Name\"",
        f"  outagewriter request-changes \"{file.name}\" --reviewer \"Your Name\" --comment \"...\"",
        "",
        f"Content fingerprint (SHA-256): {digest}",
        "Any change after your approval voids it.",
    ]
    separator = "-" * 72
    text = "\n".join(intro) + f"\n\n{separator}\n\n" + rendered.text
    msg.set_content(text, subtype="plain", charset="utf-8", cte=body_encoding(text))

    banner = "".join(f"<p>{html.escape(line)}</p>" if line else "" for line in intro)
    banner = (f'<div style="border:1px solid #999;padding:8px;margin-bottom:16px;font-family:sans-serif">'
              f"{banner}</div>")
    body = rendered.html
    match = re.search(r"<body[^>]*>", body, flags=re.IGNORECASE)
    body = body[: match.end()] + banner + body[match.end():] if match else banner + body
    msg.add_alternative(body, subtype="html", charset="utf-8", cte=body_encoding(body))

    data = fileformat.dumps(incident).encode("utf-8")
    msg.add_attachment(data, maintype=ATTACHMENT_TYPE[0], subtype=ATTACHMENT_TYPE[1], filename=file.name)
    return msg


def send_review_request(message: EmailMessage, account, password: str | None, **options):
    """Hand a message made by `build_review_request` to the account's server; returns the
    DeliveryReport (its `problem` says in plain words what went wrong). Safe on a worker thread."""
    from ..mail.delivery import deliver

    reviewer = message["To"].addresses[0].addr_spec
    return deliver(account, password, message.as_bytes(), [reviewer], **options)
