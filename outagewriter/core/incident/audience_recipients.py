"""Choosing audiences for a notice: their recipients go into To and Bcc, where the reviewer sees and
approves them, and leave again when the audience is removed, without touching anyone typed by hand.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from .audiences import Audience
from .fields import FieldError, format_address, parse_addresses

PARTS = ("to", "bcc")


def audience_names(value: str) -> list[str]:
    """The names an `audiences` field holds, in order, without repeats."""
    return list(dict.fromkeys(" ".join(n.split()) for n in value.split(",") if n.strip()))


def unknown_audiences(value: str, known: Iterable[Audience]) -> list[str]:
    """Names in the field that no audience in the settings has: their recipients and zone are unknown."""
    names = {a.name.casefold() for a in known}
    return [n for n in audience_names(value) if n.casefold() not in names]


def _by_name(known: Iterable[Audience]) -> dict[str, Audience]:
    return {a.name.casefold(): a for a in known}


def _keys(value: str) -> set[str]:
    return {addr.casefold() for _, addr in parse_addresses(value)} if value.strip() else set()


def choose_audiences(fields: Mapping[str, str], chosen: Iterable[str], known: Iterable[Audience]) -> dict[str, str]:
    """New values for `audiences`, `to` and `bcc` once `chosen` (known audience names) replace the known
    audiences the notice had. Names not in the settings stay as they were (they are reported, not
    dropped). Raises FieldError for a chosen name the settings do not have, or unreadable To/Bcc."""
    by_name = _by_name(known)
    wanted = audience_names(", ".join(chosen))
    for name in wanted:
        if name.casefold() not in by_name:
            raise FieldError(f"audiences: {name!r} is not an audience in the settings")
    current = audience_names(fields.get("audiences", ""))
    before = [by_name[n.casefold()] for n in current if n.casefold() in by_name]
    after = [by_name[n.casefold()] for n in wanted]
    unknown = [n for n in current if n.casefold() not in by_name]
    result = {"audiences": ", ".join([a.name for a in after] + unknown)}
    for part in PARTS:
        value = fields.get(part, "")
        try:
            pairs = parse_addresses(value) if value.strip() else []
        except FieldError as exc:
            raise FieldError(f"{part}: {exc}") from None
        kept_by_others = set().union(*(_keys(getattr(a, part)) for a in after))
        leaving = set().union(*(_keys(getattr(a, part)) for a in before if a not in after)) - kept_by_others
        pairs = [p for p in pairs if p[1].casefold() not in leaving]
        present = {addr.casefold() for _, addr in pairs}
        for audience in after:
            for pair in parse_addresses(getattr(audience, part)) if getattr(audience, part).strip() else []:
                if pair[1].casefold() not in present:
                    pairs.append(pair)
                    present.add(pair[1].casefold())
        result[part] = ", ".join(format_address(*p) for p in pairs)
    return result
