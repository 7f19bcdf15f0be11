"""Rules added to raise recall: each reads the stated finding and its negation, and nothing
that the text does not state."""

from __future__ import annotations


def test_partial_response_is_improving_but_not_a_failure_or_a_success(read):
    for text in ("The pain is a little better but still limits lifting.",
                 "Sx slightly better but still limiting."):
        facts = read(text)
        assert facts.get("symptoms_resolved_or_improving") is True
        assert "treatment_failed_to_improve" not in facts
    assert read("The pain is much better with therapy.")["treatment_failed_to_improve"] is False


def test_comparison_with_an_earlier_exam_is_a_progressive_deficit(read):
    text = "The right ankle reflex, previously diminished at 1+, is now absent."
    facts = read(text)
    assert facts["progressive_neuro_deficit"] is True
    assert facts["red_flags_absent"] is False
    assert read("No change in the weakness since last visit.")["progressive_neuro_deficit"] is False


def test_a_recurrent_complaint_after_a_past_operation_is_current(read):
    facts = read("s/p L4-5 discectomy 9/15/26, recurrent L leg pain x 2 wk.")
    assert facts["lower_extremity_neuro_symptoms"] is True
    assert "lower_extremity_neuro_symptoms" not in read("s/p L4-5 discectomy 9/15/26, leg pain resolved.")


def test_legs_that_become_numb_are_leg_symptoms(read):
    assert read("He can walk two blocks before both legs become heavy and numb.")[
        "lower_extremity_neuro_symptoms"] is True
    assert read("Legs never become numb or tingly.").get("lower_extremity_neuro_symptoms") is not True


def test_no_suspicion_of_malignancy_or_infection(read):
    facts = read("She has no history of cancer and there is no suspicion of malignancy or infection.")
    assert facts["cancer_history"] is False
    assert facts["spinal_infection_suspected"] is False
    assert facts["spinal_malignancy_suspected"] is False
    facts = read("History of breast cancer; concern for infection given fever.")
    assert facts["cancer_history"] is True
    assert facts.get("spinal_infection_suspected") is not False


def test_contrast_only_mri_that_continues_or_does_not_continue_a_session(read):
    assert read("Contrast-only MRI is a continuation of the same session.")["completes_noncontrast_mri"] is True
    assert read("Not a continuation of the 11/21 session.")["completes_noncontrast_mri"] is False


def test_no_prior_spine_procedures(read):
    assert read("No other spine conditions; no prior spine procedures.")["prior_spine_procedure"] is False
    assert read("No other spine hx (no surgery, injections, CA, infection, RA).")["prior_spine_procedure"] is False
    assert read("s/p L4-5 discectomy in 2020.")["prior_spine_procedure"] is True
    assert "prior_spine_procedure" not in read("Discussed spine procedures that might help.")


def test_home_exercise_handout_and_log(read):
    facts = read('"Exercises at home" x 8 wks - verbal advice only, no handout given, no log/compliance documented.')
    assert facts["hep_written_instructions"] is False
    assert facts["hep_compliance_documented"] is False
    facts = read("Home exercises: handout given; exercise log documented at each visit.")
    assert facts["hep_written_instructions"] is True
    assert facts["hep_compliance_documented"] is True
    assert "hep_written_instructions" not in read("Diet handout given.")


def test_a_new_clause_ends_a_negation_and_no_high_risk_features_is_an_empty_list(read):
    text = ("Neck pain after a car accident. There are no high-risk features: she is young, has no "
            "history of fractures, the collision was at low speed, and there was no head or facial injury.")
    facts = read(text)
    assert facts["spine_trauma"] is True
    assert facts["cervical_injury_high_risk_factors"] == frozenset()
    facts = read("Neck pain after a rollover collision; high-risk features present.")
    assert "rollover_collision" in facts["cervical_injury_high_risk_factors"]


def test_no_history_of_fractures_is_not_a_risk_factor(read):
    facts = read("Neck pain after a fall. She has no history of fractures.")
    assert "prior_low_energy_fracture" not in facts.get("cervical_injury_high_risk_factors", frozenset())
    facts = read("Neck pain after a fall. History of fragility fractures.")
    assert "prior_low_energy_fracture" in facts["cervical_injury_high_risk_factors"]


def test_mri_no_contraindication_and_no_prior_imaging(read):
    facts = read("MRI: no contraindication, scanner available tomorrow AM. No prior spine imaging.")
    assert facts["mri_contraindicated"] is False
    assert facts["prior_advanced_imaging_of_region"] is False
    assert facts["prior_mri_nondiagnostic"] is False
    facts = read("Pacemaker is not MRI conditional, so MRI is contraindicated.")
    assert facts["mri_contraindicated"] is True
    assert "prior_mri_nondiagnostic" not in facts


def test_postoperative_xrays(read):
    assert read("s/p L4-5 fusion 2023. Lumbar x-rays obtained today show solid fusion.")["postop_xrays_available"] is True
    assert read("s/p L4-5 discectomy 9/15/26. Post-op XR 11/2 unremarkable.")["postop_xrays_available"] is True
    assert read("s/p L4-S1 fusion 6/2023. No XR since current sx began.")["postop_xrays_available"] is False
    assert "postop_xrays_available" not in read("Lumbar x-rays obtained today are normal.")


def test_negative_hoffmann_is_weak_evidence_against_myelopathy(read):
    assert read("Neck pain. Hoffmann negative, gait normal.")["myelopathy_suspected"] is False
    assert read("Hoffmann negative. Sustained clonus at the left ankle.")["myelopathy_suspected"] is True
    assert "myelopathy_suspected" not in read("Lhermitte positive. Hoffmann neg. r/o cervical cord lesion.")


def test_no_prior_surgery_means_no_operated_region(read):
    assert read("No other spine hx: no trauma, surgery, inflammatory arthritis or CA.")["spine_surgery_regions"] == frozenset()
    assert read("No prior surgery.")["spine_surgery_regions"] == frozenset()
    assert "spine_surgery_regions" not in read("Prior surgery: appendectomy.")


def test_new_radiculopathy_phrasings(read):
    assert read("New neck pain and right arm pain radiating to the thumb.")["new_onset_radiculopathy"] is True
    assert read("She has new burning pain running down the back of the left leg.")["new_onset_radiculopathy"] is True
    assert read("Assessment: new post-traumatic left S1 radiculopathy.")["new_onset_radiculopathy"] is True
    assert read("No new neck pain or arm pain; the same ache as for years.")["new_onset_radiculopathy"] is False


def test_persistent_pain_after_an_old_operation_is_current(read):
    import datetime as dt
    on = dt.date(2026, 11, 1)
    facts = read("She has persistent low back and bilateral leg pain after an L4-S1 fusion in 2023.", on)
    assert facts["symptom_regions"] == frozenset({"lumbar"})
    assert "acute_bilateral_sciatica" not in facts          # persistent is not acute
    assert "symptom_regions" not in read("Back pain after a fall in 2019.", on)   # an old episode stays remote


def test_neuropathy_explains_the_sensory_loss(read):
    facts = read("Stocking sensory loss. No dermatomal pattern. No saddle numbness, no sexual dysfunction. "
                 "Assessment: the sensory loss is explained by her diabetic peripheral neuropathy.")
    assert facts["sensory_loss_from_peripheral_neuropathy"] is True
    assert facts["dermatomal_sensory_loss"] is False
    assert facts["sexual_dysfunction"] is False
    facts = read("The sensory loss is not explained by her neuropathy. New sexual dysfunction.")
    assert facts["sensory_loss_from_peripheral_neuropathy"] is False
    assert facts["sexual_dysfunction"] is True
    assert "dermatomal_sensory_loss" not in read("Pain in a dermatomal pattern.")


def test_a_recommended_ct_is_not_a_prior_ct(read):
    facts = read("An MRI of the cervical spine on August 20 showed a lesion; the radiologist could not "
                 "exclude a sarcoma and recommended CT to assess the matrix.", region="cervical")
    assert facts["prior_advanced_imaging_of_region"] is True


def test_energy_of_the_injury_mechanism(read):
    assert read("Thrown from his motorcycle at highway speed.")["high_energy_injury_mechanism"] is True
    assert read("Sports collision; low-energy mechanism.")["high_energy_injury_mechanism"] is False
    assert read("Ground-level fall at home, tripped on rug.")["high_energy_injury_mechanism"] is False
    # a slip is only weak evidence: a stated height wins without a conflict
    assert read("He slipped and fell from a ladder onto his back.")["high_energy_injury_mechanism"] is True


def test_pain_despite_treatment_is_a_failure(read):
    facts = read("She has disabling back pain despite more than a year of therapy.")
    assert facts["treatment_failed_to_improve"] is True
    assert facts["symptoms_resolved_or_improving"] is False
    assert read("She has taken naproxen; the pain persists.")["treatment_failed_to_improve"] is True
    assert "treatment_failed_to_improve" not in read("If the pain persists, return to clinic.")


def test_measured_fever_and_rising_white_count(read):
    assert "fever" in read("Subjective fevers/chills x 3 d. VS: T 38.7, HR 112.")["infection_risk_factors"]
    assert "fever" in read("His temperature at home has been up to 38.2.")["infection_risk_factors"]
    assert "infection_risk_factors" not in read("Return to the ED if your temperature rises to 38.5.")
    assert "infection_labs" in read("White cell count has risen from 11 to 18.")["infection_risk_factors"]
    assert "infection_risk_factors" not in read("White cell count has risen from 6 to 8.")


def test_avm_malignancy_and_infant_ultrasound(read):
    assert read("MRI highly suspicious for a spinal dural arteriovenous fistula.")["spinal_avm_avf_suspected"] is True
    assert read("No arteriovenous malformation.")["spinal_avm_avf_suspected"] is False
    facts = read("Given his lymphoma, the pain raises concern for spinal involvement by lymphoma.")
    assert facts["spinal_malignancy_suspected"] is True
    assert facts["red_flags_absent"] is False
    facts = read("Sacral dimple concerning for occult spinal dysraphism or a tethered cord. The posterior "
                 "elements are not yet ossified, so ultrasound can image the spinal canal.")
    assert facts["vertebral_ossification_incomplete"] is True
    assert facts["spinal_canal_us_purposes"] == frozenset({"spinal_dysraphism", "tethered_cord"})
    assert "spinal_canal_us_purposes" not in read("Concern for a tethered cord; MRI lumbar spine requested.")


def test_leg_aching_and_neurogenic_claudication_are_leg_symptoms(read):
    assert read("Aching in both legs that worsens when she bends forward.")["lower_extremity_neuro_symptoms"] is True
    assert read("Neurogenic claudication limits her walking.")["lower_extremity_neuro_symptoms"] is True
    assert "lower_extremity_neuro_symptoms" not in read("No neurogenic claudication.")
