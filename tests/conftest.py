"""Settings and fixtures every test folder may use."""
from __future__ import annotations

import time

import pytest
from hypothesis import settings

# Hypothesis's per-example deadline is a timing assertion; speed is measured by the benchmarks instead,
# and a deadline only makes property tests flaky on a busy two-core machine.
settings.register_profile("outagewriter", deadline=None)
settings.load_profile("outagewriter")


@pytest.fixture
def in_prague(monkeypatch):
    """The computer's own time zone is Europe/Prague for this test (stored times are UTC)."""
    monkeypatch.setenv("TZ", "Europe/Prague")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
