"""The performance budgets of DESIGN.md section 8, checked on a benchmark's measured rounds.

A benchmark records its budget in `extra_info` (so `scripts/bench` can print it) and asserts it
whenever pytest-benchmark measured rounds. Under the default `--benchmark-disable` each benchmark
runs once and only its result checks apply: one round says nothing about a p95.
"""
from __future__ import annotations

import statistics

P95, MEDIAN = "p95", "median"


def p95(data: list[float]) -> float:
    """The 95th percentile of the round times (the largest value for fewer than 20 rounds)."""
    if len(data) < 2:
        return data[0]
    return statistics.quantiles(sorted(data), n=20, method="inclusive")[18]


def statistic(data: list[float], which: str) -> float:
    return p95(data) if which == P95 else statistics.median(data)


def within(value: float, limit: float) -> bool:
    return value < limit


def rounds(benchmark) -> list[float]:
    """The measured round times in seconds; empty when benchmarks are disabled."""
    stats = getattr(benchmark, "stats", None)
    return list(stats.stats.data) if stats is not None else []


def check_budget(benchmark, limit: float, label: str, which: str = P95) -> None:
    """Record the budget `which < limit` (seconds) and assert it when there are measured rounds."""
    benchmark.extra_info.update(budget=label, budget_s=limit, budget_stat=which)
    data = rounds(benchmark)
    if not data:
        return
    value = statistic(data, which)
    assert within(value, limit), f"{which} {value * 1000:.1f} ms misses the budget: {label}"
