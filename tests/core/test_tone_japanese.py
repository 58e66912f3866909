"""The Japanese rule pack and checking Japanese text: sentences end at 。！？, words have no spaces
between them, fullwidth and halfwidth forms match, findings highlight the characters typed."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli_check import run

from outagewriter.core.checks import FREE_TEXT_FIELD, ToneChecker, load_rules
from outagewriter.core.checks.rules import RuleSet, shipped_pack_path
from outagewriter.core.incident.model import Incident
from outagewriter.core.shipped import resource
from outagewriter.core.storage import fileformat

RULESET = load_rules("ja")
CHECKER = ToneChecker(RULESET)
APOLOGY = "ご迷惑をおかけし、誠に申し訳ございません。"


def _found(text: str, field: str = FREE_TEXT_FIELD, checker: ToneChecker = CHECKER, **kw) -> list[tuple[str, str]]:
    findings = checker.check_text(field, text, **kw)
    for f in findings:
        assert text[f.start:f.end] == f.match, f
    return [(f.rule, f.match) for f in findings]


def test_the_japanese_pack_loads_with_every_category_and_matches_the_schema():
    import jsonschema  # in the test extra: a missing install must fail here, not skip

    assert not RULESET.problems
    assert {r.category for r in RULESET.rules} == {"blame", "guilt", "overpromise", "speculation", "jargon"}
    data = json.loads(shipped_pack_path("ja").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(resource("rules", "rulepack.schema.json").read_text(encoding="utf-8")))
    assert data["language"] == "ja"
    for rule in RULESET.rules:
        assert rule.bad and rule.good and rule.message.endswith("。"), rule.id


EXAMPLES = [(r.id, "bad", t) for r in RULESET.rules for t in r.bad] + [
    (r.id, "good", t) for r in RULESET.rules for t in r.good]


@pytest.mark.parametrize(("rule_id", "kind", "text"), EXAMPLES, ids=[f"{i}-{k}-{n}" for n, (i, k, _) in enumerate(EXAMPLES)])
def test_japanese_rule_examples(rule_id, kind, text):
    alone = ToneChecker(RuleSet((RULESET.get(rule_id),)))
    assert any(f.rule == rule_id for f in alone.check_text(FREE_TEXT_FIELD, text)) == (kind == "bad"), text


def test_words_match_without_spaces_between_them():
    assert _found("本日中に必ず復旧いたします。") == [("overpromise.certain", "必ず復旧いたします")]
    assert _found("委託先の不手際により、請求書が届いておりません。") == [("blame.third-party", "委託先の不手際")]


def test_a_sentence_ends_at_the_japanese_full_stop():
    # The hedge (見込み) is in the next sentence: it does not excuse the certain time in this one.
    assert _found("15時までに復旧いたします。その後の見込みは未定です。") == [
        ("overpromise.certain-eta", "15時までに復旧いたします")]
    assert _found("15時までに復旧いたします！その後の見込みは未定です？") == [
        ("overpromise.certain-eta", "15時までに復旧いたします")]


def test_closing_brackets_stay_with_their_sentence_in_the_rewrite():
    [finding] = CHECKER.check_text("summary", "「大変大変申し訳ございません！」次回は15時頃にお知らせいたします。")
    assert finding.rule == "guilt.intensified-apology"
    assert finding.suggestions[0] == "「大変申し訳ございません！」"


def test_fullwidth_and_halfwidth_forms_match_and_offsets_are_those_typed():
    text = "ﾃﾞﾌﾟﾛｲ後、ＤＮＳの応答が遅延しました。"
    findings = CHECKER.check_text("summary", text)
    assert [(f.rule, f.match) for f in findings] == [("jargon.plain-words", "ﾃﾞﾌﾟﾛｲ"),
                                                       ("jargon.technical-terms", "ＤＮＳ")]
    assert [(f.start, f.end) for f in findings] == [(0, 6), (8, 11)] and text[8:11] == "ＤＮＳ"
    assert findings[0].suggestions[0] == "更新作業後、ＤＮＳの応答が遅延しました。"


def test_one_customary_apology_is_fine_a_second_one_in_the_notice_is_stacked():
    assert _found(APOLOGY) == []
    fields = {"summary": APOLOGY + "現在、ログインできない状態です。", "workaround": "重ねてお詫び申し上げます。"}
    findings = CHECKER.check_fields(fields)
    assert [(f.rule, f.field, f.match) for f in findings] == [("guilt.stacked-apology", "workaround", "お詫び申し上げ")]


def test_a_request_softened_with_an_apology_is_not_counted():
    assert _found(APOLOGY + "お手数をおかけし申し訳ございませんが、再度ログインをお願いいたします。") == []


def test_self_abasement_is_flagged_even_with_one_apology():
    assert _found(APOLOGY + "弁解の余地もございません。") == [("guilt.self-abasement", "弁解の余地")]


def test_jargon_only_in_the_summary():
    text = "BGPの経路情報が誤っていたため、ロードバランサーを切り替えました。"
    assert [rule for rule, _ in _found(text, "summary")] == ["jargon.technical-terms"] * 2
    assert _found(text, "appendix") == []
    assert _found(text, "impact") == []


def test_a_hedged_time_is_fine_a_certain_one_is_not():
    assert _found("15時頃の復旧を見込んでおります。") == []
    assert _found("復旧は１５時までに完了いたします。") == [("overpromise.certain-eta", "１５時までに完了いたします")]


def test_speculation_about_the_cause():
    assert _found("ストレージ装置の故障が原因と思われます。", "impact") == [("speculation.cause", "故障が原因と思われ")]
    assert _found("原因は現在調査中です。判明しだいお知らせいたします。", "impact") == []


def test_own_names_work_in_japanese_sentences():
    text = "ノースウィンド社の障害に起因し、ログインできない状態となっておりました。"
    assert _found(text) == [("blame.third-party", "ノースウィンド社の障害")]
    assert _found(text, own_names=["ノースウィンド"]) == []
    assert _found("当社の設定ミスにより、接続が不安定になっておりました。") == []
    assert _found("当社委託先の作業ミスにより、接続が不安定になっておりました。") == [
        ("blame.third-party", "委託先の作業ミス")]


def test_a_user_pack_extends_the_japanese_word_lists(tmp_path):
    (tmp_path / "ja-vendors.json").write_text(json.dumps(
        {"language": "ja", "lists": {"SUPPLIER": ["印刷代行会社"], "JARGON": ["ハイパーバイザ"]}}, ensure_ascii=False),
        encoding="utf-8")
    checker = ToneChecker(load_rules("ja", tmp_path))
    assert not checker.problems
    assert _found("印刷代行会社の不手際により、発送が遅れております。", checker=checker) == [
        ("blame.third-party", "印刷代行会社の不手際")]
    assert _found("ハイパーバイザの障害です。", "summary", checker=checker) == [
        ("jargon.technical-terms", "ハイパーバイザ")]


def test_a_japanese_incident_file_is_checked_with_the_japanese_rules(tmp_path):
    incident = Incident.create("ログイン障害", "会員サイト", language="ja")
    incident.notices[-1].update({"summary": "委託先の不手際により、ログインできない状態です。" + APOLOGY,
                                 "next_update": "on-change"})
    path = tmp_path / "login.outage"
    fileformat.save(incident, path)
    result = run(tmp_path, path, "--no-grammar", "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    tone = [(f["rule"], f["match"]) for f in json.loads(result.stdout) if f["category"] == "blame"]
    assert tone == [("blame.third-party", "委託先の不手際")]


def test_check_lang_ja_reads_japanese_text_from_stdin(tmp_path):
    text = "委託先のせいで、二度と発生させません。"
    result = run(tmp_path, "-", "--lang", "ja", "--no-grammar", stdin=text)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[3].rstrip(":") for line in lines] == ["blame.scapegoat", "overpromise.never-again"]
    assert lines[0].startswith("text:0-7 warning blame")
    assert run(tmp_path, "-", "--no-grammar", stdin=text).stdout == ""  # English rules by default


JAPANESE = st.text(alphabet=st.sampled_from(list("委託先の不手際により必ず復旧いたします。！？」『』（）ﾃﾞﾌﾟﾛｲＤＮＳ 　\n申し訳ございません猛省")),
                   max_size=80)


@settings(max_examples=200, deadline=None)
@given(JAPANESE, st.sampled_from(["summary", "appendix", FREE_TEXT_FIELD]))
def test_arbitrary_japanese_text_never_crashes_and_spans_point_at_the_match(text, field):
    for f in CHECKER.check_text(field, text):
        assert 0 <= f.start < f.end <= len(text) and text[f.start:f.end] == f.match
