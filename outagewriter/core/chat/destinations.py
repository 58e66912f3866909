"""Which chat destinations a notice is posted to, and whether a webhook URL can be used for a service."""
from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from collections.abc import Iterable

from ..i18n import _, ngettext
from ..incident.audience_chats import chat_names, notice_destinations, unknown_chats
from ..incident.chat_destinations import SERVICE_LABELS, ChatDestination
from ..incident.model import Notice
from ..settings import Settings

LOCAL_HOSTS = ("localhost",)
SLACK_HOSTS = ("hooks.slack.com",)
DISCORD_HOSTS = ("discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com")
DISCORD_PATH = "/api/webhooks/"
MAX_URL = 2048


class ChatSetupError(ValueError):
    """Chat posts cannot go out as set up (unknown destination, no webhook URL, no keyring); one plain line."""


def destinations_for(notice: Notice, settings: Settings) -> tuple[ChatDestination, ...]:
    """The chat destinations the notice's Chat posts field names, each once, in its order, with the
    service the settings give each. ChatSetupError (one line) for a name the settings do not know."""
    return resolve(chat_names(notice.fields.get("chats", "")), settings.chat_destinations)


def resolve(names: Iterable[str], destinations: tuple[ChatDestination, ...]) -> tuple[ChatDestination, ...]:
    """The settings' destinations for `names`; ChatSetupError naming those the settings lack."""
    value = ", ".join(names)
    unknown = unknown_chats(value, destinations)
    if unknown:
        listed = ", ".join(repr(n) for n in unknown)
        raise ChatSetupError(ngettext(
            "Chat posts: {names} is not a chat destination in your settings, so nobody knows where to post. Add it "
            "under Settings › Chat, or take it out of the notice's Chat posts. Nothing was sent.",
            "Chat posts: {names} are not chat destinations in your settings, so nobody knows where to post. Add it "
            "under Settings › Chat, or take it out of the notice's Chat posts. Nothing was sent.",
            len(unknown)).format(names=listed))
    return notice_destinations(value, destinations)


def _is_local(host: str) -> bool:
    if host in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_webhook_url(service: str, url: str) -> str | None:
    """Why `url` cannot be the webhook of a `service` destination, in plain words, or None.
    Never quotes the URL: it is a secret."""
    label = SERVICE_LABELS.get(service, service)
    url = url.strip()
    if not url:
        return _("the webhook URL is empty")
    if len(url) > MAX_URL or not url.isprintable() or any(c.isspace() for c in url):
        return _("the webhook URL has spaces or characters a URL cannot hold")
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 — raises ValueError for a port that is not a number
    except ValueError:
        return _("the webhook URL cannot be read as a URL")
    if not host:
        return _("the webhook URL has no host name")
    if parts.username or parts.password:
        return _("the webhook URL must not carry a user name or password")
    if parts.scheme == "http":
        if not _is_local(host):
            return _("the webhook URL must start with https:// (plain http is only for this computer)")
        return None  # a local stand-in for the service (tests, a relay on this machine)
    if parts.scheme != "https":
        return _("the webhook URL must start with https://")
    if service == "slack" and host not in SLACK_HOSTS:
        return _("a {service} webhook URL starts with {start}").format(service=label, start="https://hooks.slack.com/")
    if service == "discord" and (host not in DISCORD_HOSTS or not parts.path.startswith(DISCORD_PATH)):
        return _("a {service} webhook URL starts with {start}").format(service=label,
                                                                       start="https://discord.com/api/webhooks/")
    return None  # Teams (Workflows, *.logic.azure.com, *.webhook.office.com) and Mattermost: any https host
