"""Find text in a notice's fields, in the order the form shows them."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Match:
    field: str
    start: int  # Python string offsets, like a Finding's
    end: int


def find_all(fields: Iterable[tuple[str, str]], query: str) -> list[Match]:
    """Every place `query` occurs, ignoring case; `fields` is (name, text) in reading order."""
    if not query:
        return []
    # A regular expression with IGNORECASE keeps offsets in the original text (str.lower may not).
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    return [Match(name, m.start(), m.end()) for name, text in fields for m in pattern.finditer(text)]


def step(matches: list[Match], order: list[str], current: Match | None, forward: bool,
         stay: bool = False) -> int | None:
    """Index of the match after (or before) `current`, wrapping round; None when there is none.

    `current` may no longer be among the matches (the text or the query changed): the next one is
    the first that starts after where it was, so stepping goes on from the same place. With `stay`
    a match starting where `current` did is kept (typing more of the query refines it in place).
    """
    if not matches:
        return None
    if current is None:
        return 0 if forward else len(matches) - 1
    where = (order.index(current.field), current.start)
    keys = [(order.index(m.field), m.start) for m in matches]
    if forward:
        after = [i for i, key in enumerate(keys) if key > where or (stay and key == where)]
        return after[0] if after else 0
    before = [i for i, key in enumerate(keys) if key < where]
    return before[-1] if before else len(matches) - 1
