"""A Japanese notice drafted, approved and sent from the command line: real processes, the real keyring,
a real SMTP server with STARTTLS and AUTH. What is checked is the bytes the server received, decoded by
hand (RFC 2047 words and base64 bodies), not the message parsed back by the library that wrote it."""
from __future__ import annotations

import base64
import json
import re

import pytest
from send_helpers import ow

pytestmark = pytest.mark.integration

AUTHOR, REVIEWER = "山田 花子", "佐藤 一郎"
SENDER_NAME = "株式会社エクサンプル 障害対応窓口"
SUMMARY = ("2026年11月27日 9時40分頃より、決済APIで一部のお支払いがエラーとなっております。"
           "お手数ですが、失敗したお支払いは次回のご案内の後に再度お試しください。")
ENCODED_WORD = re.compile(rb"=\?utf-8\?([bq])\?([^?]*)\?=", re.IGNORECASE)


def _ok(proc):
    assert proc.returncode == 0, proc.stderr
    return proc


def _headers(raw: bytes) -> dict[str, bytes]:
    head = raw.split(b"\r\n\r\n", 1)[0]
    unfolded = re.sub(rb"\r\n(?=[ \t])", b"", head)
    return {line.split(b":", 1)[0].decode().lower(): line.split(b":", 1)[1].strip()
            for line in unfolded.split(b"\r\n")}


def _decode_header(value: bytes) -> str:
    """RFC 2047 by hand: encoded words become their UTF-8 text; whitespace between two words goes."""
    value = re.sub(rb"(\?=)\s+(=\?)", rb"\1\2", value)

    def word(match):
        data = match.group(2)
        if match.group(1).lower() == b"b":
            return base64.b64decode(data)
        return re.sub(rb"=([0-9A-F]{2})", lambda m: bytes([int(m.group(1), 16)]), data.replace(b"_", b" "))
    return ENCODED_WORD.sub(word, value).decode("utf-8")


def _text_part(raw: bytes) -> tuple[bytes, str]:
    boundary = re.search(rb'boundary="([^"]+)"', raw).group(1)
    for chunk in raw.split(b"--" + boundary)[1:-1]:
        head, _, body = chunk.strip(b"\r\n").partition(b"\r\n\r\n")
        if b"Content-Type: text/plain" in head:
            assert b'charset="utf-8"' in head
            assert b"Content-Transfer-Encoding: base64" in head
            return head, base64.b64decode(body).decode("utf-8").replace("\r\n", "\n")
    raise AssertionError("no text/plain part")


@pytest.fixture
def japanese_env(cli_env, config_dir, smtp_server, account_name, real_keyring, tmp_path):
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "settings.json").write_text(json.dumps({"user_name": AUTHOR}), encoding="utf-8")
    _ok(ow(cli_env, "accounts", "add", account_name, "--host", "127.0.0.1", "--port", smtp_server.port,
           "--security", smtp_server.security, "--user", smtp_server.user, "--from", smtp_server.user,
           "--from-name", SENDER_NAME, "--password-stdin", stdin=smtp_server.password + "\n"))
    reviewer = tmp_path / "reviewer-config"
    reviewer.mkdir()
    (reviewer / "settings.json").write_text(json.dumps({"user_name": REVIEWER}), encoding="utf-8")
    return cli_env, dict(cli_env, OUTAGEWRITER_CONFIG_DIR=str(reviewer))


def test_a_japanese_notice_reaches_the_server_as_japanese_mail(japanese_env, smtp_server, account_name, tmp_path):
    env, reviewer_env = japanese_env
    path = tmp_path / "決済障害.outage"
    _ok(ow(env, "new", path, "--lang", "ja", "--title", "決済APIの障害", "--service", "決済API"))
    _ok(ow(env, "set", path, f"summary={SUMMARY}", "impact=カード決済の一部がエラーとなります。",
           "data_loss=none", "contact_name=山田 花子", "contact_email=support@example.jp",
           "next_update=2026-11-27T11:00+09:00[Asia/Tokyo]",
           "to=田中 太郎 <taro@example.jp>, ops@example.com"))
    _ok(ow(env, "request-review", path))
    _ok(ow(reviewer_env, "approve", path, "--reviewer", REVIEWER))
    _ok(ow(env, "send", path, "--account", account_name, "--yes"))

    received = smtp_server.received[-1]
    raw = received.data
    assert raw.isascii()  # RFC 2047 headers and base64 bodies: no server needs SMTPUTF8 or 8BITMIME
    headers = _headers(raw)
    subject = _decode_header(headers["subject"])
    assert subject.startswith("【障害のお知らせ】") and "決済APIの障害" in subject
    assert _decode_header(headers["from"]) == f"{SENDER_NAME} <{smtp_server.user}>"
    # Only what is not ASCII is encoded: the addresses stay readable in the raw header.
    assert b"<taro@example.jp>" in headers["to"] and b"ops@example.com" in headers["to"]
    assert _decode_header(headers["to"]) == "田中 太郎 <taro@example.jp>, ops@example.com"
    assert sorted(received.rcpt_tos) == ["ops@example.com", "taro@example.jp"]

    _, text = _text_part(raw)
    assert "決済APIで一部のお支払いがエラーとなっております" in text.replace("\n", "")
    assert "2026年11月27日（金）11:00 JST" in text  # the promise the Japanese way, its zone named
    assert "お問い合わせ" in text and "山田 花子" in text
    stored = json.loads(path.read_text("utf-8"))
    assert stored["incident"]["language"] == "ja" and stored["notices"][0]["sent"]
