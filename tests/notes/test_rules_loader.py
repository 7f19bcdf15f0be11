"""The rule files are validated like policy data: a mistake is a located, readable error."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from spinecheck.errors import PolicyDataError
from spinecheck.notes import load_rules
from spinecheck.notes.rules import load_rules_from
from spinecheck.policy import load_catalog

BUNDLED = Path(str(resources.files("spinecheck.notes") / "rules"))


def rules_with(tmp_path: Path, concepts_yaml: str) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(BUNDLED, folder)
    for f in (folder / "concepts").iterdir():
        f.unlink()
    (folder / "concepts" / "test.yaml").write_text(concepts_yaml)
    return folder


def test_bundled_rules_load_against_the_catalog():
    rules = load_rules()
    assert len(rules.concepts) > 100
    catalog = load_catalog()
    for c in rules.concepts:
        for o in c.outputs:
            assert o.fact.name in catalog


def test_unknown_fact_fails_with_file_line_and_a_suggestion(tmp_path):
    folder = rules_with(tmp_path, "concepts:\n  - id: x\n    patterns: ['saddle']\n    sets:\n      - {fact: saddle_anesthesa}\n")
    with pytest.raises(PolicyDataError) as info:
        load_rules_from(folder, load_catalog())
    msg = info.value.one_line()
    assert "notes/rules/concepts/test.yaml:5" in msg
    assert "unknown fact 'saddle_anesthesa'" in msg and "saddle_anesthesia" in msg


def test_unknown_key_fails_with_its_location(tmp_path):
    folder = rules_with(tmp_path, "concepts:\n  - id: x\n    patterns: ['saddle']\n    sets: [{fact: saddle_anesthesia}]\n    negation: true\n")
    with pytest.raises(PolicyDataError) as info:
        load_rules_from(folder, load_catalog())
    assert "test.yaml:5" in info.value.one_line() and "unknown key 'negation'" in info.value.one_line()
    assert "docs/notes.md" in info.value.one_line()


@pytest.mark.parametrize("body, words", [
    ("patterns: ['(unclosed']\n    sets: [{fact: saddle_anesthesia}]", "invalid regular expression"),
    ("patterns: ['x']\n    sets: [{fact: symptom_regions, value: neck}]", "does not allow neck"),
    ("patterns: ['x']\n    sets: [{fact: saddle_anesthesia, from: duration}]", "reads a duration"),
    ("patterns: ['x']\n    sets: [{fact: patient_age, value: 3}]", "derived from the request"),
    ("patterns: ['x']\n    sections: [nowhere]\n    sets: [{fact: saddle_anesthesia}]", "unknown section nowhere"),
    ("patterns: ['x']", "feeds no fact"),
    ("patterns: ['x']\n    not_after_for_region: {lumbr: ['arm ']}\n    sets: [{fact: saddle_anesthesia}]", "lumbr"),
    ("patterns: ['x']\n    not_after_for_region: {lumbar: ['(unclosed']}\n    sets: [{fact: saddle_anesthesia}]",
     "invalid regular expression"),
    ("patterns: ['x']\n    sets: [{fact: saddle_anesthesia, within_episode: true}]", "'within_episode' and 'window' apply to durations"),
    ("patterns: ['x']\n    sets: [{fact: conservative_treatment_duration, from: duration, window: half a year}]", "'window' is a span"),
    ("patterns: ['x']\n    regions: [lumbr]\n    sets: [{fact: saddle_anesthesia}]", "regions[0]): Input should be 'cervical'"),
])
def test_other_mistakes_are_named(tmp_path, body, words):
    folder = rules_with(tmp_path, f"concepts:\n  - id: x\n    {body}\n")
    with pytest.raises(PolicyDataError) as info:
        load_rules_from(folder, load_catalog())
    assert words in info.value.one_line()


def test_derive_rules_name_catalog_facts(tmp_path):
    folder = rules_with(tmp_path, "concepts:\n  - id: x\n    patterns: ['x']\n    sets: [{fact: saddle_anesthesia}]\n")
    (folder / "derive.yaml").write_text("derive:\n  - fact: red_flags_absent\n    value: false\n    when_any:\n      - {fact: no_such_fact, eq: true}\n")
    with pytest.raises(PolicyDataError) as info:
        load_rules_from(folder, load_catalog())
    assert "derive.yaml:5" in info.value.one_line() and "no_such_fact" in info.value.one_line()


def test_derive_after_compares_two_dates(tmp_path):
    folder = rules_with(tmp_path, "concepts:\n  - id: x\n    patterns: ['x']\n    sets: [{fact: saddle_anesthesia}]\n")
    (folder / "derive.yaml").write_text("derive:\n  - fact: treatment_since_prior_imaging\n    value: true\n    when_any:\n"
                                        "      - {fact: spine_surgery_date, after: saddle_anesthesia}\n")
    with pytest.raises(PolicyDataError) as info:
        load_rules_from(folder, load_catalog())
    assert "after compares two dates" in info.value.one_line()
