"""A red flag read as present where the note denies it can approve a request that should be
referred. Every negation form the reader knows must carry over a whole list of red flags, in
each list layout ("a, b, c.", "a, b or c.", "a, b, or c."), and a lost ability ("can no longer")
must stay a finding."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

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


def _misread(texts: Iterable[str], reader: Callable[[str], list[str]] = _present_red_flags) -> dict[str, list[str]]:
    """The texts that ``reader`` finds a finding in, with what it found."""
    return {text: found for text in texts if (found := reader(text))}


@pytest.mark.parametrize("negation", NEGATIONS)
def test_a_denied_list_of_red_flags_sets_none_of_them(negation: str) -> None:
    wrong = _misread(f"{negation} {layout}." for items in LISTS for layout in _layouts(items))
    assert not wrong, wrong


def test_the_same_list_stated_is_read_as_present() -> None:
    # the control: without a negation these lists are red flags
    assert {"new_foot_drop", "saddle_anesthesia"} <= set(_present_red_flags("He reports foot drop and saddle numbness."))


def test_a_lost_ability_is_a_finding_not_a_negation() -> None:
    facts = extract("He can no longer do up his shirt buttons and drops his keys.", ON, region="cervical").facts
    assert "fine_motor_loss" in facts.values.get("myelopathic_symptoms", frozenset())


# Other findings that lean towards an approval when read as present: cancer and infection risk,
# cord signs, injuries, devices that rule out MRI.
OTHER_FINDINGS = {
    "lumbar": [["history of cancer", "known malignancy", "IV drug use", "immunosuppression", "recent bacterial infection",
                "spinal infection", "osteomyelitis", "metastatic disease"],
               ["trauma", "fall", "motor vehicle accident", "injury to the back", "fracture", "osteoporosis", "steroid use"],
               ["pacemaker", "cochlear implant", "metal fragments in the eye", "claustrophobia", "implanted defibrillator",
                "spinal cord stimulator"]],
    "cervical": [["hand clumsiness", "gait instability", "Hoffmann sign", "hyperreflexia", "clonus", "Babinski sign",
                  "Lhermitte sign"]],
}
REGION_FACTS = {"symptom_regions", "spine_regions_of_concern"}  # named by the words themselves


def _present_findings(text: str, region: str) -> list[str]:
    facts = extract(text, ON, region=region).facts
    return sorted(name for name, fv in facts.provenance.items() if name not in REGION_FACTS and (
        fv.value is True or (isinstance(fv.value, frozenset) and not fv.value <= {"none"})))


@pytest.mark.parametrize("negation", NEGATIONS)
def test_a_denied_list_of_other_findings_sets_none_of_them(negation: str) -> None:
    wrong = {}
    for region, groups in OTHER_FINDINGS.items():
        wrong |= _misread((f"{negation} {layout}." for items in groups
                           for selection in (items[:4], items[3:], items[::2], items[::-1][:5])
                           for layout in _layouts(selection)), lambda text: _present_findings(text, region))
    assert not wrong, wrong


def test_the_other_findings_stated_are_read_as_present() -> None:
    assert {"cancer_history", "claustrophobia"} <= set(_present_findings("He has a pacemaker, claustrophobia and a history of cancer.", "lumbar"))
    assert "myelopathy_suspected" in _present_findings("Hoffmann sign, hyperreflexia and clonus.", "cervical")


DENIALS_AFTER = ["are absent", "were denied", "- all denied", ": none", "all negative", "not present",
                 "are not reported", "were ruled out", "(-)", ": denies", "- no"]


@pytest.mark.parametrize("denial", DENIALS_AFTER)
def test_a_denial_after_a_list_of_red_flags_reaches_every_item(denial: str) -> None:
    layouts = (layout for items in LISTS for layout in (", ".join(items[:-1]) + " and " + items[-1],
                                                        ", ".join(items[:-1]) + " or " + items[-1], ", ".join(items)))
    wrong = _misread(f"{layout[0].upper()}{layout[1:]} {denial}." for layout in layouts)
    assert not wrong, wrong


def test_a_comparison_with_old_films_is_not_a_denial() -> None:
    facts = extract("X-rays show a new compression fracture of L1, not present on x-rays from last year.", ON,
                    region="lumbar").facts
    assert facts.values.get("compression_fracture_suspected") is True


# Lists that are not the patient's findings: return precautions, warnings, a relative's history,
# open questions and things to ask about later.
NOT_FINDINGS = ["Return to the ED if he develops {}.", "Call us for {}.", "Warning signs reviewed: {}.",
                "If {} develop, go to the emergency department.", "She was told to watch for {}.",
                "Red flag precautions given ({}).", "Should {} occur, seek care immediately.", "Educated about {}.",
                "We discussed {} as reasons to return.", "Family history of {}.", "Her mother had {}.",
                "Rule out {}.", "Screen for {} at next visit.", "Ask about {} next time.", "Monitor for {}.",
                "Advised to report {}.", "Counseled on {}."]


@pytest.mark.parametrize("frame", NOT_FINDINGS)
def test_a_list_of_red_flags_that_are_not_findings_sets_none_of_them(frame: str) -> None:
    wrong = _misread(frame.format(layout) for items in LISTS for layout in _layouts(items))
    assert not wrong, wrong


# The mirror: a red flag stated in the usual ways must still be read as present (a negation rule
# that reaches too far turns a real red flag into a denial).
STATED = ["He reports new {}.", "New {} noted today.", "Positive for {}.", "She has {} since yesterday.",
          "Exam today shows {}.", "He complains of {} for two days.", "Endorses {}.", "Since the fall he has {}.",
          "She developed {} this week.", "He has had {} for three days, and it is getting worse.",
          "Unfortunately she now has {}.", "ROS positive for {}.", "He had one episode of {} yesterday.",
          "She notes {} and back pain.", "{} started on Monday."]
STATED_ITEMS = {"foot drop": "new_foot_drop", "saddle numbness": "saddle_anesthesia",
                "urinary retention": "unexplained_acute_urinary_retention",
                "bowel incontinence": "new_bowel_bladder_incontinence", "weakness in both legs": "new_bilateral_leg_weakness",
                "night pain": "night_pain", "unintended weight loss": "unintended_weight_loss",
                "numbness in the groin": "saddle_anesthesia"}


@pytest.mark.parametrize("frame", STATED)
def test_a_red_flag_stated_is_read_as_present(frame: str) -> None:
    missed = {}
    for item, fact in STATED_ITEMS.items():
        text = frame.format(item)
        text = text[0].upper() + text[1:]
        value = extract(text, ON, region="lumbar").facts.values.get(fact)
        if value is not True:
            missed[text] = value
    assert not missed, missed
