"""The `.outage` file: one incident as UTF-8 JSON with a format version.

Loading never changes the file and never crashes: whatever is wrong with it becomes one
IncidentFileError whose message names the file and the problem in plain words.
Its shape is resources/incident.schema.json, checked on every load (validation.py).
"""
from __future__ import annotations

import json
import os
import stat

from .. import safe_text
from ..i18n import _
from .. import os_errors
from ..incident.fields import FIRST_RELEASE_FIELDS, FieldError
from ..incident.model import Incident, Notice
from ..incident.records import ReviewRecord, SentRecord
from ..incident.times import TimeError
from . import validation
from .atomic import atomic_write_text

FORMAT_NAME = "outagewriter-incident"
FORMAT_VERSION = 1
SUFFIX = ".outage"
MAX_FILE_BYTES = 64 * 1024 * 1024  # far past any real incident; stops a wrong file from eating memory


class IncidentFileError(Exception):
    def __init__(self, path: str | os.PathLike, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


def _written_fields(fields: dict[str, str]) -> dict[str, str]:
    """Every field of the first release always; the fields added since (kinds' own fields, components,
    audiences) only when they hold something, so a file that does not use them stays as it was."""
    return {name: value for name, value in fields.items() if value or name in FIRST_RELEASE_FIELDS}


def to_dict(incident: Incident) -> dict:
    data = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "incident": {
            "id": incident.id,
            "kind": incident.kind,
            "language": incident.language,
            "created": incident.created,
            "times": dict(incident.times),
            # Written only when set, so files without own names stay as they were.
            **({"own_names": list(incident.own_names)} if incident.own_names else {}),
            **({"second_language": incident.second_language} if incident.second_language else {}),
        },
        "notices": [
            {
                "id": n.id,
                "kind": n.kind,
                "created": n.created,
                "fields": _written_fields(n.fields),
                "dismissed": list(n.dismissed),
                "sent": n.sent.to_dict() if n.sent is not None else None,
                # Written only when there is something to say, so files without reviews stay as they were.
                **({"review": n.review.to_dict()} if n.review is not None else {}),
                **({"translation": {k: v for k, v in n.translation.items() if v}}
                   if any(n.translation.values()) else {}),
            }
            for n in incident.notices
        ],
    }
    if incident.log:
        data["log"] = [dict(entry) for entry in incident.log]
    return data


def dumps(incident: Incident) -> str:
    # ensure_ascii=False keeps names and Japanese readable in a text editor and in diffs.
    return json.dumps(to_dict(incident), ensure_ascii=False, indent=2) + "\n"


def save(incident: Incident, path: str | os.PathLike) -> None:
    atomic_write_text(path, dumps(incident))


def _refuse_bad_text(value, path: str = "", *, key: bool = False) -> None:
    """Every string in the file, keys too: no control characters but newline and tab, no lone surrogates.
    `path` is where the value sits ("notices[0].fields.summary"); `key`: the value is a key there."""
    if isinstance(value, str):
        trouble = safe_text.problem(value)
        if trouble:
            message = _("a key in the value at {path} {problem}") if key else _("the value at {path} {problem}")
            raise ValueError(message.format(path=path, problem=trouble))
    elif isinstance(value, dict):
        for name, item in value.items():
            _refuse_bad_text(name, path, key=True)
            _refuse_bad_text(item, f"{path}{'.' if path else ''}{safe_text.visible(name)[:40]}")
    elif isinstance(value, list):
        for number, item in enumerate(value):
            _refuse_bad_text(item, f"{path}[{number}]")


def _check_version(data) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ValueError(_("not an OutageWriter incident file"))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(_("unknown format version {version!r}").format(version=version))
    if version > FORMAT_VERSION:
        raise ValueError(_("written by a newer OutageWriter (format version {version}; this version reads up to "
                           "{supported}): update OutageWriter to open it").format(version=version,
                                                                                  supported=FORMAT_VERSION))


def _notice(raw: dict) -> Notice:
    sent = SentRecord.from_dict(raw["sent"]) if raw.get("sent") is not None else None
    review = ReviewRecord.from_dict(raw["review"]) if raw.get("review") is not None else None
    return Notice(kind=raw["kind"], fields=raw["fields"], id=raw["id"], created=raw["created"],
                  dismissed=list(raw.get("dismissed", [])), sent=sent, review=review,
                  translation=dict(raw.get("translation", {})))


def from_dict(data) -> Incident:
    """Build an Incident from parsed JSON; raises ValueError with a message for the user.

    The shape is the schema's (resources/incident.schema.json); what it cannot say is checked here:
    safe text, and the fields and times themselves (core/incident)."""
    _check_version(data)
    _refuse_bad_text(data)
    trouble = validation.problem(data, "incident")
    if trouble:
        raise ValueError(trouble)
    notices = []
    for number, raw in enumerate(data["notices"], start=1):
        try:
            notices.append(_notice(raw))
        except (FieldError, TimeError) as exc:
            raise ValueError(_("notice {number}: {reason}").format(number=number, reason=exc)) from None
    meta = data["incident"]
    return Incident(kind=meta["kind"], language=meta["language"], id=meta["id"], created=meta["created"],
                    times=dict(meta.get("times", {})), notices=notices,
                    log=[dict(entry) for entry in data.get("log", [])],
                    own_names=list(meta.get("own_names", [])),
                    second_language=meta.get("second_language", ""))


def loads(text: str, path: str | os.PathLike = "<text>") -> Incident:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # A save cut short by a crash or a full disk ends inside a string or before a closing bracket.
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            problem = _("the file is truncated (it ends in the middle of the data, line {line})").format(
                line=exc.lineno)
        else:
            problem = _("not valid JSON at line {line}, column {column}: {reason}").format(
                line=exc.lineno, column=exc.colno, reason=exc.msg)
        raise IncidentFileError(path, problem) from None
    except RecursionError:
        raise IncidentFileError(path, _("the data is nested too deeply to be an incident file")) from None
    except ValueError as exc:  # a number of more than 4,300 digits
        raise IncidentFileError(path, _("not an incident file: {reason}").format(reason=str(exc).split(";")[0])) from None
    try:
        return from_dict(data)
    except RecursionError:
        raise IncidentFileError(path, _("the data is nested too deeply to be an incident file")) from None
    except (ValueError, FieldError, TimeError) as exc:
        raise IncidentFileError(path, str(exc)) from None


def read_regular_file(path: str | os.PathLike) -> bytes:
    """The file's bytes, read only from a regular file and never more than MAX_FILE_BYTES.

    A FIFO would block the open (O_NONBLOCK returns at once) and a device such as /dev/zero, reached
    through a symlink, reports size 0 yet never ends."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            raise IncidentFileError(path, _("not a regular file (a device, pipe or socket)"))
        if info.st_size > MAX_FILE_BYTES:
            raise IncidentFileError(path, _("the file is {size:,} bytes, too large to be an incident file").format(
                size=info.st_size))
        # Ask for what the file says it holds, plus one byte to notice it growing: asking for the
        # limit itself would allocate 64 MiB on every load.
        raw = handle.read(info.st_size + 1)
        if len(raw) > info.st_size:
            raw += handle.read(MAX_FILE_BYTES + 1 - len(raw))
    if len(raw) > MAX_FILE_BYTES:
        raise IncidentFileError(path, _("the file is too large to be an incident file"))
    return raw


def load(path: str | os.PathLike) -> Incident:
    try:
        raw = read_regular_file(path)
    except IncidentFileError:
        raise
    except FileNotFoundError:
        raise IncidentFileError(path, _("no such file")) from None
    except IsADirectoryError:
        raise IncidentFileError(path, _("is a folder, not an incident file")) from None
    except PermissionError:
        raise IncidentFileError(path, _("permission denied")) from None
    except OSError as exc:
        raise IncidentFileError(path, os_errors.reason(exc)) from None
    if not raw.strip():
        raise IncidentFileError(path, _("the file is empty"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IncidentFileError(path, _("not UTF-8 text (bad byte at offset {offset})").format(offset=exc.start)) from None
    return loads(text, path)
