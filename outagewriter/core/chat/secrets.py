"""Chat webhook URLs in the OS keyring (core/keyring_store.py), keyed by the destination's name.

Anyone who has a webhook URL can post as the organisation, so it is kept like a password: never in
the settings or incident file, never in a message, a log line or an exception (delivery.py scrubs
it from the error text of a failed post too).
"""
from __future__ import annotations

from keyring.backend import KeyringBackend

from .. import keyring_store
from ..i18n import N_
from ..keyring_store import SecretsError  # noqa: F401 (re-exported: the chat secrets' interface)

SERVICE = "outagewriter-chat"

NO_KEYRING_ADVICE = N_(
    "No system keyring is available, so chat webhook URLs cannot be saved and nothing can be posted to chat; "
    "send with --no-chat (or set up a keyring)."
)


# When a URL is being saved (adding a destination) sending without chat is no answer: say what to do then.
NO_KEYRING_TO_SAVE = N_(
    "No system keyring is available, so the webhook URL cannot be saved; set up a keyring, then add the "
    "destination again."
)


class WebhookKeyringUnavailable(keyring_store.KeyringUnavailable):
    ADVICE = NO_KEYRING_ADVICE


class WebhookKeyringUnavailableToSave(WebhookKeyringUnavailable):
    ADVICE = NO_KEYRING_TO_SAVE


class WebhookSecrets(keyring_store.KeyringStore):
    """Webhook URLs of chat destinations, keyed by destination name. `backend` is injectable for tests."""

    what = N_("webhook URL")  # translated where shown (keyring_store)
    unavailable = WebhookKeyringUnavailable
    no_keyring_state = N_("none (webhook URLs cannot be saved; chat posts are off)")

    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE):
        super().__init__(backend, service)

    def set(self, name: str, secret: str) -> None:
        if secret and not self.available():
            raise WebhookKeyringUnavailableToSave()
        super().set(name, secret)
