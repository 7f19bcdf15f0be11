"""Check the note-understanding development corpus against the fact catalog and the engine.

Run:  .venv/bin/python tests/notes_corpus/check_corpus.py [--outcomes] [--stats] [--quiet] [--heldout]

- format: required keys, styles, policies, unique ids, dates, text length (120-350 words for
  notes), fact names that exist in the catalog and are not derived, values of the right type;
- traps: fact exists, expect fits the fact's type or is null;
- --outcomes: evaluates each note's expect_facts as structured facts (no note text) with the
  engine and compares the result with expect_outcome (the ground truth for the outcome is the
  engine's answer given those facts);
- --stats: counts by style / policy / outcome and traps by category.

Exit code 1 when a problem is found. Messages name the note id, never quote note text.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FACTS_DIR = ROOT / "src" / "spinecheck" / "facts"

STYLES = {"tidy_prose", "terse_abbrev", "faxed_letter", "buried_fact", "order_comment"}
POLICIES = {"evicore-spine-2026", "cohere-ct-spine-2.1"}
OUTCOMES = {"approve", "not_met", "pend", "out_of_scope"}
NOTE_KEYS = {"id", "style", "policy", "cpt", "date", "patient", "text", "expect_facts", "expect_absent", "expect_outcome"}
TRAP_KEYS = {"id", "text", "date", "fact", "expect"}
DURATION = re.compile(r"^\d+(?:\.\d+)? (hour|day|week|month)s?$")  # "5.5 hours" for "five and a half hours"


def load_catalog() -> dict[str, dict[str, Any]]:
    catalog: dict[str, dict[str, Any]] = {}
    for path in sorted(FACTS_DIR.glob("*.yaml")):
        for fact in (yaml.safe_load(path.read_text()) or {}).get("facts", []) or []:
            catalog[fact["name"]] = fact
    return catalog


def value_problem(fact: dict[str, Any], value: Any) -> str | None:
    kind = fact["type"]
    if kind == "bool":
        return None if isinstance(value, bool) else "must be true/false"
    if kind == "number":
        return None if isinstance(value, (int, float)) and not isinstance(value, bool) else "must be a number"
    if kind == "enum":
        return None if value in fact["values"] else f"must be one of {fact['values']}"
    if kind == "set":
        if not isinstance(value, list):
            return "must be a list"
        bad = [v for v in value if v not in fact["values"]]
        return f"unknown set values {bad}" if bad else None
    if kind == "duration":
        return None if isinstance(value, str) and DURATION.match(value) else 'must be "N days|weeks|months" (N may have decimals)'
    if kind == "date":
        return None if isinstance(value, (dt.date, str)) and str(value)[:4].isdigit() else "must be YYYY-MM-DD"
    return f"unknown fact type {kind}"


def load_notes(folder: str = "notes") -> list[tuple[str, dict[str, Any]]]:
    """``notes``: the development corpus; ``heldout``: the held-out notes (same format)."""
    notes = []
    for path in sorted((HERE / folder).glob("*.yaml")):
        for note in (yaml.safe_load(path.read_text()) or {}).get("notes", []) or []:
            notes.append((path.name, note))
    return notes


def check_notes(notes, catalog) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for fname, n in notes:
        nid = n.get("id", "?")
        where = f"{fname}:{nid}"
        missing = {"id", "style", "policy", "cpt", "date", "patient", "text", "expect_facts", "expect_outcome"} - set(n)
        extra = set(n) - NOTE_KEYS
        if missing:
            problems.append(f"{where}: missing keys {sorted(missing)}")
        if extra:
            problems.append(f"{where}: unknown keys {sorted(extra)}")
        if nid in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(nid)
        if n.get("style") not in STYLES:
            problems.append(f"{where}: style {n.get('style')!r} not in {sorted(STYLES)}")
        if n.get("policy") not in POLICIES:
            problems.append(f"{where}: policy {n.get('policy')!r}")
        if n.get("expect_outcome") not in OUTCOMES:
            problems.append(f"{where}: expect_outcome {n.get('expect_outcome')!r}")
        if not isinstance(n.get("cpt"), str):
            problems.append(f"{where}: cpt must be a quoted string")
        if not isinstance(n.get("date"), dt.date):
            problems.append(f"{where}: date must be YYYY-MM-DD")
        pat = n.get("patient") or {}
        if not isinstance(pat.get("birth_date"), dt.date) or pat.get("sex") not in {"female", "male", "other", "unknown"}:
            problems.append(f"{where}: patient needs birth_date and sex")
        words = len(str(n.get("text", "")).split())
        lo = {"order_comment": 5, "terse_abbrev": 80}.get(n.get("style"), 100)
        if not lo <= words <= 350:
            problems.append(f"{where}: text has {words} words (want about 120-350, at least {lo})")
        facts = n.get("expect_facts") or {}
        for name, value in facts.items():
            fact = catalog.get(name)
            if fact is None:
                problems.append(f"{where}: expect_facts.{name} is not in the catalog")
                continue
            if fact.get("derived"):
                problems.append(f"{where}: expect_facts.{name} is derived from the request")
                continue
            why = value_problem(fact, value)
            if why:
                problems.append(f"{where}: expect_facts.{name} {why}")
        for name in n.get("expect_absent") or []:
            if name not in catalog:
                problems.append(f"{where}: expect_absent {name} is not in the catalog")
            if name in facts:
                problems.append(f"{where}: {name} is both expected and absent")
    return problems


def load_traps() -> list[dict[str, Any]]:
    path = HERE / "traps.yaml"
    return (yaml.safe_load(path.read_text()) or {}).get("traps", []) if path.exists() else []


def check_traps(traps, catalog) -> list[str]:
    problems = []
    seen: set[str] = set()
    for t in traps:
        tid = t.get("id", "?")
        if set(t) != TRAP_KEYS:
            problems.append(f"trap {tid}: keys {sorted(set(t) ^ TRAP_KEYS)} differ")
        if tid in seen:
            problems.append(f"trap {tid}: duplicate id")
        seen.add(tid)
        fact = catalog.get(t.get("fact"))
        if fact is None:
            problems.append(f"trap {tid}: fact {t.get('fact')!r} not in the catalog")
            continue
        if t.get("expect") is not None:
            why = value_problem(fact, t["expect"])
            if why:
                problems.append(f"trap {tid}: expect {why}")
    return problems


def request_for(n: dict[str, Any]) -> dict[str, Any]:
    facts = {}
    for k, v in (n.get("expect_facts") or {}).items():
        facts[k] = v.isoformat() if isinstance(v, dt.date) else v
    return {
        "id": n["id"], "policy": n["policy"], "cpt": n["cpt"], "date": n["date"].isoformat(),
        "patient": {"birth_date": n["patient"]["birth_date"].isoformat(), "sex": n["patient"]["sex"]},
        "facts": facts,
    }


def check_outcomes(notes, verbose: bool) -> list[str]:
    sys.path.insert(0, str(ROOT / "src"))
    from spinecheck.review import review_data

    problems = []
    for fname, n in notes:
        try:
            d = review_data(request_for(n))[0]
        except Exception as exc:  # noqa: BLE001 - report and continue
            problems.append(f"{fname}:{n.get('id')}: engine error {type(exc).__name__}: {exc}")
            continue
        if d["outcome"] != n.get("expect_outcome"):
            missing = [m.get("fact") for m in d.get("missing", [])] if isinstance(d.get("missing"), list) else d.get("missing")
            problems.append(f"{fname}:{n['id']}: engine says {d['outcome']} ({d.get('guideline')}), corpus says "
                            f"{n.get('expect_outcome')}; missing={missing}")
        elif verbose:
            print(f"ok {n['id']}: {d['outcome']} {d.get('guideline')}")
    return problems


def trap_category(tid: str) -> str:
    return tid.rsplit("-", 1)[0]


def stats(notes, traps) -> None:
    for key in ("style", "policy", "expect_outcome"):
        c = collections.Counter(n[key] for _, n in notes)
        print(f"notes by {key}: {dict(sorted(c.items()))}")
    c = collections.Counter((n["policy"], n["expect_outcome"]) for _, n in notes)
    print(f"notes by policy x outcome: {dict(sorted(c.items()))}")
    print(f"notes total: {len(notes)}; files: {dict(collections.Counter(f for f, _ in notes))}")
    c = collections.Counter(trap_category(t["id"]) for t in traps)
    print(f"traps total: {len(traps)}; by category: {dict(sorted(c.items()))}")
    c = collections.Counter("null" if t["expect"] is None else str(t["expect"]).lower() for t in traps)
    print(f"traps by expect: {dict(c)}")
    used = collections.Counter(k for _, n in notes for k in (n.get("expect_facts") or {}))
    print(f"facts used in notes: {len(used)}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--outcomes", action="store_true")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--heldout", action="store_true", help="check the held-out notes (heldout/) instead")
    args = ap.parse_args()
    catalog = load_catalog()
    notes = load_notes("heldout" if args.heldout else "notes")
    traps = load_traps()
    problems = check_notes(notes, catalog) + check_traps(traps, catalog)
    if args.outcomes:
        problems += check_outcomes(notes, args.verbose)
    for p in problems:
        print(p)
    if args.stats:
        stats(notes, traps)
    print(f"{len(notes)} notes, {len(traps)} traps, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
