"""What the operating system said, in the program's language: the one place an OSError's text is put
into words for a person ('No such file or directory' is ファイルまたはフォルダーが見つかりません in a
Japanese program). Every message that shows an OSError's reason asks `reason(exc)`.

The common errors have their own words (the English ones as Linux says them, so an English program
reads as before); any other error keeps the system's own text.
"""
from __future__ import annotations

import errno

from .i18n import N_, _

_WORDS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EEXIST: N_("File exists"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.EBUSY: N_("Device or resource busy"),
    errno.ECONNREFUSED: N_("Connection refused"),
    errno.ECONNRESET: N_("Connection reset by peer"),
    errno.ETIMEDOUT: N_("Connection timed out"),
    errno.EHOSTUNREACH: N_("No route to host"),
    errno.ENETUNREACH: N_("Network is unreachable"),
}
# Name look-ups (socket.gaierror) number their errors apart from errno; the socket module is read only when
# an error came from it (`outagewriter check` never imports it).
_LOOKUP_WORDS = {"EAI_NONAME": N_("Name or service not known"),
                 "EAI_AGAIN": N_("Temporary failure in name resolution")}


def _lookup_words(exc: OSError) -> str | None:
    import socket

    return next((words for name, words in _LOOKUP_WORDS.items() if getattr(socket, name, None) == exc.errno), None)


def reason(exc: BaseException) -> str:
    """Why `exc` happened, in words and without the file name (messages name the file themselves)."""
    if type(exc).__name__ == "gaierror":  # socket.gaierror, without importing socket for every message
        words = _lookup_words(exc)
    elif isinstance(exc, OSError):
        words = _WORDS.get(exc.errno)
    else:
        words = None
    if words is not None:
        return _(words)
    if isinstance(exc, TimeoutError) and not getattr(exc, "strerror", None):
        return _("timed out")
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def described(exc: BaseException) -> str:
    """An error as one line for a message: 'FILE: reason' for an OSError about a file, the reason
    alone for one that names none; anything else as it says itself."""
    if not isinstance(exc, OSError):
        return str(exc)
    filename = getattr(exc, "filename", None)
    return f"{filename}: {reason(exc)}" if filename else reason(exc)
