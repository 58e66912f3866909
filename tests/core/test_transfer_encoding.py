"""Which transfer encoding a part goes out in, read from the raw bytes a server receives."""
from __future__ import annotations

import base64
import quopri
import re

from outagewriter.core.incident.model import Incident
from outagewriter.core.mail.message import Sender, build_message
from outagewriter.core.mail.transfer_encoding import body_encoding
from outagewriter.core.render.renderer import Rendered

JAPANESE = "お客様各位\n\n平素より弊社サービスをご利用いただき、誠にありがとうございます。\n決済APIで一部のお支払いが失敗しています。\n"
ENGLISH = "Card payments fail for about a third of customers in Europe since 09:40 CET.\nPlease retry.\n"


def _parts(raw: bytes) -> list[tuple[str, str, bytes]]:
    """(content type, transfer encoding, decoded body) of each leaf part, split by hand from the raw bytes."""
    boundary = re.search(rb'boundary="([^"]+)"', raw).group(1)
    parts = []
    for chunk in raw.split(b"--" + boundary)[1:-1]:
        head, _, body = chunk.strip(b"\r\n").partition(b"\r\n\r\n")
        kind = re.search(rb"Content-Type: ([\w/]+)", head).group(1).decode()
        cte = re.search(rb"Content-Transfer-Encoding: ([\w-]+)", head).group(1).decode()
        decoded = base64.b64decode(body) if cte == "base64" else quopri.decodestring(body)
        parts.append((kind, cte, decoded.replace(b"\r\n", b"\n")))
    return parts


def _raw(text: str, html: str) -> bytes:
    incident = Incident.create("決済APIの障害", "決済API", language="ja")
    notice = incident.notices[-1]
    notice.set("to", "山田 太郎 <taro@example.jp>")
    rendered = Rendered(subject="【障害のお知らせ】決済API", text=text, html=html, short="")
    return build_message(incident, notice, rendered, Sender("noc@example.jp", "障害対応窓口")).as_bytes()


def test_japanese_bodies_go_as_base64_utf8_and_decode_to_the_text():
    html = "<p>" + JAPANESE.replace("\n", "<br>") + "</p>\n"
    raw = _raw(JAPANESE, html)
    assert raw.isascii()  # 7-bit clean: no server needs 8BITMIME
    assert _parts(raw) == [("text/plain", "base64", JAPANESE.encode()), ("text/html", "base64", html.encode())]
    assert b'Content-Type: text/plain; charset="utf-8"' in raw


def test_english_bodies_stay_quoted_printable_and_readable():
    raw = _raw(ENGLISH, f"<p>{ENGLISH}</p>\n")
    assert [cte for _, cte, _ in _parts(raw)] == ["quoted-printable", "quoted-printable"]
    assert b"Card payments fail for about a third" in raw


def test_the_shorter_encoding_is_chosen():
    assert body_encoding("plain ASCII text") == "quoted-printable"
    assert body_encoding("Price: 10 € per month, as before.") == "quoted-printable"  # one non-ASCII character
    assert body_encoding(JAPANESE) == "base64"
