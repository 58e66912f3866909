"""Structure finding about the notice's Chat posts: names no chat destination in the settings has."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..incident.audience_chats import unknown_chats
from ..incident.chat_destinations import ChatDestination
from ..i18n import ngettext
from .findings import Finding
from .structure import _finding


def check_chats(fields: Mapping[str, str], destinations: Iterable[ChatDestination]) -> list[Finding]:
    value = fields.get("chats", "")
    unknown = unknown_chats(value, destinations)
    if not unknown:
        return []
    return [_finding(
        "chat-unknown", "error", "chats", value,
        ngettext("{names} is not a chat destination in your settings, so the notice cannot be posted there. "
                 "Add it under Settings › Chat, or remove it.",
                 "{names} are not chat destinations in your settings, so the notice cannot be posted there. "
                 "Add them under Settings › Chat, or remove them.", len(unknown)).format(
            names=", ".join(repr(n) for n in unknown)))]
