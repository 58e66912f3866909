"""`outagewriter check`: files and stdin, text and JSON output, exit codes 0/1/2, grammar unavailable."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from outagewriter.core.storage import fileformat

REPO = Path(__file__).resolve().parents[2]


def run(tmp_path, *args, stdin="", **env_extra):
    env = dict(os.environ, OUTAGEWRITER_CONFIG_DIR=str(tmp_path / "config"), PYTHONPATH=str(REPO))
    env.pop("OUTAGEWRITER_LT_URL", None)
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "outagewriter", "check", *map(str, args)], input=stdin,
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)


def test_clean_stdin_exits_0(tmp_path):
    result = run(tmp_path, "-", stdin="We apologize for the inconvenience. Logins fail since 09:40 UTC.\n")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_stdin_text_output_and_exit_1_on_error(tmp_path):
    text = "We are truly sorry. Service will be fixed by 3 pm."
    result = run(tmp_path, "-", "--format", "text", stdin=text)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("text:7-18 warning guilt guilt.intensified-apology: ")
    assert lines[1].startswith("text:28-49 error overpromise overpromise.certain-eta: ")
    assert "(suggestion: " in lines[1]
    assert text[28:49] == "will be fixed by 3 pm"  # the whole time, not its hour


def test_file_json_output(tmp_path, incident):
    notice = incident.notices[-1]
    notice.update({"impact": "Card payments fail. It was our vendor's fault.", "next_update": "on-change"})
    path = tmp_path / "pay.outage"
    fileformat.save(incident, path)
    result = run(tmp_path, path, "--format", "json", "--no-grammar")
    assert result.returncode == 0, result.stderr  # a warning is not an error
    [finding] = json.loads(result.stdout)
    assert finding["rule"] == "blame.third-party" and finding["field"] == "impact"
    assert notice.fields["impact"][finding["start"]:finding["end"]] == finding["match"] == "our vendor's fault"
    assert finding["suggestions"] and isinstance(finding["suggestions"], list)


def test_file_structure_error_exits_1(tmp_path, incident):
    incident.notices[-1].update({"contact_name": "", "next_update": "on-change"})
    path = tmp_path / "pay.outage"
    fileformat.save(incident, path)
    result = run(tmp_path, path, "--no-grammar")
    assert result.returncode == 1
    assert result.stdout.startswith("contact_name:0-0 error structure structure.contact-missing: ")


@pytest.mark.parametrize("content", [None, "{ broken", '{"format": "something else"}'])
def test_bad_file_exits_2_with_the_file_error(tmp_path, content):
    path = tmp_path / "bad.outage"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run(tmp_path, path)
    assert result.returncode == 2 and result.stdout == ""
    assert str(path) in result.stderr and result.stderr.startswith("outagewriter check: ")


def test_grammar_unavailable_is_one_line_and_tone_goes_on(tmp_path):
    # Nothing listens on port 9 of loopback (discard); the checker reports and the tone checks go on.
    result = run(tmp_path, "-", stdin="We are truly sorry.", OUTAGEWRITER_LT_URL="http://127.0.0.1:9")
    assert result.returncode == 0
    assert "guilt.intensified-apology" in result.stdout
    assert len(result.stderr.strip().splitlines()) == 1 and "ammar" in result.stderr


def test_broken_user_pack_is_reported_on_stderr(tmp_path):
    rules = tmp_path / "config" / "rules"
    rules.mkdir(parents=True)
    (rules / "mine.json").write_text("{ nope", encoding="utf-8")
    result = run(tmp_path, "-", stdin="We are truly sorry.")
    assert result.returncode == 0
    assert "mine.json" in result.stderr and "guilt.intensified-apology" in result.stdout


def test_check_loads_only_what_checking_text_needs(tmp_path):
    """`check` runs on every save from editors and scripts: it must not import mail, keyring or templates."""
    probe = ("import sys; from outagewriter.cli import main; code = main(['check', '-', '--quick']); "
             "print(sorted(m for m in ('keyring', 'jinja2', 'email_validator', 'outagewriter.core.mail') "
             "if m in sys.modules))")
    env = dict(os.environ, OUTAGEWRITER_CONFIG_DIR=str(tmp_path / "config"), PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-c", probe], input="We are truly sorry.", capture_output=True,
                            text=True, env=env, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout + result.stderr
    assert "guilt.intensified-apology" in result.stdout


def test_the_fields_a_kind_sends_are_checked_and_only_those(tmp_path, incident):
    from outagewriter.core.incident.records import SentRecord

    incident.notices[-1].sent = SentRecord(time="2026-11-27T09:00Z")
    report = incident.add_notice("post-incident")
    report.fields["later_impact"] = "We are truly sorry."  # kept in the file, never sent by this kind
    report.update({"root_cause": "The outage was probably caused by a misconfigured load balancer.",
                   "actions": "We will ensure this never happens again."})
    path = tmp_path / "report.outage"
    fileformat.save(incident, path)
    result = run(tmp_path, path, "--no-grammar", "--format", "json")
    found = {(f["field"], f["category"]) for f in json.loads(result.stdout)}
    assert {("root_cause", "speculation"), ("actions", "overpromise")} <= found
    assert not [f for f in found if f[0] == "later_impact"]


def test_an_audience_the_settings_do_not_know_is_an_error(tmp_path, incident):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text(
        json.dumps({"audiences": [{"name": "US customers", "zone": "America/New_York"}]}), encoding="utf-8")
    incident.notices[-1].update({"next_update": "on-change", "audiences": "US customers, Board"})
    path = tmp_path / "pay.outage"
    fileformat.save(incident, path)
    result = run(tmp_path, path, "--no-grammar")
    assert result.returncode == 1
    assert result.stdout.startswith("audiences:0-19 error structure structure.audience-unknown: 'Board' is not an "
                                    "audience in your settings")
