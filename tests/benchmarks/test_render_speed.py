"""Rendering a long notice (2,000 words) into subject, text, HTML and short post: the preview's cost."""
from outagewriter.core.model import Incident
from outagewriter.core.render import Renderer

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


def test_render_2000_words(benchmark):
    incident = long_incident()
    notice = incident.notices[-1]
    words = sum(len(v.split()) for v in notice.fields.values())
    assert 1900 <= words <= 2200
    renderer = Renderer()
    rendered = benchmark(renderer.render, incident, notice)
    assert "No data has been lost." in rendered.text and len(rendered.short) <= 280
