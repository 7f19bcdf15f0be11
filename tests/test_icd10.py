"""Diagnosis codes fill facts nothing else answered, with the code as evidence."""

from spinecheck.icd10 import load_mappings
from spinecheck.review import review_data
from tests.conftest import base_request


def facts_of(request):
    [d] = review_data(request)
    return {f["name"]: f for f in d["facts"]}


def test_mapping_file_is_valid_and_names_catalog_facts():
    assert len(load_mappings()) >= 30


def test_codes_fill_unanswered_facts_with_evidence():
    req = base_request(icd10=["M54.16", "Z85.3"])
    req["facts"] = {"in_person_evaluation_current_episode": True}
    facts = facts_of(req)
    assert facts["symptom_regions"]["value"] == ["lumbar"]
    assert facts["lower_extremity_neuro_symptoms"]["value"] is True
    assert facts["cancer_history"]["source"] == "request.icd10"
    assert facts["cancer_history"]["evidence"] == [{"source": "request", "field": "icd10[1]", "text": "Z85.3"}]


def test_structured_facts_win_over_codes():
    req = base_request(icd10=["M54.2"])  # cervicalgia; the request says lumbar
    facts = facts_of(req)
    assert facts["symptom_regions"]["value"] == ["lumbar"]
    assert facts["symptom_regions"]["source"] == "request.facts"


def test_regions_from_several_codes_are_combined():
    req = base_request(icd10=["M54.2", "M54.50"])
    req["facts"] = {}
    assert facts_of(req)["symptom_regions"]["value"] == ["cervical", "lumbar"]


def test_unmapped_codes_change_nothing():
    assert review_data(base_request(icd10=["R51.9"])) == review_data(base_request())
