"""Account passwords in the OS keyring (core/keyring_store.py), keyed by account name.

Without a working keyring nothing is stored: `available()` says so and the UI or command line asks
for the password each time it sends. A password never appears in a message, a log line or an
exception raised here.
"""
from __future__ import annotations

from keyring.backend import KeyringBackend

from .. import keyring_store
from ..i18n import N_
from ..keyring_store import SecretsError  # noqa: F401 (re-exported: the mail secrets' interface)

SERVICE = "outagewriter"

NO_KEYRING_ADVICE = N_(
    "No system keyring is available, so the password cannot be saved; "
    "OutageWriter will ask for it each time you send."
)


class KeyringUnavailable(keyring_store.KeyringUnavailable):
    ADVICE = NO_KEYRING_ADVICE


class Secrets(keyring_store.KeyringStore):
    """Passwords of mail accounts, keyed by account name. `backend` is injectable for tests."""

    what = N_("password")  # translated where shown (keyring_store)
    unavailable = KeyringUnavailable
    no_keyring_state = N_("none (passwords are asked for at send time)")

    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE):
        super().__init__(backend, service)
