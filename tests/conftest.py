from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from spinecheck.engine import determine
from spinecheck.models import Request
from spinecheck.policy.catalog import load_catalog_from
from spinecheck.policy.loader import load_policy_from
from spinecheck.review import gather_facts

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def demo_catalog():
    return load_catalog_from(FIXTURES / "catalog")


@pytest.fixture(scope="session")
def demo_policy(demo_catalog):
    return load_policy_from(FIXTURES / "demo-policy", demo_catalog, "demo-policy")


@pytest.fixture
def run_demo(demo_policy, demo_catalog):
    """Evaluate facts under the demo policy; returns the determination dict."""

    def run(facts: dict[str, Any], cpt: str = "72148", date: str = "2026-10-01",
            birth: str = "1970-06-15") -> dict[str, Any]:
        request = Request.model_validate({
            "id": "t", "policy": "demo-policy", "cpt": cpt, "date": date,
            "patient": {"birth_date": birth, "sex": "female"}, "facts": facts,
        })
        fs = gather_facts(request, demo_policy, demo_catalog)
        return determine(demo_policy, request.id, cpt, dt.date.fromisoformat(date), fs).to_dict()

    return run


def base_request(**overrides: Any) -> dict[str, Any]:
    """A complete EviCore lumbar request that meets SP-5.1; override any part."""
    request: dict[str, Any] = {
        "id": "req-1",
        "policy": "evicore-spine-2026",
        "cpt": "72148",
        "date": "2026-10-01",
        "patient": {"birth_date": "1970-01-01", "sex": "female"},
        "facts": {
            "symptom_regions": ["lumbar"],
            "in_person_evaluation_current_episode": True,
            "provider_directed_treatment_duration": "6 weeks",
            "treatment_failed_to_improve": True,
            "reevaluation_after_treatment": True,
            "red_flags_absent": True,
            "other_spine_conditions_absent": True,
        },
    }
    facts = overrides.pop("facts", None)
    request.update(overrides)
    if facts is not None:
        request["facts"] = {**request["facts"], **facts}
        request["facts"] = {k: v for k, v in request["facts"].items() if v is not ...}
    return request
