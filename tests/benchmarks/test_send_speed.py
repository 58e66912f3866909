"""One notice to 1,000 recipients through a local STARTTLS + AUTH SMTP server (aiosmtpd).

Measures the whole send: render, build, archive, 20 batches of 50, and saving the incident file
after each batch (twice: before the data goes out and after the answer).
Run with `--benchmark-enable` for timings; the memory figure is printed with -s.
"""
from __future__ import annotations

import itertools
import sys
import tracemalloc
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))  # the shared test servers

from send_helpers import addresses, write_incident  # noqa: E402
from smtp_server import Certificates, SMTPTestServer  # noqa: E402

from outagewriter.core.mail.sending import send_notice  # noqa: E402
from outagewriter.core.render.renderer import Renderer  # noqa: E402
from outagewriter.core.settings import Settings  # noqa: E402
from outagewriter.core.storage import fileformat

RECIPIENTS = 1000
BATCH = 50


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = SMTPTestServer(Certificates.make(tmp_path_factory.mktemp("certs"))).start()
    yield server
    server.stop()


def _prepare(folder: Path):
    path = write_incident(folder, addresses(RECIPIENTS))
    incident = fileformat.load(path)
    return (incident, path), {}


def _send(server, incident, path):
    result = send_notice(incident, incident.notices[-1], path, server.account(batch_size=BATCH), server.password,
                         timeout=30, renderer=Renderer(), settings=Settings())
    assert result.ok, result.summary()
    return result


def test_send_1000_recipients_time(benchmark, server, tmp_path):
    counter = itertools.count()

    def setup():
        folder = tmp_path / f"round{next(counter)}"
        folder.mkdir()
        return _prepare(folder)

    result = benchmark.pedantic(lambda incident, path: _send(server, incident, path), setup=setup, rounds=5,
                                iterations=1)
    assert len(result.accepted) == RECIPIENTS


def test_send_1000_recipients_peak_memory(server, tmp_path):
    (incident, path), _ = _prepare(tmp_path)
    tracemalloc.start()
    try:
        _send(server, incident, path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    print(f"\npeak traced memory sending to {RECIPIENTS} recipients: {peak / 1e6:.2f} MB "
          "(includes the in-process test server)")
    assert peak < 64e6
