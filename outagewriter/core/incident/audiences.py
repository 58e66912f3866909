"""Audiences: who a notice goes to, in which time zone they read it, and when their office is open.

Set once in the settings (`"audiences": [...]`, see core/settings.py) and chosen per notice by name.
"""
from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass

from ..i18n import N_, _
from .named_list import parse_named

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$")
_DAYS = re.compile(r"^\s*(\w{3})\s*[-–]\s*(\w{3})\s*$")
MAX_AUDIENCES = 100


class AudienceError(ValueError):
    """An audience the settings cannot use; the message is written for the user."""


@dataclass(frozen=True)
class Audience:
    name: str
    zone: str  # IANA time zone, e.g. Europe/Berlin
    to: str = ""  # addresses, as the To field takes them
    bcc: str = ""
    opens: int = 8 * 60  # office hours, minutes after local midnight
    closes: int = 18 * 60
    days: tuple[int, ...] = (0, 1, 2, 3, 4)  # weekday numbers, Monday = 0
    chats: tuple[str, ...] = ()  # names of chat destinations (chat_destinations.py) this audience follows

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.zone)

    @property
    def hours_text(self) -> str:
        """"08:00–18:00 Mon–Fri", as the settings file and the window write it."""
        def hm(minutes: int) -> str:
            return f"{minutes // 60:02d}:{minutes % 60:02d}"
        return f"{hm(self.opens)}–{hm(self.closes)} {_days_text(self.days)}"


def _days_text(days: tuple[int, ...]) -> str:
    if days == tuple(range(days[0], days[-1] + 1)) and len(days) > 1:
        return f"{DAYS[days[0]]}–{DAYS[days[-1]]}"
    return ", ".join(DAYS[d] for d in days)


def parse_hours(text: str) -> tuple[int, int]:
    match = _HOURS.match(text)
    if not match:
        raise AudienceError(_("office hours {hours!r} are not like 08:00-18:00").format(hours=text))
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if not (h1 < 24 and h2 <= 24 and m1 < 60 and m2 < 60):
        raise AudienceError(_("office hours {hours!r} are not times of day").format(hours=text))
    opens, closes = h1 * 60 + m1, h2 * 60 + m2
    if closes <= opens:
        raise AudienceError(_("office hours {hours!r} close before they open").format(hours=text))
    return opens, closes


def parse_days(text: str) -> tuple[int, ...]:
    names = [d.lower() for d in DAYS]
    match = _DAYS.match(text)
    if match:
        first, last = (w.lower()[:3] for w in match.groups())
        if first in names and last in names:
            a, b = names.index(first), names.index(last)
            return tuple(range(a, b + 1)) if a <= b else tuple(range(a, 7)) + tuple(range(0, b + 1))
    picked = [w.strip().lower()[:3] for w in text.split(",") if w.strip()]
    if picked and all(w in names for w in picked):
        return tuple(sorted({names.index(w) for w in picked}))
    raise AudienceError(_("office days {days!r} are not like Mon-Fri or Mon, Wed, Fri").format(days=text))


def parse_audience(raw: dict) -> Audience:
    """One entry of settings.json "audiences"; AudienceError in plain words."""
    if not isinstance(raw, dict):
        raise AudienceError(_("an audience should be an object with a name and a zone"))
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 80 or any(c in name for c in ",[]"):
        raise AudienceError(_("audience name {name!r} should be 1 to 80 characters without commas or brackets").format(
            name=name))
    zone = raw.get("zone", "UTC")
    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        raise AudienceError(_("audience {name!r}: {zone!r} is not a time zone like Europe/Berlin").format(
            name=name, zone=zone)) from None
    values = {}
    for key in ("to", "bcc"):
        value = raw.get(key, "")
        if not isinstance(value, str):
            raise AudienceError(_("audience {name!r}: {setting} should be text").format(name=name, setting=key))
        values[key] = value
    opens, closes = parse_hours(str(raw.get("hours", "08:00-18:00")))
    days = parse_days(str(raw.get("days", "Mon-Fri")))
    chats = raw.get("chats", [])
    if not isinstance(chats, list) or not all(isinstance(c, str) and c.strip() for c in chats):
        raise AudienceError(_("audience {name!r}: chats should be a list of chat destination names").format(name=name))
    return Audience(" ".join(name.split()), zone, values["to"], values["bcc"], opens, closes, days,
                    tuple(dict.fromkeys(" ".join(c.split()) for c in chats)))


def audience_data(audience: Audience) -> dict:
    """The settings-file form of an audience (what parse_audience reads)."""
    def hm(minutes: int) -> str:
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    return {"name": audience.name, "zone": audience.zone, "to": audience.to, "bcc": audience.bcc,
            "hours": f"{hm(audience.opens)}-{hm(audience.closes)}",
            "days": _days_text(audience.days).replace("–", "-"),
            **({"chats": list(audience.chats)} if audience.chats else {})}


def parse_audiences(raws: list[dict]) -> tuple[Audience, ...]:
    """Audiences as the Settings window gives them, all or nothing: AudienceError names the first
    that cannot be used, or a name given twice (a notice chooses audiences by name)."""
    return parse_named(raws, parse_audience, MAX_AUDIENCES, N_("at most {limit} audiences"), AudienceError)
