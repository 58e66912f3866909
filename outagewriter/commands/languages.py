"""`languages`: which languages an incident's notices are written in, and each text in both.

    outagewriter languages FILE              the languages, and the newest notice's text in each
    outagewriter languages FILE ja en        Japanese first, English below it (bilingual)
    outagewriter languages FILE en [--force] English only (--force: drop the text typed in the other)

A field's second-language text is set with `outagewriter set FILE summary@en="..."`.
"""
from __future__ import annotations

from pathlib import Path

from ..core.incident.bilingual import IN_ENGLISH, TextWouldBeDropped, translated_name
from ..core.incident.fields import TRANSLATED_FIELDS, FieldError, fields_of
from ..core.incident.model import LANGUAGES
from .base import EXIT_OK, UsageError, change, lock_option, open_session


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "languages", help="show or change the languages an incident's notices are written in",
        description="Without languages: show them, and the newest notice's text in each. With FIRST "
        "(and SECOND): write the unsent notices in FIRST, and SECOND below it. Set a field's "
        "second-language text with `outagewriter set FILE summary@en=...`.")
    parser.add_argument("file", type=Path)
    parser.add_argument("first", nargs="?", choices=LANGUAGES, help="the language written first")
    parser.add_argument("second", nargs="?", choices=LANGUAGES, help="the language written below it")
    parser.add_argument("--force", action="store_true",
                        help="drop text typed in a language the incident is no longer written in")
    lock_option(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    if args.first is None:
        return _show(args.file)

    def step(session):
        try:
            return session.set_languages(args.first, args.second or "", force=args.force)
        except TextWouldBeDropped as exc:
            raise UsageError(f"{exc}; run again with --force to drop it") from None

    changes = change(args, step, errors=(FieldError,))
    names = " and ".join(IN_ENGLISH[code] for code in (args.first, args.second) if code)
    print(f"Notices are written in {names}." if changes.file else f"Notices were already written in {names}.")
    return EXIT_OK


def _show(path: Path) -> int:
    incident = open_session(path).incident
    print("Languages: " + ", then ".join(IN_ENGLISH[code] for code in incident.languages))
    notice = incident.notices[-1]
    second = incident.second_language
    for name in (n for n in fields_of(notice.kind) if n in TRANSLATED_FIELDS):
        first_text, second_text = notice.fields[name], notice.translation[name] if second else ""
        if first_text or second_text:
            print(f"{name}: {first_text}")
            if second:
                print(f"{translated_name(name, second)}: {second_text}")
    return EXIT_OK
