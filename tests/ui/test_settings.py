"""One settings file for the user (settings.json); window layout in the state folder."""
from __future__ import annotations

import json

from outagewriter.app import LAYOUT_FILE, build_context


def test_grammar_comes_from_settings_json(dirs):
    state, config = dirs
    config.mkdir(parents=True)
    (config / "settings.json").write_text(json.dumps({"grammar": {
        "mode": "server", "server_url": "http://127.0.0.1:9", "custom_words": ["Acme"]}}), encoding="utf-8")
    checker = build_context(state_dir=state, config_dir=config).grammar
    try:
        assert checker.settings.mode == "server"
        assert checker.settings.server_url == "http://127.0.0.1:9"
        assert checker.settings.custom_words == ("Acme",)
    finally:
        checker.close()


def test_no_ini_in_the_config_folder_and_layout_in_the_state_folder(make_window, dirs):
    state, config = dirs
    window = make_window()
    window.resize(790, 700)  # within the offscreen screen (800x800): a larger window is fitted to it
    window.close()
    assert (state / LAYOUT_FILE).is_file()
    assert not (config / "outagewriter.ini").exists()
    again = make_window()
    assert (again.width(), again.height()) == (790, 700)


def test_settings_problems_are_shown_in_the_window(make_window, dirs):
    config = dirs[1]
    config.mkdir(parents=True)
    (config / "settings.json").write_text('{"grammar": {"mode": "cloud"}}', encoding="utf-8")
    window = make_window()
    assert window.settings_banner.isVisible()
    assert "grammar.mode" in window.settings_banner.label.text()


def test_context_takes_settings_from_the_config_folder(dirs):
    config = dirs[1]
    config.mkdir(parents=True)
    (config / "settings.json").write_text('{"user_name": "Petr Svoboda"}', encoding="utf-8")
    context = build_context(state_dir=dirs[0], config_dir=config, grammar=object(), check=lambda i, n: [])
    assert context.settings.identity() == "Petr Svoboda"
