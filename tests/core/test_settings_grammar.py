"""The grammar section of settings.json: validated like the other sections, problems reported."""
from __future__ import annotations

import json

from outagewriter.core.settings import Settings, load_settings


def write(folder, data) -> None:
    (folder / "settings.json").write_text(json.dumps(data), encoding="utf-8")


def test_grammar_defaults_are_off(tmp_path):
    settings = load_settings(tmp_path)
    assert settings == Settings()
    assert settings.grammar_mode == "off" and settings.grammar_custom_words == ()


def test_grammar_section_is_read(tmp_path):
    write(tmp_path, {"grammar": {"mode": "server", "server_url": "http://127.0.0.1:8081", "language": "en-GB",
                                 "custom_words": ["Acme", " PayGate ", "Acme"]}})
    settings = load_settings(tmp_path)
    assert settings.problems == ()
    assert (settings.grammar_mode, settings.grammar_server_url, settings.grammar_language) == \
        ("server", "http://127.0.0.1:8081", "en-GB")
    assert settings.grammar_custom_words == ("Acme", "PayGate")


def test_bad_grammar_values_are_reported_and_fall_back(tmp_path):
    write(tmp_path, {"grammar": {"mode": "cloud", "server_url": "not a url", "custom_words": "Acme"},
                     "review": {"approval_required": False}})
    settings = load_settings(tmp_path)
    assert settings.grammar_mode == "off" and settings.grammar_server_url == ""
    assert settings.grammar_custom_words == ()
    text = "\n".join(settings.problems)
    assert "grammar.mode" in text and "grammar.server_url" in text and "grammar.custom_words" in text
    assert settings.approval_required is False  # other sections still apply


def test_a_mode_without_its_location_is_off_and_says_why(tmp_path):
    write(tmp_path, {"grammar": {"mode": "jars"}})
    settings = load_settings(tmp_path)
    assert settings.grammar_mode == "off"
    assert any("jar_folder" in p for p in settings.problems)


def test_grammar_section_must_be_an_object(tmp_path):
    write(tmp_path, {"grammar": ["server"]})
    settings = load_settings(tmp_path)
    assert settings.grammar_mode == "off"
    assert any("'grammar' should be an object" in p for p in settings.problems)
