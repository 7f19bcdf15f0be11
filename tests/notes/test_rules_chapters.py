"""Families fixed in the accuracy round: assertion scope, leg symptoms, chapter vocabulary
(spondylolysis, inflammatory spondylitis, compression fractures, surgical planning, syrinx,
scoliosis, repeat imaging, vertebral augmentation, AVM, stenosis). Each test reads the stated
finding, its denial where the fact has one, and nothing from text that does not state it."""

from __future__ import annotations

import datetime as dt

import pytest


# ------------------------------------------------------------------- assertion scope --------
def test_the_last_item_of_an_oxford_comma_list_stays_negated(read):
    facts = read("He denies fever, chills, and weight loss.")
    assert facts["unintended_weight_loss"] is False
    facts = read("He denies leg pain, numbness, saddle numbness, and any change in bowel or bladder control.")
    assert facts["new_bowel_bladder_incontinence"] is False
    # a new clause after ", and" is not negated
    assert read("No fever, and she has lost 10 lb without trying.")["unintended_weight_loss"] is True


def test_a_participle_after_a_comma_ends_the_negation(read):
    facts = read("XR L-spine today: no definite fx, limited by osteopenia.")
    assert facts["insufficiency_fracture_predisposed"] is True


def test_no_definite_finding_is_still_a_suspicion(read):
    facts = read("A: suspected insufficiency compression fx T8; XR with no definite compression fx.")
    assert facts["compression_fracture_suspected"] is True


def test_to_be_excluded_is_a_question_not_a_denial(read):
    assert read("A cauda equina lesion must be excluded.")["cauda_equina_syndrome_suspected"] is True
    assert read("He fell from a ladder; a thoracic fracture must be excluded.")["traumatic_fracture_suspected"] is True
    assert read("Cauda equina syndrome has been excluded by MRI.")["cauda_equina_syndrome_suspected"] is False


def test_the_host_in_a_suspicion_is_not_suspected(read):
    facts = read("A: suspected T9-10 discitis in an immunosuppressed transplant recipient.")
    assert "immunocompromised" in facts["infection_risk_factors"]
    assert facts["spinal_infection_suspected"] is True


def test_infection_judged_less_likely_is_not_suspected(read):
    assert read("Infection is less likely: she is afebrile.")["spinal_infection_suspected"] is False
    assert read("Spinal infection is not clinically suspected.")["spinal_infection_suspected"] is False
    assert read("Infection is suspected given the fever.")["spinal_infection_suspected"] is True


def test_a_plan_discussed_with_the_patient_is_a_plan(read):
    facts = read("Plan discussed with the patient: a lumbar interlaminar epidural steroid injection at L3-L4 "
                 "next week and an MRI beforehand.")
    assert facts["treatment_plan"] == frozenset({"interlaminar_esi_lumbar"})
    assert "prior_advanced_imaging_of_region" not in facts
    assert "injection" not in facts.get("conservative_treatments_tried", frozenset())


def test_a_requested_mri_is_not_a_prior_mri(read):
    assert "prior_advanced_imaging_of_region" not in read("She asks for an MRI because a friend had surgery.")
    assert "prior_advanced_imaging_of_region" not in read("Pt wants MRI before going back to work.")


# ------------------------------------------------------------------- leg symptoms -----------
def test_numbness_is_a_leg_symptom_but_not_radicular_pain(read):
    facts = read("Burning and numbness over the left lateral thigh for three months.")
    assert facts["lower_extremity_neuro_symptoms"] is True
    assert "radicular_pain_present" not in facts


def test_a_focal_neuropathy_is_weak_evidence_against_radicular_pain(read):
    facts = read("A: left meralgia paresthetica.")
    assert facts["radicular_pain_present"] is False
    facts = read("Sciatica down the right leg. Also a right peroneal neuropathy.")
    assert facts["radicular_pain_present"] is True


def test_a_doubted_radiculopathy_says_nothing_about_symptoms(read):
    facts = read("Pain in the right hip and anterior thigh. Lumbar radiculopathy is considered less likely.")
    assert facts["lower_extremity_neuro_symptoms"] is True


def test_pain_that_stops_above_the_knee_is_not_radicular(read):
    facts = read("Pain radiates into the posterior thigh but not below the knee.")
    assert facts["radicular_pain_present"] is False


def test_leg_symptoms_attributed_to_vascular_claudication(read):
    facts = read("The leg symptoms are most consistent with vascular claudication.")
    assert facts["lower_extremity_neuro_symptoms"] is False
    assert facts["radicular_pain_present"] is False


def test_strength_grades_of_provocation_tests_are_not_weakness(read):
    facts = read("R SI provocation tests 2/5 positive.")
    assert "new_weakness_grade" not in facts and "objective_muscle_weakness" not in facts
    assert read("Right EHL 4/5.")["new_weakness_grade"] == 4


def test_normal_grades_except_one_muscle(read):
    facts = read("LE: 5/5 bilat except L EHL 4/5.")
    assert facts["new_neuro_deficit"] is True
    assert read("Triceps 5/5, biceps 5/5.")["objective_muscle_weakness"] is False


# ------------------------------------------------------------------- spondylolysis, SI ------
def test_spondylolysis_status_and_spect(read):
    facts = read("There is a high suspicion of a left L5 pars stress fracture. SPECT of the lumbar spine was negative.")
    assert facts["spondylolysis_status"] == "highly_suspected"
    assert facts["spect_bone_scan_result"] == "negative"
    facts = read("SPECT 9/1: focal increased uptake at the right L4 pars. A: right L4 spondylolysis on SPECT.")
    assert facts["spondylolysis_status"] == "confirmed"
    assert facts["spect_bone_scan_result"] == "lesion_seen"
    assert "spondylolysis_status" not in read("Spondylolysis was discussed as a cause of back pain in athletes.")


def test_spondylolysis_imaging_purpose(read):
    assert read("Plan: MRI lumbar spine to look for a bone stress reaction of the pars.")[
        "spondylolysis_mri_purpose"] == frozenset({"bone_stress_reaction"})
    assert read("Plan: CT to characterize the pars defect (bony anatomy).")["pars_bony_anatomy_evaluation"] is True


def test_inflammatory_spondylitis_work_up(read):
    facts = read("HLA-B27 positive. Assessment: suspected axial spondyloarthritis; MRI of the SI joints.")
    assert facts["inflammatory_spondylitis_imaging"] == "initial_workup"
    facts = read("No other spine history: no trauma, surgery, inflammatory arthritis or cancer.")
    assert facts["inflammatory_spondylitis_imaging"] == "none"
    # amyloid spondyloarthropathy of dialysis is not an inflammatory spondylitis
    assert "inflammatory_spondylitis_imaging" not in read(
        "HLA-B27 not tested. A: suspected dialysis-related amyloid spondyloarthropathy at L3-L4.")


def test_sacroiliac_findings(read):
    facts = read("Tender sacroiliac joints bilaterally. Pelvis x-rays this month show possible but not definite "
                 "erosions of the right sacroiliac joint, equivocal for sacroiliitis.")
    assert facts["si_joint_pain"] is True
    assert facts["si_joint_xray_result"] == "equivocal_or_nondiagnostic"


# ------------------------------------------------------------------- fractures, augmentation
def test_compression_fracture_vocabulary(read):
    facts = read("Known osteoporotic compression fracture of L1 diagnosed on x-rays last month. "
                 "She is a candidate for kyphoplasty and wishes to proceed.")
    assert facts["known_insufficiency_compression_fracture"] is True
    assert facts["augmentation_or_surgery_candidate"] is True
    assert facts["vertebral_augmentation_planned"] is True
    assert "augmentation_or_surgery_candidate" not in read("She may be a candidate for kyphoplasty later.")
    facts = read("Suspected compression fracture of T8. XR T-spine: T8 obscured - nondiagnostic.")
    assert facts["compression_fracture_xray_finding"] == "nondiagnostic"


def test_after_vertebral_augmentation(read):
    facts = read("She underwent T11 kyphoplasty this morning. About five hours after the procedure she "
                 "reported new leg numbness, concerning for cement extravasation.")
    assert facts["vertebral_augmentation_regions"] == frozenset({"thoracic"})
    assert facts["time_since_vertebral_augmentation"] == pytest.approx(5 / 24)
    assert facts["augmentation_neuro_sequelae_concern"] is True
    assert "vertebral_augmentation_planned" not in facts


def test_sacral_fracture_and_pain(read):
    assert read("Suspected sacral insufficiency fracture.")["sacral_or_si_fracture"] is True
    facts = read("Severe sacral and buttock pain since a fall from standing on September 25.")
    assert facts["symptom_regions"] == frozenset({"pelvis"})
    assert facts["spine_injury_date"] == dt.date(2026, 9, 25)
    assert facts["acute_spine_injury"] is True


# ------------------------------------------------------------------- surgery, planning ------
def test_imaging_insufficient_for_surgical_planning(read):
    facts = read("Her lumbar MRI is degraded by motion artefact at L2-L4 and cannot define the lateral recess "
                 "adequately for surgical planning.")
    assert facts["recent_imaging_insufficient_for_planning"] is True
    assert read("As the operating surgeon I request a CT myelogram to plan the levels of decompression.")[
        "preop_ct_myelography_needed"] is True
    assert "preop_ct_myelography_needed" not in read("CT myelography if the CT is not diagnostic.")


def test_planned_surgery_is_not_past_surgery(read):
    facts = read("We have agreed on an L5-S1 posterior decompression and fusion, scheduled for January 8.")
    assert "spine_surgery_regions" not in facts and "spine_surgery_date" not in facts
    assert facts["requested_by_operating_surgeon"] is True


def test_findings_on_x_ray_do_not_date_a_surgery(read):
    facts = read("She had an L4-L5 fusion on September 30, 2025. X-rays today: bridging bone suggesting solid fusion.")
    assert facts["spine_surgery_date"] == dt.date(2025, 9, 30)


def test_routine_post_fusion_protocol(read):
    facts = read("Clinically successful fusion. As part of our practice's one-year protocol we obtain a CT to "
                 "document the fusion mass.")
    assert facts["routine_postfusion_assessment"] is True
    assert facts["fusion_or_failed_surgery_assessment"] is True


# ------------------------------------------------------------------- syrinx, scoliosis ------
def test_syrinx_follow_up(read):
    facts = read("Idiopathic cervical syrinx found in 2021. Annual MRIs were unchanged, and the last cervical MRI "
                 "on November 18, 2025 was also unchanged, so non-progression has been established. "
                 "There has never been any surgery. No new numbness or weakness. There is no concern for a tumor.")
    assert facts["syrinx_mri_done"] == frozenset({"cervical"})
    assert facts["syrinx_last_imaging_date"] == dt.date(2025, 11, 18)
    assert facts["syrinx_nonprogression_established"] is True
    assert facts["syrinx_postsurgical_followup"] is False
    assert facts["syrinx_malignancy_concern"] is False
    assert facts["syrinx_symptom_change"] == frozenset()
    assert facts["syrinx_post_traumatic"] is False


def test_a_suspected_syrinx_is_not_known(read):
    facts = read("The cape-like sensory loss is highly suggestive of a cervical syrinx; syringomyelia is suspected.")
    assert facts["syrinx_known"] is False
    assert facts["syringomyelia_suspected"] is True


def test_scoliosis_curve(read):
    facts = read("Standing XR: 32 deg thoracic curve T5-T11, convex left, with a compensatory lumbar curve. "
                 "No surgery planned at this time.")
    assert facts["spinal_deformity_regions"] == frozenset({"thoracic", "lumbar"})
    assert facts["convex_left_thoracic_curve"] is True
    assert facts["deformity_surgery_planned"] is False
    facts = read("Stable, typical right thoracic curve without neurological signs.")
    assert facts["convex_left_thoracic_curve"] is False
    assert facts["congenital_or_atypical_curve"] is False
    assert facts["deformity_neuro_signs_symptoms"] is False
    facts = read("Assessment: scoliosis with new neurological symptoms.")
    assert facts["deformity_neuro_signs_symptoms"] is True
    assert facts["scoliosis_imaging_reasons"] == frozenset({"neurological_symptoms"})


# ------------------------------------------------------------------- repeat imaging, AVM ----
def test_repeat_imaging_reasons(read):
    facts = read("There is no established guideline for the timing of this imaging.")
    assert facts["established_guideline_for_situation"] is False
    assert "established_guideline_for_situation" not in read("We discussed the guideline expectation.")
    facts = read("Plan: one-time clarifying follow-up CT of the indeterminate T9 focus.")
    assert facts["repeat_imaging_reasons"] == frozenset({"one_time_clarification_of_indeterminate_finding"})
    facts = read("C2 fracture; the last CT of the cervical spine was on August 4. We need to confirm bony union "
                 "before removing the collar.")
    assert facts["repeat_imaging_reasons"] == frozenset({"established_monitoring_need"})
    assert facts["repeat_imaging_request"] is True


def test_no_new_symptoms_since_the_scan(read):
    facts = read("CT lumbar spine on September 14 showed a disc protrusion. His symptoms are unchanged since the "
                 "scan, with no new weakness or numbness.")
    assert facts["new_or_worsening_symptoms_since_prior_imaging"] is False
    facts = read("MRI of the cervical spine on August 20 showed a lesion. He has no neck pain now.")
    assert facts["new_or_worsening_symptoms_since_prior_imaging"] is False


def test_avm_mri_with_and_without_contrast(read):
    facts = read("An MRI of the thoracic spine without and with contrast on November 10 showed serpiginous flow "
                 "voids, highly suspicious for a spinal dural arteriovenous fistula.")
    assert facts["mri_wwo_done_for_avm"] is True
    assert facts["spinal_vascular_conditions"] == frozenset({"spinal_vascular_malformation"})


# ------------------------------------------------------------------- stenosis, function -----
def test_first_epidural_for_stenosis_and_other_causes(read):
    facts = read("Neurogenic claudication from lumbar stenosis. This is her first consideration of an epidural "
                 "injection. Vascular causes were ruled out with a normal ankle-brachial index. She can no "
                 "longer shop or garden.")
    assert facts["stenosis_initial_esi_trial"] is True
    assert facts["other_pain_causes_ruled_out"] is True
    assert facts["functional_limitation_adls"] is True
    assert "functional_limitation_adls" not in read("Phone f/u: no change, can't stand to cook dinner.") or \
        read("Phone f/u: no change, can't stand to cook dinner.")["functional_limitation_adls"] is True


# ------------------------------------------------------------------- misc fixes -------------
def test_born_after_a_pregnancy_is_not_pregnant(read):
    assert "pregnant" not in read("Six-week-old boy born at term after an uncomplicated pregnancy.")
    assert read("She is 20 weeks pregnant.")["pregnant"] is True


def test_urinary_retention_explained_elsewhere_in_the_note(read):
    facts = read("He went into urinary retention and had a catheter placed. The retention was attributed to "
                 "the anticholinergic.")
    assert facts["unexplained_acute_urinary_retention"] is False
    facts = read("Post-void residual of 350 ml and a feeling of incomplete emptying.")
    assert facts["unexplained_acute_urinary_retention"] is True
    assert facts["urinary_retention_or_overflow_incontinence"] is True


def test_treatment_of_another_problem_is_not_spine_treatment(read):
    facts = read("She had a UTI treated in early September. She has been on naproxen since September 22.")
    assert facts["provider_directed_treatment_duration"] == 9
    assert "physical_therapy" not in read("Continue physical therapy for the left knee.").get(
        "conservative_treatments_tried", frozenset())


# ------------------------------------------------------------------- treatment durations ----
def test_treatment_durations(read):
    assert read("Tx: PT started 9/1 - 4 wks so far; gabapentin 300 TID.")["provider_directed_treatment_duration"] == 28
    assert read("Over the last eleven weeks she has had physical therapy and gabapentin, without improvement.")[
        "provider_directed_treatment_duration"] == 77
    assert read("She has now had six and a half weeks of therapy.")["provider_directed_treatment_duration"] == 45.5
    assert read("Despite four weeks of a brace and acetaminophen, she remains bedbound.")[
        "provider_directed_treatment_duration"] == 28
    # an ankle-foot orthosis worn for an old foot drop is not treatment of this episode
    assert "provider_directed_treatment_duration" not in read("He has worn an ankle-foot orthosis since 2018.")
    # occasional over-the-counter use is not provider-directed treatment
    assert "provider_directed_treatment_duration" not in read(
        "Since then she has had no further therapy apart from occasional acetaminophen.")


def test_a_failed_treatment_after_a_negated_list(read):
    facts = read("A: thoracic back pain w/o neuro features, failed PT.")
    assert facts["treatment_failed_to_improve"] is True
    assert facts["conservative_treatments_tried"] == frozenset({"physical_therapy"})


def test_the_end_date_of_a_failed_treatment_is_the_visit_that_documented_it(read):
    facts = read("Since August 8 she has completed ten weeks of physical therapy. I reassessed her on September 28 "
                 "and the arm pain is unchanged.")
    assert facts["conservative_treatment_end_date"] == dt.date(2026, 9, 28)


def test_an_injury_verb_dates_a_bare_month_and_day(read):
    facts = read("65F slipped on wet leaves 9/28, fell backward onto buttocks. LBP since, 7/10.")
    assert facts["spine_injury_date"] == dt.date(2026, 9, 28)
    assert facts["acute_spine_injury"] is True
    assert "spine_injury_date" not in read("He fell and now rates the pain 9/10.")


def test_surgery_after_the_latest_imaging_is_treatment_since_it(read):
    facts = read("Her pre-operative MRI of the lumbar spine was on September 3. She underwent en bloc resection "
                 "of an L3 tumor on September 20.", region="lumbar")
    assert facts["last_advanced_imaging_of_region_date"] == dt.date(2026, 9, 3)
    assert facts["treatment_since_prior_imaging"] is True
    assert facts["clinical_change_since_prior_imaging"] is True
    facts = read("She had an L4-L5 fusion on March 3. A post-operative MRI of the lumbar spine on September 3 "
                 "showed no collection.", region="lumbar")
    assert "treatment_since_prior_imaging" not in facts


def test_tenderness_at_the_level_of_the_x_ray_finding(read):
    facts = read("XR T-spine 9/4: osteopenic; T8 region obscured - nondiagnostic. Exam: TTP T8.")
    assert facts["pain_concordant_with_xray"] is True
    facts = read("Known compression fracture of T12 diagnosed on x-rays. Exam: focal tenderness over T12.")
    assert facts["pain_concordant_with_xray"] is True
    assert "pain_concordant_with_xray" not in read("XR: compression fracture of T12. Exam: tenderness over L3.")
    assert "pain_concordant_with_xray" not in read("XR: compression fracture of T12. Exam: no tenderness over T12.")


# ------------------------------------------------------------------- cord signs -------------
def test_a_negation_inside_parentheses_stops_at_them(read):
    facts = read("New clumsiness of both hands (he can no longer fasten buttons), unsteady gait and tingling "
                 "in both hands. Brisk reflexes.")
    assert facts["myelopathic_symptoms"] >= {"gait_abnormality", "limb_paresthesia", "fine_motor_loss"}
    # a denial in parentheses after the finding still applies to it
    assert read("Saddle anesthesia (none).")["saddle_anesthesia"] is False


def test_cord_signs_and_myelopathic_symptoms(read):
    facts = read("Reflexes 3+ throughout with ankle clonus. Babinski sign upgoing on the right.")
    assert facts["unexplained_cord_signs"] >= {"hyperreflexia", "babinski"}
    facts = read("She has no neck pain, no change in gait or hand use, and no bladder symptoms.")
    assert facts["myelopathic_symptoms"] == frozenset({"none"})


def test_bilateral_hand_tingling_is_cervical_but_not_radicular(read):
    facts = read("New weakness of both hands and tingling in both arms.")
    assert facts["symptom_regions"] == frozenset({"cervical"})
    assert "radicular_pain_present" not in facts
    assert read("Tingling into the right thumb.")["radicular_pain_present"] is True


def test_the_atlanto_axial_joint_is_cervical(read):
    assert read("Plan: CT to assess C1-C2 alignment and the odontoid.")["spine_regions_of_concern"] == frozenset({"cervical"})


def test_the_date_before_an_event_named_after_a_study(read):
    facts = read("Her thoracic CT from September 20, done after a fall at home, showed a fracture.")
    assert "spine_injury_date" not in facts
    assert read("She developed back pain after a fall on September 3.")["spine_injury_date"] == dt.date(2026, 9, 3)
    assert read("Admitted yesterday after a rollover collision.")["spine_injury_date"] == dt.date(2026, 9, 30)


def test_since_that_visit_counts_from_the_visit_not_the_onset(read):
    facts = read("I first examined her in the office on September 1 for back pain that started in mid-August. "
                 "She was prescribed meloxicam at that visit.")
    assert facts["provider_directed_treatment_duration"] == 30


def test_partial_percentages_and_plateaus(read):
    facts = read("PT x 6 wks - maybe 10% better, still waking at night.")
    assert "treatment_failed_to_improve" not in facts or facts["treatment_failed_to_improve"] is True
    assert read("The pain is 70% better after PT.")["treatment_failed_to_improve"] is False
    assert read("After 8 weeks of PT the pain has plateaued with no further progress.")["treatment_failed_to_improve"] is True


def test_denied_hand_and_gait_symptoms(read):
    facts = read("He denies clumsiness of the hands or trouble walking.")
    assert facts["myelopathic_symptoms"] == frozenset({"none"})
    assert "myelopathy_suspected" not in facts


def test_an_old_device_is_still_a_contraindication(read):
    assert read("Dual-chamber pacemaker (2015), leads not MRI-conditional.")["mri_contraindicated"] is True
    assert read("His stimulator's manufacturer does not permit MRI of the lumbar spine.")["mri_contraindicated"] is True


def test_cauda_equina_bedside_findings(read):
    facts = read("Has not voided since last evening (bladder scan 780 ml). Bilat EHL + plantar flexion 4/5. "
                 "No prior back problems.")
    assert facts["urinary_retention_or_overflow_incontinence"] is True
    assert facts["unexplained_acute_urinary_retention"] is True
    assert facts["new_bilateral_leg_weakness"] is True
    assert facts["new_onset_spinal_pain"] is True


def test_infection_labs_that_rise(read):
    facts = read("Known L3-L4 discitis on cefazolin. CRP has risen from 40 to 112 and the white count is 15.6.")
    assert "infection_labs" in facts["infection_risk_factors"]


def test_longstanding_pain_and_a_neuropathy_explaining_the_numbness(read):
    facts = read("The same dull low back ache for about fifteen years, unchanged. The reduced sensation in both "
                 "feet is explained by his diabetic neuropathy.")
    assert facts["new_onset_spinal_pain"] is False
    assert facts["sensory_loss_from_peripheral_neuropathy"] is True
    assert facts["dermatomal_sensory_loss"] is False


def test_spinal_pain_of_days_or_weeks_is_a_new_episode(read):
    assert read("38F, LBP x 10 d, worsening.")["new_onset_spinal_pain"] is True
    assert read("She reports mid-back pain for about five weeks with no injury.")["new_onset_spinal_pain"] is True
    assert "new_onset_spinal_pain" not in read("Chronic low back pain for 3 weeks of a flare.") or \
        read("Chronic low back pain for 3 weeks of a flare.")["new_onset_spinal_pain"] is False
    # a stated long history wins over the weak reading
    assert read("Low back pain for two weeks; the same ache for twenty years.")["new_onset_spinal_pain"] is False
