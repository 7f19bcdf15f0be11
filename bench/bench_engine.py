"""Structured-evaluation throughput (determinations per second on one core) and latency.

Runs the full use case for requests with structured facts only (no note): validation, fact
normalization, engine, and, for the second figure, the determination dict as JSON. The
workload is every bundled example without a note plus every policy vignette, cycled; most
vignettes are deliberately not_met or pend, so the mixed figure is not an approve-only figure.
Besides the mixed figure it prints throughput and latency per outcome (approve, pend, not_met,
out_of_scope), each measured over only the requests with that outcome. Prints figures; asserts
nothing (machines are noisy). Usage: python bench/bench_engine.py [--seconds 5] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spinecheck.engine.native import describe
from spinecheck.policy import load_policy, policy_ids
from spinecheck.review import parse_request, review, review_data
from spinecheck.vignettes import vignette_requests

HERE = Path(__file__).resolve().parent.parent
OUTCOMES = ("approve", "pend", "not_met", "out_of_scope")


def workload() -> list[dict]:
    """Bundled examples without notes, plus every policy's vignettes, cycled."""
    examples = [json.loads(line) for line in (HERE / "examples" / "requests.ndjson").read_text().splitlines()]
    return [r for r in examples + vignette_requests() if "note" not in r]


def by_outcome(requests: list[dict]) -> dict[str, list[dict]]:
    """The requests grouped by the outcome of their (single-policy) determination."""
    groups: dict[str, list[dict]] = {o: [] for o in OUTCOMES}
    for r in requests:
        outcomes = {d["outcome"] for d in review_data(r)}
        if len(outcomes) == 1:
            groups[outcomes.pop()].append(r)
    return groups


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0, help="per mixed measurement")
    parser.add_argument("--quick", action="store_true", help="mixed decision figures only")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    t0 = time.perf_counter()
    for pid in policy_ids():
        load_policy(pid)
    startup = time.perf_counter() - t0
    requests = workload()
    for r in requests:  # warm-up: compiles every policy once
        review_data(r)
    groups = by_outcome(requests)
    decide: Callable[[Any], Any] = lambda r: review(parse_request(r))  # noqa: E731 - outcome, reasons, questions; trace on demand
    full: Callable[[Any], Any] = lambda r: json.dumps(review_data(r))  # noqa: E731 - plus the decisive JSON trace
    runs = [("decision (validated request -> determination, trace renderable on demand)", decide),
            ("decision + JSON determination with the decisive trace", full)]
    for label, fn in runs[:1] if args.quick else runs:
        print(f"{label}:")
        report("mixed", *measure(fn, requests, args.seconds))
        if not args.quick:
            for outcome in OUTCOMES:
                if groups[outcome]:
                    report(f"{outcome} ({len(groups[outcome])})", *measure(fn, groups[outcome], args.seconds / 2))
    print(f"criteria steps: {describe()}")
    print(f"policies loaded and linted: {', '.join(policy_ids())} in {startup * 1000:.0f} ms")
    print(f"workload: {len(requests)} distinct structured requests (examples + vignettes), cycled; "
          + ", ".join(f"{o} {len(groups[o])}" for o in OUTCOMES))


def report(label: str, n: int, elapsed: float, latencies: list[float]) -> None:
    def p(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1e6

    print(f"  {label:<18} {n / elapsed:>9,.0f}/s on one core   "
          f"p50 {p(0.50):>5.0f} us  p99 {p(0.99):>5.0f} us  mean {statistics.fmean(latencies) * 1e6:>5.0f} us")


def measure(fn: Callable[[Any], Any], requests: list[dict], seconds: float) -> tuple[int, float, list[float]]:
    latencies = []
    n = 0
    clock = time.perf_counter
    deadline = clock() + seconds
    start = clock()
    while clock() < deadline:
        for r in requests:
            t = clock()
            fn(r)
            latencies.append(clock() - t)
            n += 1
    latencies.sort()
    return n, clock() - start, latencies


if __name__ == "__main__":
    main()
