"""The open incident's session as the window sees it: its changes as a Qt signal, a watcher that
notices when someone else saves the file, and a timer that keeps the edit lock fresh.

Every operation is the session's (`core.session`); this adds only what needs an event loop.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ..core.incident.model import Incident
from ..core.session.changes import Changes
from ..core.session.errors import LockLost
from ..core.session.services import Services
from ..core.session.session import Session


class Document(QObject):
    changed = Signal(object)  # the session's Changes after each operation
    changed_on_disk = Signal(str)  # path; emitted once per outside change
    lock_lost = Signal(str)  # plain words: our edit lock was removed or taken over

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self._expected: set[str] = set()  # digests of our own writes, so the watcher ignores them
        self._warned_digest: str | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._file_changed)
        self._refresh = QTimer(self)
        self._refresh.timeout.connect(self.refresh_lock)
        session.writing = self._expected.add
        session.subscribe(self._session_changed)
        self._follow_path()

    @classmethod
    def open(cls, services: Services, path: str, parent: QObject | None = None) -> "Document":
        return cls(Session.open(services, path), parent)  # IncidentFileError in words for the user

    # ---- the session's state, for the views ----------------------------------------------------

    @property
    def incident(self) -> Incident:
        return self.session.incident

    @property
    def path(self) -> str | None:
        return self.session.path

    @property
    def modified(self) -> bool:
        return self.session.modified

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    @property
    def read_only_reason(self) -> str:
        return self.session.read_only_reason

    @property
    def lock(self):
        return self.session.lock

    @property
    def display_name(self) -> str:
        return self.session.display_name

    def changed_since_read(self) -> bool:
        return self.session.changed_since_read()

    def set_modified(self, on: bool = True) -> None:
        if on:
            self.session.touch()
        elif self.session.modified:
            self.session.modified = False
            self.changed.emit(Changes(file=True))

    # ---- following the file ----------------------------------------------------------------------

    def _session_changed(self, changes: Changes) -> None:
        if changes.file or changes.incident:
            self._follow_path()
        if changes.incident:
            self._warned_digest = None
        self.changed.emit(changes)

    def _follow_path(self) -> None:
        path = self.session.path
        if self._watcher.files() and self._watcher.files() != [path]:
            self._watcher.removePaths(self._watcher.files())
            self._warned_digest = None
        # An atomic save replaces the file: the watcher follows the path, not the old inode.
        if path and os.path.exists(path) and path not in self._watcher.files():
            self._watcher.addPath(path)

    def _file_changed(self, path: str) -> None:
        self._follow_path()  # replaced by rename: watch the new file
        digest = self.session.digest_on_disk()
        if digest is None:
            return
        stamp = self.session.stamp
        if (stamp is not None and digest == stamp.sha256) or digest in self._expected \
                or digest == self._warned_digest:
            return
        self._warned_digest = digest
        self.changed_on_disk.emit(path)

    # ---- the edit lock ---------------------------------------------------------------------------

    def acquire_lock(self, *, take_over: bool = False, refresh_ms: int) -> None:
        """Hold the edit lock while open (FileLocked naming who has it), refreshed every `refresh_ms`."""
        self.session.acquire_lock(take_over=take_over)
        self.keep_lock_fresh(refresh_ms)

    def keep_lock_fresh(self, refresh_ms: int) -> None:
        """Refresh the session's edit lock every `refresh_ms` while it holds one (after Save As too)."""
        if self.session.lock is not None and not self._refresh.isActive():
            self._refresh.start(refresh_ms)

    def refresh_lock(self) -> None:
        try:
            self.session.refresh_lock()
        except LockLost as exc:
            self._refresh.stop()
            self.lock_lost.emit(str(exc))
        except OSError:
            pass  # a share that is briefly away: try again next time

    def release_lock(self) -> None:
        self._refresh.stop()
        self.session.release_lock()

    def close(self) -> None:
        self.release_lock()
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
