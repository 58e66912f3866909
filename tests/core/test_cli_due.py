"""`outagewriter due` as cron or a person runs it: real files, the recent list, exit codes."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import timedelta
from zoneinfo import ZoneInfo

from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.incident.times import now_utc
from outagewriter.core.storage import fileformat
from outagewriter.core.storage.history import RecentFiles


def incident_file(folder, name, title, promise_in_minutes=None, promise="", kind="initial"):
    """An incident whose first notice was sent promising the next update `promise_in_minutes` from now."""
    incident = Incident.create(title, "Checkout")
    if promise_in_minutes is not None:
        moment = (now_utc() + timedelta(minutes=promise_in_minutes)).astimezone(ZoneInfo("Europe/Berlin"))
        promise = f"{moment:%Y-%m-%dT%H:%M}[Europe/Berlin]"  # whole minutes: a minute's rounding either way
    incident.notices[-1].update({"next_update": promise})
    incident.notices[-1].sent = SentRecord(time="2026-11-30T12:00:00Z")
    path = folder / name
    fileformat.save(incident, path)
    return path


def due(*args, tmp_path):
    env = dict(os.environ, OUTAGEWRITER_CONFIG_DIR=str(tmp_path / "config"),
               OUTAGEWRITER_STATE_DIR=str(tmp_path / "state"))
    result = subprocess.run([sys.executable, "-m", "outagewriter", "due", *map(str, args)], cwd=tmp_path,
                            env=env, capture_output=True, timeout=60, text=True)
    return result


def test_an_overdue_promise_is_one_line_and_exit_1(tmp_path):
    late = incident_file(tmp_path, "late.outage", "Card payments failing", -13)
    later = incident_file(tmp_path, "later.outage", "Slow search", 120)
    result = due(later, late, tmp_path=tmp_path)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    # Shortly after midnight a promise made 13 minutes ago was yesterday: the day is named then.
    assert re.match(r"OVERDUE 1[34] min  Card payments failing  notice 1 promised (?:\w{3} \d\d? \w{3} )?\d\d:\d\d CET \(\d\d:\d\d UTC\)  ",
                    lines[0]), lines[0]
    assert lines[0].endswith(f"  {late}")
    assert re.match(r"UPCOMING in (2 h|1 h 59 min)  Slow search  notice 1 promised ", lines[1]), lines[1]


def test_nothing_overdue_exits_0_and_json_for_scripts(tmp_path):
    soon = incident_file(tmp_path, "soon.outage", "Card payments failing", 5)
    calm = incident_file(tmp_path, "calm.outage", "Search", promise="on-change")
    result = due(soon, calm, "--json", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(d["title"], d["state"], d["notice"], d["file"]) for d in data["due"]] == [
        ("Card payments failing", "due-soon", 1, str(soon))]
    assert data["due"][0]["minutes"] in (4, 5)
    assert data["skipped"] == []


def test_without_files_the_recent_incidents_are_listed_and_broken_ones_skipped(tmp_path):
    late = incident_file(tmp_path, "late.outage", "Card payments failing", -30)
    broken = tmp_path / "broken.outage"
    broken.write_text("{not json", "utf-8")
    recent = RecentFiles(tmp_path / "state")
    recent.add(late)
    recent.add(broken)
    result = due(tmp_path=tmp_path)
    assert result.returncode == 1
    assert re.match(r"OVERDUE (30|31) min  Card payments failing", result.stdout), result.stdout
    assert f"outagewriter due: skipped {broken}: " in result.stderr
    assert "Traceback" not in result.stderr


def test_a_named_file_that_cannot_be_read_is_bad_input(tmp_path):
    result = due(tmp_path / "gone.outage", tmp_path=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"outagewriter due: skipped {tmp_path / 'gone.outage'}: no such file"


def test_a_bad_option_is_a_usage_error(tmp_path):
    assert due("--soon", tmp_path=tmp_path).returncode == 2


def test_a_file_name_with_a_terminal_escape_is_shown_not_obeyed(tmp_path):
    sly = incident_file(tmp_path, "late\x1b[2J.outage", "Card payments failing", -5)
    result = due(sly, tmp_path / "gone\x1b[2J.outage", tmp_path=tmp_path)
    assert result.returncode == 1
    assert "\x1b" not in result.stdout + result.stderr
    assert result.stdout.rstrip().endswith("late\\x1b[2J.outage")
    assert "gone\\x1b[2J.outage: no such file" in result.stderr
