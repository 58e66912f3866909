"""`outagewriter send` in a Japanese locale: what it prints is Japanese, what it sends is unchanged."""
from __future__ import annotations

import pytest
from send_helpers import add_account, addresses, ow, write_incident

from outagewriter.core.mail.archive import archive_folder

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


def _partly_sent(cli_env, faulty_smtp, account_name, tmp_path):
    """Four recipients, the second refused by the server: a retry would reach it."""
    to = addresses(4)
    faulty_smtp.faults.rcpt = {to[1]: "550 5.1.1 No such user here"}
    add_account(cli_env, faulty_smtp, account_name)
    path = write_incident(tmp_path, to)
    proc = ow(_with_lang(cli_env, "ja_JP.UTF-8"), "send", path, "--account", account_name, "--yes")
    faulty_smtp.faults.rcpt = {}
    return path, to, proc


def test_a_refused_recipient_is_told_in_japanese(cli_env, faulty_smtp, account_name, real_keyring, tmp_path):
    path, to, proc = _partly_sent(cli_env, faulty_smtp, account_name, tmp_path)
    assert proc.returncode == 1
    assert (f"宛先4件中1件が受け付けられませんでした: {to[1]}（550 5.1.1 No such user here）。"
            "これらのアドレスをご確認ください。もう一度送信すると、まだ受け取っていない宛先にだけ届きます。") in proc.stdout
    assert "were not accepted" not in proc.stdout and "Check these addresses" not in proc.stdout


def test_a_changed_archive_stops_the_retry_in_japanese(cli_env, faulty_smtp, account_name, real_keyring, tmp_path):
    path, to, _first = _partly_sent(cli_env, faulty_smtp, account_name, tmp_path)
    archived, = archive_folder(path).glob("*.eml")
    archived.write_bytes(archived.read_bytes().replace(b"Card payments", b"Card paymentz"))
    proc = ow(_with_lang(cli_env, "ja_JP.UTF-8"), "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    name = f"{archive_folder(path).name}/{archived.name}"
    assert (f"通知1を残りの宛先に送信できません: アーカイブ {name} は通知の最初の送信後に変更されています"
            "（SHA-256が送信時に記録したものと異なります）。何も送信していません。") in proc.stderr
    assert "cannot be sent" not in proc.stderr and "was changed" not in proc.stderr
    assert faulty_smtp.delivered() == {a: 1 for a in to if a != to[1]}


def test_a_restored_older_copy_is_refused_in_japanese(cli_env, smtp_server, account_name, real_keyring, tmp_path):
    add_account(cli_env, smtp_server, account_name)
    path = write_incident(tmp_path, addresses(2))
    before_sending = path.read_bytes()
    assert ow(cli_env, "send", path, "--account", account_name, "--yes").returncode == 0
    archived, = archive_folder(path).glob("*.eml")
    path.write_bytes(before_sending)
    proc = ow(_with_lang(cli_env, "ja_JP.UTF-8"), "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"通知1は送信済みの可能性があります。ファイルと同じ場所にある {archived.parent.name}/{archived.name} に" in proc.stderr
    assert f"{archived.name} を {archived.parent.name}/ の外へ移動してから" in proc.stderr
    assert "may have been sent already" not in proc.stderr
