"""Stable names for what the feeds and the JSON summary publish: the same incident files always give
the same ids and links, so feed readers and status-page clients never see an old notice as new."""
from __future__ import annotations

import uuid

from .model import StatusPage

# uuid5 namespace of every id made here (itself uuid5(NAMESPACE_DNS, "outagewriter.status-page")).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "outagewriter.status-page")


def _uuid(*parts: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "\n".join(parts))


def update_urn(incident_id: str, notice_id: str) -> str:
    """A notice's id in the feeds: notice ids are uuid hex already (so the URN is the notice's own);
    any other id is folded with its incident's into a name-based uuid."""
    try:
        return uuid.UUID(hex=notice_id).urn
    except ValueError:
        return _uuid("notice", incident_id, notice_id).urn


def page_uuid(page: StatusPage) -> uuid.UUID:
    """The page's id (the feeds' and the summary's): named after its address, or its title while it has none."""
    return _uuid("page", page.url or page.title)


def component_id(name: str) -> str:
    """Named after the component, case-insensitively, as the settings match component names."""
    return _uuid("component", name.casefold()).hex


def incident_page(page: StatusPage, incident_id: str) -> str:
    """The incident's page: absolute under the page's URL, else relative to the site's root."""
    return f"{page.url}incidents/{incident_id}.html"


def incident_link(page: StatusPage, incident_id: str, number: int) -> str:
    """One notice on its incident's page."""
    return f"{incident_page(page, incident_id)}#notice-{number}"
