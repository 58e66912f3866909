"""Mail accounts: validation, presets, and the accounts file (atomic, never a password)."""
from __future__ import annotations

import json

import pytest

from outagewriter.core import paths
from outagewriter.core.mail.accounts import (
    PRESETS,
    Account,
    AccountError,
    AccountStore,
    from_preset,
)


def account(**changes) -> Account:
    values = dict(name="work", sender_address="ops@acme.example", host="smtp.acme.example")
    values.update(changes)
    return Account(**values)


def test_defaults_are_safe():
    a = account()
    assert (a.port, a.security, a.allow_plaintext_auth, a.cafile) == (587, "starttls", False, "")


@pytest.mark.parametrize("changes, words", [
    ({"name": ""}, "account name is required"),
    ({"name": " padded"}, "no spaces"),
    ({"sender_address": "not an address"}, "sender address"),
    ({"sender_address": "Ops <ops@acme.example>"}, "sender address"),
    ({"sender_name": "Ops\r\nBcc: victim@example.com"}, "line breaks"),
    ({"reply_to": "a@b.example, c@d.example"}, "reply-to"),
    ({"host": "smtp://acme.example"}, "not a host name"),
    ({"port": 0}, "port"),
    ({"port": 70000}, "port"),
    ({"security": "ssl"}, "security"),
    ({"batch_size": 0}, "batch size"),
    ({"preset": "aol"}, "unknown preset"),
])
def test_bad_settings_are_refused_in_plain_words(changes, words):
    with pytest.raises(AccountError, match=words):
        account(**changes)


def test_presets_fill_host_port_security_and_have_a_note():
    for key, preset in PRESETS.items():
        assert preset.note and len(preset.note.splitlines()) == 1
        if key != "relay":
            made = from_preset(key, name="x", sender_address="me@example.com")
            assert (made.host, made.port, made.security) == (preset.host, preset.port, preset.security)
            assert made.username == "me@example.com" and made.preset_note == preset.note
    assert "app password" in PRESETS["gmail"].note and "2-step" in PRESETS["gmail"].note
    assert from_preset("gmail", name="x", sender_address="me@example.com", port=465, security="tls").port == 465


def test_store_round_trip_and_atomic_file(tmp_path):
    store = AccountStore(tmp_path / "cfg")
    assert store.list() == []
    first, second = account(), account(name="relay", host="relay.lan", security="none", username="",
                                       cafile="/etc/relay.pem", batch_size=20)
    store.save(first)
    store.save(second)
    assert AccountStore(tmp_path / "cfg").list() == [first, second]
    store.save(first.with_changes(port=2525))
    assert store.get("work").port == 2525 and store.names() == ["work", "relay"]
    store.remove("relay")
    assert store.names() == ["work"]
    assert [p.name for p in (tmp_path / "cfg").iterdir()] == ["accounts.json"]  # no temp files left
    with pytest.raises(AccountError, match="no account named 'nope'"):
        store.get("nope")


def test_the_file_never_has_a_password_and_refuses_one(tmp_path):
    store = AccountStore(tmp_path)
    store.save(account())
    data = json.loads(store.path.read_text())
    assert not any("password" in key for entry in data["accounts"] for key in entry
                   if key != "allow_plaintext_auth")
    data["accounts"][0]["password"] = "hunter2"
    store.path.write_text(json.dumps(data))
    with pytest.raises(AccountError) as caught:
        store.list()
    assert "keyring" in str(caught.value) and "hunter2" not in str(caught.value)


@pytest.mark.parametrize("text, words", [
    ("{", "not valid JSON"),
    ('{"format": "something-else"}', "not an OutageWriter accounts file"),
    ('{"format": "outagewriter-accounts", "version": 99, "accounts": []}', "newer OutageWriter"),
    ('{"format": "outagewriter-accounts", "version": 1, "accounts": [{"name": "x"}]}', "incomplete"),
])
def test_broken_accounts_file(tmp_path, text, words):
    store = AccountStore(tmp_path)
    store.path.write_text(text)
    with pytest.raises(AccountError, match=words):
        store.list()


def test_default_folder_follows_the_config_override(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.CONFIG_DIR_ENV, str(tmp_path / "elsewhere"))
    assert AccountStore().path == tmp_path / "elsewhere" / "accounts.json"
    monkeypatch.delenv(paths.CONFIG_DIR_ENV)
    assert paths.config_dir().name == "OutageWriter"


def test_signing_in_without_encryption_is_warned_about_in_plain_words():
    from outagewriter.core.mail.accounts import unencrypted_sign_in

    encrypted = Account("work", "ops@acme.example", "smtp.acme.example", username="ops")
    assert unencrypted_sign_in(encrypted, has_password=True) is None
    open_relay = Account("lan", "ops@acme.example", "relay.lan", security="none")
    assert unencrypted_sign_in(open_relay) is None  # no sign-in: nothing secret goes over the wire
    refused = unencrypted_sign_in(open_relay, has_password=True)
    assert "no encryption" in refused and "sending through this account will fail" in refused
    allowed = open_relay.with_changes(username="ops", allow_plaintext_auth=True)
    assert "without encryption: anyone on the network in between can read it" in unencrypted_sign_in(allowed)


def _break_port(store, index=0, value="abc"):
    data = json.loads(store.path.read_text())
    data["accounts"][index]["port"] = value
    store.path.write_text(json.dumps(data))


def test_one_broken_account_is_named_and_the_others_still_work(tmp_path):
    store = AccountStore(tmp_path)
    store.save(account())
    store.save(account(name="relay", host="relay.lan", security="none", username=""))
    _break_port(store)
    usable, broken = store.readable()
    assert [a.name for a in usable] == ["relay"]
    assert broken == {"work": f"{store.path}: account 'work': port: 'abc' is not a port number (1 to 65535)"}
    assert store.get("relay").host == "relay.lan"
    with pytest.raises(AccountError) as caught:
        store.get("work")
    assert str(caught.value) == broken["work"]
    with pytest.raises(AccountError, match="account 'work': port"):
        store.list()  # everything or an error: the error names the account


def test_saving_another_account_keeps_the_broken_entry_for_the_user_to_mend(tmp_path):
    store = AccountStore(tmp_path)
    store.save(account())
    _break_port(store)
    store.save(account(name="relay", host="relay.lan", security="none", username=""))
    assert json.loads(store.path.read_text())["accounts"][0]["port"] == "abc"  # kept as written
    assert store.names() == ["work", "relay"]
    store.save(account())  # replacing it mends it
    assert store.readable()[1] == {} and store.get("work").port == 587
    _break_port(store)
    store.remove("work")
    assert store.names() == ["relay"] and store.readable()[1] == {}


def test_an_entry_without_a_name_is_told_by_its_place_in_the_file(tmp_path):
    store = AccountStore(tmp_path)
    store.save(account())
    data = json.loads(store.path.read_text())
    data["accounts"].append({"host": "x"})
    store.path.write_text(json.dumps(data))
    usable, broken = store.readable()
    assert [a.name for a in usable] == ["work"]
    assert list(broken.values()) == [f"{store.path}: account entry 2: account entry is incomplete: it has no name, "
                                     "sender_address"]


def test_a_broken_account_in_japanese_names_the_account(tmp_path):
    from outagewriter.core import i18n

    store = AccountStore(tmp_path)
    store.save(account(name="本番"))
    _break_port(store)
    i18n.use_language("ja")
    [problem] = store.readable()[1].values()
    assert problem == f"{store.path}: アカウント '本番': ポート: 'abc' はポート番号（1～65535）ではありません"
