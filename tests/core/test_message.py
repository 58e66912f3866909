import re
from email import message_from_bytes
from email.policy import default

import pytest

from outagewriter.core.incident.fields import FieldError
from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.mail.message import Sender, build_message, recipients
from outagewriter.core.mail.message import message_id as message_id_of
from outagewriter.core.render.renderer import Renderer

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
    assert raw.isascii()  # RFC 2047 encoded headers, bodies in base64 or quoted-printable
    parsed = message_from_bytes(raw, policy=default)
    assert "ログイン障害" in parsed["Subject"]
    assert parsed["To"].addresses[0].display_name == "山田 太郎"
    assert parsed["From"].addresses[0].display_name == "障害連絡"
    assert "ログインできません。" in parsed.get_body(("plain",)).get_content()


def test_later_notices_thread_to_earlier_ones(incident):
    first = incident.notices[-1]
    first.sent = SentRecord(message_id="<first@acme.example>")
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


def _raw_header(raw: bytes, name: str) -> str:
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    for line in re.sub(r"\r\n(?=[ \t])", "", head).split("\r\n"):
        if line.lower().startswith(name.lower() + ":"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"no {name} header in {head}")


def test_message_ids_fit_one_header_line_even_for_a_long_domain(incident):
    notice = incident.notices[-1]
    sender = Sender("status@mail.notifications.customer-communications.acme-payments.example")
    message_id = message_id_of(incident, notice, sender.domain)
    assert len("In-Reply-To: " + message_id) <= 78
    assert message_id.endswith("acme-payments.example>") and message_id.startswith("<ow.")
    assert message_id == message_id_of(incident, notice, sender.domain)  # stable across builds


def test_long_recorded_ids_stay_raw_in_the_thread_headers(incident):
    # IDs recorded by older versions were ~86 characters; a mail client must still match them.
    first = incident.notices[-1]
    long_id = f"<{'a' * 32}.{'b' * 32}@acme.example>"
    first.sent = SentRecord(message_id=long_id)
    second = incident.add_notice("update")
    second.sent = SentRecord(message_id="<second@acme.example>")
    third = incident.add_notice("update")
    raw = build_message(incident, third, Renderer().render(incident, third), SENDER).as_bytes()
    assert b"=?" not in raw.split(b"\r\n\r\n", 1)[0]
    assert _raw_header(raw, "In-Reply-To") == "<second@acme.example>"
    assert _raw_header(raw, "References") == f"{long_id} <second@acme.example>"


@pytest.mark.parametrize("recorded", ["<a@b>\r\nBcc: x@evil.example", "no-brackets@x", "<ü@x.example>", "<a b@x>"])
def test_a_hand_edited_recorded_id_is_refused_in_one_line(incident, recorded):
    incident.notices[-1].sent = SentRecord(message_id=recorded)
    update = incident.add_notice("update")
    with pytest.raises(FieldError, match="is not a message id"):
        build_message(incident, update, Renderer().render(incident, update), SENDER)
