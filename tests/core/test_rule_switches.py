"""Tone rules turned on and off from the Settings window, kept as one more user rule pack."""
from __future__ import annotations

import json

from outagewriter.core.checks import user_tone_checker
from outagewriter.core.session.rule_switches import own_packs, rule_switches, save_switches, switches_pack

BLAME = "The outage was caused by our vendor's mistake."


def test_a_rule_switched_off_is_off_for_the_checker_and_back_on_when_switched_on(tmp_path):
    found = user_tone_checker("en", tmp_path, own_names=()).check_text("summary", BLAME)
    rule_id = found[0].rule
    save_switches("en", tmp_path, [rule_id])
    assert rule_id not in {f.rule for f in user_tone_checker("en", tmp_path, own_names=()).check_text("summary", BLAME)}
    assert {s.rule.id: s.on for s in rule_switches("en", tmp_path)}[rule_id] is False
    save_switches("en", tmp_path, [])
    assert rule_id in {f.rule for f in user_tone_checker("en", tmp_path, own_names=()).check_text("summary", BLAME)}
    assert json.loads(switches_pack(tmp_path, "en").read_text(encoding="utf-8"))["disabled"] == []


def test_every_shipped_rule_is_listed_with_its_examples(tmp_path):
    switches = rule_switches("en", tmp_path)
    assert len(switches) > 20 and all(s.on for s in switches)
    assert any(s.rule.bad for s in switches)


def test_a_rule_the_users_own_pack_turns_off_is_shown_fixed_off(tmp_path):
    rule_id = rule_switches("en", tmp_path)[0].rule.id
    (tmp_path / "team.json").write_text(json.dumps({"disabled": [rule_id]}), encoding="utf-8")
    switch = {s.rule.id: s for s in rule_switches("en", tmp_path)}[rule_id]
    assert (switch.on, switch.fixed_off_by) == (False, "team.json")


def test_own_packs_are_named_without_the_switches_or_other_languages(tmp_path):
    (tmp_path / "team.json").write_text(json.dumps({"disabled": []}), encoding="utf-8")
    (tmp_path / "japanese.json").write_text(json.dumps({"language": "ja", "disabled": []}), encoding="utf-8")
    save_switches("en", tmp_path, ["x"])
    assert own_packs("en", tmp_path) == ["team.json"]


def test_the_pack_that_fixes_a_japanese_rule_off_is_one_read_for_japanese(tmp_path):
    """The English switches name blame.customer too (both packs have it): the Japanese list names the
    user's own pack for every language, not the English switches."""
    save_switches("en", tmp_path, ["blame.customer"])
    (tmp_path / "zz-team.json").write_text(json.dumps({"disabled": ["blame.customer"]}), encoding="utf-8")
    [switch] = [s for s in rule_switches("ja", tmp_path) if s.rule.id == "blame.customer"]
    assert (switch.on, switch.fixed_off_by) == (False, "zz-team.json")
