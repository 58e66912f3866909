"""Tone checks: blame, guilt, overpromise, speculation and jargon, from a rule pack.

Pure and fast (a 2,000-word notice in well under 10 ms): every pattern was compiled once when the
pack was loaded; here each rule scans the text once and looks at the sentence around a match only
when the rule has exceptions. What a field's text matched is kept, keyed by the text, so the live
preview re-scans only the fields that changed.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from . import wordlists
from .findings import Finding
from .rules import Rule, RuleSet, load_rules

# Typographic characters folded to ASCII before matching, one code point for one, so offsets
# into the folded text are offsets into the original: "we’re" matches a pattern written "we're".
_FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
})
_FOLDABLE = re.compile("[" + "".join(chr(c) for c in _FOLD) + "]")
# Categories where overlapping rules describe one problem per sentence ("guarantee it will never
# happen again" is one over-promise); each jargon term is a problem of its own.
ONE_PER_SENTENCE = frozenset({"blame", "guilt", "overpromise", "speculation"})
# A sentence ends at . ! ? (with closing quotes or brackets) followed by white space, or at a line break.
_SENTENCE_END = re.compile(r"""[.!?]+["')\]]*(?=\s|$)|\n""")


class _Text:
    """One field's text, folded for matching, with sentence bounds worked out only if needed."""

    __slots__ = ("original", "folded", "lowered", "_ends")

    def __init__(self, text: str):
        self.original = text
        # str.translate walks every character in Python; most notices have no curly quotes at all.
        self.folded = text.translate(_FOLD) if _FOLDABLE.search(text) else text
        lowered = self.folded.lower()
        # A few characters change length when lower-cased ("İ"); then offsets would drift: skip the fast path.
        self.lowered = lowered if len(lowered) == len(self.folded) else None
        self._ends: list[int] | None = None

    def matches(self, rule: Rule):
        if rule.fast is not None and self.lowered is not None:
            yield from rule.fast.finditer(self.lowered)
        elif rule.plain is not None:
            yield from rule.plain.finditer(self.folded)
        if rule.cased is not None:
            yield from rule.cased.finditer(self.folded)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        if self._ends is None:
            self._ends = [m.end() for m in _SENTENCE_END.finditer(self.folded)]
        ends = self._ends
        i = bisect_right(ends, start) - 1
        s0 = ends[i] if i >= 0 else 0
        j = bisect_left(ends, end)
        s1 = ends[j] if j < len(ends) else len(self.folded)
        return s0, s1


def _excepted(rule: Rule, start: int, end: int, s0: int, s1: int, folded: str) -> bool:
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


class _Hit(NamedTuple):
    """A rule's match that survived the rule's exceptions, before the per-notice steps."""

    rule: Rule
    start: int
    end: int
    sentence: tuple[int, int]
    party: str  # the third party the rule named, "" when it names none


def _party(match: re.Match) -> str:
    return next((text for name, text in match.groupdict().items() if text and name.startswith("party")), "")


def _hits(rules: tuple[Rule, ...], field: str, text: str) -> tuple[_Hit, ...]:
    prepared = _Text(text)
    hits = []
    for rule in rules:
        if not rule.applies_to(field):
            continue
        for match in prepared.matches(rule):
            start, end = match.span()
            if start == end:
                continue
            s0, s1 = prepared.sentence(start, end)
            if rule.exceptions and _excepted(rule, start, end, s0, s1, prepared.folded):
                continue
            hits.append(_Hit(rule, start, end, (s0, s1), _party(match)))
    return tuple(hits)


def names_pattern(names: Iterable[str]) -> re.Pattern | None:
    """The writer's own names (organisation, brands, products) as one case-insensitive pattern."""
    cleaned = [n.strip() for n in names if n and n.strip()]
    return re.compile(rf"(?<!\w){wordlists.alternation(cleaned)}(?!\w)", re.IGNORECASE) if cleaned else None


def _owned(hit: _Hit, ours: re.Pattern | None) -> bool:
    """The party the rule blames is the writer's own organisation: owning the fault, not blame."""
    return bool(hit.party) and ours is not None and ours.search(hit.party) is not None


def _rewrite(text: str, hit: _Hit, replacement: str) -> str:
    s0, s1 = hit.sentence
    sentence = text[s0:hit.start] + replacement + text[hit.end:s1]
    return sentence.strip()


class ToneChecker:
    """Runs a rule set over text. Build one per rule set and reuse it.

    `own_names`: the writer's organisation, brands and products (settings.json `own_names`): a
    sentence that names them as the party at fault is not blame, it is the writer owning the fault.
    Matches are kept per field text, so an unchanged field is not scanned again.
    """

    CACHE_SIZE = 512

    def __init__(self, ruleset: RuleSet | None = None, own_names: Iterable[str] = ()):
        self.ruleset = ruleset if ruleset is not None else load_rules()
        self.own_names = tuple(own_names)
        self._cache: OrderedDict[tuple[str, str], tuple[_Hit, ...]] = OrderedDict()

    @property
    def problems(self) -> tuple[str, ...]:
        return self.ruleset.problems

    def _cached_hits(self, field: str, text: str) -> tuple[_Hit, ...]:
        key = (field, text)
        hits = self._cache.get(key)
        if hits is None:
            hits = self._cache[key] = _hits(self.ruleset.rules, field, text)
            if len(self._cache) > self.CACHE_SIZE:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return hits

    def check_text(self, field: str, text: str, _counts: Counter | None = None,
                   own_names: Iterable[str] = ()) -> list[Finding]:
        """Findings for one field's text, in order of position: one per category and sentence.

        Rules with `allow` (e.g. one plain apology is fine) count their matches in `_counts`,
        shared across the fields of one notice by check_fields. `own_names` adds to the checker's.
        """
        if not text:
            return []
        counts = Counter() if _counts is None else _counts
        ours = names_pattern([*self.own_names, *own_names])
        findings: list[Finding] = []
        spoken: set[tuple[str, tuple[int, int]]] = set()  # (category, sentence) already reported
        for hit in self._cached_hits(field, text):
            rule = hit.rule
            if _owned(hit, ours):
                continue
            if rule.allow:
                counts[rule.id] += 1
                if counts[rule.id] <= rule.allow:
                    continue
            if rule.category in ONE_PER_SENTENCE:
                if (rule.category, hit.sentence) in spoken:
                    continue  # one finding per problem: the first rule (pack order) speaks for the sentence
                spoken.add((rule.category, hit.sentence))
            matched = text[hit.start:hit.end]
            replacement = rule.replacement(matched) if rule.swap else None
            suggestions = [_rewrite(text, hit, replacement)] if replacement is not None else []
            if rule.suggestion:
                suggestions.append(rule.suggestion)
            findings.append(Finding(
                rule=rule.id, category=rule.category, severity=rule.severity, field=field,
                start=hit.start, end=hit.end, match=matched, message=rule.message,
                suggestions=tuple(suggestions),
            ))
        findings.sort(key=lambda f: (f.start, f.end))
        return findings

    def matching_rules(self, field: str, text: str, own_names: Iterable[str] = ()) -> set[str]:
        """Every rule that matches `text` (after its exceptions and the own names), before the
        one-finding-per-problem step: what the measurements count per rule."""
        ours = names_pattern([*self.own_names, *own_names])
        counts: Counter = Counter()
        found = set()
        for hit in self._cached_hits(field, text):
            if _owned(hit, ours):
                continue
            counts[hit.rule.id] += 1
            if counts[hit.rule.id] > hit.rule.allow:
                found.add(hit.rule.id)
        return found

    def check_fields(self, fields: Mapping[str, str], own_names: Iterable[str] = ()) -> list[Finding]:
        """Findings for several fields of one notice, read in the order given (the email's order)."""
        counts: Counter = Counter()
        names = tuple(own_names)
        findings: list[Finding] = []
        for name, text in fields.items():
            findings.extend(self.check_text(name, text, counts, names))
        return findings
