"""Secrets in the OS keyring (Credential Locker, Keychain, Secret Service), one entry per name.

Mail account passwords (core/mail/secrets.py) and chat webhook URLs (core/chat/secrets.py) are kept
the same way. On a machine without a working keyring (a headless Linux box has only keyring's "fail"
backend) nothing is stored and `available()` says so. A secret never appears in a message, a log
line or an exception raised here: the errors name the entry and the keyring's error type only.
"""
from __future__ import annotations

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from .i18n import N_, _


class SecretsError(Exception):
    """The keyring could not store, read or delete a secret. Never carries the secret."""


class KeyringUnavailable(SecretsError):
    ADVICE = N_("No system keyring is available, so nothing can be saved in it.")

    def __init__(self, detail: str = ""):
        super().__init__(_(self.ADVICE) + (_(" ({detail})").format(detail=detail) if detail else ""))


def _is_unusable(backend: KeyringBackend) -> bool:
    from keyring.backends import chainer, fail

    if isinstance(backend, fail.Keyring):
        return True
    if isinstance(backend, chainer.ChainerBackend):
        return not backend.backends
    return False


class KeyringStore:
    """Secrets of one kind (`what`, e.g. "password"), keyed by name under keyring service `service`.
    `backend` is injectable for tests. Subclasses name their kind and their no-keyring advice."""

    what = N_("secret")
    unavailable: type[KeyringUnavailable] = KeyringUnavailable
    no_keyring_state = N_("none")  # translated where shown (describe)

    def __init__(self, backend: KeyringBackend | None = None, service: str = "outagewriter"):
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
        """Which keyring is in use, for a settings dialog or a `list` command."""
        if not self.available():
            return _(self.no_keyring_state)
        backend = self.backend
        return getattr(backend, "name", type(backend).__name__)

    def _require(self) -> KeyringBackend:
        backend = self.backend
        if _is_unusable(backend):
            raise self.unavailable()
        return backend

    def get(self, name: str) -> str | None:
        """The stored secret, or None when none is stored. Raises KeyringUnavailable/SecretsError."""
        backend = self._require()
        try:
            return backend.get_password(self.service, name)
        except keyring.errors.KeyringError as exc:
            raise SecretsError(_("the keyring could not read the {what} for {name!r}: {error}").format(
                what=_(self.what), name=name, error=type(exc).__name__)) from None

    def set(self, name: str, secret: str) -> None:
        if not secret:
            raise SecretsError(_("the {what} is empty; nothing was stored").format(what=_(self.what)))
        backend = self._require()
        try:
            backend.set_password(self.service, name, secret)
        except keyring.errors.KeyringError as exc:
            raise SecretsError(_("the keyring could not store the {what} for {name!r}: {error}").format(
                what=_(self.what), name=name, error=type(exc).__name__)) from None

    def delete(self, name: str) -> bool:
        """Remove the stored secret; returns whether there was one. No keyring: returns False."""
        if not self.available():
            return False
        try:
            self.backend.delete_password(self.service, name)
        except keyring.errors.PasswordDeleteError:
            return False
        except keyring.errors.KeyringError as exc:
            raise SecretsError(_("the keyring could not delete the {what} for {name!r}: {error}").format(
                what=_(self.what), name=name, error=type(exc).__name__)) from None
        return True
