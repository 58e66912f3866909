"""Chat destinations: incoming webhooks a notice's short version can be posted to.

Set once in the settings (`"chat_destinations": [{"name": "Status channel", "service": "slack"}]`)
and chosen per audience by name (`Audience.chats`). The webhook URL is a secret (anyone who has it
can post as the organisation), so it is kept in the OS keyring under the destination's name, never
in the settings file or the incident file (core/chat/secrets.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_, _
from .named_list import parse_named

# Each service's documented incoming-webhook payload is built in core/chat/payloads.py.
CHAT_SERVICES = ("slack", "teams", "mattermost", "discord")
SERVICE_LABELS = {"slack": "Slack", "teams": "Microsoft Teams", "mattermost": "Mattermost", "discord": "Discord"}
MAX_DESTINATIONS = 100


class ChatDestinationError(ValueError):
    """A chat destination the settings cannot use; the message is written for the user."""


@dataclass(frozen=True)
class ChatDestination:
    name: str
    service: str  # one of CHAT_SERVICES


def parse_destination(raw: dict) -> ChatDestination:
    """One entry of settings.json "chat_destinations"; ChatDestinationError in plain words."""
    if not isinstance(raw, dict):
        raise ChatDestinationError(_("a chat destination should be an object with a name and a service"))
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 80 or any(c in name for c in ",[]") \
            or not name.isprintable():
        raise ChatDestinationError(_("chat destination name {name!r} should be 1 to 80 characters without "
                                     "commas or brackets").format(name=name))
    service = raw.get("service")
    if service not in CHAT_SERVICES:
        raise ChatDestinationError(_("chat destination {name!r}: service {service!r} is not one of {services}").format(
            name=name, service=service, services=", ".join(CHAT_SERVICES)))
    return ChatDestination(" ".join(name.split()), service)


def destination_data(destination: ChatDestination) -> dict:
    return {"name": destination.name, "service": destination.service}


def parse_destinations(raws: list[dict]) -> tuple[ChatDestination, ...]:
    """Destinations as the Settings window gives them, all or nothing: ChatDestinationError names the
    first that cannot be used, or a name given twice (audiences follow destinations by name)."""
    return parse_named(raws, parse_destination, MAX_DESTINATIONS, N_("at most {limit} chat destinations"),
                       ChatDestinationError)
