"""The status page's JSON summary in the shape status-page clients read (to be built)."""
from __future__ import annotations

from .model import StatusPage


def summary_files(page: StatusPage) -> dict[str, bytes]:
    """Relative path -> bytes of every JSON file."""
    return {}
