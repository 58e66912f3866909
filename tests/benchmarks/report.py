"""The benchmark table `scripts/bench` prints, from pytest-benchmark's JSON (saved with its data).

usage: python tests/benchmarks/report.py RESULTS.json
Exit 1 when a benchmark misses its budget, 2 when the file holds no benchmarks.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from budgets import p95, statistic, within  # noqa: E402


def duration(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.1f} ms"


def rows(results: dict) -> list[tuple[str, str, str, str, str]]:
    out = []
    for bench in sorted(results["benchmarks"], key=lambda b: statistics.median(b["stats"]["data"])):
        data, info = bench["stats"]["data"], bench["extra_info"]
        if "budget_s" in info:
            ok = within(statistic(data, info["budget_stat"]), info["budget_s"])
            budget, result = info["budget"], "pass" if ok else "MISSED"
        else:
            budget, result = "—", "—"
        out.append((bench["name"], duration(statistics.median(data)), duration(p95(data)), budget, result))
    return out


def table(lines: list[tuple[str, ...]]) -> str:
    header = ("benchmark", "median", "p95", "budget", "result")
    return "\n".join("| " + " | ".join(cells) + " |" for cells in [header, ("---",) * len(header), *lines])


def machine(results: dict) -> str:
    """Python, CPUs and how busy the machine was: shared machines make every figure noisier."""
    info = results["machine_info"]
    text = f"Python {info['python_version']}, {info['cpu'].get('count', '?')} CPUs"
    if hasattr(os, "getloadavg"):
        text += ", load average over 1 and 5 min: {:.1f}, {:.1f}".format(*os.getloadavg()[:2])
    return text


def main(argv: list[str]) -> int:
    results = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    if not results.get("benchmarks"):
        print("bench: no benchmark ran", file=sys.stderr)
        return 2
    lines = rows(results)
    print(f"{len(lines)} benchmarks; {machine(results)}; time per round:\n")
    print(table(lines))
    return 1 if any(line[-1] == "MISSED" for line in lines) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
