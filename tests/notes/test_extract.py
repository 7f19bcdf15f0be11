"""End to end: facts with evidence, conflicts, durations against the request date, the review
hook, and bad input that must not crash."""

from __future__ import annotations

import datetime as dt

import pytest

from spinecheck.engine.facts import normalize
from spinecheck.models import Request
from spinecheck.notes import extract, read_note
from spinecheck.policy import load_catalog
from spinecheck.review import review_data

ON = dt.date(2026, 10, 1)


def request(note: str, **kw) -> Request:
    data = {"id": "t", "policy": "evicore-spine-2026", "cpt": "72148", "date": "2026-10-01",
            "patient": {"birth_date": "1970-01-01", "sex": "female"}, "note": note}
    data.update(kw)
    return Request.model_validate(data)


NOTE = ("Seen in clinic today for low back pain that started in July. Tried physical therapy for 8 weeks "
        "and naproxen without improvement. Denies saddle anesthesia, bowel or bladder changes. No red flags. "
        "Follow-up by phone last week: still no better.")


def test_read_note_gives_normalized_values_with_evidence():
    facts = read_note(NOTE, request(NOTE))
    catalog = load_catalog()
    assert facts.values["provider_directed_treatment_duration"] == 56.0
    assert facts.values["symptom_regions"] == frozenset({"lumbar"})
    assert facts.values["in_person_evaluation_current_episode"] is True
    assert facts.values["treatment_failed_to_improve"] is True
    assert facts.values["reevaluation_after_treatment"] is True
    assert facts.values["red_flags_absent"] is True
    assert facts.values["saddle_anesthesia"] is False
    for name, fv in facts.provenance.items():
        assert fv.source == "note"
        assert fv.value == normalize(catalog[name], fv.raw, where=name)
        for ev in fv.evidence:
            assert set(ev) == {"source", "start", "end", "text", "sentence", "assertion"}
            assert NOTE[ev["start"]:ev["end"]] == ev["text"]
            assert ev["assertion"] in {"present", "negated", "historical", "hypothetical", "family", "uncertain"}


def test_the_note_alone_approves_and_structured_facts_override_it():
    data = request(NOTE).model_dump(mode="json")
    assert review_data(data)[0]["outcome"] == "approve"
    data["facts"] = {"provider_directed_treatment_duration": "5 weeks"}
    d = review_data(data)[0]
    assert d["outcome"] != "approve"
    used = {f["name"]: f for f in d["facts"]}
    assert used["provider_directed_treatment_duration"]["source"] == "request.facts"


def test_conflicting_statements_leave_the_fact_unknown_and_are_reported():
    ex = extract("ROS: no saddle anesthesia. Exam: saddle anesthesia present on pinprick.", ON)
    assert "saddle_anesthesia" not in ex.facts.values
    (c,) = [c for c in ex.facts.conflicts if c["fact"] == "saddle_anesthesia"]
    assert set(c["values"]) == {True, False} and len(c["evidence"]) == 2


def test_a_structured_fact_clears_the_note_conflict():
    note = "ROS: no saddle anesthesia. Exam: saddle anesthesia present on pinprick."
    data = request(note, facts={"saddle_anesthesia": False}).model_dump(mode="json")
    d = review_data(data)[0]
    assert all(c["fact"] != "saddle_anesthesia" for c in d["conflicts"])


@pytest.mark.parametrize("text, days", [
    ("Physical therapy since August 24 without improvement.", 38),
    ("Started physical therapy 3 weeks ago.", 21),
    ("PT approx 6-8 wks.", 42),
    ("Seen four weeks ago. Since then he has been on gabapentin and a home exercise plan.", 28),
    ("Completed eight weeks of supervised physical therapy.", 56),
])
def test_treatment_durations(text, days):
    assert extract(text, ON).facts.values["provider_directed_treatment_duration"] == days


def test_follow_up_intervals_and_plans_are_not_treatment_durations():
    facts = extract("Plan: start PT 2x/week. Follow up in 6 weeks.", ON).facts.values
    assert "provider_directed_treatment_duration" not in facts


def test_reading_notes_record_conservative_choices():
    ex = extract("PT approx 6-8 wks without relief.", ON)
    assert any("lower bound" in n for n in ex.notes["provider_directed_treatment_duration"])


@pytest.mark.parametrize("note", ["", "   \n\t  ", "\x00\x01\x02"])
def test_empty_notes_give_no_facts_and_the_request_pends(note):
    assert not read_note(note, request("x")).values
    d = review_data(request(note).model_dump(mode="json"))[0]
    assert d["outcome"] == "pend"


def test_control_characters_do_not_shift_offsets():
    note = "Pain\x07 in the low back.\x00 Denies saddle anesthesia."
    facts = read_note(note, request("x"))
    ev = facts.provenance["saddle_anesthesia"].evidence[0]
    assert note[ev["start"]:ev["end"]] == "saddle anesthesia"


def test_request_region_scopes_prior_imaging():
    note = "No prior CT of the neck. MRI of the lumbar spine on 9/14/2026 showed an L5-S1 protrusion."
    lumbar = extract(note, ON, region="lumbar").facts.values
    cervical = extract(note, ON, region="cervical").facts.values
    assert lumbar["prior_advanced_imaging_of_region"] is True
    assert lumbar["last_advanced_imaging_of_region_date"] == dt.date(2026, 9, 14)
    assert cervical["prior_advanced_imaging_of_region"] is False


def test_a_weak_normal_finding_yields_to_a_derived_deficit_without_a_conflict():
    # "reflexes unchanged at 2+" is weak evidence of no new deficit; a new 3/5 grade derives one
    ex = extract("Right EHL 3/5, new since last month. Knee and ankle reflexes unchanged at 2+.", ON)
    assert ex.facts.values.get("new_neuro_deficit") is True
    assert not any(c["fact"] == "new_neuro_deficit" for c in ex.facts.conflicts)


def test_a_question_answered_no_is_a_denial():
    ex = extract("ESRD on dialysis. Diabetic? No.", ON)
    assert "diabetes" not in ex.facts.values.get("infection_risk_factors", frozenset())


@pytest.mark.parametrize("text", [
    "CT L-spine 9/15/2026: negative.",
    "MRI lumbar spine 9/15/2026 negative.",
    "CT LS spine done 3 weeks ago - negative.",
    "Lumbar CT 10 days ago was negative.",
])
def test_a_negative_study_was_done(text: str) -> None:
    # a study's result ("negative") says what it showed, never that it was not done
    assert extract(text, ON, region="lumbar").facts.values["prior_advanced_imaging_of_region"] is True


def test_no_study_is_still_no_study() -> None:
    assert extract("No CT of the spine.", ON, region="lumbar").facts.values["prior_advanced_imaging_of_region"] is False


@pytest.mark.parametrize("text, day", [
    ("Bone scan 9/2026: degenerative uptake only.", dt.date(2026, 9, 30)),
    ("He had a bone scan in August that included the lumbar spine.", dt.date(2026, 8, 31)),
    ("He had a bone scan last month for the back pain.", dt.date(2026, 9, 30)),
    ("An indium-labelled white cell scan on 9/1/2026 of the spine was negative.", dt.date(2026, 9, 1)),
])
def test_a_nuclear_study_known_to_the_month_counts_from_its_latest_day(text: str, day: dt.date) -> None:
    # the exclusion counts three months back from the study: the later day is the cautious reading
    assert extract(text, ON, region="lumbar").facts.values["last_nuclear_or_pet_imaging_of_region_date"] == day
