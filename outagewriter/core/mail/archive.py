"""The sent archive: `<incident>.sent/NN-kind-time.eml` beside the incident file, one per sent notice.

The archive holds the exact bytes a notice went out with; a retry sends those bytes to the rest.
The incident file names the archive, so a hand-edited file could name any file on the machine:
only a regular file inside the incident's own archive folder is ever read (no absolute path, no
`..`, no symlink, no device or FIFO), and its SHA-256 is compared with the one recorded at first send.
Whether its content is the approved notice is checked by `same_message` (see sending.py).
"""
from __future__ import annotations

import email.policy
import hashlib
import os
import stat
from email.parser import BytesHeaderParser, BytesParser
from pathlib import Path, PurePosixPath

from ..i18n import _
from .. import os_errors

MAX_ARCHIVE_BYTES = 64 * 1024 * 1024  # far above any SMTP server's size limit
_IGNORED_HEADERS = ("date", "content-type")  # Date is the clock's, Content-Type holds a random boundary


class ArchiveError(ValueError):
    """The archived message cannot be used for a retry; plain words, naming the archive."""


def archive_folder(incident_path: str | os.PathLike) -> Path:
    path = Path(incident_path)
    return path.with_name(f"{path.stem}.sent")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def message_id(data: bytes) -> str:
    return str(BytesHeaderParser().parsebytes(data).get("Message-ID", "")).strip()


def read(incident_path: str | os.PathLike, relative: str) -> bytes:
    """The bytes of the archive a sent record names, only if it is a regular file in the archive folder."""
    folder = archive_folder(incident_path)
    name = PurePosixPath(relative or "")
    if (not relative or name.is_absolute() or "\\" in relative or ".." in name.parts
            or len(name.parts) != 2 or name.parts[0] != folder.name):
        raise ArchiveError(_("the sent record names {archive!r} as its archive, which is not a file in "
                             "{folder}/ beside the incident file").format(archive=relative, folder=folder.name))
    if folder.is_symlink() or not folder.is_dir():
        raise ArchiveError(_("the archive folder {folder} is missing or is a link").format(folder=folder))
    target = folder / name.parts[1]
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        if target.is_symlink():
            raise ArchiveError(_("the archive {archive} is a link, not the archived message").format(archive=target))
        fd = os.open(target, flags)
    except FileNotFoundError:
        raise ArchiveError(_("the archived message {archive} is missing").format(archive=target)) from None
    except OSError as exc:
        raise ArchiveError(_("the archived message {archive} cannot be read ({reason})").format(
            archive=target, reason=os_errors.reason(exc))) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ArchiveError(_("the archive {archive} is not a regular file").format(archive=target))
        if info.st_size > MAX_ARCHIVE_BYTES:
            raise ArchiveError(_("the archive {archive} is {size:,} bytes, too large to be a notice").format(
                archive=target, size=info.st_size))
        return handle.read(MAX_ARCHIVE_BYTES + 1)


def find_with_message_id(incident_path: str | os.PathLike, wanted: str) -> Path | None:
    """An archive beside the incident whose Message-ID names the same notice (any sender domain)."""
    folder = archive_folder(incident_path)
    left = wanted.strip("<>").rpartition("@")[0]
    if not left or folder.is_symlink() or not folder.is_dir():
        return None
    for candidate in sorted(folder.glob("*.eml")):
        try:
            if not stat.S_ISREG(candidate.lstat().st_mode):
                continue
            with candidate.open("rb") as handle:
                found = message_id(handle.read(256 * 1024))
        except OSError:
            continue
        if found.strip("<>").rpartition("@")[0] == left:
            return candidate
    return None


def _shape(data: bytes) -> list[tuple[str, str]]:
    """What a reader sees of a message: its headers (but Date and boundary) and each part's content."""
    msg = BytesParser(policy=email.policy.default).parsebytes(data)
    shape = sorted((name.lower(), str(value)) for name, value in msg.items() if name.lower() not in _IGNORED_HEADERS)
    shape.append(("content-type", msg.get_content_type()))
    for number, part in enumerate(msg.walk()):
        if part.is_multipart():
            shape.append((f"part {number}", part.get_content_type()))
        else:
            shape.append((f"part {number} {part.get_content_type()}", part.get_content()))
    return shape


def difference(archived: bytes, expected: bytes) -> str | None:
    """None if `archived` says exactly what `expected` says (apart from Date and MIME boundary);
    otherwise which header or part differs, in a few words."""
    try:
        have = _shape(archived)
    except (ValueError, LookupError, AttributeError) as exc:
        return _("it cannot be read as a message ({reason})").format(reason=exc)
    want = _shape(expected)
    if have == want:
        return None
    have_names, want_names = {k for k, _v in have}, {k for k, _v in want}
    extra = sorted(have_names - want_names)
    if extra:
        return _("it has {part!r}, which the approved notice does not have").format(part=extra[0])
    missing = sorted(want_names - have_names)
    if missing:
        return _("its {part!r} is missing").format(part=missing[0])
    for (name, value), (_name, wanted) in zip(have, want):
        if value != wanted:
            return _("its {part!r} differs").format(part=name)
    return _("its headers differ")
