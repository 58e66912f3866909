"""Chat posts made while a notice is sent: a real SMTP server, a real local HTTP server standing in for each
chat service's webhook, the real keyring, and the records read back from the incident file on disk."""
from __future__ import annotations

import json

import pytest
from chat_helpers import STATUS_URL, approved_notice_file, save_urls, write_settings
from webhook_server import DROP

from outagewriter.core.chat import record as chat_record
from outagewriter.core.incident.page_id import page_id
from outagewriter.core.session.errors import SendError
from outagewriter.core.session.services import Services
from outagewriter.core.session.session import Session
from outagewriter.core.storage import fileformat

pytestmark = pytest.mark.integration


@pytest.fixture
def services(tmp_path, chat_keyring):
    write_settings(tmp_path / "config")
    return Services.load(config_dir=tmp_path / "config", webhooks=chat_keyring)


def _send(services, path, server, **options):
    session = Session.open(services, path)
    notice = session.incident.notices[-1]
    return session.send(notice, server.account(), server.password, timeout=5, **options)


def _posts_on_disk(path) -> dict[str, str]:
    sent = fileformat.load(path).notices[-1].sent
    return {name: entry.status for name, entry in (sent.posts or {}).items()}


def test_sending_posts_to_every_destination_of_the_audiences_once(services, smtp_server, webhook_server,
                                                                  chat_keyring, tmp_path):
    urls = save_urls(chat_keyring, webhook_server)
    path = approved_notice_file(tmp_path, services)
    incident = fileformat.load(path)

    result = _send(services, path, smtp_server)

    assert result.ok, result.summary()
    assert smtp_server.delivered() == {"emea@customers.example": 1, "desk@partners.example": 1}
    # Team chat is followed by both audiences: posted once; in audience order.
    assert [r.path for r in webhook_server.requests] == [urls[n].split(str(webhook_server.port))[1]
                                                         for n in ("Status channel", "Team chat", "Ops")]
    assert webhook_server.problems == []
    link = f"{STATUS_URL}incidents/{page_id(incident.id)}.html"
    for request in webhook_server.requests:
        assert request.text.endswith(" " + link)
    teams = webhook_server.to(urls["Team chat"])[0].json
    assert teams["attachments"][0]["content"]["actions"][0]["url"] == link
    assert _posts_on_disk(path) == {"Status channel": "posted", "Team chat": "posted", "Ops": "posted"}
    assert "Posted to Status channel (Slack)." in result.summary()
    assert "Posted to Ops (Discord)." in result.summary()
    assert not any(url in path.read_text(encoding="utf-8") for url in urls.values())


def test_a_failed_post_is_retried_alone_even_when_everyone_has_the_email(services, smtp_server, webhook_server,
                                                                         chat_keyring, tmp_path):
    urls = save_urls(chat_keyring, webhook_server)
    path = approved_notice_file(tmp_path, services)
    webhook_server.fail(urls["Ops"], 500, b'{"message": "Internal Server Error", "code": 0}')

    first = _send(services, path, smtp_server)

    assert not first.ok
    assert "Not posted to Ops (Discord): Discord said 500 Internal Server Error: Discord had a fault" in first.summary()
    assert _posts_on_disk(path) == {"Status channel": "posted", "Team chat": "posted", "Ops": "failed"}
    emails = len(smtp_server.received)

    again = _send(services, path, smtp_server)

    assert again.ok, again.summary()
    assert len(smtp_server.received) == emails  # the email is not sent again
    assert [len(webhook_server.to(urls[n])) for n in ("Status channel", "Team chat", "Ops")] == [1, 1, 2]
    assert _posts_on_disk(path) == {"Status channel": "posted", "Team chat": "posted", "Ops": "posted"}
    assert again.summary().splitlines()[-1] == "Posted to Ops (Discord)."
    with pytest.raises(SendError, match="Every recipient has this notice already"):
        _send(services, path, smtp_server)
    assert len(webhook_server.requests) == 4


def test_a_connection_dropped_after_the_post_is_unknown_and_not_posted_again(services, smtp_server, webhook_server,
                                                                             chat_keyring, tmp_path):
    urls = save_urls(chat_keyring, webhook_server)
    path = approved_notice_file(tmp_path, services, ("EMEA customers",))
    webhook_server.fail(urls["Status channel"], DROP)

    first = _send(services, path, smtp_server)

    assert "Maybe posted to Status channel (Slack): the connection to 127.0.0.1 broke after the post was sent" \
        in first.summary()
    assert _posts_on_disk(path) == {"Status channel": "unknown", "Team chat": "posted"}
    with pytest.raises(SendError, match="may already have this notice|Every recipient has this notice"):
        _send(services, path, smtp_server)
    assert len(webhook_server.to(urls["Status channel"])) == 1

    forced = _send(services, path, smtp_server, include_unknown=True)  # the user looked: it is not there
    assert forced.posts[0].ok and len(webhook_server.to(urls["Status channel"])) == 2
    assert len(webhook_server.to(urls["Team chat"])) == 1


def test_a_destination_without_a_webhook_url_stops_the_send_before_anything_goes_out(
        services, smtp_server, webhook_server, chat_keyring, tmp_path):
    save_urls(chat_keyring, webhook_server, names=("Status channel",))
    path = approved_notice_file(tmp_path, services, ("EMEA customers",))
    before = path.read_bytes()
    session = Session.open(services, path)

    with pytest.raises(SendError) as caught:
        session.check_send(session.incident.notices[-1])
    assert "No webhook URL is saved for Team chat (Microsoft Teams)" in str(caught.value)
    assert "--no-chat" in str(caught.value) and "\n" not in str(caught.value)
    with pytest.raises(SendError, match="Team chat"):
        _send(services, path, smtp_server)
    assert smtp_server.received == [] and webhook_server.requests == [] and path.read_bytes() == before

    result = _send(services, path, smtp_server, chat=False)  # --no-chat: the email only
    assert result.ok and result.posts == [] and webhook_server.requests == []
    assert _posts_on_disk(path) == {"Status channel": "pending", "Team chat": "pending"}


def test_posts_record_sending_before_each_request(services, smtp_server, webhook_server, chat_keyring, tmp_path):
    """A crash during a post leaves "sending" on disk, which a retry treats as maybe posted."""
    save_urls(chat_keyring, webhook_server)
    path = approved_notice_file(tmp_path, services, ("EMEA customers",))
    seen = []  # what the file says while the service holds each request
    webhook_server.requests = _Recording(lambda request: seen.append(_posts_on_disk(path)))
    _send(services, path, smtp_server)
    assert seen == [{"Status channel": "sending", "Team chat": "pending"},
                    {"Status channel": "posted", "Team chat": "sending"}]
    assert chat_record.SENDING in chat_record.MAY_HAVE_IT


class _Recording(list):
    def __init__(self, hook):
        super().__init__()
        self._hook = hook

    def append(self, item):
        self._hook(item)
        super().append(item)


def test_a_test_send_never_posts(services, smtp_server, webhook_server, chat_keyring, tmp_path):
    save_urls(chat_keyring, webhook_server)
    path = approved_notice_file(tmp_path, services)
    result = _send(services, path, smtp_server, test=True)
    assert result.test and result.posts == [] and webhook_server.requests == []
    assert json.loads(path.read_text(encoding="utf-8"))["notices"][-1].get("sent") is None
