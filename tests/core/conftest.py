import pytest

from outagewriter.core.incident.model import Incident


@pytest.fixture
def incident() -> Incident:
    """A realistic first notice, filled the way a communications manager would fill it."""
    incident = Incident.create("Card payments failing", "Acme Pay")
    incident.notices[-1].update(
        {
            "summary": "Card payments in Acme Pay fail for about a third of customers in Europe "
            "since 09:40 CET. Please retry failed payments after 11:00 CET; we will write again by then.",
            "impact": "- Card payments fail with an error message\n- Refunds are queued, not lost",
            "later_impact": "Settlement reports for today will arrive a few hours late.",
            "data_loss": "none",
            "workaround": "Customers can pay by bank transfer meanwhile.",
            "contact_name": "Jana Novák",
            "contact_email": "jana.novak@acme.example",
            "contact_phone": "+420 555 010 203",
            "next_update": "2026-11-27T11:00[Europe/Prague]",
            "appendix": "db-pay-03: connection pool exhausted\n    at Pool.acquire (pool.py:120)",
            "to": "customers@acme.example, Kunden <kunden@acme.example>",
            "cc": "support@acme.example",
            "bcc": "audit@acme.example",
        }
    )
    return incident
