"""Bilingual incidents from the command line, through `outagewriter`'s main() and the file on disk."""
from __future__ import annotations

import json

import pytest

from outagewriter.cli import main


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OUTAGEWRITER_CONFIG_DIR", str(tmp_path / "config"))

    def run(*args):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def made(tmp_path, cli):
    path = tmp_path / "payments.outage"
    assert cli("new", path, "--title", "カード決済の障害", "--service", "Acme Pay",
               "--lang", "ja", "--second-lang", "en")[0] == 0
    return path


def saved(path) -> dict:
    return json.loads(path.read_text("utf-8"))


def test_new_with_a_second_language_and_set_its_text(made, cli):
    assert saved(made)["incident"]["language"] == "ja" and saved(made)["incident"]["second_language"] == "en"
    code, _, err = cli("set", made, "summary=一部のお客様でカード決済ができません。",
                       "summary@en=Card payments fail for some customers.", "title@en=Card payments failing")
    assert code == 0, err
    notice = saved(made)["notices"][0]
    assert notice["fields"]["summary"] == "一部のお客様でカード決済ができません。"
    assert notice["translation"] == {"summary": "Card payments fail for some customers.",
                                     "title": "Card payments failing"}


def test_languages_shows_both_texts(made, cli):
    cli("set", made, "summary=決済ができません。", "summary@en=Payments fail.")
    code, out, _ = cli("languages", made)
    assert code == 0
    assert out.splitlines()[0] == "Languages: Japanese, then English"
    assert "summary: 決済ができません。\nsummary@en: Payments fail.\n" in out


def test_set_refuses_a_language_the_incident_is_not_written_in(made, cli):
    before = made.read_bytes()
    code, _, err = cli("set", made, "summary=決済ができません。", "summary@fr=Les paiements échouent.")
    assert code == 2
    assert err.strip() == "outagewriter set: summary@fr: this incident's second language is en, not 'fr'"
    assert made.read_bytes() == before


def test_dropping_a_language_with_text_needs_force(made, cli):
    cli("set", made, "summary@en=Payments fail.")
    before = made.read_bytes()
    code, _, err = cli("languages", made, "ja")
    assert code == 2 and made.read_bytes() == before
    assert "notice 1: the English text of Summary" in err and "--force" in err
    code, out, _ = cli("languages", made, "ja", "--force")
    assert code == 0 and out == "Notices are written in Japanese.\n"
    assert "second_language" not in saved(made)["incident"] and "translation" not in saved(made)["notices"][0]


def test_swapping_the_order_from_the_command_line(made, cli):
    cli("set", made, "summary=決済ができません。", "summary@en=Payments fail.")
    assert cli("languages", made, "en", "ja")[0] == 0
    notice = saved(made)["notices"][0]
    assert (saved(made)["incident"]["language"], notice["fields"]["summary"], notice["translation"]["summary"]) \
        == ("en", "Payments fail.", "決済ができません。")


def test_check_names_the_missing_second_text(tmp_path, cli):
    path = tmp_path / "english-first.outage"
    cli("new", path, "--title", "Card payments failing", "--service", "Acme Pay", "--second-lang", "ja")
    cli("set", path, "impact=Card payments fail with an error message.", "title@ja=カード決済の障害",
        "service@ja=Acme Pay")
    code, out, _ = cli("check", path, "--quick")
    assert code == 1
    assert ("impact@ja:0-0 error structure structure.translation-missing: The Japanese text of "
            "What does not work now is missing") in out
    assert "title@ja" not in out
