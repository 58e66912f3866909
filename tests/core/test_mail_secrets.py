"""The keyring wrapper with an in-memory backend (unit level; the real one is in tests/integration)."""
from __future__ import annotations

import keyring.errors
import pytest
from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail

from outagewriter.core.mail.secrets import KeyringUnavailable, Secrets, SecretsError


class MemoryKeyring(KeyringBackend):
    # keyring registers every backend class it sees; a priority that raises keeps this test double
    # out of the process-wide default, so later tests still get the real Secret Service.
    @properties.classproperty
    def priority(cls):
        raise RuntimeError("test double: never chosen automatically")

    def __init__(self, broken: bool = False):
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self.broken = broken

    def get_password(self, service, username):
        if self.broken:
            raise keyring.errors.KeyringLocked("locked")
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        if self.broken:
            raise keyring.errors.PasswordSetError(f"cannot store {password}")
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.items:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.items[(service, username)]


def test_service_and_username():
    backend = MemoryKeyring()
    secrets = Secrets(backend)
    secrets.set("work", "pw")
    assert backend.items == {("outagewriter", "work"): "pw"}
    assert secrets.get("work") == "pw" and secrets.delete("work") and not secrets.delete("work")


def test_empty_chainer_counts_as_no_keyring():
    class EmptyChainer(chainer.ChainerBackend):
        backends = []  # what keyring ends up with when no backend is viable

    empty = EmptyChainer()
    assert not Secrets(empty).available()
    assert not Secrets(fail.Keyring()).available()
    with pytest.raises(KeyringUnavailable):
        Secrets(empty).get("x")


def test_keyring_errors_never_carry_the_password():
    secrets = Secrets(MemoryKeyring(broken=True))
    with pytest.raises(SecretsError) as caught:
        secrets.set("work", "hunter2-secret")
    assert "hunter2-secret" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    with pytest.raises(SecretsError, match="could not read"):
        secrets.get("work")


def test_empty_password_is_not_stored():
    with pytest.raises(SecretsError, match="empty"):
        Secrets(MemoryKeyring()).set("work", "")
