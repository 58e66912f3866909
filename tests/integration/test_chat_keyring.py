"""Webhook URLs in the real Secret Service (scripts/with-keyring), beside mail passwords, never mixed up."""
from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from outagewriter.core.chat.secrets import (
    SERVICE,
    WebhookKeyringUnavailable,
    WebhookSecrets,
)
from outagewriter.core.mail.secrets import Secrets

pytestmark = pytest.mark.integration
URL = "https://hooks.slack.com/services/T000/B000/secretToken123"


def test_round_trip_under_its_own_service(chat_keyring):
    assert "SecretService" in type(chat_keyring.backend).__module__ + type(chat_keyring.backend).__name__
    chat_keyring.set("Status channel", URL)
    assert WebhookSecrets().get("Status channel") == URL
    assert keyring.get_password(SERVICE, "Status channel") == URL and SERVICE == "outagewriter-chat"
    assert Secrets().get("Status channel") is None  # a mail account of that name gets no webhook
    assert chat_keyring.delete("Status channel") is True and chat_keyring.get("Status channel") is None


def test_no_keyring_says_so_and_how_to_send_anyway():
    webhooks = WebhookSecrets(backend=fail.Keyring())
    assert not webhooks.available()
    with pytest.raises(WebhookKeyringUnavailable, match="--no-chat"):
        webhooks.get("Status channel")
    with pytest.raises(WebhookKeyringUnavailable) as caught:
        webhooks.set("Status channel", URL)
    assert URL not in str(caught.value)
    assert webhooks.delete("Status channel") is False
