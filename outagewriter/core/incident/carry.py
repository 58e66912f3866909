"""Carrying a notice forward: what a new notice takes from the last one sent, and what still reads as sent.

An update only says what changed, so it starts from the last sent notice. A field whose text is
still exactly what was sent is marked, so the writer sees what is old news.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .fields import KIND_LAYOUT, SPECS, fields_of

if TYPE_CHECKING:  # the model starts new notices from taken_by
    from .model import Incident, Notice

# Each notice makes its own next-update promise (an inherited one is usually already in the past)
# and its own subject.
RESET_ON_FOLLOW_UP = ("subject", "next_update")


@dataclass(frozen=True)
class Carried:
    number: int  # the sent notice the text comes from, as the user counts
    names: tuple[str, ...]  # fields still holding exactly its text


def last_sent_before(incident: Incident, notice: Notice) -> Notice | None:
    return next((n for n in reversed(incident.earlier_notices(notice)) if n.is_sent), None)


def taken_by(previous: Notice, kind: str) -> dict[str, str]:
    """The fields a new `kind` notice starts with: the previous one's, except those the kind does not show."""
    keep = set(fields_of(kind)) - set(RESET_ON_FOLLOW_UP)
    return {name: value for name, value in previous.fields.items() if name in keep}


def translation_taken_by(previous: Notice, kind: str) -> dict[str, str]:
    """The second-language text a new `kind` notice starts with, by the same rule as its fields."""
    keep = set(fields_of(kind)) - set(RESET_ON_FOLLOW_UP)
    return {name: value for name, value in previous.translation.items() if name in keep}


def cleared_by(previous: Notice, kind: str) -> tuple[str, ...]:
    """Fields with text in `previous` that a new `kind` notice does not take."""
    taken = taken_by(previous, kind)
    return tuple(name for name, value in previous.fields.items() if value and name not in taken)


def carried_fields(incident: Incident, notice: Notice) -> Carried | None:
    """The written fields of `notice` whose text is exactly that of the last notice sent before it."""
    if notice.is_sent:
        return None
    sent = last_sent_before(incident, notice)
    if sent is None:
        return None
    names = tuple(
        name for name, _ in KIND_LAYOUT[notice.kind]
        if SPECS[name].kind == "text" and notice.fields[name].strip() and notice.fields[name] == sent.fields[name]
    )
    return Carried(incident.number(sent), names)
