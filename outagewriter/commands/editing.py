"""Writing an incident file from a command: lock, load, change, save only if unchanged meanwhile, unlock.

Every command that changes a file goes through `change(args, step)`: it takes the file's edit lock
for the moment it writes (a stale lock is taken over; a live one is refused unless --ignore-lock),
loads the file with its stamp, lets `step` change the incident, and saves with `save_checked`, so a
file someone else changed in between is never overwritten.
"""
from __future__ import annotations

import os
import random
import sys
import time
from typing import Callable, TypeVar

from ..cli import UsageError
from ..core.incident.model import Incident
from ..core.settings import Settings, load_settings
from ..core.storage import fileformat
from ..core.storage.conflicts import ConflictError, load_with_stamp, save_checked
from ..core.storage.locks import EditLock, FileLocked

T = TypeVar("T")


def lock_option(parser) -> None:
    """Add --ignore-lock to a subcommand that writes the file (its args need `file` and `ignore_lock`)."""
    parser.add_argument("--ignore-lock", action="store_true",
                        help="write even while someone has the file open (they are told when they next save)")


def settings() -> Settings:
    """The user's settings; problems in them are reported on stderr, not fatal."""
    loaded = load_settings()
    for problem in loaded.problems:
        print(f"outagewriter: {problem}", file=sys.stderr)
    return loaded


LOCK_WAIT_SECONDS = 3.0  # another command holds the lock for milliseconds; the window holds it for long


def _acquire_waiting_briefly(lock: EditLock, wait: float) -> None:
    """Take the lock, waiting up to `wait` seconds while another command holds it for its quick write."""
    deadline = time.monotonic() + wait
    while True:
        try:
            lock.acquire(take_over=True)
            return
        except FileLocked:
            if time.monotonic() >= deadline:
                raise
            time.sleep(random.uniform(0.01, 0.05))  # jitter, so waiting writers do not meet again


def change(args, step: Callable[[Incident, Settings], T],
           errors: tuple[type[BaseException], ...] = ()) -> T:
    """Lock `args.file`, load it, apply `step(incident, settings)`, save if unchanged meanwhile, unlock.

    Returns what `step` returned, after the file is saved and unlocked (so callers print only once the
    change is on disk). Exceptions of the types in `errors` raised by `step` become a UsageError
    (exit code 2, one line on stderr), and nothing is saved.
    """
    current = settings()
    lock = EditLock(args.file, user=current.identity(), stale_after=current.lock_stale_after_seconds)
    try:
        _acquire_waiting_briefly(lock, 0 if args.ignore_lock else LOCK_WAIT_SECONDS)
    except FileLocked as exc:
        if not args.ignore_lock:
            raise UsageError(f"{exc}. Run again with --ignore-lock to write anyway.") from None
    except OSError as exc:
        if not os.path.exists(args.file):  # e.g. its folder is missing: say so, as reading it would
            raise UsageError(f"{args.file}: no such file") from None
        raise UsageError(f"cannot lock {args.file}: {exc.strerror or exc}") from None
    try:
        try:
            incident, stamp = load_with_stamp(args.file)
        except fileformat.IncidentFileError as exc:
            raise UsageError(str(exc)) from None
        try:
            result = step(incident, current)
        except errors as exc:
            raise UsageError(str(exc)) from None
        try:
            save_checked(incident, args.file, stamp)
        except ConflictError as exc:
            raise UsageError(f"{exc} Run the command again.") from None
    finally:
        lock.release()
    return result
