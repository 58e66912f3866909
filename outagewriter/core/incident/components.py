"""Affected components: which parts of the service a notice reports on, and how each is doing.

A notice keeps them as one text field, one component per line (`API = major-outage`), so they are
carried forward, compared, approved and sent like every other field. The order is the writer's.
On a command line, where a value is one line, `;` separates components too.
"""
from __future__ import annotations

import re
import unicodedata

from ..i18n import N_, _

# What a component is doing, best first.
COMPONENT_STATUSES = ("operational", "degraded-performance", "partial-outage", "major-outage", "under-maintenance")


class ComponentError(ValueError):
    """A components line that cannot be read; the message is written for the user. `detail` is what is
    wrong without the line's number (add_component tells it about the name being added)."""

    def __init__(self, message: str, detail: str | None = None):
        super().__init__(message)
        self.detail = message if detail is None else detail


def _line_error(number: int, detail: str) -> ComponentError:
    return ComponentError(_("line {number}: {problem}").format(number=number, problem=detail), detail)

MAX_COMPONENTS = 100
MAX_NAME_CHARS = 80
# What users read for each status, also the words accepted when typed by hand.
STATUS_LABELS = {  # English as shown in notices; N_ marks them for people's messages (core/checks)
    "operational": N_("Operational"),
    "degraded-performance": N_("Degraded performance"),
    "partial-outage": N_("Partial outage"),
    "major-outage": N_("Major outage"),
    "under-maintenance": N_("Under maintenance"),
}
# How bad a status is for the subject line: maintenance is planned, so it ranks below any outage.
SEVERITY = {"operational": 0, "under-maintenance": 1, "degraded-performance": 2, "partial-outage": 3,
            "major-outage": 4}


def _status_token(text: str) -> str | None:
    token = "-".join(text.strip().lower().replace("_", " ").replace("-", " ").split())
    return token if token in COMPONENT_STATUSES else None


def parse_components(value: str) -> list[tuple[str, str]]:
    """`name = status` lines (or `;`-separated entries) as (name, status) pairs; ComponentError naming
    the first bad entry."""
    pairs: list[tuple[str, str]] = []
    seen: set[str] = set()
    for number, line in enumerate(re.split(r"[\r\n;]", value), start=1):
        if not line.strip():
            continue
        name, sep, status = line.rpartition("=")
        name = " ".join(name.split())
        token = _status_token(status) if sep else None
        if not sep or not name:
            raise ComponentError(_("line {number} ({line!r}) is not 'name = status'").format(
                number=number, line=line.strip()))
        if token is None:
            raise _line_error(number, _("{status!r} is not a status; use {statuses}").format(
                status=status.strip(), statuses=", ".join(COMPONENT_STATUSES)))
        if len(name) > MAX_NAME_CHARS or any(unicodedata.category(c) == "Cc" for c in name):
            raise _line_error(number, _("a name of at most {limit} plain characters").format(limit=MAX_NAME_CHARS))
        if name.lower() in seen:
            raise ComponentError(_("{name!r} is listed twice").format(name=name))
        seen.add(name.lower())
        pairs.append((name, token))
    if len(pairs) > MAX_COMPONENTS:
        raise ComponentError(_("{count} is more than the {limit} allowed").format(count=len(pairs), limit=MAX_COMPONENTS))
    return pairs


def format_components(pairs: list[tuple[str, str]]) -> str:
    return "\n".join(f"{name} = {status}" for name, status in pairs)


def worst_status(pairs: list[tuple[str, str]]) -> str | None:
    """The most severe status listed (None when no component is listed)."""
    return max((status for _, status in pairs), key=SEVERITY.__getitem__, default=None)


# A component added to a notice starts at the status its kind most likely needs; the writer changes it.
_NEW_STATUS = {"maintenance": "under-maintenance", "resolution": "operational", "post-incident": "operational"}


def new_component_status(kind: str) -> str:
    return _NEW_STATUS.get(kind, "partial-outage")


def add_component(value: str, name: str, status: str) -> str:
    """`value` with one more component at the end; ComponentError in the user's words when `name` cannot
    be listed (empty, listed already, holding '=' or ';', too long)."""
    name = " ".join(name.split())
    if not name:
        raise ComponentError(_("type the component's name first"))
    if "=" in name or ";" in name:
        raise ComponentError(_("{name!r}: {problem}").format(name=name, problem=_("a component's name cannot hold '=' or ';'")))
    pairs = parse_components(value)
    if name.lower() in (listed.lower() for listed, _ in pairs):
        raise ComponentError(_("{name!r} is listed already").format(name=name))
    try:
        return format_components(parse_components(format_components([*pairs, (name, status)])))
    except ComponentError as exc:  # the new line is the last one: say what is wrong with the name
        raise ComponentError(_("{name!r}: {problem}").format(name=name, problem=exc.detail)) from None
