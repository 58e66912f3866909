"""Review and approval, bound to the exact content that will be sent.

A notice moves draft -> in-review -> approved -> sent; a reviewer may send it back
(changes-requested), and any change to what would be sent voids an approval.

The notice's `review` (a ReviewRecord, core/incident/records.py; in the file as the notice's "review" key):

    {"state": "draft" | "in-review" | "changes-requested" | "approved",
     "author": "Jana Novák",                       who asked for the review (set by request_review)
     "requested": {"by", "time", "reviewer", "hash"} | null,
     "approval": {"reviewer", "time", "hash", "content": {...canonical...}, "comment",
                  "recorded_by": {"user", "host"},
                  "signature": null | "-----BEGIN SSH SIGNATURE-----..." (approval_signature.py),
                  "voided": null | {"time", "who", "reason", "hash"}} | null,
     "comments": [{"reviewer", "time", "comment", "field" | null, "resolved": bool}]}

The canonical content an approval covers is in content.py, the word diff in textdiff.py, the checks
before a send in send_gate.py. No Qt here; no file I/O either (the caller saves).
"""
from __future__ import annotations

import dataclasses
import re
import socket
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Union

from ..i18n import N_, _
from ..incident.fields import FIELD_NAMES
from ..incident.model import Incident, Notice, NoticeLocked
from ..incident.records import (
    ApprovalRecord,
    ChangeRequest,
    ReviewRecord,
    ReviewRequested,
    Voided,
)
from ..incident.times import isoformat_utc, now_utc
from ..settings import Settings
from . import audit
from . import signature as approval_signature
from .content import CANONICAL_VERSION, canonical_content, content_hash, notice_hash
from .textdiff import PartDiff, content_diff, format_diff

if TYPE_CHECKING:
    from ..render.renderer import Rendered

DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, SENT = (
    "draft", "in-review", "changes-requested", "approved", "sent")
STATES = (DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED)  # stored; SENT is read from notice.sent
# display_state's words, in English as they are compared and stored; `state_label` is what a person reads.
DISPLAY_STATES = (N_("draft"), N_("in review"), N_("changes requested"), N_("approved"), N_("approval void"),
                  N_("sent"))

# Stored in the file as written here (Voided.reason); translated where they are shown.
VOID_CHANGED = N_("approval void: changed after approval")
VOID_ALTERED = N_("approval void: the approval recorded in the file does not match its own hash "
                  "(the file was edited by hand or damaged)")
VOID_VERSION = N_("approval void: it was made by a different version of OutageWriter")
VOID_WITHDRAWN = N_("approval withdrawn: changes requested by {reviewer}")
_WITHDRAWN = re.compile(re.escape(VOID_WITHDRAWN).replace(re.escape("{reviewer}"), "(?P<reviewer>.*)"), re.S)


def reason_label(reason: str) -> str:
    """A void approval's reason as stored (in English, in Voided.reason) in the program's language."""
    withdrawn = _WITHDRAWN.fullmatch(reason)
    if withdrawn:
        return _(VOID_WITHDRAWN).format(reviewer=withdrawn["reviewer"])
    return _(reason)


class ReviewError(ValueError):
    """A review step that is not possible now; the message says why in plain words."""


class ApprovalError(ReviewError):
    """The notice may not be sent: the message names what is missing."""


# ---------------------------------------------------------------------------------------------
# Approval status


@dataclass(frozen=True)
class Valid:
    approval: ApprovalRecord


@dataclass(frozen=True)
class Void:
    reason: str
    diff: tuple[PartDiff, ...]
    approval: ApprovalRecord

    def describe(self) -> str:
        changes = format_diff(self.diff)
        return reason_label(self.reason) + (f"\n{changes}" if changes else "")


@dataclass(frozen=True)
class Missing:
    reason: str = N_("not approved yet")


ApprovalStatus = Union[Valid, Void, Missing]


def _record(notice: Notice) -> ReviewRecord:
    return notice.review if notice.review is not None else ReviewRecord()


def state(notice: Notice) -> str:
    """draft, in-review, changes-requested, approved (as recorded) or sent."""
    if notice.is_sent:
        return SENT
    return _record(notice).state


def display_state(incident: Incident, notice: Notice, rendered: "Rendered") -> str:
    """What to show the user: draft, in review, changes requested, approved, approval void or sent."""
    current = state(notice)
    if current == APPROVED and not isinstance(approval_status(incident, notice, rendered), Valid):
        return "approval void"
    return current.replace("-", " ")


def state_label(state_or_display: str) -> str:
    """A review state (stored or displayed) in the program's language."""
    return _(state_or_display.replace("-", " "))


def approval_of(notice: Notice) -> ApprovalRecord | None:
    return _record(notice).approval


def approval_status(incident: Incident, notice: Notice, rendered: "Rendered") -> ApprovalStatus:
    approval = approval_of(notice)
    if approval is None:
        if state(notice) == CHANGES_REQUESTED:
            return Missing(_("changes requested: {requests}").format(
                requests=_("; ").join(c.describe() for c in change_requests(notice))))
        return Missing()
    current = canonical_content(incident, notice, rendered)
    diff = content_diff(approval.content, current)
    if approval.voided:
        return Void(approval.voided.reason or VOID_CHANGED, diff, approval)
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
    return _record(notice).author


def _check_name(name: str, what: str) -> str:
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise ReviewError(_("the author's name is empty") if what == "author" else _("the reviewer's name is empty"))
    if len(cleaned) > 200:
        raise ReviewError((_("the author's name is longer than {limit} characters") if what == "author" else
                           _("the reviewer's name is longer than {limit} characters")).format(limit=200))
    return cleaned


def check_may_approve(notice: Notice, settings: Settings) -> None:
    """Raise ReviewError when the notice is not waiting for a review, and ApprovalError when the user
    here wrote it: checked before anyone fills in an approval, and again by `approve`."""
    current = state(notice)
    if current != IN_REVIEW:
        raise ReviewError(_("this notice is not in review ({state}): its author asks for a review first.").format(
            state=state_label(current)))
    author, here = author_of(notice), settings.identity()
    if settings.approver_must_differ and same_person(here, author):
        raise ApprovalError(
            _("this notice's author is {author}, who is the user approving here ({here}); the approval must "
              "come from someone else, on their own account.").format(author=author, here=here))


def _check_differs(notice: Notice, reviewer: str, settings: Settings) -> None:
    if settings.approver_must_differ and same_person(reviewer, author_of(notice)):
        raise ApprovalError(
            _("{reviewer} wrote this notice (asked for its review), and the approval must come from someone "
              "else. Ask another reviewer, or switch off 'approver must differ from author' in the settings.").format(
                reviewer=reviewer))
    check_may_approve(notice, settings)


def _number(incident: Incident, notice: Notice) -> int:
    return incident.number(notice)


def _editable(incident: Incident, notice: Notice) -> ReviewRecord:
    if notice.is_sent:
        raise NoticeLocked(_("notice {number} has been sent; its review is closed").format(
            number=_number(incident, notice)))
    if notice.review is None:
        notice.review = ReviewRecord()
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
    if not isinstance(status, Void) or status.approval.voided:
        return None
    when = when or isoformat_utc(now_utc())
    record = _editable(incident, notice)
    current = notice_hash(incident, notice, rendered)
    record.approval.voided = Voided(time=when, who=who, reason=status.reason, hash=current)
    record.state = DRAFT
    changed = ", ".join(d.part for d in status.diff) or audit.WHOLE_RECORD
    audit.append(incident, audit.VOIDED, notice, who, hash=current, comment=audit.CHANGED.format(parts=changed),
                 when=when)  # stored in English
    return status


def request_review(incident: Incident, notice: Notice, rendered: "Rendered", who: str,
                   *, reviewer: str | None = None, when: str | None = None) -> None:
    """The author asks for a review of the notice as it is now; open change requests count as answered."""
    who = _check_name(who, "author")
    note_changes(incident, notice, rendered, who, when=when)
    record = _editable(incident, notice)
    if isinstance(approval_status(incident, notice, rendered), Valid):
        raise ReviewError(_("notice {number} is approved already; it can be sent").format(number=_number(incident, notice)))
    when = when or isoformat_utc(now_utc())
    digest = notice_hash(incident, notice, rendered)
    for comment in record.comments:
        comment.resolved = True
    record.state, record.author = IN_REVIEW, who
    record.requested = ReviewRequested(by=who, time=when, reviewer=reviewer or None, hash=digest)
    audit.append(incident, audit.REVIEW_REQUESTED, notice, who, hash=digest,
                 comment=f"reviewer: {reviewer}" if reviewer else None, when=when)


def approve(incident: Incident, notice: Notice, rendered: "Rendered", reviewer: str, settings: Settings,
            *, comment: str | None = None, when: str | None = None) -> ApprovalRecord:
    """Approve exactly what `rendered` and the notice's recipients say; raises ReviewError/ApprovalError."""
    reviewer = _check_name(reviewer, "reviewer")
    number = _number(incident, notice)
    note_changes(incident, notice, rendered, reviewer, when=when)
    record = _editable(incident, notice)
    current = state(notice)
    if current != IN_REVIEW:
        if current == APPROVED and isinstance(approval_status(incident, notice, rendered), Valid):
            raise ReviewError(_("notice {number} is approved already").format(number=number))
        raise ReviewError(_("notice {number} is not in review ({state}); its author asks for a review "
                            "first (outagewriter request-review)").format(number=number, state=state_label(current)))
    if rendered.problems:
        raise ReviewError(_("notice {number} was rendered with template problems, so this is not the text "
                            "that would be sent: {problem}").format(number=number, problem=rendered.problems[0]))
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
    record.approval = ApprovalRecord(
        reviewer=reviewer, time=when, hash=digest, content=content, comment=comment or None,
        recorded_by={"user": settings.identity(), "host": socket.gethostname()}, signature=signature)
    record.state = APPROVED
    audit.append(incident, audit.APPROVED, notice, reviewer, hash=digest, comment=comment, when=when)
    if same_person(reviewer, author_of(notice)):  # allowed only when approver_must_differ is off
        audit.append(incident, audit.SELF_APPROVED, notice, reviewer, hash=digest, when=when)
    return approval_of(notice)


def request_changes(incident: Incident, notice: Notice, rendered: "Rendered", reviewer: str, comment: str,
                    *, field: str | None = None, when: str | None = None) -> None:
    """The reviewer sends the notice back with a comment (on one field, or on the whole notice).

    One comment per call; call again for more. Also possible after approving: the approval is then
    withdrawn."""
    reviewer = _check_name(reviewer, "reviewer")
    comment = (comment or "").strip()
    if not comment:
        raise ReviewError(_("say what should change: the comment is empty"))
    if field is not None and field not in FIELD_NAMES:
        raise ReviewError(_("unknown field {name!r}; fields are: {names}").format(name=field, names=", ".join(FIELD_NAMES)))
    number = _number(incident, notice)
    note_changes(incident, notice, rendered, reviewer, when=when)
    record = _editable(incident, notice)
    if state(notice) not in (IN_REVIEW, APPROVED, CHANGES_REQUESTED):  # several comments are fine
        raise ReviewError(_("notice {number} is not in review ({state}); nothing to send back").format(
            number=number, state=state_label(state(notice))))
    when = when or isoformat_utc(now_utc())
    digest = notice_hash(incident, notice, rendered)
    if record.approval and not record.approval.voided:
        record.approval.voided = Voided(time=when, who=reviewer, hash=digest,
                                        reason=VOID_WITHDRAWN.format(reviewer=reviewer))  # stored: English
    record.comments.append(ChangeRequest(reviewer=reviewer, time=when, comment=comment, field=field))
    record.state = CHANGES_REQUESTED
    audit.append(incident, audit.CHANGES_REQUESTED, notice, reviewer, hash=digest, comment=comment,
                 field=field, when=when)


def record_sent(incident: Incident, notice: Notice, rendered: "Rendered", who: str,
                *, when: str | None = None, comment: str | None = None) -> None:
    """The sender calls this once the notice has gone out (notice.sent set), before saving."""
    audit.append(incident, audit.SENT, notice, who, hash=notice_hash(incident, notice, rendered), comment=comment,
                 when=when)


# ---------------------------------------------------------------------------------------------
# Change requests, for the author


def change_requests(notice: Notice, *, open_only: bool = True, field: str | None = None) -> list[ChangeRequest]:
    """The reviewers' comments, oldest first: by default only those not yet answered by a new review
    request; with `field`, only the comments on that field."""
    return [dataclasses.replace(c) for c in _record(notice).comments
            if not (open_only and c.resolved) and (field is None or c.field == field)]
