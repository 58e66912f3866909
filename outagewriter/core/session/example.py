"""The example incident shipped with the app, handed out as the user's own copy.

The shipped file is package data: it may be read-only, and a later update replaces it. So the
user always gets a copy in a folder of their own, under a name nobody has taken yet, with fresh
ids so that its recovery copies, locks and mail threads never meet those of another copy.
"""
from __future__ import annotations

import uuid
from pathlib import Path

from ..shipped import resource
from ..storage import fileformat

EXAMPLE = ("examples", "payments-outage.outage")


def copy_example(folder: str | Path) -> Path:
    """Writes a new copy of the example incident in `folder` and returns its path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    incident = fileformat.loads(resource(*EXAMPLE).read_text(encoding="utf-8"), "/".join(EXAMPLE))
    incident.id = uuid.uuid4().hex
    for notice in incident.notices:
        notice.id = uuid.uuid4().hex
    path = _unused_name(folder, Path(EXAMPLE[-1]))
    fileformat.save(incident, path)
    return path


def _unused_name(folder: Path, name: Path) -> Path:
    """Claims the first free name (payments-outage.outage, payments-outage-2.outage, ...): an
    earlier copy holds the user's edits and is never overwritten."""
    number = 1
    while True:
        path = folder / (name.name if number == 1 else f"{name.stem}-{number}{name.suffix}")
        try:
            path.open("x").close()  # exclusive: two windows asking at once get two names
            return path
        except FileExistsError:
            number += 1
