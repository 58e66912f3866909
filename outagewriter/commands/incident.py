"""`new`, `set`, `add` and `render`: create an incident file, fill its newest notice, and see it."""
from __future__ import annotations

import sys
from pathlib import Path

from ..core.i18n import _
from ..core.incident.audience_recipients import audience_names, choose_audiences
from ..core.incident.carry import carried_fields, cleared_by
from ..core.incident.fields import NOTICE_KINDS, FieldError, kind_label
from ..core.incident.model import INCIDENT_KINDS, LANGUAGES, TIME_NAMES, NoticeLocked
from ..core.incident.times import TimeError
from ..core.mail.message import Sender, build_message
from ..core.review import workflow as review
from ..core.review.textdiff import format_diff
from ..core.session.errors import FileLocked
from ..core.session.session import Session
from .base import (
    EXIT_OK,
    UsageError,
    change,
    lock_option,
    notice_option,
    open_session,
    pick,
    services,
)
from .starters import apply as apply_starter
from .starters import starter_option, starter_with_assignments_option

FORMATS = ("subject", "text", "html", "eml", "short")


def register(subparsers) -> None:
    new = subparsers.add_parser("new", help=_("create an incident file with its first notice"))
    new.add_argument("file", type=Path)
    new.add_argument("--title", required=True, help=_("the incident's title, as customers will read it"))
    new.add_argument("--service", required=True, help=_("the service the incident affects"))
    new.add_argument("--kind", choices=INCIDENT_KINDS, default="incident",
                     help=_("an unplanned incident or planned maintenance"))
    new.add_argument("--lang", choices=LANGUAGES, default="en", help=_("the language the notices are written in"))
    new.add_argument("--second-lang", choices=LANGUAGES, default="",
                     help=_("also write every notice in this language, below the first (set its text as "
                            "FIELD@LANG=VALUE, e.g. summary@en=...)"))
    new.add_argument("--force", action="store_true", help=_("replace an existing file"))
    starter_option(new)
    new.set_defaults(func=run_new)

    set_ = subparsers.add_parser(
        "set",
        help=_("set fields of the newest unsent notice"),
        description=_("Set fields of the newest unsent notice. Incident times are set as "
                      "started=, detected=, resolved= (ISO 8601 with offset or zone). In a bilingual incident, "
                      "a field's second-language text is FIELD@LANG, e.g. summary@en=..."),
    )
    set_.add_argument("file", type=Path)
    set_.add_argument("assignments", nargs="*", metavar="FIELD=VALUE")
    starter_with_assignments_option(set_)
    set_.add_argument("--overwrite", action="store_true",
                      help=_("with --starter: replace text already typed in a field, too"))
    lock_option(set_)
    set_.set_defaults(func=run_set)

    add = subparsers.add_parser("add", help=_("start the next notice (update, resolution, ...)"))
    add.add_argument("file", type=Path)
    add.add_argument("--kind", choices=NOTICE_KINDS, required=True, help=_("the kind of the next notice"))
    lock_option(add)
    add.set_defaults(func=run_add)

    render = subparsers.add_parser("render", help=_("write a rendered notice to stdout"))
    render.add_argument("file", type=Path)
    notice_option(render)
    render.add_argument("--format", choices=FORMATS, default="text", help=_("which part to write (default: the plain text)"))
    render.set_defaults(func=run_render)


def run_new(args) -> int:
    if args.file.exists() and not args.force:
        raise UsageError(_("{file} already exists (use --force to replace it)").format(file=args.file))
    try:
        session = Session.new(services(), args.title, args.service, kind=args.kind, language=args.lang,
                              second_language=args.second_lang)
        if args.starter:
            apply_starter(session, session.incident.notices[0], args.starter, overwrite=False, command="new")
    except FieldError as exc:
        raise UsageError(str(exc)) from None
    try:
        session.save(args.file, force=True)  # Save As: refused while someone has that file open
    except FileLocked as exc:
        raise UsageError(_("{problem}; it was not replaced").format(problem=exc)) from None
    finally:
        session.close()
    return EXIT_OK


def _parse_assignments(items: list[str]) -> dict[str, str]:
    values = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise UsageError(_("expected FIELD=VALUE, got {item!r}").format(item=item))
        values[name.strip()] = value
    return values


def run_set(args) -> int:
    if not args.assignments and not args.starter:
        raise UsageError(_("give FIELD=VALUE assignments, --starter NAME, or both"))
    values = _parse_assignments(args.assignments)

    def step(session):
        notice = session.incident.newest_unsent()
        if notice is None:
            raise UsageError(
                _("every notice in {file} has been sent; start the next one with "
                  "`outagewriter add {file} --kind update`").format(file=args.file)
            )
        if args.starter:  # first, so that the assignments given with it win
            apply_starter(session, notice, args.starter, overwrite=args.overwrite, command="set")
        fields = dict(values)
        times = {k: fields.pop(k) for k in list(fields) if k in TIME_NAMES}
        if "audiences" in fields:  # as in the window: the chosen audiences' recipients join To and Bcc
            chosen = audience_names(fields.pop("audiences"))
            fields.update(choose_audiences(dict(notice.fields, **fields), chosen, session.services.settings.audiences))
        if fields or times:
            session.update(notice, fields, times)  # all or nothing: one bad value leaves the file as it was
        return session

    session = change(args, step, errors=(FieldError, TimeError, NoticeLocked))
    # An edit that changes what would be sent voided an approval when it was saved, in the audit trail. The
    # change is made (exit code 0): a notice for the writer, on stderr, not an error of the command.
    for number, void in session.voided:
        print(_("Note: notice {number} needs a new approval ({reason}); ask for a review again with "
                "`outagewriter request-review {file}`.").format(
            number=number, reason=review.reason_label(void.reason), file=args.file), file=sys.stderr)
        changes = format_diff(void.diff)
        if changes:
            print(changes, file=sys.stderr)
    return EXIT_OK


def run_add(args) -> int:
    def step(session):
        session.add_notice(args.kind)
        incident = session.incident
        previous, notice = incident.notices[-2:] if len(incident.notices) > 1 else (None, incident.notices[-1])
        return incident.number(notice), previous, carried_fields(incident, notice)

    number, previous, carried = change(args, step, errors=(FieldError,))
    if previous is not None:
        nothing = _("nothing")
        print(_("Notice {number} ({kind}) starts from notice {previous} as sent.").format(
            number=number, kind=kind_label(args.kind), previous=number - 1))
        print(_("Carried unchanged: {names}").format(
            names=", ".join(carried.names) if carried and carried.names else nothing))
        print(_("Cleared: {names}").format(names=", ".join(cleared_by(previous, args.kind)) or nothing))
    return EXIT_OK


def run_render(args) -> int:
    session = open_session(args.file)
    incident, notice = session.incident, pick(session, args.notice)
    rendered = session.render(notice)
    for problem in rendered.problems:
        print(_("outagewriter: template problem: {problem}").format(problem=problem), file=sys.stderr)
    if args.format == "eml":
        sender = Sender(notice.fields["contact_email"] or "outage-notice@localhost", notice.fields["contact_name"])
        sys.stdout.buffer.write(build_message(incident, notice, rendered, sender).as_bytes())
        return EXIT_OK
    output = {
        "subject": rendered.subject + "\n",
        "text": rendered.text,
        "html": rendered.html,
        "short": rendered.short + "\n",
    }[args.format]
    sys.stdout.write(output)
    return EXIT_OK
