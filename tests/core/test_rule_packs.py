"""User rule packs: add, override by id, disable, and broken packs that never break the shipped rules."""
from __future__ import annotations

import json

import pytest

from outagewriter.core.checks import FREE_TEXT_FIELD, ToneChecker, load_rules, present
from outagewriter.core.checks.rules import (
    RulePackError,
    build_rule,
    default_user_rules_dir,
)
from outagewriter.core.checks.tone import load_checked_rules

SHIPPED_COUNT = len(load_rules("en").rules)


def _write(folder, name, data):
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def _ids(ruleset, text):
    return {f.rule for f in ToneChecker(ruleset).check_text(FREE_TEXT_FIELD, text)}


def test_missing_or_empty_user_folder_gives_the_shipped_rules(tmp_path):
    assert len(load_rules("en", tmp_path / "nope").rules) == SHIPPED_COUNT
    assert len(load_rules("en", tmp_path).rules) == SHIPPED_COUNT
    assert load_rules("en", tmp_path).problems == ()


def test_user_pack_adds_a_code_name_rule(tmp_path):
    _write(tmp_path, "acme.json", {"rules": [{
        "id": "jargon.acme-code-names", "category": "jargon", "severity": "suggestion",
        "patterns": ["bluefin", "project kraken"], "message": "Internal code name.",
        "examples": {"bad": ["Bluefin is down."], "good": ["Billing is down."]},
    }]})
    ruleset = load_rules("en", tmp_path)
    assert ruleset.problems == ()
    [finding] = ToneChecker(ruleset).check_text("summary", "The Bluefin service is slow.")
    assert (finding.rule, finding.start, finding.end, finding.match) == ("jargon.acme-code-names", 4, 11, "Bluefin")


def test_user_pack_overrides_a_shipped_rule_by_id_keeping_other_keys(tmp_path):
    _write(tmp_path, "strict.json", {"rules": [{"id": "guilt.intensified-apology", "severity": "error"}]})
    ruleset = load_rules("en", tmp_path)
    rule = ruleset.get("guilt.intensified-apology")
    assert rule.severity == "error" and rule.origin == "strict.json"
    assert rule.patterns == load_rules("en").get("guilt.intensified-apology").patterns
    assert len(ruleset.rules) == SHIPPED_COUNT


def test_disabled_rules_are_off(tmp_path):
    _write(tmp_path, "off.json", {"disabled": ["guilt.intensified-apology", "structure.summary-too-long"]})
    ruleset = load_rules("en", tmp_path)
    assert "guilt.intensified-apology" not in _ids(ruleset, "We are truly sorry.")
    assert {"guilt.intensified-apology", "structure.summary-too-long"} <= ruleset.disabled
    assert ruleset.problems == ()


@pytest.mark.parametrize(("content", "expected"), [
    ("{ not json", "broken.json: not valid JSON at line 1"),
    ('["a list"]', "broken.json: should hold a JSON object"),
    ({"rules": [{"id": "blame.x", "category": "rudeness", "severity": "warning", "patterns": ["x"], "message": "m"}]},
     "'category' should be one of"),
    ({"rules": [{"id": "blame.x", "category": "blame", "severity": "warning", "patterns": ["(unclosed"], "message": "m"}]},
     "is not a valid regular expression"),
    ({"rules": [{"id": "blame.x", "category": "blame", "severity": "warning", "patterns": ["x?"], "message": "m"}]},
     "matches empty text"),
    ({"rules": [{"id": "blame.x", "category": "blame", "severity": "loud", "patterns": ["x"], "message": "m"}]},
     "'severity' should be one of"),
    ({"rules": [{"id": "blame.x", "category": "blame", "severity": "warning", "patterns": ["x"], "mesage": "m"}]},
     "unknown key(s) mesage"),
    ({"disabled": ["no.such-rule"]}, "do not exist: no.such-rule"),
    ({"rules": [{"id": "blame.x", "category": "blame", "severity": "warning", "patterns": ["oops"], "message": "m",
                 "examples": {"bad": ["nothing here"]}}]}, "bad example not flagged"),
    ({"lists": {"vendors": ["Acme"]}}, "list name 'vendors' should be upper-case"),
    ({"lists": {"SUPPLIER": []}}, "list SUPPLIER should be a non-empty list of phrases"),
    ({"rules": [{"id": "blame.x", "category": "blame", "severity": "warning", "patterns": ["{NO_SUCH} failed"],
                 "message": "m"}]}, "refers to word list(s) that do not exist: NO_SUCH"),
    ({"rules": [{"id": "blame.x", "category": "blame", "severity": "warning", "swap": {"x": ""}, "message": "m"}]},
     "'swap' should be an object of phrase: replacement texts"),
])
def test_broken_user_pack_is_reported_and_shipped_rules_still_work(tmp_path, content, expected):
    _write(tmp_path, "broken.json", content)
    ruleset = load_checked_rules("en", tmp_path)
    assert any(expected in p and "broken.json" in p for p in ruleset.problems), ruleset.problems
    assert "guilt.intensified-apology" in _ids(ruleset, "We are truly sorry.")


def test_pack_for_another_language_is_skipped(tmp_path):
    _write(tmp_path, "de.json", {"language": "de", "disabled": ["guilt.intensified-apology"]})
    assert "guilt.intensified-apology" in _ids(load_rules("en", tmp_path), "We are truly sorry.")


def test_unknown_shipped_language_raises():
    with pytest.raises(RulePackError, match="no rule pack"):
        load_rules("xx")


def test_build_rule_messages_are_plain():
    with pytest.raises(ValueError, match="rule id"):
        build_rule({"id": "Bad Id"}, "x.json")


def test_default_user_folder_follows_the_config_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("OUTAGEWRITER_CONFIG_DIR", str(tmp_path))
    assert default_user_rules_dir() == tmp_path / "rules"


def test_user_list_extends_every_rule_that_uses_it(tmp_path):
    text = "The outage was caused by Initech."
    assert not {i for i in _ids(load_rules("en", tmp_path), text) if i.startswith("blame.")}
    _write(tmp_path, "vendors.json", {"lists": {"PROVIDER_NAME": ["Initech"]}})
    ruleset = load_rules("en", tmp_path)
    assert ruleset.problems == () and "Initech" in ruleset.lists["PROVIDER_NAME"]
    assert "blame.third-party" in _ids(ruleset, text)


def test_user_substitution_rule_suggests_the_rewritten_sentence(tmp_path):
    _write(tmp_path, "words.json", {"rules": [{
        "id": "jargon.acme-words", "category": "jargon", "severity": "suggestion", "message": "Say it plainly.",
        "swap": {"degraded performance": "slowness", "{INTENSIFIER} degraded": "slow"},
        "examples": {"bad": ["We see degraded performance."], "good": ["Pages load slowly."]},
    }]})
    ruleset = load_rules("en", tmp_path)
    assert ruleset.problems == ()
    [finding] = ToneChecker(ruleset).check_text("summary", "Logins work. We see degraded performance in Europe.")
    assert finding.suggestions == ("We see slowness in Europe.",)
    [finding] = ToneChecker(ruleset).check_text("summary", "Search is extremely degraded.")
    assert finding.suggestions == ("Search is slow.",)


def test_a_users_rewrite_is_offered_when_a_shipped_rule_speaks_for_the_same_words(tmp_path):
    """The README's pack: "project kraken" is a shipped code-name finding too; the one finding shown
    offers the user's rewrite first, and the shipped advice after it."""
    _write(tmp_path, "mine.json", {"rules": [{
        "id": "jargon.code-names", "category": "jargon", "severity": "suggestion",
        "swap": {"project kraken": "the new billing system"}, "message": "Internal code name: customers don't know it.",
        "examples": {"bad": ["Project Kraken is down."], "good": ["Billing is down."]},
    }]})
    ruleset = load_rules("en", tmp_path)
    [shown] = present(ToneChecker(ruleset).check_text("summary", "Project Kraken is down.")).shown
    assert shown.suggestions[0] == "The new billing system is down."
    assert "jargon.code-names" in {f.rule for f in (shown, *shown.also)}


def test_a_pack_for_every_language_may_turn_off_rules_of_one_language(tmp_path):
    """A pack without "language" applies to English and Japanese notices alike: turning off an English
    rule is no problem when a Japanese notice is checked, while a rule of no pack at all is told."""
    _write(tmp_path, "mine.json", {"disabled": ["guilt.hindsight", "blame.nonexistent"]})
    for language in ("en", "ja"):
        problems = load_rules(language, tmp_path).problems
        assert len(problems) == 1 and "blame.nonexistent" in problems[0] and "guilt.hindsight" not in problems[0]


def test_a_pack_for_one_language_is_told_when_it_turns_off_another_languages_rule(tmp_path):
    """A pack that says "language": "ja" is only read for Japanese: an English rule named there does nothing."""
    _write(tmp_path, "mine-ja.json", {"language": "ja", "disabled": ["guilt.hindsight"]})
    [problem] = load_rules("ja", tmp_path).problems
    assert "guilt.hindsight" in problem


# --- what a user who made a mistake in their pack is told -------------------------------------------

def test_a_misspelt_list_name_is_told_with_the_closest_list_the_rules_use(tmp_path):
    _write(tmp_path, "suppliers.json", {"lists": {"SUPPLIERS": ["Northwind"]}})
    ruleset = load_rules("en", tmp_path)
    assert ruleset.problems == ("suppliers.json: no rule uses a list named SUPPLIERS, so its phrases change nothing; "
                                "did you mean SUPPLIER?",)
    assert ruleset.problem_files == ("suppliers.json",)
    assert "blame.third-party" not in _ids(ruleset, "The outage was caused by Northwind.")  # as told: nothing changed


def test_a_list_of_the_users_own_that_their_rule_uses_is_fine(tmp_path):
    _write(tmp_path, "mine.json", {"lists": {"CODE_NAME": ["bluefin"]}, "rules": [{
        "id": "jargon.code-names", "category": "jargon", "severity": "suggestion", "patterns": ["{CODE_NAME}"],
        "message": "Internal code name."}]})
    _write(tmp_path, "every-language.json", {"lists": {"JARGON": ["シャーディング"]}})  # only the Japanese rules use it
    assert load_rules("en", tmp_path).problems == () and load_rules("ja", tmp_path).problems == ()


def test_a_pack_for_a_language_without_rules_is_told_not_skipped_silently(tmp_path):
    _write(tmp_path, "french.json", {"language": "fr", "lists": {"SUPPLIER": ["Northwind"]}})
    for language in ("en", "ja"):
        ruleset = load_rules(language, tmp_path)
        assert ruleset.problems == ("french.json: 'language' is 'fr', but OutageWriter has tone rules only for en, "
                                    "ja, so this pack is not used",)
        assert "Northwind" not in ruleset.lists["SUPPLIER"]


@pytest.mark.parametrize(("key", "wanted"), [("severity", "one of error, warning, suggestion"),
                                              ("category", "one of blame, guilt, overpromise, speculation, jargon"),
                                              ("patterns", "a list of non-empty texts"),
                                              ("message", "a non-empty text")])
def test_a_missing_key_is_called_missing_not_none(tmp_path, key, wanted):
    rule = {"id": "blame.mine", "category": "blame", "severity": "warning", "patterns": ["oops"], "message": "m"}
    del rule[key]
    _write(tmp_path, "broken.json", {"rules": [rule]})
    [problem] = load_rules("en", tmp_path).problems
    assert problem == f"broken.json: rule 'blame.mine': '{key}' is missing; give {wanted} — that rule was ignored"
    assert "None" not in problem


def test_a_rule_without_an_id_is_told_so(tmp_path):
    _write(tmp_path, "broken.json", {"rules": [{"category": "blame"}]})
    assert load_rules("en", tmp_path).problems == (
        "broken.json: a rule has no 'id'; give each rule one (lower-case letters, digits, '.', '-' or '_') — that "
        "rule was ignored",)


def test_a_bad_pattern_is_told_at_its_place_in_the_pattern_as_written_for_every_language(tmp_path):
    _write(tmp_path, "badre.json", {"rules": [{"id": "blame.mine", "category": "blame", "severity": "warning",
                                               "patterns": ["{SUPPLIER} failed (again"], "message": "m"}]})
    english, japanese = load_rules("en", tmp_path).problems, load_rules("ja", tmp_path).problems
    assert english == japanese == (
        "badre.json: rule 'blame.mine' pattern 1: '{SUPPLIER} failed (again' is not a valid regular expression: "
        "missing ), unterminated subpattern (at character 19) — that rule was ignored",)


def test_a_pack_problem_in_japanese_names_the_pack_and_the_list(tmp_path):
    from outagewriter.core import i18n

    _write(tmp_path, "suppliers.json", {"lists": {"SUPPLIERS": ["Northwind"]}})
    _write(tmp_path, "broken.json", {"rules": [{"id": "blame.mine", "category": "blame", "patterns": ["oops"],
                                                "message": "m"}]})
    _write(tmp_path, "french.json", {"language": "fr"})
    i18n.use_language("ja")
    language, lists, rule = load_rules("ja", tmp_path).problems  # files first, then lists, then rules
    assert lists.startswith("suppliers.json: ") and "SUPPLIERS" in lists and "SUPPLIERのことですか？" in lists
    assert "no rule uses" not in lists and "リスト" in lists
    assert rule.startswith("broken.json: ") and "'severity'" in rule and "error, warning, suggestion" in rule
    assert "指定されていません" in rule and "None" not in rule and "missing" not in rule
    assert language.startswith("french.json: ") and "'fr'" in language and "使用しません" in language


def test_services_tell_a_pack_for_every_language_once_one_line_each(tmp_path):
    from outagewriter.core.session.services import Services

    rules = tmp_path / "rules"
    rules.mkdir()
    _write(rules, "badre.json", {"rules": [{"id": "blame.mine", "category": "blame", "severity": "warning",
                                            "patterns": ["(abc"], "message": "m"}]})
    _write(rules, "broken.json", {"rules": [{"id": "blame.other", "category": "blame", "patterns": ["x"],
                                             "message": "m"}]})
    _check, problem = Services.load(config_dir=tmp_path).fast_checker()
    assert problem.splitlines() == [
        "badre.json: rule 'blame.mine' pattern 1: '(abc' is not a valid regular expression: missing ), "
        "unterminated subpattern (at character 1) — that rule was ignored",
        "broken.json: rule 'blame.other': 'severity' is missing; give one of error, warning, suggestion — that rule "
        "was ignored"]
