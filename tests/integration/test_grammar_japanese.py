"""A Japanese notice is checked by LanguageTool's Japanese module (ja-JP) while the settings keep the
English variant: in the window as the writer types, in `outagewriter check FILE` and in `check --lang ja`."""
from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from send_helpers import ow  # noqa: E402

from outagewriter.app import build_context, create_window  # noqa: E402
from outagewriter.core.incident.model import Incident  # noqa: E402
from outagewriter.core.storage import fileformat  # noqa: E402
from outagewriter.ui.context import Timings  # noqa: E402
from outagewriter.ui.dialogs import DISCARD, Dialogs  # noqa: E402

pytestmark = pytest.mark.integration
WRONG = "問題は解決なる見込みです。"  # LanguageTool ja-JP: 解決なる -> 解決になる (KAIKETUNARU)


class Discard(Dialogs):
    def unsaved_changes(self, parent, name):
        return DISCARD


def run(tmp_path, *args, stdin=None, **extra):
    env = {k: v for k, v in os.environ.items() if k != "OUTAGEWRITER_LT_URL"}
    env.update(OUTAGEWRITER_CONFIG_DIR=str(tmp_path / "config"), **extra)
    return ow(env, "check", *args, stdin=stdin)


def _settings(config, url):
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps(
        {"grammar": {"mode": "server", "server_url": url, "language": "en-GB"}}), encoding="utf-8")


def _japanese_incident(path):
    incident = Incident.create("ログイン障害", "会員サイト", language="ja")
    incident.notices[-1].update({"summary": WRONG, "next_update": "on-change"})
    fileformat.save(incident, path)
    return path


def test_the_window_checks_a_japanese_incident_in_japanese(qtbot, tmp_path, languagetool_url):
    _settings(tmp_path / "config", languagetool_url)
    context = build_context(state_dir=tmp_path / "state", config_dir=tmp_path / "config", dialogs=Discard(),
                            timings=Timings(grammar_ms=50))
    assert context.grammar.settings.language == "en-GB"
    window = create_window(_japanese_incident(tmp_path / "login.outage"), context, offer_recovery=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.form.editors["summary"].setPlainText("会員サイトの" + WRONG)
        qtbot.waitUntil(lambda: any(c.finding.rule == "languagetool/KAIKETUNARU" for c in window.findings.cards),
                        timeout=30000)
        [card] = [c for c in window.findings.cards if c.finding.rule == "languagetool/KAIKETUNARU"]
        assert card.finding.match == "解決なる" and card.finding.start == len("会員サイトの問題は")
    finally:
        window.close()
        context.close()


def test_check_file_uses_the_incidents_language_for_grammar(tmp_path, languagetool_url):
    _settings(tmp_path / "config", languagetool_url)  # grammar from settings.json, English variant
    result = run(tmp_path, _japanese_incident(tmp_path / "login.outage"), "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    assert result.stderr == ""
    grammar = [(f["rule"], f["match"]) for f in json.loads(result.stdout) if f["category"] == "grammar"]
    assert grammar == [("languagetool/KAIKETUNARU", "解決なる")]


def test_check_lang_ja_on_stdin_with_a_server_named_on_the_command_line(tmp_path, languagetool_url):
    result = run(tmp_path, "-", "--lang", "ja", "--format", "json", stdin=WRONG, OUTAGEWRITER_LT_URL=languagetool_url)
    assert (result.returncode, result.stderr) == (0, "")
    assert [f["rule"] for f in json.loads(result.stdout)] == ["languagetool/KAIKETUNARU"]
