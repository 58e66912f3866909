"""The RE2 screen is only a shortcut: with and without it, the findings are the same."""
import dataclasses

import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from outagewriter.core.checks import ToneChecker, load_rules
from outagewriter.core.checks.rules import RuleSet
from outagewriter.core.checks.screen import relax, screen

RULES = load_rules("en")
WITH = ToneChecker(RULES)


def _unscreened(rule):
    copy = dataclasses.replace(rule)
    copy.__dict__["screens"] = (None,) * len(rule.patterns)  # the cached property, answered: always run
    return copy


WITHOUT = ToneChecker(RuleSet(tuple(_unscreened(r) for r in RULES.rules), RULES.disabled))
EXAMPLES = [text for rule in RULES.rules for text in rule.bad + rule.good]
FIELDS = ["summary", "impact", "workaround", "appendix", "text"]


def _spans(checker, field, text):
    return [(f.rule, f.start, f.end) for f in checker.check_text(field, text)]


def test_every_shipped_pattern_is_screened():
    assert [(r.id, i) for r in RULES.rules for i, check in enumerate(r.screens) if check is None] == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(EXAMPLES), min_size=1, max_size=6),
       st.sampled_from([" ", "\n", "\n\n"]), st.sampled_from(FIELDS), st.booleans(),
       st.sampled_from([("", ""), ("s", "\u017f"), ("i", "\u0131"), ("k", "\u212a"), ("I", "\u0130")]))
def test_screen_never_changes_a_finding(parts, joiner, field, upper, swap):
    text = joiner.join(parts)
    text = text.upper() if upper else text
    if swap[0]:  # letters Python's IGNORECASE pairs with ASCII ones, which lower-casing does not
        text = text.replace(swap[0], swap[1])
    assert _spans(WITH, field, text) == _spans(WITHOUT, field, text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(EXAMPLES), st.text(max_size=30)), min_size=1, max_size=4))
def test_screen_never_changes_a_finding_in_odd_text(parts):
    text = " ".join(parts)
    assert _spans(WITH, "text", text) == _spans(WITHOUT, "text", text)


def test_relax_widens_what_re2_cannot_read():
    assert relax(r"(?<!\w)vendor(?!s)\b") == "vendor"
    assert relax(r"a{2,5}b{,3}c{3}d{}") == "a+b*c+d{}"
    assert relax(r"\w+[\w.]\s\d") == (r"[0-9A-Za-z_\x{80}-\x{10FFFF}]+[0-9A-Za-z_\x{80}-\x{10FFFF}.]"
                                      r"[\t\n\x0b\f\r\x1c-\x20\x{80}-\x{10FFFF}][0-9\x{80}-\x{10FFFF}]")
    assert screen([r"(a)\1"]) is None  # a back-reference: no screen, the rule always runs
    assert isinstance(screen(["caused by (?P<party>vendors?)"]), re2._Regexp)


def test_letters_that_ignorecase_pairs_with_ascii_ones_are_not_screened_out():
    # Python's IGNORECASE reads "ſ" as "s"; lower-casing keeps it "ſ", so the screen must stand aside.
    text = "Dave mi\u017ftakenly deleted the routing table."
    assert "blame.individual" in {rule for rule, _, _ in _spans(WITH, "text", text)}
    assert _spans(WITH, "text", text) == _spans(WITHOUT, "text", text)


def test_a_sentence_start_in_a_pattern_does_not_hide_the_next_sentence():
    # The screen reads the whole text at once: ^ (the start of a sentence in Python's matching) is dropped.
    assert relax("(?:(?:an?|the) |^)outage$") == "(?:(?:an?|the) |)outage"
    text = "Payments failed at 09:00. 3rd party outage affecting payments."
    assert _spans(WITH, "summary", text) == _spans(WITHOUT, "summary", text) != []
