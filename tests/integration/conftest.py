"""Integration fixtures: a real LanguageTool HTTP server, started once per test session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from outagewriter.core.checks.languagetool_server import LanguageToolServer, server_jars

REPO = Path(__file__).resolve().parents[2]
LANGUAGETOOL_JARS = REPO / ".cache" / "languagetool" / "lib"


@pytest.fixture(scope="session")
def languagetool_jars() -> Path:
    """The folder laid out by scripts/fetch-languagetool; missing jars fail, never skip."""
    if not server_jars(LANGUAGETOOL_JARS):
        pytest.fail(
            f"LanguageTool jars are missing from {LANGUAGETOOL_JARS}: "
            "run scripts/fetch-languagetool first (the test command does this)."
        )
    return LANGUAGETOOL_JARS


@pytest.fixture(scope="session")
def languagetool_url(request) -> str:
    """Base URL of a running LanguageTool server (OUTAGEWRITER_LT_URL, or one we start)."""
    url = os.environ.get("OUTAGEWRITER_LT_URL")
    if url:
        return url.rstrip("/")
    jars = request.getfixturevalue("languagetool_jars")
    server = LanguageToolServer(jars)
    server.start()
    request.addfinalizer(server.stop)
    return server.url

from conftest_smtp import *  # noqa: E402,F401,F403  SMTP servers, test certificates, real keyring (sending tests)
