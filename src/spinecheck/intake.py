"""Structured answers and blanket statements of a request, read against the fact catalog.

Everything that depends only on the catalog is prepared once per catalog (``intake_for``): a
reader per fact specialised to its type, the evidence of a structured answer, and for each
blanket statement the facts it answers as absent. Per request, a structured answer then costs a
dictionary lookup, a type check and two dictionary writes. The readers give exactly the values
and errors of ``engine.facts.normalize``, which they fall back to for anything unusual."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from .engine.facts import FactSet, FactValue, normalize, unknown_fact_error
from .errors import InputError
from .policy.schema import FactDef

Reader = Callable[[Any], Any]
_new_tuple = tuple.__new__  # builds a FactValue without its Python-level constructor


class Intake:
    """Per-catalog tables for turning a request's structured facts into a ``FactSet``."""

    def __init__(self, catalog: dict[str, FactDef]):
        self.catalog = catalog
        # name -> (whether it is yes/no, its reader, its evidence, whether a date must not lie
        # after the request date)
        self.settable: dict[str, tuple[bool, Reader, tuple[dict[str, Any], ...], bool]] = {
            name: (fact.type == "bool", _reader(fact, f"facts.{name}"),
                   ({"source": "request.facts", "field": f"facts.{name}"},),
                   fact.type == "date" and not fact.future_ok)
            for name, fact in catalog.items() if not fact.derived
        }
        self.blankets = _blanket_index(catalog)
        self.blanket_values = {ruler: {name: fv.value for name, fv in implied} for ruler, implied in self.blankets.items()}
        self.blanket_provenance = {ruler: dict(implied) for ruler, implied in self.blankets.items()}

    def put_structured(self, facts_in: dict[str, Any], request_date: dt.date, facts: FactSet) -> None:
        """The structured answers, normalized; they win over note and codes."""
        provenance, values, settable = facts.provenance, facts.values, self.settable
        for name, raw in facts_in.items():
            entry = settable.get(name)
            if entry is None:
                raise unknown_fact_error(name, self.catalog, where=f"facts.{name}")
            yes_no, read, evidence, past_only = entry
            if yes_no and (raw is True or raw is False) and not facts.conflicts:  # the usual answer
                provenance[name] = _new_tuple(FactValue, (raw, "request.facts", evidence, raw))
                values[name] = raw
                continue
            value = raw if yes_no and (raw is True or raw is False) else read(raw)
            if past_only and value is not None and value > request_date:
                raise InputError(f"'{name}' lies after the request date; past dates only", where=f"facts.{name}",
                                 code="impossible_date")
            if facts.conflicts:  # a structured answer settles a conflict found in the note
                facts.conflicts = [c for c in facts.conflicts if c.get("fact") != name]
            provenance[name] = _new_tuple(FactValue, (value, "request.facts", evidence, raw))
            if value is not None:
                values[name] = value
            elif name in values:
                del values[name]

    def apply_blanket_negatives(self, facts: FactSet) -> None:
        """A documented blanket statement (e.g. no other spine conditions) answers 'no' for each
        fact it covers that nothing else answered; conflicts and explicit answers are left alone.
        The implied values go into ``facts.values``; where they come from is the shared table
        ``facts.implied`` (not copied into ``facts.provenance``)."""
        values = facts.values
        rulers = [r for r in self.blankets if values.get(r) is True]
        if not rulers:
            return
        if len(rulers) == 1:
            implied, implied_values = self.blanket_provenance[rulers[0]], self.blanket_values[rulers[0]]
        else:  # pragma: no cover - the bundled catalog has one blanket statement
            implied = {name: fv for r in rulers for name, fv in self.blanket_provenance[r].items()}
            implied_values = {name: v for r in rulers for name, v in self.blanket_values[r].items()}
        conflicted = {c.get("fact") for c in facts.conflicts}
        skip = (facts.provenance.keys() | conflicted) & implied.keys()  # answered, or conflicted
        merged = implied_values.copy()  # absent values are never None
        for name in skip:
            del merged[name]
        merged.update(values)
        facts.values = merged
        facts.implied, facts.not_implied = implied, frozenset(skip)


_INTAKES: dict[int, Intake] = {}


def intake_for(catalog: dict[str, FactDef]) -> Intake:
    """The tables of ``catalog`` (built once per catalog object)."""
    found = _INTAKES.get(id(catalog))
    if found is None or found.catalog is not catalog:
        found = _INTAKES[id(catalog)] = Intake(catalog)
    return found


def _blanket_index(catalog: dict[str, FactDef]) -> dict[str, tuple[tuple[str, FactValue], ...]]:
    """ruler fact -> (fact, its implied absent value) for every fact it can rule out."""
    grouped: dict[str, list[tuple[str, FactValue]]] = {}
    for name, fact in catalog.items():
        if fact.ruled_out_by:
            value = fact.absent()
            if value is None:  # pragma: no cover - the schema requires an absent value
                raise ValueError(f"fact '{name}' is ruled out by '{fact.ruled_out_by}' but has no absent value")
            shown = sorted(value) if isinstance(value, frozenset) else value
            evidence = ({"source": "derived", "field": f"facts.{fact.ruled_out_by}"},)
            grouped.setdefault(fact.ruled_out_by, []).append((name, FactValue(value, "implied", evidence, shown)))
    return {r: tuple(v) for r, v in grouped.items()}


_PARSED_DURATIONS = 4096  # distinct duration texts kept per fact (bounded: texts are the caller's)


def _reader(fact: FactDef, where: str) -> Reader:
    """``normalize(fact, raw, where)`` for one fact: well-typed JSON values are checked inline,
    anything else (None, wrong types, bad values) goes through ``normalize`` itself."""

    def slow(raw: Any) -> Any:
        return normalize(fact, raw, where)

    kind = fact.type
    if kind == "bool":
        def read(raw: Any) -> Any:
            return raw if raw is True or raw is False else slow(raw)
    elif kind == "number":
        def read(raw: Any) -> Any:
            cls = raw.__class__
            return float(raw) if cls is float or cls is int else slow(raw)
    elif kind == "enum":
        allowed = frozenset(fact.values or ())

        def read(raw: Any) -> Any:
            return raw if raw.__class__ is str and raw in allowed else slow(raw)
    elif kind == "set":
        allowed = frozenset(fact.values or ())

        def read(raw: Any) -> Any:
            if raw.__class__ is list:
                try:
                    value = frozenset(raw)
                except TypeError:  # an unhashable item: normalize names the error
                    return slow(raw)
                if value <= allowed:  # allowed holds strings only: so does value
                    return value
            return slow(raw)
    elif kind == "date":
        from_iso = dt.date.fromisoformat

        def read(raw: Any) -> Any:
            if raw.__class__ is str:
                try:
                    return from_iso(raw)
                except ValueError:
                    pass
            return slow(raw)
    else:  # durations: a small vocabulary ("6 weeks"), each text parsed once
        parsed: dict[str, float] = {}

        def read(raw: Any) -> Any:
            if raw.__class__ is str:
                found = parsed.get(raw)
                if found is None:
                    found = slow(raw)  # raises for a bad text: never stored
                    if len(parsed) < _PARSED_DURATIONS:
                        parsed[raw] = found
                return found
            return slow(raw)
    return read
