"""Tone checks: blame, guilt, overpromise, speculation and jargon, from a rule pack.

Pure and fast (a 2,000-word notice in well under 10 ms): every pattern was compiled once when the
pack was loaded; here each rule scans the text once and looks at the sentence around a match only
when the rule has exceptions.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping

from .findings import Finding
from .rules import Rule, RuleSet, combine_subset, load_rules

# Typographic characters folded to ASCII before matching, one code point for one, so offsets
# into the folded text are offsets into the original: "we’re" matches a pattern written "we're".
_FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
})
_FOLDABLE = re.compile("[" + "".join(chr(c) for c in _FOLD) + "]")
# A sentence ends at . ! ? (with closing quotes or brackets) followed by white space, or at a line break.
_SENTENCE_END = re.compile(r"""[.!?]+["')\]]*(?=\s|$)|\n""")


class _Text:
    """One field's text, folded for matching, with sentence bounds worked out only if needed."""

    __slots__ = ("original", "folded", "lowered", "_ends", "_present")

    def __init__(self, text: str):
        self.original = text
        # str.translate walks every character in Python; most notices have no curly quotes at all.
        self.folded = text.translate(_FOLD) if _FOLDABLE.search(text) else text
        lowered = self.folded.lower()
        # A few characters change length when lower-cased ("İ"); then offsets would drift: skip the fast path.
        self.lowered = lowered if len(lowered) == len(self.folded) else None
        self._ends: list[int] | None = None
        self._present: dict[str, bool] = {}  # literal -> occurs in `lowered` (shared by all rules)

    def _possible(self, parts) -> tuple[str, ...] | None:
        """The patterns of `parts` that can match here (see rules.required_literals); None: all of them."""
        present, lowered = self._present, self.lowered
        kept = []
        for pattern, requirement in parts:
            if requirement is not None:
                for literals in requirement:
                    for literal in literals:
                        hit = present.get(literal)
                        if hit is None:
                            hit = present[literal] = literal in lowered
                        if hit:
                            break
                    else:
                        break  # no literal of this set occurs: the pattern cannot match
                else:
                    kept.append(pattern)
                continue
            kept.append(pattern)
        return None if len(kept) == len(parts) else tuple(kept)

    def matches(self, rule: Rule):
        # Patterns that cannot match this text are left out of the combined expression: the others
        # match exactly as before (an alternative that never matches changes nothing).
        if rule.fast is not None and self.lowered is not None:
            kept = self._possible(rule.fast_parts)
            regex = rule.fast if kept is None else combine_subset(kept, 0)
            if regex is not None:
                yield from regex.finditer(self.lowered)
        elif rule.plain is not None:
            yield from rule.plain.finditer(self.folded)
        if rule.cased is not None:
            kept = None if self.lowered is None else self._possible(rule.cased_parts)
            regex = rule.cased if kept is None else combine_subset(kept, re.IGNORECASE)
            if regex is not None:
                yield from regex.finditer(self.folded)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        if self._ends is None:
            self._ends = [m.end() for m in _SENTENCE_END.finditer(self.folded)]
        ends = self._ends
        i = bisect_right(ends, start) - 1
        s0 = ends[i] if i >= 0 else 0
        j = bisect_left(ends, end)
        s1 = ends[j] if j < len(ends) else len(self.folded)
        return s0, s1


def _excepted(rule: Rule, match: re.Match, text: _Text) -> bool:
    if not rule.exceptions:
        return False
    start, end = match.span()
    s0, s1 = text.sentence(start, end)
    folded = text.folded
    for unless in rule.exceptions:
        if unless.where == "match":
            window = folded[start:end]
        elif unless.where == "before":
            lo = s0 if unless.within is None else max(s0, start - unless.within)
            window = folded[lo:start]
        elif unless.where == "after":
            hi = s1 if unless.within is None else min(s1, end + unless.within)
            window = folded[end:hi]
        else:
            window = folded[s0:s1]
        if unless.pattern.search(window):
            return True
    return False


class ToneChecker:
    """Runs a rule set over text. Build one per rule set and reuse it; it holds no per-check state."""

    def __init__(self, ruleset: RuleSet | None = None):
        self.ruleset = ruleset if ruleset is not None else load_rules()

    @property
    def problems(self) -> tuple[str, ...]:
        return self.ruleset.problems

    def check_text(self, field: str, text: str, _counts: Counter | None = None) -> list[Finding]:
        """Findings for one field's text, in order of position.

        Rules with `allow` (e.g. one plain apology is fine) count their matches in `_counts`,
        shared across the fields of one notice by check_fields.
        """
        if not text:
            return []
        counts = Counter() if _counts is None else _counts
        prepared = _Text(text)
        findings: list[Finding] = []
        for rule in self.ruleset.rules:
            if not rule.applies_to(field):
                continue
            for match in prepared.matches(rule):
                start, end = match.span()
                if start == end or _excepted(rule, match, prepared):
                    continue
                if rule.allow:
                    counts[rule.id] += 1
                    if counts[rule.id] <= rule.allow:
                        continue
                findings.append(Finding(
                    rule=rule.id,
                    category=rule.category,
                    severity=rule.severity,
                    field=field,
                    start=start,
                    end=end,
                    match=text[start:end],
                    message=rule.message,
                    suggestions=(rule.suggestion,) if rule.suggestion else (),
                ))
        findings.sort(key=lambda f: (f.start, f.end))
        return findings

    def check_fields(self, fields: Mapping[str, str]) -> list[Finding]:
        """Findings for several fields of one notice, read in the order given (the email's order)."""
        counts: Counter = Counter()
        findings: list[Finding] = []
        for name, text in fields.items():
            findings.extend(self.check_text(name, text, counts))
        return findings
