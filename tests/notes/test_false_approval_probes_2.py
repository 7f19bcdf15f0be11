"""False-approval probes, second round: trauma (EviCore SP-3.2/SP-6.2, Cohere CT-IND-11), durations
and dates of treatment, radicular pain scores (SP-1.2 severe radicular pain) and MRI
contraindications. Same method as test_false_approval_probes.py: a whole note one fact short of an
approval, ONE statement varied, and a control in which the positive wording approves, so that no
test here passes by reading nothing."""

from __future__ import annotations

import pytest

from probe_notes import LUMBAR_TRIAL_NOTE, ON, Probe, probe_tests
from spinecheck.notes import extract


# ---------------------------------------------------------------- EviCore SP-6.2: high-risk low back injury
LUMBAR_TRAUMA = """Visit in clinic today; I examined her in person. 52-year-old woman with low back pain for 3 days.
{x}
No leg pain, numbness or weakness. No fever, weight loss, bowel or bladder change. No history of cancer.
Exam: paraspinal tenderness, no midline tenderness, strength 5/5, reflexes symmetric.
Assessment: acute low back pain. Request: MRI lumbar spine without contrast."""
NOT_A_HIGH_ENERGY_INJURY_OF_HERS = [
    # another person's accident
    "Her husband fell 10 feet from a ladder yesterday.",
    "She witnessed her husband fall 10 feet from a ladder yesterday.",
    "Her son fell from a ladder yesterday; she has been lifting him.",
    "Her coworker fell 10 feet from a scaffold yesterday.",
    # a fall from below 3 feet is no fall from a height
    "She fell 2 feet from a step stool yesterday.",
    "She fell 1 foot off a curb yesterday.",
    # the pain came first
    "She fell 10 feet from a ladder yesterday, injuring her wrist only; the back pain began before the fall.",
]
HIGH_ENERGY_INJURIES = [
    "She fell 10 feet from a ladder yesterday.",
    "She fell 10 feet from a ladder 3 days ago.",
]


# ---------------------------------------------------------------- EviCore SP-3.2: high-risk neck injury
NECK_TRAUMA = """Visit in clinic today; I examined him in person. 50-year-old man with neck pain since a rear-end collision on September 17, 2026; he was restrained and the airbags did not deploy.
{x}
No arm pain, numbness or weakness. No fever, weight loss. No history of cancer.
Exam: cervical paraspinal tenderness, strength 5/5, reflexes symmetric, gait normal.
Assessment: cervical strain after MVC. Request: MRI cervical spine without contrast."""
NOT_A_NECK_RISK_FACTOR = [
    # an unticked check box, with a denial on the next line (the box's exception for "[ ] yes / no"
    # answers used to look past the end of the line)
    "Head trauma: [ ]",
    "Head injury: [ ]",
    # another year's injury
    "He had a head injury playing football in college.",
    "In high school he had a head injury.",
    "At age 12 he hit his head falling off a bike.",
    # another person's injury
    "His wife hit her head on the dashboard.",
    "His passenger hit her head on the dashboard.",
    "The other driver was ejected.",
    "The other driver was unrestrained.",
    # a screening test, not a diagnosis
    "Osteoporosis screening was normal.",
    "He is at risk of osteoporosis.",
    # already read correctly: kept so that they stay so
    "He did not hit his head.",
    "No head trauma.",
    "His mother has osteoporosis.",
    "He fell down 10 stairs 2 years ago.",
    "His father fell down the stairs last week.",
]
NECK_RISK_FACTORS = [
    "He hit his head on the steering wheel.",
    "Head trauma: [x]",
    "He has osteoporosis.",
]


@pytest.mark.parametrize("text, value", [
    ("Neck pain.\nSaddle anesthesia: [ ]\nNo arm pain.", None),
    ("Neck pain.\nSaddle anesthesia: [ ] yes [x] no\nArm pain.", False),
    ("Neck pain.\nSaddle anesthesia: [x] yes [ ] no\nArm pain.", True),
])
def test_an_unticked_box_at_the_end_of_a_line_asserts_nothing(text: str, value: bool | None) -> None:
    assert extract(text, ON, region="cervical").facts.values.get("saddle_anesthesia") is value


# ---------------------------------------------------------------- Cohere CT-IND-11: initial imaging after the injury
COHERE_TRAUMA = """Office visit today, examined in person. 60-year-old woman who slipped on ice and fell onto her back on September 8, 2026.
Her low back pain has persisted and is worse this week. She has osteoporosis on alendronate.
{x}
No leg weakness, numbness, fever, weight loss, bowel or bladder change.
Exam: lumbar tenderness, strength 5/5, reflexes symmetric.
No prior MRI or CT of the spine.
Assessment: persistent post-traumatic low back pain. Request: CT lumbar spine without contrast."""
NOT_THE_SPINES_FILMS_AFTER_THE_INJURY = [
    "Chest x-ray was normal.",
    "Knee x-rays were negative.",
    "Hip x-ray after the fall showed no fracture.",
    "Lumbar x-rays from 2019 were normal.",
    "Her x-rays last year were negative.",
    "Lumbar x-rays before the fall were normal.",
    "If x-rays are negative, we will order CT.",
    "Lumbar x-rays: no acute fracture? Report not available.",
    "She reports outside x-rays were normal, but no report is available.",
    "X-rays have not been done.",
    "Lumbar x-rays are pending.",
]


COHERE_FOLLOW_UP = """Office visit today, examined in person. 55-year-old woman who slipped on ice and fell onto her back on September 8, 2026.
Her low back pain has persisted.
{x}
No leg weakness, numbness, fever, weight loss, bowel or bladder change.
Exam: lumbar tenderness, strength 5/5, reflexes symmetric.
No prior MRI or CT of the spine.
Assessment: post-traumatic low back pain. Request: CT lumbar spine without contrast."""
NO_POSITIVE_OR_INCONCLUSIVE_FILMS_WITH_SUSPICION = [
    "Lumbar x-rays on September 9 showed a stable old compression fracture from 2015.",
    "Lumbar x-rays on September 9 showed a healed L1 fracture, stable since 2018.",
    "Lumbar x-rays on September 9 were inconclusive. Low suspicion of fracture.",
    "Lumbar x-rays on September 9 were limited by body habitus but showed no fracture; low suspicion for fracture.",
    "Knee x-rays were inconclusive; possible tibial plateau fracture.",
    "Lumbar x-rays on September 9 were negative. Her old wrist fracture is stable.",
    "Lumbar x-rays on September 9 showed no fracture; the spine is stable.",
]
POSITIVE_OR_SUSPICIOUS_FILMS = [
    "Lumbar x-rays on September 9 showed an L1 compression fracture, stable.",
    "Lumbar x-rays on September 9 showed a compression fracture of L1.",
    "Lumbar x-rays on September 9 were inconclusive; high suspicion of fracture.",
]


# ---------------------------------------------------------------- EviCore SP-5.1: durations and dates of the trial
NOT_SIX_WEEKS_DONE = [
    # a closed range of dates is not "since" its first date
    "She had physical therapy from July 10 to July 31.",
    "She had physical therapy from July 10 through August 1, then stopped.",
    "She had physical therapy from 7/10-7/31.",
    # the length of a course ordered or planned, not the part done
    "She has done physical therapy for 6 weeks planned; 3 weeks completed.",
    "She started a 6-week physical therapy program 2 weeks ago.",
    "Physical therapy 6 weeks ordered, started 10 days ago.",
    # before this episode
    "She had 6 weeks of physical therapy before this pain began.",
    # another body part
    "She has taken naproxen PRN for 6 months for her knee arthritis.",
    "She takes naproxen for her knee arthritis, for 6 months.",
    # not provider-directed
    "She has done a home exercise program for 6 weeks from a YouTube video.",
    "She has been using a TENS unit her friend gave her for 6 weeks.",
    # already read correctly: kept so that they stay so
    "She completed 5 weeks 6 days of physical therapy.",
    "She has done almost 6 weeks of physical therapy.",
    "She has done 5-6 weeks of physical therapy.",
    "She has done physical therapy since August 25.",
    "She has done less than 6 weeks of physical therapy.",
]
SIX_WEEKS_DONE = [
    "She completed 6 weeks of physical therapy.",
    "She completed a 6-week physical therapy program.",
    "She had physical therapy from July 10 to September 20.",
    "She has had physical therapy since July 10.",
    "She has taken naproxen for 7 weeks for her back.",
]


@pytest.mark.parametrize("sentence, days", [
    ("She had physical therapy from July 10 to July 31.", 21),
    ("She had physical therapy from July 10 through August 1.", 22),
    ("She had physical therapy from 7/10-7/31.", None),
    ("She has had physical therapy since July 10.", 83),
])
def test_a_course_between_two_dates_lasts_from_one_to_the_other(sentence: str, days: int | None) -> None:
    got = extract(sentence, ON, region="lumbar").facts.values.get("provider_directed_treatment_duration")
    assert got == days


# ---------------------------------------------------------------- EviCore SP-1.2: severe radicular pain (9/10)
RADICULAR_NOTE = """Visit in clinic today; I examined her in person. 47-year-old woman with low back pain and right leg pain in the L5 distribution for 2 weeks, no injury.
{x}
She has taken ibuprofen for 10 days. Radicular pain limits her walking and she cannot work.
No fever, weight loss, bowel or bladder change. No history of cancer.
Exam: SLR positive on the right, strength 5/5, reflexes symmetric.
The leg pain has not improved with ibuprofen.
Assessment: right L5 radiculopathy. Plan: right L5 transforaminal epidural steroid injection. Request: MRI lumbar spine without contrast."""
NOT_A_SEVERE_RADICULAR_SCORE = [
    # another body part's pain
    "Her knee pain is 9/10.",
    "Her left knee pain is 9/10 from arthritis.",
    "Her headache is 9/10.",
    # another spinal region
    "She reports pain 9/10 in the neck.",
    # a target or an imagined score
    "Goal: pain below 9/10.",
    "She would rate it 9/10 if she walked far.",
    # already read correctly: kept so that they stay so
    "Her right leg pain is 8/10.",
    "Her right leg pain is 8-9/10.",
    "Her right leg pain is 9/10 at worst, 4/10 now.",
    "Her right leg pain was 9/10 last week, now 4/10.",
    "Her back pain is 9/10; the leg pain is 5/10.",
    "Her husband's pain is 9/10.",
]


# ---------------------------------------------------------------- the probes, whole notes
PROBES = [
    Probe("SP-6.2 high-energy low back injury", LUMBAR_TRAUMA, "evicore-spine-2026", "72148", "1974-01-01", "female",
          NOT_A_HIGH_ENERGY_INJURY_OF_HERS, HIGH_ENERGY_INJURIES),
    Probe("SP-3.2 neck injury risk factor", NECK_TRAUMA, "evicore-spine-2026", "72141", "1976-01-01", "male",
          NOT_A_NECK_RISK_FACTOR, NECK_RISK_FACTORS),
    Probe("CT-IND-11 negative films of the spine after the injury", COHERE_TRAUMA, "cohere-ct-spine-2.1", "72131",
          "1966-01-01", "female", NOT_THE_SPINES_FILMS_AFTER_THE_INJURY,
          ["Lumbar x-rays on September 9 showed no acute fracture."]),
    Probe("CT-IND-11 positive or suspicious films", COHERE_FOLLOW_UP, "cohere-ct-spine-2.1", "72131", "1971-01-01",
          "female", NO_POSITIVE_OR_INCONCLUSIVE_FILMS_WITH_SUSPICION, POSITIVE_OR_SUSPICIOUS_FILMS),
    Probe("SP-5.1 six weeks of this episode's treatment", LUMBAR_TRIAL_NOTE.replace("{onset}", "early July"),
          "evicore-spine-2026", "72148", "1979-01-01", "female", NOT_SIX_WEEKS_DONE, SIX_WEEKS_DONE),
    Probe("SP-1.2 severe radicular pain", RADICULAR_NOTE, "evicore-spine-2026", "72148", "1979-01-01", "female",
          NOT_A_SEVERE_RADICULAR_SCORE, ["Her right leg pain is 9/10."]),
]


test_a_statement_that_does_not_supply_the_fact_never_approves, test_the_statement_that_supplies_it_approves = \
    probe_tests(PROBES)


# ---------------------------------------------------------------- facts, sentence by sentence
@pytest.mark.parametrize("sentence", [
    "Low back pain. Metal fragments in the eye were removed in 2010; cleared for MRI.",
    "Low back pain. His pacemaker, which was not MRI-conditional, was explanted in 2021.",
])
def test_a_device_or_fragment_taken_out_is_no_mri_contraindication(sentence: str) -> None:
    assert extract(sentence, ON, region="lumbar").facts.values.get("mri_contraindicated") is not True


def test_a_device_in_place_is_an_mri_contraindication() -> None:
    facts = extract("Low back pain. He has a pacemaker that is not MRI-conditional.", ON, region="lumbar").facts.values
    assert facts.get("mri_contraindicated") is True


@pytest.mark.parametrize("sentence, present", [
    ("Back pain. IV drug use: never.", False),
    ("Back pain. He injects heroin daily.", True),
])
def test_a_form_field_answered_never_is_a_denial(sentence: str, present: bool) -> None:
    risks = extract(sentence, ON, region="lumbar").facts.values.get("infection_risk_factors", frozenset())
    assert ("iv_drug_use" in risks) is present
