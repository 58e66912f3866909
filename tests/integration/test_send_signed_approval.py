"""Approvals signed with the reviewer's own SSH key, as a team runs it: real keys made by ssh-keygen,
a real allowed-signers file in the sender's own configuration folder, `outagewriter approve` and
`outagewriter send` as real processes against a real SMTP server, deliveries counted."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from send_helpers import add_account, addresses, make_incident, ow

from outagewriter.core.render.renderer import Renderer
from outagewriter.core.review import content, send_gate
from outagewriter.core.review import workflow as review
from outagewriter.core.settings import Settings
from outagewriter.core.storage import fileformat

pytestmark = pytest.mark.integration

PRINCIPAL = "petr@acme.example"


def make_key(folder: Path, name: str) -> Path:
    key = folder / name
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True,
                   stdin=subprocess.DEVNULL, timeout=30)
    return key


@pytest.fixture
def team(tmp_path, cli_env, config_dir, smtp_server, account_name, real_keyring):
    """Petr reviews with his key; the sender (cli_env) requires signed approvals and lists Petr's key."""
    keys = tmp_path / "keys"
    keys.mkdir()
    petr, stranger = make_key(keys, "petr"), make_key(keys, "stranger")
    config_dir.mkdir(exist_ok=True)
    (config_dir / "allowed_signers").write_text(f"{PRINCIPAL} {petr.with_suffix('.pub').read_text()}")
    (config_dir / "settings.json").write_text(json.dumps(
        {"user_name": "Ops Sender", "review": {"require_signed_approval": True}}))
    add_account(cli_env, smtp_server, account_name)

    def reviewer_env(key: Path | None) -> dict:
        folder = tmp_path / f"reviewer-{key.name if key else 'nokey'}"
        folder.mkdir(exist_ok=True)
        review_settings = {"signing_key": str(key)} if key else {}
        (folder / "settings.json").write_text(json.dumps({"user_name": "Petr Svoboda", "review": review_settings}))
        return dict(cli_env, OUTAGEWRITER_CONFIG_DIR=str(folder))

    class Team:
        env = cli_env

        @staticmethod
        def incident(name: str, key: Path | None, summary: str = "Card payments fail since 09:40 CET.") -> Path:
            """An incident file in review, approved by Petr through `outagewriter approve`."""
            incident = make_incident(addresses(3), approved=False)
            notice = incident.notices[-1]
            notice.update({"summary": summary})
            review.request_review(incident, notice, Renderer().render(incident, notice), "Jana Novák")
            path = tmp_path / f"{name}.outage"
            fileformat.save(incident, path)
            proc = ow(reviewer_env(key), "approve", path, "--reviewer", "Petr Svoboda")
            assert proc.returncode == 0, proc.stderr
            assert ("signed with" in proc.stdout) == (key is not None)
            return path

        @staticmethod
        def send(path: Path):
            return ow(cli_env, "send", path, "--account", account_name, "--yes")

    Team.petr, Team.stranger = petr, stranger
    return Team


def approval(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))["notices"][-1]["review"]["approval"]


def test_a_signed_approval_verifies_and_sends(team, smtp_server):
    path = team.incident("signed", team.petr)
    assert approval(path)["signature"].startswith("-----BEGIN SSH SIGNATURE-----")
    shown = ow(team.env, "review", path)
    assert f"Ready to send (approval signed by {PRINCIPAL})." in shown.stdout, shown.stderr
    proc = team.send(path)
    assert proc.returncode == 0, proc.stderr
    assert f"Approval signed by {PRINCIPAL}" in proc.stdout
    assert smtp_server.delivered() == {a: 1 for a in addresses(3)}
    sent, = [e for e in json.loads(path.read_text("utf-8"))["log"] if e["event"] == "sent"]
    assert sent["comment"] == f"approval signed by {PRINCIPAL}"


def test_an_unsigned_approval_is_refused(team, smtp_server):
    path = team.incident("unsigned", None)
    before = path.read_bytes()
    proc = team.send(path)
    assert proc.returncode == 2 and "its approval is not signed" in proc.stderr
    assert smtp_server.delivered() == {} and path.read_bytes() == before


def test_a_key_not_in_allowed_signers_is_refused(team, smtp_server):
    path = team.incident("stranger", team.stranger)
    shown = ow(team.env, "review", path)
    assert "Not ready to send: notice 1 cannot be sent: the approval was not signed by any key in" in shown.stdout
    proc = team.send(path)
    assert proc.returncode == 2 and "was not signed by any key in" in proc.stderr
    assert smtp_server.delivered() == {}


def test_a_forged_approval_with_the_hash_recomputed_is_refused(team, smtp_server):
    path = team.incident("forged", team.petr)
    # The forger edits the text and rewrites the approval and the log consistently, keeping the signature.
    incident = fileformat.load(path)
    notice = incident.notices[-1]
    notice.update({"summary": "Card payments work again; no action needed."})
    forged = content.canonical_content(incident, notice, Renderer().render(incident, notice))
    digest = content.content_hash(forged)
    notice.review.approval.content, notice.review.approval.hash = forged, digest
    for entry in incident.log:
        entry["hash"] = digest
    fileformat.save(incident, path)
    assert send_gate.check_can_send(incident, notice, Renderer().render(incident, notice),
                                 Settings()) is None  # the forgery fools everything but the signature

    proc = team.send(path)
    assert proc.returncode == 2 and "does not match this approval" in proc.stderr
    assert smtp_server.delivered() == {}


def test_a_signature_copied_from_another_notice_is_refused(team, smtp_server):
    signed = team.incident("other", team.petr)
    path = team.incident("copied", None, summary="A different notice, approved without a signature.")
    data = json.loads(path.read_text("utf-8"))
    data["notices"][-1]["review"]["approval"]["signature"] = approval(signed)["signature"]
    path.write_text(json.dumps(data), "utf-8")
    proc = team.send(path)
    assert proc.returncode == 2 and "does not match this approval" in proc.stderr
    assert smtp_server.delivered() == {}
