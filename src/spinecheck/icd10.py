"""Facts answered by the ICD-10-CM codes on a request (data: codes/icd10_facts.yaml).

A diagnosis code only ever states that something is present; it fills a fact that neither the
note nor the structured facts answered, with the code as evidence."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .engine import FactSet, FactValue
from .engine.facts import normalize
from .errors import InputError, PolicyDataError
from .policy import load_catalog
from .policy.validation import raise_located
from .policy.yamlsource import load_with_lines


class Mapping(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    prefix: str = Field(pattern=r"^[A-Z][0-9A-Z]*$")
    fact: str
    value: Any
    label: str


class MappingFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    mappings: list[Mapping]


@lru_cache(maxsize=1)
def load_mappings() -> tuple[Mapping, ...]:
    name = "codes/icd10_facts.yaml"
    data, lines = load_with_lines((resources.files("spinecheck") / name).read_text(encoding="utf-8"), name)
    try:
        parsed = MappingFile.model_validate(data)
    except ValidationError as exc:
        raise_located(exc, name, lines)
    catalog = load_catalog()
    for i, m in enumerate(parsed.mappings):
        fact = catalog.get(m.fact)
        where = f"{name}:{lines.get(('mappings', i), '?')}"
        if fact is None or fact.derived:
            raise PolicyDataError(f"mapping for {m.prefix} names unknown fact '{m.fact}'", where=where)
        probe = [m.value] if fact.type == "set" else m.value
        try:
            normalize(fact, probe, where=where)
        except InputError as exc:
            raise PolicyDataError(exc.message, where=where) from None
    return tuple(parsed.mappings)


def apply_icd10(codes: list[str], facts: FactSet) -> None:
    """Fill facts from diagnosis codes; never overrides, never touches a conflicted fact."""
    if not codes:
        return
    catalog = load_catalog()
    conflicted = {c.get("fact") for c in facts.conflicts}
    found: dict[str, tuple[Any, list[dict[str, Any]]]] = {}
    for position, code in enumerate(codes):
        compact = code.replace(".", "").upper()
        for m in load_mappings():
            if not compact.startswith(m.prefix) or m.fact in facts.provenance or m.fact in conflicted:
                continue
            evidence = {"source": "request", "field": f"icd10[{position}]", "text": code}
            if catalog[m.fact].type == "set":
                current, ev = found.get(m.fact, (frozenset(), []))
                found[m.fact] = (current | {m.value}, ev + [evidence])
            elif m.fact not in found:
                found[m.fact] = (m.value, [evidence])
    for name, (value, evidence) in found.items():
        shown = sorted(value) if isinstance(value, frozenset) else value
        facts.put(name, FactValue(value, "request.icd10", tuple(evidence), shown))
