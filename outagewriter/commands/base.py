"""What every command shares: exit codes, UsageError, the user's services, and writing an incident
file through a one-shot session.

Every command that changes a file goes through `change(args, step)`, which runs `step(session)` in
`core.session.one_shot.changing`: the file's edit lock for the moment of writing, then the one save.
"""
from __future__ import annotations

import argparse
import math
import os
import sys
from typing import TYPE_CHECKING, Callable, TypeVar

from ..core.i18n import _
from ..core.session.services import Services

if TYPE_CHECKING:
    from ..core.incident.model import Notice
    from ..core.session.session import Session

T = TypeVar("T")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input from the command line; printed on stderr, exit code 2."""


def lock_option(parser) -> None:
    """Add --ignore-lock to a subcommand that writes the file (its args need `file` and `ignore_lock`)."""
    parser.add_argument("--ignore-lock", action="store_true",
                        help=_("write even while someone has the file open (they are told when they next save)"))


def whole_number(text: str) -> int:
    """argparse type of a count or a number (--notice, --port, --batch-size): a number that is not one is
    refused in one line in the program's language (argparse would name Python's type: 'invalid int value')."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("invalid int value: {value!r}").format(value=text)) from None


def notice_option(parser) -> None:
    parser.add_argument("--notice", type=whole_number, default=-1, metavar="N",
                        help=_("1 is the first notice; default the newest"))


MAX_TIMEOUT_SECONDS = 24 * 60 * 60


def positive_seconds(text: str) -> float:
    """argparse type of a --timeout: seconds above 0 and at most a day. Python's sockets take no other
    (0 is "never wait", a negative number, nan, inf or one beyond the clock's range raise a traceback);
    argparse reports the refusal in one line, exit code 2."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not 0 < seconds <= MAX_TIMEOUT_SECONDS:  # nan fails this too
        raise argparse.ArgumentTypeError(
            _("{value!r} is not a number of seconds above 0 and at most {limit} (for example 30)").format(
                value=text, limit=MAX_TIMEOUT_SECONDS))
    return seconds


_services: Services | None = None


def start_command() -> None:
    """A new command begins (the CLI's main may run several in one process): read the settings afresh."""
    global _services
    _services = None


def services() -> Services:
    """The user's services for this command, built once per command; problems in settings.json are
    reported on stderr, not fatal."""
    global _services
    if _services is None:
        _services = Services.load()
        for problem in _services.settings.problems:
            print(f"outagewriter: {problem}", file=sys.stderr)
    return _services


def open_session(path) -> Session:
    """The incident in `path`, read-only (for commands that only look), or a UsageError in one line."""
    # The session brings mail and review with it: imported here, so `check` on text starts fast.
    from ..core.session.errors import IncidentFileError
    from ..core.session.session import Session

    try:
        return Session.open(services(), path)
    except IncidentFileError as exc:
        raise UsageError(str(exc)) from None


def pick(session: Session, number: int) -> Notice:
    try:
        return session.pick(number)
    except IndexError as exc:
        raise UsageError(str(exc)) from None


def change(args, step: Callable[[Session], T], errors: tuple[type[BaseException], ...] = ()) -> T:
    """Run `step(session)` on `args.file` under its edit lock and save it (only if unchanged meanwhile).

    Returns what `step` returned, after the file is saved and unlocked (so callers print only once the
    change is on disk). Exceptions of the types in `errors` raised by `step` become a UsageError
    (exit code 2, one line on stderr), and nothing is saved.
    """
    from ..core.session.errors import (
        CannotLock,
        ConflictError,
        FileLocked,
        IncidentFileError,
    )
    from ..core.session.one_shot import changing

    try:
        with changing(services(), args.file, ignore_lock=args.ignore_lock) as session:
            try:
                return step(session)
            except errors as exc:
                raise UsageError(str(exc)) from None
    except FileLocked as exc:
        raise UsageError(_("{problem}. Run again with --ignore-lock to write anyway.").format(problem=exc)) from None
    except IncidentFileError as exc:
        raise UsageError(str(exc)) from None
    except ConflictError as exc:
        raise UsageError(_("{problem} Run the command again.").format(problem=exc)) from None
    except CannotLock as exc:
        if not os.path.exists(args.file):  # e.g. its folder is missing: say so, as reading it would
            raise UsageError(_("{file}: no such file").format(file=args.file)) from None
        raise UsageError(_("cannot lock {file}: {problem}").format(file=args.file, problem=exc)) from None
