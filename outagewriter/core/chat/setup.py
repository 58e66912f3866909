"""Changing the settings' chat destinations and which audiences follow them: each returns new Settings
(saved by Services.save_settings) or raises ChatDestinationError in plain words."""
from __future__ import annotations

import dataclasses

from ..i18n import _
from ..incident.chat_destinations import (
    MAX_DESTINATIONS,
    ChatDestination,
    ChatDestinationError,
    parse_destination,
)
from ..settings import Settings


def find(settings: Settings, name: str) -> ChatDestination:
    for destination in settings.chat_destinations:
        if destination.name.casefold() == " ".join(name.split()).casefold():
            return destination
    if not settings.chat_destinations:
        raise ChatDestinationError(_("there is no chat destination {name!r} (there are: none yet)").format(name=name))
    known = _(", ").join(d.name for d in settings.chat_destinations)
    raise ChatDestinationError(_("there is no chat destination {name!r} (there are: {known})").format(
        name=name, known=known))


def with_destination(settings: Settings, name: str, service: str, *, replace: bool = False) -> Settings:
    """`settings` with the destination added (or, with `replace`, its service changed)."""
    new = parse_destination({"name": name, "service": service})
    existing = [d for d in settings.chat_destinations if d.name.casefold() == new.name.casefold()]
    if existing and not replace:
        raise ChatDestinationError(_("a chat destination named {name!r} exists; pass --replace to change it").format(
            name=existing[0].name))
    if not existing and len(settings.chat_destinations) >= MAX_DESTINATIONS:
        raise ChatDestinationError(_("at most {limit} chat destinations").format(limit=MAX_DESTINATIONS))
    kept = [new if d in existing else d for d in settings.chat_destinations]
    return dataclasses.replace(settings, chat_destinations=tuple(kept if existing else kept + [new]))


def without_destination(settings: Settings, name: str) -> Settings:
    """`settings` without the destination, and without it among any audience's chats."""
    gone = find(settings, name)
    audiences = tuple(dataclasses.replace(a, chats=tuple(c for c in a.chats if c.casefold() != gone.name.casefold()))
                      for a in settings.audiences)
    return dataclasses.replace(settings, audiences=audiences,
                               chat_destinations=tuple(d for d in settings.chat_destinations if d != gone))


def with_followed(settings: Settings, audience: str, names: list[str]) -> Settings:
    """`settings` in which `audience` follows exactly the chat destinations `names` (none: no chat)."""
    chosen = tuple(dict.fromkeys(find(settings, n).name for n in names))
    matches = [a for a in settings.audiences if a.name.casefold() == " ".join(audience.split()).casefold()]
    if not matches:
        if not settings.audiences:
            raise ChatDestinationError(_("there is no audience {name!r} (there are: none yet)").format(name=audience))
        known = _(", ").join(a.name for a in settings.audiences)
        raise ChatDestinationError(_("there is no audience {name!r} (there are: {known})").format(
            name=audience, known=known))
    return dataclasses.replace(settings, audiences=tuple(
        dataclasses.replace(a, chats=chosen) if a is matches[0] else a for a in settings.audiences))


def followers(settings: Settings, destination: ChatDestination) -> list[str]:
    """The audiences that follow `destination`, by name."""
    return [a.name for a in settings.audiences if destination.name.casefold() in (c.casefold() for c in a.chats)]
