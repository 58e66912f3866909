"""Message-IDs that thread in every mail client: short, and written as raw `<id@domain>` tokens.

Mail clients thread an update under the first notice by matching In-Reply-To and References
literally. Python's email policies fold a header longer than 78 columns, and a single token that
does not fit on a line comes out as RFC 2047 encoded-words (`=?utf-8?q?=3C...?=`): Python's parser
decodes that again, Outlook and Exchange do not, and the update stands alone. So our own IDs are kept
short enough to fit on one header line, and these two headers are folded here, only between IDs and
never encoded, whatever the length of an ID recorded by an older version.
"""
from __future__ import annotations

import base64
import hashlib
import re
import secrets
from email.headerregistry import BaseHeader, HeaderRegistry
from email.policy import SMTP

from ..i18n import _
from ..incident.fields import FieldError

# An ID fits on a header line after "In-Reply-To: " (13 columns) within the 78 of RFC 5322.
MAX_ID_LENGTH = 78 - len("In-Reply-To: ")
_LEFT_LENGTH = 20  # base32 characters: 100 bits, so IDs of different notices never meet
_DOT_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+"
_ID = re.compile(rf"<{_DOT_ATOM}@(?:{_DOT_ATOM}|\[[!-Z^-~]*\])>")


def _token(seed: bytes) -> str:
    return base64.b32encode(hashlib.sha256(seed).digest()).decode("ascii")[:_LEFT_LENGTH].lower()


def _fit_domain(domain: str, room: int) -> str:
    """The sender's domain, or its right-most labels when the whole would not fit on the line."""
    labels = [label for label in domain.strip(".").lower().split(".") if label] or ["localhost"]
    while len(labels) > 1 and len(".".join(labels)) > room:
        labels.pop(0)
    return ".".join(labels)[-room:]


def notice_message_id(incident_id: str, notice_id: str, domain: str) -> str:
    """The stable Message-ID of a notice: the same notice always gets the same short ID."""
    left = "ow." + _token(f"{incident_id}/{notice_id}".encode("utf-8"))
    return f"<{left}@{_fit_domain(domain, MAX_ID_LENGTH - len(left) - 3)}>"


def one_off_message_id(kind: str, domain: str) -> str:
    """A fresh Message-ID for a message that is not part of the thread (a test copy, a review request)."""
    left = f"ow-{kind}." + _token(secrets.token_bytes(16))
    return f"<{left}@{_fit_domain(domain, MAX_ID_LENGTH - len(left) - 3)}>"


def check_message_id(value: str, where: str = "") -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise FieldError(_("{where}: {value!r} is not a message id of the form <id@domain>").format(
            where=where or _("message id"), value=str(value)[:80]))
    return value


class _IdListHeader:
    """In-Reply-To / References: message IDs separated by spaces, folded between IDs, never encoded."""

    max_count = 1  # each appears once in a message (RFC 5322 3.6)

    @classmethod
    def parse(cls, value, kwds):
        ids = str(value).split()
        for message_id in ids:
            check_message_id(message_id, "In-Reply-To/References")
        kwds["decoded"] = " ".join(ids)
        kwds["parse_tree"] = None  # fold() below never needs one

    def fold(self, *, policy):
        lines = [f"{self.name}:"]
        for message_id in str(self).split():
            if len(lines[-1]) + 1 + len(message_id) > policy.max_line_length and lines[-1] != f"{self.name}:":
                lines.append("")
            lines[-1] += " " + message_id
        return policy.linesep.join(lines) + policy.linesep


def _registry() -> HeaderRegistry:
    registry = HeaderRegistry(base_class=BaseHeader)
    for name in ("in-reply-to", "references"):
        registry.map_to_type(name, _IdListHeader)
    return registry


# The policy every outgoing message is built with: SMTP's (CRLF, 78 columns) plus raw ID lists.
MAIL_POLICY = SMTP.clone(header_factory=_registry())
