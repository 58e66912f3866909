"""The services every operation needs, built in one place for the window and the command line.

Settings, the renderer with the user's templates, the tone checker with the user's rule packs, the
grammar checker, mail accounts and the keyring. Nothing is built at import time, and the tone
checker and grammar are built on first use, so a command that never checks never pays for them.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .. import paths
from ..checks import check_notice, user_tone_checker
from ..checks.findings import Finding
from ..checks.tone import ToneChecker
from ..incident.model import Incident, Notice
from ..mail.accounts import AccountStore
from ..mail.secrets import Secrets
from ..render.renderer import Renderer
from ..settings import Settings, load_settings


@dataclass
class Services:
    settings: Settings
    config_dir: Path
    renderer: Renderer
    accounts: AccountStore
    secrets: Secrets
    rules_dir: Path | None = None  # the user's rule packs; None: <config dir>/rules
    _tone: dict = field(default_factory=dict, repr=False)
    _tone_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def load(cls, *, config_dir: str | os.PathLike | None = None, settings: Settings | None = None,
             secrets: Secrets | None = None, renderer: Renderer | None = None) -> "Services":
        """The user's services. Every argument overrides a default (tests configure, not patch)."""
        config = Path(config_dir) if config_dir is not None else paths.config_dir()
        return cls(
            settings=settings if settings is not None else load_settings(config),
            config_dir=config,
            renderer=renderer if renderer is not None else Renderer(user_dir=config / "templates"),
            accounts=AccountStore(config),
            secrets=secrets if secrets is not None else Secrets(),
            rules_dir=config / "rules",
        )

    def tone(self, language: str = "en") -> ToneChecker:
        """The tone checker for `language`: shipped rules changed by the user's packs, built once.
        Raises RulePackError when the shipped pack cannot be used; user pack problems are in `.problems`."""
        with self._tone_lock:
            if language not in self._tone:
                self._tone[language] = user_tone_checker(language, self.rules_dir)
            return self._tone[language]

    def check(self, incident: Incident, notice: Notice, *, now: datetime | None = None) -> list[Finding]:
        """Structure and tone findings (fast, no grammar), without dismissed or disabled ones."""
        return check_notice(incident, notice, tone=self.tone(incident.language), now=now)

    def grammar(self, language: str = "en", *, server_url: str | None = None):
        """A GrammarChecker as settings.json says, or for the LanguageTool server at `server_url`
        (the command line's OUTAGEWRITER_LT_URL); None when grammar checks are off."""
        from ..checks.grammar import GrammarChecker, GrammarSettings

        if server_url:
            return GrammarChecker(GrammarSettings(mode="server", server_url=server_url, language=f"{language}-US"))
        configured = GrammarSettings.from_settings(self.settings)
        return None if configured.mode == "off" else GrammarChecker(configured)

    def fast_checker(self) -> tuple[Callable[[Incident, Notice], list[Finding]], str]:
        """(check, problem) for the window's live checks, each incident checked in its own language;
        `problem` says in plain words what is not available ("" when all is well). A broken shipped
        pack never stops the window."""
        try:
            tone = self.tone("en")
        except Exception as exc:  # noqa: BLE001 — shown in the findings panel, never a crash
            return (lambda incident, notice: []), f"Tone and structure checks are not available: {exc}"
        return self.check, "; ".join(tone.problems)
