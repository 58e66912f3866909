"""Save conflicts: never overwrite what someone else saved since we read the file.

`load_with_stamp` remembers the file's (mtime_ns, size, sha256); `save_checked` raises
`ConflictError` if the file changed on disk since (someone else saved, or a reviewer approved
from another machine), leaving the file as it is. The user then chooses: reload, save as a copy
(`save_copy`), or overwrite after confirming (`save_checked(..., force=True)`).
The content hash decides; mtime and size are kept for display and a quick look.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..i18n import _
from ..incident.model import Incident
from ..incident.times import format_stored, now_utc
from ..settings import current_user
from . import fileformat


@dataclass(frozen=True)
class FileStamp:
    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of(cls, path: str | os.PathLike) -> "FileStamp | None":
        """The file's stamp now, or None when it does not exist."""
        file = Path(path)
        try:
            data = fileformat.read_regular_file(file)  # never blocks on a FIFO nor reads a device
            st = file.stat()
        except FileNotFoundError:
            return None
        return cls(st.st_mtime_ns, len(data), hashlib.sha256(data).hexdigest())

    def same_content(self, other: "FileStamp | None") -> bool:
        return other is not None and other.sha256 == self.sha256


class ConflictError(Exception):
    """The file changed on disk since it was loaded; nothing was written."""

    OPTIONS = ("reload", "save-copy", "overwrite")

    def __init__(self, path: Path, loaded: FileStamp | None, current: FileStamp | None):
        self.path = Path(path)
        self.loaded = loaded
        self.current = current
        self.options = self.OPTIONS
        if current is None:
            what = _("{file} was deleted or moved since you opened it.").format(file=self.path.name)
        elif loaded is None:
            what = _("{file} was created by someone else meanwhile.").format(file=self.path.name)
        else:
            when = format_stored(datetime.fromtimestamp(current.mtime_ns / 1e9, timezone.utc))
            what = _("{file} was changed by someone else since you opened it (last changed {time}).").format(
                file=self.path.name, time=when)
        super().__init__(what + _(" Nothing was saved. Reload it (your changes are lost), save your version as a "
                                  "copy, or overwrite their changes."))


def load_with_stamp(path: str | os.PathLike) -> tuple[Incident, FileStamp]:
    """Load an incident and the stamp of exactly the bytes that were read."""
    for _attempt in range(5):
        before = FileStamp.of(path)
        incident = fileformat.load(path)
        after = FileStamp.of(path)
        if before is not None and before == after:
            return incident, after
    raise fileformat.IncidentFileError(path, _("the file keeps changing while it is read; try again"))


def save_checked(incident: Incident, path: str | os.PathLike, loaded_stamp: FileStamp | None,
                 *, force: bool = False) -> FileStamp:
    """Save atomically unless the file changed on disk since `loaded_stamp` (None: it was new).

    Raises ConflictError and leaves the file untouched; `force=True` overwrites (after the user
    confirmed). Returns the new stamp, to pass to the next save."""
    current = FileStamp.of(path)
    if not force:
        unchanged = current is None if loaded_stamp is None else loaded_stamp.same_content(current)
        if not unchanged:
            raise ConflictError(Path(path), loaded_stamp, current)
    fileformat.save(incident, path)
    stamp = FileStamp.of(path)
    assert stamp is not None
    return stamp


def conflict_copy_path(path: str | os.PathLike, user: str | None = None, *, when: datetime | None = None) -> Path:
    """'payments (Jana's copy 2026-11-27 1130).outage', numbered if that exists too; in the program's
    language ('payments（Janaのコピー 2026-11-27 1130）.outage'): nothing looks a copy up by its name's words,
    a copy is opened, published or refused by its content like any incident file."""
    file = Path(path)
    moment = (when or now_utc()).astimezone(timezone.utc)
    who = "".join(c for c in (user or current_user()) if c.isalnum() or c in " .-_")[:40].strip() or _("my")
    base = _("{file} ({who}'s copy {time})").format(file=file.stem, who=who, time=f"{moment:%Y-%m-%d %H%M}")
    candidate = file.with_name(base + file.suffix)
    number = 2
    while candidate.exists():
        candidate = file.with_name(f"{base} {number}{file.suffix}")
        number += 1
    return candidate


def save_copy(incident: Incident, path: str | os.PathLike, user: str | None = None) -> Path:
    """Save the incident beside `path` under a new name and return it; `path` is not touched."""
    target = conflict_copy_path(path, user)
    fileformat.save(incident, target)
    return target


