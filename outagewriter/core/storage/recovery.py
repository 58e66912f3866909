"""Crash recovery: a copy of every open incident, written a few seconds after typing stops.

One JSON file per incident in `<state dir>/recovery`, written atomically. A clean save or close
removes it; after a crash or a kill it is still there, and the next start offers to restore it.
The writer's process id is kept so that a second running instance does not offer the copies
the first one is still writing.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..i18n import _
from ..incident.model import Incident
from ..incident.times import isoformat_utc, now_utc
from .atomic import atomic_write_text
from .fileformat import from_dict, to_dict
from .processes import process_alive

RECOVERY_SUFFIX = ".recovery.json"


@dataclass(frozen=True)
class RecoveryCopy:
    file: Path
    incident: Incident
    original_path: str | None  # the .outage file it belongs to; None for a never-saved incident
    saved_at: str  # UTC ISO time of the copy
    pid: int

    @property
    def title(self) -> str:
        return self.incident.title or _("(untitled incident)")


class RecoveryStore:
    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)

    def path_for(self, incident: Incident) -> Path:
        return self.folder / f"{incident.id}{RECOVERY_SUFFIX}"

    def snapshot(self, incident: Incident, original_path: str | os.PathLike | None) -> tuple[Path, str]:
        """(file, text) to write later, e.g. on another thread: the incident is read only here."""
        data = {
            "original_path": str(original_path) if original_path else None,
            "saved_at": isoformat_utc(now_utc()),
            "pid": os.getpid(),
            "incident": to_dict(incident),
        }
        return self.path_for(incident), json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    def write_snapshot(self, target: Path, text: str) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(target, text)
        return target

    def write(self, incident: Incident, original_path: str | os.PathLike | None) -> Path:
        return self.write_snapshot(*self.snapshot(incident, original_path))

    def discard(self, incident: Incident) -> None:
        try:
            self.path_for(incident).unlink()
        except FileNotFoundError:
            pass

    def discard_file(self, file: str | os.PathLike) -> None:
        try:
            Path(file).unlink()
        except FileNotFoundError:
            pass

    def orphans(self) -> list[RecoveryCopy]:
        """Copies left by processes that are gone (crashed or killed), newest first.

        Unreadable copies are skipped rather than offered: a recovery copy is written atomically,
        so one that does not parse was not written by us.
        """
        copies = []
        if not self.folder.is_dir():
            return copies
        for file in self.folder.glob(f"*{RECOVERY_SUFFIX}"):
            try:
                data = json.loads(file.read_text(encoding="utf-8"))
                copy = RecoveryCopy(
                    file=file,
                    incident=from_dict(data["incident"]),
                    original_path=data.get("original_path"),
                    saved_at=str(data.get("saved_at", "")),
                    pid=int(data.get("pid", 0)),
                )
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if copy.pid != os.getpid() and process_alive(copy.pid):
                continue  # another running OutageWriter is editing it
            copies.append(copy)
        copies.sort(key=lambda c: c.saved_at, reverse=True)
        return copies
