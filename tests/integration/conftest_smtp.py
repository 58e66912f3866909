"""Fixtures for the sending tests: real SMTP servers, test certificates, a real keyring.

Imported into tests/integration/conftest.py with one line (`from conftest_smtp import *`).
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
import uuid
from pathlib import Path

import pytest
from smtp_server import (
    PASSWORD,
    Certificates,
    Faults,
    SilentServer,
    SMTPTestServer,
    free_port,
)

from outagewriter.core.mail.secrets import Secrets


@pytest.fixture(scope="session")
def smtp_certs(tmp_path_factory) -> Certificates:
    return Certificates.make(tmp_path_factory.mktemp("smtp-certs"))


@pytest.fixture(scope="session")
def untrusted_certs(tmp_path_factory) -> Certificates:
    """Certificates from a CA the client is never told about."""
    return Certificates.make(tmp_path_factory.mktemp("untrusted-certs"))


def _serve(request, certs, **kwargs) -> SMTPTestServer:
    server = SMTPTestServer(certs, **kwargs).start()
    request.addfinalizer(server.stop)
    return server


@pytest.fixture
def smtp_server(request, smtp_certs) -> SMTPTestServer:
    """STARTTLS on a test port, AUTH required (user smtp_server.user, password smtp_server.password)."""
    return _serve(request, smtp_certs, security="starttls")


@pytest.fixture
def tls_server(request, smtp_certs) -> SMTPTestServer:
    """Implicit TLS (like port 465), AUTH required."""
    return _serve(request, smtp_certs, security="tls")


@pytest.fixture
def faulty_smtp(request, smtp_certs) -> SMTPTestServer:
    """Like smtp_server, but each test sets `faulty_smtp.faults` to make it misbehave."""
    return _serve(request, smtp_certs, security="starttls", faults=Faults())


@pytest.fixture
def untrusted_smtp(request, untrusted_certs) -> SMTPTestServer:
    return _serve(request, untrusted_certs, security="starttls")


@pytest.fixture
def plain_smtp(request, smtp_certs) -> SMTPTestServer:
    """No TLS at all, AUTH allowed without it: only an explicitly allowed account may sign in."""
    return _serve(request, smtp_certs, security="none")


@pytest.fixture
def silent_port():
    server = SilentServer()
    yield server.port
    server.close()


@pytest.fixture
def closed_port() -> int:
    return free_port()


@pytest.fixture
def smtp_password() -> str:
    return PASSWORD


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv("OUTAGEWRITER_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture
def real_keyring() -> Secrets:
    """The real Secret Service; its absence is a failure: the test command runs under it."""
    secrets = Secrets()
    if not secrets.available():
        pytest.fail(
            f"no working keyring backend ({secrets.backend!r}); run the tests under scripts/with-keyring, "
            "e.g. scripts/with-keyring .venv/bin/python -m pytest tests/integration"
        )
    return secrets


@pytest.fixture
def account_name(request) -> str:
    """A unique account name; its keyring entry, if any, is removed afterwards."""
    name = f"test-{uuid.uuid4().hex[:10]}"
    yield name
    secrets = Secrets()
    if secrets.available():
        secrets.delete(name)


@pytest.fixture
def cli_env(config_dir, smtp_certs) -> dict:
    """Environment for `python -m outagewriter` subprocesses: private config, test CA trusted."""
    env = dict(os.environ)
    env["OUTAGEWRITER_CONFIG_DIR"] = str(config_dir)
    env["SSL_CERT_FILE"] = str(smtp_certs.ca_file)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@pytest.fixture
def webhook_server(request):
    """A local stand-in for the chat services' incoming webhooks (webhook_server.py)."""
    from webhook_server import WebhookServer

    server = WebhookServer().start()
    request.addfinalizer(server.stop)
    return server


@pytest.fixture
def chat_keyring():
    """The real Secret Service for webhook URLs; every entry a test saves there is removed afterwards.

    Webhook URLs are keyed by destination name, and the tests' destinations have the same names in every
    test worker, all of which share the run's one keyring: one test at a time holds them, or a worker
    posts to the URL another worker just saved (its server already stopped: connection refused)."""
    from outagewriter.core.chat.secrets import WebhookSecrets

    webhooks = WebhookSecrets()
    if not webhooks.available():
        pytest.fail("no working keyring backend; run the tests under scripts/with-keyring")
    bus = hashlib.sha256(os.environ.get("DBUS_SESSION_BUS_ADDRESS", "").encode()).hexdigest()[:12]
    with open(Path(tempfile.gettempdir()) / f"outagewriter-test-chat-keyring-{bus}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield webhooks
        finally:
            for name in CHAT_TEST_NAMES:
                webhooks.delete(name)


CHAT_TEST_NAMES = ("Status channel", "Ops", "Partners room", "Team chat")
