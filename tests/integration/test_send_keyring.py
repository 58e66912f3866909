"""Passwords in the real Secret Service (gnome-keyring inside dbus-run-session, see scripts/with-keyring).

These tests fail, never skip, without a working keyring: the test command always provides one.
"""
from __future__ import annotations

import pytest
from keyring.backends import fail

from outagewriter.core.mail.secrets import SERVICE, KeyringUnavailable, Secrets

pytestmark = pytest.mark.integration


def test_the_real_secret_service_is_in_use(real_keyring):
    assert "SecretService" in type(real_keyring.backend).__module__ + type(real_keyring.backend).__name__


def test_round_trip(real_keyring, account_name):
    assert real_keyring.get(account_name) is None
    real_keyring.set(account_name, "first-pässword-パス")
    assert real_keyring.get(account_name) == "first-pässword-パス"
    real_keyring.set(account_name, "second")
    assert Secrets().get(account_name) == "second"  # a fresh handle reads the same entry
    import keyring

    assert keyring.get_password(SERVICE, account_name) == "second"  # service name, username = account
    assert real_keyring.delete(account_name) is True
    assert real_keyring.get(account_name) is None
    assert real_keyring.delete(account_name) is False


def test_no_backend_is_a_clear_state_not_a_crash():
    secrets = Secrets(backend=fail.Keyring())
    assert not secrets.available()
    assert "asked for" in secrets.describe()
    with pytest.raises(KeyringUnavailable, match="ask for it each time you send"):
        secrets.get("any")
    with pytest.raises(KeyringUnavailable):
        secrets.set("any", "hunter2")
    assert secrets.delete("any") is False
