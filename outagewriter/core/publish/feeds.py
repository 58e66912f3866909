"""The status page's Atom and RSS feeds (to be built)."""
from __future__ import annotations

from .model import StatusPage


def feed_files(page: StatusPage) -> dict[str, bytes]:
    """Relative path -> bytes of every feed file."""
    return {}
