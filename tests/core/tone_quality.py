"""Scoring the tone checks against a labelled corpus (one JSON sentence per line).

Used by scripts/measure-tone and tests/core/test_tone_corpus.py. Each sentence is checked as
free text; borderline rows are left out of every score.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from outagewriter.core.checks.rules import FREE_TEXT_FIELD
from outagewriter.core.checks.tone import ToneChecker

SCORED = ("blame", "guilt", "overpromise")


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
    misses: tuple[str, ...]  # readable lines for the report

    @property
    def false_positive_rate(self) -> float:
        return self.clean_flagged / self.clean_sentences if self.clean_sentences else 0.0


def load_corpus(path: str | Path) -> list[dict]:
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            if not isinstance(row.get("text"), str) or not isinstance(row.get("labels", []), list):
                raise ValueError(f"{path}: line {number} lacks 'text' or 'labels'")
            rows.append(row)
    return rows


def score(checker: ToneChecker, rows: list[dict]) -> Score:
    counts = {c: [0, 0, 0] for c in SCORED}
    clean = clean_flagged = borderline = 0
    misses = []
    for row in rows:
        if row.get("borderline"):
            borderline += 1
            continue
        labels = set(row.get("labels", [])) & set(SCORED)
        found = {f.category for f in checker.check_text(FREE_TEXT_FIELD, row["text"])} & set(SCORED)
        for category in SCORED:
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
        categories={c: CategoryScore(c, *counts[c]) for c in SCORED},
        clean_sentences=clean,
        clean_flagged=clean_flagged,
        scored_rows=len(rows) - borderline,
        borderline_rows=borderline,
        misses=tuple(misses),
    )


def markdown_table(result: Score) -> str:
    lines = ["| category | precision | recall | TP | FP | FN |", "|---|---|---|---|---|---|"]
    for c in result.categories.values():
        lines.append(f"| {c.category} | {c.precision:.2f} | {c.recall:.2f} | {c.true_pos} | {c.false_pos} | {c.false_neg} |")
    lines.append(
        f"| unlabelled (FP rate) | {result.false_positive_rate:.1%} flagged | | "
        f"{result.clean_flagged} of {result.clean_sentences} | | |"
    )
    return "\n".join(lines)
