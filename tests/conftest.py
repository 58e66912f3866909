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
    """The translations are built from their sources at test time, as at install time: once, before
    any worker starts (a worker has `workerinput`), so no worker reads a catalog being written."""
    if hasattr(session.config, "workerinput"):
        return
    root = Path(__file__).resolve().parents[1]
    subprocess.run([str(root / "scripts" / "build-translations")], check=True,
                   env=dict(os.environ, PYTHON=sys.executable))


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A test that switches the program to Japanese (the window's language setting, a CLI run in a
    Japanese locale) leaves the next test, in the same worker, in English as it found it."""
    yield
    from outagewriter.core import i18n

    if i18n.active_language() != "en":
        i18n.use_language("en")
    language = sys.modules.get("outagewriter.ui.language")
    if language is not None:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            language.install(app, "en")


@pytest.fixture
def in_prague(monkeypatch):
    """The computer's own time zone is Europe/Prague for this test (stored times are UTC)."""
    monkeypatch.setenv("TZ", "Europe/Prague")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
