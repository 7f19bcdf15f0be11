"""Structured facts are read by per-fact readers (spinecheck.intake) that must give exactly what
``normalize`` gives: the same values, the same errors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from spinecheck.engine.facts import FactSet, normalize
from spinecheck.errors import InputError
from spinecheck.intake import intake_for
from spinecheck.policy import load_catalog
from spinecheck.policy import durations

RAW: list[Any] = [None, True, False, 0, 1, 2.5, -3, "", "x", "6 weeks", " 3 mo ", "P6W", "2026-01-02", "2026-13-40",
                  "2026-02-30", "20260102", [], ["x"], ["cervical"], ["lumbar", "thoracic"], ["lumbar", 1],
                  ["lumbar", ["a"]], ["lumbar", "lumbar"], [1], [["a"]], [{"a": 1}], {"a": 1}, dt.date(2026, 1, 2),
                  dt.datetime(2026, 1, 2, 8, 30)]


def _outcome(fn: Any, raw: Any) -> Any:
    try:
        return ("value", fn(raw))
    except InputError as exc:
        return ("error", exc.message, exc.where, exc.code)


def test_every_reader_gives_what_normalize_gives() -> None:
    catalog = load_catalog()
    intake = intake_for(catalog)
    checked = 0
    for name, fact in catalog.items():
        if fact.derived:
            continue
        read = intake.settable[name][1]
        raws = RAW + [v for v in (fact.values or [])] + [[v] for v in (fact.values or [])[:2]]
        for raw in raws * 2:  # twice: a duration text read before comes from the reader's table
            assert _outcome(read, raw) == _outcome(lambda r: normalize(fact, r, f"facts.{name}"), raw), (name, raw)
            checked += 1
    assert checked > 1000


def test_blanket_statement_values_and_sources() -> None:
    catalog = load_catalog()
    intake = intake_for(catalog)
    ruler, implied = next(iter(intake.blankets.items()))
    covered = [name for name, _ in implied]
    facts = FactSet()
    intake.put_structured({ruler: True, covered[0]: True, covered[1]: None}, dt.date(2026, 1, 1), facts)
    intake.apply_blanket_negatives(facts)
    assert facts.values[covered[0]] is True  # an answer is kept
    assert covered[1] not in facts.values  # an explicit unknown stays unknown
    assert facts.source(covered[1]).source == "request.facts"
    for name, fv in implied[2:]:
        assert facts.values[name] == fv.value and facts.source(name).source == "implied"
        assert name not in facts.provenance  # one shared table, not copied per request
    assert facts.implied_names() == frozenset(covered[2:])


@pytest.mark.parametrize("text", [f"{a}{n}{b}{u}{c}" for n in ("0", "6", "2.5", "007") for u in ("weeks", "W", "mo", "Years", "hours", "x")
                                  for a in ("", " ") for b in ("", " ") for c in ("", " ")]
                         + ["P6W", "6 weeks 3 days", "", " ", "6", "weeks", "6 weeks,", "6 weeks and 2 days", None, 6])
def test_one_part_durations_parse_as_the_general_rule_does(text: Any) -> None:
    def outcome(parse: Any) -> Any:
        try:
            return ("value", parse(text))
        except durations.DurationError as exc:
            return ("error", str(exc))

    assert outcome(durations.parse_duration) == outcome(durations._parse_any)
