"""Review and approval, bound to the exact content that will be sent.

A notice moves draft -> in-review -> approved -> sent; a reviewer may send it back
(changes-requested), and any change to what would be sent voids an approval.

What an approval covers (the *canonical content*, built by `canonical_content` and serialised by
`canonical_bytes`, the one place that defines it):

    {"canonical": 1, "incident": <incident id>, "notice": <notice id>,
     "subject": <rendered subject>, "text": <rendered plain text>, "html": <rendered HTML>,
     "to": [[display name, address], ...], "cc": [...], "bcc": [...]}

* subject, text and html are the renderer's output exactly, code point for code point. No Unicode
  normalisation (NFC or other) is applied: what was approved is exactly what goes out, and the
  file format keeps strings exactly, so nothing in between changes them.
* recipients are per header, in the order typed, as the field parser reads them: display name as
  typed (it is shown to recipients), address with its domain lower-cased (domains are
  case-insensitive; the local part is kept as typed). Duplicates are kept.
* the incident and notice ids bind an approval to its notice: copied onto another notice, it is void.
* serialisation: JSON, keys sorted, no whitespace between tokens (separators "," and ":"),
  non-ASCII written as itself (ensure_ascii=False), encoded as UTF-8 (lone surrogates, which only a
  hand-made file can hold, pass through as "surrogatepass" bytes); the hash is SHA-256 of those
  bytes, as 64 lower-case hex digits.

Not covered: From, Reply-To and Date (they come from the mail account and the clock at send time),
the short post (not emailed), and the Message-ID (made from the ids above).

The approval stores the approved canonical content itself, so a later change can be shown word by
word (`approval_status` -> Void.diff) and a hand-edited approval whose content no longer matches its
hash is void too. This is integrity against accidents and casual edits, not a signature: someone
who can write the shared file can forge an approval by recomputing the hash, unless the team signs
approvals with their SSH keys and requires that at send (settings: review.signing_key,
review.require_signed_approval). The audit log
(`audit.py`) records who did what, and the sent archive keeps the exact message.

The notice's `review` dict (in the file as the notice's "review" key):

    {"state": "draft" | "in-review" | "changes-requested" | "approved",
     "author": "Jana Novák",                       who asked for the review (set by request_review)
     "requested": {"by", "time", "reviewer", "hash"} | null,
     "approval": {"reviewer", "time", "hash", "content": {...canonical...}, "comment",
                  "recorded_by": {"user", "host"},
                  "signature": null | "-----BEGIN SSH SIGNATURE-----..." (approval_signature.py),
                  "voided": null | {"time", "who", "reason", "hash"}} | null,
     "comments": [{"reviewer", "time", "comment", "field" | null, "resolved": bool}]}

No Qt here; no file I/O either (the caller saves).
"""
from __future__ import annotations

import dataclasses
import difflib
import hashlib
import json
import re
import socket
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Union

from ..incident.fields import FIELD_NAMES, format_address, parse_addresses
from ..incident.model import Incident, Notice, NoticeLocked
from ..incident.times import isoformat_utc, now_utc
from ..settings import Settings
from . import audit
from . import signature as approval_signature

if TYPE_CHECKING:
    from ..render.renderer import Rendered

CANONICAL_VERSION = 1
DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, SENT = (
    "draft", "in-review", "changes-requested", "approved", "sent")
STATES = (DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED)  # stored; SENT is read from notice.sent
RECIPIENT_PARTS = ("to", "cc", "bcc")
CONTENT_PARTS = ("subject",) + RECIPIENT_PARTS + ("text", "html")  # the order a diff is shown in

VOID_CHANGED = "approval void: changed after approval"
VOID_ALTERED = ("approval void: the approval recorded in the file does not match its own hash "
                "(the file was edited by hand or damaged)")
VOID_VERSION = "approval void: it was made by a different version of OutageWriter"


class ReviewError(ValueError):
    """A review step that is not possible now; the message says why in plain words."""


class ApprovalError(ReviewError):
    """The notice may not be sent: the message names what is missing."""


# ---------------------------------------------------------------------------------------------
# Canonical content and its hash


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
    for part in RECIPIENT_PARTS:
        content[part] = canonical_recipients(notice.fields[part])
    return content


def canonical_bytes(content: dict) -> bytes:
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8", "surrogatepass")


def content_hash(content: dict) -> str:
    return hashlib.sha256(canonical_bytes(content)).hexdigest()


def notice_hash(incident: Incident, notice: Notice, rendered: "Rendered") -> str:
    return content_hash(canonical_content(incident, notice, rendered))


# ---------------------------------------------------------------------------------------------
# Word-level differences


@dataclass(frozen=True)
class PartDiff:
    """How one part (subject, to, cc, bcc, text, html) changed: chunks of (op, text) in order,
    op being "equal", "delete" or "insert"; joining the equal+delete texts gives the old value,
    equal+insert the new one."""

    part: str
    chunks: tuple[tuple[str, str], ...]

    def old(self) -> str:
        return "".join(t for op, t in self.chunks if op != "insert")

    def new(self) -> str:
        return "".join(t for op, t in self.chunks if op != "delete")

    def shown(self, context_words: int = 6) -> list[tuple[str, str]]:
        """The chunks as a reader sees them: changes with their words (or "(line break)"), and
        unchanged stretches cut to a few words of context around each change ("…" where cut)."""
        n = context_words
        out = []
        last = len(self.chunks) - 1
        for index, (op, text) in enumerate(self.chunks):
            if op != "equal":
                out.append((op, _visible(text)))
                continue
            words = text.split()
            if index == 0 and len(words) > n:
                words = ["…"] + words[-n:]
            elif index == last and len(words) > n:
                words = words[:n] + ["…"]
            elif 0 < index < last and len(words) > 2 * n:
                words = words[:n] + ["…"] + words[-n:]
            out.append((op, " ".join(words)))
        return out

    def format(self, context_words: int = 6) -> str:
        """'text: … payments fail for [-some-] {+all+} customers in …' with a little context."""
        marks = {"delete": "[-{}-]", "insert": "{{+{}+}}", "equal": "{}"}
        pieces = [marks[op].format(text) for op, text in self.shown(context_words) if text]
        return f"{self.part}: " + " ".join(pieces)


def _visible(text: str) -> str:
    if text.strip():
        return " ".join(text.split())
    return "(line break)" if "\n" in text else "(space)"


_TOKEN = re.compile(r"\S+|\s+")


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """difflib over words (whitespace kept as its own tokens, so nothing is lost)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    chunks: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if chunks and chunks[-1][0] == op:
            chunks[-1] = (op, chunks[-1][1] + text)
        else:
            chunks.append((op, text))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("equal", "".join(a[i1:i2]))
        else:
            add("delete", "".join(a[i1:i2]))
            add("insert", "".join(b[j1:j2]))
    return tuple(chunks)


def _part_text(content: dict, part: str) -> str:
    value = content.get(part, "")
    if part in RECIPIENT_PARTS:
        return ", ".join(format_address(name, addr) for name, addr in value or [])
    return value if isinstance(value, str) else ""


def content_diff(old: dict, new: dict) -> tuple[PartDiff, ...]:
    """Word-level differences between two canonical contents; only the parts that changed."""
    diffs = []
    for part in CONTENT_PARTS:
        before, after = _part_text(old, part), _part_text(new, part)
        if before != after:
            diffs.append(PartDiff(part, word_diff(before, after)))
    return tuple(diffs)


def format_diff(diffs: tuple[PartDiff, ...] | list[PartDiff], context_words: int = 6) -> str:
    """Lines for a terminal or a message box. The HTML diff is left out when the plain text shows
    the change already (HTML source word diffs are noisy); its change is still mentioned."""
    parts = {d.part for d in diffs}
    lines = []
    for d in diffs:
        if d.part == "html" and parts - {"html"}:
            lines.append("html: changed as well")
        else:
            lines.append(d.format(context_words))
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Approval status


@dataclass(frozen=True)
class Approval:
    reviewer: str
    time: str
    hash: str
    comment: str | None
    content: dict


@dataclass(frozen=True)
class Valid:
    approval: Approval


@dataclass(frozen=True)
class Void:
    reason: str
    diff: tuple[PartDiff, ...]
    approval: Approval

    def describe(self) -> str:
        changes = format_diff(self.diff)
        return self.reason + (f"\n{changes}" if changes else "")


@dataclass(frozen=True)
class Missing:
    reason: str = "not approved yet"


ApprovalStatus = Union[Valid, Void, Missing]


def _record(notice: Notice) -> dict:
    return notice.review if notice.review is not None else {}


def state(notice: Notice) -> str:
    """draft, in-review, changes-requested, approved (as recorded) or sent."""
    if notice.is_sent:
        return SENT
    return _record(notice).get("state", DRAFT)


def display_state(incident: Incident, notice: Notice, rendered: "Rendered") -> str:
    """What to show the user: draft, in review, changes requested, approved, approval void or sent."""
    current = state(notice)
    if current == APPROVED and not isinstance(approval_status(incident, notice, rendered), Valid):
        return "approval void"
    return current.replace("-", " ")


def approval_of(notice: Notice) -> Approval | None:
    raw = _record(notice).get("approval")
    if not raw:
        return None
    return Approval(raw.get("reviewer", ""), raw.get("time", ""), raw.get("hash", ""), raw.get("comment"),
                    raw.get("content") or {})


def approval_status(incident: Incident, notice: Notice, rendered: "Rendered") -> ApprovalStatus:
    raw = _record(notice).get("approval")
    if not raw:
        if state(notice) == CHANGES_REQUESTED:
            return Missing("changes requested: " + "; ".join(c.describe() for c in change_requests(notice)))
        return Missing()
    approval = approval_of(notice)
    current = canonical_content(incident, notice, rendered)
    diff = content_diff(approval.content, current)
    voided = raw.get("voided")
    if voided:
        return Void(voided.get("reason") or VOID_CHANGED, diff, approval)
    if approval.content.get("canonical") != CANONICAL_VERSION:
        return Void(VOID_VERSION, diff, approval)
    if content_hash(approval.content) != approval.hash:
        return Void(VOID_ALTERED, diff, approval)
    if content_hash(current) != approval.hash:
        return Void(VOID_CHANGED, diff, approval)
    return Valid(approval)


# ---------------------------------------------------------------------------------------------
# Who is who


def same_person(a: str | None, b: str | None) -> bool:
    """Names compared the way people read them: case, width and spacing do not matter."""
    if not a or not b:
        return False

    def key(name: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", name).casefold().split())

    return key(a) == key(b)


def author_of(notice: Notice) -> str | None:
    return _record(notice).get("author")


def _check_name(name: str, what: str) -> str:
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise ReviewError(f"the {what}'s name is empty")
    if len(cleaned) > 200:
        raise ReviewError(f"the {what}'s name is longer than 200 characters")
    return cleaned


def check_may_approve(notice: Notice, settings: Settings) -> None:
    """Raise ReviewError when the notice is not waiting for a review, and ApprovalError when the user
    here wrote it: checked before anyone fills in an approval, and again by `approve`."""
    current = state(notice)
    if current != IN_REVIEW:
        raise ReviewError(f"this notice is not in review ({current.replace('-', ' ')}): its author asks "
                          "for a review first.")
    author, here = author_of(notice), settings.identity()
    if settings.approver_must_differ and same_person(here, author):
        raise ApprovalError(
            f"this notice's author is {author}, who is the user approving here ({here}); the approval must "
            "come from someone else, on their own account.")


def _check_differs(notice: Notice, reviewer: str, settings: Settings) -> None:
    if settings.approver_must_differ and same_person(reviewer, author_of(notice)):
        raise ApprovalError(
            f"{reviewer} wrote this notice (asked for its review), and the approval must come from someone "
            "else. Ask another reviewer, or switch off 'approver must differ from author' in the settings.")
    check_may_approve(notice, settings)


def _number(incident: Incident, notice: Notice) -> int:
    return incident.number(notice)


def _editable(incident: Incident, notice: Notice) -> dict:
    if notice.is_sent:
        raise NoticeLocked(f"notice {_number(incident, notice)} has been sent; its review is closed")
    if notice.review is None:
        notice.review = {"state": DRAFT, "author": None, "requested": None, "approval": None, "comments": []}
    return notice.review


# ---------------------------------------------------------------------------------------------
# Steps (each records an audit entry; the caller saves the file)


def note_changes(incident: Incident, notice: Notice, rendered: "Rendered", who: str,
                 *, when: str | None = None) -> Void | None:
    """Record that an approval no longer matches the content; call before saving an edited notice.

    Returns the Void it recorded (state back to draft, a "voided" log entry), or None when there was
    nothing to void. Once voided, an approval stays void, even if the text is changed back.
    """
    if notice.is_sent:
        return None
    status = approval_status(incident, notice, rendered)
    if not isinstance(status, Void) or _record(notice)["approval"].get("voided"):
        return None
    when = when or isoformat_utc(now_utc())
    record = _editable(incident, notice)
    current = notice_hash(incident, notice, rendered)
    record["approval"]["voided"] = {"time": when, "who": who, "reason": status.reason, "hash": current}
    record["state"] = DRAFT
    changed = ", ".join(d.part for d in status.diff) or "the approval record"
    audit.append(incident, audit.VOIDED, notice, who, hash=current, comment=f"changed: {changed}", when=when)
    return status


def request_review(incident: Incident, notice: Notice, rendered: "Rendered", who: str,
                   *, reviewer: str | None = None, when: str | None = None) -> None:
    """The author asks for a review of the notice as it is now; open change requests count as answered."""
    who = _check_name(who, "author")
    note_changes(incident, notice, rendered, who, when=when)
    record = _editable(incident, notice)
    if isinstance(approval_status(incident, notice, rendered), Valid):
        raise ReviewError(f"notice {_number(incident, notice)} is approved already; it can be sent")
    when = when or isoformat_utc(now_utc())
    digest = notice_hash(incident, notice, rendered)
    for comment in record["comments"]:
        comment["resolved"] = True
    record.update(state=IN_REVIEW, author=who,
                  requested={"by": who, "time": when, "reviewer": reviewer or None, "hash": digest})
    audit.append(incident, audit.REVIEW_REQUESTED, notice, who, hash=digest,
                 comment=f"reviewer: {reviewer}" if reviewer else None, when=when)


def approve(incident: Incident, notice: Notice, rendered: "Rendered", reviewer: str, settings: Settings,
            *, comment: str | None = None, when: str | None = None) -> Approval:
    """Approve exactly what `rendered` and the notice's recipients say; raises ReviewError/ApprovalError."""
    reviewer = _check_name(reviewer, "reviewer")
    number = _number(incident, notice)
    note_changes(incident, notice, rendered, reviewer, when=when)
    record = _editable(incident, notice)
    current = state(notice)
    if current != IN_REVIEW:
        if current == APPROVED and isinstance(approval_status(incident, notice, rendered), Valid):
            raise ReviewError(f"notice {number} is approved already")
        raise ReviewError(f"notice {number} is not in review ({current}); its author asks for a review "
                          "first (outagewriter request-review)")
    if rendered.problems:
        raise ReviewError(f"notice {number} was rendered with template problems, so this is not the text "
                          f"that would be sent: {rendered.problems[0]}")
    _check_differs(notice, reviewer, settings)
    when = when or isoformat_utc(now_utc())
    content = canonical_content(incident, notice, rendered)
    digest = content_hash(content)
    signature = None
    if settings.signing_key:  # before anything is recorded: a failed signature leaves no approval
        try:
            signature = approval_signature.sign(
                approval_signature.payload(incident.id, notice.id, digest, reviewer, when), settings.signing_key)
        except approval_signature.SignatureError as exc:
            raise ReviewError(str(exc)) from None
    record["approval"] = {
        "reviewer": reviewer, "time": when, "hash": digest, "comment": comment or None, "content": content,
        "recorded_by": {"user": settings.identity(), "host": socket.gethostname()}, "voided": None,
        "signature": signature,
    }
    record["state"] = APPROVED
    audit.append(incident, audit.APPROVED, notice, reviewer, hash=digest, comment=comment, when=when)
    return approval_of(notice)


def request_changes(incident: Incident, notice: Notice, rendered: "Rendered", reviewer: str, comment: str,
                    *, field: str | None = None, when: str | None = None) -> None:
    """The reviewer sends the notice back with a comment (on one field, or on the whole notice).

    One comment per call; call again for more. Also possible after approving: the approval is then
    withdrawn."""
    reviewer = _check_name(reviewer, "reviewer")
    comment = (comment or "").strip()
    if not comment:
        raise ReviewError("say what should change: the comment is empty")
    if field is not None and field not in FIELD_NAMES:
        raise ReviewError(f"unknown field {field!r}; fields are: {', '.join(FIELD_NAMES)}")
    number = _number(incident, notice)
    note_changes(incident, notice, rendered, reviewer, when=when)
    record = _editable(incident, notice)
    if state(notice) not in (IN_REVIEW, APPROVED, CHANGES_REQUESTED):  # several comments are fine
        raise ReviewError(f"notice {number} is not in review ({state(notice)}); nothing to send back")
    when = when or isoformat_utc(now_utc())
    digest = notice_hash(incident, notice, rendered)
    approval = record.get("approval")
    if approval and not approval.get("voided"):
        approval["voided"] = {"time": when, "who": reviewer, "hash": digest,
                              "reason": f"approval withdrawn: changes requested by {reviewer}"}
    record["comments"].append({"reviewer": reviewer, "time": when, "comment": comment, "field": field,
                               "resolved": False})
    record["state"] = CHANGES_REQUESTED
    audit.append(incident, audit.CHANGES_REQUESTED, notice, reviewer, hash=digest, comment=comment,
                 field=field, when=when)


def record_sent(incident: Incident, notice: Notice, rendered: "Rendered", who: str,
                *, when: str | None = None, comment: str | None = None) -> None:
    """The sender calls this once the notice has gone out (notice.sent set), before saving."""
    audit.append(incident, audit.SENT, notice, who, hash=notice_hash(incident, notice, rendered), comment=comment,
                 when=when)


# ---------------------------------------------------------------------------------------------
# Change requests, for the author


@dataclass(frozen=True)
class ChangeRequest:
    reviewer: str
    time: str
    comment: str
    field: str | None
    resolved: bool

    def describe(self) -> str:
        where = f" ({self.field})" if self.field else ""
        return f"{self.reviewer}{where}: {self.comment}"


def change_requests(notice: Notice, *, open_only: bool = True, field: str | None = None) -> list[ChangeRequest]:
    """The reviewers' comments, oldest first: by default only those not yet answered by a new review
    request; with `field`, only the comments on that field."""
    found = []
    for raw in _record(notice).get("comments", []):
        item = ChangeRequest(raw.get("reviewer", ""), raw.get("time", ""), raw.get("comment", ""),
                             raw.get("field"), bool(raw.get("resolved")))
        if (open_only and item.resolved) or (field is not None and item.field != field):
            continue
        found.append(item)
    return found


# ---------------------------------------------------------------------------------------------
# The last gate before sending


def approval_in(saved: Incident, incident: Incident, notice: Notice, rendered: "Rendered") -> ApprovalStatus:
    """What the approval recorded in `saved` (the incident file as someone else saved it meanwhile)
    says about `notice` as it is here: Valid only when it covers exactly this content and these
    recipients; Void with the differences; Missing when the saved file holds no approval for it."""
    theirs = next((n for n in saved.notices if n.id == notice.id), None)
    if theirs is None or not _record(theirs).get("approval"):
        return Missing()
    return approval_status(incident, dataclasses.replace(notice, review=theirs.review), rendered)


def check_can_send(incident: Incident, notice: Notice, rendered: "Rendered", settings: Settings) -> str | None:
    """Raise ApprovalError naming what is missing, or return when the notice may be sent: the
    principal whose signature on the approval was verified (require_signed_approval), else None.

    The sender calls this at the last moment, with the very `rendered` it is about to send.
    A notice already (partly) sent passes: a retry sends the archived message, which was checked
    when it first went out. With approval not required, anything passes.
    """
    if notice.is_sent or not settings.approval_required:
        return None
    number = _number(incident, notice)
    status = approval_status(incident, notice, rendered)
    if isinstance(status, Missing):
        raise ApprovalError(
            f"notice {number} cannot be sent: it has not been approved ({status.reason}). A reviewer must "
            "approve its exact text first (outagewriter request-review, then outagewriter approve).")
    if isinstance(status, Void):
        who = status.approval.reviewer or "the reviewer"
        raise ApprovalError(f"notice {number} cannot be sent: {status.describe()}\n"
                            f"Ask {who} (or another reviewer) to approve the notice as it is now.")
    if settings.approver_must_differ and same_person(status.approval.reviewer, author_of(notice)):
        raise ApprovalError(f"notice {number} cannot be sent: it was approved by its own author "
                            f"({status.approval.reviewer}); another person must approve it.")
    return check_approval_for_send(
        incident, notice, rendered, approver_must_differ=settings.approver_must_differ,
        allowed_signers=settings.allowed_signers_path() if settings.require_signed_approval else None)


def check_approval_for_send(incident: Incident, notice: Notice, rendered: "Rendered",
                            *, approver_must_differ: bool = True, allowed_signers=None) -> str | None:
    """Raise ApprovalError (one line) unless the review record and the audit log tell the same story,
    and, with `allowed_signers` (a path), the approval carries a signature by a key listed there
    over this approval (approval_signature.payload); returns that key's principal, else None.

    The review record alone is easy to edit by hand (clear `voided`, rename `author`), so sending
    also asks the log: the notice is in state approved; the newest "approved" entry is this approval
    (same reviewer, time and hash of exactly this text); nothing voided it, sent it back or asked for
    a new review after it; a review was requested before it; and the approver is neither the author
    recorded in the first review request nor the one in the record. A forger who rewrites record
    and log consistently is caught only by the signature (see the README)."""
    number = _number(incident, notice)

    def refuse(why: str) -> None:
        raise ApprovalError(f"notice {number} cannot be sent: {why}; the review record and the audit log "
                            "disagree (the file was edited by hand or damaged). Ask for a new review.")

    record = _record(notice)
    approval = record.get("approval") or {}
    if record.get("state") != APPROVED:
        refuse(f"its review state is {record.get('state', DRAFT)!r}, not approved")
    if approval.get("voided"):
        refuse("its approval was withdrawn")
    digest = notice_hash(incident, notice, rendered)
    entries = audit.timeline(incident, notice)
    approvals = [i for i, e in enumerate(entries) if e.event == audit.APPROVED]
    if not approvals:
        refuse("the audit log has no approval of it")
    last = approvals[-1]
    entry = entries[last]
    if entry.hash != digest or approval.get("hash") != digest:
        refuse("the audit log's approval is of a different text")
    if entry.who != approval.get("reviewer") or entry.when != approval.get("time"):
        refuse(f"the audit log says {entry.who} approved it at {entry.when}, the review record says "
               f"{approval.get('reviewer')} at {approval.get('time')}")
    later = [e for e in entries[last + 1:] if e.event in (audit.VOIDED, audit.CHANGES_REQUESTED,
                                                          audit.REVIEW_REQUESTED)]
    if later:
        refuse(f"after the approval the audit log has: {later[0].describe()}")
    requests = [e for e in entries[:last] if e.event == audit.REVIEW_REQUESTED]
    if not requests:
        refuse("the audit log has no review request before the approval")
    if not same_person(requests[-1].who, author_of(notice)):
        refuse(f"the review record names {author_of(notice)} as author, the audit log {requests[-1].who}")
    if approver_must_differ:
        for author in (requests[0].who, requests[-1].who):
            if same_person(author, entry.who):
                refuse(f"it was approved by its own author ({entry.who})")
    if allowed_signers is None:
        return None
    signature = approval.get("signature")
    if not signature:
        raise ApprovalError(f"notice {number} cannot be sent: its approval is not signed, and signed approvals "
                            "are required (review.require_signed_approval). Ask the reviewer to approve it again "
                            "with review.signing_key set.")
    data = approval_signature.payload(incident.id, notice.id, digest, approval["reviewer"], approval["time"])
    try:
        return approval_signature.verify(data, signature, allowed_signers)
    except approval_signature.SignatureError as exc:
        raise ApprovalError(f"notice {number} cannot be sent: {exc}.") from None


# ---------------------------------------------------------------------------------------------
# File format support


def check_record(record, where: str = "'review'") -> dict:
    """Raise ValueError (plain words) if a loaded review record is malformed; returns a copy."""
    if not isinstance(record, dict):
        raise ValueError(f"{where} should be an object")
    if record.get("state", DRAFT) not in STATES:
        raise ValueError(f"{where} 'state' should be one of {', '.join(STATES)}")
    for key in ("author",):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise ValueError(f"{where} '{key}' should be text or null")
    for key in ("requested", "approval"):
        if record.get(key) is not None and not isinstance(record[key], dict):
            raise ValueError(f"{where} '{key}' should be an object or null")
    approval = record.get("approval")
    if approval:
        for key in ("reviewer", "time", "hash"):
            if not isinstance(approval.get(key), str):
                raise ValueError(f"{where} 'approval.{key}' should be text")
        if not isinstance(approval.get("content"), dict):
            raise ValueError(f"{where} 'approval.content' should be an object")
        if approval.get("voided") is not None and not isinstance(approval["voided"], dict):
            raise ValueError(f"{where} 'approval.voided' should be an object or null")
        signature = approval.get("signature")
        if signature is not None and not (isinstance(signature, str)
                                          and len(signature) <= approval_signature.MAX_SIGNATURE_CHARS):
            raise ValueError(f"{where} 'approval.signature' should be text of at most "
                             f"{approval_signature.MAX_SIGNATURE_CHARS} characters, or null")
    comments = record.get("comments", [])
    if not isinstance(comments, list) or not all(isinstance(c, dict) for c in comments):
        raise ValueError(f"{where} 'comments' should be a list of objects")
    for c in comments:
        if not isinstance(c.get("comment"), str) or not isinstance(c.get("reviewer"), str):
            raise ValueError(f"{where} each comment needs 'reviewer' and 'comment' text")
    copy = json.loads(json.dumps(record))
    copy.setdefault("state", DRAFT)
    copy.setdefault("author", None)
    copy.setdefault("requested", None)
    copy.setdefault("approval", None)
    copy.setdefault("comments", [])
    return copy
