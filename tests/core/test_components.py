"""Affected components: the field's text, the email's table and list, the subject, the short post and
the resolution's finding."""
import re
from datetime import UTC, datetime

import pytest

from outagewriter.core.checks import check_structure
from outagewriter.core.incident.components import (
    format_components,
    parse_components,
    worst_status,
)
from outagewriter.core.incident.fields import FieldError, normalise
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.render.dark_mode import as_dark_clients_show
from outagewriter.core.render.renderer import Renderer

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
LISTED = "Card payments = major-outage\nAPI = degraded-performance\nDashboard = operational"


@pytest.fixture(scope="module")
def renderer():
    return Renderer()


def follow_up(incident, kind):
    incident.notices[-1].sent = SentRecord(time="2026-11-27T10:00:00Z")
    return incident.add_notice(kind)


def test_parsing_accepts_labels_and_keeps_the_writers_order():
    pairs = parse_components("Card payments = Major outage\n\n  API=degraded_performance \nDashboard = operational")
    assert pairs == [("Card payments", "major-outage"), ("API", "degraded-performance"),
                     ("Dashboard", "operational")]
    assert format_components(pairs) == LISTED
    assert worst_status(pairs) == "major-outage"
    assert worst_status([]) is None


def test_maintenance_ranks_below_any_outage():
    assert worst_status([("API", "under-maintenance"), ("Web", "degraded-performance")]) == "degraded-performance"
    assert worst_status([("API", "under-maintenance"), ("Web", "operational")]) == "under-maintenance"


def test_a_semicolon_separates_components_on_one_line():
    value = normalise("components", "API=major-outage; Dashboard=degraded-performance;")
    assert value == "API = major-outage\nDashboard = degraded-performance"


@pytest.mark.parametrize("value, message", [
    ("API", "components: line 1 ('API') is not 'name = status'"),
    ("API = broken", "components: line 1: 'broken' is not a status"),
    ("API = operational; api = major-outage", "components: 'api' is listed twice"),
])
def test_bad_components_are_one_clear_line(value, message):
    with pytest.raises(FieldError) as caught:
        normalise("components", value)
    assert str(caught.value).startswith(message)


def test_html_shows_a_table_after_the_summary(renderer, incident):
    incident.notices[-1].set("components", LISTED)
    html = renderer.render(incident, incident.notices[-1]).html
    table = re.search(r'<table class="ow-components".*?</table>', html, re.DOTALL)[0]
    rows = re.findall(r"<tr><td[^>]*>([^<]*)</td><td class=\"ow-status-([a-z-]+)\"[^>]*>([^<]*)</td></tr>", table)
    assert rows == [("Card payments", "major-outage", "Major outage"), ("API", "degraded-performance",
                    "Degraded performance"), ("Dashboard", "operational", "Operational")]
    assert '<th scope="col"' in table  # a data table: screen readers announce the column per cell
    assert html.index("Card payments in Acme Pay fail") < html.index("class=\"ow-components\"") < html.index("What does not work now")


def test_component_names_are_escaped_in_html(renderer, incident):
    incident.notices[-1].set("components", "<b>API</b> & co = partial-outage")
    html = renderer.render(incident, incident.notices[-1]).html
    assert "&lt;b&gt;API&lt;/b&gt; &amp; co</td>" in html


def test_text_lists_components_aligned_after_the_summary(renderer, incident):
    incident.notices[-1].set("components", LISTED)
    text = renderer.render(incident, incident.notices[-1]).text
    block = text.split("Component status\n----------------\n", 1)[1].split("\n\n", 1)[0]
    assert block.splitlines() == ["Card payments  Major outage", "API            Degraded performance",
                                  "Dashboard      Operational"]
    assert text.index("Card payments in Acme Pay fail") < text.index("Component status") < text.index("What does not work")


def test_a_name_too_long_for_the_column_gets_its_own_line(renderer, incident):
    long = "Settlement and reconciliation batch processing for merchants"
    incident.notices[-1].set("components", f"API = major-outage\n{long} = partial-outage")
    text = renderer.render(incident, incident.notices[-1]).text
    assert f"API  Major outage\n{long}\n     Partial outage\n" in text
    assert max(len(line) for line in text.split("=" * 72)[0].splitlines()) <= 72


def test_nothing_is_shown_without_components(renderer, incident):
    rendered = renderer.render(incident, incident.notices[-1])
    assert "ow-components" not in rendered.html.split("</style>")[1]
    assert "Component status" not in rendered.text
    assert rendered.subject == "Investigating: Card payments failing (Acme Pay)"


def test_the_subject_and_short_post_lead_with_the_worst_status(renderer, incident):
    incident.notices[-1].set("components", LISTED)
    rendered = renderer.render(incident, incident.notices[-1])
    assert rendered.subject == "Major outage · Investigating: Card payments failing (Acme Pay)"
    assert rendered.short.startswith("Major outage · Investigating: Card payments failing (Acme Pay). Card payments")
    update = follow_up(incident, "update")
    update.set("components", "Card payments = partial-outage\nAPI = operational")
    assert renderer.render(incident, update).subject == (
        "Partial outage · Update 1, investigating: Card payments failing (Acme Pay)")


def test_a_resolution_with_everything_operational_says_so_in_the_short_post(renderer, incident):
    incident.notices[-1].set("components", LISTED)
    resolution = follow_up(incident, "resolution")
    resolution.set("components", "Card payments = operational\nAPI = operational\nDashboard = operational")
    rendered = renderer.render(incident, resolution)
    assert rendered.subject == "Resolved: Card payments failing (Acme Pay)"
    assert rendered.short.startswith("Resolved: Card payments failing (Acme Pay). All affected components are "
                                     "operational again. Card payments")


def test_maintenance_does_not_repeat_itself_in_the_subject(renderer, incident):
    maintenance = follow_up(incident, "maintenance")
    maintenance.set("components", "API = under-maintenance")
    assert renderer.render(incident, maintenance).subject.startswith("Scheduled maintenance: ")
    maintenance.set("components", "API = under-maintenance\nWeb = degraded-performance")
    assert renderer.render(incident, maintenance).subject.startswith("Degraded performance · Scheduled maintenance: ")


def test_the_impact_level_is_shown_once_in_each_part(renderer, incident):
    incident.notices[-1].set("impact_level", "critical")
    rendered = renderer.render(incident, incident.notices[-1])
    assert rendered.html.count("Critical impact") == 1
    assert rendered.text.count("Impact: Critical") == 1
    assert rendered.text.index("Status: Investigating") < rendered.text.index("Impact: Critical")
    assert "impact" not in rendered.subject.lower()


def test_a_new_update_carries_the_components_forward(incident):
    incident.notices[-1].update({"components": LISTED, "impact_level": "major"})
    update = follow_up(incident, "update")
    assert (update.fields["components"], update.fields["impact_level"]) == (LISTED, "major")


def test_a_resolution_listing_a_broken_component_is_flagged_with_all_operational_offered(incident):
    incident.notices[-1].set("components", LISTED)
    resolution = follow_up(incident, "resolution")
    [finding] = [f for f in check_structure(incident, resolution, now=NOW) if f.field == "components"]
    assert finding.rule == "structure.resolution-components-not-operational"
    assert "Card payments (major outage), API (degraded performance)" in finding.message
    assert (finding.start, finding.end, finding.match) == (0, len(LISTED), LISTED)
    assert finding.suggestions == ("Card payments = operational\nAPI = operational\nDashboard = operational",)
    resolution.set("components", finding.suggestions[0])
    assert not [f for f in check_structure(incident, resolution, now=NOW) if f.field == "components"]


def test_only_a_resolution_asks_for_operational_components(incident):
    incident.notices[-1].set("components", LISTED)
    assert not [f for f in check_structure(incident, incident.notices[-1], now=NOW) if f.field == "components"]


def test_status_colours_stay_readable_in_dark_mode(renderer, incident):
    incident.notices[-1].update({"components": LISTED, "impact_level": "major"})
    html = renderer.render(incident, incident.notices[-1]).html
    light = re.search(r'class="ow-status-major-outage" style="([^"]*)"', html)[1]
    assert "color:#b42318" in light and "!important" not in light  # clients in light mode keep the inline colour
    dark = as_dark_clients_show(html)
    assert "color:#fda29b !important" in re.search(r'class="ow-status-major-outage" style="([^"]*)"', dark)[1]
    assert "color:#75e0a7 !important" in re.search(r'class="ow-status-operational" style="([^"]*)"', dark)[1]
    assert "color:#f5f5f6 !important" in re.search(r'class="ow-impact" style="([^"]*)"', dark)[1]
