"""`timeline` and `export`: the incident's story in order, and the whole incident for the records."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..core.i18n import _
from ..core.session.export import FORMATS
from .base import EXIT_OK, UsageError, open_session


def register(subparsers) -> None:
    timeline = subparsers.add_parser(
        "timeline", help=_("list the incident's times, notices and review events in order"),
        description=_("One line per incident time, notice (draft or sent) and review event, oldest first, "
                      "in the incident's time zone and in UTC."))
    timeline.add_argument("file", type=Path)
    timeline.set_defaults(func=run_timeline)

    export = subparsers.add_parser(
        "export", help=_("write the whole incident for the records (Markdown or HTML)"),
        description=_("Every notice in order with its kind, status, sent time, recipients and full text "
                      "(sent notices as they went out, the draft marked as a draft), and the history."))
    export.add_argument("file", type=Path)
    export.add_argument("--format", choices=FORMATS, default="md", help=_("md (Markdown) or html"))
    export.add_argument("-o", "--output", metavar="OUT",
                        help=_("write to the file OUT instead of stdout; when OUT is a folder, write into it under "
                               "the incident file's name with .md or .html"))
    export.set_defaults(func=run_export)


def run_timeline(args) -> int:
    for entry in open_session(args.file).timeline():
        print(entry.line())
    return EXIT_OK


def export_target(output: str, incident: Path, fmt: str) -> Path:
    """Where `-o OUT` writes: OUT itself, or inside the folder OUT under the incident file's name, as the
    window's Export suggests it (payments.outage -> payments.md). OUT written as a folder ("out/") that
    does not exist is refused rather than written as a file of that name."""
    target = Path(output)
    if target.is_dir():
        return target / f"{incident.stem}.{fmt}"
    if output.endswith(("/", os.sep)):
        raise UsageError(_("-o {folder}: there is no such folder").format(folder=output))
    return target


def run_export(args) -> int:
    session = open_session(args.file)
    if args.output is None:
        sys.stdout.write(session.export(args.format))
        return EXIT_OK
    target = export_target(args.output, args.file, args.format)
    session.export_to(target, args.format)
    print(_("Exported to {path}").format(path=target))
    return EXIT_OK
