"""Signing approvals with the reviewer's SSH key: the signed text, the settings, and each way signing
or checking fails, told in one line with nothing recorded. Real keys made by ssh-keygen."""
from __future__ import annotations

import json
import subprocess

import pytest

from outagewriter.core.incident.model import Incident
from outagewriter.core.render.renderer import Renderer
from outagewriter.core.review import send_gate
from outagewriter.core.review import signature as approval_signature
from outagewriter.core.review import workflow as review
from outagewriter.core.settings import Settings, load_settings
from outagewriter.core.storage import fileformat

RENDERER = Renderer()


def make_key(folder, name, passphrase=""):
    key = folder / name
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", name, "-f", str(key)],
                   check=True, stdin=subprocess.DEVNULL, timeout=30)
    return key


def in_review() -> tuple[Incident, object]:
    incident = Incident.create("Card payments failing", "Acme Pay")
    notice = incident.notices[-1]
    notice.update({"summary": "Card payments fail.", "to": "ops@customer.example"})
    review.request_review(incident, notice, RENDERER.render(incident, notice), "Jana Novák")
    return incident, notice


def approve(incident, notice, **settings):
    return review.approve(incident, notice, RENDERER.render(incident, notice), "Petr Svoboda",
                          Settings(user_name="Petr Svoboda", **settings))


def test_the_signed_text_is_fixed():
    data = approval_signature.payload("inc-1", "n-1", "ab" * 32, "Petr \"P\" Svoboda\nhash x", "2026-11-30T10:00:00Z")
    assert data.decode() == (
        "outagewriter-approval 1\n"
        'incident "inc-1"\n'
        'notice "n-1"\n'
        f'hash "{"ab" * 32}"\n'
        'reviewer "Petr \\"P\\" Svoboda\\nhash x"\n'  # a value cannot add a line of its own
        'time "2026-11-30T10:00:00Z"\n')


def test_approve_signs_and_the_signature_verifies(tmp_path):
    key = make_key(tmp_path, "petr")
    allowed = tmp_path / "allowed_signers"
    allowed.write_text(f"petr@acme.example {key.with_suffix('.pub').read_text()}")
    incident, notice = in_review()
    approve(incident, notice, signing_key=str(key))
    rendered = RENDERER.render(incident, notice)
    settings = Settings(require_signed_approval=True, allowed_signers=str(allowed))
    assert send_gate.check_can_send(incident, notice, rendered, settings) == "petr@acme.example"
    # Another reviewer name in the record (log rewritten to match) breaks the signature.
    notice.review.approval.reviewer = "Eva Dvořáková"
    for entry in incident.log:
        if entry["event"] == "approved":
            entry["who"] = "Eva Dvořáková"
    with pytest.raises(review.ApprovalError, match="does not match this approval"):
        send_gate.check_can_send(incident, notice, rendered, settings)


@pytest.mark.parametrize("case, expected", [
    ("passphrase", "protected by a passphrase and no SSH agent holds it; add it with ssh-add"),
    ("missing", "the signing key .* does not exist"),
    ("no ssh-keygen", "ssh-keygen was not found; install OpenSSH"),
])
def test_signing_fails_in_one_line_and_records_nothing(case, expected, tmp_path, monkeypatch):
    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    key = make_key(tmp_path, "petr", passphrase="secret words" if case == "passphrase" else "")
    if case == "missing":
        key = tmp_path / "no-such-key"
    if case == "no ssh-keygen":
        monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    incident, notice = in_review()
    before = json.dumps(fileformat.to_dict(incident))
    with pytest.raises(review.ReviewError, match=expected) as caught:
        approve(incident, notice, signing_key=str(key))
    assert "\n" not in str(caught.value)
    assert json.dumps(fileformat.to_dict(incident)) == before


def test_a_missing_allowed_signers_file_refuses(tmp_path):
    incident, notice = in_review()
    approve(incident, notice, signing_key=str(make_key(tmp_path, "petr")))
    settings = Settings(require_signed_approval=True, allowed_signers=str(tmp_path / "nowhere"))
    with pytest.raises(review.ApprovalError, match="there is no allowed signers file at"):
        send_gate.check_can_send(incident, notice, RENDERER.render(incident, notice), settings)


def test_signature_settings_are_read_and_checked(tmp_path, monkeypatch):
    monkeypatch.setenv("OUTAGEWRITER_CONFIG_DIR", str(tmp_path))
    assert Settings().allowed_signers_path() == tmp_path / "allowed_signers"  # the user's own folder
    assert not Settings().require_signed_approval and Settings().signing_key == ""
    (tmp_path / "settings.json").write_text(json.dumps({"review": {
        "signing_key": "~/.ssh/id_ed25519", "require_signed_approval": True, "allowed_signers": "~/signers"}}))
    settings = load_settings(tmp_path)
    assert settings.problems == ()
    assert (settings.signing_key, settings.require_signed_approval) == ("~/.ssh/id_ed25519", True)
    assert settings.allowed_signers_path().name == "signers" and "~" not in str(settings.allowed_signers_path())
    (tmp_path / "settings.json").write_text(json.dumps({"review": {"require_signed_approval": "yes"}}))
    settings = load_settings(tmp_path)
    assert not settings.require_signed_approval and "review.require_signed_approval" in settings.problems[0]


@pytest.mark.parametrize("signature", [42, "x" * (approval_signature.MAX_SIGNATURE_CHARS + 1)])
def test_the_file_refuses_a_malformed_signature(signature, tmp_path):
    incident, notice = in_review()
    approve(incident, notice)
    notice.review.approval.signature = signature
    path = tmp_path / "bad.outage"
    path.write_text(json.dumps(fileformat.to_dict(incident)), "utf-8")
    with pytest.raises(fileformat.IncidentFileError, match="notice 1, 'review.approval.signature': expected text of at most 16,000 characters"):
        fileformat.load(path)
