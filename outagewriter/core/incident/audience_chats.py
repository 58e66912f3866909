"""The chat destinations a notice posts to: the names in its `chats` field, which choosing audiences fills
as it fills To and Bcc, so the notice itself records where it is posted. A reviewer approves those names
whatever their own settings hold; the sender's settings only say which service each name is on.

(Kept apart from chat_destinations.py, which the settings load: reading notice fields is not needed there.)
"""
from __future__ import annotations

from collections.abc import Iterable

from .audiences import Audience
from .chat_destinations import ChatDestination


def chat_names(value: str) -> list[str]:
    """The destination names a `chats` field holds, in order, without repeats (any case)."""
    names: dict[str, str] = {}
    for raw in value.split(","):
        name = " ".join(raw.split())
        if name:
            names.setdefault(name.casefold(), name)
    return list(names.values())


def merge_chats(value: str, before: Iterable[Audience], after: Iterable[Audience]) -> str:
    """The `chats` field once the audiences `before` are replaced by `after`: the destinations only
    leaving audiences followed go, those of the chosen ones join; names typed by hand stay."""
    after = tuple(after)
    kept = {c.casefold() for a in after for c in a.chats}
    leaving = {c.casefold() for a in before if a not in after for c in a.chats} - kept
    names = [n for n in chat_names(value) if n.casefold() not in leaving]
    present = {n.casefold() for n in names}
    for chat in (c for a in after for c in a.chats):
        if chat.casefold() not in present:
            names.append(chat)
            present.add(chat.casefold())
    return ", ".join(names)


def unknown_chats(value: str, destinations: Iterable[ChatDestination]) -> list[str]:
    """Names in the field that no chat destination in the settings has: nobody knows where they post."""
    known = {d.name.casefold() for d in destinations}
    return [n for n in chat_names(value) if n.casefold() not in known]


def notice_destinations(value: str, destinations: Iterable[ChatDestination]) -> tuple[ChatDestination, ...]:
    """The settings' destinations a notice with this `chats` field posts to, in the field's order.
    Names the settings lack are left out here: `unknown_chats` reports them."""
    by_name = {d.name.casefold(): d for d in destinations}
    return tuple(by_name[n.casefold()] for n in chat_names(value) if n.casefold() in by_name)
