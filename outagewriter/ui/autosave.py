"""Autosave to a recovery copy, a couple of seconds after typing stops.

Typing only restarts a timer. When it fires, the incident is serialised on the GUI thread
(a millisecond) and written atomically by the task runner's single worker thread. While the
user types without a pause, a second timer still saves every `autosave_max_ms`, so a crash
never loses more than a few seconds.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.incident.model import Incident
from .context import AppContext
from .language import translate
from .tr_args import args


class Autosave(QObject):
    failed = Signal(str)
    saved = Signal(str)  # path of the recovery copy

    def __init__(self, context: AppContext, source: Callable[[], tuple[Incident, str | None] | None],
                 flush: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self._source = source
        self._flush = flush
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(context.timings.autosave_ms)
        self._idle.timeout.connect(self.save_now)
        self._longest = QTimer(self)
        self._longest.setSingleShot(True)
        self._longest.setInterval(context.timings.autosave_max_ms)
        self._longest.timeout.connect(self.save_now)

    def touch(self) -> None:
        """Something changed: save when typing pauses, and no later than autosave_max_ms from now."""
        self._idle.start()
        if not self._longest.isActive():
            self._longest.start()

    def pending(self) -> bool:
        return self._idle.isActive() or self._longest.isActive()

    def save_now(self) -> None:
        self._idle.stop()
        self._longest.stop()
        self._flush()
        source = self._source()
        if source is None:
            return
        incident, path = source
        store = self.context.recovery
        target, text = store.snapshot(incident, path)
        self.context.tasks.run(lambda: store.write_snapshot(target, text), self._written)

    def _written(self, result, error) -> None:
        if error is not None:
            self.failed.emit(args(translate("Autosave", "Autosave failed: %1. Save the file to keep your work."),
                                  error))
        else:
            self.saved.emit(str(result))

    def discard(self, incident: Incident | None) -> None:
        """After a clean save or close: no copy needed any more."""
        self._idle.stop()
        self._longest.stop()
        self.context.tasks.wait()  # a write still in flight must not bring the copy back
        if incident is not None:
            self.context.recovery.discard(incident)
