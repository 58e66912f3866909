"""Checks over a notice: structure, tone (rule packs) and, when given, grammar. No Qt here.

    checker = ToneChecker(load_rules("en", default_user_rules_dir()))   # once, at start-up
    findings = check_notice(incident, notice, tone=checker, grammar=grammar_checker)
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from ..findings import Finding
from ..model import Incident, Notice
from .rules import (
    FREE_TEXT_FIELD,
    PROSE_FIELDS,
    Rule,
    RulePackError,
    RuleSet,
    default_user_rules_dir,
    load_rules,
)
from .structure import check_next_update, check_structure
from .tone import ToneChecker

__all__ = [
    "FREE_TEXT_FIELD", "PROSE_FIELDS", "Rule", "RulePackError", "RuleSet", "ToneChecker",
    "check_next_update", "check_notice", "check_structure", "default_user_rules_dir",
    "filter_findings", "load_rules", "tone_fields",
]


def tone_fields(notice: Notice) -> dict[str, str]:
    """The notice's prose fields in the order the email shows them."""
    return {name: notice.fields.get(name, "") for name in PROSE_FIELDS}


def filter_findings(findings: Iterable[Finding], *, dismissed: Iterable[str] = (),
                    disabled: Iterable[str] = ()) -> list[Finding]:
    gone, off = set(dismissed), set(disabled)
    return [f for f in findings if f.key not in gone and f.rule not in off]


def check_notice(incident: Incident, notice: Notice, *, grammar=None, tone: ToneChecker | None = None,
                 now: datetime | None = None, disabled: Iterable[str] = ()) -> list[Finding]:
    """Structure + tone (+ grammar when a GrammarChecker is given), without dismissed or disabled findings.

    `grammar.check_fields` may raise GrammarUnavailable; that is left to the caller, which decides
    how to tell the user (the tone and structure findings are worth showing anyway, so callers
    usually run grammar separately, see outagewriter.commands.check).
    """
    tone = tone or ToneChecker()
    fields = tone_fields(notice)
    findings = check_structure(incident, notice, now=now)
    findings += tone.check_fields(fields)
    if grammar is not None:
        findings += grammar.check_fields(fields)
    off = set(disabled) | set(tone.ruleset.disabled)
    return filter_findings(findings, dismissed=notice.dismissed, disabled=off)
