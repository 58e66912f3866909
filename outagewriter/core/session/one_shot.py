"""A session for one command: lock the file for the moment of writing, load, change, save, unlock.

A command holds the edit lock for milliseconds; the window holds it for as long as the file is open.
So a command waits briefly for another command's lock, takes over a stale one, and refuses a live
one unless told to write anyway (the window's owner is told when they next save: the checked save
never overwrites what the command wrote).
"""
from __future__ import annotations

import os
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .. import os_errors
from ..storage.locks import EditLock, FileLocked
from .services import Services
from .session import Session


class CannotLock(Exception):
    """The lock file cannot be made beside the incident (a missing folder, no permission)."""

    def __init__(self, error: OSError):
        super().__init__(os_errors.reason(error))
        self.error = error


LOCK_WAIT_SECONDS = 3.0  # another command holds the lock for milliseconds; the window holds it for long


def _acquire_waiting_briefly(lock: EditLock, wait: float) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            lock.acquire(take_over=True)
            return
        except FileLocked:
            if time.monotonic() >= deadline:
                raise
            time.sleep(random.uniform(0.01, 0.05))  # jitter, so waiting writers do not meet again


@contextmanager
def changing(services: Services, path: str | os.PathLike, *, ignore_lock: bool = False) -> Iterator[Session]:
    """Yield the session of `path` under its edit lock; save it (checked) when the block ends normally.

    Raises FileLocked (someone has it open; not raised with `ignore_lock`), CannotLock (the lock
    cannot be made), IncidentFileError (the file cannot be used) and ConflictError (changed meanwhile).
    An exception inside the block leaves the file as it was."""
    settings = services.settings
    lock = EditLock(path, user=settings.identity(), stale_after=settings.lock_stale_after_seconds)
    try:
        _acquire_waiting_briefly(lock, 0 if ignore_lock else LOCK_WAIT_SECONDS)
    except FileLocked:
        if not ignore_lock:
            raise
    except OSError as exc:
        raise CannotLock(exc) from None
    try:
        session = Session.open(services, path)
        yield session
        if session.modified:
            session.save()
    finally:
        lock.release()
