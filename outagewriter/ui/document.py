"""The open incident and its file: path, modified flag, and whether someone else changed it."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from ..core import fileformat
from ..core.model import Incident


def _digest(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


class Document(QObject):
    modified_changed = Signal(bool)
    path_changed = Signal(str)
    changed_on_disk = Signal(str)  # path; emitted once per outside change

    def __init__(self, incident: Incident, path: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.incident = incident
        self.path: str | None = None
        self.modified = False
        self._disk_digest: str | None = None  # what the file held when we last read or wrote it
        self._warned_digest: str | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._file_changed)
        if path:
            self._attach(path)

    @classmethod
    def open(cls, path: str, parent: QObject | None = None) -> "Document":
        incident = fileformat.load(path)  # raises IncidentFileError with a message for the user
        return cls(incident, path, parent)

    @property
    def display_name(self) -> str:
        return Path(self.path).name if self.path else "Untitled incident"

    def set_modified(self, on: bool = True) -> None:
        if on != self.modified:
            self.modified = on
            self.modified_changed.emit(on)

    def _attach(self, path: str) -> None:
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self.path = os.path.abspath(path)
        self._disk_digest = _digest(self.path)
        self._warned_digest = None
        self._watcher.addPath(self.path)
        self.path_changed.emit(self.path)

    def changed_since_read(self) -> bool:
        """True when the file on disk is not what we last read or wrote (someone else saved it)."""
        if not self.path or self._disk_digest is None:
            return False
        current = _digest(self.path)
        return current is not None and current != self._disk_digest

    def save(self, path: str | None = None) -> None:
        target = os.path.abspath(path or self.path)
        text = fileformat.dumps(self.incident)
        fileformat.save(self.incident, target)
        if target != self.path:
            self._attach(target)
        self._disk_digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self._warned_digest = None
        # An atomic save replaces the file: the watcher follows the path, not the old inode.
        if self.path not in self._watcher.files():
            self._watcher.addPath(self.path)
        self.set_modified(False)

    def reload(self) -> None:
        self.incident = fileformat.load(self.path)
        self._disk_digest = _digest(self.path)
        self._warned_digest = None
        self.set_modified(False)

    def _file_changed(self, path: str) -> None:
        if self.path and os.path.exists(self.path) and self.path not in self._watcher.files():
            self._watcher.addPath(self.path)  # replaced by rename: watch the new file
        current = _digest(path)
        if current is None or current == self._disk_digest or current == self._warned_digest:
            return
        self._warned_digest = current
        self.changed_on_disk.emit(path)

    def close(self) -> None:
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
