"""Facts as the engine reads them: normalized values plus where each came from.

Normalization turns request JSON into comparable Python values (bool, float, str, frozenset,
date, days) and rejects what does not fit the catalog, naming the field and the expected form."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from collections.abc import Set as AbstractSet
from typing import Any, NamedTuple

from ..errors import InputError
from ..policy.durations import DurationError, duration_days
from ..policy.schema import FactDef


class FactValue(NamedTuple):
    value: Any  # normalized; None = explicitly unknown
    source: str  # "request.facts", "request.icd10", "note", "implied", "derived"
    evidence: tuple[dict[str, Any], ...] = ()
    raw: Any = None  # as given, for display


@dataclass
class FactSet:
    """The facts of a case. ``values`` holds every known value, the engine's input. Where each
    came from is in ``provenance``, except for the facts a blanket statement implies as absent:
    those share one prebuilt table (``implied``); ``source`` looks in both."""

    values: dict[str, Any] = field(default_factory=dict)  # name -> normalized value (known only)
    provenance: dict[str, FactValue] = field(default_factory=dict)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    implied: dict[str, FactValue] | None = None  # read only; shared between requests
    not_implied: frozenset[str] = frozenset()  # in ``implied`` but answered otherwise, or conflicted

    def implied_names(self) -> AbstractSet[str]:
        """The facts whose value a blanket statement implies (nothing else answered them)."""
        if self.implied is None:
            return frozenset()
        names = self.implied.keys() - self.not_implied  # one copy: the table is shared
        names.difference_update(self.provenance.keys())
        return names

    def source(self, name: str) -> FactValue | None:
        """Where the value of ``name`` came from (None: nothing answered it)."""
        fv = self.provenance.get(name)
        if fv is None and self.implied is not None and name not in self.not_implied:
            return self.implied.get(name)
        return fv

    def put(self, name: str, fv: FactValue) -> None:
        self.provenance[name] = fv
        if fv.value is None:
            self.values.pop(name, None)
        else:
            self.values[name] = fv.value


def normalize(fact: FactDef, raw: Any, where: str) -> Any:
    """The comparable value of ``raw`` for ``fact``; None stays None (unknown)."""
    if raw is None:
        return None
    t = fact.type
    if t == "bool":
        if isinstance(raw, bool):
            return raw
        raise InputError(f"'{fact.name}' is yes/no: give true, false or null, not {_show(raw)}", where=where, code="wrong_type")
    if t == "number":
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            return float(raw)
        raise InputError(f"'{fact.name}' is a number in {fact.unit}: give a number, not {_show(raw)}", where=where, code="wrong_type")
    if t == "enum":
        if isinstance(raw, str) and raw in (fact.values or ()):
            return raw
        raise InputError(f"'{fact.name}' must be one of: {', '.join(fact.values or ())}; got {_show(raw)}", where=where, code="wrong_value")
    if t == "set":
        items = [raw] if isinstance(raw, str) else raw
        if isinstance(items, list) and all(isinstance(i, str) for i in items):
            bad = [i for i in items if i not in (fact.values or ())]
            if not bad:
                return frozenset(items)
            raise InputError(f"'{fact.name}' does not allow {', '.join(bad)}; allowed: {', '.join(fact.values or ())}", where=where, code="wrong_value")
        raise InputError(f"'{fact.name}' is a list of values from: {', '.join(fact.values or ())}", where=where, code="wrong_type")
    if t == "date":
        if isinstance(raw, dt.date):
            return raw
        if isinstance(raw, str):
            try:
                return dt.date.fromisoformat(raw)
            except ValueError:
                pass
        raise InputError(f"'{fact.name}' is a date: give it as YYYY-MM-DD, not {_show(raw)}", where=where, code="wrong_type")
    if t == "duration":
        if isinstance(raw, str):
            try:
                return duration_days(raw)
            except DurationError:
                raise InputError(
                    f"'{fact.name}' is a duration: write e.g. '6 weeks', '5 months 3 weeks' or 'P6W' (units: hours, days, weeks, months, years)",
                    where=where, code="wrong_type") from None
        raise InputError(f"'{fact.name}' is a duration: give text such as '6 weeks' or 'P6W', not {_show(raw)}", where=where, code="wrong_type")
    raise InputError(f"'{fact.name}' has an unsupported type", where=where)  # pragma: no cover


def unknown_fact_error(name: str, catalog: dict[str, FactDef], where: str) -> InputError:
    settable = [n for n, f in catalog.items() if not f.derived]
    close = difflib.get_close_matches(name, settable, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else "; `spinecheck facts` lists every fact"
    if name in catalog:
        return InputError(f"'{name}' is derived from the request (patient, code, date) and cannot be set", where=where, code="derived_fact")
    return InputError(f"unknown fact '{name}'{hint}", where=where, code="unknown_fact")


def _show(raw: Any) -> str:
    """Describe a bad value by its JSON type only: error messages never echo patient data."""
    kinds = {bool: "a boolean", int: "a number", float: "a number", str: "a string",
             list: "a list", dict: "an object"}
    return kinds.get(type(raw), "a value of another type")
