"""False-approval probes, third round: suspected cancer (EviCore SP-1.2 cancer red flag), suspected
infection (SP-1.2 infection), cervical myelopathy (SP-7.1) and Cohere's repeat imaging within three
months (CT-NON-1). Same method as test_false_approval_probes.py and _2.py: a whole note one fact
short of an approval, ONE statement varied, and controls in which the positive wording approves, so
that no test here passes by reading nothing."""

from __future__ import annotations

import pytest

from probe_notes import ON, Probe, probe_tests
from spinecheck.notes import extract


# ---------------------------------------------------------------- EviCore SP-1.2 cancer: the suspicion
# Night pain (a qualifying feature) and "no history of cancer" are given; the suspicion is missing.
CANCER_SUSPICION = """Visit in clinic today; I examined him in person. 62-year-old man with low back pain for 3 weeks, no injury.
{x}
The back pain wakes him at night.
No leg pain, numbness or weakness. No fever, bowel or bladder change. No history of cancer.
Exam: lumbar tenderness, strength 5/5, reflexes symmetric.
Assessment: low back pain. Request: MRI lumbar spine without contrast."""
NO_CURRENT_SUSPICION_OF_MALIGNANCY = [
    # a suspicion withdrawn later in the same sentence
    "Concern for malignancy was raised, but labs and x-rays are normal and it is ruled out.",
    "Malignancy was considered but has been ruled out by normal labs and x-rays.",
    "A spinal malignancy was suspected, but the bone scan was negative and it is excluded.",
    "Metastatic disease was a concern until the bone scan came back normal.",
    # an earlier suspicion, cleared
    "At his last visit malignancy was suspected; the work-up since was negative.",
    # a relative's cancer
    "His father died of metastatic prostate cancer.",
    "His mother had breast cancer that spread to her spine.",
    "Family history: brother with spinal metastases from lung cancer.",
    # screening
    "He is due for colon cancer screening.",
    "Prostate cancer screening was normal this year.",
    "Screening for malignancy is up to date.",
    # a mass elsewhere, benign
    "A lipoma on his shoulder was removed last year, benign.",
    "A thyroid nodule was benign on biopsy.",
    # a differential that does not hold the suspicion
    "Differential: muscle strain, disc degeneration; malignancy felt unlikely.",
    "Malignancy is very unlikely.",
    "Low suspicion for malignancy.",
    "No clinical suspicion of malignancy.",
    "I do not suspect a malignancy.",
    # the patient's own fear
    "He worries that this could be cancer.",
    # more: resolved, hypothetical, a benign finding
    "Metastasis was suspected on the outside x-ray, but the CT showed a benign hemangioma.",
    "Cancer was a concern last year; the PET scan was negative.",
    "A spinal tumor was ruled out in 2024.",
    "If the pain persists, malignancy will need to be ruled out.",
    "The lung nodule is benign and stable.",
    "He had a melanoma removed 20 years ago, cured.",
]
MALIGNANCY_SUSPECTED = [
    "I am concerned about a spinal malignancy.",
    "Spinal metastatic disease is suspected.",
]


# ---------------------------------------------------------------- EviCore SP-1.2 cancer: the qualifying feature
# The suspicion is given; pain is moderate and unchanged, he is under 70; the feature is missing.
CANCER_QUALIFIER = """Visit in clinic today; I examined him in person. 62-year-old man with low back pain for 3 weeks, no injury.
He is a heavy smoker, and I am concerned about a spinal malignancy.
{x}
The pain is 5/10, unchanged since onset, and eases when he lies down.
No leg pain, numbness or weakness. No fever, bowel or bladder change. No history of cancer.
Exam: lumbar tenderness, strength 5/5, reflexes symmetric.
Assessment: low back pain, rule out metastasis. Request: MRI lumbar spine without contrast."""
NO_CANCER_QUALIFIER = [
    # night pain from another cause
    "He works night shifts and sleeps poorly.",
    "He wakes at night with heartburn from reflux.",
    "He wakes at night with shoulder pain from bursitis.",
    "He gets up twice a night to urinate.",
    "Night pain: none.",
    "No pain at night.",
    # weight loss that is intended or over
    "He has lost 20 pounds intentionally through diet and exercise.",
    "He has lost 15 lb on purpose since starting semaglutide.",
    "He lost 10 pounds last year while dieting and has regained it.",
    "Weight loss: intentional, 10 lb.",
    "His wife has lost weight.",
    "Denies unintentional weight loss.",
    # a fear or a return precaution
    "Return if he has night pain or weight loss.",
    # more: another body part's night pain, a loss after surgery
    "His knee pain wakes him at night.",
    "His shoulder pain is worse at night.",
    "His wife's back pain wakes her at night.",
    "He has lost 15 lb since his gastric sleeve surgery.",
    "His weight is down 12 lb from dieting.",
    "He sleeps poorly because of his CPAP mask.",
    "He had night pain last year, which resolved.",
]
CANCER_QUALIFIERS = [
    "The back pain wakes him at night.",
    "He has lost 15 pounds without trying.",
]


# ---------------------------------------------------------------- EviCore SP-1.2 infection: the risk factor
# The suspicion is given; no listed risk factor.
INFECTION_RISK = """Visit in clinic today; I examined her in person. 58-year-old woman with low back pain for 10 days, worse each day, no injury.
I am concerned about discitis.
{x}
No leg weakness, numbness, bowel or bladder change. No history of cancer.
Exam: focal tenderness over L3, strength 5/5, reflexes symmetric.
Assessment: suspected discitis. Request: MRI lumbar spine without and with contrast."""
NO_CURRENT_INFECTION_RISK_FACTOR = [
    # a fever of another time
    "She had a fever with the flu in January.",
    "She had a fever of 38.5 two years ago.",
    "She was febrile on post-op day 1 after her knee replacement in 2022.",
    "She is afebrile.",
    "Temperature 36.8 C.",
    # an infection long ago, antibiotics completed
    "She had a UTI in 2019, treated.",
    "She completed antibiotics for pneumonia in 2020.",
    "She had a kidney infection as a child.",
    # normal or pending labs
    "ESR and CRP are normal.",
    "WBC, ESR and CRP are within normal limits.",
    "Blood cultures are pending.",
    "Blood cultures were negative.",
    # immunosuppression stopped long ago
    "Prednisone was stopped 3 years ago.",
    "She took prednisone briefly in 2021.",
    "Her methotrexate was stopped in 2021.",
    # another person's risk, no diagnosis
    "Her husband has diabetes.",
    "Her son is on dialysis.",
    "A1c is normal; no diabetes.",
    "She has prediabetes, diet controlled.",
    "She is HIV negative.",
    # spinal procedure long ago
    "She had an epidural injection in 2015.",
    # more: another time, another site, another person
    "She had pyelonephritis 3 years ago.",
    "Urinalysis today is normal; no UTI.",
    "WBC 7.2, ESR 12, CRP 3.",
    "She had gestational diabetes during her pregnancy in 1995.",
    "She had a cortisone injection in her knee last month.",
    "She had a lumbar epidural injection 5 years ago.",
    "She had a dental abscess in 2015.",
    "Her husband has HIV.",
    "She has a small wound on her heel.",
    "Lumbar x-rays showed degenerative changes, nothing suspicious for infection.",
    "Temperature 38.6 C last winter with COVID.",
]
INFECTION_RISK_FACTORS = [
    "Temperature 38.6 C today.",
    "ESR 90 and CRP 120.",
    "She has type 2 diabetes.",
    "She has been on prednisone 20 mg daily for 2 years.",
]


# ---------------------------------------------------------------- EviCore SP-7.1: cervical myelopathy
MYELOPATHY = """Visit in clinic today; I examined him in person. 64-year-old man with neck pain for 2 months, no injury.
{x}
No fever, weight loss. No history of cancer. No prior MRI or CT of the neck.
Exam: cervical paraspinal tenderness, strength 5/5 in the arms.
Assessment: neck pain. Request: MRI cervical spine without contrast."""
NO_CORD_SIGN_OR_SUSPICION = [
    # denied
    "Hoffmann sign is negative.",
    "No Hoffmann sign, no clonus, reflexes 2+ and symmetric.",
    "Babinski negative bilaterally.",
    "No hyperreflexia.",
    "No signs of myelopathy.",
    "Myelopathy was ruled out by the neurologist.",
    # explained
    "He has had a positive Hoffmann sign on the left since childhood, unchanged.",
    "Right-sided hyperreflexia is from his known stroke in 2019.",
    "Hyperreflexia on the right from his old stroke.",
    "Right Babinski sign since his stroke in 2018.",
    "His gait is unsteady because of knee arthritis.",
    "He walks with a cane because of knee arthritis; gait is antalgic.",
    "He has balance problems from his inner ear disorder.",
    "Numbness in both feet from diabetic neuropathy.",
    "Clumsy hands from his rheumatoid arthritis.",
    # hypothetical
    "If he develops hand clumsiness or gait problems, he will return.",
    "Return if hand clumsiness, gait problems or bladder change develop.",
    "Warning signs of myelopathy reviewed.",
    # another person's
    "His brother has cervical myelopathy.",
    "His mother had myelopathy from a herniated disc.",
    "He is worried about myelopathy like his brother had.",
    # more: normal findings written out, an old resolved sign, unticked boxes
    "Clonus: none.",
    "Babinski: downgoing.",
    "Plantar responses flexor bilaterally.",
    "Toes downgoing bilaterally.",
    "He had a Hoffmann sign in 2015 that has since resolved.",
    "Hoffmann sign: [ ]",
    "He read that a Hoffmann sign can mean myelopathy.",
    "Ask about gait and hand function at the next visit.",
    "His wife has cervical myelopathy.",
    "Reflexes are brisk but symmetric and normal for her age.",
    "Concern for myelopathy was raised, but the exam is normal and it is ruled out.",
]
CORD_SIGNS = [
    "Hoffmann sign is positive bilaterally and reflexes are brisk.",
    "He has clumsy hands and an unsteady gait; I suspect cervical myelopathy.",
]


# ---------------------------------------------------------------- Cohere CT-NON-1: a repeat within 3 months
# The control note without its last line approves under CT-IND-1; the CT of the region six weeks ago
# makes CT-NON-1 apply unless treatment or new or worse symptoms followed it.
COHERE_REPEAT = """Office visit today, examined in person. 58-year-old man with new low back pain since mid-July, no injury or fall.
He took naproxen for 8 weeks with no improvement.
He also completed 7 weeks of physical therapy.
He has a pacemaker that is not MRI-conditional.
No leg weakness, numbness, fever, weight loss, bowel or bladder change. No history of cancer.
Exam: lumbar tenderness, strength 5/5, reflexes symmetric.
CT of the lumbar spine on August 20, 2026 was unremarkable.
{x}
Assessment: persistent low back pain. Request: CT lumbar spine without contrast."""
NOTHING_CHANGED_SINCE_THE_CT = [
    "No new symptoms since the CT.",
    "Symptoms unchanged since the CT.",
    "His symptoms are the same as at the time of the CT.",
    "No new or worsening symptoms since then, and no treatment since the CT.",
    "No treatment since the CT.",
    "Physical therapy is planned now that the CT is done.",
    "He was referred to physical therapy after the CT but has not started.",
    "If the pain worsens after the CT, he will call.",
    "He fears the pain will get worse.",
    "His wife's pain has worsened since her CT.",
    "The pain was worse before the CT and is unchanged since.",
    # more: something new that is not a symptom, an offer declined
    "Nothing new since the CT.",
    "He has new insurance since the CT.",
    "He has a new primary care doctor since the CT.",
    "His new job since the CT is sedentary.",
    "He saw a new specialist since the CT, who agreed with the plan.",
    "Physical therapy was recommended after the CT; he declined.",
    "Since the CT he has been waiting for physical therapy to start.",
]
CHANGED_SINCE_THE_CT = [
    "Since the CT, the pain has become much worse.",
    "He started a course of oral prednisone after the CT.",
]


PROBES = [
    Probe("SP-1.2 malignancy suspected", CANCER_SUSPICION, "evicore-spine-2026", "72148", "1964-01-01", "male",
          NO_CURRENT_SUSPICION_OF_MALIGNANCY, MALIGNANCY_SUSPECTED),
    Probe("SP-1.2 cancer qualifying feature", CANCER_QUALIFIER, "evicore-spine-2026", "72148", "1964-01-01", "male",
          NO_CANCER_QUALIFIER, CANCER_QUALIFIERS),
    Probe("SP-1.2 infection risk factor", INFECTION_RISK, "evicore-spine-2026", "72158", "1968-01-01", "female",
          NO_CURRENT_INFECTION_RISK_FACTOR, INFECTION_RISK_FACTORS),
    Probe("SP-7.1 myelopathy", MYELOPATHY, "evicore-spine-2026", "72141", "1962-01-01", "male",
          NO_CORD_SIGN_OR_SUSPICION, CORD_SIGNS),
    Probe("CT-NON-1 repeat within 3 months", COHERE_REPEAT, "cohere-ct-spine-2.1", "72131", "1968-01-01", "male",
          NOTHING_CHANGED_SINCE_THE_CT, CHANGED_SINCE_THE_CT),
]


test_a_statement_that_does_not_supply_the_fact_never_approves, test_the_statement_that_supplies_it_approves = \
    probe_tests(PROBES)


@pytest.mark.parametrize("sentence, recent", [
    ("She had a UTI last year.", False), ("History of UTI years ago.", False), ("Remote history of pneumonia.", False),
    ("She had pneumonia in 2019.", False), ("She had a UTI two weeks ago, treated with antibiotics.", True),
    ("Recent UTI, finished antibiotics last week.", True),
])
def test_only_a_recent_bacterial_infection_is_a_risk_factor(sentence: str, recent: bool) -> None:
    found = extract(sentence, ON, region="lumbar").facts.values.get("infection_risk_factors", frozenset())
    assert ("recent_bacterial_infection" in found) is recent
