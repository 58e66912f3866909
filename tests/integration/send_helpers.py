"""Incident files addressed to many recipients, and the command line run as a user runs it, for the sending tests."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from outagewriter.core.incident.model import Incident
from outagewriter.core.render.renderer import Renderer
from outagewriter.core.review import workflow as review
from outagewriter.core.session.services import Services
from outagewriter.core.settings import Settings
from outagewriter.core.storage import fileformat

JAPANESE_TITLE = "決済サービスの障害"


def user_services() -> dict:
    """The renderer and settings a send uses, as the app builds them for the user running the tests."""
    loaded = Services.load()
    return {"renderer": loaded.renderer, "settings": loaded.settings}


def addresses(count: int, domain: str = "customers.example") -> list[str]:
    return [f"customer{n:04d}@{domain}" for n in range(1, count + 1)]


def approve(incident: Incident, author: str = "Jana Novák", reviewer: str = "Petr Svoboda") -> None:
    """The review step every real notice goes through before it may be sent."""
    notice = incident.notices[-1]
    rendered = Renderer().render(incident, notice)
    review.request_review(incident, notice, rendered, author)
    review.approve(incident, notice, rendered, reviewer, Settings())


def make_incident(to: list[str], cc: list[str] = (), bcc: list[str] = (), *,
                  title: str = "Card payments failing", approved: bool = True) -> Incident:
    incident = Incident.create(title, "Acme Pay")
    incident.notices[-1].update({
        "summary": "Card payments fail for about a third of customers in Europe since 09:40 CET. "
                   "Please retry failed payments after 11:00 CET; we will write again by then.",
        "impact": "Card payments fail with an error message.",
        "data_loss": "none",
        "contact_name": "Jana Novák",
        "contact_email": "jana.novak@acme.example",
        "next_update": "2026-11-27T11:00[Europe/Prague]",
        "to": ", ".join(to),
        "cc": ", ".join(cc),
        "bcc": ", ".join(bcc),
    })
    if approved:
        approve(incident)
    return incident


def write_incident(folder: Path, to: list[str], cc: list[str] = (), bcc: list[str] = (), **kw) -> Path:
    path = folder / "card-payments.outage"
    fileformat.save(make_incident(to, cc, bcc, **kw), path)
    return path


def ow(env, *args, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "outagewriter", *map(str, args)], env=env, capture_output=True, text=True,
        encoding="utf-8", input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL, timeout=120,
    )


def add_account(env, server, name, *extra, password=None):
    proc = ow(env, "accounts", "add", name, "--host", "127.0.0.1", "--port", server.port, "--security",
              server.security, "--user", server.user, "--from", server.user, "--from-name", "Ops Team",
              "--password-stdin", *extra, stdin=(password or server.password) + "\n")
    assert proc.returncode == 0, proc.stderr
    return proc
