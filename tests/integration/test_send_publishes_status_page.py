"""Publish after send: `outagewriter send` with the status page set to publish again after each notice,
run as a user runs it, against a real SMTP server; the page checked on disk."""
from __future__ import annotations

import email
import email.policy
import json
from pathlib import Path

import pytest
from send_helpers import add_account, addresses, make_incident, ow, write_incident

import outagewriter
from outagewriter.core.render.renderer import Renderer
from outagewriter.core.review import workflow as review
from outagewriter.core.settings import Settings
from outagewriter.core.storage import fileformat

pytestmark = pytest.mark.integration


def _settings(config_dir, folder, incidents) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "settings.json").write_text(json.dumps(
        {"status_page": {"folder": str(folder), "incidents": str(incidents), "publish_after_send": True}}),
        encoding="utf-8")


def test_a_sent_notice_is_published_with_the_send_report(cli_env, config_dir, smtp_server, account_name,
                                                        real_keyring, tmp_path):
    site = tmp_path / "site"
    _settings(config_dir, site, tmp_path / "incidents")
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
    _settings(config_dir, mine, tmp_path / "incidents")
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


def test_a_notice_sent_with_the_users_own_template_is_published_in_sections(cli_env, config_dir, smtp_server,
                                                                           account_name, real_keyring, tmp_path):
    site = tmp_path / "site"
    _settings(config_dir, site, tmp_path)
    own = config_dir / "templates" / "en" / "initial"
    own.mkdir(parents=True)
    shipped = Path(outagewriter.__file__).parent / "templates" / "en" / "initial"
    for part in ("subject.txt", "body.html", "short.txt"):
        (own / part).write_text((shipped / part).read_text("utf-8"), "utf-8")
    (own / "body.txt").write_text("{{ title }}\n\n{{ summary }}\n\nWritten with our own template.\n", "utf-8")
    add_account(cli_env, smtp_server, account_name)
    incident = make_incident(addresses(1), approved=False)
    notice = incident.notices[-1]
    rendered = Renderer(user_dir=config_dir / "templates").render(incident, notice)  # approved as it will go out
    review.request_review(incident, notice, rendered, "Jana Novák")
    review.approve(incident, notice, rendered, "Petr Svoboda", Settings())
    path = tmp_path / "card-payments.outage"
    fileformat.save(incident, path)

    proc = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 0, proc.stderr
    sent = email.message_from_bytes(smtp_server.received[0].data, policy=email.policy.default)
    assert "Written with our own template." in sent.get_body(preferencelist=("plain",)).get_content()
    front = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="notice-summary"' in front and 'class="verbatim"' not in front
