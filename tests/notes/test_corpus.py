"""The development corpus (tests/notes_corpus): trap sentences must be read correctly, and the
corpus notes must never be approved from their text alone when the corpus expects otherwise."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRAPS = ROOT / "tests" / "notes_corpus" / "traps.yaml"
NOTES = ROOT / "tests" / "notes_corpus" / "notes"


@pytest.mark.skipif(not TRAPS.exists(), reason="trap file tests/notes_corpus/traps.yaml not written yet")
def test_trap_accuracy_is_at_least_98_percent():
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_notes

    result = bench_notes.score_traps(bench_notes.load_traps())
    assert result["n"] > 0
    assert result["accuracy"] >= 0.98, "\n".join(result["errors"])


@pytest.mark.skipif(not NOTES.exists() or not any(NOTES.glob("*.yaml")), reason="no corpus notes yet")
def test_no_false_approvals_from_note_text():
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_notes

    result = bench_notes.score_outcomes(bench_notes.load_notes())
    assert result["false_approvals"] == 0, "\n".join(e for e in result["errors"] if "outcome approve" in e)


@pytest.mark.skipif(not (NOTES.parent / "heldout").exists(), reason="no held-out notes")
def test_no_false_approvals_from_heldout_note_text():
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_notes

    result = bench_notes.score_outcomes(bench_notes.load_notes("heldout"))
    assert result["n"] > 0
    assert result["false_approvals"] == 0, "\n".join(e for e in result["errors"] if "outcome approve" in e)
