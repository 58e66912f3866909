"""The README's example incidents (built by scripts/story-examples): every notice sent, in the order the
walkthrough tells it, and each one clean when checked at the moment it was sent, as it is read: an example
of a good notice."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from outagewriter.core.checks import check_notice
from outagewriter.core.storage import fileformat

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
STORIES = {
    "card-payments-story.outage": [("initial", "investigating"), ("update", "monitoring"),
                                   ("resolution", "resolved"), ("post-incident", "resolved")],
    "database-upgrade.outage": [("maintenance", "scheduled"), ("maintenance", "reminder"),
                                ("maintenance", "in-progress"), ("maintenance", "extended"),
                                ("maintenance", "completed")],
    "payouts-delayed.outage": [("initial", "investigating"), ("resolution", "resolved")],
    "dashboard-slow.outage": [("initial", "investigating"), ("update", "identified"), ("update", "monitoring")],
}
DRAFTS = {"dashboard-slow.outage": 3}  # the status page's example of a notice that must never be published


@pytest.mark.parametrize("name", STORIES)
def test_every_notice_is_sent_in_the_order_the_walkthrough_tells(name):
    incident = fileformat.load(EXAMPLES / name)
    assert [(n.kind, n.fields.get("status")) for n in incident.notices] == STORIES[name]
    sent = [n for number, n in enumerate(incident.notices, start=1) if number != DRAFTS.get(name)]
    assert all(n.is_sent for n in sent) and len(sent) == len(incident.notices) - (name in DRAFTS)
    assert all((EXAMPLES / n.sent.archive).is_file() for n in sent)  # the messages as sent
    times = [n.sent.time for n in sent]
    assert times == sorted(times)


@pytest.mark.parametrize("name", STORIES)
def test_every_notice_was_clean_when_it_was_sent(name):
    incident = fileformat.load(EXAMPLES / name)
    for number, notice in enumerate(incident.notices, start=1):
        if number == DRAFTS.get(name):
            continue
        then = datetime.fromisoformat(notice.sent.time.replace("Z", "+00:00"))
        findings = check_notice(incident, notice, now=then)
        assert [(f.rule, f.match) for f in findings] == [], f"{name} notice {number}"


@pytest.mark.parametrize("name", STORIES)
def test_the_command_line_check_finds_no_tone_problem(name, tmp_path):
    env = dict(os.environ, OUTAGEWRITER_CONFIG_DIR=str(tmp_path / "config"), PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-m", "outagewriter", "check", "--quick", "--format", "json",
                             str(EXAMPLES / name)], capture_output=True, text=True, env=env, timeout=60)
    assert result.stderr == ""
    categories = {f["category"] for f in json.loads(result.stdout)}
    assert categories <= {"structure"}  # a promise made then may lie in the past now; the words stay clean
