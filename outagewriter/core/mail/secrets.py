"""Account passwords in the OS keyring (Credential Locker, Keychain, Secret Service).

On a machine without a working keyring (a headless Linux box has only keyring's "fail" backend)
nothing is stored: `available()` says so and the UI or command line asks for the password each
time it sends. A password never appears in a message, a log line or an exception raised here.
"""
from __future__ import annotations

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

SERVICE = "outagewriter"

NO_KEYRING_ADVICE = (
    "No system keyring is available, so the password cannot be saved; "
    "OutageWriter will ask for it each time you send."
)


class SecretsError(Exception):
    """The keyring could not store, read or delete a password. Never carries the password."""


class KeyringUnavailable(SecretsError):
    def __init__(self, detail: str = ""):
        super().__init__(NO_KEYRING_ADVICE + (f" ({detail})" if detail else ""))


def _is_unusable(backend: KeyringBackend) -> bool:
    from keyring.backends import chainer, fail

    if isinstance(backend, fail.Keyring):
        return True
    if isinstance(backend, chainer.ChainerBackend):
        return not backend.backends
    return False


class Secrets:
    """Passwords of mail accounts, keyed by account name. `backend` is injectable for tests."""

    def __init__(self, backend: KeyringBackend | None = None, service: str = SERVICE):
        self._backend = backend
        self.service = service

    @property
    def backend(self) -> KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def available(self) -> bool:
        try:
            return not _is_unusable(self.backend)
        except Exception:  # a broken keyring configuration counts as no keyring
            return False

    def describe(self) -> str:
        """Which keyring is in use, for a settings dialog or `accounts list`."""
        if not self.available():
            return "none (passwords are asked for at send time)"
        backend = self.backend
        return getattr(backend, "name", type(backend).__name__)

    def _require(self) -> KeyringBackend:
        backend = self.backend
        if _is_unusable(backend):
            raise KeyringUnavailable()
        return backend

    def get(self, account_name: str) -> str | None:
        """The stored password, or None when none is stored. Raises KeyringUnavailable/SecretsError."""
        backend = self._require()
        try:
            return backend.get_password(self.service, account_name)
        except keyring.errors.KeyringError as exc:
            raise SecretsError(f"the keyring could not read the password for {account_name!r}: "
                               f"{type(exc).__name__}") from None

    def set(self, account_name: str, password: str) -> None:
        if not password:
            raise SecretsError("the password is empty; nothing was stored")
        backend = self._require()
        try:
            backend.set_password(self.service, account_name, password)
        except keyring.errors.KeyringError as exc:
            raise SecretsError(f"the keyring could not store the password for {account_name!r}: "
                               f"{type(exc).__name__}") from None

    def delete(self, account_name: str) -> bool:
        """Remove the stored password; returns whether there was one. No keyring: returns False."""
        if not self.available():
            return False
        try:
            self.backend.delete_password(self.service, account_name)
        except keyring.errors.PasswordDeleteError:
            return False
        except keyring.errors.KeyringError as exc:
            raise SecretsError(f"the keyring could not delete the password for {account_name!r}: "
                               f"{type(exc).__name__}") from None
        return True
