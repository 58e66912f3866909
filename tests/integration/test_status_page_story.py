"""One incident told beyond email, run as a team runs it: the author and a reviewer (her own, empty settings)
on the command line, a real SMTP server, a local Slack webhook, the real keyring. Every notice sent posts to
chat once and publishes the status page again; the page, its feeds and its JSON follow the story, and the
draft in between reaches none of them."""
from __future__ import annotations

import email
import email.policy
import json
from pathlib import Path

import feedparser
import pytest
from jsonschema import Draft202012Validator
from send_helpers import add_account, ow

from outagewriter.core.incident.page_id import page_id
from outagewriter.core.publish.summary import SCHEMA
from outagewriter.core.shipped import schema
from outagewriter.core.storage import fileformat

pytestmark = pytest.mark.integration

URL = "https://status.acme.example/"
DRAFT_MARKER = "Zebra-7 draft words nobody was sent"
CONTACT = ("contact_name=Jana Novák", "contact_email=status@acme.example")


def _config(folder: Path, settings: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text(json.dumps(settings, ensure_ascii=False), encoding="utf-8")
    return folder


def _ok(proc):
    assert proc.returncode == 0, proc.stderr or proc.stdout
    return proc.stdout


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _summary(site: Path) -> dict:
    data = json.loads((site / "api/v2/summary.json").read_text(encoding="utf-8"))
    errors = [e.message for e in Draft202012Validator(schema(SCHEMA)).iter_errors(data)]
    assert errors == []
    return data


def test_an_incident_told_by_email_chat_and_status_page(cli_env, config_dir, smtp_server, webhook_server,
                                                        chat_keyring, account_name, tmp_path):
    site, incidents = tmp_path / "site", tmp_path / "incidents"
    incidents.mkdir()
    _config(config_dir, {
        "user_name": "Jana Novák", "components": ["API", "Dashboard"],
        "audiences": [{"name": "EMEA customers", "zone": "Europe/Berlin", "to": "emea@customers.example"}],
        "status_page": {"folder": str(site), "incidents": str(incidents), "url": URL, "title": "Acme status",
                        "publish_after_send": True},
    })
    reviewer = dict(cli_env, OUTAGEWRITER_CONFIG_DIR=str(_config(tmp_path / "reviewer", {"user_name": "Petr Svoboda"})))
    add_account(cli_env, smtp_server, account_name)
    hook = webhook_server.url("slack")
    _ok(ow(cli_env, "chats", "add", "Status channel", "--service", "slack", "--url-stdin", stdin=hook + "\n"))
    _ok(ow(cli_env, "chats", "follow", "EMEA customers", "Status channel"))
    path = incidents / "api-errors.outage"

    def send_notice(*values: str) -> str:
        _ok(ow(cli_env, "set", path, *values))
        _ok(ow(cli_env, "request-review", path))
        _ok(ow(reviewer, "approve", path, "--reviewer", "Petr Svoboda"))
        return _ok(ow(cli_env, "send", path, "--account", account_name, "--yes"))

    _ok(ow(cli_env, "new", path, "--title", "API errors", "--service", "Acme API"))
    first = send_notice(
        "summary=Since 09:40 CET about half of API requests fail with errors. We are investigating.",
        "impact=API requests fail for about half of the calls.", "data_loss=none", *CONTACT,
        "components=API = major-outage; Dashboard = operational", "impact_level=major",
        "audiences=EMEA customers", "next_update=on-change")

    # Email, chat and page, each once.
    assert "Notice 1: 1 of 1 recipients accepted." in first and "Posted to Status channel (Slack)." in first
    assert "Status page published to" in first
    assert [r.rcpt_tos for r in smtp_server.received] == [["emea@customers.example"]]
    raw = smtp_server.received[0].data
    assert b"about half of API requests fail" in raw or b"about half of API" in raw.replace(b"=\r\n", b"")
    incident = fileformat.load(path)
    link = f"{URL}incidents/{page_id(incident.id)}.html"
    posts = webhook_server.to(hook)
    assert len(posts) == 1 and link in posts[0].text and "API errors" in posts[0].text
    assert (site / "incidents" / f"{page_id(incident.id)}.html").is_file()  # the chat link leads to the page
    front = (site / "index.html").read_text(encoding="utf-8")
    assert "Major service outage" in front and "about half of API requests fail" in front
    feed = feedparser.parse((site / "feed.atom").read_bytes())
    assert not feed.bozo and len(feed.entries) == 1 and feed.entries[0].link.startswith(link)
    summary = _summary(site)
    assert summary["status"]["indicator"] == "critical"
    assert [(c["name"], c["status"]) for c in summary["components"]] == [("API", "major_outage"),
                                                                         ("Dashboard", "operational")]
    assert [i["name"] for i in summary["incidents"]] == ["API errors"]

    # A draft update: publishing again writes nothing, and its words are nowhere.
    _ok(ow(cli_env, "add", path, "--kind", "update"))
    _ok(ow(cli_env, "set", path, f"summary={DRAFT_MARKER}.", "status=identified"))
    before = _tree(site)
    again = _ok(ow(cli_env, "publish", str(site), str(incidents)))
    assert "already up to date" in again
    assert _tree(site) == before
    assert not [name for name, data in before.items() if DRAFT_MARKER.encode() in data]

    # The update and the resolution go out; the page ends all operational.
    second = send_notice("summary=We found the cause, a faulty load balancer rule, and are rolling it back.")
    assert "Posted to Status channel (Slack)." in second
    assert DRAFT_MARKER.encode() not in b"".join(_tree(site).values())
    _ok(ow(cli_env, "add", path, "--kind", "resolution"))
    third = send_notice("summary=API requests work normally again since 10:35 CET.",
                        "done=We rolled back the load balancer rule.",
                        "components=API = operational; Dashboard = operational",
                        "resolved=2026-11-30T10:35+01:00[Europe/Berlin]")
    assert "Posted to Status channel (Slack)." in third
    summary = _summary(site)
    assert summary["status"]["indicator"] == "none" and summary["incidents"] == []
    assert "All systems operational" in (site / "index.html").read_text(encoding="utf-8")
    feed = feedparser.parse((site / "feed.rss").read_bytes())
    assert not feed.bozo and len(feed.entries) == 3

    # Sending again reaches nobody twice: no mail, no post.
    retry = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert len(smtp_server.received) == 3 and len(webhook_server.to(hook)) == 3, retry.stdout + retry.stderr
    texts = [email.message_from_bytes(r.data, policy=email.policy.default)["Subject"] for r in smtp_server.received]
    assert len(set(texts)) == 3
