"""Users' own templates written before the shared building blocks moved to templates/common/ still work:
`en/text_parts.txt`, `en/component_parts.txt` and `en/components.html` resolve to the common ones."""
from __future__ import annotations

import pytest

from outagewriter.cli import main

BODY_TXT = """\
{% import "en/text_parts.txt" as t with context %}
{% import "en/component_parts.txt" as c with context %}
{% include "en/text_parts.txt" %}
ACME STATUS: {{ title }}
{{ c.impact_line() }}
{{ t.section("impact", t.bullets(["Payments fail at checkout", "Refunds are queued"])) }}
{{ c.text_block() }}
"""

BODY_HTML = """\
{% import "en/components.html" as c with context %}
{% include "en/components.html" %}
<p>ACME STATUS{{ c.impact_badge() }}</p>
<table>{{ c.table() }}</table>
"""


@pytest.fixture
def user_templates(tmp_path, monkeypatch):
    config = tmp_path / "config"
    folder = config / "templates" / "en" / "initial"
    folder.mkdir(parents=True)
    (folder / "body.txt").write_text(BODY_TXT, encoding="utf-8")
    (folder / "body.html").write_text(BODY_HTML, encoding="utf-8")
    monkeypatch.setenv("OUTAGEWRITER_CONFIG_DIR", str(config))
    path = tmp_path / "payments.outage"
    assert main(["new", str(path), "--title", "Card payments failing", "--service", "Acme Pay"]) == 0
    assert main(["set", str(path), "components=API=major-outage; Dashboard=degraded performance",
                 "impact_level=major"]) == 0
    return path


def test_a_user_text_template_importing_the_old_names_renders(user_templates, capsys):
    capsys.readouterr()
    assert main(["render", str(user_templates), "--format", "text"]) == 0
    out, err = capsys.readouterr()
    assert "template problem" not in err, err
    assert out.startswith("ACME STATUS: Card payments failing")  # the user's template, not the shipped one
    assert "Impact: Major" in out  # component_parts.txt: impact_line
    assert "- Payments fail at checkout\n- Refunds are queued" in out  # text_parts.txt: section and bullets
    assert "API" in out and "Major outage" in out  # component_parts.txt: text_block


def test_a_user_html_template_importing_the_old_name_renders(user_templates, capsys):
    capsys.readouterr()
    assert main(["render", str(user_templates), "--format", "html"]) == 0
    out, err = capsys.readouterr()
    assert "template problem" not in err, err
    assert out.startswith("<p>ACME STATUS")
    assert 'class="ow-impact"' in out and "Major impact" in out  # components.html: impact_badge
    assert 'class="ow-components"' in out and "Degraded performance" in out  # components.html: table
