"""Findings: what a check reports about a span of one field's text.

Every check (structure, tone, grammar, spelling) returns plain `Finding` objects, so the
command line, the findings panel and the highlighter all speak the same language.
Offsets are Python string indices into the field's text (code points, not UTF-16 units).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import NamedTuple

SEVERITIES = ("error", "warning", "suggestion")
CATEGORIES = (
    "structure",
    "blame",
    "guilt",
    "overpromise",
    "speculation",
    "jargon",
    "grammar",
    "spelling",
)
TONE_CATEGORIES = ("blame", "guilt", "overpromise", "speculation", "jargon")
LANGUAGE_CATEGORIES = ("grammar", "spelling")


@dataclass(frozen=True)
class Finding:
    rule: str
    category: str
    severity: str
    field: str
    start: int
    end: int
    match: str
    message: str
    suggestions: tuple[str, ...] = field(default=())
    also: tuple[Finding, ...] = field(default=())  # weaker findings on the same words, merged into this one
    # A bilingual notice's second language when the finding is about its text (Notice.translation);
    # "" for the first language's text, which is all a notice in one language has.
    language: str = ""
    # This sentence rewritten by a substitution rule (also the first suggestion); "" when the rule only advises.
    rewrite: str = field(default="", compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    @property
    def key(self) -> str:
        """A stable identity for dismissing this finding; survives edits elsewhere in the field."""
        return f"{self.rule}|{self.where}|{self.match}"

    @property
    def where(self) -> str:
        """The text it is about: the field's name, "summary@en" for a field's second-language text."""
        return f"{self.field}@{self.language}" if self.language else self.field

    @property
    def keys(self) -> tuple[str, ...]:
        """Its own key and those of the findings merged into it: ignoring it ignores them all."""
        return (self.key, *(f.key for f in self.also))

    def to_dict(self) -> dict:
        data = asdict(self)
        data["suggestions"] = list(self.suggestions)
        data["also"] = [f.to_dict() for f in self.also]
        if not self.language:  # a notice in one language reads as it always did
            del data["language"]
        del data["rewrite"]  # it is the first suggestion already
        return data


def _strength(finding: Finding) -> tuple:
    """Stronger first: severity; then what the words say (tone) over how they are spelled (grammar,
    spelling), since rewriting the phrase for tone usually makes a word-level finding moot; then the
    wider span, which holds the other; then the earlier one."""
    language = LANGUAGE_CATEGORIES.index(finding.category) + 1 if finding.category in LANGUAGE_CATEGORIES else 0
    return (SEVERITIES.index(finding.severity), language, finding.start - finding.end, finding.start)


def _overlap(a: Finding, b: Finding) -> bool:
    return a.where == b.where and a.start < b.end and b.start < a.end


def merge_overlapping(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per stretch of words: where findings overlap in a field, the strongest speaks and
    the others ride along in its `also`. Structure findings are about a whole field, not its words,
    and are never merged (they would swallow every other finding in that field). No two findings
    returned overlap; their order is that of the findings that speak."""
    findings = list(findings)
    kept: dict[int, list[Finding]] = {}  # index in `findings` of a finding that speaks -> what it absorbed
    by_field: dict[str, list[int]] = {}  # by Finding.where: each language's text apart
    for index in sorted(range(len(findings)), key=lambda i: _strength(findings[i])):
        finding = findings[index]
        if finding.category == "structure":
            kept[index] = []
            continue
        home = next((k for k in by_field.get(finding.where, ()) if _overlap(findings[k], finding)), None)
        if home is None:
            kept[index] = []
            by_field.setdefault(finding.where, []).append(index)
        else:
            kept[home] += [replace(finding, also=()), *finding.also]
    return [_speaking_for(findings[i], kept[i]) if kept[i] else findings[i] for i in sorted(kept)]


def _speaking_for(speaker: Finding, absorbed: list[Finding]) -> Finding:
    """`speaker` with the findings it absorbed; a rewrite one of them offers for the same problem comes
    first among its suggestions when it has none of its own (a user's substitution under a shipped rule)."""
    rewrite = "" if speaker.rewrite else next(
        (f.rewrite for f in absorbed if f.category == speaker.category and f.rewrite), "")
    suggestions = (rewrite, *(s for s in speaker.suggestions if s != rewrite)) if rewrite else speaker.suggestions
    return replace(speaker, also=speaker.also + tuple(absorbed), suggestions=suggestions, rewrite=rewrite or speaker.rewrite)


class Presented(NamedTuple):
    """Findings as the user gets them: those shown, and those the user ignored (to list and restore)."""

    shown: list[Finding]
    ignored: list[Finding]


def present(findings: Iterable[Finding], *, dismissed: Iterable[str] = (),
            disabled: Iterable[str] = ()) -> Presented:
    """Drop findings of rules turned off, set the dismissed ones apart, merge overlapping ones in each."""
    gone, off = set(dismissed), set(disabled)
    live = [f for f in findings if f.rule not in off]
    return Presented(merge_overlapping(f for f in live if f.key not in gone),
                     merge_overlapping(f for f in live if f.key in gone))


def follow_edit(findings: Iterable[Finding], before: str, after: str) -> list[Finding]:
    """Findings as checked (not merged) on `before`, carried onto `after` (the same field, edited once): those on words
    the edit left alone move with them, those on edited words (or touching them) are dropped. Slow
    checks keep their results this way until they have checked the new text, so nothing flickers."""
    if before == after:
        return list(findings)
    prefix = _common_prefix(before, after)
    suffix = _common_prefix(before[prefix:][::-1], after[prefix:][::-1])
    shift, edit_end = len(after) - len(before), len(before) - suffix
    kept = []
    for finding in findings:
        if finding.end < prefix:
            kept.append(finding)
        elif finding.start > edit_end:
            kept.append(replace(finding, start=finding.start + shift, end=finding.end + shift))
    return kept


def _common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix; string slices compare in C, so halving beats a loop."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


# What the findings tab counts, in this order: the tone categories count as one kind.
KINDS = {"structure": ("structure",), "tone": TONE_CATEGORIES, "grammar": ("grammar",), "spelling": ("spelling",)}


def counts_by_kind(findings: Iterable[Finding]) -> dict[str, int]:
    """{"structure": 2, "tone": 3, ...} for the kinds present, in KINDS order."""
    counts = {kind: 0 for kind in KINDS}
    for finding in findings:
        counts[next(k for k, categories in KINDS.items() if finding.category in categories)] += 1
    return {kind: n for kind, n in counts.items() if n}
