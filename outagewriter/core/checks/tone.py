"""Tone checks: blame, guilt, overpromise, speculation and jargon, from a rule pack.

Pure and fast. Text is checked sentence by sentence: a rule runs on a sentence only when its RE2
screen says it can match there (screen.py), and what a sentence matched is kept, keyed by its text,
so the live preview re-scans only the sentences an edit changed.
"""
from __future__ import annotations

import re
from collections import Counter, OrderedDict
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from ..i18n import _
from . import wordlists
from .findings import Finding
from .folding import fold, sentence_bounds
from .rules import FREE_TEXT_FIELD, Rule, RuleSet, compiled, load_rules, word_bounds

# Categories where overlapping rules describe one problem per sentence ("guarantee it will never
# happen again" is one over-promise); each jargon term is a problem of its own.
ONE_PER_SENTENCE = frozenset({"blame", "guilt", "overpromise", "speculation"})


def _may_match(rule: Rule, i: int, lowered: str | None) -> bool:
    """Pattern `i` of `rule` may match this text: its screen cannot rule it out. For case-sensitive
    patterns (matched case-insensitively on the folded text) the screen speaks only on ASCII text:
    Python's IGNORECASE also pairs "i" with "ı" and "s" with "ſ", which lower-casing keeps apart."""
    check = rule.screens[i]
    if check is None or lowered is None or (rule.cased[i] and not lowered.isascii()):
        return True
    return check.search(lowered) is not None


def _matches(rule: Rule, patterns: tuple[int, ...], folded: str, lowered: str | None) -> list[re.Match]:
    """Every match of the rule's patterns `patterns`, leftmost first (the earlier pattern first)."""
    found = []
    for i in patterns:
        if not _may_match(rule, i, lowered):
            continue
        on_lowered = lowered is not None and not rule.cased[i]
        for match in compiled(rule.patterns[i], on_lowered, rule.spaceless).finditer(lowered if on_lowered else folded):
            found.append((match.start(), i, match))
    return [match for _, _, match in sorted(found, key=lambda item: item[:2])]


def _excepted(rule: Rule, start: int, end: int, sentence: str) -> bool:
    for unless in rule.exceptions:
        if unless.where == "match":
            window = sentence[start:end]
        elif unless.where == "before":
            window = sentence[0 if unless.within is None else max(0, start - unless.within):start]
        elif unless.where == "after":
            window = sentence[end:None if unless.within is None else end + unless.within]
        else:
            window = sentence
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
    return match.groupdict().get("party") or ""


def _screened(rules: tuple[Rule, ...], text: str) -> list[tuple[Rule, tuple[int, ...]]]:
    """Each rule with the patterns whose screen can match somewhere in `text` (a match in a part of
    it is a match in it); rules left with none are left out."""
    lowered = text.lower()
    lowered = lowered if len(lowered) == len(text) else None
    out = []
    for rule in rules:
        patterns = tuple(i for i in range(len(rule.patterns)) if _may_match(rule, i, lowered))
        if patterns:
            out.append((rule, patterns))
    return out


def _sentence_hits(rules: list[tuple[Rule, tuple[int, ...]]], sentence: str) -> tuple[_Hit, ...]:
    """The hits in one (folded) sentence, offsets into it."""
    lowered = sentence.lower()
    # A few characters change length when lower-cased ("İ"); then offsets would drift: skip the fast path.
    lowered = lowered if len(lowered) == len(sentence) else None
    hits = []
    for rule, patterns in rules:
        taken = -1  # matches of one rule never overlap: the leftmost that survives its exceptions wins
        for match in _matches(rule, patterns, sentence, lowered):
            start, end = match.span()
            if start == end or start < taken or (rule.exceptions and _excepted(rule, start, end, sentence)):
                continue
            taken = end
            hits.append(_Hit(rule, start, end, (0, len(sentence)), _party(match)))
    return tuple(hits)


def names_pattern(names: Iterable[str], spaceless: bool = False) -> re.Pattern | None:
    """The writer's own names (organisation, brands, products) as one case-insensitive pattern."""
    cleaned = [n.strip() for n in names if n and n.strip()]
    if not cleaned:
        return None
    before, after = word_bounds(spaceless)
    return re.compile(rf"{before}{wordlists.alternation(cleaned)}{after}", re.IGNORECASE)


def _owned(hit: _Hit, ours: re.Pattern | None) -> bool:
    """The party the rule blames is the writer's own organisation: owning the fault, not blame."""
    return bool(hit.party) and ours is not None and ours.search(hit.party) is not None


def _rewrite(text: str, hit: _Hit, replacement: str) -> str:
    """This sentence with the substitution made: the concrete rewrite a writer can paste."""
    s0, s1 = hit.sentence
    if text[hit.start:hit.start + 1].isupper():  # "Truly sorry" -> "Sorry", at a sentence start too
        replacement = replacement[:1].upper() + replacement[1:]
    return (text[s0:hit.start] + replacement + text[hit.end:s1]).strip()


def _finding(field: str, text: str, hit: _Hit, replacement: str | None) -> Finding:
    rule = hit.rule
    suggestions = [_rewrite(text, hit, replacement)] if replacement is not None else []
    if rule.suggestion:
        suggestions.append(rule.suggestion)
    return Finding(rule=rule.id, category=rule.category, severity=rule.severity, field=field,
                   start=hit.start, end=hit.end, match=text[hit.start:hit.end], message=rule.message,
                   suggestions=tuple(suggestions), rewrite=suggestions[0] if replacement is not None else "")


class ToneChecker:
    """Runs a rule set over text. Build one per rule set and reuse it.

    `own_names`: the writer's organisation, brands and products (settings.json `own_names`): a
    sentence that names them as the party at fault is not blame, it is the writer owning the fault.
    Matches are kept per field text, so an unchanged field is not scanned again.
    """

    CACHE_SIZE = 4096  # sentences

    def __init__(self, ruleset: RuleSet | None = None, own_names: Iterable[str] = ()):
        self.ruleset = ruleset if ruleset is not None else load_rules()
        self.own_names = tuple(own_names)
        self._cache: OrderedDict[tuple[str, str], tuple[_Hit, ...]] = OrderedDict()  # (field, sentence)
        self._spaceless = any(rule.spaceless for rule in self.ruleset.rules)

    @property
    def problems(self) -> tuple[str, ...]:
        return self.ruleset.problems

    def _cached_hits(self, field: str, text: str) -> list[_Hit]:
        """Hits in `text`, sentence by sentence; a sentence seen before (in this field) is not scanned
        again, so an edit re-scans only the sentence it changed."""
        folded, origin = fold(text)
        # A sentence starts at its first word, not at the space after the previous one (a rule may anchor there).
        bounds = [(s1 - len(folded[s0:s1].lstrip()), s1) for s0, s1 in sentence_bounds(folded)]
        new = {folded[s0:s1] for s0, s1 in bounds if (field, folded[s0:s1]) not in self._cache}
        if new:
            # A rule whose screen finds nothing in all the new sentences together runs on none of them.
            rules = _screened(tuple(r for r in self.ruleset.rules if r.applies_to(field)), "\n".join(new))
            for sentence in new:
                self._cache[(field, sentence)] = _sentence_hits(rules, sentence)
        hits: list[_Hit] = []
        for s0, s1 in bounds:
            key = (field, folded[s0:s1])
            self._cache.move_to_end(key)
            found = self._cache[key]
            hits.extend(hit._replace(start=hit.start + s0, end=hit.end + s0, sentence=(s0, s1)) for hit in found)
        if origin is not None:  # back to the offsets of the text as written (ﾃﾞ is two characters there)
            hits = [hit._replace(start=origin[hit.start], end=origin[hit.end],
                                 sentence=(origin[hit.sentence[0]], origin[hit.sentence[1]])) for hit in hits]
        while len(self._cache) > self.CACHE_SIZE:
            self._cache.popitem(last=False)
        return hits

    def _speaking(self, field: str, text: str, counts: Counter, own_names: Iterable[str]):
        """The hits that speak: not about the writer's own names, and past the rule's `allow`."""
        ours = names_pattern([*self.own_names, *own_names], self._spaceless)
        for hit in self._cached_hits(field, text):
            if _owned(hit, ours):
                continue
            if hit.rule.allow:
                counts[hit.rule.id] += 1
                if counts[hit.rule.id] <= hit.rule.allow:
                    continue
            yield hit

    def check_text(self, field: str, text: str, _counts: Counter | None = None,
                   own_names: Iterable[str] = ()) -> list[Finding]:
        """Findings for one field's text, in order of position: one per category and sentence.

        Rules with `allow` (e.g. one plain apology is fine) count their matches in `_counts`,
        shared across the fields of one notice by check_fields. `own_names` adds to the checker's.
        """
        if not text:
            return []
        chosen: dict[tuple, tuple[_Hit, str | None]] = {}
        for hit in self._speaking(field, text, Counter() if _counts is None else _counts, own_names):
            rule = hit.rule
            replacement = rule.replacement(fold(text[hit.start:hit.end])[0]) if rule.swap else None
            key = (rule.category, hit.sentence) if rule.category in ONE_PER_SENTENCE else hit
            # One finding per problem: the first rule (pack order) that offers a rewrite of this
            # sentence, else the first rule, speaks for the sentence.
            if key not in chosen or (replacement is not None and chosen[key][1] is None):
                chosen[key] = (hit, replacement)
        findings = [_finding(field, text, hit, self._clean(field, text, hit, replacement, own_names))
                    for hit, replacement in chosen.values()]
        findings.sort(key=lambda f: (f.start, f.end))
        return findings

    def _clean(self, field: str, text: str, hit: _Hit, replacement: str | None, own_names) -> str | None:
        """The substitution, when the sentence it gives passes this category's rules: "We guarantee this
        will never happen again" must not be offered "We expect this will never happen again", which
        is still a promise. Otherwise the rule's advice alone is offered."""
        if replacement is None:
            return None
        # Each jargon term is a problem of its own: another term left in the sentence does not spoil
        # this one's plain word, so only the replacement itself is checked.
        rewritten = _rewrite(text, hit, replacement) if hit.rule.category in ONE_PER_SENTENCE else replacement
        still = {self.ruleset.get(rule_id) for rule_id in self.matching_rules(field, rewritten, own_names)}
        return None if any(rule is not None and rule.category == hit.rule.category for rule in still) else replacement

    def matching_rules(self, field: str, text: str, own_names: Iterable[str] = ()) -> set[str]:
        """Every rule that matches `text` (after its exceptions, `allow` and the own names), before
        the one-finding-per-problem step: what the measurements count per rule."""
        return {hit.rule.id for hit in self._speaking(field, text, Counter(), own_names)}

    def check_fields(self, fields: Mapping[str, str], own_names: Iterable[str] = (),
                     fixed_wording: str = "") -> list[Finding]:
        """Findings for several fields of one notice, read in the order given (the email's order).

        `fixed_wording` is what the email says around the fields (its template's own sentences): what
        it already says counts towards a rule's `allow`, so an apology typed into a notice whose
        template apologises once is the second one, and is told."""
        counts: Counter = Counter()
        names = tuple(own_names)
        for _hit in self._speaking(FREE_TEXT_FIELD, fixed_wording, counts, names):  # every rule reads it
            pass  # counted, never reported: the writer cannot change the template's words here
        findings: list[Finding] = []
        for name, text in fields.items():
            findings.extend(self.check_text(name, text, counts, names))
        return findings


def example_problems(rule: Rule) -> list[str]:
    """Where a rule's own examples disagree with it: each bad one must be flagged, no good one."""
    checker = ToneChecker(RuleSet((rule,)))
    out = []
    for text in rule.bad:
        if not any(f.rule == rule.id for f in checker.check_text(FREE_TEXT_FIELD, text)):
            out.append(_("rule '{id}': bad example not flagged: {text!r}").format(id=rule.id, text=text))
    for text in rule.good:
        if any(f.rule == rule.id for f in checker.check_text(FREE_TEXT_FIELD, text)):
            out.append(_("rule '{id}': good example flagged: {text!r}").format(id=rule.id, text=text))
    return out


def load_checked_rules(language: str = "en", user_dir=None) -> RuleSet:
    """`load_rules`, with each user rule's own examples run through a checker: a rule whose bad
    example it does not flag, or whose good example it flags, is reported in `.problems`."""
    return load_rules(language, user_dir, examples=example_problems)
