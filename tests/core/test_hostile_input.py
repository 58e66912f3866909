"""The incident file, templates, settings and lock files come from other people: checked before trusted.

Each test drives the command line (its main(), in this process, or a real process where processes
meet) or the sender, with files as a hand editor or a hostile colleague would leave them.
"""
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from outagewriter import cli
from outagewriter.core.mail.accounts import Account
from outagewriter.core.mail.sending import send_notice
from outagewriter.core.render.renderer import Renderer
from outagewriter.core.render.template_limits import TIME_LIMIT_SECONDS, WATCHDOG_FACTOR
from outagewriter.core.review import send_gate
from outagewriter.core.review import workflow as review
from outagewriter.core.settings import Settings
from outagewriter.core.storage import fileformat


@pytest.fixture
def config(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("OUTAGEWRITER_CONFIG_DIR", str(folder))
    monkeypatch.setenv("OUTAGEWRITER_STATE_DIR", str(tmp_path / "state"))
    return folder


def run(capsys, *args):
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def path(tmp_path, incident):
    file = tmp_path / "payments.outage"
    fileformat.save(incident, file)
    return file


def approve_as_people(path, author="Jana Novák", reviewer="Petr Svoboda"):
    incident = fileformat.load(path)
    notice = incident.notices[-1]
    renderer = Renderer()
    review.request_review(incident, notice, renderer.render(incident, notice), author)
    review.approve(incident, notice, renderer.render(incident, notice), reviewer, Settings(user_name=reviewer))
    fileformat.save(incident, path)


def edit(path, change):
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def test_a_void_approval_whose_reason_is_not_text_is_one_clear_line(config, capsys, path):
    # The hand checks let any "voided" object through; showing its reason then crashed review and send.
    approve_as_people(path)
    edit(path, lambda d: d["notices"][-1]["review"]["approval"].update(
        voided={"time": "2026-11-27T10:06:00Z", "who": "Petr Svoboda", "reason": 5, "hash": "0" * 64}))
    before = path.read_bytes()
    for command in (["review"], ["send", "--account", "nobody"]):
        code, _, err = run(capsys, command[0], path, *command[1:])
        assert code == 2, err
        assert err.strip().endswith("notice 1, 'review.approval.voided.reason': expected text, got a number"), err
        assert len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before


# ---------------------------------------------------------------------------------------------
# Forged approvals


def _withdraw_then_revive(data):
    notice = data["notices"][-1]
    approval = notice["review"]["approval"]
    data["log"].append({"event": "changes-requested", "notice": notice["id"], "who": "Petr Svoboda",
                        "when": "2099-01-01T00:00:00Z", "hash": approval["hash"], "comment": "no", "field": None})
    notice["review"]["state"] = "approved"  # what request-changes did, undone by hand
    approval["voided"] = None


def _author_renamed(data):
    # Jana asked for the review and approved it herself, after renaming the author in the record.
    notice = data["notices"][-1]
    notice["review"]["author"] = "Somebody Else"
    for entry in data["log"]:
        if entry["event"] == "approved":
            entry["who"] = "Jana Novák"
    notice["review"]["approval"]["reviewer"] = "Jana Novák"


def _approval_entry_removed(data):
    data["log"] = [e for e in data["log"] if e["event"] != "approved"]


def _approved_by_someone_else_in_the_log(data):
    for entry in data["log"]:
        if entry["event"] == "approved":
            entry["who"] = "Eve Mallory"


FORGERIES = {
    "state set back to draft": lambda d: d["notices"][-1]["review"].update(state="draft"),
    "voided cleared after changes were requested": _withdraw_then_revive,
    "author renamed to approve one's own notice": _author_renamed,
    "approval entry removed from the log": _approval_entry_removed,
    "log names another approver": _approved_by_someone_else_in_the_log,
}


@pytest.mark.parametrize("forgery", list(FORGERIES))
def test_forged_approvals_are_refused_by_send(config, capsys, path, forgery):
    approve_as_people(path)
    edit(path, FORGERIES[forgery])
    code, out, err = run(capsys, "send", path, "--account", "work")
    assert code == 2
    assert "cannot be sent" in err and len(err.strip().splitlines()) == 1, err
    # The sender itself refuses it too, before any account or network is touched.
    incident = fileformat.load(path)
    account = Account(name="work", sender_address="ops@acme.example", host="127.0.0.1", port=9)
    with pytest.raises(review.ApprovalError, match="cannot be sent"):
        send_notice(incident, incident.notices[-1], path, account, None, settings=Settings(), renderer=Renderer())


def test_an_honest_approval_still_passes(config, capsys, path):
    approve_as_people(path)
    incident = fileformat.load(path)
    notice = incident.notices[-1]
    send_gate.check_can_send(incident, notice, Renderer().render(incident, notice), Settings())


# ---------------------------------------------------------------------------------------------
# Escape sequences


def test_set_refuses_control_characters_and_keeps_the_file(config, capsys, path):
    before = path.read_bytes()
    code, _, err = run(capsys, "set", path, "summary=Payments fail. \x1b[8mHidden sentence.\x1b[0m")
    assert code == 2 and "U+001B" in err and len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_review_shows_escape_sequences_instead_of_obeying_them(config, capsys, path):
    folder = config / "templates" / "en" / "initial"
    folder.mkdir(parents=True)
    shipped = Path(fileformat.__file__).parents[2] / "templates" / "en" / "initial"
    for part in ("subject.txt", "body.html", "short.txt"):
        (folder / part).write_text((shipped / part).read_text("utf-8"), "utf-8")
    (folder / "body.txt").write_text("{{ summary }}\n{{ '\\x1b[8m' }}Concealed sentence.{{ '\\x1b[0m' }}\n", "utf-8")
    code, out, _ = run(capsys, "review", path)
    assert code == 0
    assert "\x1b" not in out
    assert "\\x1b[8mConcealed sentence.\\x1b[0m" in out


def test_a_user_name_with_control_characters_is_not_used(config, capsys, path):
    (config / "settings.json").write_text(json.dumps({"user_name": "Jana\x1b[8m Novák"}), "utf-8")
    code, _, err = run(capsys, "request-review", path)
    assert code == 0
    assert "user_name has an unusable value" in err
    log = json.loads(path.read_text("utf-8"))["log"]
    assert "\x1b" not in log[-1]["who"]


# ---------------------------------------------------------------------------------------------
# Hostile templates

HOSTILE_TEMPLATES = {
    "appends to the list it loops over": "{% set xs = [1] %}{% for x in xs %}{{ xs.append(x) }}{% endfor %}",
    "nested ranges": "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "nested ranges without output": "{% set s %}{% for i in range(9000) %}{% for j in range(9000) %}"
                                    "{% for k in range(9000) %}{% endfor %}{% endfor %}{% endfor %}{% endset %}",
    "loops that pass no hook": "{% set s = 'x' * 2000 %}{% set out %}{% for a in s %}{% for b in s %}"
                               "{% for c in s %}{% endfor %}{% endfor %}{% endfor %}{% endset %}",
    "lipsum": "{{ lipsum(n=10**7) }}",
    "string times a huge number": "{{ 'x' * 10**10 }}",
    "a huge format width": "{{ '{:>1000000000}'.format(title) }}",
    "a huge filter argument": "{{ title|center(1000000000) }}",
}


@pytest.mark.parametrize("name", list(HOSTILE_TEMPLATES))
def test_hostile_templates_stop_within_the_time_limit(tmp_path, incident, name):
    folder = tmp_path / "templates" / "en" / "initial"
    folder.mkdir(parents=True)
    for part in ("subject.txt", "body.txt", "body.html", "short.txt"):
        (folder / part).write_text(HOSTILE_TEMPLATES[name], "utf-8")
    notice = incident.notices[-1]
    # The limit is the rendering thread's CPU time (a busy machine must not pass for a slow template), and
    # on the wall clock WATCHDOG_FACTOR times it: measured the same way, so a loaded test machine cannot fail it.
    started, started_cpu = time.monotonic(), time.thread_time()
    rendered = Renderer(user_dir=tmp_path / "templates").render(incident, notice)
    assert time.thread_time() - started_cpu < 4 * TIME_LIMIT_SECONDS
    assert time.monotonic() - started < WATCHDOG_FACTOR * TIME_LIMIT_SECONDS + 2.0
    shipped = Renderer().render(incident, notice)
    assert (rendered.subject, rendered.text, rendered.html) == (shipped.subject, shipped.text, shipped.html)
    assert len(rendered.problems) == 1
    assert "shipped template was used instead" in str(rendered.problems[0])
    assert "\n" not in str(rendered.problems[0])


# ---------------------------------------------------------------------------------------------
# Lock files, temporary files, special files


def _lock(path):
    return path.with_name(f".{path.name}.lock")


@pytest.mark.parametrize("pid", ["2147483648", "1e400", "18446744073709551616"])
def test_a_lock_with_an_impossible_pid_is_judged_by_its_age(config, capsys, path, pid):
    # On this very host, so the pid is looked at: no process can have it.
    _lock(path).write_text('{"user": "Eve", "host": "%s", "pid": %s, "since": "2020-01-01T00:00:00Z",'
                           ' "refreshed": "2020-01-01T00:00:00Z", "token": "x"}' % (socket.gethostname(), pid),
                           "utf-8")
    code, _, err = run(capsys, "set", path, "title=Card payments failing again")
    assert code == 0, err
    assert fileformat.load(path).title == "Card payments failing again"


@pytest.mark.parametrize("target", ["nowhere", "/dev/zero"])
def test_a_symlinked_lock_is_taken_over(config, capsys, path, target):
    _lock(path).symlink_to(target)
    code, _, err = run(capsys, "set", path, "title=Card payments failing again")
    assert code == 0, err
    assert not _lock(path).exists()


def test_special_files_are_refused_without_blocking(tmp_path, config):
    fifo = tmp_path / "pipe.outage"
    os.mkfifo(fifo)
    (tmp_path / "zero.outage").symlink_to("/dev/zero")
    for name in ("pipe.outage", "zero.outage"):
        for command in (["render"], ["set", "title=x"], ["review"]):
            result = subprocess.run([sys.executable, "-m", "outagewriter", command[0], name, *command[1:]],
                                    cwd=tmp_path, capture_output=True, text=True, timeout=30,
                                    env=dict(os.environ, OUTAGEWRITER_CONFIG_DIR=str(config)))
            assert result.returncode == 2, result.stderr
            assert result.stderr.strip().endswith("not a regular file (a device, pipe or socket)")


def test_temporary_files_left_by_a_killed_save_are_cleaned_up(config, capsys, path):
    old = path.with_name(f".{path.name}.k3j_9zq2.tmp")
    fresh = path.with_name(f".{path.name}.abcd1234.tmp")  # perhaps another process saving right now
    foreign = path.with_name(f".{path.name}.notours.tmp")
    for file in (old, fresh, foreign):
        file.write_text("half a save")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(foreign, (an_hour_ago, an_hour_ago))
    code, _, err = run(capsys, "set", path, "title=Card payments failing again")
    assert code == 0, err
    assert not old.exists() and fresh.exists() and foreign.exists()


def test_concurrent_sets_wait_for_each_other(tmp_path, config, path):
    env = dict(os.environ, OUTAGEWRITER_CONFIG_DIR=str(config))
    fields = ("workaround", "later_impact", "appendix", "data_loss_details")
    writers = [subprocess.Popen([sys.executable, "-m", "outagewriter", "set", str(path), f"{name}=by writer {i}"],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for i, name in enumerate(fields)]
    results = [(w.wait(timeout=60), w.stderr.read()) for w in writers]
    assert all(code == 0 for code, _ in results), results
    notice = fileformat.load(path).notices[-1]
    assert [notice.fields[name] for name in fields] == [f"by writer {i}" for i in range(4)]


# ---------------------------------------------------------------------------------------------
# Values that break mail


def test_a_sender_name_with_a_next_line_character_is_refused(config, capsys):
    code, _, err = run(capsys, "accounts", "add", "work", "--host", "smtp.acme.example", "--port", "587",
                       "--security", "starttls", "--from", "ops@acme.example", "--from-name", "Ops\x85Team",
                       "--no-login")
    assert code == 2 and "control characters are not allowed" in err
    assert "work" not in run(capsys, "accounts", "list")[1]


def test_one_line_fields_have_a_sane_length(config, capsys, path):
    code, _, err = run(capsys, "set", path, "title=" + "ž" * 2_001)
    assert code == 2 and "more than the 2,000 allowed" in err
    started = time.monotonic()
    code, _, err = run(capsys, "set", path, "title=" + "ž" * 2_000)
    assert code == 0, err
    code, out, _ = run(capsys, "render", path, "--format", "eml")
    assert code == 0 and time.monotonic() - started < 5
