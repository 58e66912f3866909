"""The open incident and its file: path, modified flag, edit lock, and whether someone else changed it.

Saving goes through `conflicts.save_checked`: it never overwrites what someone else saved since we
read the file (ConflictError; the window then asks). `write_from_worker` is the same save, safe to
call from the sending thread while the GUI thread only watches the file.
"""
from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ..core.incident.model import Incident
from ..core.storage import conflicts, fileformat
from ..core.storage.conflicts import FileStamp
from ..core.storage.locks import EditLock, LockLost


class Document(QObject):
    modified_changed = Signal(bool)
    path_changed = Signal(str)
    changed_on_disk = Signal(str)  # path; emitted once per outside change
    lock_lost = Signal(str)  # plain words: our edit lock was removed or taken over

    def __init__(self, incident: Incident, path: str | None = None, parent: QObject | None = None,
                 stamp: FileStamp | None = None):
        super().__init__(parent)
        self.incident = incident
        self.path: str | None = None
        self.modified = False
        self.read_only = False  # opened read-only because someone else holds the lock
        self.read_only_reason = ""
        self.lock: EditLock | None = None
        self.stamp: FileStamp | None = None  # what the file held when we last read or wrote it
        self._io = threading.Lock()  # one save at a time (GUI thread or sending thread)
        self._expected: set[str] = set()  # digests of our own writes, so the watcher ignores them
        self._warned_digest: str | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._file_changed)
        self._refresh = QTimer(self)
        self._refresh.timeout.connect(self.refresh_lock)
        if path:
            self._attach(path, stamp if stamp is not None else FileStamp.of(path))

    @classmethod
    def open(cls, path: str, parent: QObject | None = None) -> "Document":
        incident, stamp = conflicts.load_with_stamp(path)  # raises IncidentFileError with a message for the user
        return cls(incident, path, parent, stamp)

    @property
    def display_name(self) -> str:
        return Path(self.path).name if self.path else "Untitled incident"

    def set_modified(self, on: bool = True) -> None:
        if on != self.modified:
            self.modified = on
            self.modified_changed.emit(on)

    def _attach(self, path: str, stamp: FileStamp | None) -> None:
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self.path = os.path.abspath(path)
        self.stamp = stamp
        self._warned_digest = None
        if os.path.exists(self.path):
            self._watcher.addPath(self.path)
        self.path_changed.emit(self.path)

    def changed_since_read(self) -> bool:
        """True when the file on disk is not what we last read or wrote (someone else saved it)."""
        if not self.path or self.stamp is None:
            return False
        current = FileStamp.of(self.path)
        return current is not None and not self.stamp.same_content(current)

    # ---- saving --------------------------------------------------------------------------

    def save(self, path: str | None = None, *, force: bool = False) -> None:
        """Save atomically. To our own path: raises conflicts.ConflictError if someone else saved it
        since (unless `force`). To another path (Save As, already confirmed): overwrites."""
        target = os.path.abspath(path or self.path)
        same = target == self.path
        self._write(target, force=force or not same, loaded=self.stamp if same else None)
        if not same:
            self._attach(target, self.stamp)
        # An atomic save replaces the file: the watcher follows the path, not the old inode.
        if self.path not in self._watcher.files():
            self._watcher.addPath(self.path)
        self._warned_digest = None
        self.set_modified(False)

    def write_from_worker(self) -> None:
        """The sending thread's `persist`: the same checked save, without touching any widget."""
        self._write(self.path, force=False, loaded=self.stamp)

    def _write(self, target: str, *, force: bool, loaded: FileStamp | None) -> None:
        with self._io:
            expected = hashlib.sha256(fileformat.dumps(self.incident).encode("utf-8")).hexdigest()
            self._expected.add(expected)
            self.stamp = conflicts.save_checked(self.incident, target, loaded, force=force)

    def save_copy(self, user: str) -> str:
        """Our version beside the file under a new name; the file itself is not touched."""
        with self._io:
            return str(conflicts.save_copy(self.incident, self.path, user))

    def reload(self) -> None:
        self.incident, self.stamp = conflicts.load_with_stamp(self.path)
        self._warned_digest = None
        self.set_modified(False)

    def _file_changed(self, path: str) -> None:
        if self.path and os.path.exists(self.path) and self.path not in self._watcher.files():
            self._watcher.addPath(self.path)  # replaced by rename: watch the new file
        current = FileStamp.of(path)
        if current is None:
            return
        digest = current.sha256
        if (self.stamp is not None and digest == self.stamp.sha256) or digest in self._expected \
                or digest == self._warned_digest:
            return
        self._warned_digest = digest
        self.changed_on_disk.emit(path)

    # ---- the edit lock -------------------------------------------------------------------

    def acquire_lock(self, user: str, stale_after: float, refresh_ms: int, *, take_over: bool = False) -> None:
        """Hold the edit lock while open; raises locks.FileLocked naming who has it."""
        if not self.path:
            return
        lock = self.lock if self.lock is not None and Path(self.lock.path) == Path(self.path) else \
            EditLock(self.path, user=user, stale_after=stale_after)
        lock.acquire(take_over=take_over)
        self.lock = lock
        self.read_only = False
        self._refresh.start(refresh_ms)

    def refresh_lock(self) -> None:
        if self.lock is None or not self.lock.held:
            return
        try:
            self.lock.refresh()
        except LockLost as exc:
            self._refresh.stop()
            self.lock_lost.emit(str(exc))
        except OSError:
            pass  # a share that is briefly away: try again next time

    def release_lock(self) -> None:
        self._refresh.stop()
        if self.lock is not None:
            try:
                self.lock.release()
            except OSError:
                pass
            self.lock = None

    def close(self) -> None:
        self.release_lock()
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
