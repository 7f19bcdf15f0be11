"""Families of misses fixed with general rules (notes-accuracy): each test checks the value, the
assertion and the evidence span, and a near miss that must not be read."""

from __future__ import annotations

import datetime as dt

from spinecheck.notes import extract

ON = dt.date(2026, 10, 1)


def fact(text: str, name: str, on: dt.date = ON, region: str | None = None):
    """(value, evidence items) of one fact, or (None, ()) when it is not set."""
    fv = extract(text, on, region=region).facts.provenance.get(name)
    return (None, ()) if fv is None else (fv.value, fv.evidence)


# ------------------------------------------------------------ days relative to another date
def test_the_next_day_is_counted_from_the_date_before_it():
    text = ("Eight days ago he was tackled head-first in a rugby match. "
            "A cervical MRI the next day showed edema in the interspinous ligaments at C5-C6.")
    value, ev = fact(text, "last_advanced_imaging_of_region_date", dt.date(2026, 9, 26), "cervical")
    assert value == dt.date(2026, 9, 19)
    assert ev[0]["text"] == "MRI the next day" and ev[0]["assertion"] == "present"  # mention to value
    assert text[ev[0]["start"]:ev[0]["end"]] == "MRI the next day"


def test_that_day_is_the_date_named_before_it():
    text = ("He was injured in a highway collision on October 13. "
            "Initial CT of the cervical spine that day showed a stable lamina fracture.")
    value, ev = fact(text, "last_advanced_imaging_of_region_date", dt.date(2026, 10, 27), "cervical")
    assert value == dt.date(2026, 10, 13)
    assert ev[0]["text"] == "CT of the cervical spine that day"


def test_a_relative_day_without_an_earlier_date_is_not_a_date():
    text = "A cervical MRI the next day showed edema at C5-C6."
    assert fact(text, "last_advanced_imaging_of_region_date", region="cervical")[0] is None


def test_days_later_after_a_future_date_are_dropped():
    text = "Surgery is booked for October 20. A CT two days later is planned to check hardware."
    assert fact(text, "last_advanced_imaging_of_region_date", region="lumbar")[0] is None


# ------------------------------------------------------------ injury mechanisms and dates
def test_thrown_from_a_motorcycle_this_morning_is_an_acute_injury_of_today():
    text = "The patient was thrown from his motorcycle at highway speed this morning."
    value, ev = fact(text, "spine_injury_date", dt.date(2026, 9, 27))
    assert value == dt.date(2026, 9, 27)
    assert ev[0]["text"] == "thrown from his motorcycle at highway speed this morning"
    assert ev[0]["assertion"] == "present"
    assert fact(text, "acute_spine_injury", dt.date(2026, 9, 27))[0] is True
    assert fact(text, "spine_trauma", dt.date(2026, 9, 27))[0] is True
    assert fact("No history of being thrown from a horse.", "spine_trauma")[0] is not True


# ------------------------------------------------------------ a plan that was carried out
def test_a_referral_that_the_patient_started_is_current_treatment():
    text = "She was referred to physical therapy, which she started three weeks ago."
    value, ev = fact(text, "provider_directed_treatment_duration", dt.date(2026, 10, 5))
    assert value == 21
    assert ev[0]["text"] == "physical therapy, which she started three weeks ago"
    assert ev[0]["assertion"] == "present"
    # a referral alone stays a plan
    assert fact("She was referred to physical therapy for six weeks.", "provider_directed_treatment_duration")[0] is None


def test_treatment_started_at_a_dated_visit_is_measured_from_that_visit():
    text = "She was examined here on October 14 and started on ibuprofen and gentle exercises."
    value, ev = fact(text, "provider_directed_treatment_duration", dt.date(2026, 10, 26))
    assert value == 12
    assert ev[0]["text"] == "October 14 and started on ibuprofen"
    assert fact("She was examined here on October 14 and ibuprofen was discussed.",
                "provider_directed_treatment_duration", dt.date(2026, 10, 26))[0] is None


# ------------------------------------------------------------ since the last MRI/CT
def test_no_treatment_since_the_scan_is_false_not_true():
    text = "Since that CT he has not started any treatment: he declined physical therapy."
    value, ev = fact(text, "treatment_since_prior_imaging")
    assert value is False
    assert ev[0]["text"].startswith("Since that CT he has not started any treatment")
    assert fact("No treatment has been given since the MRI.", "treatment_since_prior_imaging")[0] is False
    assert fact("Since that CT she has started physical therapy.", "treatment_since_prior_imaging")[0] is True


def test_a_collar_worn_after_a_documented_ct_is_treatment_since_imaging():
    text = ("Initial CT of the cervical spine on October 13 showed a stable C6 lamina fracture. "
            "He has been managed in a rigid collar.")
    value, ev = fact(text, "treatment_since_prior_imaging", dt.date(2026, 10, 27), "cervical")
    assert value is True
    assert ev[0]["text"] == "managed in a rigid collar"
    # without earlier MRI/CT of the region there is nothing to be "since"
    assert fact("He has been managed in a rigid collar.", "treatment_since_prior_imaging",
                dt.date(2026, 10, 27), "cervical")[0] is None


def test_no_new_symptoms_after_documented_imaging_is_weak_no_change():
    text = "The last CT of the cervical spine was on August 4. He has no new symptoms."
    value, ev = fact(text, "new_or_worsening_symptoms_since_prior_imaging", dt.date(2026, 12, 2), "cervical")
    assert value is False
    assert ev[0]["text"] == "no new symptoms"
    assert fact("He has no new symptoms.", "new_or_worsening_symptoms_since_prior_imaging")[0] is None


def test_no_guideline_for_imaging_is_not_a_denial_of_prior_imaging():
    text = "There is no established guideline for the timing of this imaging in elderly patients."
    assert fact(text, "prior_advanced_imaging_of_region", region="cervical")[0] is None
    value, _ = fact("No prior spine or brain MRI.", "prior_advanced_imaging_of_region", region="cervical")
    assert value is False


# ------------------------------------------------------------ normal examination, blanket lists
def test_normal_sensation_is_weak_evidence_of_no_dermatomal_loss():
    value, ev = fact("Examination: normal strength, sensation and reflexes.", "dermatomal_sensory_loss")
    assert value is False and ev[0]["text"] == "normal strength, sensation"
    assert fact("UE/LE strength 5/5, sens intact.", "dermatomal_sensory_loss")[0] is False
    # a stated dermatomal deficit wins over the weak normal finding
    text = "Sensation intact in the right leg. Decreased light touch in the left L5 dermatome."
    assert fact(text, "dermatomal_sensory_loss")[0] is True


def test_neuro_section_normal_is_weak_evidence_of_no_weakness():
    value, ev = fact("Neurological examination: normal.", "objective_muscle_weakness")
    assert value is False and ev[0]["assertion"] == "present"
    assert fact("Neurological examination: normal. Left EHL 4/5.", "objective_muscle_weakness")[0] is True


def test_rheumatoid_arthritis_denied_at_the_end_of_a_parenthesised_list():
    value, ev = fact("No other spine hx (no surgery, injections, CA, infection, RA).", "rheumatoid_arthritis")
    assert value is False
    assert ev[0]["text"] == "RA" and ev[0]["assertion"] == "negated"
    assert fact("PMH: RA on methotrexate.", "rheumatoid_arthritis")[0] is True


def test_no_arthritis_of_the_spine_excludes_ankylosing_spondylitis_but_a_mention_sets_nothing():
    value, ev = fact("She has no other spine conditions: no arthritis of the spine.", "ankylosing_spondylitis_or_dish")
    assert value is False and ev[0]["text"] == "arthritis of the spine"
    assert fact("Arthritis of the spine on x-ray.", "ankylosing_spondylitis_or_dish")[0] is None


# ------------------------------------------------------------ collections and resections
def test_epidural_collection_known_or_suspected():
    value, ev = fact("A spine MRI showed a ventral epidural fluid collection spanning T2 to T9.",
                     "epidural_or_subdural_collection")
    assert value is True and ev[0]["text"] == "epidural fluid collection"
    assert fact("Concern for an epidural abscess.", "epidural_or_subdural_collection")[0] is True
    assert fact("No epidural collection.", "epidural_or_subdural_collection")[0] is False


def test_en_bloc_resection_is_spine_surgery_with_its_date_and_region():
    text = "She underwent en bloc resection of an L3 giant cell tumor of bone on October 27, 2026."
    on = dt.date(2026, 11, 17)
    assert fact(text, "spine_surgery_regions", on)[0] == frozenset({"lumbar"})
    value, ev = fact(text, "spine_surgery_date", on)
    assert value == dt.date(2026, 10, 27)
    assert ev[0]["text"] == "en bloc resection of an L3 giant cell tumor of bone on October 27, 2026"
    assert fact(text, "prior_spine_procedure", on)[0] is True
    assert fact("En bloc resection of the L3 lesion is planned.", "spine_surgery_regions", on)[0] is None


def test_slowly_improving_is_a_response_to_treatment():
    value, ev = fact("Today she says she is slowly improving.", "treatment_failed_to_improve")
    assert value is False and ev[0]["text"] == "improving"
    assert fact("Today she says she is slowly improving.", "symptoms_resolved_or_improving")[0] is True


# ------------------------------------------------------------ severe pain, terse durations, sign lists
def test_how_long_severe_spinal_pain_has_lasted():
    value, ev = fact("Severe pain has persisted for 10 days since the fracture was seen.", "severe_spinal_pain_duration")
    assert value == 10 and ev[0]["text"] == "Severe pain has persisted for 10 days"
    value, _ = fact("Severe, 8/10, persistent x 11 d despite acetaminophen.", "severe_spinal_pain_duration")
    assert value == 11
    assert fact("No severe pain for 10 days.", "severe_spinal_pain_duration")[0] is None
    assert fact("Severe leg pain for 10 days.", "severe_spinal_pain_duration")[0] is None


def test_terse_x_n_d_durations():
    value, ev = fact("PT x 2 mo, no better.", "provider_directed_treatment_duration")
    assert 60 < value < 61  # two months, in days as the catalog normalizes them
    assert "x 2 mo" in ev[0]["sentence"]
    assert fact("PT 2 d/wk.", "provider_directed_treatment_duration")[0] is None


def test_two_cord_signs_named_together_are_both_read():
    value, ev = fact("Positive Hoffmann and Babinski signs on the right.", "unexplained_cord_signs")
    assert value == frozenset({"hoffmann", "babinski"})
    assert all(e["assertion"] == "present" for e in ev)
    assert fact("Negative Hoffmann and Babinski signs.", "unexplained_cord_signs")[0] is None
