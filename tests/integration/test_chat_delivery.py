"""One post to one webhook, against a real local HTTP server that checks each service's payload."""
from __future__ import annotations

import socket

import pytest
from webhook_server import DROP

from outagewriter.core.chat import posting
from outagewriter.core.chat.delivery import post
from outagewriter.core.chat.payloads import payload_bytes
from outagewriter.core.incident.chat_destinations import CHAT_SERVICES, ChatDestination

pytestmark = pytest.mark.integration

HOSTILE = ("<!channel> @everyone @here <@U123> *Payments* _down_ ~x~ `code` # Head [click](https://evil.example) "
           "& 50% > 40% | ||spoiler|| \\ https://status.acme.example/incidents/a_b-c.html")


def _post(server, service, text=HOSTILE, url=None):
    url = url or server.url(service)
    return post(ChatDestination("Room", service), url, payload_bytes(service, text), timeout=5), url


@pytest.mark.parametrize("service", CHAT_SERVICES)
def test_each_service_gets_its_documented_payload(webhook_server, service):
    outcome, url = _post(webhook_server, service)
    assert outcome.ok, outcome.reply
    assert webhook_server.problems == []
    request, = webhook_server.to(url)
    assert request.content_type == "application/json; charset=utf-8"
    assert request.text  # the words are there, escaped the service's way


def test_slack_shows_control_characters_as_text(webhook_server):
    _post(webhook_server, "slack")
    data = webhook_server.requests[0].json
    assert data["mrkdwn"] is False
    assert data["text"].startswith("&lt;!channel&gt; @everyone @here &lt;@U123&gt; *Payments*")
    assert "&amp; 50% &gt; 40%" in data["text"]


def test_discord_never_pings_and_escapes_its_markdown(webhook_server):
    _post(webhook_server, "discord")
    data = webhook_server.requests[0].json
    assert data["allowed_mentions"] == {"parse": []}
    assert "\\*Payments\\* \\_down\\_ \\~x\\~ \\`code\\` # Head \\[click\\](https://evil.example)" in data["content"]
    assert "\\|\\|spoiler\\|\\|" in data["content"]
    assert data["content"].endswith(" https://status.acme.example/incidents/a_b-c.html")  # the link still works


@pytest.mark.parametrize("service", ["discord", "mattermost"])
def test_a_post_beginning_like_a_heading_or_list_is_text(webhook_server, service):
    _post(webhook_server, service, text="# Payments down - 1. retry later")
    assert webhook_server.requests[0].text == "\\# Payments down - 1. retry later"


def test_discord_content_stays_within_2000_characters(webhook_server):
    outcome, _ = _post(webhook_server, "discord", text="*" * 3000)
    assert outcome.ok and len(webhook_server.requests[0].json["content"]) <= 2000


def test_mattermost_mentions_and_markdown_are_text(webhook_server):
    _post(webhook_server, "mattermost")
    text = webhook_server.requests[0].json["text"]
    assert "@\u2060channel" not in text and "@\u2060everyone @\u2060here" in text
    assert "\\*Payments\\* \\_down\\_" in text and text.startswith("&lt;!channel&gt;")
    assert text.endswith(" https://status.acme.example/incidents/a_b-c.html")


def test_teams_text_is_a_plain_text_run_with_the_link_as_an_action(webhook_server):
    _post(webhook_server, "teams")
    data = webhook_server.requests[0].json
    card = data["attachments"][0]["content"]
    assert card["body"][0]["inlines"][0]["text"] == HOSTILE
    assert card["actions"] == [{"type": "Action.OpenUrl", "title": "Open status page",
                                "url": "https://status.acme.example/incidents/a_b-c.html"}]


def test_a_test_post(webhook_server):
    outcome = posting.test_post(ChatDestination("Status channel", "slack"), webhook_server.url("slack"))
    assert outcome.describe() == "Posted to Status channel (Slack)."
    assert webhook_server.requests[0].json["text"] == posting.TEST_TEXT


def test_a_removed_slack_webhook_is_told_in_plain_words_without_the_url(webhook_server):
    url = webhook_server.url("slack")
    webhook_server.fail(url, 404, b"no_service")
    outcome, _ = _post(webhook_server, "slack", url=url)
    assert outcome.status == "failed"
    assert outcome.reply.startswith("Slack said 404 no_service: the webhook was removed; make a new one in "
                                    "Settings → Chat")


def test_429_reports_the_wait_the_service_asks_for(webhook_server):
    url = webhook_server.url("discord")
    webhook_server.fail(url, 429, b'{"message": "You are being rate limited.", "retry_after": 2.5}')
    outcome, _ = _post(webhook_server, "discord", url=url)
    assert outcome.status == "failed" and outcome.retry_after == 2.5
    assert "it asks to wait 2 seconds, then send again" in outcome.reply
    webhook_server.fail(url, 429, b"", {"Retry-After": "30"})
    outcome, _ = _post(webhook_server, "discord", url=url)
    assert outcome.retry_after == 30.0 and "wait 30 seconds" in outcome.reply


def test_the_webhook_url_never_appears_in_what_is_reported(webhook_server):
    url = webhook_server.url("mattermost", "hooks/abcdefghijklmnop1234")
    webhook_server.fail(url, 400, f"bad request to {url} (/mattermost/hooks/abcdefghijklmnop1234)".encode())
    outcome, _ = _post(webhook_server, "mattermost", url=url)
    assert "abcdefghijklmnop1234" not in outcome.reply and "[hidden]" in outcome.reply


def test_a_dropped_connection_after_the_body_is_unknown(webhook_server):
    url = webhook_server.url("slack")
    webhook_server.fail(url, DROP)
    outcome, _ = _post(webhook_server, "slack", url=url)
    assert outcome.status == "unknown" and len(webhook_server.requests) == 1


def test_a_refused_connection_is_failed_and_nothing_was_posted():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    outcome = post(ChatDestination("Ops", "discord"), f"http://127.0.0.1:{port}/api/webhooks/1/tok",
                   b"{}", timeout=5)
    assert outcome.status == "failed"
    assert outcome.reply.startswith("could not connect to 127.0.0.1") and "nothing was posted" in outcome.reply


def test_plain_http_to_another_host_is_refused_before_connecting():
    outcome = post(ChatDestination("Ops", "mattermost"), "http://chat.example/hooks/x", b"{}", timeout=5)
    assert outcome.status == "failed" and "must start with https://" in outcome.reply
