"""Check a policy vignette (a request written from the policy text, with its expected result)."""

from __future__ import annotations

from typing import Any

from .policy import load_vignettes, policy_ids
from .policy.schema import Vignette
from .review import review_data


def vignette_requests() -> list[dict[str, Any]]:
    """Every bundled policy's vignettes as requests in their wire form (dates as ISO text, as
    JSON gives them; YAML gives dates), policy by policy: the workload of the benches and of
    the tests that compare implementations."""
    found = []
    for pid in policy_ids():
        for _, v in load_vignettes(pid):
            request = {"policy": pid, "id": v.id, **v.request}
            request["date"] = str(request["date"])
            request["patient"] = {**request["patient"], "birth_date": str(request["patient"]["birth_date"])}
            found.append(request)
    return found


def check_vignette(policy_id: str, vignette: Vignette) -> list[str]:
    """Problems found; empty when the determination matches every expectation."""
    request = {"policy": policy_id, "id": vignette.id, **vignette.request}
    try:
        results = review_data(request)
    except Exception as exc:  # noqa: BLE001 - a vignette that errors is a failing vignette
        return [f"raised {type(exc).__name__}: {exc}"]
    d = results[0]
    exp = vignette.expect
    problems = []
    if d["outcome"] != exp.outcome:
        problems.append(f"outcome {d['outcome']} (expected {exp.outcome}); summary: {d['summary']}")
    if exp.guideline is not None and d["guideline"] != exp.guideline and (d["guideline"] or "").split("#")[0] != exp.guideline:
        problems.append(f"guideline {d['guideline']} (expected {exp.guideline})")
    if exp.suggested_cpt is not None and sorted(d["suggested_cpt"]) != sorted(exp.suggested_cpt):
        problems.append(f"suggested_cpt {d['suggested_cpt']} (expected {exp.suggested_cpt})")
    if exp.missing is not None:
        asked = {m["fact"] for m in d["missing"]}
        lacking = [f for f in exp.missing if f not in asked]
        if lacking:
            problems.append(f"missing questions lack {lacking} (asked: {sorted(asked)})")
    if exp.notes is not None:
        shown = {n["id"] for n in d["notes"]}
        lacking = [n for n in exp.notes if n not in shown]
        if lacking:
            problems.append(f"notes lack {lacking}")
    return problems
