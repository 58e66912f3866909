"""Quality of the tone checks on real outage sentences (tests/corpus, see its README).

The acceptance bar, on the frozen split (organisations the rules were not written from), is precision
>= 0.85 and recall >= 0.70 per category with at most 5% of neutral sentences flagged. The rules do not
reach it yet (README, "Measured on sentences the rules never saw"): until they do, this file fails
when the frozen-split figures drop below those last measured, so no change loses ground unseen.
A missing corpus file fails (never skips). The rows of real-test.jsonl are not printed on failure: only the figures.
Running this file scores the frozen split: log the run in tests/corpus/TEST-RUNS.md.
"""
from __future__ import annotations

import hashlib

import pytest
from tone_quality import (
    CORPUS,
    assert_no_shared_organisations,
    assert_written_caught,
    cross_validate,
    load_corpus,
    markdown_table,
    score,
)

from outagewriter.core.checks import ToneChecker, load_rules

FROZEN = CORPUS / "real-test.jsonl"
FRESH = CORPUS / "real-fresh.jsonl"  # the second frozen split, gathered after the rules were written
DEV = CORPUS / "real-dev.jsonl"
WRITTEN = CORPUS / "written.jsonl"
RULES = load_rules("en")


@pytest.mark.parametrize("frozen", [FROZEN, FRESH], ids=lambda path: path.name)
def test_frozen_split_is_the_frozen_file(frozen):
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert hashlib.sha256(frozen.read_bytes()).hexdigest() in readme


# Last measured (tests/corpus/TEST-RUNS.md). The frozen split (run 16): blame 0.82 / 0.44, guilt 0.97 / 0.62,
# overpromise 0.90 / 0.53, 1.6% of neutral sentences flagged. The second frozen split (its run 8): blame
# 0.81 / 0.33, guilt 0.96 / 0.56, over-promise 1.00 / 0.20 (5 firm examples), 1.2% flagged.
# Floors a little below (precision, recall per category; most neutral flagged; fewest rows scored), not targets.
FROZEN_FLOORS = {
    FROZEN.name: ({"blame": (0.80, 0.42), "guilt": (0.95, 0.60), "overpromise": (0.85, 0.50)}, 0.02, 500),
    FRESH.name: ({"blame": (0.78, 0.32), "guilt": (0.94, 0.55), "overpromise": (0.99, 0.20)}, 0.02, 400),
}


@pytest.mark.parametrize("frozen", [FROZEN, FRESH], ids=lambda path: path.name)
def test_frozen_splits_do_not_drop_below_their_last_measured_figures(frozen):
    floors, most_neutral_flagged, fewest_rows = FROZEN_FLOORS[frozen.name]
    result = score(ToneChecker(RULES), load_corpus(frozen))
    assert result.scored_rows > fewest_rows
    table = markdown_table(result)  # figures only: the rows stay unread
    for category, (precision, recall) in floors.items():
        measured = result.categories[category]
        assert measured.precision >= precision and measured.recall >= recall, table
    assert result.false_positive_rate <= most_neutral_flagged, table


@pytest.fixture(scope="module")
def dev_rows():
    return load_corpus(DEV)


# Leave-organisations-out cross-validation on dev, as measured and reported in the README: a change
# that loses what the rules generalise to fails here, before anyone scores the frozen split. Measured with
# the third gathering in dev (1,189 rows scored): blame 0.93 / 0.44, guilt 0.94 / 0.83, over-promise 0.94 / 0.71.
CROSS_VALIDATED_RECALL = {"blame": 0.42, "guilt": 0.80, "overpromise": 0.70}


def test_cross_validation_on_dev_does_not_drop(dev_rows):
    result = cross_validate(RULES, dev_rows, load_corpus(WRITTEN))
    detail = markdown_table(result) + "\n" + "\n".join(result.misses)
    for category, floor in CROSS_VALIDATED_RECALL.items():
        assert result.categories[category].precision >= 0.85, detail
        assert result.categories[category].recall >= floor, detail
    assert result.false_positive_rate <= 0.05, detail


def test_written_paraphrases_are_marked_and_caught():
    assert_written_caught(RULES, WRITTEN)


def test_splits_do_not_share_organisations(dev_rows):
    assert_no_shared_organisations(dev_rows, FROZEN)
    assert_no_shared_organisations(dev_rows, FRESH)
    assert_no_shared_organisations(load_corpus(FROZEN), FRESH)


SHAPES = CORPUS / "written-shapes.jsonl"
# The written shapes (README of tests/corpus): rules are written from the "tune" set; the "check" set
# is measured. Floors a little below the shipped rules' figures (README, "How well it works").
SHAPES_FLOOR = {
    "tune": {"blame": (0.90, 0.37), "guilt": (0.97, 0.85), "overpromise": (0.96, 0.48)},
    "check": {"blame": (0.90, 0.43), "guilt": (0.91, 0.80), "overpromise": (0.76, 0.33)},
}
SHAPES_MOST_NEUTRAL_FLAGGED = {"tune": 0.03, "check": 0.04}


def test_written_shapes_are_marked_as_written():
    rows = load_corpus(SHAPES)
    assert len(rows) > 1500
    assert all(row["organisation"] == "written" and row["kind"] == "written" for row in rows)
    assert {row["set"] for row in rows} == {"tune", "check"}
    real = {row["text"] for row in load_corpus(DEV)}
    assert not real & {row["text"] for row in rows}


@pytest.mark.parametrize("part", ["tune", "check"])
def test_written_shapes_do_not_drop(part):
    rows = [row for row in load_corpus(SHAPES) if row["set"] == part]
    result = score(ToneChecker(RULES), rows)
    table = markdown_table(result)
    for category, (precision, recall) in SHAPES_FLOOR[part].items():
        measured = result.categories[category]
        assert measured.precision >= precision and measured.recall >= recall, table
    assert result.false_positive_rate <= SHAPES_MOST_NEUTRAL_FLAGGED[part], table
