"""Five notices of one incident, sent one after another by `outagewriter send` to a real SMTP server
(STARTTLS, AUTH): the raw bytes the server received thread as one conversation in any mail client.

Mail clients match In-Reply-To and References literally against earlier Message-IDs; an RFC 2047
encoded-word there (`=?utf-8?q?=3C...?=`) breaks the thread in Outlook and Exchange even though
Python's own parser would decode it. So this reads the headers from the bytes, not from a parser.
"""
from __future__ import annotations

import re

import pytest
from send_helpers import addresses, approve, ow, write_incident

from outagewriter.core.storage import fileformat

pytestmark = pytest.mark.integration

# A long but real-looking sender domain: IDs must still fit on one header line.
SENDER = "status@notifications.customer-communications.acme-payments.example"


def raw_headers(data: bytes) -> dict[str, str]:
    """Header name (lower case) -> value exactly as sent, folding undone (CRLF + space)."""
    head = data.split(b"\r\n\r\n", 1)[0].decode("ascii")
    assert all(len(line) <= 78 for line in head.split("\r\n")), head
    unfolded = re.sub(r"\r\n(?=[ \t])", "", head)
    return {name.lower(): value.strip() for name, value in
            (line.split(":", 1) for line in unfolded.split("\r\n"))}


def next_notice(path, kind: str) -> None:
    incident = fileformat.load(path)
    notice = incident.add_notice(kind)
    notice.update({"summary": f"A {kind} on card payments: most payments go through again.",
                   "next_update": "2026-11-27T15:00[Europe/Prague]" if kind == "update" else ""})
    approve(incident)
    fileformat.save(incident, path)


def test_five_notices_thread_in_the_raw_bytes(cli_env, smtp_server, account_name, real_keyring, tmp_path):
    proc = ow(cli_env, "accounts", "add", account_name, "--host", "127.0.0.1", "--port", smtp_server.port,
              "--security", "starttls", "--user", smtp_server.user, "--from", SENDER, "--from-name", "Acme Status",
              "--password-stdin", stdin=smtp_server.password + "\n")
    assert proc.returncode == 0, proc.stderr
    path = write_incident(tmp_path, addresses(2))
    for number, kind in enumerate(["initial", "update", "update", "update", "resolution"], start=1):
        if number > 1:
            next_notice(path, kind)
        sent = ow(cli_env, "send", path, "--account", account_name, "--yes")
        assert sent.returncode == 0, sent.stderr
        assert len(smtp_server.received) == number

    headers = [raw_headers(message.data) for message in smtp_server.received]
    ids = [h["message-id"] for h in headers]
    for message_id in ids:
        assert re.fullmatch(r"<[A-Za-z0-9.-]+@[a-z0-9.-]+>", message_id), message_id
        assert len("In-Reply-To: " + message_id) <= 78
    assert len(set(ids)) == 5
    assert "in-reply-to" not in headers[0] and "references" not in headers[0]
    for number in range(1, 5):
        assert headers[number]["in-reply-to"] == ids[number - 1]
        assert headers[number]["references"] == " ".join(ids[:number])
    # What the incident recorded is what went out, so a later notice refers to it.
    recorded = [notice.sent.message_id for notice in fileformat.load(path).notices]
    assert recorded == ids
