"""Overlapping findings from the tone rules and a real LanguageTool server become one."""
from __future__ import annotations

import pytest

from outagewriter.core.checks import ToneChecker, present
from outagewriter.core.checks.grammar import GrammarChecker, GrammarSettings

pytestmark = pytest.mark.integration

CONTABO = "Contabo's Duesseldorf data center is down and our server is there."  # from the tone corpus


def test_a_blamed_clause_with_misspelt_names_is_one_finding(languagetool_url):
    fields = {"impact": CONTABO}
    with GrammarChecker(GrammarSettings(mode="server", server_url=languagetool_url)) as grammar:
        spelling = grammar.check_fields(fields)
    tone = ToneChecker().check_fields(fields)
    assert {f.match for f in spelling} >= {"Contabo", "Duesseldorf"} and [f.category for f in tone] == ["blame"]
    merged = present(tone + spelling).shown
    [finding] = [f for f in merged if f.start < tone[0].end]  # (a comma wanted before "and" is apart)
    assert finding.category == "blame"
    assert {f.match for f in finding.also} >= {"Contabo", "Duesseldorf"}
