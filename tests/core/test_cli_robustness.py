"""The command line given odd numbers, folders and settings files: one line that says what is wrong and
what to give instead, never a traceback; notices that are not errors printed as notices."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def run(*args, cwd, lang="C.UTF-8", config=None, input=None):
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    env.update(LANG=lang, TZ="UTC", OUTAGEWRITER_CONFIG_DIR=str(config or cwd / "config"), PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "outagewriter", *map(str, args)], cwd=cwd, env=env, input=input,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


def one_line(proc) -> str:
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1, proc.stderr
    return proc.stderr.rstrip("\n")


@pytest.fixture
def made(tmp_path):
    path = tmp_path / "payments.outage"
    proc = run("new", path, "--title", "Card payments failing", "--service", "Acme Pay", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return path


@pytest.fixture
def account(tmp_path):
    """A mail account whose server nobody answers at (nothing gets as far as connecting here)."""
    proc = run("accounts", "add", "acme", "--host", "127.0.0.1", "--port", "2", "--security", "none",
               "--from", "ops@acme.example", "--no-login", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return "acme"


# --- --timeout ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("seconds", ["0", "-1", "nan", "inf", "1e400", "1e12", "soon"])
def test_a_timeout_that_is_not_a_positive_number_of_seconds_is_refused_in_one_line(tmp_path, account, seconds):
    proc = run("accounts", "test", account, "--password-stdin", "--timeout", seconds, cwd=tmp_path, input="pw\n")
    assert proc.returncode == 2
    assert one_line(proc) == (f"outagewriter accounts test: argument --timeout: {seconds!r} is not a number of "
                              "seconds above 0 and at most 86400 (for example 30) "
                              "(see outagewriter accounts test --help)")


def test_send_refuses_a_zero_timeout_before_anything_else(tmp_path, made, account):
    proc = run("send", made, "--account", account, "--yes", "--timeout", "0", cwd=tmp_path)
    assert proc.returncode == 2
    assert "argument --timeout: '0' is not a number of seconds above 0" in one_line(proc)


def test_the_timeout_refusal_in_japanese_names_the_value(tmp_path, account):
    proc = run("accounts", "test", account, "--timeout", "-1", cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.returncode == 2
    line = one_line(proc)
    assert "--timeout" in line and "'-1'" in line and "86400" in line
    assert "秒数" in line and "not a number" not in line


def test_a_usable_timeout_still_reaches_the_connection(tmp_path, account):
    proc = run("accounts", "test", account, "--timeout", "0.5", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stderr.startswith("Connection test failed: ")


# --- export -o ---------------------------------------------------------------------------------------

def test_export_into_a_folder_writes_the_file_under_the_incidents_name(tmp_path, made):
    out = tmp_path / "records"
    out.mkdir()
    proc = run("export", made, "-o", out, cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == f"Exported to {out / 'payments.md'}\n"
    assert (out / "payments.md").read_text("utf-8").startswith("# Card payments failing")
    assert [p.name for p in out.iterdir()] == ["payments.md"]  # no temporary file left behind

    proc = run("export", made, "--format", "html", "-o", ".", cwd=tmp_path)
    assert proc.returncode == 0 and (tmp_path / "payments.html").read_text("utf-8").lstrip().startswith("<!DOCTYPE")


def test_export_to_a_folder_that_does_not_exist_says_so(tmp_path, made):
    proc = run("export", made, "-o", "missing/", cwd=tmp_path)
    assert proc.returncode == 2
    assert one_line(proc) == "outagewriter export: -o missing/: there is no such folder"
    assert not (tmp_path / "missing").exists()


def test_export_to_a_file_still_writes_that_file(tmp_path, made):
    proc = run("export", made, "-o", "notes.md", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == "Exported to notes.md\n"
    assert (tmp_path / "notes.md").is_file()


def test_export_into_a_folder_in_japanese(tmp_path, made):
    proc = run("export", made, "-o", "nowhere/", cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.returncode == 2
    line = one_line(proc)
    assert "nowhere/" in line and "フォルダー" in line and "no such folder" not in line
    proc = run("export", made, "-o", ".", cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.returncode == 0 and "payments.md" in proc.stdout and "Exported" not in proc.stdout


def test_a_write_over_a_folder_names_the_folder_not_a_temporary_file(tmp_path):
    from outagewriter.core.storage.atomic import atomic_write_text

    (tmp_path / "taken").mkdir()
    with pytest.raises(OSError) as caught:
        atomic_write_text(tmp_path / "taken", "text")
    assert caught.value.filename == str(tmp_path / "taken")
    assert [p.name for p in tmp_path.iterdir()] == ["taken"]


# --- accounts.json with one bad entry ----------------------------------------------------------------

def _break_port(tmp_path, name):
    path = tmp_path / "config" / "accounts.json"
    data = json.loads(path.read_text("utf-8"))
    next(a for a in data["accounts"] if a["name"] == name)["port"] = "abc"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_accounts_list_names_the_broken_account_and_lists_the_others(tmp_path, account):
    proc = run("accounts", "add", "relay", "--host", "relay.lan", "--security", "none", "--from", "ops@acme.example",
               "--no-login", "--port", "25", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    path = _break_port(tmp_path, account)
    proc = run("accounts", "list", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.startswith("relay\tops@acme.example\trelay.lan:25\tnone\t-\tno login\n")
    assert proc.stdout.count("\n") == 1  # acme is not listed as if it worked
    assert proc.stderr.splitlines()[0] == (
        f"outagewriter accounts: {path}: account 'acme': port: 'abc' is not a port number (1 to 65535) (fix it in "
        "the file, or replace it with `outagewriter accounts add NAME ... --replace`)")
    proc = run("accounts", "test", account, cwd=tmp_path)  # that account alone is refused, naming itself
    assert proc.returncode == 2 and one_line(proc).startswith(f"outagewriter accounts: {path}: account 'acme': port")
    proc = run("accounts", "add", account, "--host", "127.0.0.1", "--port", "2", "--security", "none",
               "--from", "ops@acme.example", "--no-login", "--replace", cwd=tmp_path)
    assert proc.returncode == 0 and run("accounts", "list", cwd=tmp_path).returncode == 0  # mended


def test_a_broken_account_in_japanese_is_named(tmp_path, account):
    _break_port(tmp_path, account)
    proc = run("accounts", "list", cwd=tmp_path, lang="ja_JP.UTF-8")
    assert proc.returncode == 1
    line = proc.stderr.splitlines()[0]
    assert "'acme'" in line and "'abc'" in line and "--replace" in line
    assert "アカウント" in line and "fix it" not in line and "account 'acme'" not in line


# --- set after an approval ---------------------------------------------------------------------------

@pytest.fixture
def approved(tmp_path, made):
    """Notice 1 in `made`, written by jana and approved by petr on his own machine."""
    jana, petr = tmp_path / "jana", tmp_path / "petr"
    for who, folder in (("jana", jana), ("petr", petr)):
        folder.mkdir()
        (folder / "settings.json").write_text(json.dumps({"user_name": who}), encoding="utf-8")
    for args, config in ((("set", made, "summary=Payments fail.", "to=a@x.example"), jana),
                         (("request-review", made, "--reviewer", "petr"), jana),
                         (("approve", made, "--reviewer", "Petr"), petr)):
        proc = run(*args, cwd=tmp_path, config=config)
        assert proc.returncode == 0, proc.stderr
    return made, jana


def test_set_after_an_approval_prints_a_notice_not_an_error(tmp_path, approved):
    made, jana = approved
    proc = run("set", made, "summary=Payments fail for a third of customers.", cwd=tmp_path, config=jana)
    assert proc.returncode == 0 and proc.stdout == ""
    first, *diff = proc.stderr.splitlines()
    assert first == (f"Note: notice 1 needs a new approval (approval void: changed after approval); ask for a review "
                     f"again with `outagewriter request-review {made}`.")
    assert not proc.stderr.startswith("outagewriter set:") and "outagewriter set:" not in proc.stderr
    assert diff[0].startswith("text: ") and "{+fail for a third of customers.+}" in diff[0]


def test_set_after_an_approval_in_japanese(tmp_path, approved):
    made, jana = approved
    proc = run("set", made, "summary=Payments fail for a third of customers.", cwd=tmp_path, config=jana,
               lang="ja_JP.UTF-8")
    assert proc.returncode == 0
    first = proc.stderr.splitlines()[0]
    assert str(made) in first and "request-review" in first and "通知1" in first
    assert "Note:" not in first and "outagewriter set:" not in first
