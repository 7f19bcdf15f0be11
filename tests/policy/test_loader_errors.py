"""Loading fails with a message naming file, line and what to fix."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from spinecheck.errors import PolicyDataError
from spinecheck.policy.catalog import load_catalog_from
from spinecheck.policy.loader import load_policy_from

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def tree(tmp_path):
    shutil.copytree(FIXTURES / "demo-policy", tmp_path / "demo-policy")
    shutil.copytree(FIXTURES / "catalog", tmp_path / "catalog")
    return tmp_path


def load(tree: Path):
    return load_policy_from(tree / "demo-policy", load_catalog_from(tree / "catalog"), "demo-policy")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def error_of(tree: Path) -> str:
    with pytest.raises(PolicyDataError) as info:
        load(tree)
    return info.value.one_line()


CRITERIA = "demo-policy/criteria/main.yaml"


def test_fixture_loads(tree):
    policy = load(tree)
    assert policy.id == "demo-policy"
    assert len(policy.pathways) == 3


def test_unknown_key_names_file_line_and_key(tree):
    edit(tree / CRITERIA, "    title: CT after surgery over 6 months ago\n",
         "    title: CT after surgery over 6 months ago\n    titel: typo\n")
    msg = error_of(tree)
    assert re.search(r"demo-policy/criteria/main\.yaml:\d+ \(pathways\[1\]\.titel\): unknown key 'titel'", msg), msg


def test_unknown_fact_suggests_the_closest(tree):
    edit(tree / CRITERIA, "fact: pain, value: true", "fact: painn, value: true")
    msg = error_of(tree)
    assert "unknown fact 'painn'; did you mean 'pain'?" in msg
    assert re.search(r"main\.yaml:\d+ \(pathways\[0\]\.when\.all\[0\]\.fact\)", msg), msg


def test_value_type_mismatch(tree):
    edit(tree / CRITERIA, "fact: pain, value: true", "fact: pain, value: 3")
    assert "fact 'pain' is bool: value must be true or false" in error_of(tree)


def test_operator_not_for_type(tree):
    edit(tree / CRITERIA, "fact: pain, value: true", "fact: pain, op: within_last, value: 3 months")
    assert "op 'within_last' does not apply to bool fact 'pain'" in error_of(tree)


def test_enum_value_not_allowed(tree):
    edit(tree / CRITERIA, "fact: stage, value: late", "fact: stage, value: later")
    assert "value(s) later not allowed for 'stage'" in error_of(tree)


def test_bad_duration(tree):
    edit(tree / CRITERIA, "op: ge, value: 6 weeks", "op: ge, value: 6 fortnights")
    assert "needs a duration such as '6 weeks'" in error_of(tree)


def test_dangling_citation(tree):
    edit(tree / CRITERIA, "text: Pain, cite: S-1", "text: Pain, cite: S-9")
    assert "citation 'S-9' names no section" in error_of(tree)


def test_duplicate_id(tree):
    edit(tree / CRITERIA, "id: p-mri-pain,", "id: d-flag-a,")
    msg = error_of(tree)
    assert "duplicate id 'd-flag-a' (first at demo-policy/criteria/main.yaml:" in msg


def test_dangling_ref_and_cycle(tree):
    edit(tree / CRITERIA, "- ref: d-flags", "- ref: d-flagz")
    assert "ref 'd-flagz' names no definition; did you mean 'd-flags'?" in error_of(tree)


def test_reference_cycle(tree):
    edit(tree / CRITERIA, "      - {id: d-flag-b, text: Flag B, cite: S-1, fact: flag_b, value: true}",
         "      - ref: d-therapy")
    edit(tree / CRITERIA, "      - {id: d-therapy-6w,", "      - ref: d-flags\n      - {id: d-therapy-6w,")
    assert "cycle" in error_of(tree)


def test_code_not_governed(tree):
    edit(tree / CRITERIA, 'cpt: ["72131"]', 'cpt: ["72132"]')
    assert "code 72132 is not in the policy's code list" in error_of(tree)


def test_node_with_two_kinds(tree):
    edit(tree / CRITERIA, "fact: pain, value: true}", "fact: pain, value: true, ref: d-flags}")
    assert "a node needs exactly one of all / any / not / at_least / ref / fact" in error_of(tree)


def test_node_without_citation(tree):
    edit(tree / CRITERIA, "{id: p-mri-pain, text: Pain, cite: S-1, ", "{id: p-mri-pain, text: Pain, ")
    assert "every node needs id, text and cite (missing: cite)" in error_of(tree)


def test_invalid_yaml_reports_line(tree):
    (tree / CRITERIA).write_text("pathways:\n  - id: [unclosed\n")
    msg = error_of(tree)
    assert "main.yaml:" in msg and "not valid YAML" in msg


def test_section_without_reason(tree):
    edit(tree / "demo-policy/sections/all.yaml", ", reason: Bibliography only.", "")
    assert "section 'S-refs' carries no criteria: say why in 'reason'" in error_of(tree)


def test_duplicate_fact_in_catalog(tree):
    with (tree / "catalog" / "more.yaml").open("w") as f:
        f.write("facts:\n  - {name: pain, type: bool, question: Is there pain again?}\n")
    with pytest.raises(PolicyDataError) as info:
        load_catalog_from(tree / "catalog")
    assert "fact 'pain' is declared twice (first at facts/more.yaml:2)" in info.value.one_line()


def test_number_fact_needs_unit(tree):
    with (tree / "catalog" / "more.yaml").open("w") as f:
        f.write("facts:\n  - {name: level, type: number, question: What level is it?}\n")
    with pytest.raises(PolicyDataError) as info:
        load_catalog_from(tree / "catalog")
    assert "facts/more.yaml:2 (facts[0])" in info.value.one_line()
    assert "needs a 'unit'" in info.value.one_line()


def test_content_hash_changes_with_content(tree):
    before = load(tree).content_hash
    edit(tree / CRITERIA, "text: Pain, cite: S-1", "text: Pain felt, cite: S-1")
    assert load(tree).content_hash != before


def test_vignettes_do_not_change_the_hash(tree):
    before = load(tree).content_hash
    (tree / "demo-policy" / "vignettes").mkdir()
    (tree / "demo-policy" / "vignettes" / "v.yaml").write_text("vignettes: []\n")
    assert load(tree).content_hash == before
