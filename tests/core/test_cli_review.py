"""review, request-review, approve and request-changes as a user runs them: real processes, real files."""
import json
import os
import subprocess
import sys

import pytest

from outagewriter.core.incident.records import SentRecord
from outagewriter.core.render.renderer import Renderer
from outagewriter.core.review import send_gate
from outagewriter.core.review import workflow as review
from outagewriter.core.settings import Settings
from outagewriter.core.storage import fileformat
from outagewriter.core.storage.conflicts import (
    ConflictError,
    load_with_stamp,
    save_checked,
)
from outagewriter.core.storage.locks import EditLock


def run(*args, cwd, user=None, config=None):
    """Each person has their own configuration folder, as on their own computer."""
    folder = cwd / (config or f"config-{user or 'nobody'}")
    folder.mkdir(exist_ok=True)
    if user:
        (folder / "settings.json").write_text(json.dumps({"user_name": user}), "utf-8")
    env = dict(os.environ, OUTAGEWRITER_CONFIG_DIR=str(folder))
    result = subprocess.run([sys.executable, "-m", "outagewriter", *map(str, args)], cwd=cwd, env=env,
                            capture_output=True, timeout=60)
    result.out, result.err = result.stdout.decode(), result.stderr.decode()
    return result


@pytest.fixture
def made(tmp_path):
    path = tmp_path / "payments.outage"
    assert run("new", path, "--title", "Card payments failing", "--service", "Acme Pay", cwd=tmp_path).returncode == 0
    result = run("set", path, "summary=Card payments fail for some customers in Europe.", "data_loss=none",
                 "next_update=on-change", "contact_name=Jana Novák", "contact_email=jana@acme.example",
                 "to=customers@acme.example", "bcc=audit@acme.example", cwd=tmp_path)
    assert result.returncode == 0, result.err
    return path


def test_request_review_approve_and_send_check(tmp_path, made):
    result = run("request-review", made, "--reviewer", "Petr", cwd=tmp_path, user="Jana Novák")
    assert result.returncode == 0, result.err
    assert "in review (requested by Jana Novák)" in result.out

    result = run("approve", made, "--reviewer", "Petr Svoboda", "--comment", "Clear and calm.", cwd=tmp_path,
                 user="Petr Svoboda")
    assert result.returncode == 0, result.err
    assert "approved by Petr Svoboda" in result.out

    incident = fileformat.load(made)
    notice = incident.notices[-1]
    rendered = Renderer().render(incident, notice)
    assert isinstance(review.approval_status(incident, notice, rendered), review.Valid)
    send_gate.check_can_send(incident, notice, rendered, Settings())
    assert [e["event"] for e in incident.log] == ["review-requested", "approved"]

    shown = run("review", made, cwd=tmp_path, user="Petr Svoboda")
    assert shown.returncode == 0, shown.err
    assert "Notice 1 of 1 (initial): approved" in shown.out
    assert "Approval: approved by Petr Svoboda" in shown.out and "Ready to send." in shown.out
    assert "Subject: Investigating: Card payments failing (Acme Pay)" in shown.out
    assert "Card payments fail for some customers in Europe." in shown.out
    assert 'approved by Petr Svoboda' in shown.out.split("History:")[1]


def test_approver_who_is_the_author_is_refused(tmp_path, made):
    assert run("request-review", made, cwd=tmp_path, user="Jana Novák").returncode == 0
    before = made.read_bytes()
    result = run("approve", made, "--reviewer", "Jana Novák", cwd=tmp_path, user="Petr Svoboda")
    assert result.returncode == 2
    assert "Jana Novák wrote this notice" in result.err and "someone else" in result.err
    # Another name typed on the author's own account is refused too.
    result = run("approve", made, "--reviewer", "Petr Svoboda", cwd=tmp_path, user="Jana Novák")
    assert result.returncode == 2 and "on their own account" in result.err
    assert made.read_bytes() == before


def test_approve_needs_a_review_request_and_a_reviewer(tmp_path, made):
    result = run("approve", made, "--reviewer", "Petr", cwd=tmp_path, user="Petr")
    assert result.returncode == 2 and "not in review (draft)" in result.err
    result = run("approve", made, cwd=tmp_path, user="Petr")
    assert result.returncode == 2 and "--reviewer" in result.err
    result = run("approve", tmp_path / "missing.outage", "--reviewer", "Petr", cwd=tmp_path, user="Petr")
    assert result.returncode == 2 and "no such file" in result.err


def test_an_edit_after_approval_voids_it_with_a_word_diff(tmp_path, made):
    run("request-review", made, cwd=tmp_path, user="Jana Novák")
    run("approve", made, "--reviewer", "Petr", cwd=tmp_path, user="Petr")
    assert run("set", made, "summary=Card payments fail for all customers in Europe.", cwd=tmp_path).returncode == 0
    shown = run("review", made, cwd=tmp_path, user="Petr")
    assert "approval void" in shown.out
    assert "Approval: approval void: changed after approval" in shown.out
    assert "[-some-] {+all+}" in shown.out
    assert "Not ready to send" in shown.out
    result = run("approve", made, "--reviewer", "Petr", cwd=tmp_path, user="Petr")
    assert result.returncode == 2 and "not in review" in result.err


def test_request_changes_with_a_field(tmp_path, made):
    run("request-review", made, cwd=tmp_path, user="Jana Novák")
    result = run("request-changes", made, "--reviewer", "Petr", "--comment", "Which countries?",
                 "--field", "summary", cwd=tmp_path, user="Petr")
    assert result.returncode == 0, result.err
    shown = run("review", made, cwd=tmp_path, user="Jana Novák")
    assert "Notice 1 of 1 (initial): changes requested" in shown.out
    assert "Changes requested:\n- Petr (summary): Which countries?" in shown.out
    result = run("request-changes", made, "--reviewer", "Petr", "--comment", "x", "--field", "colour",
                 cwd=tmp_path, user="Petr")
    assert result.returncode == 2 and "invalid choice" in result.err
    result = run("request-changes", made, "--reviewer", "Petr", cwd=tmp_path, user="Petr")
    assert result.returncode == 2 and "--comment" in result.err


def test_review_shows_the_changes_since_the_previous_notice(tmp_path, made):
    incident = fileformat.load(made)
    incident.notices[-1].sent = SentRecord(time="2026-11-27T10:00:00Z")
    incident.add_notice("update")
    incident.notices[-1].set("summary", "Card payments fail for all customers in Europe.")
    fileformat.save(incident, made)
    shown = run("review", made, cwd=tmp_path)
    assert shown.returncode == 0, shown.err
    changes = shown.out.split("Changes since notice 1:\n")[1]
    assert "subject: [-Investigating:-] {+Update 1, investigating:+}" in changes
    assert "[-some-] {+all+}" in changes


def test_a_file_open_elsewhere_is_not_written_unless_asked(tmp_path, made):
    holder = EditLock(made, user="Jana Novák", host="janas-laptop", pid=4242)
    holder.acquire()
    try:
        before = made.read_bytes()
        result = run("request-review", made, cwd=tmp_path, user="Jana Novák")
        assert result.returncode == 2
        assert "locked by Jana Novák on host janas-laptop since" in result.err and "--ignore-lock" in result.err
        assert made.read_bytes() == before

        # Jana's window has the file open; Petr approves anyway and Jana's next save is told.
        window_copy, stamp = load_with_stamp(made)
        assert run("request-review", made, "--ignore-lock", cwd=tmp_path, user="Jana Novák").returncode == 0
        window_copy.notices[-1].set("summary", "Edited in the window meanwhile.")
        with pytest.raises(ConflictError):
            save_checked(window_copy, made, stamp)
        assert review.state(fileformat.load(made).notices[-1]) == review.IN_REVIEW
    finally:
        holder.release()
    assert not made.with_name(".payments.outage.lock").exists()


def test_set_after_approval_voids_it_visibly(tmp_path):
    """`set` records the void at once (state back to draft, a 'voided' entry), not only at send time."""
    import json
    import os
    import subprocess
    import sys

    def ow(*args, who="jana"):
        # Author and reviewer work on their own machines: each has a configuration naming them.
        config = tmp_path / who
        config.mkdir(exist_ok=True)
        (config / "settings.json").write_text(json.dumps({"user_name": who}))
        env = dict(os.environ, OUTAGEWRITER_CONFIG_DIR=str(config))
        return subprocess.run([sys.executable, "-m", "outagewriter", *map(str, args)], env=env,
                              capture_output=True, text=True, timeout=60)

    path = tmp_path / "void.outage"
    assert ow("new", path, "--title", "Login slow", "--service", "Portal").returncode == 0
    assert ow("set", path, "summary=Logins take a minute.", "to=a@x.example").returncode == 0
    assert ow("request-review", path, "--reviewer", "Petr").returncode == 0
    assert ow("approve", path, "--reviewer", "Petr Svoboda", who="petr").returncode == 0
    result = ow("set", path, "summary=Logins take two minutes.")
    assert result.returncode == 0
    assert "approval void: changed after approval" in result.stderr
    events = [entry["event"] for entry in json.loads(path.read_text("utf-8"))["log"]]
    assert events == ["review-requested", "approved", "voided"]


def test_review_honours_the_reviewers_rule_packs(tmp_path, made):
    """`review` checks with the same rules as `check` and the window: the user's packs, disabled rules off."""
    assert run("set", made, "summary=We are truly sorry. Card payments fail for some customers.",
               cwd=tmp_path).returncode == 0
    plain = run("review", made, cwd=tmp_path, user="Petr")
    assert plain.returncode == 0, plain.err
    assert "[truly sorry]" in plain.out and "what does not work now" in plain.out

    rules = tmp_path / "config-Petr" / "rules"
    rules.mkdir()
    (rules / "house.json").write_text(json.dumps({
        "language": "en",
        "disabled": ["guilt.intensified-apology", "structure.impact-missing"],
        "rules": [{"id": "house.no-customers", "category": "jargon", "severity": "warning",
                   "patterns": ["\\bcustomers\\b"], "message": "Say 'you' to the reader."}],
    }), "utf-8")
    shown = run("review", made, cwd=tmp_path, user="Petr")
    assert shown.returncode == 0, shown.err
    assert "[truly sorry]" not in shown.out and "what does not work now" not in shown.out
    assert "warning: summary: Say 'you' to the reader. [customers]" in shown.out
