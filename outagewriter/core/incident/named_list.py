"""Lists the Settings window edits whose entries are chosen by name elsewhere (audiences, chat destinations)."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ..i18n import _

T = TypeVar("T")


def parse_named(raws: list[dict], parse: Callable[[dict], T], limit: int, too_many: str,
                error: type[ValueError]) -> tuple[T, ...]:
    """All or nothing: `error` names the first entry `parse` refuses, or a name given twice
    (case does not tell two names apart), since other settings refer to them by name. `too_many`
    ("at most {limit} audiences") is marked with N_ and translated here."""
    if len(raws) > limit:
        raise error(_(too_many).format(limit=limit))
    entries: dict[str, T] = {}
    for raw in raws:
        entry = parse(raw)
        if entry.name.casefold() in entries:
            raise error(_("the name {name!r} is used twice").format(name=entry.name))
        entries[entry.name.casefold()] = entry
    return tuple(entries.values())
