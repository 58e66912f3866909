"""Tone checks on a realistic 2,000-word notice (budget: under 10 ms in process, seen for the first
time, and per keystroke), and `outagewriter check` against proselint on the same text, whole
process, side by side (budgets: `check --quick` no slower than proselint, the full check within 3 s).

Run: bash scripts/bench tests/benchmarks/test_tone_speed.py
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time

import proselint
import pytest
from budgets import MEDIAN, check_budget
from proselint.checks import __register__
from proselint.registry import CheckRegistry
from proselint.tools import LintFile

from outagewriter.core.checks import ToneChecker, load_rules

PARAGRAPHS = [
    "Card payments in Acme Pay fail for about a third of customers in Europe since 09:40 CET. "
    "Please retry failed payments after 11:00 CET; we will write again by then.",
    "What does not work now: card payments through the checkout page and the mobile app fail with an error "
    "message. Bank transfers, refunds and invoices work as usual. Payments that failed were not charged.",
    "What follows later: settlement reports for today will arrive a few hours late, and some payout "
    "notifications may be delayed until tomorrow morning. We apologize for the inconvenience.",
    "What you can do meanwhile: ask customers to pay by bank transfer, or retry the payment after the next "
    "update. If a customer was charged twice, the duplicate will be refunded automatically within five days.",
    "The problem started after a configuration change to our payment gateway increased the number of "
    "connections each server opens to the card network. Our engineers rolled the change back at 10:05 CET "
    "and error rates are falling; we expect them to return to normal within the hour.",
    "Technical detail for your engineers: the gateway's connection pool on db-pay-03.internal was exhausted; "
    "requests to 10.20.3.4 timed out and the API returned HTTP 503 for about 30% of calls.",
    "If you have questions, please contact Jana Novák at jana.novak@acme.example or +420 555 010 203; "
    "thank you for your patience while we work on this.",
]


def realistic_notice(words: int = 2000) -> str:
    out, count, i = [], 0, 0
    while count < words:
        paragraph = PARAGRAPHS[i % len(PARAGRAPHS)]
        out.append(paragraph)
        count += len(paragraph.split())
        i += 1
    return "\n\n".join(out)


TEXT = realistic_notice()


RULES = load_rules("en")


def _categories(findings) -> set[str]:
    return {f["category"] if isinstance(f, dict) else f.category for f in findings}


# The text holds jargon and stacked apologies on purpose.
EXPECTED = {"jargon", "guilt"}


def bench_first_seen(benchmark, rules, text: str, expected: set[str]) -> None:
    """A whole notice seen for the first time: a fresh checker each round (nothing cached)."""
    findings = benchmark(lambda: ToneChecker(rules).check_fields({"summary": text}))
    assert _categories(findings) == expected
    check_budget(benchmark, 0.010, "p95 < 10 ms")


def bench_keystroke(benchmark, rules, text: str, typed_char: str, around: range) -> None:
    """One character typed into the notice at a position in `around`: only the sentence it changed is
    scanned again."""
    checker = ToneChecker(rules)
    checker.check_fields({"summary": text})
    typed = iter(range(10**9))

    def keystroke():
        at = around.start + next(typed) % len(around)
        return checker.check_fields({"summary": text[:at] + typed_char + text[at:]})

    findings = benchmark(keystroke)
    assert "guilt" in _categories(findings)
    check_budget(benchmark, 0.010, "p95 < 10 ms (the tone share of the 50 ms keystroke)")


def test_tone_checks_2000_words(benchmark):
    assert 2000 <= len(TEXT.split()) < 2100
    bench_first_seen(benchmark, RULES, TEXT, EXPECTED)


def test_tone_checks_per_keystroke_2000_words(benchmark):
    bench_keystroke(benchmark, RULES, TEXT, "x", range(5000, 8000))


def test_proselint_same_text(benchmark):
    """For scale: proselint's checks on the same text, in process."""
    CheckRegistry().register_many(__register__)  # proselint 0.16: checks are registered by the caller
    assert LintFile("probe", "This is very unique.").lint(), "proselint's checks did not run"
    results = benchmark(lambda: LintFile("notice", TEXT).lint())
    assert isinstance(results, list), proselint.__name__


def _command_env(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("OUTAGEWRITER_LT_URL", "PYTHONDONTWRITEBYTECODE")}
    # As installed: bytecode cached (proselint's is, in site-packages), the user's folders empty.
    env.update(OUTAGEWRITER_CONFIG_DIR=str(tmp_path / "config"), OUTAGEWRITER_STATE_DIR=str(tmp_path / "state"))
    return env


@pytest.mark.parametrize("quick", [True, False], ids=["check-quick", "check"])
def test_check_command_against_proselint_whole_process(benchmark, tmp_path, quick):
    """`outagewriter check` on the text, a fresh process each round; before each round, untimed by
    pytest-benchmark, proselint's command on the same text is timed. `--quick` (word-level rules only)
    must be no slower than proselint; the full check (grammar off here: no server) within 3 s."""
    notice = tmp_path / "notice.txt"
    notice.write_text(TEXT, encoding="utf-8")
    env = _command_env(tmp_path)
    proselint_times = []

    def run_proselint():
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "proselint", "check", str(notice)], env=env,
                              capture_output=True, text=True)
        proselint_times.append(time.perf_counter() - started)
        assert done.returncode in (0, 1), done.stderr  # 1: it found something
        return (), {}

    command = [sys.executable, "-m", "outagewriter", "check", "-", "--format", "json"]
    command += ["--quick"] if quick else ["--no-grammar"]

    def run_check():
        return subprocess.run(command, input=TEXT, env=env, capture_output=True, text=True)

    checked = benchmark.pedantic(run_check, setup=run_proselint, rounds=10, iterations=1, warmup_rounds=1)
    assert checked.returncode == 0, checked.stderr
    assert _categories(json.loads(checked.stdout)) == EXPECTED
    proselint_median = statistics.median(proselint_times[1:] or proselint_times)  # [0]: the warm-up round
    benchmark.extra_info["proselint_median_s"] = proselint_median
    if quick:
        check_budget(benchmark, proselint_median, f"median < proselint's {proselint_median * 1000:.0f} ms", MEDIAN)
    else:
        check_budget(benchmark, 3.0, "median < 3 s", MEDIAN)
