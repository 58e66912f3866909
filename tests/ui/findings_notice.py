"""A 2,000-word notice with findings all through it, as a long real incident reads."""
from __future__ import annotations

from outagewriter.core.incident.model import Incident
from outagewriter.core.storage import fileformat

FILLER = (
    "Card payments in Acme Pay fail for about a third of customers in Europe since 09:40 CET. "
    "Refunds are queued and will be processed once payments work again. We are working on the "
    "payment service to restore it and will write again by 11:00 CET with what we know. "
)  # 50 words
FLAGGED = [  # each one a tone finding with the shipped rules
    "Our payment processor had an outage, so card payments failed.",
    "We guarantee this will never happen again.",
    "We are so sorry for the trouble this caused you.",
    "The root cause lies with our DNS provider, which published a broken zone.",
    "Everything will be back to normal within the hour.",
    "We are truly embarrassed by how long this took.",
    "We promise that no order will be lost.",
    "It was a third-party library bug that broke logins.",
    "There is no excuse for an outage of this length.",
    "Rest assured, your data is 100% safe with us.",
]


def _paragraphs(count: int, offset: int) -> str:
    return "\n\n".join(FILLER + FLAGGED[(offset + i) % len(FLAGGED)] for i in range(count))


def long_notice_file(path, *, words: int = 2000):
    """An incident file whose newest notice has about `words` words and a tone finding per paragraph."""
    paragraphs = -(-words // 60)
    share = paragraphs // 3
    incident = Incident.create("Card payments failing", "Acme Pay")
    incident.notices[-1].update({
        "summary": "Card payments fail for some customers in Europe since 09:40 CET.",
        "impact": _paragraphs(share, 0),
        "later_impact": _paragraphs(share, 3),
        "workaround": _paragraphs(paragraphs - 2 * share, 6),
        "data_loss": "none", "next_update": "2099-11-27T11:00[Europe/Prague]",
        "contact_name": "Jana Novák", "contact_email": "jana@acme.example", "to": "customers@acme.example",
    })
    fileformat.save(incident, path)
    return path
