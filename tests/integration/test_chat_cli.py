"""`outagewriter chats ...` and `outagewriter send` posting to chat, run as a user runs them: real processes,
a real SMTP server, a local HTTP server for the webhooks, the real keyring, a private config folder."""
from __future__ import annotations

import json

import pytest
from chat_helpers import approved_notice_file, write_settings
from send_helpers import add_account, ow

from outagewriter.core.session.services import Services
from outagewriter.core.storage import fileformat

pytestmark = pytest.mark.integration


def _settings(config_dir) -> dict:
    return json.loads((config_dir / "settings.json").read_text(encoding="utf-8"))


def test_add_follow_test_list_remove(cli_env, config_dir, webhook_server, chat_keyring):
    config_dir.mkdir(parents=True)
    (config_dir / "settings.json").write_text(json.dumps({"audiences": [
        {"name": "EMEA customers", "zone": "Europe/Berlin", "to": "emea@customers.example"}]}), encoding="utf-8")
    url = webhook_server.url("slack")

    added = ow(cli_env, "chats", "add", "Status channel", "--service", "slack", "--url-stdin", stdin=url + "\n")
    assert added.returncode == 0, added.stderr
    assert "Saved chat destination Status channel (Slack)" in added.stdout and url not in added.stdout
    assert chat_keyring.get("Status channel") == url
    assert _settings(config_dir)["chat_destinations"] == [{"name": "Status channel", "service": "slack"}]
    assert url not in (config_dir / "settings.json").read_text(encoding="utf-8")

    followed = ow(cli_env, "chats", "follow", "EMEA customers", "Status channel")
    assert followed.returncode == 0, followed.stderr
    assert _settings(config_dir)["audiences"][0]["chats"] == ["Status channel"]

    tested = ow(cli_env, "chats", "test", "Status channel")
    assert tested.returncode == 0 and tested.stdout.strip() == "Posted to Status channel (Slack)."
    assert webhook_server.requests[0].json["text"] == "Test post from OutageWriter"

    listed = ow(cli_env, "chats", "list")
    assert listed.stdout.strip() == "Status channel\tslack\tURL saved\tEMEA customers"

    removed = ow(cli_env, "chats", "remove", "Status channel")
    assert removed.returncode == 0 and "and its saved webhook URL" in removed.stdout
    assert chat_keyring.get("Status channel") is None
    assert "chats" not in _settings(config_dir)["audiences"][0] and _settings(config_dir)["chat_destinations"] == []


def test_bad_input_is_one_line_and_saves_nothing(cli_env, config_dir, chat_keyring):
    wrong_host = ow(cli_env, "chats", "add", "Status channel", "--service", "slack", "--url-stdin",
                    stdin="https://hooks.slack.evil.example/services/T/B/SECRET\n")
    assert wrong_host.returncode == 2 and "SECRET" not in wrong_host.stderr
    assert wrong_host.stderr.count("\n") == 1 and "https://hooks.slack.com/" in wrong_host.stderr
    assert chat_keyring.get("Status channel") is None and not (config_dir / "settings.json").exists()
    unknown = ow(cli_env, "chats", "follow", "Nobody", "Status channel")
    assert unknown.returncode == 2 and "there is no chat destination 'Status channel'" in unknown.stderr
    assert ow(cli_env, "chats", "add", "Ops", "--service", "irc", "--url-stdin", stdin="x\n").returncode == 2


def test_send_posts_to_both_audiences_destinations_and_a_retry_posts_only_the_failed_one(
        cli_env, config_dir, smtp_server, webhook_server, chat_keyring, account_name, tmp_path):
    write_settings(config_dir, emea_chats=("Status channel",), partner_chats=("Ops",))
    urls = {"Status channel": webhook_server.url("slack"), "Ops": webhook_server.url("discord", "1234/tokenABCDEFGH")}
    for name, service in (("Status channel", "slack"), ("Ops", "discord")):
        proc = ow(cli_env, "chats", "add", name, "--service", service, "--replace", "--url-stdin",
                  stdin=urls[name] + "\n")
        assert proc.returncode == 0, proc.stderr
    add_account(cli_env, smtp_server, account_name)
    path = approved_notice_file(tmp_path, Services.load(config_dir=config_dir, webhooks=chat_keyring))
    incident = fileformat.load(path)
    webhook_server.fail(urls["Ops"], 500, b'{"message": "Internal Server Error", "code": 0}')

    first = ow(cli_env, "send", path, "--account", account_name, "--yes")

    assert first.returncode == 1, first.stderr
    assert "Notice 1: 2 of 2 recipients accepted." in first.stdout
    assert "Posted to Status channel (Slack)." in first.stdout
    assert "Not posted to Ops (Discord): Discord said 500 Internal Server Error: Discord had a fault; " \
           "send again to retry" in first.stdout
    assert smtp_server.delivered() == {"emea@customers.example": 1, "desk@partners.example": 1}
    link = f"https://status.acme.example/incidents/{incident.id}.html"
    slack, = webhook_server.to(urls["Status channel"])
    assert set(slack.json) == {"text", "mrkdwn"}
    assert slack.json["text"].startswith("Investigating: Card payments failing (Acme Pay). Card payments fail")
    assert slack.json["text"].endswith(" " + link) and webhook_server.problems == []
    on_disk = json.loads(path.read_text(encoding="utf-8"))["notices"][-1]["sent"]["posts"]
    assert {n: p["status"] for n, p in on_disk.items()} == {"Status channel": "posted", "Ops": "failed"}
    assert on_disk["Ops"]["service"] == "discord" and "Discord said 500" in on_disk["Ops"]["reply"]

    again = ow(cli_env, "send", path, "--account", account_name, "--yes")

    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[:2] == ["Notice 1 was sent before: 2 recipients have it.",
                                             "2 recipients had it already and were not sent it again."]
    assert "Posted to Ops (Discord)." in again.stdout and "Status channel" not in again.stdout
    assert len(smtp_server.received) == 1  # one message, both recipients, never again
    assert [len(webhook_server.to(u)) for u in urls.values()] == [1, 2]
    ops = webhook_server.to(urls["Ops"])
    assert ops[0].body == ops[1].body  # the retry posts the same approved text
    assert ops[1].json["allowed_mentions"] == {"parse": []} and ops[1].json["content"].endswith(" " + link)
    on_disk = json.loads(path.read_text(encoding="utf-8"))["notices"][-1]["sent"]["posts"]
    assert {n: p["status"] for n, p in on_disk.items()} == {"Status channel": "posted", "Ops": "posted"}

    third = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert third.returncode == 2 and "Every recipient has this notice already" in third.stderr
    assert len(webhook_server.requests) == 3


def test_send_names_a_missing_webhook_url_before_anything_goes_out(
        cli_env, config_dir, smtp_server, webhook_server, chat_keyring, account_name, tmp_path):
    write_settings(config_dir, emea_chats=("Status channel",), partner_chats=())
    add_account(cli_env, smtp_server, account_name)
    path = approved_notice_file(tmp_path, Services.load(config_dir=config_dir, webhooks=chat_keyring))
    before = path.read_bytes()

    refused = ow(cli_env, "send", path, "--account", account_name, "--yes")

    assert refused.returncode == 2
    assert refused.stderr.startswith("outagewriter send: No webhook URL is saved for Status channel (Slack)")
    assert refused.stderr.count("\n") == 1 and "--no-chat" in refused.stderr
    assert smtp_server.received == [] and path.read_bytes() == before

    email_only = ow(cli_env, "send", path, "--account", account_name, "--yes", "--no-chat")
    assert email_only.returncode == 0, email_only.stderr
    assert "Posted" not in email_only.stdout and webhook_server.requests == []
    assert len(smtp_server.received) == 1
