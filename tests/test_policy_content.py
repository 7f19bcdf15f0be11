"""Bundled policies: lint clean, every criteria-bearing section encoded, every vignette passes."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from spinecheck.cli import app
from spinecheck.policy import load_policy, load_vignettes, policy_ids
from spinecheck.policy.coverage import coverage
from spinecheck.vignettes import check_vignette

POLICIES = policy_ids()
VIGNETTES = [(pid, f, v) for pid in POLICIES for f, v in load_vignettes(pid)]


def test_the_two_policies_are_bundled():
    assert "evicore-spine-2026" in POLICIES


@pytest.mark.parametrize("policy_id", POLICIES)
def test_policy_lints_clean(policy_id):
    policy = load_policy(policy_id)
    assert policy.content_hash.startswith("sha256:")


@pytest.mark.parametrize("policy_id", POLICIES)
def test_coverage_command_passes(policy_id):
    result = CliRunner().invoke(app, ["policy", "coverage", policy_id])
    missing = [r.id for r in coverage(load_policy(policy_id)) if not r.encoded]
    assert result.exit_code == 0, f"sections not encoded: {missing}"


@pytest.mark.parametrize(("policy_id", "filename", "vignette"), VIGNETTES,
                         ids=[f"{p}/{f}/{v.id}" for p, f, v in VIGNETTES])
def test_vignette(policy_id, filename, vignette):
    problems = check_vignette(policy_id, vignette)
    assert not problems, "; ".join(problems)


@pytest.mark.parametrize("policy_id", POLICIES)
def test_vignette_ids_are_unique_and_cite_known_sections(policy_id):
    policy = load_policy(policy_id)
    seen = set()
    for _, v in load_vignettes(policy_id):
        assert v.id not in seen, f"duplicate vignette id {v.id}"
        seen.add(v.id)
        assert policy.section(v.section) is not None, f"{v.id} names unknown section {v.section}"


@pytest.mark.parametrize("policy_id", POLICIES)
def test_every_criteria_section_has_three_vignettes(policy_id):
    policy = load_policy(policy_id)
    counts: dict[str, int] = {}
    for _, v in load_vignettes(policy_id):
        base = v.section.split("#")[0]
        counts[base] = counts.get(base, 0) + 1
    thin = [s.id for s in policy.sections if s.carries_criteria and counts.get(s.id, 0) < 3]
    assert not thin, f"sections with fewer than 3 vignettes: {thin}"
