"""EviCore SP-1.0, SP-1.2, SP-5.1 and SP-6.1 end to end through review_data."""

from __future__ import annotations

from spinecheck.review import review_data
from tests.conftest import base_request


def one(request):
    [d] = review_data(request)
    return d


def test_sp5_1_approve_at_exactly_six_weeks():
    d = one(base_request())
    assert d["outcome"] == "approve" and d["guideline"] == "SP-5.1"
    assert d["request_id"] == "req-1"
    assert d["policy"]["id"] == "evicore-spine-2026" and d["policy"]["version"] == "v2.0.2026"


def test_sp5_1_five_weeks_six_days_is_not_met_with_referral():
    d = one(base_request(facts={"provider_directed_treatment_duration": "5 weeks 6 days"}))
    assert d["outcome"] == "not_met"
    assert d["guideline"] == "SP-5.1"
    assert "physician reviewer" in d["summary"]


def test_sp5_1_phone_only_evaluation_is_not_in_person():
    d = one(base_request(facts={"in_person_evaluation_current_episode": False}))
    assert d["outcome"] == "not_met"


def test_sp5_1_silent_record_pends_with_questions():
    req = base_request()
    req["facts"] = {"symptom_regions": ["lumbar"], "in_person_evaluation_current_episode": True}
    d = one(req)
    assert d["outcome"] == "pend"
    asked = {m["fact"] for m in d["missing"]}
    assert {"provider_directed_treatment_duration", "treatment_failed_to_improve",
            "reevaluation_after_treatment", "red_flags_absent"} <= asked
    assert "symptom_regions" not in asked


def test_sp5_1_contrast_variant_suggests_plain_mri():
    d = one(base_request(cpt="72158"))
    assert d["outcome"] == "not_met"
    assert d["suggested_cpt"] == ["72148"]


def test_sp5_1_ct_needs_mri_contraindication():
    d = one(base_request(cpt="72131", facts={"mri_contraindicated": False}))
    assert d["outcome"] == "not_met" and "72148" in d["suggested_cpt"]
    d = one(base_request(cpt="72131", facts={"mri_contraindicated": True}))
    assert d["outcome"] == "approve"
    d = one(base_request(cpt="72131"))
    assert d["outcome"] == "pend" and "mri_contraindicated" in {m["fact"] for m in d["missing"]}


def test_sp6_1_lower_extremity_radiculitis_route():
    # radiculitis (SP-1.3): radicular pain without objective neurological findings
    req = base_request(facts={"symptom_regions": ["cervical"], "lower_extremity_neuro_symptoms": True,
                              "radicular_pain_present": True, "objective_neuro_findings": False})
    d = one(req)
    assert d["outcome"] == "approve" and d["guideline"] == "SP-6.1"
    # leg symptoms without a radicular picture do not make the SP-6.1 pathway
    req["facts"]["radicular_pain_present"] = False
    req["facts"].update({"dermatomal_symptoms": ["none"]})
    assert one(req)["outcome"] != "approve"


def test_sp1_2_red_flag_waives_the_six_week_trial():
    d = one(base_request(facts={"provider_directed_treatment_duration": "1 week", "red_flags_absent": None,
                                "new_foot_drop": True}))
    assert d["outcome"] == "approve"


def test_sp1_2_cauda_equina_needs_no_trial_but_in_person_exam():
    req = base_request()
    req["facts"] = {"in_person_evaluation_current_episode": True, "saddle_anesthesia": True,
                    "other_spine_conditions_absent": True}
    d = one(req)
    assert d["outcome"] == "approve" and d["guideline"].startswith("SP-1.2")
    req["facts"]["in_person_evaluation_current_episode"] = False
    assert one(req)["outcome"] != "approve"


def test_sp1_2_weakness_grade_boundary():
    req = base_request(cpt="72158")
    req["facts"] = {"in_person_evaluation_current_episode": True, "symptom_regions": ["lumbar"],
                    "new_weakness_grade": 3, "other_spine_conditions_absent": True}
    assert one(req)["outcome"] == "approve"
    req["facts"]["new_weakness_grade"] = 4
    req["facts"]["red_flags_absent"] = True
    assert one(req)["outcome"] == "not_met"


def test_sp1_2_severe_radicular_pain_vas_and_days():
    facts = {"in_person_evaluation_current_episode": True, "symptom_regions": ["lumbar"],
             "radicular_pain_vas": 9, "significant_functional_loss": True,
             "provider_directed_treatment_duration": "7 days", "treatment_failed_to_improve": True,
             "treatment_plan": ["transforaminal_esi"], "reevaluation_after_treatment": True,
             "other_spine_conditions_absent": True}
    req = base_request()
    req["facts"] = dict(facts)
    assert one(req)["outcome"] == "approve"
    req["facts"] = {**facts, "radicular_pain_vas": 8, "red_flags_absent": True}
    assert one(req)["outcome"] == "not_met"
    req["facts"] = {**facts, "provider_directed_treatment_duration": "6 days", "red_flags_absent": True}
    assert one(req)["outcome"] == "not_met"


def test_sp1_2_cancer_age_qualifier_is_strictly_over_70():
    facts = {"in_person_evaluation_current_episode": True, "symptom_regions": ["lumbar"],
             "spinal_malignancy_suspected": True, "cancer_history": False,
             "other_spine_conditions_absent": True}
    req = base_request(date="2026-10-01", patient={"birth_date": "1955-10-01", "sex": "male"})  # 71 today
    req["facts"] = dict(facts)
    assert one(req)["outcome"] == "approve"
    req["patient"] = {"birth_date": "1955-10-02", "sex": "male"}  # still 70
    req["facts"] = {**facts, "night_pain": False, "unintended_weight_loss": False,
                    "pain_unrelieved_by_position": False, "severe_or_worsening_spinal_pain": False}
    assert one(req)["outcome"] != "approve"


def test_sp1_2_known_cancer_goes_to_oncology_guideline():
    req = base_request(facts={"cancer_history": True, "spinal_malignancy_suspected": True})
    d = one(req)
    assert d["outcome"] == "out_of_scope" and d["guideline"].startswith("ONC-31.6")


def test_sp1_2_aortic_dissection_goes_to_pvd6():
    d = one(base_request(facts={"aortic_dissection_suspected": True}))
    assert d["outcome"] == "out_of_scope" and d["guideline"].startswith("PVD-6")


def test_sp6_1_plexopathy_goes_to_pn5():
    d = one(base_request(facts={"lumbosacral_plexopathy": True}))
    assert d["outcome"] == "out_of_scope" and d["guideline"].startswith("PN-5")


def test_structured_facts_override_and_show_their_source():
    d = one(base_request())
    sources = {f["name"]: f["source"] for f in d["facts"]}
    assert sources["symptom_regions"] == "request.facts"
    assert sources["patient_age"] == "derived"


def test_determinations_are_reproducible():
    assert one(base_request()) == one(base_request())


def test_pend_asks_a_few_deciding_questions_not_every_chapter():
    """Three weeks of treatment for low back pain: only a red flag (SP-1.2) or another scenario
    the record does not mention could change the result, so two questions are asked, not one
    per chapter of the policy."""
    req = base_request(facts={"provider_directed_treatment_duration": "3 weeks"})
    del req["facts"]["red_flags_absent"], req["facts"]["other_spine_conditions_absent"]
    d = one(req)
    assert d["outcome"] == "pend" and d["guideline"] == "SP-5.1"
    assert [m["fact"] for m in d["missing"]] == ["red_flags_absent", "other_spine_conditions_absent"]
    req["facts"].update({"red_flags_absent": True, "other_spine_conditions_absent": True})
    assert one(req)["outcome"] == "not_met"
