"""A long, realistic notice shared by the benchmarks (2,000 words across the text fields)."""
from outagewriter.core.incident.model import Incident

PARAGRAPH = (
    "Card payments in Acme Pay fail for about a third of customers in Europe since 09:40 CET. "
    "Refunds are queued and will be processed once payments work again. We are working with the "
    "payment network to restore the service and will write again by 11:00 CET with what we know. "
)  # 50 words


def long_incident(words: int = 2000) -> Incident:
    incident = Incident.create("Card payments failing", "Acme Pay")
    share = max(1, words // 50 // 5)
    incident.notices[-1].update({
        "summary": PARAGRAPH * 2,
        "impact": "\n\n".join([PARAGRAPH] * share),
        "later_impact": "\n\n".join([PARAGRAPH] * share),
        "workaround": "\n\n".join([PARAGRAPH] * share),
        "appendix": "\n".join([PARAGRAPH] * (words // 50 - 3 * share - 2)),
        "data_loss": "none", "next_update": "2026-11-27T11:00[Europe/Prague]",
        "contact_name": "Jana Novák", "contact_email": "jana@acme.example", "to": "customers@acme.example",
    })
    return incident
