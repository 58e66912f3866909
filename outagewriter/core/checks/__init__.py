"""Checks over a notice: structure, tone (rule packs) and, when given, grammar. No Qt here.

    checker = user_tone_checker("en")   # once, at start-up: shipped rules plus the user's packs
    findings = check_notice(incident, notice, tone=checker, grammar=grammar_checker)
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from dataclasses import replace
from typing import TYPE_CHECKING

from .findings import Finding, Presented, merge_overlapping, present
from .rules import (
    FREE_TEXT_FIELD,
    PROSE_FIELDS,
    Rule,
    RulePackError,
    RuleSet,
    default_user_rules_dir,
    load_rules,
)
from .tone import ToneChecker, load_checked_rules

from ..incident.times import now_utc

if TYPE_CHECKING:
    from ..incident.audiences import Audience
    from ..incident.chat_destinations import ChatDestination
    from ..incident.model import Incident, Notice
    from .structure import check_next_update, check_structure


def __getattr__(name: str):
    # The structure checks need the incident model (and its field validators); text checks such as
    # `outagewriter check -` do not, so it is imported when first asked for.
    if name in ("check_next_update", "check_structure"):
        from . import structure

        return getattr(structure, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "FREE_TEXT_FIELD", "PROSE_FIELDS", "Rule", "RulePackError", "RuleSet", "ToneChecker",
    "check_next_update", "check_notice", "check_structure", "default_user_rules_dir",
    "fast_findings", "filter_findings", "grammar_texts", "second_language_findings", "load_rules", "merge_overlapping", "present", "Presented",
    "tone_fields", "user_tone_checker",
]


def tone_fields(notice: Notice) -> dict[str, str]:
    """The prose fields the notice's kind sends, in the order its email shows them (title and subject
    first); text kept in the file for another kind is not sent, so not checked."""
    from ..incident.fields import KIND_LAYOUT, fields_of  # here: `check -` on plain text needs none of it

    shown = fields_of(notice.kind)
    order = ("title", "subject", *(name for name, _ in KIND_LAYOUT[notice.kind]))
    return {name: notice.fields.get(name, "") for name in order if name in PROSE_FIELDS and name in shown}


def grammar_texts(incident: Incident, notice: Notice) -> dict[str, str]:
    """What grammar checks read, by Finding.where: the tone fields, and of a bilingual notice their
    second-language text too ("summary@en"); empty ones left out."""
    from .translation_checks import translated

    first = tone_fields(notice)
    texts = dict(first)
    if incident.second_language:
        texts.update({f"{name}@{incident.second_language}": text for name, text in translated(first, notice).items()})
    return {where: text for where, text in texts.items() if text.strip()}


def second_language_findings(incident: Incident, notice: Notice, *, tone: ToneChecker | None) -> list[Finding]:
    """A bilingual notice's second text: missing or stale translations, and the tone checks of that
    language (`tone`; None when the language has no rule pack), each marked with the language."""
    from .translation_checks import check_translations, translated

    second = incident.second_language
    if not second:
        return []
    findings = check_translations(incident, notice)
    if tone is not None:
        texts = translated(tone_fields(notice), notice)
        findings += [replace(f, language=second) for f in tone.check_fields(texts, own_names=incident.own_names)]
    return findings


def user_tone_checker(language: str = "en", user_dir: str | Path | None = None,
                      own_names: Iterable[str] | None = None) -> ToneChecker:
    """The tone checker every part of the app uses: the shipped rules changed by the user's rule packs
    (`<config>/rules` unless `user_dir` is given), with their disabled rules, and the writer's own
    names (settings.json `own_names` unless given). The window, `check` and `review` all build it
    here so none of them reports a rule the user turned off or blames the user's own organisation.

    Raises RulePackError when the shipped pack cannot be used; problems in user packs are in `.problems`.
    """
    if own_names is None:
        from ..settings import load_settings

        own_names = load_settings().own_names
    rules = load_checked_rules(language, default_user_rules_dir() if user_dir is None else user_dir)
    return ToneChecker(rules, own_names=own_names)


def filter_findings(findings: Iterable[Finding], *, dismissed: Iterable[str] = (),
                    disabled: Iterable[str] = ()) -> list[Finding]:
    gone, off = set(dismissed), set(disabled)
    return [f for f in findings if f.key not in gone and f.rule not in off]


def fast_findings(incident: Incident, notice: Notice, *, tone: ToneChecker, now: datetime | None = None,
                  audiences: Iterable[Audience] = (),
                  chat_destinations: Iterable[ChatDestination] = (),
                  second_tone: ToneChecker | None = None, fixed_wording: str = "") -> list[Finding]:
    """Structure + tone, every one of them: nothing dismissed is left out yet (see `present`).
    `audiences` and `chat_destinations` are the saved ones from the settings; `second_tone` checks a
    bilingual notice's second text (see second_language_findings); `fixed_wording` is the email's own
    first-language sentences around the fields (ToneChecker.check_fields)."""
    from .chat_checks import check_chats
    from .promise_checks import check_promise
    from .structure import check_structure

    now = now or now_utc()
    return (check_structure(incident, notice, now=now)
            + check_promise(incident, notice.kind, notice.fields, audiences, now=now)
            + check_chats(notice.fields, chat_destinations)
            + tone.check_fields(tone_fields(notice), own_names=incident.own_names, fixed_wording=fixed_wording)
            + second_language_findings(incident, notice, tone=second_tone))


def check_notice(incident: Incident, notice: Notice, *, grammar=None, tone: ToneChecker | None = None,
                 now: datetime | None = None, disabled: Iterable[str] = (),
                 second_tone: ToneChecker | None = None) -> list[Finding]:
    """Structure + tone (+ grammar when a GrammarChecker is given), without dismissed or disabled
    findings, overlapping ones merged (as the window shows them).

    `grammar.check_fields` may raise GrammarUnavailable; that is left to the caller, which decides
    how to tell the user (the tone and structure findings are worth showing anyway, so callers
    usually run grammar separately, see outagewriter.commands.check).
    """
    tone = tone or ToneChecker()
    findings = fast_findings(incident, notice, tone=tone, now=now, second_tone=second_tone)
    if grammar is not None:
        findings += grammar.check_fields(grammar_texts(incident, notice), incident.language)
    off = set(disabled) | set(tone.ruleset.disabled)
    return present(findings, dismissed=notice.dismissed, disabled=off).shown
