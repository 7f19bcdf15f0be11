"""A red flag read as present where the note denies it can approve a request that should be
referred. Every negation form the reader knows must carry over a whole list of red flags, in
each list layout ("a, b, c.", "a, b or c.", "a, b, or c."), and a lost ability ("can no longer")
must stay a finding."""

from __future__ import annotations

import datetime as dt

import pytest

from spinecheck.notes import extract

NEGATIONS = [
    "No longer has", "He no longer reports", "She no longer experiences", "Nothing in the way of", "Denies",
    "He denies any", "No", "Negative for", "Without", "Free of", "Not experiencing", "Never had", "There is no",
    "She has not had", "No complaints of", "No evidence of", "Absent:", "ROS negative for", "Pt denies", "No hx of",
    "Has not noticed", "Nothing to suggest", "No signs of", "He has had no", "Pertinent negatives:", "Neg:",
    "ROS (-):", "Red flags: none -", "Negatives include", "He specifically denies", "No new",
    "Has not experienced any", "No report of", "No episodes of", "Not associated with", "Unremarkable for",
    "Patient is free of", "Does not have",
]
ITEMS = ["foot drop", "saddle numbness", "urinary retention", "fever", "unintended weight loss", "night pain",
         "bowel incontinence", "weakness in both legs", "new leg weakness", "loss of bladder control", "chills",
         "numbness in the groin"]
LISTS = [ITEMS[i:i + 5] for i in range(0, len(ITEMS), 3)] + [ITEMS[::-1][:6], ITEMS[1::2]]
RED_FLAG_FACTS = {
    "new_foot_drop", "saddle_anesthesia", "unexplained_acute_urinary_retention",
    "urinary_retention_or_overflow_incontinence", "new_bowel_bladder_incontinence", "fecal_incontinence",
    "new_bilateral_leg_weakness", "night_pain", "unintended_weight_loss", "acute_bilateral_sciatica",
    "new_neuro_deficit", "infection_signs_symptoms", "cauda_equina_syndrome", "cauda_equina_syndrome_suspected",
    "bladder_dysfunction", "bowel_dysfunction",
}
ON = dt.date(2026, 10, 1)


def _layouts(items: list[str]) -> list[str]:
    head, last = ", ".join(items[:-1]), items[-1]
    return [f"{head}, {last}", f"{head} or {last}", f"{head}, or {last}"]


def _present_red_flags(text: str) -> list[str]:
    facts = extract(text, ON, region="lumbar").facts
    found = sorted(name for name, fv in facts.provenance.items() if name in RED_FLAG_FACTS and fv.value is True)
    if facts.values.get("red_flags_absent") is False:
        found.append("red_flags_absent=false")
    return found


@pytest.mark.parametrize("negation", NEGATIONS)
def test_a_denied_list_of_red_flags_sets_none_of_them(negation: str) -> None:
    wrong = {}
    for items in LISTS:
        for layout in _layouts(items):
            text = f"{negation} {layout}."
            found = _present_red_flags(text)
            if found:
                wrong[text] = found
    assert not wrong, wrong


def test_the_same_list_stated_is_read_as_present() -> None:
    # the control: without a negation these lists are red flags
    assert {"new_foot_drop", "saddle_anesthesia"} <= set(_present_red_flags("He reports foot drop and saddle numbness."))


def test_a_lost_ability_is_a_finding_not_a_negation() -> None:
    facts = extract("He can no longer do up his shirt buttons and drops his keys.", ON, region="cervical").facts
    assert "fine_motor_loss" in facts.values.get("myelopathic_symptoms", frozenset())
