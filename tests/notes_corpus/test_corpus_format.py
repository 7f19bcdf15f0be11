"""The notes corpus stays loadable and consistent with the fact catalog (names, types, keys).

Outcomes are not asserted here: they follow the policy content and are rechecked with
`check_corpus.py --outcomes` (see README.md)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("check_corpus", Path(__file__).with_name("check_corpus.py"))
assert _spec is not None and _spec.loader is not None
cc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cc)


def test_notes_match_the_catalog() -> None:
    notes = cc.load_notes()
    assert len(notes) >= 200
    assert cc.check_notes(notes, cc.load_catalog()) == []


def test_traps_match_the_catalog() -> None:
    traps = cc.load_traps()
    assert len(traps) >= 150
    assert cc.check_traps(traps, cc.load_catalog()) == []


def test_heldout_notes_match_the_catalog() -> None:
    notes = cc.load_notes("heldout")
    assert len(notes) >= 20
    ids = {n["id"] for _, n in cc.load_notes()}
    assert not ids & {n["id"] for _, n in notes}, "held-out ids must differ from the development corpus"
    assert cc.check_notes(notes, cc.load_catalog()) == []
