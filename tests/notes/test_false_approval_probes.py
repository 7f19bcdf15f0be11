"""False-approval probes: whole notes, one fact short of an approval, with ONE statement varied in
ways that must not supply the missing fact - an unticked check box, a relative's or spouse's
finding, the patient's own reading or fears, a course for another body part or region, an order or
referral not carried out, a course given up after one visit, copy-forward text, an earlier year's
episode, an open question, a grade given up since or put down to something else. Each note has a
control: the positive wording approves, so no test here passes vacuously."""

from __future__ import annotations

import pytest

from probe_notes import LUMBAR_TRIAL_NOTE, ON, Probe, probe_tests
from spinecheck.notes import extract


# ---------------------------------------------------------------- EviCore SP-5.1: six-week trial
TRIAL_NOT_DONE = [
    # another body part or spinal region
    "She completed 7 weeks of physical therapy for her neck.",
    "She completed 7 weeks of physical therapy for neck pain last year.",
    "She completed 7 weeks of physical therapy for a knee injury.",
    "She completed 7 weeks of physical therapy after her shoulder surgery.",
    "The chiropractor she saw 7 weeks ago was for her neck.",
    # an unticked check box
    "Physical therapy x 7 weeks: [ ]",
    "[ ] Physical therapy x 7 weeks",
    # the patient's reading
    "She read online that 7 weeks of physical therapy helps.",
    # ordered, referred, advised, authorised - but not done
    "Physical therapy for 7 weeks was not authorized.",
    "Physical therapy was ordered 7 weeks ago; the first visit is next week.",
    "Physical therapy ordered 7 weeks ago, not yet started.",
    "PT referral placed 7 weeks ago.",
    "PT referral 7 weeks ago.",
    "Treatment so far: rest only. PT was recommended 7 weeks ago.",
    "7 weeks ago she was advised to start physical therapy.",
    "She intended to start physical therapy 7 weeks ago.",
    "She was supposed to start physical therapy 7 weeks ago.",
    "Plan from 7 weeks ago: physical therapy for 6 weeks.",
    "7 weeks of physical therapy - not done.",
    "7 weeks of physical therapy: declined.",
    "Physical therapy (7 weeks) - patient refused.",
    # a date, not a course
    "Physical therapy was started 7 weeks ago but stopped after one visit.",
    "She attended one session of physical therapy 7 weeks ago.",
    "She went to physical therapy once, 7 weeks ago, and did not return.",
    "She was instructed in a home exercise program 7 weeks ago but has not been doing it.",
    "She was given naproxen 7 weeks ago but never took it.",
    "Naproxen was prescribed 7 weeks ago; she did not fill it.",
    "She stopped naproxen after 2 days because of stomach upset, about 7 weeks ago.",
    # another episode, copy-forward text
    "Years ago she completed 7 weeks of physical therapy for a different episode.",
    "Last year she completed 7 weeks of physical therapy.",
    "Previous note (10/2025): completed 7 weeks of physical therapy.",
    "Copied from last year's note: completed 7 weeks of physical therapy.",
]
TRIAL_DONE = [
    "She completed 7 weeks of physical therapy with good compliance.",
    "She started physical therapy 7 weeks ago and has attended twice weekly.",
    "She was referred to physical therapy 7 weeks ago, which she started the same week and still attends.",
    "Low back pain since early August; she completed 7 weeks of physical therapy for her low back.",
]


# ---------------------------------------------------------------- EviCore SP-1.2 red flags
RED_FLAG_NOTE = """Visit in clinic today; I examined him in person. 52-year-old man with low back pain and right leg pain for 2 weeks, no injury.
He has taken ibuprofen for 10 days.
{x}
Exam: tenderness over L4-5, SLR positive on the right.
Assessment: lumbar radiculopathy. Request: MRI lumbar spine without contrast."""
NOT_RED_FLAGS = [
    "[ ] saddle anesthesia",
    "Saddle anesthesia: [ ]",
    "He read online that saddle numbness can happen.",
    "He is afraid of getting saddle numbness.",
    "Foot drop would be a reason for urgent MRI.",
    "Discussed that foot drop may occur.",
    "He has had urinary retention from BPH for years.",
    "Ankle dorsiflexion was 3/5 last year, now 5/5.",
    "Strength was 3/5 at the prior visit, now 5/5.",
    "Weakness 3/5 in the left deltoid (cervical).",
    "Left deltoid 3/5 from a rotator cuff tear.",
    "Grip strength 3/5 on the right due to carpal tunnel syndrome.",
    "Hip flexion 3/5, limited by pain.",
    "Hip flexion 3/5, effort-limited due to pain.",
    "Cervical exam: left hand weakness 3/5.",
    "Neck: new left arm weakness 3/5.",
    "Bilateral leg pain in his wife.",
    "Bilateral leg weakness last year during a Guillain-Barre episode, resolved.",
    "Bilateral leg weakness from his known MS, unchanged.",
    "Reports new numbness in the saddle area? Unsure.",
    "Saddle numbness unclear.",
    "Saddle numbness not assessed.",
    # an arm muscle's grade says nothing about a lumbar study
    "Left deltoid 3/5, new since last week.",
    "New weakness of left grip, 3/5.",
    "Left wrist extension 3/5 on today's exam.",
    # already read correctly: kept so that they stay so
    "Does he have saddle numbness? No.",
    "His father had a foot drop.",
    "He had a right foot drop years ago that resolved.",
    "If foot drop develops, will get MRI.",
    "Urinary retention due to BPH, on tamsulosin.",
    "Rule out cauda equina syndrome.",
]
RED_FLAGS = [
    "New right foot drop, ankle dorsiflexion 2/5.",
    "[x] saddle anesthesia",
    "Saddle numbness? Yes.",
    "He reports new numbness in the saddle area.",
    "Right hip flexion 3/5 and knee extension 3/5, new since last week.",
    "New bilateral leg weakness over 3 days.",
    "Left ankle dorsiflexion 3/5, new since last week.",
]


@pytest.mark.parametrize("region, muscle, counts", [
    ("cervical", "Left deltoid 3/5.", True), ("lumbar", "Left deltoid 3/5.", False),
    ("thoracic", "Left biceps strength is 3/5.", False), ("lumbar", "Left EHL 3/5.", True),
    ("cervical", "Right ankle dorsiflexion 3/5.", True),  # the cord: leg weakness counts for the neck
])
def test_a_weakness_grade_counts_for_the_regions_whose_roots_or_cord_move_that_muscle(
        region: str, muscle: str, counts: bool) -> None:
    assert (extract(muscle, ON, region=region).facts.values.get("new_weakness_grade") == 3.0) is counts


# ---------------------------------------------------------------- Cohere CT-IND-1
COHERE_NOTE = """Office visit today, examined in person. 58-year-old man with new low back pain since mid-July, no injury or fall.
He took naproxen for 8 weeks with no improvement.
{therapy}
{mri}
No leg weakness, numbness, fever, weight loss, bowel or bladder change. No history of cancer.
Exam: lumbar tenderness, strength 5/5, reflexes symmetric.
No prior MRI or CT of the spine.
Assessment: persistent low back pain. Request: CT lumbar spine without contrast."""
THERAPY = "He also completed 7 weeks of physical therapy."
MRI_BARRIER = "He has a pacemaker that is not MRI-conditional."
NO_ACTIVE_THERAPY = [
    "His wife does physical therapy.",
    "He attended one physical therapy session and stopped.",
    "He is thinking about trying physical therapy.",
    "Physical therapy is an option.",
    "He cannot afford physical therapy.",
    "PT: [ ]",
    "[ ] Physical therapy",
    "He was referred to physical therapy.",
    "PT authorization is pending.",
    "Chiropractic care: declined.",
    "He did physical therapy for his neck this summer.",
    "Physical therapy years ago for a different problem.",
    "Copied from prior note: completed physical therapy.",
]
NO_MRI_BARRIER = [
    "He is worried he cannot have an MRI because of metal in his knee.",
    "Pacemaker: [ ]",
    "His wife has a pacemaker.",
    "Pacemaker was removed in 2019.",
    "Cardiology is considering a pacemaker.",
    "Does he have a pacemaker? No.",
]


# ---------------------------------------------------------------- the probes, whole notes
PROBES = [
    Probe("SP-5.1 six-week trial", LUMBAR_TRIAL_NOTE.replace("{onset}", "early August"), "evicore-spine-2026", "72148",
          "1979-01-01", "female", TRIAL_NOT_DONE, TRIAL_DONE),
    Probe("SP-1.2 red flag", RED_FLAG_NOTE, "evicore-spine-2026", "72148", "1974-01-01", "male", NOT_RED_FLAGS, RED_FLAGS),
    # two slots: each varied with the other filled by its control
    Probe("CT-IND-1 active therapy", COHERE_NOTE.format(therapy="{x}", mri=MRI_BARRIER), "cohere-ct-spine-2.1",
          "72131", "1968-01-01", "male", NO_ACTIVE_THERAPY, [THERAPY]),
    Probe("CT-IND-1 MRI barrier", COHERE_NOTE.format(therapy=THERAPY, mri="{x}"), "cohere-ct-spine-2.1", "72131",
          "1968-01-01", "male", NO_MRI_BARRIER, [MRI_BARRIER]),
]
test_a_statement_that_does_not_supply_the_fact_never_approves, test_the_statement_that_supplies_it_approves = \
    probe_tests(PROBES)


# ---------------------------------------------------------------- facts, sentence by sentence
@pytest.mark.parametrize("sentence", [
    "His wife has a pacemaker.", "Her partner had a foot drop.", "Claustrophobia in his wife.",
])
def test_another_persons_finding_sets_nothing(sentence: str) -> None:
    facts = extract(sentence, ON, region="lumbar").facts.values
    assert not any(facts.get(k) is True for k in ("mri_contraindicated", "new_foot_drop", "claustrophobia")), facts


def test_a_spouse_who_noticed_a_symptom_leaves_it_the_patients() -> None:
    facts = extract("His wife has noticed that he drags his right foot; new right foot drop on exam.", ON,
                    region="lumbar").facts.values
    assert facts.get("new_foot_drop") is True


@pytest.mark.parametrize("sentence", ["Physical therapy was ordered 7 weeks ago.", "PT referral 7 weeks ago.",
                                      "She attended one session of physical therapy 7 weeks ago."])
def test_a_date_of_an_order_or_a_visit_is_no_duration(sentence: str) -> None:
    facts = extract(sentence, ON, region="lumbar").facts.values
    assert "provider_directed_treatment_duration" not in facts and "conservative_treatment_duration" not in facts


@pytest.mark.parametrize("sentence", ["She started physical therapy 7 weeks ago.", "Physical therapy began 7 weeks ago.",
                                      "Physical therapy since her visit here 7 weeks ago."])
def test_a_treatment_started_n_weeks_ago_has_lasted_n_weeks(sentence: str) -> None:
    facts = extract(sentence, ON, region="lumbar").facts.values
    assert facts.get("provider_directed_treatment_duration") == 49


def test_pain_since_last_year_is_current() -> None:
    facts = extract("Low back pain since last year, worse for 2 weeks.", ON, region="lumbar").facts.values
    assert "lumbar" in facts.get("symptom_regions", frozenset())
