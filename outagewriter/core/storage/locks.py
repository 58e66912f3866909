"""Lock files beside an incident on a shared folder, so two people never edit or send it at once.

Edit lock: while a file is open for editing, `.<name>.lock` sits beside it, holding JSON
{"user", "host", "pid", "since", "refreshed", "token"}. It is created whole or not at all: the
content goes to a temporary file first, which is then hard-linked to the lock name (link fails if
the name exists: O_CREAT|O_EXCL semantics, and no reader ever sees half a lock). Where the folder
cannot hold hard links, the lock is made with O_CREAT|O_EXCL directly and readers wait briefly for
its content. A second process gets `FileLocked` ("locked by Jana on host pc-17 since ...") and can
open the file read-only, or take the lock over when it is stale: same host and the holder's process
is gone, or not refreshed for longer than the configured age (the holder calls `refresh()` every
REFRESH_EVERY seconds). Taking over removes the stale lock under a short-lived guard file
(`.<name>.lock.takeover`), only if it is still the very lock judged stale, then creates a new one
the same exclusive way, so of several processes taking over at once exactly one ends up holding it.
`release()` (or leaving the `with` block) removes the lock, if it is still ours.

Send lock: `.<name>.sending`, made the same way, held for the whole of a send, so two processes
never deliver the same notice twice.

Limits: file systems give no atomic compare-and-replace, so a holder that was judged stale by age
(a laptop waking from sleep) and refreshes at the very moment it is taken over can overwrite the
new lock; its next `refresh()` then raises `LockLost` for one of the two. Save conflicts are still
caught by `conflicts.save_checked`, which is the real guard against lost work.
"""
from __future__ import annotations

import errno
import json
import os
import secrets
import socket
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .. import safe_text
from ..i18n import _
from ..incident.times import format_stored, isoformat_utc, now_utc
from ..settings import DEFAULT_LOCK_STALE_MINUTES, current_user
from .atomic import atomic_write_text
from .processes import process_alive

LOCK_SUFFIX = ".lock"
DEFAULT_STALE_AFTER = DEFAULT_LOCK_STALE_MINUTES * 60.0
REFRESH_EVERY = 60.0  # seconds; far below any sensible stale age
TAKEOVER_GUARD_STALE = 30.0  # seconds; taking over a stale lock takes milliseconds


def lock_path_for(path: str | os.PathLike) -> Path:
    file = Path(path)
    return file.with_name(f".{file.name}{LOCK_SUFFIX}")


# ---------------------------------------------------------------------------------------------
# Lock files


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    since: str  # UTC ISO
    refreshed: str  # UTC ISO; equals `since` until the first refresh
    token: str = ""  # random: tells our lock from a later one by the same process

    def describe(self, show_time: Callable[[str], str] = format_stored) -> str:
        return safe_text.visible(_("locked by {user} on host {host} since {time}").format(
            user=self.user, host=self.host, time=show_time(self.since)))

    def to_json(self) -> str:
        return json.dumps({"user": self.user, "host": self.host, "pid": self.pid, "since": self.since,
                           "refreshed": self.refreshed, "token": self.token}, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "LockInfo":
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not an object")
        since = str(data.get("since", ""))
        pid = data.get("pid", 0)
        # A hand-made lock may say "x" or 1e400: no pid is known. A whole number stays as written:
        # process_alive says no process has 2**64, so such a lock on this host was left behind.
        if not isinstance(pid, int) or isinstance(pid, bool):
            pid = 0
        return cls(user=str(data.get("user", "?")), host=str(data.get("host", "?")),
                   pid=pid, since=since, refreshed=str(data.get("refreshed") or since),
                   token=str(data.get("token", "")))

    def age_seconds(self, now: datetime | None = None) -> float | None:
        """Seconds since the last refresh, or None if the time cannot be read."""
        try:
            then = datetime.fromisoformat(self.refreshed.replace("Z", "+00:00"))
            if then.tzinfo is None:
                then = then.replace(tzinfo=timezone.utc)
            return ((now or now_utc()) - then).total_seconds()
        except (ValueError, OverflowError):  # year 1 with an offset lies outside datetime's range
            return None

    def stale_reason(self, stale_after: float, *, host: str | None = None, now: datetime | None = None) -> str | None:
        """Why this lock may be taken over, or None while its holder is alive and refreshing it."""
        if self.host == (host or socket.gethostname()) and self.pid > 0 and not process_alive(self.pid):
            return _("the program that held it (process {pid} on {host}) is no longer running").format(
                pid=self.pid, host=self.host)
        age = self.age_seconds(now)
        if age is None:
            return _("its time cannot be read")
        if age > stale_after:
            return _("it has not been refreshed for {minutes} minutes").format(minutes=int(age // 60))
        return None


def left_behind_by(holder: LockInfo | None, user: str, host: str | None = None) -> bool:
    """A lock this very user's program left on this machine when it stopped (a crash): taking it over
    needs no question, it was theirs."""
    if holder is None:
        return False
    here = host or socket.gethostname()
    same_user = " ".join(holder.user.casefold().split()) == " ".join(user.casefold().split())
    return same_user and holder.host == here and holder.pid > 0 and not process_alive(holder.pid)


class FileLocked(Exception):
    """Somebody else has the file open for editing: open it read-only, or take over a stale lock."""

    def __init__(self, path: Path, holder: LockInfo | None, stale: str | None):
        self.path = Path(path)
        self.holder = holder
        self.stale = stale  # why it may be taken over, or None
        what = holder.describe() if holder else _("locked (the lock file cannot be read)")
        if stale:
            text = _("{file}: {holder}; the lock is stale ({reason}) and may be taken over").format(
                file=self.path.name, holder=what, reason=stale)
        else:
            text = _("{file}: {holder}; open it read-only, or ask them to close it").format(
                file=self.path.name, holder=what)
        super().__init__(text)


class LockLost(Exception):
    """Our lock was removed or taken over by someone else; saving may now clash with their edits."""


def read_lock(path: str | os.PathLike, *, wait: float = 0.5) -> LockInfo | None:
    """The lock on `path` (the incident file), or None if there is none.

    A lock file caught mid-creation (only on folders without hard links) is read again for up to
    `wait` seconds; one that still cannot be read is reported with unknown holder and time."""
    lock = lock_path_for(path)
    deadline = time.monotonic() + wait
    while True:
        try:
            text = _read_lock_text(lock)
        except FileNotFoundError:
            if os.path.lexists(lock):  # a dangling symlink: unreadable, so its time cannot be read
                return UNREADABLE_LOCK
            return None
        except OSError:  # a symlink, FIFO or device in the lock's place: judged by what can be read
            text = ""
        try:
            return LockInfo.from_json(text)
        except (ValueError, TypeError):
            if time.monotonic() >= deadline:
                return UNREADABLE_LOCK
            time.sleep(0.05)


MAX_LOCK_BYTES = 64 * 1024  # a real lock holds a few hundred bytes


def _read_lock_text(lock: Path) -> str:
    """The lock file's text: a regular file only (never through a symlink), and only its first bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(lock, flags)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(lock))
        return handle.read(MAX_LOCK_BYTES).decode("utf-8", "replace")


UNREADABLE_LOCK = LockInfo(user="?", host="?", pid=0, since="(unknown)", refreshed="(unknown)")


def _create_exclusive(lock: Path, text: str) -> bool:
    """Create `lock` holding `text`, whole, only if it does not exist; False if it exists."""
    tmp = lock.with_name(f"{lock.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, lock)
            return True
        except FileExistsError:
            return False
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK,
                                 errno.ENOSYS, errno.EACCES):
                raise
        # No hard links here (some SMB/FAT shares): plain O_EXCL, content written right after.
        try:
            fd2 = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return False
        with os.fdopen(fd2, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        return True
    finally:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass


class EditLock:
    """The edit lock of one incident file, held by this process.

        lock = EditLock(path, user=settings.identity(), stale_after=settings.lock_stale_after_seconds)
        try:
            lock.acquire()
        except FileLocked as exc:
            ...  # show exc; offer read-only, or lock.acquire(take_over=True) if exc.stale
        ...
        lock.refresh()   # every REFRESH_EVERY seconds while open
        lock.release()   # on close
    """

    def __init__(self, path: str | os.PathLike, *, user: str | None = None, host: str | None = None,
                 pid: int | None = None, stale_after: float = DEFAULT_STALE_AFTER):
        self.path = Path(path)
        self.lock_path = lock_path_for(self.path)
        self.user = user or current_user()
        self.host = host or socket.gethostname()
        self.pid = os.getpid() if pid is None else pid
        self.stale_after = stale_after
        self.info: LockInfo | None = None  # ours, while held

    @property
    def held(self) -> bool:
        return self.info is not None

    def holder(self) -> LockInfo | None:
        return read_lock(self.path)

    def _new_info(self) -> LockInfo:
        now = isoformat_utc(now_utc())
        return LockInfo(self.user, self.host, self.pid, now, now, secrets.token_hex(8))

    def acquire(self, *, take_over: bool = False, force: bool = False) -> LockInfo:
        """Take the lock, or raise FileLocked naming the holder.

        take_over: replace the lock if it is stale. force: replace it whatever its state (only after
        the user confirmed that the holder is not editing any more)."""
        if self.held:
            return self.info
        for _attempt in range(50):  # a lock vanishing or being replaced while we look: look again
            info = self._new_info()
            if _create_exclusive(self.lock_path, info.to_json()):
                self.info = info
                return info
            holder = read_lock(self.path)
            if holder is None:
                continue
            stale = holder.stale_reason(self.stale_after, host=self.host)
            if not (force or (take_over and stale)):
                raise FileLocked(self.path, holder, stale)
            self._remove_stale(holder)
        raise FileLocked(self.path, read_lock(self.path), None)

    def _remove_stale(self, judged: LockInfo) -> None:
        """Remove the lock we judged stale, but never a different one put there meanwhile.

        Removers take a short-lived guard file first, so of several processes taking over at once
        only one removes, and only the very lock it judged (same content, same token)."""
        guard = self.lock_path.with_name(self.lock_path.name + ".takeover")
        if not _create_exclusive(guard, self._new_info().to_json()):
            try:
                age = time.time() - guard.stat().st_mtime
            except FileNotFoundError:
                return
            if age > TAKEOVER_GUARD_STALE:  # its maker died half-way: clear it for the next round
                guard.unlink(missing_ok=True)
            else:
                time.sleep(0.02)
            return
        try:
            if read_lock(self.path, wait=0) == judged:
                self.lock_path.unlink(missing_ok=True)
        finally:
            guard.unlink(missing_ok=True)

    def refresh(self) -> LockInfo:
        """Tell others we are still here; raises LockLost if the lock is no longer ours."""
        current = read_lock(self.path)
        if self.info is None or current is None or current.token != self.info.token:
            self.info = None
            if current:
                raise LockLost(_("{file}: the edit lock was taken over ({holder}); save may clash with someone "
                                 "else's changes").format(file=self.path.name, holder=current.describe()))
            raise LockLost(_("{file}: the edit lock was removed; save may clash with someone else's changes").format(
                file=self.path.name))
        updated = LockInfo(self.info.user, self.info.host, self.info.pid, self.info.since,
                           isoformat_utc(now_utc()), self.info.token)
        atomic_write_text(self.lock_path, updated.to_json())
        self.info = updated
        return updated

    def release(self) -> None:
        """Remove the lock if it is still ours; never someone else's."""
        if self.info is None:
            return
        current = read_lock(self.path, wait=0)
        if current is not None and current.token == self.info.token:
            try:
                self.lock_path.unlink()
            except FileNotFoundError:
                pass
        self.info = None

    def __enter__(self) -> "EditLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


# ---------------------------------------------------------------------------------------------
# The send lock


SEND_LOCK_SUFFIX = ".sending"


class SendBusy(Exception):
    """Someone else is sending this incident, or has it open for editing: one line naming them."""

    def __init__(self, path: Path, holder: LockInfo | None, *, editing: bool):
        self.path = Path(path)
        self.holder = holder
        self.editing = editing
        who = (_("{user} on host {host} since {time}").format(user=holder.user, host=holder.host, time=holder.since)
               if holder else _("someone (the lock file cannot be read)"))
        if editing:
            text = _("{file} is open for editing by {who}; send from that window, or ask them to close the file "
                     "first").format(file=self.path.name, who=who)
        else:
            text = _("{file} is being sent by {who}; wait until that send has finished").format(
                file=self.path.name, who=who)
        super().__init__(text)


def send_in_progress(path: str | os.PathLike, stale_after: float = DEFAULT_STALE_AFTER) -> SendBusy | None:
    """SendBusy naming who is sending this incident right now, or None when nobody is (or the lock is stale)."""
    path = Path(path)
    holder = read_lock(path.with_name(path.name + SEND_LOCK_SUFFIX))
    if holder is None or holder.stale_reason(stale_after) is not None:
        return None
    return SendBusy(path, holder, editing=False)


class SendLock:
    """The exclusive right to send notices of one incident, held for the length of a send.

    `.<name>.sending.lock` beside the file, made and taken over exactly like an edit lock (same
    JSON, same O_CREAT|O_EXCL creation, same stale rules; `refresh()` after every batch). Taking it
    also fails while anyone else holds a live edit lock on the file: their window could send too.
    `own_edit_lock` is the caller's own edit lock (a window sending the file it has open).
    """

    def __init__(self, path: str | os.PathLike, *, user: str | None = None,
                 stale_after: float = DEFAULT_STALE_AFTER, own_edit_lock: LockInfo | None = None):
        self.path = Path(path)
        self.stale_after = stale_after
        self.own_edit_lock = own_edit_lock
        self._lock = EditLock(self.path.with_name(self.path.name + SEND_LOCK_SUFFIX), user=user,
                              stale_after=stale_after)
        self.lock_path = self._lock.lock_path

    def acquire(self) -> LockInfo:
        try:
            info = self._lock.acquire(take_over=True)
        except FileLocked as exc:
            raise SendBusy(self.path, exc.holder, editing=False) from None
        editor = read_lock(self.path)
        if (editor is not None and (self.own_edit_lock is None or editor.token != self.own_edit_lock.token)
                and editor.stale_reason(self.stale_after) is None):
            self._lock.release()
            raise SendBusy(self.path, editor, editing=True)
        return info

    def refresh(self) -> None:
        if self._lock.held:
            self._lock.refresh()

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> "SendLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
