"""The notice records where it is posted (its Chat posts field), so a reviewer on another machine, with
none of the author's chat destinations or status page in their settings, approves what the author's
send posts. Run as two users run it: `outagewriter` processes, each with its own config folder."""
from __future__ import annotations

import json

import pytest
from chat_helpers import save_urls, write_settings
from send_helpers import add_account, ow, write_incident

from outagewriter.core.storage import fileformat

pytestmark = pytest.mark.integration
REVIEWER = "Petr Svoboda"


@pytest.fixture
def reviewer_env(cli_env, tmp_path) -> dict:
    """A second user: their own config folder, with no audiences, chat destinations or status page."""
    folder = tmp_path / "reviewer-config"
    folder.mkdir()
    (folder / "settings.json").write_text(json.dumps({"user_name": REVIEWER}), encoding="utf-8")
    return dict(cli_env, OUTAGEWRITER_CONFIG_DIR=str(folder))


def _ok(proc):
    assert proc.returncode == 0, proc.stderr
    return proc


def _fields(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["notices"][-1]["fields"]


def _draft(cli_env, config_dir, tmp_path):
    write_settings(config_dir, emea_chats=("Status channel",), partner_chats=("Ops", "Status channel"))
    path = write_incident(tmp_path, [], approved=False)
    _ok(ow(cli_env, "set", path, "audiences=EMEA customers, Partners"))
    return path


def test_a_reviewer_without_chat_settings_approves_what_the_author_posts(
        cli_env, reviewer_env, config_dir, smtp_server, webhook_server, chat_keyring, account_name, tmp_path):
    path = _draft(cli_env, config_dir, tmp_path)
    assert _fields(path)["chats"] == "Status channel, Ops"  # the audiences' destinations, each once
    urls = save_urls(chat_keyring, webhook_server, ("Status channel", "Ops"))
    add_account(cli_env, smtp_server, account_name)
    _ok(ow(cli_env, "request-review", path))

    _ok(ow(reviewer_env, "approve", path, "--reviewer", REVIEWER))
    sent = ow(cli_env, "send", path, "--account", account_name, "--yes")

    assert sent.returncode == 0, sent.stderr + sent.stdout
    assert "Posted to Status channel (Slack)." in sent.stdout and "Posted to Ops (Discord)." in sent.stdout
    incident_id = fileformat.load(path).id
    slack, = webhook_server.to(urls["Status channel"])
    # The link comes from the author's settings at send time; the reviewer approved the text before it.
    assert slack.json["text"].endswith(f" https://status.acme.example/incidents/{incident_id}.html")
    assert len(webhook_server.to(urls["Ops"])) == 1 and len(smtp_server.received) == 1


def test_changing_the_chat_posts_voids_the_approval_and_nothing_is_sent(
        cli_env, reviewer_env, config_dir, smtp_server, webhook_server, chat_keyring, account_name, tmp_path):
    path = _draft(cli_env, config_dir, tmp_path)
    save_urls(chat_keyring, webhook_server, ("Status channel", "Ops"))
    add_account(cli_env, smtp_server, account_name)
    _ok(ow(cli_env, "request-review", path))
    _ok(ow(reviewer_env, "approve", path, "--reviewer", REVIEWER))

    changed = _ok(ow(cli_env, "set", path, "chats=Status channel"))
    refused = ow(cli_env, "send", path, "--account", account_name, "--yes")

    assert "approval" in changed.stderr.lower()
    assert refused.returncode == 2 and "approv" in refused.stderr.lower()
    assert smtp_server.received == [] and webhook_server.requests == []


def test_a_destination_the_senders_settings_lack_is_one_line_before_anything_is_sent(
        cli_env, reviewer_env, config_dir, smtp_server, webhook_server, chat_keyring, account_name, tmp_path):
    path = _draft(cli_env, config_dir, tmp_path)
    save_urls(chat_keyring, webhook_server, ("Status channel", "Ops"))
    add_account(cli_env, smtp_server, account_name)
    _ok(ow(cli_env, "set", path, "chats=Status channel, Ops, War room"))
    _ok(ow(cli_env, "request-review", path))
    _ok(ow(reviewer_env, "approve", path, "--reviewer", REVIEWER))
    before = path.read_bytes()

    refused = ow(cli_env, "send", path, "--account", account_name, "--yes")

    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "'War room' is not a chat destination in your settings" in refused.stderr
    assert smtp_server.received == [] and webhook_server.requests == [] and path.read_bytes() == before


def test_check_reports_a_chat_destination_the_settings_lack(cli_env, config_dir, tmp_path):
    path = _draft(cli_env, config_dir, tmp_path)
    _ok(ow(cli_env, "set", path, "chats=Status channel, War room"))

    checked = ow(cli_env, "check", path)

    assert "chats:0-24 error structure structure.chat-unknown: 'War room' is not a chat destination in your " \
           "settings" in checked.stdout


def test_choosing_audiences_merges_their_destinations_and_keeps_names_typed_by_hand(cli_env, config_dir, tmp_path):
    path = _draft(cli_env, config_dir, tmp_path)
    _ok(ow(cli_env, "set", path, "chats=Status channel, Ops, Team chat"))  # Team chat typed by hand

    _ok(ow(cli_env, "set", path, "audiences=EMEA customers"))

    # Ops only came with Partners; Status channel stays, EMEA customers follow it too.
    assert _fields(path)["chats"] == "Status channel, Team chat"
    _ok(ow(cli_env, "set", path, "audiences="))
    assert _fields(path)["chats"] == "Team chat"
