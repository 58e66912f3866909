"""A Japanese incident in the window: typed Japanese is checked with the Japanese rules as the writer
types, each card on the characters typed; a broken rule in the user's Japanese pack is told."""
from __future__ import annotations

import json

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from outagewriter.core.incident.model import Incident
from outagewriter.core.storage import fileformat


def _japanese_file(tmp_path):
    incident = Incident.create("ログイン障害", "会員サイト", language="ja")
    incident.notices[-1].update({"summary": "会員サイトにログインできない状態です。", "next_update": "on-change"})
    path = tmp_path / "login.outage"
    fileformat.save(incident, path)
    return path


def _type_with_input_method(editor, phrases) -> None:
    """Japanese is typed through an input method: each converted phrase arrives as a commit string."""
    for phrase in phrases:
        event = QInputMethodEvent()
        event.setCommitString(phrase)
        QApplication.sendEvent(editor, event)


def test_typed_japanese_is_checked_with_the_japanese_rules(make_window, qtbot, tmp_path, fake_grammar):
    window = make_window(_japanese_file(tmp_path), grammar=fake_grammar)
    editor = window.form.editors["summary"]
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    _type_with_input_method(editor, ["委託先の", "不手際により、", "本日中に", "必ず", "復旧いたします。"])
    text = editor.toPlainText()
    qtbot.waitUntil(lambda: len([c for c in window.findings.cards if c.finding.field == "summary"]) == 2, timeout=5000)
    cards = {c.finding.rule: c.finding for c in window.findings.cards if c.finding.field == "summary"}
    assert set(cards) == {"blame.third-party", "overpromise.certain"}
    for finding in cards.values():
        assert text[finding.start:finding.end] == finding.match
    assert cards["blame.third-party"].match == "委託先の不手際"
    assert "当社" in cards["blame.third-party"].message  # the Japanese pack's message
    qtbot.waitUntil(lambda: fake_grammar.calls >= 1, timeout=5000)
    assert set(fake_grammar.languages) == {"ja"}  # grammar is asked for this incident's language


def test_a_broken_rule_in_the_users_japanese_pack_is_told(make_window, qtbot, tmp_path, dirs):
    rules = dirs[1] / "rules"
    rules.mkdir(parents=True)
    (rules / "mine-ja.json").write_text(json.dumps(
        {"language": "ja", "rules": [{"id": "blame.mine", "category": "blame"}]}), encoding="utf-8")
    window = make_window(_japanese_file(tmp_path))
    qtbot.waitUntil(lambda: window.findings.status.isVisible(), timeout=3000)
    assert "mine-ja.json" in window.findings.status.text() and "blame.mine" in window.findings.status.text()


def test_a_broken_pattern_is_told_once_on_a_line_of_its_own_as_a_warning(make_window, qtbot, tmp_path, dirs):
    """A pack for every language is read for English and for Japanese: its mistake is one line, at the
    position in the pattern as written (not in the word bounds each language puts around it)."""
    rules = dirs[1] / "rules"
    rules.mkdir(parents=True)
    (rules / "badre.json").write_text(json.dumps({"rules": [{"id": "my.re", "category": "blame",
                                                            "severity": "warning", "patterns": ["{SUPPLIER} (abc"],
                                                            "message": "m"}]}), encoding="utf-8")
    (rules / "suppliers.json").write_text(json.dumps({"lists": {"SUPPLIERS": ["Northwind"]}}), encoding="utf-8")
    window = make_window(_japanese_file(tmp_path))
    status = window.findings.status
    qtbot.waitUntil(status.isVisible, timeout=3000)
    assert status.text().splitlines() == [  # the lists are read before the rules that use them
        "suppliers.json: no rule uses a list named SUPPLIERS, so its phrases change nothing; did you mean SUPPLIER?",
        "badre.json: rule 'my.re' pattern 1: '{SUPPLIER} (abc' is not a valid regular expression: missing ), "
        "unterminated subpattern (at character 12) — that rule was ignored"]
    assert status.property("tone") == "warning"
