"""`check`: structure, tone and grammar findings for a notice file or for text on stdin.

    outagewriter check FILE|- [--format json|text] [--lang en|ja] [--no-grammar] [--quick]

A file: the newest notice's fields (structure + tone + grammar), in the incident's language. `-`:
plain text from stdin, checked as one field named `text` (tone + grammar, no structure) in `--lang`.
Exit 1 when any finding is an error, 0 otherwise, 2 on bad input.
Grammar runs when `OUTAGEWRITER_LT_URL` names a LanguageTool server; if it cannot run, one line
on stderr says so and the other checks go on.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..core.checks import (
    FREE_TEXT_FIELD,
    RulePackError,
    present,
    grammar_texts,
)
from ..core.checks.findings import Finding
from ..core.checks.rules import shipped_languages
from ..core.i18n import _
from .base import EXIT_FAILED, EXIT_OK, UsageError, services

LT_URL_ENV = "OUTAGEWRITER_LT_URL"  # a LanguageTool server for this run, instead of settings.json
MAX_STDIN_CHARS = 1_000_000


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "check",
        help=_("check a notice for structure, tone and grammar"),
        description=_("Check the newest notice of an incident file, or plain text from stdin ('-'). "
                      "Exit code 1 when any finding is an error."),
    )
    parser.add_argument("file", metavar="FILE|-", help=_("an .outage file, or - to read plain text from stdin"))
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help=_("text for people, json for scripts and editors"))
    parser.add_argument("--lang", choices=shipped_languages(), default=None,  # those with tone rules
                        help=_("the language of text on stdin (default en); a file is checked in its incident's"))
    parser.add_argument("--no-grammar", action="store_true", help=_("skip LanguageTool grammar checks"))
    parser.add_argument("--quick", action="store_true",
                        help=_("word-level rules only (tone and structure): no grammar server, for every save"))
    parser.set_defaults(func=run)


def _grammar_findings(checker, fields: dict[str, str], language: str) -> list[Finding]:
    from ..core.checks.grammar import GrammarUnavailable

    try:
        return checker.check_fields(fields, language)
    except GrammarUnavailable as exc:
        print(_("outagewriter check: {problem}").format(problem=exc), file=sys.stderr)
    except Exception as exc:  # a server that answers nonsense must not stop the tone checks
        print(_("outagewriter check: grammar checks failed ({problem}); tone checks still work.").format(problem=exc),
              file=sys.stderr)
    return []


def format_text(finding: Finding) -> str:
    line = (f"{finding.where}:{finding.start}-{finding.end} {finding.severity} {finding.category} "
            f"{finding.rule}: {finding.message}")
    if finding.suggestions:
        line += _(" (suggestion: {suggestions})").format(suggestions=" | ".join(finding.suggestions))
    if finding.also:  # overlapping findings merged into this one
        line += _(" (also: {rules})").format(rules=", ".join(f.rule for f in finding.also))
    return line


def _tone(language: str):
    try:
        tone = services().tone(language)
    except RulePackError as exc:
        raise UsageError(_("the shipped rules cannot be used: {problem}").format(problem=exc)) from None
    for problem in tone.problems:
        print(_("outagewriter check: rule pack: {problem}").format(problem=problem), file=sys.stderr)
    return tone


def run(args) -> int:
    incident = None
    if args.file != "-":
        from .base import (
            open_session,  # the session (mail, keyring) only for a file, not for text
        )

        incident = open_session(Path(args.file)).incident
    language = incident.language if incident is not None else args.lang or "en"
    tone = _tone(language)
    url = os.environ.get(LT_URL_ENV, "").strip() or None
    grammar = None if args.no_grammar or args.quick else services().grammar(language, server_url=url)
    try:
        if incident is None:
            text = sys.stdin.read(MAX_STDIN_CHARS + 1)
            if len(text) > MAX_STDIN_CHARS:
                raise UsageError(_("more than {count:,} characters on stdin").format(count=MAX_STDIN_CHARS))
            fields = {FREE_TEXT_FIELD: text}
            findings = tone.check_fields(fields)
            if grammar is not None:
                findings += _grammar_findings(grammar, fields, language)
            findings = present(findings, disabled=tone.ruleset.disabled).shown
        else:
            notice = incident.notices[-1]
            findings = services().fast_findings(incident, notice)
            if grammar is not None:
                findings += _grammar_findings(grammar, grammar_texts(incident, notice), language)
            findings = services().present(incident, notice, findings).shown
    finally:
        if grammar is not None:
            grammar.close()
    if args.format == "json":
        print(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            print(format_text(finding))
    return EXIT_FAILED if any(f.severity == "error" for f in findings) else EXIT_OK
