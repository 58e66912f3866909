"""Grammar and spelling findings from a real LanguageTool server (see conftest.py)."""
from __future__ import annotations

import os
import random
from concurrent.futures import ThreadPoolExecutor

import pytest

from outagewriter.core.checks.grammar import GrammarChecker, GrammarSettings

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def checker(languagetool_url):
    settings = GrammarSettings(mode="server", server_url=languagetool_url, custom_words=("Zorbly",))
    with GrammarChecker(settings) as checker:
        yield checker


def only(findings, category):
    found = [f for f in findings if f.category == category]
    assert len(found) == 1, findings
    return found[0]


def test_misspelling_is_a_spelling_finding_with_its_span(checker):
    text = "Our servce is down."
    finding = only(checker.check_fields({"summary": text}), "spelling")
    assert (finding.start, finding.end, finding.match) == (4, 10, "servce")
    assert finding.field == "summary"
    assert finding.severity == "warning"
    assert "service" in finding.suggestions
    assert len(finding.suggestions) <= 5
    assert finding.rule.startswith("languagetool/")


def test_agreement_error_is_a_grammar_finding(checker):
    text = "We is investigating the cause."
    finding = only(checker.check_fields({"impact": text}), "grammar")
    assert (finding.start, finding.end, finding.match) == (3, 5, "is")
    assert finding.severity == "warning"
    assert "are" in finding.suggestions


def test_offsets_are_python_indices_after_emoji_and_japanese(checker):
    # 😀 and 🚀 are two UTF-16 units each; LanguageTool counts units, Finding counts characters.
    text = "😀 障害 🚀 対応中。Our servce is down. We is investigating."
    findings = checker.check_fields({"summary": text})
    spelling = only(findings, "spelling")
    assert text[spelling.start : spelling.end] == "servce" == spelling.match
    assert spelling.start == text.index("servce")
    grammar = [f for f in findings if f.match == "is" and f.category == "grammar"]
    assert [(f.start, f.end) for f in grammar] == [(text.index("We is") + 3, text.index("We is") + 5)]


@pytest.fixture(scope="module")
def japanese_checker(languagetool_url):
    with GrammarChecker(GrammarSettings(mode="server", server_url=languagetool_url, language="ja-JP")) as checker:
        yield checker


def test_japanese_text_in_japanese(japanese_checker):
    text = "😀 問題は解決なる見込みです。"
    finding = only(japanese_checker.check_fields({"summary": text}), "grammar")
    assert finding.match == "解決なる" == text[finding.start : finding.end]
    assert finding.start == text.index("解決なる") == 5
    assert "解決になる" in finding.suggestions


def test_japanese_offsets_with_spaces_and_paragraphs(japanese_checker):
    # LanguageTool's Japanese module counts offsets without the spaces of a sentence.
    rng = random.Random(20261127)
    pieces = ["問題は", "解決なる", "見込みです。", "サービス A の", "😀", "Zorbly", "障害", " ", "  ", "\n", "\n\n", "。"]
    texts = ["サービス A の障害は解決なる見込みです。\n\nZorbly の問題は 解決なる 見込みです。"]
    texts += ["".join(rng.choice(pieces) for _ in range(12)) + " 問題は 解決なる。" for _ in range(15)]
    for text in texts:
        findings = [f for f in japanese_checker.check_fields({"summary": text}) if f.rule == "languagetool/KAIKETUNARU"]
        assert findings, text  # every text ends with one such error
        for finding in findings:
            assert finding.match == text[finding.start : finding.end] == "解決なる", (text, finding)


def test_custom_words_suppress_a_product_name(checker, languagetool_url):
    text = "Zorbly exports are delayed."
    plain = GrammarSettings(mode="server", server_url=languagetool_url)
    with GrammarChecker(plain) as without_words:
        assert [f.match for f in without_words.check_fields({"summary": text}) if f.category == "spelling"] == ["Zorbly"]
    assert [f for f in checker.check_fields({"summary": text}) if f.category == "spelling"] == []


def test_check_fields_checks_every_non_empty_field(checker):
    findings = checker.check_fields(
        {
            "summary": "Our servce is down.",
            "impact": "We is investigating.",
            "contact": "",
            "next_update": "   ",
            "appendix": "Everything is fine here.",
        }
    )
    assert {(f.field, f.category, f.match) for f in findings} == {
        ("summary", "spelling", "servce"),
        ("impact", "grammar", "is"),
    }


def test_server_mode_accepts_the_v2_address(languagetool_url):
    settings = GrammarSettings(mode="server", server_url=languagetool_url + "/v2/")
    with GrammarChecker(settings) as checker:
        assert [f.match for f in checker.check_fields({"summary": "Our servce is down."})] == ["servce"]


def test_checks_from_many_threads_keep_their_offsets(checker):
    texts = [("🙂" * n) + f" {'日本' * n} Our servce is down." for n in range(8)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda t: checker.check_fields({"summary": t}), texts))
    for text, findings in zip(texts, results):
        finding = only(findings, "spelling")
        assert text[finding.start : finding.end] == "servce"


def test_jars_mode_starts_and_stops_its_own_server(languagetool_jars):
    settings = GrammarSettings(mode="jars", jar_folder=str(languagetool_jars))
    checker = GrammarChecker(settings)
    assert checker.server is None  # lazy: nothing runs before the first check
    try:
        findings = checker.check_fields({"summary": "Our servce is down. We is investigating."})
        assert {(f.category, f.match) for f in findings} == {("spelling", "servce"), ("grammar", "is")}
        pid = checker.server.pid
        assert os.path.exists(f"/proc/{pid}") or os.name != "posix"
    finally:
        checker.close()
    assert checker.server is None
    if os.path.isdir("/proc"):
        assert not os.path.exists(f"/proc/{pid}")


def test_check_command_uses_the_grammar_settings(languagetool_url, tmp_path):
    """`outagewriter check` reads grammar.mode/server_url and custom_words from settings.json."""
    import json
    import subprocess
    import sys

    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps(
        {"grammar": {"mode": "server", "server_url": languagetool_url, "custom_words": ["Zorbly"]}}))
    env = {k: v for k, v in os.environ.items() if k != "OUTAGEWRITER_LT_URL"}
    env["OUTAGEWRITER_CONFIG_DIR"] = str(config)
    result = subprocess.run([sys.executable, "-m", "outagewriter", "check", "-", "--format", "json"],
                            input="Our servce Zorbly is down.", capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)
    assert [(f["category"], f["match"]) for f in findings if f["category"] == "spelling"] == [("spelling", "servce")]


def test_the_appendix_keeps_its_aligned_columns_and_identifiers(checker):
    log = "db-7   ECONNRESET  at 09:14  retried\ndb-8   ETIMEDOUT   at 09:15  failed over"
    prose = "The database  was restarted."
    findings = checker.check_fields({"appendix": log, "summary": prose})
    assert [f for f in findings if f.field == "appendix"] == []
    assert any(f.field == "summary" and f.match == "  " for f in findings), findings  # prose still told


def test_probe_names_the_version_and_finds_the_known_error(languagetool_url):
    with GrammarChecker(GrammarSettings(mode="server", server_url=languagetool_url)) as checker:
        said = checker.probe().result(timeout=60)
    assert said.startswith("LanguageTool 6.") and "1 problem in the test sentence" in said, said


def test_probe_of_a_server_that_is_not_there_says_so_in_one_line():
    with GrammarChecker(GrammarSettings(mode="server", server_url="http://127.0.0.1:9")) as checker:
        with pytest.raises(Exception) as failed:
            checker.probe().result(timeout=60)
    assert "did not answer" in str(failed.value) and "\n" not in str(failed.value)


def test_a_server_name_that_does_not_exist_is_told_in_words():
    with GrammarChecker(GrammarSettings(mode="server", server_url="http://lt.example.invalid:8081")) as checker:
        with pytest.raises(Exception) as failed:
            checker.probe().result(timeout=60)
    said = str(failed.value)
    assert "urlopen" not in said and "Errno" not in said and "lt.example.invalid" in said, said
