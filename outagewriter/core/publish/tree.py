"""Writing the status page's folder as a whole: a reader never sees half a page.

The new tree is written into a staging folder beside the target (same parent, so a rename is atomic),
synced to disk, then swapped in: on Linux with renameat2(RENAME_EXCHANGE), one atomic step; elsewhere
the old folder is renamed aside and the new one renamed in. The old tree is removed afterwards.
A marker file says a folder is ours: a folder that holds other files and no marker is never replaced.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from ..i18n import _

MARKER = ".outagewriter-status-page"
MARKER_TEXT = b"This folder is written by OutageWriter's publish command and is replaced as a whole.\n"
RENAME_EXCHANGE = 2  # linux/fs.h


class TreeError(Exception):
    """Why the folder cannot be written; one plain line."""


def _existing(folder: Path) -> dict[str, bytes] | None:
    """The files of a folder we wrote before (relative path -> bytes); None when it holds anything else."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not (path.is_file() or path.is_dir()):
            return None
        if path.is_file():
            found[path.relative_to(folder).as_posix()] = path.read_bytes()
    return found


def check_target(folder: Path) -> None:
    """TreeError unless `folder` is missing, empty, or one of our status pages."""
    if folder.is_symlink():
        raise TreeError(_("{folder} is a link; give the folder itself").format(folder=folder))
    if not folder.exists():
        if not folder.parent.is_dir():
            raise TreeError(_("{folder} does not exist; create it first").format(folder=folder.parent))
        return
    if not folder.is_dir():
        raise TreeError(_("{folder} is a file, not a folder").format(folder=folder))
    if any(folder.iterdir()) and not (folder / MARKER).is_file():
        raise TreeError(_("{folder} already holds other files and is not a status page written here; "
                          "choose an empty or new folder").format(folder=folder))


def _write(staging: Path, files: Mapping[str, bytes]) -> None:
    folders = {staging}
    for relative, data in files.items():
        name = PurePosixPath(relative)
        if name.is_absolute() or ".." in name.parts or not name.parts:
            raise TreeError(_("refusing to write {file!r} outside the status page's folder").format(file=relative))
        target = staging.joinpath(*name.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        folders.update(p for p in target.parents if staging in p.parents or p == staging)
        with open(target, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its renames are durable enough
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _renameat2():
    """libc's renameat2, or None where there is none (not Linux, old glibc)."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError, TypeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


AT_FDCWD = -100


def _exchange(new: Path, target: Path) -> bool:
    """Atomically swap two folders; False when this system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(new), AT_FDCWD, os.fsencode(target), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):  # e.g. a file system without it
        return False
    if code == errno.ENOENT and not target.exists():
        raise FileNotFoundError(code, os.strerror(code), str(target))
    raise OSError(code, os.strerror(code), str(target))


def _swap_in(staging: Path, target: Path) -> Path | None:
    """Put `staging` at `target`; the old tree's new place (to remove) or None."""
    for _attempt in range(5):  # another publish may create or swap the target in between
        if not target.exists():
            try:
                os.rename(staging, target)
                return None
            except OSError as exc:
                if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST):
                    raise
                continue
        try:
            if _exchange(staging, target):
                return staging  # it now holds the old tree
        except FileNotFoundError:
            continue
        aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        try:
            os.replace(target, aside / "tree")
        except FileNotFoundError:
            shutil.rmtree(aside, ignore_errors=True)
            continue
        try:
            os.rename(staging, target)
        except OSError:
            os.rename(aside / "tree", target)  # put the old page back rather than leave none
            raise
        return aside
    raise TreeError(_("{folder} kept changing while it was being published; try again").format(folder=target))


def write_tree(folder: str | os.PathLike, files: Mapping[str, bytes]) -> bool:
    """Make `folder` hold exactly `files` (plus the marker); False when it already did (nothing written).
    TreeError for a folder that is not ours to replace."""
    target = Path(os.path.abspath(Path(folder).expanduser()))
    wanted = dict(files, **{MARKER: MARKER_TEXT})
    check_target(target)
    if target.is_dir() and _existing(target) == wanted:
        return False
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        os.chmod(staging, 0o755)  # mkdtemp makes it private; a web server must read the page
        _write(staging, wanted)
        check_target(target)  # again: someone may have put their own files there meanwhile
        old = _swap_in(staging, target)
        _fsync_folder(target.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return True
