"""Status pages built by hand, as the collector builds them from incident files: an incident told in
four notices (resolved, with a post-incident report), an open one, and maintenance in each stage."""
from __future__ import annotations

import uuid

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from outagewriter.core.publish.model import (
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

START = datetime(2026, 11, 27, 8, 58, tzinfo=UTC)
URL = "https://status.acme.example/"


def at(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)


def update(incident: str, number: int, kind: str, status: str, minutes: float,
           components: tuple[tuple[str, str], ...] = (), subject: str = "") -> PublishedUpdate:
    subject = subject or f"{status.capitalize()}: {incident} notice {number}"
    return PublishedUpdate(
        notice_id=uuid.uuid5(uuid.NAMESPACE_OID, f"{incident}/{number}").hex,
        number=number, kind=kind, status=status, time=at(minutes), subject=subject,
        short=f"Short version of {incident} notice {number}.",
        text=f"{subject}\n\nThe plain text of notice {number}, as emailed.\n",
        html=f"<p>Notice {number} of <strong>{incident}</strong> &amp; its details.</p>",
        components=components)


def incident(id: str, kind: str, state: str, updates: list[PublishedUpdate], *, impact: str = "",
             title: str = "", window: tuple[float, float] | None = None) -> PublishedIncident:
    updates = sorted(updates, key=lambda u: u.time, reverse=True)
    return PublishedIncident(
        id=id, kind=kind, title=title or f"Incident {id}", service="Acme Pay", state=state, impact=impact,
        created=updates[-1].time, updated=updates[0].time, started=None,
        resolved=updates[0].time if state in (RESOLVED, COMPLETED) else None,
        window_start=at(window[0]) if window else None, window_end=at(window[1]) if window else None,
        components=updates[0].components, updates=tuple(updates), source=f"{id}.outage")


def page(*incidents: PublishedIncident, url: str = URL, title: str = "Acme Pay status",
         components: tuple[ComponentState, ...] = ()) -> StatusPage:
    incidents = tuple(sorted(incidents, key=lambda i: i.updated, reverse=True))
    newest = max((i.updated for i in incidents), default=None)
    return StatusPage(title=title, url=url, newest=newest, indicator="minor" if incidents else "none",
                      description="Partial outage" if incidents else "All systems operational",
                      components=components, incidents=incidents)


CARDS = (("Card payments", "major-outage"), ("Dashboard", "degraded-performance"))


def story_page(url: str = URL) -> StatusPage:
    """Cards: resolved with a post-incident report; login: open, impact level not given;
    database: completed, upgrade: active (extended), reports: upcoming (reminder sent)."""
    cards = incident("cards", "incident", RESOLVED, [
        update("cards", 1, "initial", "investigating", 0, CARDS),
        update("cards", 2, "update", "monitoring", 60, (("Card payments", "degraded-performance"),
                                                         ("Dashboard", "operational"))),
        update("cards", 3, "resolution", "resolved", 74, (("Card payments", "operational"),
                                                          ("Dashboard", "operational"))),
        update("cards", 4, "post-incident", "resolved", 4 * 24 * 60),
    ], impact="major", title="Card payments failing in Europe")
    login = incident("login", "incident", OPEN, [
        update("login", 1, "initial", "investigating", 5000, (("Login", "partial-outage"),)),
        update("login", 2, "update", "identified", 5030, (("Login", "partial-outage"),)),
    ])
    database = incident("database", "maintenance", COMPLETED, [
        update("database", 1, "maintenance", "scheduled", 100, (("Database", "operational"),)),
        update("database", 2, "maintenance", "in-progress", 200, (("Database", "under-maintenance"),)),
        update("database", 3, "maintenance", "completed", 300, (("Database", "operational"),)),
    ], window=(200, 290))
    upgrade = incident("upgrade", "maintenance", ACTIVE, [
        update("upgrade", 1, "maintenance", "scheduled", 4000, (("Dashboard", "operational"),)),
        update("upgrade", 2, "maintenance", "in-progress", 5010, (("Dashboard", "under-maintenance"),)),
        update("upgrade", 3, "maintenance", "extended", 5020, (("Dashboard", "under-maintenance"),)),
    ], window=(5000, 5100))
    reports = incident("reports", "maintenance", UPCOMING, [
        update("reports", 1, "maintenance", "scheduled", 4500),
        update("reports", 2, "maintenance", "reminder", 5025),
    ], window=(9000, 9060))
    components = (ComponentState("Card payments", "operational", ()),
                  ComponentState("Dashboard", "under-maintenance", ("upgrade",)),
                  ComponentState("Login", "partial-outage", ("login",)),
                  ComponentState("Database", "operational", ()))
    return page(cards, login, database, upgrade, reports, url=url, components=components)


def many_updates_page(count: int) -> StatusPage:
    """One incident per notice, a minute apart: more than any feed or list holds."""
    incidents = [incident(f"i{n:03d}", "incident", RESOLVED,
                          [update(f"i{n:03d}", 1, "resolution", "resolved", n)]) for n in range(count)]
    return page(*incidents)


def hostile_page() -> StatusPage:
    """Markup and ampersands where text belongs: they must stay text everywhere."""
    subject = "Outage <script>alert(1)</script> & \"quotes\" in Zürich"
    first = replace(update("hostile", 1, "initial", "investigating", 0, (("API <b>", "major-outage"),),
                           subject=subject),
                    short="Payments <script>alert(2)</script> & refunds fail.",
                    text="Payments <script>alert(3)</script> & refunds fail.\n")
    bad = incident("hostile", "incident", OPEN, [first], title="Title <script>alert(4)</script> & more in Zürich")
    return page(bad, title="Acme <script>alert(5)</script> & Co status")
