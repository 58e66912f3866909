"""`review`, `request-review`, `approve` and `request-changes`: the reviewer's side, from a terminal.

The commands that change the file write through `editing.change`: they take the file's edit lock
for the moment they write (a stale lock is taken over; a live one is refused unless --ignore-lock),
and save only if nobody changed the file between reading and writing it.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..core import safe_text
from ..core.i18n import _
from ..core.incident.fields import FIELD_NAMES, kind_label
from ..core.incident.model import Notice, NoticeLocked
from ..core.incident.times import format_stored
from ..core.review import audit, textdiff
from ..core.review import workflow as review
from ..core.session.errors import SendError
from ..core.session.session import Session
from ..core.storage.locks import read_lock
from .base import (
    EXIT_OK,
    change,
    lock_option,
    notice_option,
    open_session,
    pick,
    services,
)


def register(subparsers) -> None:
    show = subparsers.add_parser(
        "review", help=_("show a notice for review: text, findings, changes since the previous notice"))
    show.add_argument("file", type=Path)
    notice_option(show)
    show.set_defaults(func=run_review)

    ask = subparsers.add_parser("request-review", help=_("mark the newest notice as waiting for review"))
    ask.add_argument("file", type=Path)
    ask.add_argument("--reviewer", metavar="NAME", help=_("who should review it (recorded in the log)"))
    notice_option(ask)
    lock_option(ask)
    ask.set_defaults(func=run_request_review)

    approve = subparsers.add_parser("approve", help=_("approve the exact text of a notice in review"))
    approve.add_argument("file", type=Path)
    approve.add_argument("--reviewer", metavar="NAME", required=True, help=_("who approves it"))
    approve.add_argument("--comment", metavar="TEXT", help=_("a note for the log"))
    notice_option(approve)
    lock_option(approve)
    approve.set_defaults(func=run_approve)

    changes = subparsers.add_parser("request-changes", help=_("send a notice back to its author with a comment"))
    changes.add_argument("file", type=Path)
    changes.add_argument("--reviewer", metavar="NAME", required=True, help=_("who asks for the changes"))
    changes.add_argument("--comment", metavar="TEXT", required=True, help=_("what should change"))
    changes.add_argument("--field", choices=FIELD_NAMES, metavar="FIELD",
                         help=_("the field the comment is about (e.g. summary)"))
    notice_option(changes)
    lock_option(changes)
    changes.set_defaults(func=run_request_changes)


def _change(args, step) -> int:
    """Apply `step(session, notice)` to the chosen notice through `editing.change`, which returns the
    line to print once the file is saved."""
    print(change(args, lambda session: step(session, pick(session, args.notice)),
                 errors=(review.ReviewError, NoticeLocked)))
    return EXIT_OK


def run_request_review(args) -> int:
    def step(session, notice):
        session.request_review(notice, args.reviewer)
        return _("notice {number} is in review (requested by {who})").format(
            number=session.number(notice), who=services().settings.identity())
    return _change(args, step)


def run_approve(args) -> int:
    def step(session, notice):
        session.approve(notice, args.reviewer, args.comment)
        approval, key = review.approval_of(notice), services().settings.signing_key
        line = _("notice {number} approved by {reviewer} (sha256 {hash}, signed with {key})") if key else \
            _("notice {number} approved by {reviewer} (sha256 {hash})")
        return line.format(number=session.number(notice), reviewer=approval.reviewer, hash=approval.hash, key=key)
    return _change(args, step)


def run_request_changes(args) -> int:
    def step(session, notice):
        session.request_changes(notice, args.reviewer, args.comment, field=args.field)
        return _("notice {number} sent back to its author with your comment").format(number=session.number(notice))
    return _change(args, step)


def _findings(session: Session, notice: Notice) -> list[str]:
    """The checks' findings as lines, with the user's rule packs as `check` and the window use them."""
    try:
        tone = session.services.tone(session.incident.language)
        for problem in tone.problems:
            print(_("outagewriter review: rule pack: {problem}").format(problem=problem), file=sys.stderr)
        findings = session.services.check(session.incident, notice)
    except Exception as exc:  # a broken rule pack must not hide the notice from its reviewer
        return [_("(the checks could not run: {problem})").format(problem=exc)]
    return [f"{f.severity}: {f.field}: {f.message}" + (f" [{f.match}]" if f.match else "") for f in findings]


class _EscapesShown:
    """A reviewer's terminal must show every character of what is sent, never obey one: an ESC
    sequence could hide a sentence from the reviewer (the file refuses them, a template may not)."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text: str) -> None:
        self.stream.write(safe_text.visible(text))


def run_review(args) -> int:
    session = open_session(args.file)
    settings = services().settings
    incident, notice = session.incident, pick(session, args.notice)
    number = session.number(notice)
    rendered = session.render(notice)
    out = _EscapesShown(sys.stdout)
    for problem in rendered.problems:
        print(safe_text.visible(_("outagewriter: template problem: {problem}").format(problem=problem)), file=sys.stderr)

    out.write(_("Notice {number} of {count} ({kind}): {state}").format(
        number=number, count=len(incident.notices), kind=kind_label(notice.kind),
        state=review.state_label(review.display_state(incident, notice, rendered))) + "\n")
    status = review.approval_status(incident, notice, rendered)
    if isinstance(status, review.Valid):
        out.write(_("Approval: approved by {reviewer} ({time})").format(
            reviewer=status.approval.reviewer, time=format_stored(status.approval.time)) + "\n")
    elif isinstance(status, review.Void):
        out.write(_("Approval: {state}").format(state=status.describe()) + "\n")
    else:
        out.write(_("Approval: {state}").format(state=_(status.reason)) + "\n")
    holder = read_lock(args.file)
    if holder is not None:
        out.write(_("Open for editing: {holder}").format(holder=holder.describe(format_stored)) + "\n")
    if not notice.is_sent:
        try:
            signer = session.check_send(notice).signer  # what `send` checks, the same way
            out.write((_("Ready to send (approval signed by {signer}).").format(signer=signer) if signer
                       else _("Ready to send.")) + "\n")
        except review.ApprovalError as exc:
            why = exc if settings.require_signed_approval else _("it needs an approval of this exact text.")
            out.write(_("Not ready to send: {why}").format(why=why) + "\n")
        except SendError as exc:
            out.write(_("Not ready to send: {why}").format(why=exc) + "\n")

    out.write("\n" + "=" * 72 + "\n")
    out.write(_("Subject: {subject}").format(subject=rendered.subject) + f"\n\n{rendered.text}")
    out.write("=" * 72 + "\n")

    requests = review.change_requests(notice)
    if requests:
        out.write("\n" + _("Changes requested:") + "\n")
        for item in requests:
            out.write(f"- {item.describe()}\n")

    findings = _findings(session, notice)
    out.write("\n" + (_("Findings ({count}):").format(count=len(findings)) if findings else _("Findings: none")) + "\n")
    for line in findings:
        out.write(f"- {line}\n")

    diffs = session.changes_since_previous(notice, rendered)
    if diffs is not None:
        out.write("\n" + _("Changes since notice {number}:").format(number=number - 1) + "\n")
        out.write((textdiff.format_diff(diffs, context_words=8) if diffs else _("(none in subject or text)")) + "\n")
    else:
        out.write("\n" + _("Changes since the previous notice: this is the first notice.") + "\n")

    entries = audit.timeline(incident, notice)
    if entries:
        out.write("\n" + _("History:") + "\n")
        for entry in entries:
            out.write(f"- {entry.describe(format_stored)}\n")
    return EXIT_OK
