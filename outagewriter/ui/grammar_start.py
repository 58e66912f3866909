"""LanguageTool starting in the background, told in the status bar.

Starting a LanguageTool server takes 5–60 s (a JVM and its dictionaries). The start runs on the
grammar checker's own thread, so typing never waits; the status bar shows a busy bar while it
runs and says in plain words when grammar checks are ready, or why they are not.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar

from .language import translate
from .tr_args import args

SHOW_AFTER_MS = 300  # a server that answers at once needs no busy bar


class GrammarStart(QObject):
    finished = Signal(str)  # what to tell the user; "" when grammar is off
    _done = Signal(int, object, object, float)  # generation, answer, error, seconds (from the worker)

    def __init__(self, status_bar, parent=None):
        super().__init__(parent)
        self.status_bar = status_bar
        self.bar = QProgressBar(status_bar)
        self.bar.setObjectName("grammar_start_progress")
        self.bar.setAccessibleName(translate("GrammarStart", "LanguageTool is starting"))
        self.bar.setRange(0, 0)  # busy: LanguageTool does not say how far along it is
        self.bar.setFixedWidth(120)
        self.bar.setMaximumHeight(14)
        self.label = QLabel(translate("GrammarStart", "Starting LanguageTool for grammar and spelling…"), status_bar)
        self.label.setObjectName("grammar_start_label")
        for widget in (self.label, self.bar):
            status_bar.addPermanentWidget(widget)
            widget.hide()
        self._show = QTimer(self)
        self._show.setSingleShot(True)
        self._show.setInterval(SHOW_AFTER_MS)
        self._show.timeout.connect(self._show_busy)
        self._generation = 0
        self._done.connect(self._finished)
        self.running = False

    def start(self, grammar) -> None:
        """Start (or reach) LanguageTool now rather than on the first check; None or off: nothing."""
        self._generation += 1
        generation = self._generation
        if grammar is None or not getattr(grammar, "enabled", False) or not hasattr(grammar, "probe"):
            self._hide()
            return
        started = time.monotonic()
        try:
            future = grammar.probe()
        except RuntimeError as exc:  # the checker was closed meanwhile (settings changed again)
            self._done.emit(generation, None, exc, 0.0)
            return
        self.running = True
        self._show.start()
        future.add_done_callback(lambda f: self._done.emit(
            generation, None if f.exception() else f.result(), f.exception(), time.monotonic() - started))

    def _show_busy(self) -> None:
        if self.running:
            self.label.show()
            self.bar.show()

    def _hide(self) -> None:
        self.running = False
        self._show.stop()
        self.label.hide()
        self.bar.hide()

    def _finished(self, generation: int, answer, error, seconds: float) -> None:
        if generation != self._generation:  # settings changed since: a newer start speaks
            return
        self._hide()
        if error is not None:
            said = str(error).splitlines()[0] if str(error) else translate("GrammarStart",
                                                                           "LanguageTool did not start.")
        else:
            version = answer.split(" answered")[0] if isinstance(answer, str) else "LanguageTool"
            said = args(translate("GrammarStart", "Grammar and spelling checks are on (%1, ready in %2 s)."), version,
                        f"{seconds:.0f}")
        self.status_bar.showMessage(said, 10000)
        self.finished.emit(said if error is not None else "")
