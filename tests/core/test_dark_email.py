"""The email in dark mode: the template's own dark stylesheet, inlined for the preview only."""
from __future__ import annotations

import re

from outagewriter.core.incident.records import SentRecord
from outagewriter.core.render.dark_mode import as_dark_clients_show, dark_rules
from outagewriter.core.render.renderer import Renderer


def _style_of(html: str, css_class: str) -> str:
    return re.search(rf'class="{css_class}"[^>]*\sstyle="([^"]*)"|style="([^"]*)"[^>]*class="{css_class}"', html)[0]


def test_the_sent_html_carries_the_dark_stylesheet_for_mail_clients(incident):
    html = Renderer().render(incident, incident.notices[-1]).html
    assert "@media (prefers-color-scheme: dark)" in html
    assert 'name="supported-color-schemes" content="light dark"' in html
    assert ".ow-card { background:#161b26 !important;" in dark_rules(html)
    assert "#161b26" not in _style_of(html, "ow-card")  # inline styles stay light: clients choose


def test_the_dark_preview_applies_the_template_rules_inline(incident):
    html = Renderer().render(incident, incident.notices[-1]).html
    dark = as_dark_clients_show(html)
    card = _style_of(dark, "ow-card")
    assert "background:#161b26 !important" in card and "color:#f5f5f6 !important" in card
    # Qt weighs no !important and lets the last declaration win: the dark border colour must come
    # after the light `border` shorthand, or the card keeps its light edge.
    assert card.index("border-color:#333741 !important") > card.index("border:1px solid #d0d5dd")
    assert "@media (prefers-color-scheme: dark)" in dark


def test_muted_timeline_labels_stay_muted_in_dark(incident):
    incident.set_time("started", "2026-11-27T09:40+01:00[Europe/Prague]")
    incident.notices[-1].sent = SentRecord(message_id="<1@x>")
    resolution = incident.add_notice("resolution")
    dark = as_dark_clients_show(Renderer().render(incident, resolution).html)
    label = re.search(r'<td class="ow-muted" style="([^"]*)">Started', dark)[1]
    assert "color:#a4a7ae !important" in label  # not the body text colour of `.ow-card td`


def test_html_without_dark_rules_is_shown_as_it_is():
    plain = '<html><head><style>p { margin: 0; }</style></head><body><p style="color:#000">Hi</p></body></html>'
    assert as_dark_clients_show(plain) == plain
