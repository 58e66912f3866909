"""The last gate before sending: the approval must cover exactly what goes out, and the review
record, the audit log and (when required) the reviewer's signature must tell the same story."""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, NoReturn

from ..i18n import _
from ..incident.model import Incident, Notice
from ..incident.times import format_stored
from ..settings import Settings
from . import audit
from . import signature as approval_signature
from .content import notice_hash
from .workflow import (
    APPROVED,
    ApprovalError,
    ApprovalStatus,
    Missing,
    Void,
    _number,
    _record,
    approval_status,
    author_of,
    same_person,
)

if TYPE_CHECKING:
    from ..render.renderer import Rendered


def approval_in(saved: Incident, incident: Incident, notice: Notice, rendered: "Rendered") -> ApprovalStatus:
    """What the approval recorded in `saved` (the incident file as someone else saved it meanwhile)
    says about `notice` as it is here: Valid only when it covers exactly this content and these
    recipients; Void with the differences; Missing when the saved file holds no approval for it."""
    theirs = next((n for n in saved.notices if n.id == notice.id), None)
    if theirs is None or theirs.review is None or theirs.review.approval is None:
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
            _("notice {number} cannot be sent: it has not been approved ({reason}). A reviewer must approve its "
              "exact text first (outagewriter request-review, then outagewriter approve).").format(
                number=number, reason=_(status.reason)))
    if isinstance(status, Void):
        who = status.approval.reviewer or _("the reviewer")
        raise ApprovalError(_("notice {number} cannot be sent: {why}\nAsk {who} (or another reviewer) to approve "
                              "the notice as it is now.").format(number=number, why=status.describe(), who=who))
    if settings.approver_must_differ and same_person(status.approval.reviewer, author_of(notice)):
        raise ApprovalError(_("notice {number} cannot be sent: it was approved by its own author ({reviewer}); "
                              "another person must approve it.").format(number=number, reviewer=status.approval.reviewer))
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

    def refuse(why: str) -> NoReturn:
        raise ApprovalError(_("notice {number} cannot be sent: {reason}; the review record and the audit log "
                              "disagree (the file was edited by hand or damaged). Ask for a new review.").format(
                                  number=number, reason=why))

    record = _record(notice)
    approval = record.approval
    if record.state != APPROVED:
        refuse(_("its review state is {state!r}, not approved").format(state=record.state))
    if approval is None:
        refuse(_("the review record holds no approval"))
    if approval.voided:
        refuse(_("its approval was withdrawn"))
    digest = notice_hash(incident, notice, rendered)
    entries = audit.timeline(incident, notice)
    approvals = [i for i, e in enumerate(entries) if e.event == audit.APPROVED]
    if not approvals:
        refuse(_("the audit log has no approval of it"))
    last = approvals[-1]
    entry = entries[last]
    if entry.hash != digest or approval.hash != digest:
        refuse(_("the audit log's approval is of a different text"))
    if entry.who != approval.reviewer or entry.when != approval.time:
        refuse(_("the audit log says {who} approved it at {time}, the review record says {reviewer} at "
                 "{reviewer_time}").format(who=entry.who, time=entry.when, reviewer=approval.reviewer,
                                           reviewer_time=approval.time))
    later = [e for e in entries[last + 1:] if e.event in (audit.VOIDED, audit.CHANGES_REQUESTED,
                                                          audit.REVIEW_REQUESTED)]
    if later:
        refuse(_("after the approval the audit log has: {entry}").format(entry=later[0].describe(format_stored)))
    requests = [e for e in entries[:last] if e.event == audit.REVIEW_REQUESTED]
    if not requests:
        refuse(_("the audit log has no review request before the approval"))
    if not same_person(requests[-1].who, author_of(notice)):
        refuse(_("the review record names {author} as author, the audit log {logged}").format(
            author=author_of(notice), logged=requests[-1].who))
    if approver_must_differ:
        for author in (requests[0].who, requests[-1].who):
            if same_person(author, entry.who):
                refuse(_("it was approved by its own author ({who})").format(who=entry.who))
    if allowed_signers is None:
        return None
    signature = approval.signature
    if not signature:
        raise ApprovalError(_("notice {number} cannot be sent: its approval is not signed, and signed approvals "
                              "are required (review.require_signed_approval). Ask the reviewer to approve it again "
                              "with review.signing_key set.").format(number=number))
    data = approval_signature.payload(incident.id, notice.id, digest, approval.reviewer, approval.time)
    try:
        return approval_signature.verify(data, signature, allowed_signers)
    except approval_signature.SignatureError as exc:
        raise ApprovalError(_("notice {number} cannot be sent: {reason}.").format(number=number, reason=exc)) from None
