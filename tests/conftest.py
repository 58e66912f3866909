"""Settings and fixtures every test folder may use."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import settings

# Hypothesis's per-example deadline is a timing assertion; speed is measured by the benchmarks instead,
# and a deadline only makes property tests flaky on a busy two-core machine.
settings.register_profile("outagewriter", deadline=None)
settings.load_profile("outagewriter")


def pytest_sessionstart(session):
    """The translations are built from their sources at test time, as at install time."""
    root = Path(__file__).resolve().parents[1]
    subprocess.run([str(root / "scripts" / "build-translations")], check=True,
                   env=dict(os.environ, PYTHON=sys.executable))


@pytest.fixture
def in_prague(monkeypatch):
    """The computer's own time zone is Europe/Prague for this test (stored times are UTC)."""
    monkeypatch.setenv("TZ", "Europe/Prague")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
