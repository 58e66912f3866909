"""Saving settings.json from the Settings window: keys kept, bad values refused, the file untouched."""
from __future__ import annotations

import dataclasses
import json

import pytest

from outagewriter.core.session.services import Services
from outagewriter.core.settings import load_settings
from outagewriter.core.storage.settings_file import SettingsError, save_settings


def test_keys_of_other_modules_and_unknown_keys_are_kept(tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps(
        {"plugin": {"x": 1}, "grammar": {"mode": "off", "future_key": 2}}), encoding="utf-8")
    saved = save_settings(dataclasses.replace(load_settings(tmp_path), appearance="dark",
                                              user_email="jana@example.com"), tmp_path)
    data = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert data["plugin"] == {"x": 1}
    assert data["grammar"]["future_key"] == 2
    assert data["appearance"] == "dark" and data["user_email"] == "jana@example.com"
    assert saved == load_settings(tmp_path)


@pytest.mark.parametrize("change", [{"user_email": "not an address"}, {"appearance": "sepia"},
                                    {"grammar_mode": "server", "grammar_server_url": ""},
                                    {"user_name": "Jana\x1b[31m"}])
def test_a_value_reading_would_refuse_is_refused_and_the_file_untouched(tmp_path, change):
    original = '{"user_name": "Jana"}\n'
    (tmp_path / "settings.json").write_text(original, encoding="utf-8")
    with pytest.raises(SettingsError) as refused:
        save_settings(dataclasses.replace(load_settings(tmp_path), **change), tmp_path)
    assert "\n" not in str(refused.value) and "default" not in str(refused.value)
    assert (tmp_path / "settings.json").read_text(encoding="utf-8") == original


def test_an_unreadable_file_is_kept_beside_the_new_one(tmp_path):
    (tmp_path / "settings.json").write_text("{broken", encoding="utf-8")
    save_settings(dataclasses.replace(load_settings(tmp_path), user_name="Jana"), tmp_path)
    assert (tmp_path / "settings.json.unreadable").read_text(encoding="utf-8") == "{broken"
    assert load_settings(tmp_path).user_name == "Jana"


def test_services_use_saved_settings_at_once(tmp_path):
    services = Services.load(config_dir=tmp_path)
    before = services.tone("en")
    services.save_settings(dataclasses.replace(services.settings, own_names=("Acme",)))
    assert services.settings.own_names == ("Acme",)
    assert services.tone("en") is not before  # rebuilt with the new own names


def test_saving_keeps_what_the_command_line_changed_since_the_window_loaded_them(tmp_path):
    """The window loaded the settings; `outagewriter chats add` and a hand edit changed the file since; the
    user then changes one thing in the Settings window: every change survives, and the user's wins where
    both changed the same key."""
    (tmp_path / "settings.json").write_text(json.dumps({"user_name": "Jana", "appearance": "light"}), "utf-8")
    window = Services.load(config_dir=tmp_path)
    on_disk = json.loads((tmp_path / "settings.json").read_text("utf-8"))
    on_disk.update(chat_destinations=[{"name": "Status channel", "service": "slack"}],
                   review={"approver_must_differ": False}, appearance="system")
    (tmp_path / "settings.json").write_text(json.dumps(on_disk), "utf-8")

    window.save_settings(dataclasses.replace(window.settings, own_names=("Acme",), appearance="dark"))

    saved = load_settings(tmp_path)
    assert [d.name for d in saved.chat_destinations] == ["Status channel"]
    assert saved.approver_must_differ is False
    assert saved.own_names == ("Acme",) and saved.appearance == "dark" and saved.user_name == "Jana"
    assert window.settings == saved
