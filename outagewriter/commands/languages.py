"""`languages`: which languages an incident's notices are written in, and each text in both.

    outagewriter languages FILE              the languages, and the newest notice's text in each
    outagewriter languages FILE ja en        Japanese first, English below it (bilingual)
    outagewriter languages FILE en [--force] English only (--force: drop the text typed in the other)

A field's second-language text is set with `outagewriter set FILE summary@en="..."`.
"""
from __future__ import annotations

from pathlib import Path

from ..core.i18n import _
from ..core.incident.bilingual import TextWouldBeDropped, language_label, translated_name
from ..core.incident.fields import TRANSLATED_FIELDS, FieldError, fields_of
from ..core.incident.model import LANGUAGES
from .base import EXIT_OK, UsageError, change, lock_option, open_session


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "languages", help=_("show or change the languages an incident's notices are written in"),
        description=_("Without languages: show them, and the newest notice's text in each. With FIRST "
                      "(and SECOND): write the unsent notices in FIRST, and SECOND below it. Set a field's "
                      "second-language text with `outagewriter set FILE summary@en=...`."))
    parser.add_argument("file", type=Path)
    parser.add_argument("first", nargs="?", choices=LANGUAGES, help=_("the language written first"))
    parser.add_argument("second", nargs="?", choices=LANGUAGES, help=_("the language written below it"))
    parser.add_argument("--force", action="store_true",
                        help=_("drop text typed in a language the incident is no longer written in"))
    lock_option(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    if args.first is None:
        return _show(args.file)

    def step(session):
        try:
            return session.set_languages(args.first, args.second or "", force=args.force)
        except TextWouldBeDropped as exc:
            raise UsageError(_("{problem}; run again with --force to drop it").format(problem=exc)) from None

    changes = change(args, step, errors=(FieldError,))
    if args.second:
        message = (_("Notices are written in {first} and {second}.") if changes.file
                   else _("Notices were already written in {first} and {second}."))
    else:
        message = _("Notices are written in {first}.") if changes.file else _("Notices were already written in {first}.")
    print(message.format(first=language_label(args.first), second=language_label(args.second or args.first)))
    return EXIT_OK


def _show(path: Path) -> int:
    incident = open_session(path).incident
    second = incident.second_language
    shown = _("Languages: {first}, then {second}") if second else _("Languages: {first}")
    print(shown.format(first=language_label(incident.language), second=language_label(second or incident.language)))
    notice = incident.notices[-1]
    for name in (n for n in fields_of(notice.kind) if n in TRANSLATED_FIELDS):
        first_text, second_text = notice.fields[name], notice.translation[name] if second else ""
        if first_text or second_text:
            print(f"{name}: {first_text}")
            if second:
                print(f"{translated_name(name, second)}: {second_text}")
    return EXIT_OK
