"""What an approval covers, and its hash: the *canonical content*, built by `canonical_content` and
serialised by `canonical_bytes`, the one place that defines it:

    {"canonical": 1, "incident": <incident id>, "notice": <notice id>,
     "subject": <rendered subject>, "text": <rendered plain text>, "html": <rendered HTML>,
     "to": [[display name, address], ...], "cc": [...], "bcc": [...],
     "audiences": [name, ...],       only when the notice names any
     "calendar": <iCalendar text>,    only for a notice that carries the maintenance .ics
     "chat": {"text": <short version>, "to": [destination name, ...]}   only for a notice posted to chat

* subject, text and html are the renderer's output exactly, code point for code point. No Unicode
  normalisation (NFC or other) is applied: what was approved is exactly what goes out, and the
  file format keeps strings exactly, so nothing in between changes them.
* recipients are per header, in the order typed, as the field parser reads them: display name as
  typed (it is shown to recipients), address with its domain lower-cased (domains are
  case-insensitive; the local part is kept as typed). Duplicates are kept.
* audiences are the saved audiences the notice goes to, as named: they decide who gets it and in whose
  time the promise is told, so choosing another voids the approval even where the text reads the same.
  The key is left out when there are none, so approvals made before audiences existed stay valid.
* chat is the text posted to chat (the short version) and the destinations it goes to, by name as the
  notice's Chat posts field names them: changing either voids the approval. The names, not the
  services or webhooks behind them, so a reviewer whose settings lack those destinations approves
  the same content. Left out when the field is empty, so approvals made before chat posts existed
  stay valid.
* the incident and notice ids bind an approval to its notice: copied onto another notice, it is void.
* serialisation: JSON, keys sorted, no whitespace between tokens (separators "," and ":"),
  non-ASCII written as itself (ensure_ascii=False), encoded as UTF-8 (lone surrogates, which only a
  hand-made file can hold, pass through as "surrogatepass" bytes); the hash is SHA-256 of those
  bytes, as 64 lower-case hex digits.

Not covered: From, Reply-To and Date (they come from the mail account and the clock at send time),
the status page link a chat post ends with (it comes from the sender's settings, status_page.url, at
send time, like From), the short post where it is not posted to chat, the chat services' payloads
(made from the chat text) and the service each destination is on, and the Message-ID (made from the
ids above).

The approval stores the approved canonical content itself, so a later change can be shown word by
word (`approval_status` -> Void.diff) and a hand-edited approval whose content no longer matches its
hash is void too. This is integrity against accidents and casual edits, not a signature: someone
who can write the shared file can forge an approval by recomputing the hash, unless the team signs
approvals with their SSH keys and requires that at send (settings: review.signing_key,
review.require_signed_approval). The audit log
(`audit.py`) records who did what, and the sent archive keeps the exact message.
"""
from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from ..incident.audience_recipients import audience_names
from ..incident.fields import parse_addresses
from ..incident.model import Incident, Notice

if TYPE_CHECKING:
    from ..render.renderer import Rendered

CANONICAL_VERSION = 1
RECIPIENT_PARTS = ("to", "cc", "bcc")
CONTENT_PARTS = ("subject",) + RECIPIENT_PARTS + ("audiences", "text", "html", "calendar", "chat")  # the order a diff is shown in


def _address_key(addr: str) -> str:
    local, _, domain = addr.rpartition("@")
    return f"{local}@{domain.lower()}"


def canonical_recipients(value: str) -> list[list[str]]:
    return [[name, _address_key(addr)] for name, addr in parse_addresses(value)]


def canonical_content(incident: Incident, notice: Notice, rendered: "Rendered") -> dict:
    """Everything an approval covers (see the module docstring), as plain JSON-able data."""
    content = {
        "canonical": CANONICAL_VERSION,
        "incident": incident.id,
        "notice": notice.id,
        "subject": rendered.subject,
        "text": rendered.text,
        "html": rendered.html,
    }
    if rendered.calendar:  # the attachment is sent too; absent otherwise, so earlier hashes still hold
        content["calendar"] = rendered.calendar
    for part in RECIPIENT_PARTS:
        content[part] = canonical_recipients(notice.fields[part])
    audiences = audience_names(notice.fields.get("audiences", ""))
    if audiences:
        content["audiences"] = audiences
    if rendered.chat_to:  # absent without chat destinations, so earlier hashes still hold
        content["chat"] = {"text": rendered.short, "to": list(rendered.chat_to)}
    return content


def canonical_bytes(content: dict) -> bytes:
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8", "surrogatepass")


def content_hash(content: dict) -> str:
    return hashlib.sha256(canonical_bytes(content)).hexdigest()


def notice_hash(incident: Incident, notice: Notice, rendered: "Rendered") -> str:
    return content_hash(canonical_content(incident, notice, rendered))
