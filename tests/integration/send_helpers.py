"""Incident files addressed to many recipients, for the sending tests."""
from __future__ import annotations

from pathlib import Path

from outagewriter.core import fileformat
from outagewriter.core.model import Incident

JAPANESE_TITLE = "決済サービスの障害"


def addresses(count: int, domain: str = "customers.example") -> list[str]:
    return [f"customer{n:04d}@{domain}" for n in range(1, count + 1)]


def make_incident(to: list[str], cc: list[str] = (), bcc: list[str] = (), *,
                  title: str = "Card payments failing") -> Incident:
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
    return incident


def write_incident(folder: Path, to: list[str], cc: list[str] = (), bcc: list[str] = (), **kw) -> Path:
    path = folder / "card-payments.outage"
    fileformat.save(make_incident(to, cc, bcc, **kw), path)
    return path
