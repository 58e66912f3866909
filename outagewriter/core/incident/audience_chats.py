"""The chat destinations a notice posts to, from the audiences it goes to (kept apart from
chat_destinations.py, which the settings load: reading address fields is not needed to load them)."""
from __future__ import annotations

from .audience_recipients import audience_names
from .chat_destinations import ChatDestination


def notice_destinations(audiences_field: str, audiences, destinations) -> tuple[ChatDestination, ...]:
    """The chat destinations a notice with this `audiences` field posts to: those its audiences (the
    saved ones, by name) follow, each once, in audience order. Names no destination has are left out."""
    by_audience = {a.name.casefold(): a for a in audiences}
    by_name = {d.name.casefold(): d for d in destinations}
    chosen: dict[str, ChatDestination] = {}
    for name in audience_names(audiences_field):
        audience = by_audience.get(name.casefold())
        for chat in audience.chats if audience else ():
            destination = by_name.get(chat.casefold())
            if destination is not None:
                chosen.setdefault(destination.name.casefold(), destination)
    return tuple(chosen.values())

