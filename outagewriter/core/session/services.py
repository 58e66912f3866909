"""The services every operation needs, built in one place for the window and the command line.

Settings, the renderer with the user's templates, the tone checker with the user's rule packs and own
names, the grammar checker, mail accounts and the keyring. Nothing is built at import time, and each
part is built (and its modules imported) on first use: `outagewriter check` runs on every save in
editors and scripts, and never pays for templates, accounts or the keyring.
"""
from __future__ import annotations

import os
import threading
from dataclasses import replace
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .. import paths
from ..i18n import _
from ..settings import Settings, load_settings, merged

if TYPE_CHECKING:
    from ..checks.findings import Finding, Presented
    from ..chat.secrets import WebhookSecrets
    from ..checks.tone import ToneChecker
    from ..incident.model import Incident, Notice
    from ..mail.accounts import AccountStore
    from ..mail.secrets import Secrets
    from ..render.renderer import Renderer
    from .starters import Library


class Services:
    def __init__(self, settings: Settings, config_dir: Path, *, renderer: Renderer | None = None,
                 accounts: AccountStore | None = None, secrets: Secrets | None = None,
                 webhooks: WebhookSecrets | None = None):
        self.settings = settings
        self.config_dir = Path(config_dir)
        self.rules_dir = self.config_dir / "rules"  # the user's rule packs
        for name, given in (("renderer", renderer), ("accounts", accounts), ("secrets", secrets),
                            ("webhooks", webhooks)):
            if given is not None:
                self.__dict__[name] = given  # takes the place of the cached property
        self._tone: dict[str, ToneChecker] = {}
        self._fixed: dict[tuple, str] = {}  # fixed_wording, by language, kind, status and data-loss answer
        self._fixed_templates = 0  # the renderer's templates_generation that _fixed was made with
        self._tone_lock = threading.Lock()

    @classmethod
    def load(cls, *, config_dir: str | os.PathLike | None = None, settings: Settings | None = None,
             secrets: Secrets | None = None, renderer: Renderer | None = None,
             webhooks: WebhookSecrets | None = None) -> "Services":
        """The user's services. Every argument overrides a default (tests configure, not patch)."""
        config = Path(config_dir) if config_dir is not None else paths.config_dir()
        return cls(settings if settings is not None else load_settings(config), config,
                   renderer=renderer, secrets=secrets, webhooks=webhooks)

    @cached_property
    def renderer(self) -> Renderer:
        from ..render.renderer import (
            Renderer,  # jinja2: only when something is rendered
        )

        return Renderer(user_dir=self.config_dir / "templates", audiences=self.settings.audiences,
                        chat_destinations=self.settings.chat_destinations,
                        status_page_url=self.settings.status_page_url)

    @cached_property
    def accounts(self) -> AccountStore:
        from ..mail.accounts import AccountStore

        return AccountStore(self.config_dir)

    @cached_property
    def secrets(self) -> Secrets:
        from ..mail.secrets import Secrets  # keyring: only when a password is needed

        return Secrets()

    @cached_property
    def webhooks(self) -> WebhookSecrets:
        from ..chat.secrets import WebhookSecrets  # keyring: only when a chat post is made

        return WebhookSecrets()

    def save_settings(self, settings: Settings, *, rules_off: Mapping[str, Iterable[str]] | None = None) -> Settings:
        """Write `settings` to settings.json (and the tone rules switched off, per pack language, when given) and use them
        from now on, without a restart: the tone checkers are rebuilt on next use; the grammar checker
        is the caller's to rebuild (it owns a server process). Raises SettingsError, file untouched."""
        from ..storage.settings_file import save_settings
        from .rule_switches import save_switches

        # Keys changed on disk since this process loaded them (`outagewriter chats add` while the window is
        # open, a hand edit) are kept unless the user changed the same key here.
        settings = merged(self.settings, settings, load_settings(self.config_dir))
        self.settings = save_settings(settings, self.config_dir)
        if "renderer" in self.__dict__:  # the email names the promise in each audience's time
            self.renderer.audiences = self.settings.audiences
            self.renderer.chat_destinations = self.settings.chat_destinations  # the chat post and its link
            self.renderer.status_page_url = self.settings.status_page_url
        for language, switched_off in (rules_off or {}).items():
            save_switches(language, self.rules_dir, switched_off)
        with self._tone_lock:
            self._tone.clear()
        self._fixed.clear()
        return self.settings

    def tone(self, language: str = "en") -> ToneChecker:
        """The tone checker for `language`: shipped rules changed by the user's packs, and the writer's
        own names from settings, built once. Raises RulePackError when the shipped pack cannot be used;
        problems in user packs are in `.problems`."""
        from ..checks import user_tone_checker

        with self._tone_lock:
            if language not in self._tone:
                self._tone[language] = user_tone_checker(language, self.rules_dir,
                                                         own_names=self.settings.own_names)
            return self._tone[language]

    def starters(self, language: str = "en") -> Library:
        """The starting texts for `language`: shipped ones, then the user's from `<config>/starters`, read
        afresh each time (a few small files), so a file the user just saved is offered at once."""
        from .starters import load_library

        return load_library(language, self.config_dir / "starters")

    def check(self, incident: Incident, notice: Notice, *, now: datetime | None = None) -> list[Finding]:
        """Structure and tone findings (fast, no grammar), without dismissed or disabled ones, merged."""
        return self.present(incident, notice, self.fast_findings(incident, notice, now=now)).shown

    def fast_findings(self, incident: Incident, notice: Notice, *, now: datetime | None = None) -> list[Finding]:
        """Structure and tone findings, dismissed ones included: `present` sorts them out."""
        from ..checks import fast_findings

        return fast_findings(incident, notice, tone=self.tone(incident.language), now=now,
                             audiences=self.settings.audiences, chat_destinations=self.settings.chat_destinations,
                             second_tone=self.second_tone(incident), fixed_wording=self.fixed_wording(incident, notice))

    def fixed_wording(self, incident: Incident, notice: Notice) -> str:
        """What the email says in its first language around the writer's text: the notice rendered with
        its prose left empty, one notice per language, kind and status (a Japanese notice's template
        apologises once; the English ones do not apologise)."""
        from ..incident.fields import TEXT_FIELDS
        from ..incident.model import Notice

        generation = self.renderer.reload_if_changed()
        if generation != self._fixed_templates:  # the user edited their templates: their words changed
            self._fixed.clear()
            self._fixed_templates = generation
        key = (incident.language, notice.kind, notice.fields.get("status", ""), notice.fields.get("data_loss", ""))
        if key not in self._fixed:
            bare = Notice(notice.kind, {name: value for name, value in notice.fields.items() if name not in TEXT_FIELDS})
            try:
                self._fixed[key] = self.renderer.render(replace(incident, second_language="", notices=[bare]), bare).text
            except Exception:  # noqa: BLE001 — a template that cannot render is reported by the preview
                self._fixed[key] = ""
        return self._fixed[key]

    def second_tone(self, incident: Incident) -> ToneChecker | None:
        """The tone checker of a bilingual incident's second language; None for one language, or
        for a language without shipped tone rules (its text still gets structure and grammar checks)."""
        from ..checks.rules import shipped_languages

        second = incident.second_language
        return self.tone(second) if second and second in shipped_languages() else None

    def present(self, incident: Incident, notice: Notice, findings: list[Finding]) -> Presented:
        """`findings` (fast and grammar together) as the user gets them: rules the user turned off
        dropped, the notice's dismissed ones set apart, overlapping ones merged. The one place the
        window and `outagewriter check` both go through."""
        from ..checks import present

        try:
            second = self.second_tone(incident)
            disabled = self.tone(incident.language).ruleset.disabled | (second.ruleset.disabled if second else set())
        except Exception:  # noqa: BLE001 — a broken shipped pack is reported by fast_checker
            disabled = frozenset()
        return present(findings, dismissed=notice.dismissed, disabled=disabled)

    def grammar(self, language: str = "en", *, server_url: str | None = None):
        """A GrammarChecker as settings.json says, or for the LanguageTool server at `server_url`
        (the command line's OUTAGEWRITER_LT_URL); None when grammar checks are off. It checks in
        `language` unless a check names the text's own (`check_fields(fields, incident.language)`)."""
        from ..checks.grammar import GrammarChecker, GrammarSettings, languagetool_code

        configured = GrammarSettings.from_settings(self.settings)
        code = languagetool_code(language, configured.language)
        if server_url:
            return GrammarChecker(GrammarSettings(mode="server", server_url=server_url, language=code,
                                                  custom_words=configured.custom_words))
        return None if configured.mode == "off" else GrammarChecker(replace(configured, language=code))

    def fast_checker(self) -> tuple[Callable[[Incident, Notice], list[Finding]], str]:
        """(check, problem) for the window's live checks (dismissed findings included, for the window to
        list under Ignored), each incident checked in its own language;
        `problem` says in plain words what is not available ("" when all is well). A broken shipped
        pack never stops the window."""
        from ..checks.rules import shipped_languages

        try:
            checkers = [self.tone(language) for language in shipped_languages()]
        except Exception as exc:  # noqa: BLE001 — shown in the findings panel, never a crash
            return (lambda incident, notice: []), _("Tone and structure checks are not available: {problem}").format(
                problem=exc)
        # Every language's packs: a Japanese rule the user broke is told before a Japanese incident is
        # opened; a problem in a pack for every language, read for each language, is told once. One line each.
        return self.fast_findings, "\n".join(dict.fromkeys(p for tone in checkers for p in tone.problems))
