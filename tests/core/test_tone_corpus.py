"""Quality of the tone checks on the development corpus (tests/data/tone/dev.jsonl).

Targets per scored category: precision >= 0.9, recall >= 0.8; at most 5% of unlabelled,
non-borderline sentences flagged. Borderline rows are left out. scripts/measure-tone prints the table.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from tone_quality import SCORED, load_corpus, markdown_table, score

from outagewriter.core.checks import ToneChecker, load_rules

CORPUS = Path(__file__).resolve().parents[1] / "data" / "tone" / "dev.jsonl"


@pytest.fixture(scope="module")
def result():
    return score(ToneChecker(load_rules("en")), load_corpus(CORPUS))


@pytest.mark.parametrize("category", SCORED)
def test_precision_and_recall(result, category):
    c = result.categories[category]
    detail = markdown_table(result) + "\n" + "\n".join(result.misses)
    assert c.true_pos + c.false_neg > 0, f"no {category} sentences in the corpus"
    assert c.precision >= 0.9, detail
    assert c.recall >= 0.8, detail


def test_false_positive_rate_on_clean_sentences(result):
    assert result.clean_sentences > 0
    assert result.false_positive_rate <= 0.05, markdown_table(result) + "\n" + "\n".join(result.misses)
