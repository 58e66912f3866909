"""The application context: everything the window needs, built once by `app.py` and passed in.

Nothing here is made at import time, so tests and benchmarks build their own context (their own
state folder, their own dialogs) without patching anything.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QThreadPool, Signal

from ..core.checks.findings import Finding
from ..core.incident.model import Incident, Notice
from ..core.mail.accounts import AccountStore
from ..core.mail.secrets import Secrets
from ..core.render.renderer import Renderer
from ..core.settings import Settings
from ..core.storage.history import RecentContacts, RecentFiles
from ..core.storage.locks import REFRESH_EVERY
from ..core.storage.recovery import RecoveryStore
from .dialogs import Dialogs

FastCheck = Callable[[Incident, Notice], list[Finding]]


@dataclass(frozen=True)
class Timings:
    """Milliseconds. Preview debounce, grammar debounce, autosave after typing stops, and the
    longest an edit waits for autosave while typing never stops."""

    preview_ms: int = 90  # a pause in typing; the refresh after it is measured by scripts/bench
    grammar_ms: int = 900
    autosave_ms: int = 2000
    autosave_max_ms: int = 8000
    lock_refresh_ms: int = int(REFRESH_EVERY * 1000)  # tell others on the shared folder we are still here


class TaskRunner(QObject):
    """Runs jobs off the GUI thread, each on its lane, one at a time and in order per lane.

    FILES (the default) is for short file writes: a later autosave never lands before an earlier
    one. NETWORK is for talking to mail servers, which can take up to their timeout; it has its own
    thread so an autosave never waits behind a slow server.
    """

    FILES, NETWORK = "files", "network"
    _finished = Signal(object, object, object)  # callback, result, error

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pools = {}
        for lane in (self.FILES, self.NETWORK):
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
            self._pools[lane] = pool
        self._finished.connect(self._deliver)

    def run(self, job: Callable[[], object], done: Callable[[object, BaseException | None], None] | None = None,
            lane: str = FILES):
        def work():
            try:
                result, error = job(), None
            except Exception as exc:  # reported to `done` on the GUI thread
                result, error = None, exc
            self._finished.emit(done, result, error)

        self._pools[lane].start(work)

    def wait(self, msecs: int = 5000, lane: str | None = None) -> bool:
        lanes = [lane] if lane else list(self._pools)
        return all(self._pools[name].waitForDone(msecs) for name in lanes)

    @staticmethod
    def _deliver(done, result, error) -> None:
        if done is not None:
            done(result, error)


@dataclass
class AppContext:
    settings: Settings  # settings.json (core.settings): identity, review, sharing, grammar
    layout: QSettings  # window geometry and splitters, in the state folder
    renderer: Renderer
    check: FastCheck  # structure + tone: fast, pure, run on the GUI thread after the debounce
    grammar: object | None  # core.grammar.GrammarChecker (or anything with .enabled and .submit)
    tasks: TaskRunner
    dialogs: Dialogs
    state_dir: Path
    recovery: RecoveryStore
    recent_files: RecentFiles
    recent_contacts: RecentContacts
    accounts: AccountStore
    secrets: Secrets
    timings: Timings = field(default_factory=Timings)
    check_problem: str = ""  # why checks are limited, in plain words ("" when all is well)
    windows: list = field(default_factory=list)  # open main windows (restoring several copies opens several)

    def close(self) -> None:
        self.tasks.wait()
        if self.grammar is not None and hasattr(self.grammar, "close"):
            self.grammar.close()
