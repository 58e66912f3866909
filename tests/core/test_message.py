from email import message_from_bytes
from email.policy import default

import pytest

from outagewriter.core.fields import FieldError
from outagewriter.core.message import Sender, build_message, recipients
from outagewriter.core.model import Incident
from outagewriter.core.render import Renderer

SENDER = Sender("status@acme.example", "Acme Status", reply_to="Support <support@acme.example>")


def _parse(msg):
    return message_from_bytes(msg.as_bytes(), policy=default)


def test_message_reads_back_as_multipart_alternative(incident):
    notice = incident.notices[-1]
    rendered = Renderer().render(incident, notice)
    parsed = _parse(build_message(incident, notice, rendered, SENDER))
    assert parsed.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in parsed.iter_parts()] == ["text/plain", "text/html"]
    # On the wire every line ends in CRLF; the content is otherwise exactly what was rendered.
    assert parsed.get_body(("plain",)).get_content().replace("\r\n", "\n") == rendered.text
    assert parsed.get_body(("html",)).get_content().replace("\r\n", "\n") == rendered.html
    assert parsed["Subject"] == rendered.subject
    assert str(parsed["From"]) == "Acme Status <status@acme.example>"
    assert str(parsed["Reply-To"]) == "Support <support@acme.example>"
    assert "Kunden <kunden@acme.example>" in str(parsed["To"])
    assert str(parsed["Cc"]) == "support@acme.example"
    assert parsed["Bcc"] is None and b"audit@acme.example" not in build_message(
        incident, notice, rendered, SENDER).as_bytes()
    assert parsed["Message-ID"].endswith("@acme.example>")


def test_bcc_still_an_envelope_recipient(incident):
    assert recipients(incident.notices[-1]) == [
        "customers@acme.example", "kunden@acme.example", "support@acme.example", "audit@acme.example"]


def test_japanese_subject_and_names_round_trip():
    incident = Incident.create("ログイン障害", "ポータル")
    notice = incident.notices[-1]
    notice.update({"summary": "ログインできません。", "to": "山田 太郎 <taro@example.jp>"})
    raw = build_message(incident, notice, Renderer().render(incident, notice), Sender("s@example.jp", "障害連絡")).as_bytes()
    assert raw.isascii()  # RFC 2047 encoded headers, quoted-printable bodies
    parsed = message_from_bytes(raw, policy=default)
    assert "ログイン障害" in parsed["Subject"]
    assert parsed["To"].addresses[0].display_name == "山田 太郎"
    assert parsed["From"].addresses[0].display_name == "障害連絡"
    assert "ログインできません。" in parsed.get_body(("plain",)).get_content()


def test_later_notices_thread_to_earlier_ones(incident):
    first = incident.notices[-1]
    first.sent = {"message_id": "<first@acme.example>"}
    update = incident.add_notice("update")
    parsed = _parse(build_message(incident, update, Renderer().render(incident, update), SENDER))
    assert parsed["In-Reply-To"] == "<first@acme.example>"
    assert parsed["References"] == "<first@acme.example>"
    assert parsed["Message-ID"] != "<first@acme.example>"


@pytest.mark.parametrize("sender", [
    Sender("status@acme.example\r\nBcc: x@evil.example"),
    Sender("status@acme.example", "Name\nBcc: x@evil.example"),
])
def test_header_injection_is_refused(incident, sender):
    notice = incident.notices[-1]
    with pytest.raises(FieldError, match="line break"):
        build_message(incident, notice, Renderer().render(incident, notice), sender)
