"""Where the shipped templates and resources live, in a source checkout and in an installed wheel."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def shipped_path(name: str) -> Path:
    """`templates` or `resources`: packaged under outagewriter/_data in a wheel, at the top of a checkout."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"OutageWriter's {name} folder is missing from this installation")
