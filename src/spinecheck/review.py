"""The one use case every adapter calls: request -> facts (structured, derived, note) -> engine
-> determination(s). CLI, HTTP and batch code call ``review``; none reaches into the engine."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from pydantic import ValidationError

from .engine import FactSet, FactValue, Result, determine
from .errors import InputError, NotFound
from .icd10 import apply_icd10
from .intake import intake_for
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
    intake = intake_for(catalog)
    intake.put_structured(request.facts, request.date, facts)
    intake.apply_blanket_negatives(facts)
    _derive(request, policy, facts)
    return facts


def _derive(request: Request, policy: Policy, facts: FactSet) -> None:
    patient = request.patient
    birth, on = patient.birth_date, request.date
    years, months = float(completed_years(birth, on)), float(completed_months(birth, on))
    provenance, values = facts.provenance, facts.values
    provenance["patient_age"] = _new_tuple(FactValue, (years, "derived", _AGE_EVIDENCE, years))
    provenance["patient_age_months"] = _new_tuple(FactValue, (months, "derived", _AGE_EVIDENCE, months))
    values["patient_age"] = years
    values["patient_age_months"] = months
    constant = _constant_derived(policy, request.cpt, patient.sex)
    provenance.update(constant.provenance)
    values.update(constant.values)
    for name in constant.unknown:
        values.pop(name, None)


_new_tuple = tuple.__new__  # builds a FactValue without its Python-level constructor
_AGE_EVIDENCE = ({"source": "derived", "field": "patient.birth_date"},)


class _Constant(NamedTuple):
    provenance: dict[str, FactValue]
    values: dict[str, Any]  # the known ones
    unknown: tuple[str, ...]


_CONSTANT_DERIVED: dict[tuple[str, str, str], _Constant] = {}


def _constant_derived(policy: Policy, cpt: str, sex: str) -> _Constant:
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
        found = _Constant(
            provenance={name: FactValue(value, "derived", ({"source": "derived", "field": field},), value)
                        for name, value, field in items},
            values={name: value for name, value, _ in items if value is not None},
            unknown=tuple(name for name, value, _ in items if value is None))
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
