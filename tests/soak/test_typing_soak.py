"""The window survives a long typing session: the real app in its own process, its own event loop.

PySide6 6.12.0 on CPython 3.11 loses a reference to True/False/None on every signal delivered to a
Python slot; after about 1,500 typed characters the interpreter aborts ("Fatal Python error:
bool_dealloc"). This test types far past that, over every text field, and fails on any abort.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("window_typing_session.py")
CHARACTERS = 20_000


def test_twenty_thousand_characters_then_a_normal_quit(tmp_path):
    incident = tmp_path / "payments-outage.outage"
    shutil.copy(ROOT / "examples" / "payments-outage.outage", incident)
    before = json.loads(incident.read_text(encoding="utf-8"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1",
               OUTAGEWRITER_STATE_DIR=str(tmp_path / "state"), OUTAGEWRITER_CONFIG_DIR=str(tmp_path / "config"))
    child = subprocess.run([sys.executable, str(DRIVER), str(incident), str(CHARACTERS)], env=env,
                           capture_output=True, text=True, timeout=900)
    output = child.stdout + child.stderr
    assert "Fatal Python error" not in output, output[-3000:]
    assert child.returncode == 0, output[-3000:]
    assert f"typed {CHARACTERS} characters" in child.stdout, output[-3000:]
    after = json.loads(incident.read_text(encoding="utf-8"))
    typed = json.dumps(after["notices"])
    assert after != before and typed.count("second site") >= 100, "the typing did not reach the saved file"
    assert "ops50@customer.example" in after["notices"][-1]["fields"]["to"], "typed addresses were not saved"
    assert "ERROR" not in child.stderr, child.stderr[-2000:]
