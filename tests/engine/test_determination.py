"""Every outcome kind and construct of the engine, on the small demo policy in tests/fixtures."""

MET = {"pain": True, "regions": ["lumbar"], "therapy": "6 weeks", "therapy_end": "2026-09-15",
       "imaged_recently": False}


def test_approve_when_a_pathway_holds(run_demo):
    d = run_demo(MET)
    assert d["outcome"] == "approve"
    assert d["guideline"] == "S-1"
    assert d["missing"] == []
    decisive = [e for e in d["criteria"] if e["decisive"]]
    assert [e["id"] for e in decisive] == ["p-mri"]
    assert decisive[0]["status"] == "met"


def test_exactly_six_weeks_meets_and_five_weeks_six_days_does_not(run_demo):
    assert run_demo({**MET, "therapy": "6 weeks"})["outcome"] == "approve"
    assert run_demo({**MET, "therapy": "42 days"})["outcome"] == "approve"
    d = run_demo({**MET, "therapy": "5 weeks 6 days", "no_flags": True})
    assert d["outcome"] == "not_met"
    assert "none of (At least six weeks / Any flag)" in d["summary"]
    assert "physician reviewer" in d["summary"]


def test_months_window_uses_the_calendar(run_demo):
    # request 2026-10-01: six months back is 2026-04-01 (inclusive)
    assert run_demo({**MET, "therapy_end": "2026-04-01"})["outcome"] == "approve"
    d = run_demo({**MET, "therapy_end": "2026-03-31", "no_flags": True})
    assert d["outcome"] == "not_met"


def test_more_than_ago_is_strict(run_demo):
    base = {"score": 9, "stage": "late"}
    # 5 months 3 weeks before 2026-10-01 is not more than 6 months
    assert run_demo({**base, "surgery_date": "2026-04-10"}, cpt="72131")["outcome"] == "not_met"
    assert run_demo({**base, "surgery_date": "2026-04-01"}, cpt="72131")["outcome"] == "not_met"
    assert run_demo({**base, "surgery_date": "2026-03-31"}, cpt="72131")["outcome"] == "approve"


def test_silence_pends_with_exactly_the_deciding_questions(run_demo):
    d = run_demo({"pain": True, "regions": ["lumbar"], "imaged_recently": False})
    assert d["outcome"] == "pend"
    asked = [m["fact"] for m in d["missing"]]
    # therapy facts and the one 'no flags' question settle it; pain and region are answered
    assert asked == ["therapy", "therapy_end", "no_flags"]
    assert all(m["question"].endswith("?") for m in d["missing"])


def test_ruled_out_group_turns_unknown_into_false(run_demo):
    d = run_demo({"pain": True, "regions": ["lumbar"], "therapy": "2 weeks", "no_flags": True,
                  "imaged_recently": False})
    assert d["outcome"] == "not_met"
    # a positive flag still wins over the blanket statement
    d = run_demo({"pain": True, "regions": ["lumbar"], "therapy": "2 weeks", "no_flags": True,
                  "flag_a": True, "imaged_recently": False})
    assert d["outcome"] == "approve"


def test_negative_answer_that_cannot_be_rescued_is_not_met_not_pend(run_demo):
    d = run_demo({"pain": False})
    assert d["outcome"] == "not_met"
    assert d["missing"] == []


def test_region_of_the_code_must_be_symptomatic(run_demo):
    d = run_demo({**MET, "regions": ["cervical"], "no_flags": True, "stage": "late"})
    assert d["outcome"] == "not_met"
    assert d["suggested_cpt"] == ["72141"]


def test_suggests_supported_alternative_for_an_unsupported_variant(run_demo):
    d = run_demo(MET, cpt="72158")
    assert d["outcome"] == "not_met"
    assert d["suggested_cpt"] == ["72148"]
    assert "physician reviewer" in d["summary"]


def test_at_least_with_unknowns(run_demo):
    base = {"surgery_date": "2025-01-01"}
    assert run_demo({**base, "score": 9}, cpt="72131")["outcome"] == "pend"
    assert run_demo({**base, "score": 8, "stage": "early"}, cpt="72131", birth="1966-10-01")["outcome"] == "not_met"
    # patient turns 60 on the request date: not older than 60
    assert run_demo({**base, "score": 9, "stage": "early"}, cpt="72131", birth="1966-10-01")["outcome"] == "not_met"
    assert run_demo({**base, "score": 9, "stage": "early"}, cpt="72131", birth="1965-10-01")["outcome"] == "approve"


def test_not_node(run_demo):
    assert run_demo({"regions": ["cervical"], "stage": "late"}, cpt="72141")["outcome"] == "approve"
    assert run_demo({"regions": ["cervical"], "stage": "early"}, cpt="72141")["outcome"] == "not_met"
    d = run_demo({"regions": ["cervical"]}, cpt="72141")
    # the leading (here the only) open pathway asks its own scenario question
    assert d["outcome"] == "pend" and [m["fact"] for m in d["missing"]] == ["stage"]


def test_redirect_is_out_of_scope_naming_the_guideline(run_demo):
    d = run_demo({**MET, "elsewhere_case": True})
    assert d["outcome"] == "out_of_scope"
    assert d["guideline"] == "OTHER-1 (Other guideline)"


def test_code_not_governed_is_out_of_scope(run_demo):
    d = run_demo(MET, cpt="70551")
    assert d["outcome"] == "out_of_scope"
    assert d["guideline"] == "brain imaging policy"
    d = run_demo(MET, cpt="72125")
    assert d["outcome"] == "out_of_scope" and d["guideline"] == "another policy"


def test_must_rule_out_exclusion_pends_a_met_pathway(run_demo):
    facts = {k: v for k, v in MET.items() if k != "imaged_recently"}
    d = run_demo(facts)
    assert d["outcome"] == "pend"
    assert [m["fact"] for m in d["missing"]] == ["imaged_recently"]
    d = run_demo({**facts, "imaged_recently": True})
    assert d["outcome"] == "not_met"
    assert d["guideline"] == "S-2"


def test_exclusion_without_condition_always_holds(run_demo):
    d = run_demo({}, cpt="76390")
    assert d["outcome"] == "not_met"
    assert "never supported" in d["summary"]


def test_when_no_pathway_met_exclusion_only_explains(run_demo):
    d = run_demo({"pain": False, "never_case": True})
    assert d["outcome"] == "not_met"
    assert d["criteria"][0]["id"] == "x-no-pathway"
    assert run_demo({**MET, "never_case": True})["outcome"] == "approve"


def test_info_notes_never_change_the_outcome(run_demo):
    d = run_demo({**MET, "pregnant": True})
    assert d["outcome"] == "approve"
    assert [n["id"] for n in d["notes"]] == ["n-pregnancy"]
    assert run_demo({**MET, "pregnant": False})["notes"] == []


def test_trace_carries_evidence_for_every_leaf(run_demo):
    d = run_demo(MET)
    node = d["criteria"][0]["node"]
    leaves = []

    def walk(n):
        if n["kind"] == "fact":
            leaves.append(n)
        for c in n.get("children") or []:
            walk(c)

    walk(node)
    pain = next(n for n in leaves if n["fact"] == "pain")
    assert pain["status"] == "met"
    assert pain["evidence"] == [{"source": "request.facts", "field": "facts.pain"}]
    assert pain["test"] == "pain eq true"
    region = next(n for n in leaves if n["fact"] == "regions")
    assert region["test"] == "regions has <request_region>"


def test_every_output_says_not_met_is_not_a_denial(run_demo):
    for facts in (MET, {"pain": False}, {}):
        d = run_demo(facts)
        assert "physician reviewer" in d["reviewer_notice"]
        assert "never denies" in d["reviewer_notice"]


def test_determination_matches_published_schema(run_demo):
    from spinecheck.models import Determination

    for facts, cpt in ((MET, "72148"), ({"pain": False}, "72148"), ({}, "72148"), (MET, "70551")):
        Determination.model_validate(run_demo(facts, cpt=cpt))


def test_policy_hash_and_engine_version_are_reported(run_demo, demo_policy):
    d = run_demo(MET)
    assert d["policy"] == {"id": "demo-policy", "version": "1", "hash": demo_policy.content_hash}
    assert d["policy"]["hash"].startswith("sha256:") and len(d["policy"]["hash"]) == 71
    assert d["engine_version"]


def test_blanket_statement_answers_covered_facts_as_absent(run_demo):
    d = run_demo({"regions": ["cervical"], "nothing_else": True}, cpt="72141")
    assert d["outcome"] == "approve"  # not early stage, since the record rules staging out
    leaf = d["criteria"][0]["node"]["children"][1]["children"][0]
    assert leaf["fact"] == "stage" and leaf["value"] == "none"
    assert leaf["evidence"] == [{"source": "derived", "field": "facts.nothing_else"}]
    # implied facts are not repeated in the facts list; the statement that implies them is
    assert {f["name"] for f in d["facts"]} >= {"nothing_else", "regions"}
    assert "stage" not in {f["name"] for f in d["facts"]}
    # an explicit answer, and an explicit unknown, are never overridden
    d = run_demo({"regions": ["cervical"], "nothing_else": True, "stage": "early"}, cpt="72141")
    assert d["outcome"] == "not_met"
    d = run_demo({"regions": ["cervical"], "nothing_else": True, "stage": None}, cpt="72141")
    assert d["outcome"] == "pend"


def test_at_least_ago_includes_the_anniversary(demo_catalog):
    import datetime as dt

    from spinecheck.engine.compiled import UNSET, CNode, Env, _date_test

    assert demo_catalog["surgery_date"].type == "date"
    node = CNode(idx=0, id="x", text="x", cite="S-1", kind="fact", children=(), fact="surgery_date",
                 op="at_least_ago", value="12 months")
    test = _date_test(node)
    env = lambda d: Env(facts={"surgery_date": d}, request_date=dt.date(2026, 10, 1), out=[UNSET], cutoffs={})  # noqa: E731
    assert test(env(dt.date(2025, 10, 1))) is True
    assert test(env(dt.date(2025, 10, 2))) is False
    assert test(env(dt.date(2024, 1, 1))) is True


def test_redirect_that_may_apply_holds_an_approval(run_demo):
    # flag B is documented, whether the case is late stage (the link) is not: pend on it
    d = run_demo({**MET, "flag_b": True})
    assert d["outcome"] == "pend"
    assert [m["fact"] for m in d["missing"]] == ["stage"]
    assert run_demo({**MET, "flag_b": True, "stage": "late"})["outcome"] == "out_of_scope"
    assert run_demo({**MET, "flag_b": True, "stage": "early"})["outcome"] == "approve"
    assert run_demo(MET)["outcome"] == "approve"  # nothing suggests the redirect: not asked



def test_approval_lists_only_what_decided_it_unless_full_is_asked():
    """An approval's decisive trace shows the met pathway (and its definitions); the other
    pathways' statuses appear with explain="full"."""
    from spinecheck.review import review_data

    request = {"id": "a", "policy": "evicore-spine-2026", "cpt": "72148", "date": "2026-10-01",
               "patient": {"birth_date": "1970-01-01", "sex": "female"},
               "facts": {"symptom_regions": ["lumbar"], "in_person_evaluation_current_episode": True,
                         "provider_directed_treatment_duration": "6 weeks", "treatment_failed_to_improve": True,
                         "reevaluation_after_treatment": True}}
    compact = review_data(request)[0]
    full = review_data(request, explain="full")[0]
    assert compact["outcome"] == full["outcome"] == "approve"
    assert [e["id"] for e in compact["criteria"] if e["role"] == "pathway"] == ["sp5-1-mri"]
    assert all(e["decisive"] or e["role"] == "definition" for e in compact["criteria"])
    others = [e for e in full["criteria"] if e["role"] == "pathway" and not e["decisive"]]
    assert len(others) > 10 and all(e["status"] in ("met", "not_met", "unknown") for e in others)
    # the met trial carried "trial or red flag": the red-flag alternative is listed by status only
    general = next(e for e in compact["criteria"] if e["id"] == "sp1-general-requirements")
    either = next(n for n in general["node"]["children"] if n["id"] == "sp1-trial-or-red-flag")
    flags = next(n for n in either["children"] if n["id"] == "sp1-red-flag-present")
    assert flags["status"] == "unknown" and "children" not in flags
    assert not any(e["id"] == "sp1-red-flag-present" for e in compact["criteria"])
    full_general = next(e for e in full["criteria"] if e["id"] == "sp1-general-requirements")
    assert any(e["id"] == "sp1-red-flag-present" for e in full["criteria"]) or "children" in next(
        n for n in full_general["node"]["children"] if n["id"] == "sp1-trial-or-red-flag")["children"][1]
