"""An incident's name on the status page (`incidents/<page_id>.html`), also used by chat posts' links.

Incident ids are 32 hex digits when the app made them, but a hand-edited file may hold anything;
the page name must be a safe file name and a URL path segment, and the same for the same id on every
machine, so the status page and a chat post made elsewhere link to the same page.
"""
from __future__ import annotations

import hashlib
import re

_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def page_id(incident_id: str) -> str:
    """The id itself when it is a safe name (letters, digits, _ and -, at most 64), else a digest of it."""
    if _SAFE.fullmatch(incident_id):
        return incident_id
    return "i-" + hashlib.sha256(incident_id.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def page_link(status_page_url: str, incident_id: str) -> str:
    """The incident's page under the status page's address ("" when no address is set)."""
    url = status_page_url.strip()
    if not url:
        return ""
    return f"{url if url.endswith('/') else url + '/'}incidents/{page_id(incident_id)}.html"
