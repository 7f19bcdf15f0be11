"""The one use case every adapter calls: request -> facts (structured, derived, note) -> engine
-> determination(s). CLI, HTTP and batch code call ``review``; none reaches into the engine."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from .engine import FactSet, FactValue, Result, determine
from .engine.facts import normalize, unknown_fact_error
from .errors import InputError, NotFound
from .icd10 import apply_icd10
from .models import Request
from .policy import load_catalog, load_policy, policy_ids
from .policy.durations import completed_months, completed_years
from .policy.model import Policy
from .policy.schema import FactDef

# A note reader turns (note text, request) into facts with evidence (spinecheck.notes.read_note).
NoteReader = Callable[[str, Request], FactSet]


def _note_reader() -> NoteReader | None:
    try:
        from .notes import read_note
    except ModuleNotFoundError as exc:
        if exc.name and "spinecheck.notes".startswith(exc.name):
            return None
        raise
    return read_note


def parse_request(data: Any) -> Request:
    """Validate raw JSON data; the error names the first bad field and how to fix it."""
    if not isinstance(data, dict):
        raise InputError("a request must be a JSON object with id, policy, cpt, date and patient", where="request")
    try:
        return Request.model_validate(data)
    except ValidationError as exc:
        raise _first_error(exc) from None


def _first_error(exc: ValidationError) -> InputError:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "request"
    kind = err["type"]
    if kind == "missing":
        msg = "is required"
    elif kind == "extra_forbidden":
        msg = "is not a request field (allowed: id, policy, cpt, date, patient, note, facts, icd10)"
    elif kind.startswith("date"):
        msg = "must be a date written YYYY-MM-DD"
    elif kind == "string_pattern_mismatch" and where == "cpt":
        msg = "must be a 5-character CPT/HCPCS code such as 72148 or 0609T"
    elif kind == "string_pattern_mismatch" and where.startswith("icd10"):
        msg = "must be an ICD-10-CM code such as M54.50"
    elif kind == "literal_error" and where == "patient.sex":
        msg = "must be one of female, male, other, unknown"
    elif kind == "string_too_long" and where == "note":
        msg = f"is longer than the limit of {err.get('ctx', {}).get('max_length')} characters; send the relevant part of the record"
    else:
        msg = err["msg"]
    return InputError(msg, where=where, code=f"invalid_{kind}")


def policies_for(request: Request) -> list[Policy]:
    if request.policy == "all":
        found = [p for p in (load_policy(pid) for pid in policy_ids()) if p.governs(request.cpt)]
        if not found:
            raise NotFound(f"no bundled policy governs code {request.cpt}; `spinecheck policies` lists their codes",
                           where="cpt", code="unknown_cpt")
        return found
    policy = load_policy(request.policy)
    if not policy.governs(request.cpt) and policy.elsewhere_rule(request.cpt) is None:
        bundled = [load_policy(pid) for pid in policy_ids()]
        if not any(p.governs(request.cpt) or p.elsewhere_rule(request.cpt) for p in bundled):
            raise InputError(f"code {request.cpt} is not an imaging code any bundled policy knows; "
                             "check the code (`spinecheck policies` lists the policies and their codes)",
                             where="cpt", code="unknown_cpt")
    return [policy]


def gather_facts(request: Request, policy: Policy, catalog: dict[str, FactDef] | None = None) -> FactSet:
    """Facts for ``request`` under ``policy``: note facts, then structured facts (which win),
    then the derived ones. ``catalog`` defaults to the bundled fact catalog."""
    catalog = catalog if catalog is not None else load_catalog()
    if request.patient.birth_date > request.date:
        raise InputError("birth date is after the request date; check patient.birth_date and date",
                         where="patient.birth_date", code="impossible_date")
    facts = FactSet()
    reader = _note_reader() if request.note is not None else None
    if reader is not None and request.note is not None:
        facts = reader(request.note, request)
    apply_icd10(request.icd10, facts)
    _put_structured(request, catalog, facts)
    _apply_blanket_negatives(facts, catalog)
    _derive(request, policy, facts)
    return facts


def _put_structured(request: Request, catalog: dict[str, FactDef], facts: FactSet) -> None:
    """The structured answers of the request, normalized; they win over note and codes."""
    provenance, values = facts.provenance, facts.values
    for name, raw in request.facts.items():
        fact = catalog.get(name)
        if fact is None or fact.derived:
            raise unknown_fact_error(name, catalog, where=f"facts.{name}")
        value = normalize(fact, raw, where=f"facts.{name}")
        if fact.type == "date" and value is not None and value > request.date and not fact.future_ok:
            raise InputError(f"'{name}' lies after the request date; past dates only", where=f"facts.{name}", code="impossible_date")
        if facts.conflicts:  # a structured answer settles a conflict found in the note
            facts.conflicts = [c for c in facts.conflicts if c.get("fact") != name]
        provenance[name] = FactValue(value, "request.facts", _structured_evidence(name), raw)
        if value is None:
            values.pop(name, None)
        else:
            values[name] = value


_STRUCTURED_EVIDENCE: dict[str, tuple[dict[str, Any], ...]] = {}


def _structured_evidence(name: str) -> tuple[dict[str, Any], ...]:
    """The evidence of a structured answer (shared: evidence is only ever read and copied)."""
    found = _STRUCTURED_EVIDENCE.get(name)
    if found is None:
        found = _STRUCTURED_EVIDENCE[name] = ({"source": "request.facts", "field": f"facts.{name}"},)
    return found


def _apply_blanket_negatives(facts: FactSet, catalog: dict[str, FactDef]) -> None:
    """A documented blanket statement (e.g. no other spine conditions) answers 'no' for each
    fact it covers that nothing else answered; conflicts and explicit answers are left alone."""
    index = _blanket_index(id(catalog), catalog)
    values = facts.values
    rulers = [r for r in index if values.get(r) is True]
    if not rulers:
        return
    provenance = facts.provenance
    conflicted = {c.get("fact") for c in facts.conflicts}
    for ruler in rulers:
        implied = [(name, fv) for name, fv in index[ruler] if name not in provenance and name not in conflicted]
        provenance.update(implied)
        values.update((name, fv.value) for name, fv in implied)  # absent values are never None


_BLANKETS: dict[int, dict[str, tuple[tuple[str, FactValue], ...]]] = {}


def _blanket_index(key: int, catalog: dict[str, FactDef]) -> dict[str, tuple[tuple[str, FactValue], ...]]:
    """ruler fact -> (fact, its implied absent value) for every fact it can rule out."""
    found = _BLANKETS.get(key)
    if found is None:
        grouped: dict[str, list[tuple[str, FactValue]]] = {}
        for name, fact in catalog.items():
            if fact.ruled_out_by:
                value = fact.absent()
                if value is None:  # pragma: no cover - the schema requires an absent value
                    raise ValueError(f"fact '{name}' is ruled out by '{fact.ruled_out_by}' but has no absent value")
                shown = sorted(value) if isinstance(value, frozenset) else value
                evidence = ({"source": "derived", "field": f"facts.{fact.ruled_out_by}"},)
                grouped.setdefault(fact.ruled_out_by, []).append((name, FactValue(value, "implied", evidence, shown)))
        found = _BLANKETS[key] = {r: tuple(v) for r, v in grouped.items()}
    return found


def _derive(request: Request, policy: Policy, facts: FactSet) -> None:
    birth, on = request.patient.birth_date, request.date
    years, months = float(completed_years(birth, on)), float(completed_months(birth, on))
    derived = [
        ("patient_age", FactValue(years, "derived", _AGE_EVIDENCE, years)),
        ("patient_age_months", FactValue(months, "derived", _AGE_EVIDENCE, months)),
        *_constant_derived(policy, request.cpt, request.patient.sex),
    ]
    provenance, values = facts.provenance, facts.values
    for name, fv in derived:
        provenance[name] = fv
        if fv.value is None:
            values.pop(name, None)
        else:
            values[name] = fv.value


_AGE_EVIDENCE = ({"source": "derived", "field": "patient.birth_date"},)
_CONSTANT_DERIVED: dict[tuple[str, str, str], tuple[tuple[str, FactValue], ...]] = {}


def _constant_derived(policy: Policy, cpt: str, sex: str) -> tuple[tuple[str, FactValue], ...]:
    """Sex, and the region, modality and contrast of the requested code (when ``policy``
    governs it), as derived facts: the same for every request with this sex and code."""
    key = (policy.content_hash, cpt, sex)
    found = _CONSTANT_DERIVED.get(key)
    if found is None:
        code = policy.codes.get(cpt)
        items: list[tuple[str, Any, str]] = [("patient_sex", sex, "patient.sex")]
        if code is not None:
            items += [("request_region", code.region, "cpt"), ("request_modality", code.modality, "cpt"),
                      ("request_contrast", code.contrast, "cpt")]
        found = tuple((name, FactValue(value, "derived", ({"source": "derived", "field": field},), value))
                      for name, value, field in items)
        if len(_CONSTANT_DERIVED) < 4096:  # bounded: policies x codes x sexes
            _CONSTANT_DERIVED[key] = found
    return found


def review(request: Request) -> list[Result]:
    """Determinations for ``request``: one per policy (several when policy is 'all')."""
    if request.patient.birth_date > request.date:
        raise InputError("birth date is after the request date; check patient.birth_date and date",
                         where="patient.birth_date", code="impossible_date")
    results = []
    for policy in policies_for(request):
        facts = gather_facts(request, policy)
        results.append(determine(policy, request.id, request.cpt, request.date, facts))
    return results


def review_data(data: Any, explain: str = "decisive") -> list[dict[str, Any]]:
    """Raw JSON in, determination dicts out: what adapters usually want. ``explain="full"``
    traces every pathway considered, not only the decisive ones."""
    return [r.to_dict(explain) for r in review(parse_request(data))]
