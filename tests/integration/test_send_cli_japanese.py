"""`outagewriter send` in a Japanese locale: what it prints is Japanese, what it sends is unchanged."""
from __future__ import annotations

import pytest
from send_helpers import add_account, addresses, ow, write_incident

pytestmark = pytest.mark.integration

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _with_lang(env: dict, lang: str) -> dict:
    return {**{k: v for k, v in env.items() if k not in LOCALE_VARIABLES}, "LANG": lang}


def test_send_summary_in_japanese(cli_env, smtp_server, account_name, real_keyring, tmp_path):
    japanese = _with_lang(cli_env, "ja_JP.UTF-8")
    added = add_account(japanese, smtp_server, account_name)
    assert "パスワードをシステムのキーリングに保存しました。" in added.stdout
    path = write_incident(tmp_path, addresses(3))
    proc = ow(japanese, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "通知1: 宛先3件中3件が受け付けられました。"
    assert lines[1].endswith("に保存しました") and lines[1].startswith(str(tmp_path))
    assert "  宛先3件中3件から応答がありました" in proc.stderr.splitlines()  # the progress lines
    assert smtp_server.delivered() == {a: 1 for a in addresses(3)}
    again = ow(_with_lang(cli_env, "C.UTF-8"), "send", path, "--account", account_name, "--yes")
    assert again.returncode == 2 and "Every recipient has this notice already" in again.stderr
