"""Publish after send: `outagewriter send` with the status page set to publish again after each notice,
run as a user runs it, against a real SMTP server; the page checked on disk."""
from __future__ import annotations

import json

import pytest
from send_helpers import add_account, addresses, ow, write_incident

pytestmark = pytest.mark.integration


def _settings(config_dir, folder) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "settings.json").write_text(json.dumps(
        {"status_page": {"folder": str(folder), "publish_after_send": True}}), encoding="utf-8")


def test_a_sent_notice_is_published_with_the_send_report(cli_env, config_dir, smtp_server, account_name,
                                                        real_keyring, tmp_path):
    site = tmp_path / "site"
    _settings(config_dir, site)
    add_account(cli_env, smtp_server, account_name)
    (tmp_path / "incidents").mkdir()
    path = write_incident(tmp_path / "incidents", addresses(3))

    proc = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 0, proc.stderr
    assert "Notice 1: 3 of 3 recipients accepted." in proc.stdout
    assert f"Status page published to {site} (1 incident, 1 notice, newest " in proc.stdout
    front = (site / "index.html").read_text(encoding="utf-8")
    assert "Card payments failing" in front and "Card payments fail for about a third of customers" in front


def test_a_publish_that_fails_is_told_and_the_send_still_succeeds(cli_env, config_dir, smtp_server, account_name,
                                                                 real_keyring, tmp_path):
    mine = tmp_path / "my-website"
    mine.mkdir()
    (mine / "index.html").write_text("my own page", encoding="utf-8")
    _settings(config_dir, mine)
    add_account(cli_env, smtp_server, account_name)
    (tmp_path / "incidents").mkdir()
    path = write_incident(tmp_path / "incidents", addresses(2))

    proc = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 0, proc.stderr
    assert "Notice 1: 2 of 2 recipients accepted." in proc.stdout
    assert (f"The status page was not published: {mine} already holds other files and is not a status page "
            "written here; choose an empty or new folder") in proc.stdout
    assert (mine / "index.html").read_text(encoding="utf-8") == "my own page"
    assert len(smtp_server.received) == 1
