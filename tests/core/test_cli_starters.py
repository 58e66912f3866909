"""`outagewriter starters`, and `new`/`set` with --starter, as a user runs them: a real process, or main()
where a test changes what the package ships."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from outagewriter.cli import main
from outagewriter.commands.base import EXIT_USAGE
from outagewriter.core.session import starters as starters_module
from outagewriter.core.session.starters import load_library


def run(*args, cwd):
    env = dict(os.environ, OUTAGEWRITER_CONFIG_DIR=str(cwd / "config"))
    return subprocess.run([sys.executable, "-m", "outagewriter", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def _fields(path, number=-1):
    return json.loads(path.read_text("utf-8"))["notices"][number]["fields"]


def test_starters_lists_those_for_a_kind_with_their_summary(tmp_path):
    result = run("starters", "--kind", "maintenance", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    names = [line.split()[0] for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert names == ["maintenance-announcement", "maintenance-reminder", "maintenance-start",
                     "maintenance-extension", "maintenance-completion"]
    assert "planned maintenance on [service]" in result.stdout
    assert result.stderr == ""


def test_new_with_a_starter_fills_the_first_notice(tmp_path):
    path = tmp_path / "logins.outage"
    result = run("new", path, "--title", "Logins failing", "--service", "Portal", "--starter", "investigating",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    starter = load_library().get("investigating")
    fields = _fields(path)
    assert {name: fields[name] for name in starter.fields} == starter.fields
    assert fields["title"] == "Logins failing"


def test_set_with_a_starter_keeps_typed_text_unless_told_to_overwrite(tmp_path):
    path = tmp_path / "logins.outage"
    assert run("new", path, "--title", "Logins failing", "--service", "Portal", cwd=tmp_path).returncode == 0
    assert run("set", path, "impact=Nobody can sign in.", "to=customers@acme.example", cwd=tmp_path).returncode == 0

    result = run("set", path, "--starter", "full-outage", "contact_name=Jana Novák", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ("outagewriter set: kept the text already in What does not work now "
                                     "(add --overwrite to replace it with the starting text)")
    starter, fields = load_library().get("full-outage"), _fields(path)
    assert fields["impact"] == "Nobody can sign in."
    assert fields["summary"] == starter.fields["summary"]
    assert (fields["contact_name"], fields["to"]) == ("Jana Novák", "customers@acme.example")

    assert run("set", path, "--starter", "full-outage", "--overwrite", cwd=tmp_path).returncode == 0
    assert _fields(path)["impact"] == starter.fields["impact"]
    assert _fields(path)["to"] == "customers@acme.example"

    checked = run("check", path, cwd=tmp_path)
    assert "structure.placeholder-left" in checked.stdout


def test_a_starter_that_does_not_exist_or_fit_is_one_line_and_the_file_is_untouched(tmp_path):
    path = tmp_path / "logins.outage"
    assert run("new", path, "--title", "Logins failing", "--service", "Portal", cwd=tmp_path).returncode == 0
    before = path.read_bytes()
    for name, said in (("nope", "there is no starting text 'nope'"),
                       ("resolved", "'resolved' is for resolution notices, not initial")):
        result = run("set", path, "--starter", name, cwd=tmp_path)
        assert result.returncode == 2
        assert len(result.stderr.splitlines()) == 1 and said in result.stderr
    assert path.read_bytes() == before
    assert not (tmp_path / "other.outage").exists()
    result = run("new", tmp_path / "other.outage", "--title", "T", "--service", "S", "--starter", "nope", cwd=tmp_path)
    assert result.returncode == 2 and not (tmp_path / "other.outage").exists()


def test_a_bad_user_file_is_one_line_and_the_list_goes_on(tmp_path):
    folder = tmp_path / "config" / "starters"
    folder.mkdir(parents=True)
    (folder / "broken.json").write_text("{nope", encoding="utf-8")
    (folder / "acme.json").write_text(json.dumps({"starters": [
        {"name": "payments-down", "title": "Payments down", "kinds": ["initial"],
         "fields": {"summary": "Card payments in [service] fail since [time]."}}]}), encoding="utf-8")
    result = run("starters", "--kind", "initial", cwd=tmp_path)
    assert result.returncode == 0
    [problem] = result.stderr.splitlines()
    assert problem.startswith("outagewriter: starting texts broken.json: not valid JSON")
    assert "payments-down  Payments down (initial, from acme.json)" in result.stdout


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    """`outagewriter` through its main(), in the locale given; what it printed and its exit code."""
    monkeypatch.setenv("OUTAGEWRITER_CONFIG_DIR", str(tmp_path / "config"))
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)

    def run_main(*args, locale="C.UTF-8"):
        monkeypatch.setenv("LANG", locale)
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err
    return run_main


def test_new_japanese_incident_from_a_starter_holds_its_japanese_text(tmp_path, cli):
    path = tmp_path / "login.outage"
    code, _out, err = cli("new", path, "--title", "ログイン障害", "--service", "会員ポータル", "--lang", "ja",
                          "--starter", "investigating")
    assert (code, err) == (0, "")
    fields = _fields(path)
    assert fields["summary"].startswith("［時刻］頃より、［サービス名］において")
    assert fields["summary"] == load_library("ja").get("investigating").summary
    assert (fields["status"], fields["data_loss"]) == ("investigating", "unknown")


@pytest.mark.parametrize("locale, said", [
    ("C.UTF-8", "outagewriter new: there are no starting texts for notices in Japanese\n"),
    ("ja_JP.UTF-8", "outagewriter new: 日本語の通知に使えるひな形はありません\n"),
])
def test_a_language_with_no_starting_texts_is_one_line_and_no_file_is_written(tmp_path, monkeypatch, cli,
                                                                                locale, said):
    shipped = tmp_path / "shipped"
    (shipped / "starters").mkdir(parents=True)  # a package whose Japanese starters are missing
    monkeypatch.setattr(starters_module, "resource", lambda *parts: shipped.joinpath(*parts))
    path = tmp_path / "login.outage"
    code, out, err = cli("new", path, "--title", "ログイン障害", "--service", "会員ポータル", "--lang", "ja",
                         "--starter", "investigating", locale=locale)
    assert (code, out, err) == (EXIT_USAGE, "", said)
    assert not path.exists()
