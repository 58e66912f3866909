"""Rendering a long notice (2,000 words) into subject, text, HTML and short post: the preview's cost."""
from budgets import check_budget
from long_notice import long_bilingual_incident, long_incident
from test_ui_speed import KEYSTROKE_WORK_BUDGET

from outagewriter.core.render.post_length import post_length
from outagewriter.core.render.renderer import SHORT_LIMIT, Renderer


def test_render_2000_words(benchmark):
    incident = long_incident()
    notice = incident.notices[-1]
    words = sum(len(v.split()) for v in notice.fields.values())
    assert 1900 <= words <= 2200
    renderer = Renderer()
    rendered = benchmark(renderer.render, incident, notice)
    assert "No data has been lost." in rendered.text and len(rendered.short) <= 280


def test_render_bilingual_japanese_keystroke(benchmark):
    """A 2,000-word notice in Japanese with its English text, re-rendered after each typed character:
    the Japanese summary's line breaks are found again (BudouX), the other paragraphs come from cache."""
    incident = long_bilingual_incident()
    notice = incident.notices[-1]
    renderer = Renderer()
    renderer.render(incident, notice)

    def keystroke():
        notice.set("summary", notice.get("summary") + "あ")
        return renderer.render(incident, notice)

    rendered = benchmark.pedantic(keystroke, rounds=40, iterations=1, warmup_rounds=2)
    assert "以下、英語版（English）" in rendered.text and "No data has been lost." in rendered.text
    assert post_length(rendered.short) <= SHORT_LIMIT
    check_budget(benchmark, KEYSTROKE_WORK_BUDGET, "p95 < 50 ms (the whole keystroke's budget)")
