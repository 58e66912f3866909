"""Approving in the window with `review.signing_key` set signs the approval, as `outagewriter approve` does;
a key that cannot sign is told in one line and nothing is recorded."""
from __future__ import annotations

import json
import subprocess

from outagewriter.core.render.renderer import Renderer
from outagewriter.core.review import signature as approval_signature
from outagewriter.core.review import workflow as review
from outagewriter.core.storage import fileformat


def make_key(folder, passphrase=""):
    key = folder / "petr"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-f", str(key)], check=True,
                   stdin=subprocess.DEVNULL, timeout=30)
    return key


def reviewer_window(make_window, dirs, path, key):
    incident = fileformat.load(path)
    notice = incident.notices[-1]
    review.request_review(incident, notice, Renderer().render(incident, notice), "Jana Novák")
    fileformat.save(incident, path)
    dirs[1].mkdir(parents=True, exist_ok=True)
    (dirs[1] / "settings.json").write_text(json.dumps(
        {"user_name": "Petr Svoboda", "review": {"signing_key": str(key)}}), encoding="utf-8")
    window = make_window(path)
    window.show_review()
    return window


def test_approving_in_the_window_signs(make_window, dirs, incident_file, dialogs, tmp_path):
    key = make_key(tmp_path)
    window = reviewer_window(make_window, dirs, incident_file, key)
    dialogs.answers["approve"] = ("Petr Svoboda", "")
    window.approve()
    assert dialogs.errors == []
    saved = fileformat.load(incident_file)
    approval = saved.notices[-1].review.approval
    allowed = tmp_path / "allowed_signers"
    allowed.write_text(f"petr@acme.example {key.with_suffix('.pub').read_text()}")
    data = approval_signature.payload(saved.id, saved.notices[-1].id, approval.hash, approval.reviewer,
                                      approval.time)
    assert approval_signature.verify(data, approval.signature, allowed) == "petr@acme.example"


def test_a_key_that_cannot_sign_is_told_and_nothing_is_approved(make_window, dirs, incident_file, dialogs,
                                                               tmp_path, monkeypatch):
    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    window = reviewer_window(make_window, dirs, incident_file, make_key(tmp_path, passphrase="secret words"))
    before = incident_file.read_bytes()
    dialogs.answers["approve"] = ("Petr Svoboda", "")
    window.approve()
    assert len(dialogs.errors) == 1 and "no SSH agent holds it; add it with ssh-add" in dialogs.errors[0]
    assert incident_file.read_bytes() == before
    assert review.state(window.notice) == "in-review"
