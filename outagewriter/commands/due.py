"""`due`: the promised updates of incidents, and which are overdue.

    outagewriter due [FILE ...] [--json]

No files: the incidents opened recently in the window. One line per timed promise, overdue first;
exit 1 when anything is overdue (for cron: `out=$(outagewriter due) || echo "$out"` mails only then),
2 when a named file cannot be read, 0 otherwise. Recent files that cannot be read are noted on stderr.
"""
from __future__ import annotations

import json
import sys

from ..core.i18n import _
from ..core.incident.reminders import OVERDUE, reminder_data, reminder_line
from ..core.incident.times import now_utc
from ..core.safe_text import visible
from ..core.session.due import due_in_files, recent_incident_files
from .base import EXIT_FAILED, EXIT_OK, EXIT_USAGE, services


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "due",
        help=_("list promised updates and whether they are overdue"),
        description=_("List the next update each incident promised (its newest sent notice) and how it "
                      "stands: upcoming, due-soon or overdue. Without files: the incidents opened recently. "
                      "Exit code 1 when anything is overdue."),
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help=_("incident files (default: the recent ones)"))
    parser.add_argument("--json", action="store_true", help=_("one JSON object, for scripts"))
    parser.set_defaults(func=run)


def run(args, now=None) -> int:
    now = now or now_utc()
    named = bool(args.files)
    files = args.files if named else recent_incident_files()
    report = due_in_files(files, now, services().settings.remind_before_minutes)
    for path, why in report.skipped:
        print(_("outagewriter due: skipped {file}: {why}").format(file=visible(path), why=visible(why)), file=sys.stderr)
    if args.json:
        print(json.dumps({"due": [reminder_data(d.reminder, d.path) for d in report.due],
                          "skipped": [{"file": path, "reason": why} for path, why in report.skipped]},
                         ensure_ascii=False, indent=2))
    else:
        for item in report.due:
            print(reminder_line(item.reminder, now, item.path))
    if any(item.reminder.state == OVERDUE for item in report.due):
        return EXIT_FAILED
    return EXIT_USAGE if named and report.skipped else EXIT_OK
