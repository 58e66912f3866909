"""Posting a notice's chat text to its destinations, recording each one before and after, and test posts."""
from __future__ import annotations

from collections.abc import Callable

from ..i18n import _
from ..incident.chat_destinations import SERVICE_LABELS, ChatDestination
from ..incident.records import SentRecord
from ..incident.times import isoformat_utc, now_utc
from ..keyring_store import KeyringStore, SecretsError
from . import record
from .delivery import DEFAULT_TIMEOUT, PostOutcome, post
from .destinations import ChatSetupError
from .payloads import payload_bytes

__all__ = ["PostOutcome", "ChatSetupError", "TEST_TEXT", "test_post", "webhook_urls", "post_notice", "label"]

TEST_TEXT = "Test post from OutageWriter"


def label(destination: ChatDestination) -> str:
    return f"{destination.name} ({SERVICE_LABELS.get(destination.service, destination.service)})"


def test_post(destination: ChatDestination, url: str, *, timeout: float = DEFAULT_TIMEOUT) -> PostOutcome:
    """Post "Test post from OutageWriter" to the webhook, to see that it works."""
    return post(destination, url, payload_bytes(destination.service, TEST_TEXT), timeout=timeout, testing=True)


def webhook_urls(destinations: tuple[ChatDestination, ...], webhooks: KeyringStore) -> dict[str, str]:
    """Each destination's webhook URL from the keyring; ChatSetupError naming every one that has none."""
    if not destinations:
        return {}
    urls, missing = {}, []
    for destination in destinations:
        try:
            url = webhooks.get(destination.name)
        except SecretsError as exc:
            raise ChatSetupError(_("{problem} Nothing was sent.").format(problem=exc)) from None
        if url:
            urls[destination.name] = url
        else:
            missing.append(label(destination))
    if missing:
        raise ChatSetupError(_(
            "No webhook URL is saved for {names}: add it with `outagewriter chats add NAME --service S` "
            "(or in Settings → Chat), or send without chat posts (--no-chat). Nothing was sent."
        ).format(names=_(", ").join(missing)))
    return urls


def post_notice(sent: SentRecord, destinations: tuple[ChatDestination, ...], urls: dict[str, str], text: str,
                save: Callable[[], None], *, timeout: float = DEFAULT_TIMEOUT) -> list[PostOutcome]:
    """Post `text` to each destination, one after another. Each is recorded "sending" and saved before
    its request, then its outcome saved, so a crash never leads to a second post."""
    outcomes = []
    for destination in destinations:
        record.mark(sent, destination, record.SENDING, None, isoformat_utc(now_utc()))
        save()
        outcome = post(destination, urls[destination.name], payload_bytes(destination.service, text),
                       timeout=timeout)
        record.mark(sent, destination, outcome.status, outcome.reply, isoformat_utc(now_utc()))
        save()
        outcomes.append(outcome)
    return outcomes
