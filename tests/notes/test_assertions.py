"""The assertion layer: negation, history, hypotheticals, family, uncertainty, scope ends."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Denies saddle anesthesia.",
    "No saddle anesthesia.",
    "Negative for saddle anesthesia, fever and weight loss.",
    "Review of systems is negative for saddle anesthesia.",
    "Saddle anesthesia: none.",
    "Saddle anesthesia: denies.",
    "Saddle anesthesia - no.",
    "Cauda equina screen: no saddle anesthesia.",
    "He is without saddle anesthesia.",
    "She remains free of saddle anesthesia.",
    "Saddle anesthesia: [ ] yes [x] no",
])
def test_negation_forms(read, text):
    assert read(text)["saddle_anesthesia"] is False


def test_negation_runs_over_a_list(read):
    facts = read("Denies fever, night pain, weight loss, saddle anesthesia or bowel or bladder incontinence.")
    assert facts["saddle_anesthesia"] is False
    assert facts["night_pain"] is False
    assert facts["unintended_weight_loss"] is False
    assert facts["new_bowel_bladder_incontinence"] is False


def test_but_ends_the_negation(read):
    facts = read("No fever but new saddle anesthesia since yesterday.")
    assert facts["saddle_anesthesia"] is True


def test_colon_after_words_ends_the_negation(read):
    assert read("It is not true that he has no leg weakness: EHL is 4/5 on the left, new.")["new_weakness_grade"] == 4


@pytest.mark.parametrize("text", [
    "Return to the ED if saddle anesthesia or bowel/bladder changes occur.",
    "If saddle anesthesia develops, call 911.",
    "Should saddle anesthesia occur, go to the emergency department.",
    "Educated on warning signs such as saddle anesthesia.",
    "Discharge instructions: return immediately if numbness in the groin develops.",
])
def test_hypothetical_asserts_nothing(read, text):
    facts = read(text)
    assert "saddle_anesthesia" not in facts
    assert "new_bowel_bladder_incontinence" not in facts


def test_red_flags_reviewed_says_nothing_and_denied_says_absent(read):
    assert "red_flags_absent" not in read("Red flags reviewed with the patient.")
    assert read("Denies red flags.")["red_flags_absent"] is True
    assert read("No red flags.")["red_flags_absent"] is True
    assert read("Red flags: none.")["red_flags_absent"] is True


def test_a_positive_red_flag_makes_red_flags_absent_false(read):
    facts = read("New left foot drop for five days.")
    assert facts["new_foot_drop"] is True
    assert facts["red_flags_absent"] is False


def test_except_keeps_the_blanket_statement_out(read):
    facts = read("No red flags except for the new foot drop.")
    assert facts["red_flags_absent"] is False


def test_family_history_is_not_the_patient(read):
    facts = read("His mother had breast cancer.")
    assert "cancer_history" not in facts
    assert read("No cancer history, and his mother had lung cancer.")["cancer_history"] is False


def test_history_counts_for_history_facts_but_not_for_current_findings(read):
    assert read("History of breast cancer treated in 2019.")["cancer_history"] is True
    assert "saddle_anesthesia" not in read("History of saddle anesthesia in 2015, resolved.")
    assert read("Prior episode of foot drop in 2015, resolved.")["new_foot_drop"] is False


def test_uncertainty_counts_only_for_facts_that_accept_suspicion(read):
    assert read("Concern for spinal infection.")["spinal_infection_suspected"] is True
    assert read("Rule out discitis.")["spinal_infection_suspected"] is True
    assert read("Possible malignancy in the spine.")["spinal_malignancy_suspected"] is True
    # saddle anesthesia does not accept a suspicion
    assert "saddle_anesthesia" not in read("Possible saddle anesthesia, exam equivocal.")
    assert "new_foot_drop" not in read("Probable foot drop on the left, exam limited by pain.")


def test_low_suspicion_is_a_negation(read):
    assert read("Low suspicion for spinal infection.")["spinal_infection_suspected"] is False
    assert read("Spinal malignancy is not suspected.")["spinal_malignancy_suspected"] is False


def test_considered_and_felt_unlikely_is_neither(read):
    assert "aortic_dissection_suspected" not in read("Dissection is in the differential but felt unlikely given equal pulses.")


def test_a_denial_more_than_a_year_old_is_neither(read):
    # a finding ruled out years ago says nothing about now; a denial without a date still denies
    assert "saddle_anesthesia" not in read("No saddle anesthesia was found on her exam in 2015.")
    assert "weakness_from_peripheral_neuropathy" not in read("No neuropathy was found in 2015; not examined since.")
    assert read("No saddle anesthesia on exam today.")["saddle_anesthesia"] is False


def test_a_suspicion_more_than_a_year_old_is_neither(read):
    assert "syringomyelia_suspected" not in read("A syrinx was suspected in 2015 when she had arm numbness.")
    assert "spinal_infection_suspected" not in read("Possible spinal infection in 2019, treated with antibiotics.")


@pytest.mark.parametrize("text", [
    "Her sister, who has lupus, had a foot drop.",
    "His brother, who is a nurse, had cauda equina syndrome.",
    "Her mother, whose back surgery failed, has saddle anesthesia.",
])
def test_a_relative_who_clause_keeps_the_finding_the_relatives(read, text):
    facts = read(text)
    assert not {"new_foot_drop", "cauda_equina_syndrome", "saddle_anesthesia"} & facts.keys()


@pytest.mark.parametrize("text", [
    "She read about syringomyelia online and is worried she has it.",
    "She saw a video about cauda equina syndrome on YouTube.",
    "He watched something online about saddle anesthesia.",
])
def test_what_the_patient_read_or_watched_is_not_a_finding(read, text):
    facts = read(text)
    assert not {"syrinx_known", "cauda_equina_syndrome", "saddle_anesthesia"} & facts.keys()


def test_planned_treatment_counts_only_for_the_plan(read):
    facts = read("Plan: right L5 transforaminal epidural steroid injection. Will start physical therapy for 6 weeks.")
    assert facts["treatment_plan"] == frozenset({"transforaminal_esi"})
    assert "provider_directed_treatment_duration" not in facts
    assert "treatment_plan" not in read("Would consider a transforaminal injection if not better in 4 weeks.")


def test_sections_colour_their_sentences(read):
    facts = read("PAST MEDICAL HISTORY:\nProstate cancer 2015.\n\nFAMILY HISTORY:\nFather with ankylosing spondylitis.")
    assert facts["cancer_history"] is True
    assert "ankylosing_spondylitis_or_dish" not in facts


def test_allergy_section_is_ignored(read):
    assert "conservative_treatments_tried" not in read("Allergies: ibuprofen (hives).")


def test_claustrophobia_is_not_a_contraindication(read):
    facts = read("Very claustrophobic, refuses closed MRI. No implants, no pacemaker, no metal.")
    assert facts["claustrophobia"] is True
    assert facts["mri_contraindicated"] is False
    assert read("Pacemaker is not MRI-conditional, so MRI is contraindicated.")["mri_contraindicated"] is True
    assert read("Pacemaker is MRI-conditional per the device card.")["mri_contraindicated"] is False


@pytest.mark.parametrize("text", [
    "NEGATIVES:\nsaddle anesthesia\nurinary retention\nfoot drop",
    "Denies:\n- saddle anesthesia\n- urinary retention\n- foot drop",
    "No:\nsaddle anesthesia\nurinary retention\nfoot drop",
    "Pertinent negatives:\n1. saddle anesthesia\n2. urinary retention\n3. foot drop",
    "He denies the following:\n* saddle anesthesia\n* urinary retention\n* foot drop",
    "Red flags:\nsaddle anesthesia - denies\nurinary retention - denies\nfoot drop - denies",
])
def test_a_negation_heading_a_list_covers_each_line_of_it(read, text):
    facts = read(text)
    assert facts["saddle_anesthesia"] is False
    assert facts["urinary_retention_or_overflow_incontinence"] is False
    assert "new_foot_drop" not in facts or facts["new_foot_drop"] is False


def test_a_heading_negation_ends_with_its_block(read):
    # a blank line or the next header ends the list; positives listed under their own heading stay
    for text in ("Denies:\n- fever\n\nNew right foot drop.",
                 "Denies:\n- fever\nExam: new right foot drop.",
                 "Denies:\n- fever\nPositive for:\n- new right foot drop"):
        assert read(text)["new_foot_drop"] is True, text
    # "not improved with:" heads treatments that were tried, not denied ones
    facts = read("Not improved with:\n- physical therapy for 7 weeks")
    assert facts["conservative_treatments_tried"] == frozenset({"physical_therapy"})
    # other modifiers of a heading carry too: precautions assert nothing
    assert read("Return to the ED if you develop any of the following:\n- saddle anesthesia").get(
        "saddle_anesthesia") is None
    assert read("Warning signs reviewed with the patient:\nsaddle anesthesia\nfoot drop").get("saddle_anesthesia") is None


def test_a_hard_wrapped_denial_covers_the_whole_list(read):
    facts = read("Denies saddle anesthesia,\nurinary retention,\nfoot drop.")
    assert facts["saddle_anesthesia"] is False
    assert facts["urinary_retention_or_overflow_incontinence"] is False


@pytest.mark.parametrize("text", [
    "Saddle anesthesia: No  |  Urinary retention: No  |  Foot drop: No\nExam: tenderness over L4-5.",
    "Saddle anesthesia\tNo\nUrinary retention\tNo\nFoot drop\tNo",
    "| Saddle anesthesia | No |\n| Urinary retention | No |\n| Foot drop | No |",
    "Red flag screen        Y    N\nSaddle anesthesia           X\nUrinary retention           X\nFoot drop                   X",
])
def test_form_answers_in_columns_deny(read, text):
    facts = read(text)
    assert facts["saddle_anesthesia"] is False
    assert facts["urinary_retention_or_overflow_incontinence"] is False
    assert facts.get("new_foot_drop") is not True  # the last answer of the row too


def test_a_tick_under_the_yes_column_is_a_finding(read):
    facts = read("Red flag screen        Y    N\nSaddle anesthesia      X\nFoot drop                   X")
    assert facts["saddle_anesthesia"] is True
    assert facts.get("new_foot_drop") is not True


@pytest.mark.parametrize("text", [
    "DOS: 03/14/2025\nPT progress note\nShe has completed 7 weeks of physical therapy; no improvement.",
    "Previous note (7/14/2025) copied below for reference:\nShe completed 7 weeks of physical therapy with no "
    "improvement.",
    "Copied forward from 03/2025 (not updated):\nShe completed 7 weeks of physical therapy with no improvement.",
    "--- Scanned record, visit of 02/11/2025 ---\nShe completed 7 weeks of physical therapy with no improvement.",
])
def test_a_dated_header_dates_the_lines_under_it(read, text):
    assert "provider_directed_treatment_duration" not in read(text)
    # the same lines dated within the year count
    recent = text.replace("2025", "2026").replace("/2026 ", "/2026 ")
    assert read(recent)["provider_directed_treatment_duration"] == 49


def test_a_dated_header_stops_at_a_blank_line_and_not_at_a_start_date(read):
    assert read("DOS: 03/14/2025\nPT progress note\n\nShe completed 7 weeks of physical therapy.")[
        "provider_directed_treatment_duration"] == 49
    assert read("DOB: 01/01/1974\nShe completed 7 weeks of physical therapy.")["provider_directed_treatment_duration"] == 49
    assert read("Symptoms since 2019:\n- new right foot drop")["new_foot_drop"] is True


def test_the_date_field_of_a_titled_record_dates_the_whole_record(read):
    old = "Radiology report\nExam: XR thoracic spine, 2 views\nDate: 06/14/2019\nImpression: mild spondylosis.\n"
    assert "initial_radiographs_done" not in read(old, region="thoracic")
    assert read(old.replace("06/14/2019", "08/20/2026"), region="thoracic")["initial_radiographs_done"] is True
    # the record ends at the first line that is no field
    assert read(old + "She has a new right foot drop.")["new_foot_drop"] is True


def test_the_indication_of_a_study_with_a_result_is_a_question(read):
    assert "new_foot_drop" not in read("Outside lumbar MRI report, 03/2026. Indication: foot drop, urinary retention. "
                                       "Impression: L4-5 disc bulge, no stenosis.")
    # the reason given for the study requested is the requester's own history
    assert read("Order: MRI L-spine w/o contrast. Indication: new right foot drop, ankle dorsiflexion 2/5.")[
        "new_foot_drop"] is True
    # a denial in it stays a denial
    assert read("MRI lumbar 08/2026. Indication: LBP, no saddle anesthesia. Impression: disc bulge.")[
        "saddle_anesthesia"] is False


@pytest.mark.parametrize("text", ["RUE 3/5, new.", "Power 3/5 in right shoulder abductors, new.", "Progressive right hand weakness on re-examination."])
def test_an_arm_deficit_counts_for_a_cervical_study_only(read, text):
    assert not {"new_weakness_grade", "progressive_neuro_deficit"} & read(text, region="lumbar").keys()
    assert {"new_weakness_grade", "progressive_neuro_deficit"} & read(text, region="cervical").keys()


@pytest.mark.parametrize("text, positional", [
    ("The MRI is to be done upright, weight-bearing.", True),
    ("Please do the MRI upright.", True),
    ("MRI to evaluate pain with weight-bearing.", False),
    ("MRI for pain on standing.", False),
])
def test_a_positional_mri_is_the_study_not_a_symptom_on_standing(read, text, positional):
    assert (read(text, region="lumbar").get("positional_mri_requested") is True) is positional
