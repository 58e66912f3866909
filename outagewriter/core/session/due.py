"""Which promised updates are due, across incident files: what `outagewriter due` and the window's
reminders read.

The files are the only source, so reminders survive a restart and the command line sees what the
window sees. The incidents looked at are the ones named, else the recently opened ones (the list the
window keeps in the state folder). A file may be anything by now (moved, half-written by a colleague,
replaced by something else): it is skipped with a reason, never trusted blindly and never a crash.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .. import paths
from ..i18n import _
from .. import os_errors
from ..incident.model import Incident
from ..incident.reminders import PromiseError, Reminder, reminder_for
from ..storage.fileformat import IncidentFileError, load
from ..storage.history import MAX_RECENT_FILES, RecentFiles


@dataclass(frozen=True)
class DueIn:
    """A promise of the incident in `path` and how it stands."""

    path: str
    reminder: Reminder


@dataclass
class DueReport:
    due: list[DueIn] = field(default_factory=list)  # every timed promise, soonest (most overdue) first
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why) of files not read


def recent_incident_files(state_dir: str | os.PathLike | None = None) -> list[str]:
    """The incident files opened lately that still exist, newest first (a hand-edited list is cut short)."""
    return RecentFiles(state_dir if state_dir is not None else paths.state_dir()).list()[:MAX_RECENT_FILES]


class IncidentReader:
    """Reads incident files, again only when one changed on disk (the window asks every few seconds)."""

    def __init__(self):
        self._cache: dict[str, tuple[tuple[int, int], Incident]] = {}

    def read(self, path: str) -> Incident:
        """The incident in `path`; IncidentFileError, in words for the user, when it cannot be used."""
        try:
            info = os.stat(path)
        except OSError as exc:
            raise IncidentFileError(path, _("no such file") if isinstance(exc, FileNotFoundError)
                                    else os_errors.reason(exc)) from None
        stamp = (info.st_mtime_ns, info.st_size)
        cached = self._cache.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        incident = load(path)
        self._cache[path] = (stamp, incident)
        return incident


def due_report(sources: list[tuple[str, Incident | None]], now: datetime, before_minutes: float,
               reader: IncidentReader | None = None) -> DueReport:
    """The promises of `sources`: (path, incident) pairs where the incident is already in memory (an
    open window), or None to read it from `path`. A file named twice counts once."""
    reader = reader or IncidentReader()
    report = DueReport()
    seen: set[str] = set()
    for path, incident in sources:
        where = os.path.abspath(path)
        if where in seen:
            continue
        seen.add(where)
        try:
            incident = incident if incident is not None else reader.read(where)
            reminder = reminder_for(incident, now, before_minutes)
        except IncidentFileError as exc:
            report.skipped.append((str(path), exc.problem))
            continue
        except PromiseError as exc:
            report.skipped.append((str(path), str(exc)))
            continue
        if reminder is not None:
            report.due.append(DueIn(str(path), reminder))
    report.due.sort(key=lambda item: item.reminder.promise.when.utc)
    return report


def due_in_files(files: list[str | os.PathLike], now: datetime, before_minutes: float) -> DueReport:
    return due_report([(str(Path(f)), None) for f in files], now, before_minutes)
