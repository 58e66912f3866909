"""The status page's JSON, in the shape of Atlassian Statuspage's public API v2 (`/api/v2/summary.json`
and its siblings), which status widgets, dashboards and monitoring tools already read.

Their words differ from ours: statuses and component states are mapped below (the README has the
table); ids are our own (incident and notice ids) or named after what they stand for, so they stay
the same from one publish to the next. Keys keep Statuspage's order, so the same page gives the same bytes.
"""
from __future__ import annotations

import json
from datetime import UTC, datetime

from ..incident.components import SEVERITY
from ..incident.fields import IMPACT_LEVELS
from .identifiers import component_id, incident_page, page_uuid
from .model import ACTIVE, OPEN, RESOLVED, UPCOMING, PublishedIncident, PublishedUpdate, StatusPage

API = "api/v2/"
MAX_INCIDENTS = 50
SCHEMA = "status_page/statuspage-api"  # resources/status_page/statuspage-api.schema.json (shipped.schema)
# Which of the schema's $defs/files each file has.
SHAPES = {"summary.json": "summary", "status.json": "status", "components.json": "components",
          "incidents.json": "incidents", "incidents/unresolved.json": "unresolved_incidents",
          "scheduled-maintenances.json": "scheduled_maintenances",
          "scheduled-maintenances/upcoming.json": "open_maintenances",
          "scheduled-maintenances/active.json": "open_maintenances"}

# A notice's status as Statuspage names it. A post-incident report is Statuspage's "postmortem";
# a maintenance reminder is still "scheduled" and an extension still "in_progress" (Statuspage
# has no word for either; "verifying" is never used: we do not send such a notice).
MAINTENANCE_STATUSES = {"scheduled": "scheduled", "reminder": "scheduled", "in-progress": "in_progress",
                        "extended": "in_progress", "completed": "completed"}
MAINTENANCE_STATES = {UPCOMING: "scheduled", ACTIVE: "in_progress"}  # else completed
ENDED = ("resolved", "postmortem")
# The impact an incident without an impact level has, from its worst component.
IMPACT_OF_COMPONENT = {"operational": "none", "under-maintenance": "none", "degraded-performance": "minor",
                       "partial-outage": "major", "major-outage": "critical"}


def summary_files(page: StatusPage) -> dict[str, bytes]:
    """Relative path -> bytes of every JSON file."""
    head = {"page": _page(page)}
    incidents = [_incident(page, i) for i in page.incidents if i.kind != "maintenance"]
    unresolved = [_incident(page, i) for i in page.with_state(OPEN)]
    maintenance = [_incident(page, i) for i in page.incidents if i.kind == "maintenance"]
    upcoming = [_incident(page, i) for i in page.with_state(UPCOMING)]
    active = [_incident(page, i) for i in page.with_state(ACTIVE)]
    components = [_component(page, state.name, state.status) for state in page.components]
    status = {"indicator": page.indicator, "description": page.description}
    files = {
        "summary.json": {**head, "components": components, "incidents": unresolved,
                         "scheduled_maintenances": upcoming + active, "status": status},
        "status.json": {**head, "status": status},
        "components.json": {**head, "components": components},
        "incidents.json": {**head, "incidents": incidents[:MAX_INCIDENTS]},
        "incidents/unresolved.json": {**head, "incidents": unresolved},
        "scheduled-maintenances.json": {**head, "scheduled_maintenances": maintenance[:MAX_INCIDENTS]},
        "scheduled-maintenances/upcoming.json": {**head, "scheduled_maintenances": upcoming},
        "scheduled-maintenances/active.json": {**head, "scheduled_maintenances": active},
    }
    return {API + path: _dump(data) for path, data in files.items()}


def update_status(incident: PublishedIncident, update: PublishedUpdate) -> str:
    if incident.kind == "maintenance":
        return MAINTENANCE_STATUSES.get(update.status, "scheduled")
    return "postmortem" if update.kind == "post-incident" else update.status


def incident_status(incident: PublishedIncident) -> str:
    """The incident's status from its newest notice, kept in step with where the page lists it."""
    if incident.kind == "maintenance":
        return MAINTENANCE_STATES.get(incident.state, "completed")
    newest = update_status(incident, incident.updates[0]) if incident.updates else "investigating"
    if incident.state == RESOLVED:
        return newest if newest in ENDED else "resolved"
    # Still open on the page (no resolution notice went out): clients would hide a "resolved" one.
    return "monitoring" if newest in ENDED else newest


def impact(incident: PublishedIncident) -> str:
    if incident.kind == "maintenance":
        return "maintenance"
    if incident.impact in IMPACT_LEVELS:
        return incident.impact
    worst = max((status for _, status in incident.components), key=SEVERITY.__getitem__, default="operational")
    return IMPACT_OF_COMPONENT[worst]


def _time(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def _state(component_status: str) -> str:
    return component_status.replace("-", "_")  # degraded-performance -> degraded_performance


def _dump(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _page(page: StatusPage) -> dict:
    return {"id": page_uuid(page).hex, "name": page.title, "url": page.url or None, "time_zone": "Etc/UTC",
            "updated_at": _time(page.newest)}


def _reported(page: StatusPage, name: str) -> list[datetime]:
    """When sent notices reported on a component (its first and last are its created and updated times)."""
    key = name.casefold()
    return sorted(update.time for incident in page.incidents for update in incident.updates
                  if any(reported.casefold() == key for reported, _ in update.components))


def _component(page: StatusPage, name: str, status: str) -> dict:
    positions = {state.name.casefold(): number for number, state in enumerate(page.components, start=1)}
    times = _reported(page, name)
    return {"id": component_id(name), "name": name, "status": _state(status),
            "created_at": _time(times[0] if times else page.newest),
            "updated_at": _time(times[-1] if times else page.newest),
            "position": positions.get(name.casefold()), "description": None, "showcase": True, "start_date": None,
            "group_id": None, "page_id": page_uuid(page).hex, "group": False, "only_show_if_degraded": False}


def _first(incident: PublishedIncident, *statuses: str) -> datetime | None:
    times = [u.time for u in incident.updates if update_status(incident, u) in statuses]
    return min(times, default=None)


def _incident(page: StatusPage, incident: PublishedIncident) -> dict:
    status = incident_status(incident)
    ended = status in ENDED + ("completed",)
    data = {
        "id": incident.id, "name": incident.title, "status": status,
        "created_at": _time(incident.created), "updated_at": _time(incident.updated),
        "monitoring_at": _time(_first(incident, "monitoring")),
        "resolved_at": _time((incident.resolved or _first(incident, *ENDED, "completed")) if ended else None),
        "impact": impact(incident), "shortlink": incident_page(page, incident.id),
        "started_at": _time(incident.started or incident.created), "page_id": page_uuid(page).hex,
        "incident_updates": _updates(page, incident),
        "components": [_component(page, name, state) for name, state in incident.components],
    }
    if incident.kind == "maintenance":
        data["scheduled_for"] = _time(incident.window_start)
        data["scheduled_until"] = _time(incident.window_end)
    return data


def _updates(page: StatusPage, incident: PublishedIncident) -> list[dict]:
    """Newest first; each names the components it reported, with their state in the notice before."""
    result = []
    for index, update in enumerate(incident.updates):
        before = dict(incident.updates[index + 1].components) if index + 1 < len(incident.updates) else {}
        affected = [{"code": component_id(name), "name": name,
                     "old_status": _state(before.get(name, "operational")),
                     "new_status": _state(status)} for name, status in update.components]
        result.append({"id": update.notice_id, "status": update_status(incident, update), "body": update.text,
                       "incident_id": incident.id, "created_at": _time(update.time),
                       "updated_at": _time(update.time), "display_at": _time(update.time),
                       "affected_components": affected or None, "deliver_notifications": True})
    return result
