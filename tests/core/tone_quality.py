"""Scoring the tone checks against a labelled corpus (one JSON sentence per line).

Used by scripts/measure-tone and tests/core/test_tone_corpus.py. Each sentence is checked as
free text, with its organisation's name as the writer's own name (as a configured user has it);
borderline rows are left out of every score.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from outagewriter.core.checks.rules import FREE_TEXT_FIELD, RuleSet, build_rule
from outagewriter.core.checks.tone import ToneChecker

SCORED = ("blame", "guilt", "overpromise")
# The Japanese corpus labels guessed causes too (tests/corpus/ja/README.md).
SCORED_BY_LANGUAGE = {"en": SCORED, "ja": (*SCORED, "speculation")}
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
# Each language's corpus: English at the top of tests/corpus, the others in a folder of their own.
CORPORA = {"en": CORPUS, "ja": CORPUS / "ja"}
# Files scored in aggregate only: the frozen splits, and the gathered sets the first was drawn from.
AGGREGATE_ONLY = ("real-test.jsonl", "real-fresh.jsonl", "real-set1.jsonl", "real-set2.jsonl")
BAR_PRECISION, BAR_RECALL, BAR_NEUTRAL_FLAGGED = 0.85, 0.70, 0.05


@dataclass(frozen=True)
class CategoryScore:
    category: str
    true_pos: int
    false_pos: int
    false_neg: int

    @property
    def precision(self) -> float:
        flagged = self.true_pos + self.false_pos
        return self.true_pos / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        labelled = self.true_pos + self.false_neg
        return self.true_pos / labelled if labelled else 1.0


@dataclass(frozen=True)
class Score:
    categories: dict[str, CategoryScore]
    clean_sentences: int  # unlabelled, not borderline
    clean_flagged: int  # of those, flagged with any scored category
    scored_rows: int
    borderline_rows: int
    # Readable lines for the report; never in the repr, so a failing assertion on the frozen split
    # shows figures, not its sentences.
    misses: tuple[str, ...] = field(repr=False)

    @property
    def false_positive_rate(self) -> float:
        return self.clean_flagged / self.clean_sentences if self.clean_sentences else 0.0

    def failures(self) -> list[str]:
        """What misses the acceptance bar, in words; empty when the bar is met."""
        out = [f"{c.category} precision {c.precision:.2f} < {BAR_PRECISION}" for c in self.categories.values()
               if c.precision < BAR_PRECISION]
        out += [f"{c.category} recall {c.recall:.2f} < {BAR_RECALL}" for c in self.categories.values()
                if c.recall < BAR_RECALL]
        if self.false_positive_rate > BAR_NEUTRAL_FLAGGED:
            out.append(f"neutral sentences flagged {self.false_positive_rate:.1%} > {BAR_NEUTRAL_FLAGGED:.0%}")
        return out


def load_corpus(path: str | Path) -> list[dict]:
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            if not isinstance(row.get("text"), str) or not isinstance(row.get("labels", []), list):
                raise ValueError(f"{path}: line {number} lacks 'text' or 'labels'")
            rows.append(row)
    return rows


def own_names(row: dict) -> tuple[str, ...]:
    organisation = row.get("organisation", "")
    return (organisation,) if organisation and organisation != "written" else ()


def categories_found(checker: ToneChecker, row: dict, scored=SCORED) -> set[str]:
    found = checker.check_text(FREE_TEXT_FIELD, row["text"], own_names=own_names(row))
    return {f.category for f in found} & set(scored)


def tally(rows: list[dict], found_for, scored=SCORED) -> Score:
    """Score rows given `found_for(row) -> set of categories found`."""
    counts = {c: [0, 0, 0] for c in scored}
    clean = clean_flagged = borderline = 0
    misses = []
    for row in rows:
        if row.get("borderline"):
            borderline += 1
            continue
        labels = set(row.get("labels", [])) & set(scored)
        found = found_for(row)
        for category in scored:
            if category in found and category in labels:
                counts[category][0] += 1
            elif category in found:
                counts[category][1] += 1
                misses.append(f"false {category}: {row['text']}")
            elif category in labels:
                counts[category][2] += 1
                misses.append(f"missed {category}: {row['text']}")
        if not labels:
            clean += 1
            clean_flagged += bool(found)
    return Score(
        categories={c: CategoryScore(c, *counts[c]) for c in scored},
        clean_sentences=clean,
        clean_flagged=clean_flagged,
        scored_rows=len(rows) - borderline,
        borderline_rows=borderline,
        misses=tuple(misses),
    )


def score(checker: ToneChecker, rows: list[dict], scored=SCORED) -> Score:
    return tally(rows, lambda row: categories_found(checker, row, scored), scored)


def fold_of(organisation: str, folds: int) -> int:
    return hashlib.sha256(organisation.lower().encode()).digest()[0] % folds


def per_pattern(ruleset: RuleSet) -> RuleSet:
    """Each pattern of each rule as a rule of its own (`<id>.p<n>`), to count what each one catches."""
    rules = []
    for rule in ruleset.rules:
        for number, pattern in enumerate(rule.patterns, 1):
            raw = {"id": f"{rule.id}.p{number}", "category": rule.category, "severity": rule.severity,
                   "patterns": [pattern], "message": rule.message, "allow": rule.allow}
            single = build_rule(raw, rule.origin)
            rules.append(dataclasses.replace(single, exceptions=rule.exceptions, spaceless=rule.spaceless))
    return RuleSet(tuple(rules))


def cross_validate(ruleset: RuleSet, rows: list[dict], training_only: list[dict] = (), folds: int = 5,
                   scored=SCORED) -> Score:
    """Leave-organisations-out cross-validation of hand-written rules.

    Rows are split into `folds` groups by organisation. For each group, only the patterns that catch
    at least one correctly labelled sentence of the *other* organisations (or of `training_only`,
    e.g. written paraphrases) stay on; the group is scored with those. A pattern written from one
    organisation's sentence, and catching nothing else, is thus off when that organisation is scored.
    """
    checker = ToneChecker(per_pattern(ruleset))
    category = {r.id: r.category for r in checker.ruleset.rules}
    fired = {id(row): checker.matching_rules(FREE_TEXT_FIELD, row["text"], own_names(row))
             for row in [*rows, *training_only]}
    support: list[Counter] = [Counter() for _ in range(folds)]  # per fold: true hits outside it
    for row in [*rows, *training_only]:
        if row.get("borderline"):
            continue
        labels = set(row.get("labels", []))
        home = None if row in training_only else fold_of(row.get("organisation", ""), folds)
        for rule_id in fired[id(row)]:
            if category[rule_id] in labels:
                for f in range(folds):
                    if f != home:
                        support[f][rule_id] += 1

    def found(row):
        f = fold_of(row.get("organisation", ""), folds)
        return {category[r] for r in fired[id(row)] if support[f][r]} & set(scored)

    return tally(rows, found, scored)


def false_positives_per_rule(checker: ToneChecker, rows: list[dict], scored=SCORED) -> list[tuple[str, int, int]]:
    """(rule, neutral sentences it flags, true hits) for every rule that flags anything, worst first."""
    neutral, true = Counter(), Counter()
    category = {r.id: r.category for r in checker.ruleset.rules}
    for row in rows:
        if row.get("borderline"):
            continue
        labels = set(row.get("labels", []))
        for rule_id in checker.matching_rules(FREE_TEXT_FIELD, row["text"], own_names(row)):
            if category[rule_id] not in scored:
                continue
            if not labels:
                neutral[rule_id] += 1
            elif category[rule_id] in labels:
                true[rule_id] += 1
    return sorted(((r, neutral[r], true[r]) for r in set(neutral) | set(true)), key=lambda t: (-t[1], t[0]))


def markdown_table(result: Score) -> str:
    lines = ["| category | precision | recall | TP | FP | FN |", "|---|---|---|---|---|---|"]
    for c in result.categories.values():
        lines.append(f"| {c.category} | {c.precision:.2f} | {c.recall:.2f} | {c.true_pos} | {c.false_pos} | {c.false_neg} |")
    lines.append(
        f"| unlabelled (FP rate) | {result.false_positive_rate:.1%} flagged | | "
        f"{result.clean_flagged} of {result.clean_sentences} | | |"
    )
    return "\n".join(lines)


def assert_written_caught(ruleset: RuleSet, path: Path, scored=SCORED) -> None:
    """The written paraphrases are marked as written and every one is caught, none wrongly."""
    rows = load_corpus(path)
    assert rows and all(row["organisation"] == "written" and row["kind"] == "written" for row in rows)
    result = score(ToneChecker(ruleset), rows, scored)
    assert not result.failures(), markdown_table(result) + "\n" + "\n".join(result.misses)


def assert_no_shared_organisations(dev_rows: list[dict], frozen_path: Path) -> None:
    dev = {row["organisation"].lower() for row in dev_rows}
    frozen = {row["organisation"].lower() for row in load_corpus(frozen_path)}
    assert dev and frozen and not dev & frozen
