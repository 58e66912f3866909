import re

import pytest

from outagewriter.core.checks import check_structure
from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.render.renderer import SHORT_LIMIT, Renderer
from outagewriter.core.render.textformat import wrap

MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"'


@pytest.fixture(scope="module")
def renderer():
    return Renderer()


def _positions(text, *needles):
    flat = " ".join(text.split())  # wrapping may break a phrase across lines
    return [flat.index(n) for n in needles]


def test_text_follows_a_good_notice(renderer, incident):
    text = renderer.render(incident, incident.notices[-1]).text
    order = _positions(
        text,
        "Card payments in Acme Pay fail",  # summary first
        "What does not work now",
        "What to expect later",
        "No data has been lost.",
        "What you can do meanwhile",
        "We will send the next update by Friday 27 November 2026, 11:00 CET",
        "please contact Jana Novák (jana.novak@acme.example, +420 555 010 203); thank you for your patience",
        "Technical appendix",
        "db-pay-03: connection pool exhausted",
    )
    assert order == sorted(order)
    assert "(10:00 UTC)" in text


def test_plain_text_is_wrapped_at_72_columns(renderer, incident):
    incident.notices[-1].set("summary", " ".join(["Payments are failing for some customers."] * 30))
    text = renderer.render(incident, incident.notices[-1]).text
    body, _, appendix = text.partition("=" * 72)
    assert max(len(line) for line in body.splitlines()) <= 72


def test_wrap_keeps_list_items_and_long_urls():
    out = wrap("- first item that is rather long " * 4 + "\n- second\nhttps://status.example.com/" + "x" * 90)
    lines = out.splitlines()
    assert lines[0].startswith("- first") and lines[1].startswith("  ")
    url = "https://status.example.com/" + "x" * 90
    assert any(line.strip() == url for line in lines)  # never split, even past 72 columns


@pytest.mark.parametrize("field", ["title", "service", "summary", "impact", "later_impact", "data_loss_details",
                                   "workaround", "contact_name", "contact_phone", "appendix"])
def test_markup_typed_into_any_field_is_escaped_in_html(renderer, incident, field):
    incident.notices[-1].set(field, MARKUP)
    html = renderer.render(incident, incident.notices[-1]).html
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("value, sentence", [
    ("none", "No data has been lost."),
    ("possible", "Some data may have been lost."),
    ("confirmed", "Some data has been lost."),
    ("unknown", "We do not know yet whether any data has been lost."),
])
def test_data_loss_says_what_was_answered(renderer, incident, value, sentence):
    incident.notices[-1].set("data_loss", value)
    rendered = renderer.render(incident, incident.notices[-1])
    assert sentence in rendered.text and sentence in rendered.html


def _blank_notice(kind):
    """A notice of `kind` with nothing answered yet (later kinds follow a sent first notice)."""
    incident = Incident.create("Card payments failing", "Acme Pay",
                               kind="maintenance" if kind == "maintenance" else "incident")
    notice = incident.notices[-1]
    if kind in ("update", "resolution"):
        notice.sent = SentRecord(message_id="<1@x>")
        notice = incident.add_notice(kind)
    return incident, notice


@pytest.mark.parametrize("kind", ["initial", "resolution", "maintenance"])
def test_unanswered_data_loss_shows_as_missing_not_as_an_answer(renderer, kind):
    incident, notice = _blank_notice(kind)
    rendered = renderer.render(incident, notice)
    assert "[Data loss: not answered yet]" in rendered.text
    assert "do not know yet" not in rendered.text and "do not know yet" not in rendered.html
    marker = re.search(r'<span class="ow-unanswered" style="([^"]*)">\[Data loss: not answered yet\]</span>', rendered.html)
    assert marker and "border:2px dashed" in marker.group(1) and "background:" in marker.group(1)
    finding = next(f for f in check_structure(incident, notice) if f.rule == "structure.data-loss-unanswered")
    assert finding.severity == "error" and finding.field == "data_loss"


@pytest.mark.parametrize("kind", ["initial", "update", "maintenance"])
def test_unanswered_next_update_shows_as_missing_everywhere(renderer, kind):
    incident, notice = _blank_notice(kind)
    assert notice.fields["next_update"] == ""
    rendered = renderer.render(incident, notice)
    for part in (rendered.text, rendered.html, rendered.short):
        assert "[Next update: not answered yet]" in part
        assert "situation changes" not in part
    assert '<span class="ow-unanswered"' in rendered.html
    finding = next(f for f in check_structure(incident, notice) if f.rule == "structure.next-update-missing")
    assert finding.severity == "error" and finding.field == "next_update"
    notice.set("next_update", "on-change")
    rendered = renderer.render(incident, notice)
    assert "We will send the next update as soon as the situation changes." in rendered.text
    assert rendered.short.endswith("Next update: when the situation changes.")
    assert "Next update: not answered" not in rendered.text + rendered.html + rendered.short


def test_next_update_on_change(renderer, incident):
    incident.notices[-1].set("next_update", "on-change")
    assert "We will send the next update as soon as the situation changes." in renderer.render(
        incident, incident.notices[-1]).text


def test_next_update_with_offset_only_shows_offset_and_utc(renderer, incident):
    incident.notices[-1].set("next_update", "2026-11-27T16:30+05:30")
    text = renderer.render(incident, incident.notices[-1]).text
    assert "16:30 UTC+05:30 (11:00 UTC)" in " ".join(text.split())


def test_subjects_per_kind(renderer, incident):
    assert renderer.render(incident, incident.notices[-1]).subject == "Investigating: Card payments failing (Acme Pay)"
    incident.notices[-1].sent = SentRecord(message_id="<1@x>")
    update = incident.add_notice("update")
    update.set("status", "identified")
    assert renderer.render(incident, update).subject == "Update 1, identified: Card payments failing (Acme Pay)"
    update.sent = SentRecord(message_id="<2@x>")
    resolution = incident.add_notice("resolution")
    assert renderer.render(incident, resolution).subject == "Resolved: Card payments failing (Acme Pay)"
    resolution.set("subject", "Payments work again")
    assert renderer.render(incident, resolution).subject == "Payments work again"


def test_resolution_has_timings_after_summary(renderer, incident):
    incident.set_time("started", "2026-11-27T09:40+01:00[Europe/Prague]")
    incident.set_time("resolved", "2026-11-27T11:55+01:00[Europe/Prague]")
    incident.notices[-1].sent = SentRecord(message_id="<1@x>")
    resolution = incident.add_notice("resolution")
    text = renderer.render(incident, resolution).text
    assert text.index("Card payments in Acme Pay") < text.index("Timings") < text.index("What was affected")
    assert "Duration: 2 hours 15 minutes" in text
    assert "This incident is resolved; this is our last update unless the situation changes." in " ".join(text.split())


def test_maintenance_window(renderer):
    from outagewriter.core.incident.model import Incident

    incident = Incident.create("Database upgrade", "Portal", kind="maintenance")
    incident.set_time("started", "2026-12-01T22:00+01:00[Europe/Berlin]")
    incident.set_time("resolved", "2026-12-02T00:30+01:00[Europe/Berlin]")
    rendered = renderer.render(incident, incident.notices[-1])
    assert rendered.subject == "Scheduled maintenance: Database upgrade (Portal)"
    assert "Maintenance window" in rendered.text and "Window ends: Wednesday 2 December 2026, 00:30 CET" in rendered.text


def test_appendix_is_last_and_set_apart_in_html(renderer, incident):
    html = renderer.render(incident, incident.notices[-1]).html
    assert html.index("Technical appendix") > html.index("If you have questions")
    assert re.search(r'class="ow-appendix" style="border-top:3px solid', html)
    assert "<pre" in html


def test_html_is_email_safe(renderer, incident):
    html = renderer.render(incident, incident.notices[-1]).html
    assert 'name="color-scheme" content="light dark"' in html
    assert "<link" not in html and "<script" not in html and "src=" not in html
    assert 'role="presentation"' in html


def test_short_post_fits_280_and_keeps_the_promise(renderer, incident):
    incident.notices[-1].set("summary", "Payments fail. " * 80)
    short = renderer.render(incident, incident.notices[-1]).short
    assert len(short) <= SHORT_LIMIT
    assert short.startswith("Investigating: Card payments failing")
    assert short.endswith("Next update: Friday 27 November 2026, 11:00 CET.")
    assert "…" in short


def test_user_template_overrides_in_sandbox(tmp_path, incident):
    (tmp_path / "en" / "initial").mkdir(parents=True)
    (tmp_path / "en" / "initial" / "subject.txt").write_text("[ACME] {{ title | upper }}")
    rendered = Renderer(user_dir=tmp_path).render(incident, incident.notices[-1])
    assert rendered.subject == "[ACME] CARD PAYMENTS FAILING"
    assert rendered.problems == ()


def test_user_template_cannot_escape_the_sandbox(tmp_path, incident):
    (tmp_path / "en" / "initial").mkdir(parents=True)
    (tmp_path / "en" / "initial" / "subject.txt").write_text(
        "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    rendered = Renderer(user_dir=tmp_path).render(incident, incident.notices[-1])
    assert rendered.subject == "Investigating: Card payments failing (Acme Pay)"  # shipped one used
    assert "SecurityError" in str(rendered.problems[0]) or "unsafe" in str(rendered.problems[0])


def test_user_template_error_reported_with_file_and_line(tmp_path, incident):
    (tmp_path / "en" / "initial").mkdir(parents=True)
    broken = tmp_path / "en" / "initial" / "body.txt"
    broken.write_text("line one\n{% if %}\n")
    rendered = Renderer(user_dir=tmp_path).render(incident, incident.notices[-1])
    problem = rendered.problems[0]
    assert problem.file.endswith("body.txt") and problem.line == 2
    assert "No data has been lost." in rendered.text  # the shipped template stood in
    undefined = tmp_path / "en" / "initial" / "short.txt"
    undefined.write_text("ok\n{{ no_such_field }}")
    problems = Renderer(user_dir=tmp_path).render(incident, incident.notices[-1]).problems
    assert any(p.file.endswith("short.txt") and p.line == 2 and "no_such_field" in p.message for p in problems)


def test_bullet_lists_become_html_lists_and_stay_escaped():
    from outagewriter.core.render.textformat import html_paragraphs

    html = str(html_paragraphs("Affected:\n\n- <b>Cards</b>\n- Refunds\n\n1. first\n2. second"))
    assert '<ul style="margin:0 0 12px 0;padding:0 0 0 22px;"><li style="margin:0 0 4px 0;">&lt;b&gt;Cards&lt;/b&gt;</li>' in html
    assert "<ol" in html and ">second</li></ol>" in html
    assert html.startswith('<p style="margin:0 0 12px 0;">Affected:</p>')


def test_subject_does_not_repeat_a_service_the_title_names(renderer):
    from outagewriter.core.incident.model import Incident

    incident = Incident.create("Card payments failing at checkout", "Checkout")
    assert renderer.render(incident, incident.notices[-1]).subject == "Investigating: Card payments failing at checkout"


def test_short_post_keeps_the_promise_even_with_a_very_long_title(renderer):
    from outagewriter.core.incident.model import Incident

    countries = ", ".join(["Germany", "Austria", "Switzerland", "France", "Belgium", "Netherlands", "Luxembourg",
                           "Italy", "Spain", "Portugal", "Poland", "Czechia", "Slovakia", "Hungary", "Denmark",
                           "Sweden", "Norway", "Finland"])
    incident = Incident.create(f"Card payments failing in {countries}", "Acme Pay Europe Merchant Services GmbH")
    incident.notices[-1].update({"summary": "Card payments fail. " * 30, "next_update": "2026-11-27T16:00[Europe/Berlin]"})
    short = renderer.render(incident, incident.notices[-1]).short
    assert len(short) <= 280 and short.endswith("Next update: Friday 27 November 2026, 16:00 CET.")


def test_short_post_ends_the_summary_before_the_promise(renderer, incident):
    incident.notices[-1].set("summary", "Logins are slow for some customers")
    assert "Logins are slow for some customers. Next update:" in renderer.render(incident, incident.notices[-1]).short


def test_patience_fits_the_kind_of_notice(renderer, incident):
    assert "thank you for your patience while we work on this." in " ".join(
        renderer.render(incident, incident.notices[-1]).text.split())
    incident.notices[-1].sent = SentRecord(message_id="<1@x>")
    resolution = incident.add_notice("resolution")
    text = " ".join(renderer.render(incident, resolution).text.split())
    assert "while we work on this" not in text and "thank you for your patience while this incident lasted." in text
