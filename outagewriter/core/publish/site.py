"""The status page's HTML: the front page, one page per incident, and the history by month.

Templates are in outagewriter/resources/status_page/ (autoescaped). Every link is relative, so the folder
works opened from disk and served from any host. Nothing here reads the clock: the page names the time
of its newest notice, so the same incidents always give the same bytes.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import jinja2

from ..incident.components import STATUS_LABELS
from ..shipped import resource
from .model import ACTIVE, COMPLETED, HISTORY_DAYS, OPEN, RESOLVED, UPCOMING, PublishedIncident, StatusPage

TEMPLATES = "status_page"
STATE_LABELS = {OPEN: "Open", RESOLVED: "Resolved", UPCOMING: "Scheduled", ACTIVE: "In progress",
                COMPLETED: "Completed"}
# The words the emails use for a notice's status and kind (templates/en/phrases.txt).
STATUS_WORDS = {"investigating": "Investigating", "identified": "Identified", "monitoring": "Monitoring",
                "resolved": "Resolved", "scheduled": "Scheduled", "reminder": "Reminder",
                "in-progress": "In progress", "extended": "Extended", "completed": "Completed"}
KIND_WORDS = {"initial": "Incident notice", "update": "Update", "resolution": "Resolution",
              "post-incident": "Post-incident report", "maintenance": "Maintenance notice"}
IMPACT_LABELS = {"minor": "Minor impact", "major": "Major impact", "critical": "Critical impact"}


# English names, whatever the machine's locale: the same input gives the same bytes everywhere.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _utc_text(moment: datetime) -> str:
    moment = moment.astimezone(timezone.utc)
    return f"{moment.day} {MONTHS[moment.month - 1][:3]} {moment.year}, {moment:%H:%M} UTC"


def _day_text(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _day(incident: PublishedIncident) -> date:
    return incident.updated.astimezone(timezone.utc).date()


def _by_day(incidents) -> list[tuple[date, list[PublishedIncident]]]:
    """Newest day first; within a day, as the page orders incidents (newest update first)."""
    ordered = sorted(incidents, key=lambda i: (_day(i), i.updated, i.id), reverse=True)
    return [(day, list(group)) for day, group in itertools.groupby(ordered, key=_day)]


def _environment() -> jinja2.Environment:
    def load(name: str) -> str:
        return resource(TEMPLATES, name).read_text(encoding="utf-8")

    env = jinja2.Environment(loader=jinja2.FunctionLoader(load), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(utc=_utc_text, iso=_iso, groupby_day=_by_day, day_iso=date.isoformat,
                       day_text=_day_text)
    env.globals.update(component_labels=STATUS_LABELS, state_labels=STATE_LABELS, status_words=STATUS_WORDS,
                       kind_words=KIND_WORDS, impact_labels=IMPACT_LABELS, history_days=HISTORY_DAYS)
    return env


@dataclass(frozen=True)
class Month:
    file: str  # e.g. "2026-11.html", inside history/
    label: str  # "November 2026"
    incidents: tuple[PublishedIncident, ...]

    @property
    def count(self) -> int:
        return len(self.incidents)


def months(page: StatusPage) -> list[Month]:
    """Every incident in the month of its newest update, newest month first."""
    def key(incident: PublishedIncident) -> tuple[int, int]:
        moment = incident.updated.astimezone(timezone.utc)
        return moment.year, moment.month

    ordered = sorted(page.incidents, key=lambda i: (key(i), i.updated, i.id), reverse=True)
    return [Month(f"{year:04d}-{month:02d}.html", f"{MONTHS[month - 1]} {year}", tuple(group))
            for (year, month), group in itertools.groupby(ordered, key=key)]


def past_incidents(page: StatusPage) -> list[PublishedIncident]:
    """What ended within HISTORY_DAYS of the newest notice: resolved incidents and completed maintenance."""
    if page.newest is None:
        return []
    since = page.newest - timedelta(days=HISTORY_DAYS)
    return [i for i in page.with_state(RESOLVED, COMPLETED) if i.updated >= since]


def site_files(page: StatusPage) -> dict[str, bytes]:
    """Relative path -> bytes of every page of the site and its stylesheet."""
    env = _environment()

    def render(name: str, root: str, current: str, **context) -> bytes:
        html = env.get_template(name).render(page=page, root=root, current=current, **context)
        return html.encode("utf-8")

    maintenance = sorted(page.with_state(ACTIVE, UPCOMING),
                         key=lambda i: (i.state != ACTIVE, i.window_start or i.updated, i.id))
    files = {
        "index.html": render("index.html", "", "index", open_incidents=page.with_state(OPEN),
                             maintenance=maintenance, past=past_incidents(page)),
        "style.css": resource(TEMPLATES, "style.css").read_bytes(),
    }
    for incident in page.incidents:
        files[f"incidents/{incident.id}.html"] = render("incident.html", "../", "", incident=incident)
    every_month = months(page)
    files["history/index.html"] = render("history_index.html", "../", "history", months=every_month)
    for month in every_month:
        files[f"history/{month.file}"] = render("history_month.html", "../", "history", month=month)
    return dict(sorted(files.items()))
