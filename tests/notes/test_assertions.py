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
