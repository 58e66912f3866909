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


def _archived(incident_path: str | None, notice: Notice) -> tuple[str, str] | str:
    """(subject, text) of the archived message, or why it cannot be used."""
    if not incident_path:
        return "the incident has not been saved to a file"
    try:
        data = archive.read(incident_path, notice.sent.archive or "")
    except archive.ArchiveError as exc:
        return str(exc)
    if notice.sent.sha256 and archive.sha256(data) != notice.sent.sha256:
        return f"the archive {notice.sent.archive} was changed after the notice went out"
    message = BytesParser(policy=email.policy.default).parsebytes(data)
    body = message.get_body(("plain",))
    if body is None:
        return f"the archive {notice.sent.archive} holds no plain text"
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
            return approved.subject, approved.text, f"The archived message could not be read ({found}); " \
                                                    "this is the approved text."
        rendered = renderer.render(incident, notice)
        return rendered.subject, rendered.text, f"The archived message could not be read ({found}); " \
                                                "this is the notice as it renders now."
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


def incident_record(incident: Incident, incident_path: str | None, renderer: Renderer) -> IncidentRecord:
    history = story.timeline(incident)
    times = [(e.text.removeprefix("Incident "), e.when) for e in history if e.what == story.TIME]
    times.sort(key=lambda item: TIME_NAMES.index(item[0]))
    return IncidentRecord(incident.title, incident.service, incident.kind, incident.zone or "UTC", times,
                          notice_records(incident, incident_path, renderer), history)


def export(incident: Incident, incident_path: str | None, renderer: Renderer, fmt: str) -> str:
    """The incident as `fmt` ('md' or 'html'); ValueError for another format."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use {' or '.join(FORMATS)}")
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
    lines = [f"# {_md(record.title)}", "", f"- Service: {_md(record.service)}", f"- Kind: {record.kind}",
             f"- Time zone: {record.zone}"]
    lines += [f"- {name.capitalize()}: {when}" for name, when in record.times]
    for notice in record.notices:
        state = "DRAFT, not sent" if notice.draft else "sent"
        lines += ["", f"## Notice {notice.number}: {notice.kind}, {notice.status or 'no status'}"
                      f"{' (DRAFT)' if notice.draft else ''}", "",
                  f"- State: {state}", f"- {'Started' if notice.draft else 'Sent'}: {notice.when}",
                  f"- Recipients: {notice.recipients}"]
        if notice.audiences:
            lines.append(f"- Audiences: {_md(notice.audiences)}")
        lines.append(f"- Subject: {_md(notice.subject)}")
        if notice.note:
            lines.append(f"- Note: {_md(notice.note)}")
        lines += ["", _fenced(notice.text)]
    lines += ["", "## History", ""] + [f"- {_md(entry.line())}" for entry in record.history]
    return "\n".join(lines) + "\n"


def to_html(record: IncidentRecord) -> str:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    template = env.from_string(resource("export", "incident.html").read_text(encoding="utf-8"))
    return template.render(record=record)
