"""Which webhook URLs a chat destination can use; the reasons never quote the URL (it is a secret)."""
from __future__ import annotations

import pytest

from outagewriter.core.chat.destinations import check_webhook_url

GOOD = [
    ("slack", "https://hooks.slack.com/services/T000/B000/XXXX"),
    ("discord", "https://discord.com/api/webhooks/123/abc"),
    ("discord", "https://discordapp.com/api/webhooks/123/abc"),
    ("teams", "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x"),
    ("teams", "https://acme.webhook.office.com/webhookb2/abc"),
    ("mattermost", "https://chat.acme.example/hooks/abc"),
    ("slack", "http://127.0.0.1:8080/slack/T/B/X"),  # a local stand-in (tests, a relay on this machine)
    ("mattermost", "http://localhost:8065/hooks/abc"),
    ("discord", "http://[::1]:9000/discord/1/x"),
]
BAD = [
    ("slack", "", "empty"),
    ("slack", "https://hooks.slack.evil.example/services/T/B/X", "https://hooks.slack.com/"),
    ("slack", "http://hooks.slack.com/services/T/B/X", "must start with https://"),
    ("discord", "https://discord.com/channels/1/2", "https://discord.com/api/webhooks/"),
    ("discord", "https://evil.example/api/webhooks/1/x", "https://discord.com/api/webhooks/"),
    ("mattermost", "ftp://chat.acme.example/hooks/abc", "must start with https://"),
    ("teams", "https://user:pw@acme.webhook.office.com/x", "user name or password"),
    ("teams", "https:///nohost", "no host name"),
    ("teams", "https://a.example/x y", "spaces"),
    ("teams", "https://a.example:port/x", "cannot be read"),
]


@pytest.mark.parametrize(("service", "url"), GOOD)
def test_usable_urls(service, url):
    assert check_webhook_url(service, url) is None


@pytest.mark.parametrize(("service", "url", "reason"), BAD)
def test_unusable_urls_say_why_without_quoting_them(service, url, reason):
    problem = check_webhook_url(service, url)
    assert problem is not None and reason in problem
    assert not url or url not in problem
