"""`starters`: the starting texts a notice can begin from, and `--starter` for `new` and `set`."""
from __future__ import annotations

import argparse
import sys
import textwrap

from ..core.i18n import _
from ..core.incident.fields import NOTICE_KINDS
from .base import EXIT_OK, UsageError, services


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "starters", help=_("list the starting texts (shipped, then your own)"),
        description=_("List the starting texts: the shipped ones, then those in <config dir>/starters/*.json. "
                      "Apply one with `outagewriter new ... --starter NAME` or "
                      "`outagewriter set FILE --starter NAME`."))
    parser.add_argument("--kind", choices=NOTICE_KINDS, help=_("only those for this kind of notice"))
    parser.set_defaults(func=run_starters)


def starter_option(parser) -> None:
    parser.add_argument("--starter", metavar="NAME",
                        help=_("fill the notice from a starting text (see `outagewriter starters`)"))


class _StarterThenAssignments(argparse.Action):
    """`set FILE --starter NAME FIELD=VALUE…`: argparse (3.11) would leave the assignments after an
    option unrecognised, so this option takes them and hands them to the assignments."""

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values[0])
        namespace.assignments = [*(getattr(namespace, "assignments", None) or []), *values[1:]]


def starter_with_assignments_option(parser) -> None:
    parser.add_argument("--starter", nargs="+", action=_StarterThenAssignments, metavar=("NAME", "FIELD=VALUE"),
                        help=_("fill the notice from a starting text first (see `outagewriter starters`); "
                               "the assignments given win"))


def library(language: str = "en"):
    """The starting texts; a user file that cannot be used is told on stderr, in one line each."""
    from ..core.session.starters import StarterError

    try:
        found = services().starters(language)
    except StarterError as exc:
        raise UsageError(str(exc)) from None
    for problem in found.problems:
        print(f"outagewriter: {problem}", file=sys.stderr)
    return found


def run_starters(args) -> int:
    found = library()
    for starter in found.for_kind(args.kind) if args.kind else found.starters:
        origin = "" if starter.origin == "shipped" else _(", from {origin}").format(origin=starter.origin)
        print(f"{starter.name}  {starter.title} ({', '.join(starter.kinds)}{origin})")
        if starter.summary:
            print(textwrap.indent(textwrap.fill(starter.summary, 96), "    "))
    return EXIT_OK


def apply(session, notice, name: str, *, overwrite: bool, command: str) -> None:
    """Fill `notice` from the starting text `name`; typed text is kept unless `overwrite`, and said so."""
    library(session.incident.language)  # reports problems in the user's files
    _changes, what = session.apply_starter(notice, name, overwrite=overwrite)
    if what.replace and not overwrite:
        print(_("outagewriter {command}: kept the text already in {fields} "
                "(add --overwrite to replace it with the starting text)").format(
            command=command, fields=", ".join(what.replaced_labels(notice.kind))), file=sys.stderr)
