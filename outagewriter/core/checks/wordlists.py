"""Named word lists: the vocabulary tone rules share (SUPPLIER, STAFF_ROLE, FAILURE, ...).

A pack's `"lists"` maps an upper-case name to phrases; a rule's pattern refers to a list as
`{NAME}`, which becomes an alternation of its phrases. User packs extend a shipped list by giving
the same name (their vendors, their products), so no rule has to be copied to add a word.

A phrase is literal text, matched case-insensitively; a space matches any run of spaces or a
hyphen, and a trailing `*` allows any word ending ("misconfigur*" matches "misconfigured").
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from ..i18n import _

LIST_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
_REFERENCE = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


def phrase_pattern(phrase: str) -> str:
    """One list phrase as a regular expression (see the module docstring); a `{NAME}` in it is kept
    for `expand` (substitution phrases may name a list: "{INTENSIFIER} sorry")."""
    stem, open_end = (phrase[:-1], True) if phrase.endswith("*") else (phrase, False)
    words = [word if _REFERENCE.fullmatch(word) else re.escape(word) for word in stem.split()]
    return r"[\s-]+".join(words) + (r"\w*" if open_end else "")


def alternation(phrases: Iterable[str]) -> str:
    return _alternation(frozenset(phrases))


@functools.lru_cache(maxsize=256)
def _alternation(phrases: frozenset[str]) -> str:
    """Built once per list: a list such as SUPPLIER appears in twenty patterns."""
    # Longest first: "cloud provider" must win over "cloud" when both are listed.
    unique = sorted(phrases, key=lambda p: (-len(p), p))
    return "(?:" + "|".join(phrase_pattern(p) for p in unique) + ")"


def references(pattern: str) -> list[str]:
    return _REFERENCE.findall(pattern)


def blank_references(pattern: str) -> str:
    """`pattern` with each `{NAME}` made literal letters of the same length: a regular expression whose
    positions are those of the pattern as written (for saying where a mistake in it is)."""
    return _REFERENCE.sub(lambda match: "x" * len(match.group(0)), pattern)


def expand(pattern: str, lists: Mapping[str, Iterable[str]]) -> str:
    """`pattern` with every `{NAME}` replaced by its list; KeyError names an unknown list."""
    cache: dict[str, str] = {}

    def one(match: re.Match) -> str:
        name = match.group(1)
        if name not in cache:
            cache[name] = alternation(lists[name])
        return cache[name]

    return _REFERENCE.sub(one, pattern)


def merge(base: Mapping[str, tuple[str, ...]], extra: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """`base` with the phrases of `extra` added (a new name starts a new list)."""
    merged = {name: tuple(phrases) for name, phrases in base.items()}
    for name, phrases in extra.items():
        merged[name] = tuple(dict.fromkeys([*merged.get(name, ()), *phrases]))
    return merged


def validate(raw, where: str) -> dict[str, tuple[str, ...]]:
    """A pack's `"lists"` object, checked; raises ValueError with a plain message."""
    if not isinstance(raw, dict):
        raise ValueError(_("{where}: 'lists' should be an object of NAME: [phrases]").format(where=where))
    out = {}
    for name, phrases in raw.items():
        if not LIST_NAME.match(name):
            raise ValueError(_("{where}: list name {name!r} should be upper-case letters, digits or '_'").format(
                where=where, name=name))
        if not isinstance(phrases, list) or not phrases or not all(
                isinstance(p, str) and p.strip() and p.strip() != "*" for p in phrases):
            raise ValueError(_("{where}: list {name} should be a non-empty list of phrases").format(
                where=where, name=name))
        out[name] = tuple(p.strip() for p in phrases)
    return out
