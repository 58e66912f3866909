"""Lists the Settings window edits whose entries are chosen by name elsewhere (audiences, chat destinations)."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def parse_named(raws: list[dict], parse: Callable[[dict], T], limit: int, what: str,
                error: type[ValueError]) -> tuple[T, ...]:
    """All or nothing: `error` names the first entry `parse` refuses, or a name given twice
    (case does not tell two names apart), since other settings refer to them by name."""
    if len(raws) > limit:
        raise error(f"at most {limit} {what}")
    entries: dict[str, T] = {}
    for raw in raws:
        entry = parse(raw)
        if entry.name.casefold() in entries:
            raise error(f"the name {entry.name!r} is used twice")
        entries[entry.name.casefold()] = entry
    return tuple(entries.values())
