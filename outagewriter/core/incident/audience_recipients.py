"""Choosing audiences for a notice: their recipients go into To and Bcc and their chat destinations into
Chat posts (audience_chats.py), where the reviewer sees and approves them, and leave again when the
audience is removed, without touching anyone typed by hand.

The `audiences` field keeps each chosen audience with its time zone, `EMEA customers [Europe/Berlin]`:
the email names the promise in each audience's time, and a reviewer or sender whose own settings lack
that audience must render the very text that was approved.
"""
from __future__ import annotations

import re
import zoneinfo
from collections.abc import Iterable, Mapping

from ..i18n import _
from .audience_chats import merge_chats
from .audiences import Audience
from .fields import FieldError, format_address, parse_addresses

PARTS = ("to", "bcc")
_ENTRY = re.compile(r"^(?P<name>[^\[\]]*?)\s*(?:\[(?P<zone>[^\[\]]*)\])?$")


def audience_entries(value: str) -> list[tuple[str, str]]:
    """(name, recorded zone or "") for each entry of an `audiences` field, in order, without repeats."""
    entries: dict[str, tuple[str, str]] = {}
    for raw in value.split(","):
        if not raw.strip():
            continue
        match = _ENTRY.match(raw.strip())
        name, zone = (match["name"], match["zone"] or "") if match else (raw, "")
        name = " ".join(name.split())
        entries.setdefault(name.casefold(), (name, zone.strip()))
    return list(entries.values())


def audience_names(value: str) -> list[str]:
    """The names an `audiences` field holds, in order, without repeats."""
    return [name for name, _ in audience_entries(value)]


def entry_text(audience: Audience) -> str:
    return f"{audience.name} [{audience.zone}]"


def _zone_ok(zone: str) -> bool:
    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def recorded_audiences(value: str, known: Iterable[Audience]) -> list[Audience]:
    """The audiences a notice goes to, for naming the promise in their time: the zone recorded in the
    field when it is a real zone (so every machine renders the same text), else the settings' audience."""
    by_name = _by_name(known)
    out = []
    for name, zone in audience_entries(value):
        if zone and _zone_ok(zone):
            out.append(Audience(name, zone))
        elif name.casefold() in by_name:
            out.append(by_name[name.casefold()])
    return out


def unknown_audiences(value: str, known: Iterable[Audience]) -> list[str]:
    """Names in the field that neither the settings know nor carry a time zone: their recipients and
    zone are unknown."""
    names = {a.name.casefold() for a in known}
    return [n for n, zone in audience_entries(value) if n.casefold() not in names and not _zone_ok(zone or "-")]


def _by_name(known: Iterable[Audience]) -> dict[str, Audience]:
    return {a.name.casefold(): a for a in known}


def _keys(value: str) -> set[str]:
    return {addr.casefold() for _, addr in parse_addresses(value)} if value.strip() else set()


def choose_audiences(fields: Mapping[str, str], chosen: Iterable[str], known: Iterable[Audience]) -> dict[str, str]:
    """New values for `audiences`, `to`, `bcc` and `chats` once `chosen` (known audience names) replace the
    known audiences the notice had. Names not in the settings stay as they were (they are reported, not
    dropped). Raises FieldError for a chosen name the settings do not have, or unreadable To/Bcc."""
    by_name = _by_name(known)
    wanted = audience_names(", ".join(chosen))
    for name in wanted:
        if name.casefold() not in by_name:
            raise FieldError(_("audiences: {name!r} is not an audience in the settings").format(name=name))
    current = audience_entries(fields.get("audiences", ""))
    before = [by_name[n.casefold()] for n, _zone in current if n.casefold() in by_name]
    after = [by_name[n.casefold()] for n in wanted]
    unknown = [f"{n} [{zone}]" if zone else n for n, zone in current if n.casefold() not in by_name]
    result = {"audiences": ", ".join([entry_text(a) for a in after] + unknown),
              "chats": merge_chats(fields.get("chats", ""), before, after)}
    for part in PARTS:
        value = fields.get(part, "")
        try:
            pairs = parse_addresses(value) if value.strip() else []
        except FieldError as exc:
            raise FieldError(_("{field}: {problem}").format(field=part, problem=exc)) from None
        kept_by_others = set().union(*(_keys(getattr(a, part)) for a in after))
        leaving = set().union(*(_keys(getattr(a, part)) for a in before if a not in after)) - kept_by_others
        pairs = [p for p in pairs if p[1].casefold() not in leaving]
        present = {addr.casefold() for _name, addr in pairs}
        for audience in after:
            for pair in parse_addresses(getattr(audience, part)) if getattr(audience, part).strip() else []:
                if pair[1].casefold() not in present:
                    pairs.append(pair)
                    present.add(pair[1].casefold())
        result[part] = ", ".join(format_address(*p) for p in pairs)
    return result
