"""`new`, `set`, `add` and `render`: create an incident file, fill its newest notice, and see it."""
from __future__ import annotations

import sys
from pathlib import Path

from ..cli import EXIT_OK, UsageError
from ..core.incident.fields import NOTICE_KINDS, FieldError
from ..core.incident.model import (
    INCIDENT_KINDS,
    LANGUAGES,
    TIME_NAMES,
    Incident,
    NoticeLocked,
)
from ..core.incident.times import TimeError
from ..core.mail.message import Sender, build_message
from ..core.paths import config_dir
from ..core.render.renderer import Renderer
from ..core.review import workflow as review
from ..core.storage import fileformat
from .editing import change, lock_option

FORMATS = ("subject", "text", "html", "eml", "short")


def register(subparsers) -> None:
    new = subparsers.add_parser("new", help="create an incident file with its first notice")
    new.add_argument("file", type=Path)
    new.add_argument("--title", required=True)
    new.add_argument("--service", required=True)
    new.add_argument("--kind", choices=INCIDENT_KINDS, default="incident")
    new.add_argument("--lang", choices=LANGUAGES, default="en")
    new.add_argument("--force", action="store_true", help="replace an existing file")
    new.set_defaults(func=run_new)

    set_ = subparsers.add_parser(
        "set",
        help="set fields of the newest unsent notice",
        description="Set fields of the newest unsent notice. Incident times are set as "
        "started=, detected=, resolved= (ISO 8601 with offset or zone).",
    )
    set_.add_argument("file", type=Path)
    set_.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    lock_option(set_)
    set_.set_defaults(func=run_set)

    add = subparsers.add_parser("add", help="start the next notice (update, resolution, ...)")
    add.add_argument("file", type=Path)
    add.add_argument("--kind", choices=NOTICE_KINDS, required=True)
    lock_option(add)
    add.set_defaults(func=run_add)

    render = subparsers.add_parser("render", help="write a rendered notice to stdout")
    render.add_argument("file", type=Path)
    render.add_argument("--notice", type=int, default=-1, metavar="N", help="1 is the first notice; default the newest")
    render.add_argument("--format", choices=FORMATS, default="text")
    render.set_defaults(func=run_render)


def load(path: Path) -> Incident:
    try:
        return fileformat.load(path)
    except fileformat.IncidentFileError as exc:
        raise UsageError(str(exc)) from None


def run_new(args) -> int:
    if args.file.exists() and not args.force:
        raise UsageError(f"{args.file} already exists (use --force to replace it)")
    try:
        incident = Incident.create(args.title, args.service, kind=args.kind, language=args.lang)
    except FieldError as exc:
        raise UsageError(str(exc)) from None
    fileformat.save(incident, args.file)
    return EXIT_OK


def _parse_assignments(items: list[str]) -> dict[str, str]:
    values = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise UsageError(f"expected FIELD=VALUE, got {item!r}")
        values[name.strip()] = value
    return values


def run_set(args) -> int:
    values = _parse_assignments(args.assignments)

    def step(incident, settings):
        notice = incident.newest_unsent()
        if notice is None:
            raise UsageError(
                f"every notice in {args.file} has been sent; start the next one with "
                f"`outagewriter add {args.file} --kind update`"
            )
        fields = dict(values)
        times = {k: fields.pop(k) for k in list(fields) if k in TIME_NAMES}
        notice.update(fields)  # all or nothing: one bad value leaves the file as it was (nothing is saved)
        incident.set_times(times)
        # An edit that changes what would be sent voids an approval now, visibly, in the audit trail.
        return review.note_changes(incident, notice, _renderer().render(incident, notice), settings.identity())

    void = change(args, step, errors=(FieldError, TimeError, NoticeLocked))
    if void is not None:
        print(f"outagewriter set: {void.describe()}", file=sys.stderr)
    return EXIT_OK


def _renderer() -> Renderer:
    return Renderer(user_dir=config_dir() / "templates")


def run_add(args) -> int:
    change(args, lambda incident, settings: incident.add_notice(args.kind), errors=(FieldError,))
    return EXIT_OK


def run_render(args) -> int:
    incident = load(args.file)
    try:
        notice = incident.notice(args.notice)
    except IndexError as exc:
        raise UsageError(str(exc)) from None
    rendered = _renderer().render(incident, notice)
    for problem in rendered.problems:
        print(f"outagewriter: template problem: {problem}", file=sys.stderr)
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
