"""The command line as a user runs it: a real process, real files, exit codes and stderr."""
import json
import os
import socket
import subprocess
import sys
import textwrap
from email import message_from_bytes
from email.policy import default

import pytest


def run(*args, cwd, input=None):
    env = dict(os.environ, OUTAGEWRITER_CONFIG_DIR=str(cwd / "config"))
    return subprocess.run([sys.executable, "-m", "outagewriter", *map(str, args)], cwd=cwd, env=env,
                          input=input, capture_output=True, timeout=60)


@pytest.fixture
def made(tmp_path):
    path = tmp_path / "payments.outage"
    assert run("new", path, "--title", "Card payments failing", "--service", "Acme Pay", cwd=tmp_path).returncode == 0
    return path


def test_new_set_render(tmp_path, made):
    result = run("set", made,
                 "summary=Card payments fail for some customers. Next update by 11:00 CET.",
                 "data_loss=none", "next_update=2026-11-27T11:00 Europe/Berlin",
                 "contact_name=Jana Novák", "contact_email=jana@acme.example",
                 "to=customers@acme.example", "bcc=audit@acme.example", "started=2026-11-27T09:40+01:00",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(made.read_text("utf-8"))
    assert data["notices"][0]["fields"]["data_loss"] == "none"
    assert data["incident"]["times"]["started"] == "2026-11-27T09:40+01:00"

    text = run("render", made, cwd=tmp_path).stdout.decode()
    assert text.startswith("Card payments failing\n")
    assert "No data has been lost." in text
    assert run("render", made, "--format", "subject", cwd=tmp_path).stdout == b"Investigating: Card payments failing (Acme Pay)\n"
    assert len(run("render", made, "--format", "short", cwd=tmp_path).stdout.decode().strip()) <= 280
    assert b"<!DOCTYPE html>" in run("render", made, "--format", "html", cwd=tmp_path).stdout

    eml = message_from_bytes(run("render", made, "--format", "eml", cwd=tmp_path).stdout, policy=default)
    assert eml.get_content_type() == "multipart/alternative"
    assert eml["Bcc"] is None
    assert "No data has been lost." in eml.get_body(("plain",)).get_content()


@pytest.mark.parametrize("assignment, message", [
    ("colour=red", "unknown field 'colour'"),
    ("data_loss=maybe", "data_loss: 'maybe' is not one of none, possible, confirmed, unknown"),
    ("to=not-an-address", "to: not an email address: 'not-an-address'"),
    ("to=a@example..com", "to: not an email address: 'a@example..com' (An email address cannot have two periods"),
    ("cc=ok@acme.example, a@example..com", "cc: not an email address: 'a@example..com'"),
    ("bcc=a@example..com", "bcc: not an email address: 'a@example..com'"),
    ("contact_email=a@example..com", "contact_email: not an email address: 'a@example..com'"),
    ("to=a@example..com; b@@acme.example\nok@acme.example",
     "to: 2 entries are not email addresses: 'a@example..com' (An email address cannot have two periods in a row); "
     "'b@@acme.example' (The part after the @-sign contains invalid characters: '@')"),
    ("next_update=tomorrow", "not an ISO 8601 date-time: 'tomorrow'"),
    ("next_update=2026-11-27T11:00", "has no time zone"),
    ("summary", "expected FIELD=VALUE"),
    ("title=Two\nlines", "title: a line break is not allowed"),
])
def test_set_refuses_bad_values_and_leaves_the_file(tmp_path, made, assignment, message):
    before = made.read_bytes()
    result = run("set", made, "summary=fine", assignment, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr.decode()
    assert len(result.stderr.decode().strip().splitlines()) == 1
    assert made.read_bytes() == before


def test_markup_comes_out_escaped(tmp_path, made):
    run("set", made, "summary=<b>bold</b> & <script>x()</script>", cwd=tmp_path)
    html = run("render", made, "--format", "html", cwd=tmp_path).stdout.decode()
    assert "&lt;script&gt;x()&lt;/script&gt;" in html and "<script>" not in html


def test_broken_file_is_refused_untouched(tmp_path):
    broken = tmp_path / "broken.outage"
    broken.write_text('{"format": "outagewriter-incident", "version": 1, "incident": {', "utf-8")
    before = broken.read_bytes()
    for args in (("render", broken), ("set", broken, "summary=x")):
        result = run(*args, cwd=tmp_path)
        assert result.returncode == 2
        assert result.stderr.decode().strip() == f"outagewriter {args[0]}: {broken}: the file is truncated (it ends in the middle of the data, line 1)"
    assert broken.read_bytes() == before


def test_add_after_sent_and_set_refused_on_sent(tmp_path, made):
    data = json.loads(made.read_text("utf-8"))
    data["notices"][0]["sent"] = {"message_id": "<1@acme.example>"}
    made.write_text(json.dumps(data), "utf-8")
    result = run("set", made, "summary=x", cwd=tmp_path)
    assert result.returncode == 2 and b"has been sent" in result.stderr
    assert run("add", made, "--kind", "update", cwd=tmp_path).returncode == 0
    assert run("set", made, "status=identified", cwd=tmp_path).returncode == 0
    subject = run("render", made, "--format", "subject", cwd=tmp_path).stdout.decode()
    assert subject == "Update 1, identified: Card payments failing (Acme Pay)\n"
    assert run("render", made, "--notice", "1", "--format", "subject", cwd=tmp_path).stdout.startswith(b"Investigating")


def test_usage_errors_exit_2(tmp_path, made):
    assert run("render", made, "--format", "pdf", cwd=tmp_path).returncode == 2
    assert run("render", made, "--notice", "5", cwd=tmp_path).returncode == 2
    assert run("new", made, "--title", "x", "--service", "y", cwd=tmp_path).returncode == 2  # exists
    assert run("frobnicate", "a", "b", cwd=tmp_path).returncode == 2


def test_unwritable_place_is_one_line_not_a_traceback(tmp_path):
    result = run("new", tmp_path / "missing-folder" / "x.outage", "--title", "a", "--service", "b", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode().strip() == (
        f"outagewriter new: {tmp_path / 'missing-folder' / 'x.outage'}: No such file or directory")


def test_usage_error_is_one_line(tmp_path, made):
    result = run("render", made, "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 2 and len(result.stderr.decode().strip().splitlines()) == 1


def test_set_refuses_a_file_open_by_a_live_process_unless_asked(tmp_path, made):
    from outagewriter.core.storage.locks import EditLock, lock_path_for, read_lock

    holder = EditLock(made, user="Jana Novák")  # this test's own process: alive, on this host
    holder.acquire()
    try:
        before = made.read_bytes()
        result = run("set", made, "summary=Written while Jana has it open.", cwd=tmp_path)
        assert result.returncode == 2
        err = result.stderr.decode()
        assert len(err.strip().splitlines()) == 1
        assert f"locked by Jana Novák on host {socket.gethostname()} since" in err and "--ignore-lock" in err
        assert made.read_bytes() == before
        result = run("add", made, "--kind", "update", cwd=tmp_path)
        assert result.returncode == 2 and "locked by Jana Novák" in result.stderr.decode()
        assert made.read_bytes() == before

        result = run("set", made, "summary=Written while Jana has it open.", "--ignore-lock", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        data = json.loads(made.read_text("utf-8"))
        assert data["notices"][0]["fields"]["summary"] == "Written while Jana has it open."
        assert read_lock(made).pid == os.getpid()  # Jana's lock is left in place
    finally:
        holder.release()
    assert not lock_path_for(made).exists()


def test_set_and_add_take_over_a_stale_lock_and_release_it(tmp_path, made):
    from outagewriter.core.storage.locks import lock_path_for, read_lock

    dead = subprocess.run([sys.executable, "-c", textwrap.dedent("""
        import os, sys
        from outagewriter.core.storage.locks import EditLock
        EditLock(sys.argv[1], user="crashed").acquire()
        os._exit(0)  # no release: like a crash
    """), str(made)], capture_output=True, timeout=60)
    assert dead.returncode == 0, dead.stderr
    left = read_lock(made)
    assert left.user == "crashed" and left.host == socket.gethostname()

    result = run("set", made, "summary=Taken over.", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(made.read_text("utf-8"))["notices"][0]["fields"]["summary"] == "Taken over."
    assert not lock_path_for(made).exists()  # taken over, then released
    result = run("add", made, "--kind", "update", cwd=tmp_path)  # refused for its own reason, lock still freed
    assert result.returncode == 2 and b"has not been sent yet" in result.stderr
    assert not lock_path_for(made).exists()


def test_new_force_does_not_replace_a_file_someone_has_open(tmp_path, made):
    from outagewriter.core.storage.locks import EditLock

    before = made.read_bytes()
    lock = EditLock(made, user="Petr Svoboda")
    lock.acquire()
    try:
        result = run("new", made, "--title", "Other", "--service", "Other", "--force", cwd=tmp_path)
    finally:
        lock.release()
    assert result.returncode == 2 and b"Petr Svoboda" in result.stderr and b"not replaced" in result.stderr
    assert made.read_bytes() == before


def _mark_sent(path):
    data = json.loads(path.read_text("utf-8"))
    data["notices"][-1]["sent"] = {"message_id": f"<{len(data['notices'])}@acme.example>"}
    path.write_text(json.dumps(data), "utf-8")


def test_add_says_what_it_carried_and_what_it_cleared(tmp_path, made):
    assert run("set", made, "summary=Card payments fail.", "impact=Payments fail.",
               "later_impact=Reports come late.", "next_update=on-change", cwd=tmp_path).returncode == 0
    _mark_sent(made)
    result = run("add", made, "--kind", "resolution", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == [
        "Notice 2 (resolution) starts from notice 1 as sent.",
        "Carried unchanged: summary, impact",
        "Cleared: later_impact, next_update",
    ]
    fields = json.loads(made.read_text("utf-8"))["notices"][1]["fields"]
    assert fields["impact"] == "Payments fail." and fields.get("later_impact", "") == ""


def test_set_fills_the_fields_of_a_post_incident_report(tmp_path, made):
    _mark_sent(made)
    assert run("add", made, "--kind", "post-incident", cwd=tmp_path).returncode == 0
    result = run("set", made, "root_cause=A full connection pool.", "events=09:40 Payments fail\n10:30 Fixed",
                 "actions=Pool alarm | Platform team | 15 December", "action_details=shown", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = run("render", made, cwd=tmp_path).stdout.decode()
    assert "Root cause\n----------\nA full connection pool." in text
    assert "- 09:40 Payments fail\n- 10:30 Fixed" in text
    assert "- Pool alarm (Platform team, by 15 December)" in text
