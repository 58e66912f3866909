"""The status page as data: what `collect.py` reads out of incident files and every output is made from
(the HTML pages in site.py, the Atom and RSS feeds in feeds.py, the JSON summary in summary.py).

Only notices that went out are here: a draft never reaches this model, so no output can leak one.
Times are timezone-aware UTC datetimes; each output formats them its own way. Lists are in the
order every output shows them, so the same incident files always give the same bytes.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# An incident's state on the page. Incidents: open until a resolution or post-incident report went out.
# Maintenance: upcoming (scheduled, reminder), active (in-progress, extended), completed.
OPEN, RESOLVED = "open", "resolved"
UPCOMING, ACTIVE, COMPLETED = "upcoming", "active", "completed"
STATES = (OPEN, RESOLVED, UPCOMING, ACTIVE, COMPLETED)
HISTORY_DAYS = 90  # the front page lists what ended within this many days of the newest notice


@dataclass(frozen=True)
class PublishedUpdate:
    """One sent notice, as the page shows it."""

    notice_id: str
    number: int  # 1 = the incident's first notice
    kind: str  # initial | update | resolution | post-incident | maintenance
    status: str  # the notice's status: investigating, identified, ..., scheduled, completed
    time: datetime  # when it went out (its sent record's time), UTC
    subject: str  # the subject it was emailed with
    short: str  # its short version (one paragraph, at most 280 characters)
    text: str  # its plain text exactly as emailed
    html: str  # its body as an HTML fragment for the page (safe: escaped by the templates that made it)
    components: tuple[tuple[str, str], ...]  # (name, status) as this notice reported them
    verbatim: bool = False  # True: `html` is `text` as sent, because the fields no longer render to it
    summary: str = ""  # the first paragraph of its summary, one line (lists show it beside the title)


@dataclass(frozen=True)
class PublishedIncident:
    id: str  # the incident's id, safe as a file name (collect.py makes it so)
    kind: str  # incident | maintenance
    title: str  # of its newest sent notice: a draft's newer title never shows
    service: str
    state: str  # one of STATES
    impact: str  # the newest sent notice's impact level ("" when not given)
    created: datetime  # its first sent notice's time
    updated: datetime  # its newest sent notice's time
    started: datetime | None
    resolved: datetime | None
    window_start: datetime | None  # maintenance only
    window_end: datetime | None
    components: tuple[tuple[str, str], ...]  # as its newest sent notice reports them
    updates: tuple[PublishedUpdate, ...]  # newest first
    source: str  # the incident file's name, for messages (never shown on the page)


@dataclass(frozen=True)
class ComponentState:
    name: str
    status: str  # core/incident/components.py COMPONENT_STATUSES
    incidents: tuple[str, ...]  # ids of the open incidents and active maintenance that set it


@dataclass(frozen=True)
class StatusPage:
    title: str
    url: str  # where readers find it, ending in "/"; "" when not set (links are then relative)
    newest: datetime | None  # the newest sent notice's time: the page says "as of" this, never "now"
    indicator: str  # none | minor | major | critical | maintenance (as status-page clients read it)
    description: str  # "All systems operational", "Partial outage", ...
    components: tuple[ComponentState, ...]  # the organisation's components first, in settings order
    incidents: tuple[PublishedIncident, ...]  # every incident with a sent notice, newest update first

    def with_state(self, *states: str) -> tuple[PublishedIncident, ...]:
        return tuple(i for i in self.incidents if i.state in states)
