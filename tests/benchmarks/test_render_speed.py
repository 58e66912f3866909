"""Rendering a long notice (2,000 words) into subject, text, HTML and short post: the preview's cost."""
from long_notice import long_incident

from outagewriter.core.render.renderer import Renderer


def test_render_2000_words(benchmark):
    incident = long_incident()
    notice = incident.notices[-1]
    words = sum(len(v.split()) for v in notice.fields.values())
    assert 1900 <= words <= 2200
    renderer = Renderer()
    rendered = benchmark(renderer.render, incident, notice)
    assert "No data has been lost." in rendered.text and len(rendered.short) <= 280
