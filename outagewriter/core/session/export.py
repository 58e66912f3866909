"""The whole incident for the records, as Markdown or as one self-contained HTML page.

A sent notice is told as it went out: the subject and plain text of its archived message (the
`.eml` beside the incident, see core/mail/archive.py). When that archive cannot be read, its
approved content stands in, else the notice as it renders now, and the record says so. The draft
is rendered by the same renderer as the preview and is marked as a draft.
"""
from __future__ import annotations

import email.policy
import re
from dataclasses import dataclass
from email.parser import BytesParser

import jinja2

from ..i18n import N_, _, active_language, pgettext
from ..incident.fields import kind_label, status_label
from ..incident.model import TIME_NAMES, Incident, Notice
from ..mail import archive, resend
from ..render.renderer import Renderer
from ..review import timeline as story
from ..shipped import resource

FORMATS = ("md", "html")


def format_for_path(path: str) -> str:
    """'html' for a file named .html or .htm, else 'md'."""
    return "html" if str(path).lower().endswith((".html", ".htm")) else "md"


@dataclass(frozen=True)
class NoticeRecord:
    number: int
    kind: str
    status: str
    draft: bool
    when: str  # sent time (or, for a draft, when it was started), in the incident's zone and UTC
    recipients: int
    audiences: str
    subject: str
    text: str
    note: str = ""  # where the text comes from, when it is not the archived message

    @property
    def kind_label(self) -> str:
        """The notice kind in the program's language ("update" in English, 続報 in Japanese)."""
        return kind_label(self.kind)

    @property
    def recipients_text(self) -> str:
        """How many it was addressed to, with the counter word the program's language wants ('2'; '2件')."""
        return pgettext("number of recipients", "{count}").format(count=self.recipients)

    @property
    def status_label(self) -> str:
        """The status in the program's language; "" when the notice has none."""
        return status_label(self.status) if self.status else ""


def _archived(incident_path: str | None, notice: Notice) -> tuple[str, str] | str:
    """(subject, text) of the archived message, or why it cannot be used."""
    if not incident_path:
        return _("the incident has not been saved to a file")
    try:
        data = archive.read(incident_path, notice.sent.archive or "")
    except archive.ArchiveError as exc:
        return str(exc)
    if notice.sent.sha256 and archive.sha256(data) != notice.sent.sha256:
        return _("the archive {archive} was changed after the notice went out").format(archive=notice.sent.archive)
    message = BytesParser(policy=email.policy.default).parsebytes(data)
    body = message.get_body(("plain",))
    if body is None:
        return _("the archive {archive} holds no plain text").format(archive=notice.sent.archive)
    return str(message.get("Subject", "")), body.get_content()


def _content(incident: Incident, notice: Notice, incident_path: str | None,
             renderer: Renderer) -> tuple[str, str, str]:
    """(subject, text, note) of a notice as it went out, or as it reads now for a draft."""
    if notice.is_sent:
        found = _archived(incident_path, notice)
        if isinstance(found, tuple):
            return found[0], found[1], ""
        approved = resend.approved_rendering(notice)
        if approved is not None:
            return approved.subject, approved.text, _("The archived message could not be read ({reason}); "
                                                      "this is the approved text.").format(reason=found)
        rendered = renderer.render(incident, notice)
        return rendered.subject, rendered.text, _("The archived message could not be read ({reason}); "
                                                  "this is the notice as it renders now.").format(reason=found)
    rendered = renderer.render(incident, notice)
    return rendered.subject, rendered.text, ""


def notice_records(incident: Incident, incident_path: str | None, renderer: Renderer) -> list[NoticeRecord]:
    entries = {e.number: e for e in story.timeline(incident) if e.what == story.NOTICE}
    records = []
    for notice in incident.notices:
        number = incident.number(notice)
        subject, text, note = _content(incident, notice, incident_path, renderer)
        records.append(NoticeRecord(number, notice.kind, notice.fields["status"], not notice.is_sent,
                                    entries[number].when, story.recipient_count(notice),
                                    notice.fields["audiences"], subject, text, note))
    return records


@dataclass(frozen=True)
class IncidentRecord:
    title: str
    service: str
    kind: str
    zone: str
    times: list[tuple[str, str]]  # (name, when) in the incident's zone and UTC
    notices: list[NoticeRecord]
    history: list[story.Entry]

    @property
    def kind_label(self) -> str:
        """The incident's kind in the program's language ("incident" or "maintenance" in English)."""
        return incident_kind_label(self.kind)


def incident_kind_label(kind: str) -> str:
    if kind == "maintenance":
        return pgettext("incident kind", "maintenance")
    if kind == "incident":
        return pgettext("incident kind", "incident")
    return kind


def headings() -> dict[str, str]:
    """The record's own words, in the program's language (the notices keep their own)."""
    return {"service": _("Service"), "kind": _("Kind"), "zone": _("Time zone"), "notice": _("Notice {number}"),
            "no_status": _("no status"), "draft": _("DRAFT"), "draft_state": _("DRAFT, not sent"),
            "sent_state": _("sent"), "state": _("State"), "started": _("Started"), "sent": _("Sent"),
            "recipients": _("Recipients"), "audiences": _("Audiences"), "subject": _("Subject"), "note": _("Note"),
            "history": _("History"), "when": _("When ({zone})"), "what": _("What"),
            "record": _("incident record"), "separator": _(", ")}


TIME_HEADINGS = {"started": N_("Started"), "detected": N_("Detected"), "mitigated": N_("Mitigated"),
                 "resolved": N_("Resolved")}


def incident_record(incident: Incident, incident_path: str | None, renderer: Renderer) -> IncidentRecord:
    history = story.timeline(incident)
    told = {e.text: e.when for e in history if e.what == story.TIME}  # in the program's language
    times = [(_(TIME_HEADINGS[name]), told[_(story.TIME_EVENTS[name])]) for name in TIME_NAMES
             if _(story.TIME_EVENTS[name]) in told]
    return IncidentRecord(incident.title, incident.service, incident.kind, incident.zone or "UTC", times,
                          notice_records(incident, incident_path, renderer), history)


def export(incident: Incident, incident_path: str | None, renderer: Renderer, fmt: str) -> str:
    """The incident as `fmt` ('md' or 'html'); ValueError for another format."""
    if fmt not in FORMATS:
        raise ValueError(_("unknown export format {format!r}; use md or html").format(format=fmt))  # FORMATS
    record = incident_record(incident, incident_path, renderer)
    return to_markdown(record) if fmt == "md" else to_html(record)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")  # what could start emphasis, a link, code or HTML


def _md(text: str) -> str:
    """One line of the user's text, read literally by any Markdown viewer."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _fenced(text: str) -> str:
    """The text verbatim in a fence longer than any run of backticks inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text.rstrip()}\n{fence}"


def to_markdown(record: IncidentRecord) -> str:
    w = headings()
    lines = [f"# {_md(record.title)}", "", f"- {w['service']}: {_md(record.service)}", f"- {w['kind']}: {record.kind_label}",
             f"- {w['zone']}: {record.zone}"]
    lines += [f"- {name}: {when}" for name, when in record.times]
    for notice in record.notices:
        state = w["draft_state"] if notice.draft else w["sent_state"]
        title = w["notice"].format(number=notice.number)
        draft = _(" ({detail})").format(detail=w["draft"]) if notice.draft else ""  # Japanese: full-width （）
        lines += ["", f"## {title}: {notice.kind_label}{w['separator']}{notice.status_label or w['no_status']}{draft}",
                  "",
                  f"- {w['state']}: {state}", f"- {w['started'] if notice.draft else w['sent']}: {notice.when}",
                  f"- {w['recipients']}: {notice.recipients_text}"]
        if notice.audiences:
            lines.append(f"- {w['audiences']}: {_md(notice.audiences)}")
        lines.append(f"- {w['subject']}: {_md(notice.subject)}")
        if notice.note:
            lines.append(f"- {w['note']}: {_md(notice.note)}")
        lines += ["", _fenced(notice.text)]
    lines += ["", f"## {w['history']}", ""] + [f"- {_md(entry.line())}" for entry in record.history]
    return "\n".join(lines) + "\n"


def to_html(record: IncidentRecord) -> str:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    template = env.from_string(resource("export", "incident.html").read_text(encoding="utf-8"))
    return template.render(record=record, w=headings(), lang=active_language())
