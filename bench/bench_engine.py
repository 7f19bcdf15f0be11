"""Structured-evaluation throughput (determinations per second on one core) and latency.

Runs the full use case for requests with structured facts only: validation, fact
normalization, engine, and the determination dict. Prints figures; asserts nothing
(machines are noisy). Usage: python bench/bench_engine.py [--seconds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from spinecheck.policy import load_policy, policy_ids
from spinecheck.review import parse_request, review, review_data

HERE = Path(__file__).resolve().parent.parent


def workload() -> list[dict]:
    """Bundled examples without notes, plus every policy's vignettes, cycled."""
    requests = []
    for line in (HERE / "examples" / "requests.ndjson").read_text().splitlines():
        data = json.loads(line)
        if "note" not in data:
            requests.append(data)
    from spinecheck.policy import load_vignettes

    for pid in policy_ids():
        for _, v in load_vignettes(pid):
            if "note" not in v.request:
                requests.append({"policy": pid, "id": v.id, **v.request})
    for r in requests:  # YAML gives dates; the wire gives strings
        r["date"] = str(r["date"])
        r["patient"] = {**r["patient"], "birth_date": str(r["patient"]["birth_date"])}
    return requests


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
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
    decide = lambda r: review(parse_request(r))  # noqa: E731 - outcome, reasons, questions, node statuses
    full = lambda r: json.dumps(review_data(r))  # noqa: E731 - plus the full JSON trace
    for label, fn in (("decision (validated request -> determination with per-node statuses)", decide),
                      ("decision + full JSON determination with trace", full)):
        n, elapsed, latencies = measure(fn, requests, args.seconds)
        p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1e6  # noqa: E731
        print(f"{label}:")
        print(f"  throughput {n / elapsed:,.0f} determinations/s on one core ({n} in {elapsed:.1f} s)")
        print(f"  latency p50 {p(0.50):.0f} us, p99 {p(0.99):.0f} us, mean {statistics.fmean(latencies) * 1e6:.0f} us")
    print(f"policies loaded and linted: {', '.join(policy_ids())} in {startup * 1000:.0f} ms")
    print(f"workload: {len(requests)} distinct structured requests (examples + vignettes), cycled")


def measure(fn, requests, seconds):
    latencies = []
    n = 0
    deadline = time.perf_counter() + seconds
    start = time.perf_counter()
    while time.perf_counter() < deadline:
        for r in requests:
            t = time.perf_counter()
            fn(r)
            latencies.append(time.perf_counter() - t)
            n += 1
    latencies.sort()
    return n, time.perf_counter() - start, latencies


if __name__ == "__main__":
    main()
