"""Reading the status page out of incident files: what their sent notices said, as a `StatusPage`.

The incident files are input from others, so each notice is published from what went out: its
archived message, checked against the SHA-256 its sent record holds. When the notice's fields still
render to that message's text, the page shows them as structured HTML; otherwise it shows the archived
text as it was sent (`verbatim`), so words edited into a file afterwards never reach the page.
A file that cannot be read stops the whole publish (a page must not silently drop an incident);
a notice whose archive is missing or changed is left out and named in the problems.
"""
from __future__ import annotations

import email.policy
import os
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from email.parser import BytesParser
from pathlib import Path

from markupsafe import escape

from ..i18n import _, ngettext
from ..incident.components import SEVERITY, ComponentError, parse_components, worst_status
from ..incident.model import Incident, Notice
from ..incident.page_id import page_id
from ..incident.times import TimeError, parse_zoned
from ..incident.window import maintenance_window
from ..mail import archive, record
from ..render.renderer import Renderer
from ..render.textformat import one_line, shorten
from ..storage.fileformat import SUFFIX, IncidentFileError, load
from ..settings import Settings
from .model import (
    ACTIVE,
    COMPLETED,
    OPEN,
    RESOLVED,
    UPCOMING,
    ComponentState,
    PublishedIncident,
    PublishedUpdate,
    StatusPage,
)

MAINTENANCE_STATES = {"scheduled": UPCOMING, "reminder": UPCOMING, "in-progress": ACTIVE, "extended": ACTIVE,
                      "completed": COMPLETED}
# Worst component status -> (indicator, description), as status-page clients read them.
INDICATORS = {
    "major-outage": ("critical", "Major service outage"),
    "partial-outage": ("major", "Partial service outage"),
    "degraded-performance": ("minor", "Minor service outage"),
    "under-maintenance": ("maintenance", "Service under maintenance"),
}
IMPACT_INDICATORS = {"critical": INDICATORS["major-outage"], "major": INDICATORS["partial-outage"],
                     "minor": INDICATORS["degraded-performance"]}
RANK = ("none", "maintenance", "minor", "major", "critical")
ALL_OPERATIONAL = ("none", "All systems operational")
SHORT_LIMIT = 280


class CollectError(ValueError):
    """An incident file that cannot be published; one line naming it."""


def incident_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The incident files named, and those directly inside the folders named, each once, sorted."""
    found: dict[Path, None] = {}
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            found.update(dict.fromkeys(sorted(p for p in path.glob(f"*{SUFFIX}"))))
        elif path.exists() or path.is_symlink():
            found[path] = None
        else:
            raise CollectError(_("{file}: no such file or folder").format(file=path))
    return list(found)


def _utc(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(timezone.utc)
    except ValueError:
        return None


def _zoned_utc(value: str) -> datetime | None:
    try:
        return parse_zoned(value).utc if value else None
    except TimeError:
        return None


def _components(notice: Notice) -> tuple[tuple[str, str], ...]:
    try:
        return tuple(parse_components(notice.fields.get("components", "")))
    except ComponentError:
        return ()


def _archived(path: Path, notice: Notice) -> tuple[str, str] | str:
    """(subject, plain text) of the notice's archived message, or why it cannot be published."""
    sent = notice.sent
    try:
        data = archive.read(path, sent.archive or "")
    except archive.ArchiveError as exc:
        return str(exc)
    if not sent.sha256:
        return _("its sent record holds no SHA-256 to check the archive {archive} against").format(archive=sent.archive)
    if archive.sha256(data) != sent.sha256:
        return _("the archive {archive} does not match the SHA-256 its sent record holds").format(archive=sent.archive)
    message = BytesParser(policy=email.policy.default).parsebytes(data)
    body = message.get_body(("plain",))
    if body is None:
        return _("the archive {archive} holds no plain text").format(archive=sent.archive)
    return one_line(str(message.get("Subject", ""))), body.get_content().replace("\r\n", "\n")


def _paragraphs(text: str) -> list[str]:
    return [one_line(p) for p in text.split("\n\n") if one_line(p)]


def _verbatim_short(subject: str, text: str) -> str:
    """A short version taken from the text as sent: its first paragraph after the title."""
    paragraphs = _paragraphs(text)
    first = next((p for p in paragraphs[1:] if p != subject), paragraphs[0] if paragraphs else subject)
    return shorten(first, SHORT_LIMIT)


def _first_paragraph(text: str) -> str:
    return shorten(next(iter(_paragraphs(text)), ""), SHORT_LIMIT)


def _update(incident: Incident, notice: Notice, path: Path, renderer: Renderer) -> PublishedUpdate | str:
    """The notice as published, or why it is left out."""
    number = incident.number(notice)
    time = _utc(notice.sent.time)
    if time is None:
        return _("it has no readable sent time")
    found = _archived(path, notice)
    if isinstance(found, str):
        return found
    subject, text = found
    rendered = renderer.render(incident, notice)
    verbatim = rendered.text != text
    if verbatim:
        html, short = f'<div class="verbatim">{escape(text.rstrip())}</div>\n', _verbatim_short(subject, text)
        summary = short  # the edited summary field never reaches the page
    else:
        html, short = renderer.render_page_fragment(incident, notice), rendered.short
        summary = _first_paragraph(notice.fields.get("summary", "")) or short
    return PublishedUpdate(notice_id=notice.id, number=number, kind=notice.kind,
                           status=notice.fields.get("status", ""), time=time, subject=subject, short=short,
                           text=text, html=html, components=() if verbatim else _components(notice),
                           verbatim=verbatim, summary=summary)


def left_out_line(file: str, numbers: Sequence[int], reason: str) -> str:
    """One line for the notices of one file left out for one reason (a missing archive folder is every
    notice's reason: one line, not one a notice)."""
    return ngettext("{file}: notice {numbers} was left out: {reason}",
                    "{file}: notices {numbers} were left out: {reason}", len(numbers)).format(
        file=file, numbers=_(", ").join(str(n) for n in numbers), reason=reason)


def _state(incident: Incident, sent: list[Notice]) -> str:
    newest = sent[-1].fields.get("status", "")
    if incident.kind == "maintenance":
        return MAINTENANCE_STATES.get(newest, UPCOMING)
    closed = any(n.kind in ("resolution", "post-incident") for n in sent) or newest == "resolved"
    return RESOLVED if closed else OPEN


def published_incident(incident: Incident, path: Path, renderer: Renderer) -> tuple[PublishedIncident | None, list[str]]:
    """The incident as its sent notices tell it (None when nobody may have any of them), and problems."""
    sent = [n for n in incident.notices if n.is_sent and record.may_have_it(n.sent)]
    updates, left_out = [], {}
    for notice in sent:
        found = _update(incident, notice, path, renderer)
        if isinstance(found, str):
            left_out.setdefault(found, []).append(incident.number(notice))
        else:
            updates.append(found)
    problems = [left_out_line(path.name, numbers, reason) for reason, numbers in left_out.items()]
    if not updates:
        return None, problems
    updates.sort(key=lambda u: (u.time, u.number), reverse=True)
    # Title, service, impact, components and window from the newest notice whose fields still render to
    # what was sent: a notice edited after sending is published as its archive, its edited fields never.
    verified = next((u for u in updates if not u.verbatim), None)
    basis = next((n.fields for n in sent if verified and n.id == verified.notice_id), None)
    state = _state(incident, sent)
    window_start, window_end = maintenance_window(incident, basis) if basis and incident.kind == "maintenance" \
        else (None, None)
    basis = basis or {"title": updates[0].subject}
    resolved = _zoned_utc(incident.times.get("resolved", "")) or updates[0].time if state == RESOLVED else None
    return PublishedIncident(
        id=page_id(incident.id), kind=incident.kind, title=basis.get("title", ""),
        service=basis.get("service", ""), state=state, impact=basis.get("impact_level", ""),
        created=updates[-1].time, updated=updates[0].time,
        started=_zoned_utc(incident.times.get("started", "")), resolved=resolved,
        window_start=window_start.utc if window_start else None, window_end=window_end.utc if window_end else None,
        components=verified.components if verified else (), updates=tuple(updates), source=path.name,
    ), problems


def _component_states(settings: Settings, incidents: Sequence[PublishedIncident]) -> tuple[ComponentState, ...]:
    """The organisation's components first, then others the open incidents name, each at the worst
    status an open incident or active maintenance gives it."""
    current = [i for i in incidents if i.state in (OPEN, ACTIVE)]
    names = list(dict.fromkeys(settings.components))
    known = {n.casefold() for n in names}
    for incident in current:
        for name, _status in incident.components:
            if name.casefold() not in known:
                known.add(name.casefold())
                names.append(name)
    states = []
    for name in names:
        reports = [(i.id, status) for i in current for n, status in i.components
                   if n.casefold() == name.casefold() and status != "operational"]
        worst = worst_status([(name, status) for _id, status in reports]) or "operational"
        states.append(ComponentState(name, worst, tuple(dict.fromkeys(i for i, _s in reports))))
    return tuple(states)


def _overall(components: Sequence[ComponentState], incidents: Sequence[PublishedIncident]) -> tuple[str, str]:
    """The page's indicator and description: from the worst component, or the open incidents' impact."""
    candidates = [ALL_OPERATIONAL]
    worst = max((c.status for c in components), key=SEVERITY.__getitem__, default="operational")
    if worst in INDICATORS:
        candidates.append(INDICATORS[worst])
    for incident in incidents:
        if incident.state == OPEN:
            candidates.append(IMPACT_INDICATORS.get(incident.impact, INDICATORS["degraded-performance"]))
        elif incident.state == ACTIVE:
            candidates.append(INDICATORS["under-maintenance"])
    return max(candidates, key=lambda pair: RANK.index(pair[0]))


def page_title(settings: Settings, title: str = "") -> str:
    if title.strip() or settings.status_page_title.strip():
        return one_line(title or settings.status_page_title)
    own = next((n for n in settings.own_names if n.strip()), "")
    return f"{one_line(own)} status" if own else "Service status"


def page_url(settings: Settings, url: str = "") -> str:
    chosen = (url or settings.status_page_url).strip()
    return chosen if not chosen or chosen.endswith("/") else chosen + "/"


def collect(paths: Iterable[str | os.PathLike], settings: Settings, renderer: Renderer, *, url: str = "",
            title: str = "") -> tuple[StatusPage, list[str]]:
    """The status page the incident files' sent notices make, and problems with notices left out.
    CollectError (one line naming the file) when a file cannot be read or two hold the same incident."""
    incidents, problems, seen = [], [], {}
    for path in incident_files(paths):
        try:
            incident = load(path)
        except IncidentFileError as exc:
            raise CollectError(_("cannot publish: {reason}").format(reason=exc)) from None
        if incident.id in seen:
            raise CollectError(_("cannot publish: {file} and {other} hold the same incident ({id}); keep one of "
                                 "them").format(file=seen[incident.id], other=path, id=incident.id))
        seen[incident.id] = path
        found, notes = published_incident(incident, path, renderer)
        problems += notes
        if found is not None:
            incidents.append(found)
    by_id: dict[str, PublishedIncident] = {}
    for incident in incidents:  # two ids that end up as one file name: neither may hide the other
        if incident.id in by_id:
            raise CollectError(_("cannot publish: {file} and {other} give the same page name {id}").format(
                file=by_id[incident.id].source, other=incident.source, id=incident.id))
        by_id[incident.id] = incident
    incidents.sort(key=lambda i: (i.updated, i.id), reverse=True)
    components = _component_states(settings, incidents)
    indicator, description = _overall(components, incidents)
    newest = max((i.updated for i in incidents), default=None)
    page = StatusPage(title=page_title(settings, title), url=page_url(settings, url), newest=newest,
                      indicator=indicator, description=description, components=components,
                      incidents=tuple(incidents))
    return page, problems
