"""The application context: everything the window needs, built once by `app.py` and passed in.

Nothing here is made at import time, so tests and benchmarks build their own context (their own
state folder, their own dialogs) without patching anything.
"""
from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from ..core.checks.findings import Finding
from ..core.checks.grammar import GrammarSettings
from ..core.incident.model import Incident, Notice
from ..core.incident.times import now_utc
from ..core.mail.accounts import AccountStore
from ..core.mail.secrets import Secrets
from ..core.render.renderer import Renderer
from ..core.session.services import Services
from ..core.settings import Settings
from ..core.storage.history import RecentContacts, RecentFiles
from ..core.storage.locks import REFRESH_EVERY
from ..core.storage.recovery import RecoveryStore
from . import theme
from .dialogs import Dialogs
from .tasks import TaskRunner

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


@dataclass
class AppContext:
    services: Services  # core.session: settings, renderer, tone checker, accounts, secrets (shared with the CLI)
    layout: QSettings  # window geometry and splitters, in the state folder
    check: FastCheck  # structure + tone: fast, pure, run on the GUI thread after the debounce
    grammar: object | None  # core.checks.grammar.GrammarChecker (or anything with .enabled and .submit)
    tasks: TaskRunner
    dialogs: Dialogs
    state_dir: Path
    recovery: RecoveryStore
    recent_files: RecentFiles
    recent_contacts: RecentContacts
    timings: Timings = field(default_factory=Timings)
    check_problem: str = ""  # why checks are limited, in plain words ("" when all is well)
    windows: list = field(default_factory=list)  # open main windows (restoring several copies opens several)
    clock: Callable[[], datetime] = now_utc  # what time it is (aware); tests move it on
    reminders: object | None = None  # ui.reminders.ReminderService, made with the first window

    @property
    def settings(self) -> Settings:
        return self.services.settings

    @property
    def renderer(self) -> Renderer:
        return self.services.renderer

    @property
    def accounts(self) -> AccountStore:
        return self.services.accounts

    @property
    def secrets(self) -> Secrets:
        return self.services.secrets

    @secrets.setter
    def secrets(self, secrets: Secrets) -> None:
        self.services.secrets = secrets

    def apply_settings(self, settings: Settings, *, rules_off=None, tested=None) -> None:
        """Save settings (Settings window) and make every open window follow them, without a restart.
        `tested` is the GrammarChecker the Test button started: used when it is what was saved, so a
        second LanguageTool is never started beside it. Raises SettingsError with nothing written."""
        before = GrammarSettings.from_settings(self.settings)
        saved = self.services.save_settings(settings, rules_off=rules_off)
        wanted = GrammarSettings.from_settings(saved)
        grammar_changed = wanted != before
        if grammar_changed and self.grammar is not None and _same_server(wanted, before):
            # Only the words it should know changed: they are applied to its answers here, so the
            # running LanguageTool stays (a restart takes up to a minute).
            self.grammar.settings = wanted
            _close_later(tested)
            self._settings_shown(saved, grammar_changed=True, restarted=False)
            return
        if grammar_changed:
            previous = self.grammar
            if tested is not None and tested.settings == wanted:
                self.grammar, tested = tested, None
            else:
                self.grammar = self.services.grammar()
            _close_later(previous)
        _close_later(tested)
        self._settings_shown(saved, grammar_changed=grammar_changed, restarted=grammar_changed)

    def _settings_shown(self, saved: Settings, *, grammar_changed: bool, restarted: bool) -> None:
        self.check, self.check_problem = self.services.fast_checker()
        theme.apply(QApplication.instance(), saved.appearance)
        for window in list(self.windows):
            window.settings_applied(grammar_changed=grammar_changed, restarted=restarted)

    def close(self) -> None:
        self.tasks.wait()
        if self.grammar is not None and hasattr(self.grammar, "close"):
            self.grammar.close()


def _same_server(a: GrammarSettings, b: GrammarSettings) -> bool:
    return dataclasses.replace(a, custom_words=()) == dataclasses.replace(b, custom_words=())


def _close_later(grammar) -> None:
    """Stop a grammar checker on a thread of its own: stopping a JVM takes a moment."""
    if grammar is not None and hasattr(grammar, "close"):
        threading.Thread(target=grammar.close, name="outagewriter-grammar-close", daemon=True).start()
