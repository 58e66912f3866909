"""Unit tests of the LanguageTool glue: JSON -> Finding, Java lookup, plain-words failures."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from outagewriter.core.checks.grammar import (
    GrammarChecker,
    GrammarSettings,
    GrammarUnavailable,
    matches_to_findings,
    utf16_to_python_index,
)
from outagewriter.core.checks.languagetool_server import (
    LanguageToolServer,
    LanguageToolServerError,
    NoJarsFound,
    find_java,
    free_port,
)


def lt_match(offset, length, rule_id="SOME_RULE", issue="grammar", replacements=(), message="Hmm."):
    """The shape of one entry of LanguageTool's /v2/check "matches" (offsets in UTF-16 units)."""
    return {
        "message": message,
        "offset": offset,
        "length": length,
        "replacements": [{"value": r} for r in replacements],
        "rule": {"id": rule_id, "issueType": issue, "category": {"id": "GRAMMAR"}},
    }


def utf16_span(text, sub):
    start = len(text[: text.index(sub)].encode("utf-16-le")) // 2
    return start, len(sub.encode("utf-16-le")) // 2


@pytest.mark.parametrize(
    "text, sub",
    [
        ("Our servce is down.", "servce"),
        ("😀 Our servce is down.", "servce"),
        ("😀😀 障害 🚀 servce", "servce"),
        ("障害は解決なる見込み", "解決なる"),
        ("a 😀😀 b", "😀😀 b"),  # the span itself holds characters outside the BMP
        ("𠮷野家 servce", "servce"),  # a Japanese character outside the BMP
    ],
)
def test_utf16_offsets_become_python_indices(text, sub):
    offset, length = utf16_span(text, sub)
    [finding] = matches_to_findings([lt_match(offset, length)], text, "summary")
    assert text[finding.start : finding.end] == sub == finding.match
    assert finding.start == text.index(sub)


def test_utf16_index_clamps_past_the_end():
    to_python = utf16_to_python_index("😀a")
    assert [to_python(i) for i in range(5)] == [0, 0, 1, 2, 2]


def test_categories_severities_and_suggestions():
    text = "Our servce is down. We is very very sorry."
    matches = [
        lt_match(4, 6, "MORFOLOGIK_RULE_EN_US", "misspelling", ["service", "serve", "a", "b", "c", "d", "e"]),
        lt_match(23, 2, "PERS_PRONOUN_AGREEMENT", "grammar", ["are"]),
        lt_match(26, 9, "EN_REPEATEDWORDS_VERY", "style", ["very"]),
        lt_match(20, 2, "SOME_TYPO_RULE", "typographical"),
    ]
    spelling, grammar, style, typo = matches_to_findings(matches, text, "impact")
    assert (spelling.category, spelling.severity, spelling.match) == ("spelling", "warning", "servce")
    assert spelling.suggestions == ("service", "serve", "a", "b", "c")
    assert spelling.rule == "languagetool/MORFOLOGIK_RULE_EN_US"
    assert (grammar.category, grammar.severity, grammar.match) == ("grammar", "warning", "is")
    assert (style.category, style.severity) == ("grammar", "suggestion")
    assert (typo.category, typo.severity) == ("grammar", "suggestion")
    assert {f.field for f in (spelling, grammar, style, typo)} == {"impact"}


def test_speller_rule_without_issue_type_is_spelling():
    [finding] = matches_to_findings([lt_match(0, 3, "HUNSPELL_RULE", issue="other")], "Teh end", "f")
    assert finding.category == "spelling"


def test_custom_words_drop_only_spelling_findings():
    text = "Zorbly is down. zorbly are down."
    matches = [
        lt_match(0, 6, "MORFOLOGIK_RULE_EN_US", "misspelling"),
        lt_match(16, 6, "MORFOLOGIK_RULE_EN_US", "misspelling"),
        lt_match(16, 10, "AGREEMENT", "grammar"),
    ]
    findings = matches_to_findings(matches, text, "summary", custom_words=("Zorbly",))
    assert [(f.category, f.match) for f in findings] == [("grammar", "zorbly are")]


def test_off_mode_checks_nothing_and_starts_nothing():
    with GrammarChecker(GrammarSettings(mode="off")) as checker:
        assert checker.check_fields({"summary": "We is servce."}) == []
        assert checker.server is None


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError):
        GrammarSettings(mode="cloud")


def make_executable(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


@pytest.fixture
def no_java(monkeypatch, tmp_path):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("JAVA_HOME", raising=False)


def jar_folder(tmp_path) -> Path:
    folder = tmp_path / "lt"
    folder.mkdir()
    (folder / "languagetool-server-6.8.jar").write_bytes(b"")
    return folder


@pytest.mark.parametrize("mode", ["jars", "local"])
def test_missing_java_is_one_plain_error(no_java, tmp_path, mode):
    settings = GrammarSettings(mode=mode, jar_folder=str(jar_folder(tmp_path)))
    with GrammarChecker(settings) as checker:
        with pytest.raises(GrammarUnavailable) as caught:
            checker.check_fields({"summary": "Our servce is down."})
    assert str(caught.value) == "Grammar checks are off: Java 17 was not found. Tone checks still work."


@pytest.mark.skipif(os.name != "posix", reason="fake java is a shell script")
def test_find_java_prefers_java_home_then_path(tmp_path):
    home_java = make_executable(tmp_path / "jdk" / "bin" / "java", "exit 0")
    path_java = make_executable(tmp_path / "bin" / "java", "exit 0")
    assert find_java({"JAVA_HOME": str(tmp_path / "jdk"), "PATH": str(path_java.parent)}) == str(home_java)
    assert find_java({"JAVA_HOME": str(tmp_path / "nowhere"), "PATH": str(path_java.parent)}) == str(path_java)
    assert find_java({"PATH": str(tmp_path / "empty")}) is None


@pytest.mark.skipif(os.name != "posix", reason="fake java is a shell script")
def test_folder_without_jars_is_a_plain_error(tmp_path, monkeypatch):
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "jdk"))
    make_executable(tmp_path / "jdk" / "bin" / "java", "exit 0")
    with pytest.raises(NoJarsFound, match="fetch-languagetool"):
        LanguageToolServer(tmp_path / "empty").start()
    settings = GrammarSettings(mode="jars", jar_folder=str(tmp_path / "empty"))
    with GrammarChecker(settings) as checker:
        with pytest.raises(GrammarUnavailable, match="no LanguageTool files in"):
            checker.check_fields({"summary": "text"})


@pytest.mark.skipif(os.name != "posix", reason="fake java is a shell script")
def test_a_server_that_dies_at_start_reports_its_log(tmp_path):
    java = make_executable(tmp_path / "java", "echo 'Error: could not find HTTPServer' ; exit 1")
    server = LanguageToolServer(jar_folder(tmp_path), java=str(java), startup_timeout=10)
    with pytest.raises(LanguageToolServerError, match="could not find HTTPServer"):
        server.start()
    assert not server.is_running()


@pytest.mark.skipif(os.name != "posix", reason="fake java is a shell script")
def test_old_java_is_named(tmp_path):
    java = make_executable(tmp_path / "java", "echo 'java.lang.UnsupportedClassVersionError: x' ; exit 1")
    settings = GrammarSettings(mode="jars", jar_folder=str(jar_folder(tmp_path)))
    server = LanguageToolServer(settings.jar_folder, java=str(java))
    with pytest.raises(LanguageToolServerError, match="Java 17 or newer"):
        server.start()


def test_unreachable_server_is_a_plain_error():
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    with GrammarChecker(GrammarSettings(mode="server", server_url=url, request_timeout=5)) as checker:
        with pytest.raises(GrammarUnavailable, match="did not answer"):
            checker.check_fields({"summary": "Our servce is down."})


@pytest.mark.parametrize("url", ["", "lt.example:8081", "ftp://lt.example"])
def test_bad_server_address_is_a_plain_error(url):
    with GrammarChecker(GrammarSettings(mode="server", server_url=url)) as checker:
        with pytest.raises(GrammarUnavailable, match="not a LanguageTool server address"):
            checker.check_fields({"summary": "text"})


def test_server_command_uses_separate_option_values(tmp_path):
    server = LanguageToolServer(tmp_path, java="java", port=8123)
    command = server.command()
    assert command[-2:] == ["--port", "8123"]
    assert "--allow-origin" not in command and "--public" not in command  # private, loopback only
    assert command[command.index("--port") + 1] == "8123"
    assert "org.languagetool.server.HTTPServer" in command
    assert command[command.index("-cp") + 1].endswith(os.sep + "*")


# Offsets and "sentence" exactly as LanguageTool 6.8 answered for language ja-JP: it counts
# a sentence's characters without its spaces, and sends that stripped sentence.
@pytest.mark.parametrize(
    "text, offset, sentence",
    [
        ("A B 問題は解決なる見込みです。", 5, "AB問題は解決なる見込みです。"),
        ("😀😀 問題は解決なる見込みです。", 7, "😀😀問題は解決なる見込みです。"),
        ("障害。 Zorbly の問題は解決なる見込みです。", 13, "Zorblyの問題は解決なる見込みです。"),
        ("障害。\n\nZorbly の問題は解決なる見込みです。", 15, "Zorblyの問題は解決なる見込みです。"),
        ("障害。\n \n問題は 解決なる見込みです。", 9, "問題は解決なる見込みです。"),
        ("障害。\r\n\r\n問題は 解決なる見込みです。", 10, "問題は解決なる見込みです。"),
        ("障害。\n 問題は 解決なる見込みです。", 6, "障害。問題は解決なる見込みです。"),
        ("😀。問題は解決なる見込みです。", 6, "😀。問題は解決なる見込みです。"),  # verbatim: offset is right
    ],
)
def test_japanese_offsets_counted_without_spaces_are_realigned(text, offset, sentence):
    match = lt_match(offset, 4, "KAIKETUNARU", "uncategorized", ["解決になる"])
    match["sentence"] = sentence
    [finding] = matches_to_findings([match], text, "summary")
    assert finding.match == "解決なる" == text[finding.start : finding.end]


def test_a_repeated_sentence_keeps_each_match_in_its_own_sentence():
    text = "AB問題は解決なる見込み。 A B 問題は解決なる見込み。"
    first = lt_match(5, 4, "KAIKETUNARU")
    first["sentence"] = "AB問題は解決なる見込み。"
    second = dict(lt_match(18, 4, "KAIKETUNARU"), sentence="AB問題は解決なる見込み。")
    spans = [(f.start, f.end) for f in matches_to_findings([first, second], text, "s")]
    assert spans == [(5, 9), (21, 25)]


def test_the_technical_appendix_skips_spacing_typography_and_spelling_but_not_grammar():
    text = "Host  db-7 ECONNRESET.  We is retrying."
    matches = [
        lt_match(4, 2, "WHITESPACE_RULE", "whitespace", [" "]),
        lt_match(11, 10, "MORFOLOGIK_RULE_EN_US", "misspelling"),
        lt_match(22, 2, "DOUBLE_PUNCTUATION", "typographical"),
        lt_match(27, 2, "PERS_PRONOUN_AGREEMENT", "grammar", ["are"]),
    ]
    [kept] = matches_to_findings(matches, text, "appendix")
    assert kept.match == "is" and kept.category == "grammar"
    assert len(matches_to_findings(matches, text, "summary")) == 4  # prose fields keep them all


def test_own_organisation_names_are_never_misspelt():
    from outagewriter.core.settings import Settings

    settings = GrammarSettings.from_settings(Settings(grammar_mode="server", grammar_server_url="http://x:1",
                                                      grammar_custom_words=("PayGate",),
                                                      own_names=("Northwind", "Acme Pay")))
    assert settings.custom_words == ("PayGate", "Northwind", "Acme", "Pay")
    text = "Northwind is down."
    assert matches_to_findings([lt_match(0, 9, "MORFOLOGIK_RULE_EN_US", "misspelling")], text, "summary",
                               settings.custom_words) == []
