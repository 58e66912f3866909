"""Fixtures every test folder may use."""
from __future__ import annotations

import time

import pytest


@pytest.fixture
def in_prague(monkeypatch):
    """The computer's own time zone is Europe/Prague for this test (stored times are UTC)."""
    monkeypatch.setenv("TZ", "Europe/Prague")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
