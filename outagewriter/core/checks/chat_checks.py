"""Structure finding about the notice's Chat posts: names no chat destination in the settings has."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..incident.audience_chats import unknown_chats
from ..incident.chat_destinations import ChatDestination
from .findings import Finding
from .structure import _finding


def check_chats(fields: Mapping[str, str], destinations: Iterable[ChatDestination]) -> list[Finding]:
    value = fields.get("chats", "")
    unknown = unknown_chats(value, destinations)
    if not unknown:
        return []
    one = len(unknown) == 1
    return [_finding(
        "chat-unknown", "error", "chats", value,
        f"{', '.join(repr(n) for n in unknown)} {'is not a chat destination' if one else 'are not chat destinations'}"
        f" in your settings, so the notice cannot be posted there. Add {'it' if one else 'them'} under "
        f"Settings › Chat, or remove {'it' if one else 'them'}.")]
