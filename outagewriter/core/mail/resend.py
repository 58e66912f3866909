"""What a retry may send: only the archived message of the first send, and only if it is the approved notice.

The incident file is shared and can be edited by hand, so its `sent` record is not taken on trust.
A retry sends the archive only when all of these hold:
  * the archive is a regular file inside the incident's own archive folder (archive.read);
  * its SHA-256 and Message-ID are the ones recorded when the notice first went out;
  * the recipients it goes to are the ones recorded then (`addressed`), and the notice is still
    addressed to each of them: adding an address later reaches nobody;
  * with approvals required, the notice has a valid approval (the same check as a first send), and
    the archive says exactly what that approval covers: rebuilt from the approved content with the
    same sender, it differs only in its Date and MIME boundary. Without approvals, the archive must
    be the notice as it renders now.
"""
from __future__ import annotations

import dataclasses

from ..i18n import _
from ..incident.model import Incident, Notice
from ..incident.records import SentRecord
from ..render.renderer import Rendered, Renderer, chat_text
from ..review import send_gate
from ..review import workflow as review
from ..settings import Settings
from . import archive
from .archive import ArchiveError
from .message import Sender, build_message
from .message import recipients as notice_recipients


def as_unsent(incident: Incident, notice: Notice) -> tuple[Incident, Notice]:
    """Copies of both in which the notice has no sent record, for the checks a first send makes."""
    twin = dataclasses.replace(notice, sent=None)
    return dataclasses.replace(incident, notices=[twin if n is notice else n for n in incident.notices]), twin


def approval_problem(incident: Incident, notice: Notice, rendered: Rendered, settings: Settings) -> str | None:
    """Why `rendered`, addressed as `notice` is, has no valid approval (as for a first send), or None."""
    unsent_incident, unsent = as_unsent(incident, notice)
    try:
        send_gate.check_can_send(unsent_incident, unsent, rendered, settings)
    except review.ApprovalError as exc:
        return str(exc)
    return None


def approved_rendering(notice: Notice, link: str = "") -> Rendered | None:
    """The content `notice` was approved with; its chat post ends with `link`, the sender's status page
    link, which an approval does not cover (review/content.py)."""
    approval = review.approval_of(notice)
    if approval is None:
        return None
    content = approval.content
    chat = content.get("chat") if isinstance(content.get("chat"), dict) else {}
    short = str(chat.get("text", ""))
    return Rendered(subject=str(content.get("subject", "")), text=str(content.get("text", "")),
                    html=str(content.get("html", "")), short=short, calendar=str(content.get("calendar", "")),
                    chat=chat_text(short, link) if chat else "", chat_to=tuple(str(n) for n in chat.get("to", ())))


def check_approval(incident: Incident, notice: Notice, renderer: Renderer, settings: Settings) -> Rendered:
    """The content `notice` may go out with, or review.ApprovalError naming what is missing. For a
    notice already (partly) sent that is the approved content: its retry sends the archive of it."""
    if notice.is_sent and settings.approval_required:
        rendered = approved_rendering(notice, renderer.page_link(incident)) or renderer.render(incident, notice)
        problem = approval_problem(incident, notice, rendered, settings)
        if problem:
            raise review.ApprovalError(problem)
        return rendered
    rendered = renderer.render(incident, notice)
    send_gate.check_can_send(incident, notice, rendered, settings)
    return rendered


def retry_message(incident: Incident, notice: Notice, incident_path, sender: Sender, renderer: Renderer,
                  settings: Settings) -> tuple[bytes, Rendered]:
    """The archived bytes a retry may send and the content they carry; raises ArchiveError or
    review.ApprovalError (plain words) when the archive or the record cannot be trusted."""
    sent = notice.sent or SentRecord()
    name = sent.archive or ""
    data = archive.read(incident_path, name)
    if not sent.sha256:
        raise ArchiveError(_("its sent record holds no SHA-256 of the archive {archive} (written by hand or by an "
                             "older version), so the archive cannot be shown to be the message that went out").format(
                                 archive=name))
    if archive.sha256(data) != sent.sha256:
        raise ArchiveError(_("the archive {archive} was changed after the notice first went out (its SHA-256 is "
                             "not the one recorded then)").format(archive=name))
    if archive.message_id(data) != sent.message_id:
        raise ArchiveError(_("the archive {archive} does not carry the Message-ID recorded when it first went "
                             "out").format(archive=name))
    addressed = sent.addressed
    if not addressed:
        raise ArchiveError(_("its sent record does not say whom the notice was addressed to when it first went out"))
    current = set(notice_recipients(notice))
    outside = [a for a in addressed if a not in current]
    if outside:
        raise ArchiveError(_("its sent record names recipients the notice is not addressed to: {addresses}").format(
            addresses=", ".join(outside[:3])))
    rendered = check_approval(incident, notice, renderer, settings)
    different = archive.difference(data, build_message(incident, notice, rendered, sender).as_bytes())
    if different:
        message = (_("the archive {archive} is not the approved notice as sent from {sender}: {difference}")
                   if settings.approval_required else
                   _("the archive {archive} is not the notice as sent from {sender}: {difference}"))
        raise ArchiveError(message.format(archive=name, sender=sender.address, difference=different))
    return data, rendered
