"""The application context: everything the window needs, built once by `app.py` and passed in.

Nothing here is made at import time, so tests and benchmarks build their own context (their own
state folder, their own dialogs) without patching anything.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QThreadPool, Signal

from ..core.findings import Finding
from ..core.history import RecentContacts, RecentFiles
from ..core.model import Incident, Notice
from ..core.recovery import RecoveryStore
from ..core.render import Renderer
from .dialogs import Dialogs

FastCheck = Callable[[Incident, Notice], list[Finding]]


@dataclass(frozen=True)
class Timings:
    """Milliseconds. Preview debounce, grammar debounce, autosave after typing stops, and the
    longest an edit waits for autosave while typing never stops."""

    preview_ms: int = 90  # + render, checks and layout (~40 ms for 2,000 words) stays under 150 ms
    grammar_ms: int = 900
    autosave_ms: int = 2000
    autosave_max_ms: int = 8000


class TaskRunner(QObject):
    """Runs short jobs (file writes) off the GUI thread, one at a time and in order."""

    _finished = Signal(object, object, object)  # callback, result, error

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # in order: a later autosave never lands before an earlier one
        self._finished.connect(self._deliver)

    def run(self, job: Callable[[], object], done: Callable[[object, BaseException | None], None] | None = None):
        def work():
            try:
                result, error = job(), None
            except Exception as exc:  # reported to `done` on the GUI thread
                result, error = None, exc
            self._finished.emit(done, result, error)

        self._pool.start(work)

    def wait(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)

    @staticmethod
    def _deliver(done, result, error) -> None:
        if done is not None:
            done(result, error)


@dataclass
class AppContext:
    settings: QSettings
    renderer: Renderer
    check: FastCheck  # structure + tone: fast, pure, run on the GUI thread after the debounce
    grammar: object | None  # core.grammar.GrammarChecker (or anything with .enabled and .submit)
    tasks: TaskRunner
    dialogs: Dialogs
    state_dir: Path
    recovery: RecoveryStore
    recent_files: RecentFiles
    recent_contacts: RecentContacts
    timings: Timings = field(default_factory=Timings)
    check_problem: str = ""  # why checks are limited, in plain words ("" when all is well)
    windows: list = field(default_factory=list)  # open main windows (restoring several copies opens several)

    def close(self) -> None:
        self.tasks.wait()
        if self.grammar is not None and hasattr(self.grammar, "close"):
            self.grammar.close()
