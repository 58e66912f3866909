"""Keeping the preview and the findings current without ever making typing wait.

Every edit restarts one single-shot timer. When it fires, the pending edits are written to the
notice, the notice is rendered and the fast checks (structure, tone) run: measured at a few
milliseconds for a 2,000-word notice, so on the GUI thread. Grammar is slow (HTTP to
LanguageTool) and runs on the checker's own single worker thread; each request carries a token
and a copy of the text it checked, and a result is dropped when its token is stale. At most one
grammar request is in flight; edits made meanwhile are checked when it returns, so the last
keystroke is always checked and always rendered.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..core.checks import grammar_texts
from ..core.checks.findings import Finding, Presented, follow_edit
from ..core.incident.bilingual import text_of
from ..core.incident.model import Incident, Notice
from ..core.render.renderer import Rendered
from .context import AppContext
from .language import translate
from .tr_args import args


class LiveUpdate(QObject):
    rendered = Signal(object)  # Rendered
    findings = Signal(object)  # Presented: every current finding (fast + grammar), shown and ignored
    render_failed = Signal(str)
    grammar_status = Signal(str)  # plain words; "" when grammar works or is off
    _grammar_done = Signal(int, object, object)  # token, findings, error (from the worker thread)

    def __init__(self, context: AppContext, target: Callable[[], tuple[Incident, Notice] | None],
                 flush: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self._target = target
        self._flush = flush
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire 5 % late
        self._timer.setInterval(context.timings.preview_ms)
        self._timer.timeout.connect(self.run_now)
        self._grammar_timer = QTimer(self)
        self._grammar_timer.setSingleShot(True)
        self._grammar_timer.setInterval(context.timings.grammar_ms)
        self._grammar_timer.timeout.connect(self._request_grammar)
        self._grammar_done.connect(self._on_grammar)
        self._token = 0
        self._grammar_in_flight = False
        self._grammar_wanted = False
        self._grammar: list[Finding] = []
        self._grammar_texts: dict[str, str] = {}
        self._fast: list[Finding] = []
        self.last_duration_ms = 0.0  # render + checks, for the benchmarks and a status tip
        self.generation = 0  # how many times the preview was brought up to date

    @property
    def grammar_enabled(self) -> bool:
        grammar = self.context.grammar
        return grammar is not None and getattr(grammar, "enabled", False)

    def schedule(self) -> None:
        """An edit happened: restart the debounce (cheap; called on every keystroke)."""
        self._token += 1
        self._timer.start()
        if self.grammar_enabled:
            self._grammar_timer.start()

    def pending(self) -> bool:
        return self._timer.isActive()

    def run_now(self) -> None:
        self._timer.stop()
        self._flush()
        target = self._target()
        if target is None:
            return
        incident, notice = target
        started = time.perf_counter()
        try:
            rendered: Rendered = self.context.renderer.render(incident, notice)
        except Exception as exc:  # a notice the templates cannot show must not kill the window
            self.render_failed.emit(args(translate("LiveUpdate", "The preview could not be rendered: %1"), exc))
            rendered = None
        try:
            self._fast = list(self.context.check(incident, notice))
        except Exception as exc:
            self._fast = []
            self.grammar_status.emit(args(translate("LiveUpdate", "Checks failed: %1"), exc))
        self.last_duration_ms = (time.perf_counter() - started) * 1000
        if rendered is not None:
            self.rendered.emit(rendered)
        self._emit_findings(incident, notice)
        self.generation += 1

    def reset(self) -> None:
        """A different notice is shown: forget grammar results for the old one."""
        self._token += 1
        self._grammar = []
        self._grammar_texts = {}
        self.run_now()
        if self.grammar_enabled:
            self._grammar_timer.start()

    def visible_findings(self, incident: Incident, notice: Notice) -> Presented:
        """Fast findings and the last grammar results; for a field edited since grammar checked it,
        the grammar findings on words the edit left alone stay (moved with them) until the next
        result, so the panel does not lose and regain them while LanguageTool works."""
        grammar: list[Finding] = []
        for where, checked in self._grammar_texts.items():  # "summary", or "summary@en" for its second text
            mine = [f for f in self._grammar if f.where == where]
            grammar += follow_edit(mine, checked, text_of(notice, where)) if mine else []
        return self.context.services.present(incident, notice, self._fast + grammar)

    def _emit_findings(self, incident: Incident, notice: Notice) -> None:
        self.findings.emit(self.visible_findings(incident, notice))

    # ---- grammar, on the checker's worker thread ------------------------------------------

    def _request_grammar(self) -> None:
        if self._grammar_in_flight:
            self._grammar_wanted = True
            return
        self._flush()
        target = self._target()
        if target is None or target[1].is_sent:
            return
        notice = target[1]
        texts = grammar_texts(target[0], notice)
        token = self._token
        self._grammar_in_flight = True
        self._grammar_wanted = False
        try:
            future = self.context.grammar.submit(texts, target[0].language)  # ja-JP for a Japanese incident
        except Exception as exc:  # e.g. the checker was closed
            self._grammar_in_flight = False
            self.grammar_status.emit(str(exc))
            return
        # The callback runs on the worker thread; the signal carries the result to the GUI thread.
        future.add_done_callback(
            lambda f, t=token, x=texts: self._grammar_done.emit(t, (x, None if f.exception() else f.result()),
                                                                 f.exception())
        )

    def _on_grammar(self, token: int, payload, error) -> None:
        self._grammar_in_flight = False
        texts, findings = payload
        if error is not None:
            self.grammar_status.emit(str(error))
        else:
            # Results for text that has changed since are filtered per field in visible_findings,
            # so results for unchanged fields show at once even while the user types elsewhere.
            self._grammar = list(findings)
            self._grammar_texts = dict(texts)
            self.grammar_status.emit("")
            target = self._target()
            if target is not None:
                self._emit_findings(*target)
        if self._grammar_wanted or token != self._token:
            self._grammar_timer.start()
