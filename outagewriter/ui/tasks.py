"""Work off the GUI thread, in lanes: short file writes never wait behind a slow mail server."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal


class TaskRunner(QObject):
    """Runs jobs off the GUI thread, each on its lane, one at a time and in order per lane.

    FILES (the default) is for short file writes: a later autosave never lands before an earlier
    one. NETWORK is for talking to mail servers, which can take up to their timeout; it has its own
    thread so an autosave never waits behind a slow server. PUBLISH writes the status page (every
    incident file read, a whole site written): neither saving nor sending waits behind it.
    """

    FILES, NETWORK, PUBLISH = "files", "network", "publish"
    _finished = Signal(object, object, object)  # callback, result, error

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pools = {}
        for lane in (self.FILES, self.NETWORK, self.PUBLISH):
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
