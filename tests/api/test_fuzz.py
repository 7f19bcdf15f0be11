"""Schemathesis over the OpenAPI document: generated requests for every operation (valid and
invalid by the schema), sent with a key of the role the operation needs, never get a 5xx, and
responses match the documented status codes, content types and schemas.

(Schemathesis' own pytest plugin does not run under pytest 9, so each operation's Hypothesis
strategy is driven directly.)"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance, response_schema_conformance, status_code_conformance,
)

from spinecheck.api.app import create_app
from spinecheck.api.settings import Settings
from spinecheck.policy import load_catalog, policy_ids

from .conftest import APPROVE, Service

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = {GenerationMode.POSITIVE: 50, GenerationMode.NEGATIVE: 25}


def operations() -> list[tuple[str, str]]:
    app = create_app(Settings(database_url=f"sqlite:///{Path(tempfile.gettempdir()) / 'unused-openapi.db'}"))
    doc = app.openapi()  # no database is touched to build the document
    return [(path, method.upper()) for path, item in doc["paths"].items() for method in item]


def role_for(path: str, method: str) -> str | None:
    if path in ("/healthz", "/readyz"):
        return None
    if path.startswith("/v1/apikeys"):
        return "admin"
    if path == "/v1/determinations" and method == "POST":
        return "submitter"
    if path.startswith("/v1/determinations"):
        return "reviewer"  # reads all, replays
    return "submitter"


@pytest.mark.parametrize("mode", list(EXAMPLES), ids=lambda m: m.value)
@pytest.mark.parametrize("path, method", operations())
def test_no_server_errors_and_documented_responses(service: Service, path: str, method: str, mode: GenerationMode) -> None:
    seed = service.post({**APPROVE, "id": "fuzz-seed"}).json()["determinations"][0]["id"]
    operation = schemathesis.openapi.from_asgi("/openapi.json", service.app)[path][method]
    role = role_for(path, method)
    headers = service.auth(role) if role else {}
    known = {"determination_id": seed, "policy_id": policy_ids()[0]}
    path_parameters = {k: v for k, v in known.items() if f"{{{k}}}" in path} if mode is GenerationMode.POSITIVE else None
    strategies = [operation.as_strategy(mode)]
    if path_parameters:  # half the cases on a stored determination, half on generated ids
        strategies.append(operation.as_strategy(mode, path_parameters=path_parameters))

    seen: Counter = Counter()
    for strategy in strategies:
        @given(case=strategy)
        @settings(max_examples=EXAMPLES[mode], deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def run(case) -> None:  # noqa: ANN001
            if case.headers:
                case.headers.pop("Authorization", None)
            response = case.call_and_validate(headers=headers, checks=CHECKS)
            seen[response.status_code] += 1

        try:
            run()
        except Unsatisfiable:
            if mode is GenerationMode.NEGATIVE:
                pytest.skip("the schema leaves no way to make this operation's input invalid")
            raise
    print(f"{method} {path} {mode.value}: {dict(sorted(seen.items()))}")
    assert seen and max(seen) < 500


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
                    | st.text(max_size=30), lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=8)


def test_fuzzed_facts_and_notes_never_crash(service: Service) -> None:
    """Known fact names with arbitrary JSON values (and arbitrary note text): each request is
    either stored (201) or refused with a 422 naming the field; never a 5xx."""
    names = sorted(n for n, f in load_catalog().items() if not f.derived)
    codes = ["72148", "72131", "72141", "0609T"]

    @given(facts=st.dictionaries(st.sampled_from(names), JSON, max_size=6),
           note=st.none() | st.text(max_size=400), cpt=st.sampled_from(codes),
           policy=st.sampled_from(policy_ids() + ["all"]))
    @settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def run(facts: dict, note: str | None, cpt: str, policy: str) -> None:
        body = {**APPROVE, "id": "fuzz-facts", "cpt": cpt, "policy": policy, "facts": facts}
        if note is not None:
            body["note"] = note
        r = service.post(body)
        assert r.status_code in (201, 422), r.text
        if r.status_code == 422:
            assert r.json()["field"], r.text

    run()
