"""The literal prefilter is only a shortcut: with and without it, the findings are the same."""
import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from outagewriter.core.checks import ToneChecker, load_rules
from outagewriter.core.checks.rules import RuleSet, required_literals

RULES = load_rules("en")
WITH = ToneChecker(RULES)
WITHOUT = ToneChecker(RuleSet(
    rules=tuple(dataclasses.replace(r, fast_parts=(), cased_parts=()) for r in RULES.rules),
    disabled=RULES.disabled))
EXAMPLES = [text for rule in RULES.rules for text in rule.bad + rule.good]
FIELDS = ["summary", "impact", "workaround", "appendix", "text"]


def _spans(checker, field, text):
    return [(f.rule, f.start, f.end) for f in checker.check_text(field, text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(EXAMPLES), min_size=1, max_size=6),
       st.sampled_from([" ", "\n", "\n\n"]), st.sampled_from(FIELDS), st.booleans())
def test_prefilter_never_changes_a_finding(parts, joiner, field, upper):
    text = joiner.join(parts)
    text = text.upper() if upper else text
    assert _spans(WITH, field, text) == _spans(WITHOUT, field, text)


def test_required_literals_are_read_from_the_pattern():
    assert required_literals("(?:caused by|due to) (?:our|the) vendor", ignorecase=False) is not None
    assert required_literals("(?:caused by)?x", ignorecase=False) is None  # optional parts require nothing
    # Under IGNORECASE "i" also matches dotless "ı", so literals stop at it.
    found = required_literals("vendor failing", ignorecase=True)
    assert found is not None and all("i" not in literal for group in found for literal in group)
