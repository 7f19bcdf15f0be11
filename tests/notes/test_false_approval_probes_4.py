"""False-approval probes, fourth round: chapters not probed before - lumbar stenosis (EviCore SP-9.1),
spondylolisthesis (SP-8.2), SI-joint pain (SP-10.1), a known syrinx (SP-13.1), post-operative imaging
within 6 months (SP-15.3), acute bilateral sciatica in a claudication note (SP-1.2), and Cohere's
suspected tumour (CT-IND-9), infection with the MRI indeterminate or impossible (CT-IND-10),
myelopathy with an associated disease (CT-IND-13) and perioperative findings (CT-IND-14). Same method
as the earlier rounds: a whole note one fact short of an approval, ONE statement varied, and controls
in which the positive wording approves, so that no test here passes by reading nothing."""

from __future__ import annotations

import pytest

from probe_notes import ON, Probe, probe_tests
from spinecheck.notes import extract

EVICORE, COHERE = "evicore-spine-2026", "cohere-ct-spine-2.1"


# ---------------------------------------------------------------- EviCore SP-9.1: severe neurogenic claudication
STENOSIS = """Visit in clinic today; I examined him in person. 71-year-old man with low back pain for 8 months and leg pain on walking for 3 months, no injury.
He has neurogenic claudication: leg pain on walking that eases when he sits or bends forward.
{x}
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Assessment: suspected lumbar spinal stenosis. Request: MRI lumbar spine without contrast."""
STENOSIS_SEVERE = STENOSIS.replace("{x}", "His neurogenic claudication is severe.\n{x}")
STENOSIS_LIMITING = STENOSIS.replace("{x}", "It limits his normal activities; he can only walk one block.\n{x}")
NOT_SEVERE_AND_LIMITING = [
    "His neurogenic claudication is mild and does not limit his activities.",
    "No severe neurogenic claudication.",
    "If the neurogenic claudication becomes severe and limits his walking, we will image.",
    "His wife has severe neurogenic claudication that limits her activities.",
    "He had severe neurogenic claudication in 2019 that limited walking, resolved after surgery.",
    "He is worried that severe neurogenic claudication will limit his activities.",
    "Severe neurogenic claudication restricting activity was ruled out.",
    "Severe neurogenic claudication limiting normal activities? [ ]",
    "Neurogenic claudication is not severe and does not restrict normal activity.",
    "The severe vascular claudication limits his walking to one block; ABI 0.5.",
]
# severity given; the restriction or the frequent narcotics are missing
NO_CLAUDICATION_IMPACT = [
    # another cause, another person
    "He can only walk two blocks because of his knee arthritis.",
    "Walking is limited by his COPD.",
    "Walking is limited to 1 block by calf cramps that ease as soon as he stands still; ABI 0.6.",
    "His wife can only walk one block.",
    "His father needs daily oxycodone.",
    # narcotics denied, declined, avoided, planned, for another injury or long ago
    "He declined daily opioids.",
    "He does not take daily opioids.",
    "No daily opioids.",
    "He avoids daily opioids.",
    "Daily tramadol was discussed but not started.",
    "He will start daily hydrocodone if the pain worsens.",
    "He took daily oxycodone after his knee replacement in 2018.",
    "He was on daily opioids in 2015 for a broken leg.",
    # a restriction denied, hypothetical or gone
    "It does not limit his normal activities.",
    "It does not restrict his activities.",
    "He is not limited in his walking.",
    "If it limits his activities, he will call.",
    "Before his knee replacement he could only walk one block.",
    "He could only walk one block last year, before physical therapy; now he walks two miles.",
    "He can walk 2 miles without stopping.",
]
CLAUDICATION_IMPACT = ["It limits his normal activities.", "He needs daily oxycodone for it."]
# the restriction given; severity is missing
NOT_SEVERE = [
    "His neurogenic claudication is mild.",
    "No severe neurogenic claudication.",
    "Neurogenic claudication is not severe.",
    "Neurogenic claudication, previously severe, is now mild.",
    "If the neurogenic claudication becomes severe, we will image.",
    "His wife has severe neurogenic claudication.",
    "He had severe neurogenic claudication in 2019, resolved after surgery.",
    "Severe neurogenic claudication in 2020 before his L4-5 decompression.",
    "He is worried that the neurogenic claudication will become severe.",
    "Severe neurogenic claudication was ruled out.",
    "Severe neurogenic claudication is unlikely.",
    "Severe neurogenic claudication? [ ]",
    "The severe vascular claudication is better since his stent.",
    "Severe claudication from peripheral arterial disease, ABI 0.4.",
]
SEVERE = ["His neurogenic claudication is severe.", "Severe neurogenic claudication."]

# ---------------------------------------------------------------- EviCore SP-1.2: bilateral leg pain that is claudication
# In a note about neurogenic claudication, bilateral leg pain on walking is not acute bilateral sciatica.
CLAUDICATION_NOT_SCIATICA = STENOSIS
BILATERAL_CLAUDICATION = [
    "He has had bilateral leg pain for 3 weeks.",
    "Bilateral leg pain for 3 weeks when he walks, eased by sitting.",
    "Pain goes down both legs after walking two blocks and eases when he sits.",
]
CAUDA_EQUINA_FINDING = ["Rectal exam shows decreased anal sphincter tone.",
                        "He has saddle anesthesia since yesterday."]


# ---------------------------------------------------------------- EviCore SP-8.2: spondylolisthesis
SPONDYLOLISTHESIS = """Surgical consultation in clinic today; I examined him in person. 60-year-old man with low back and right leg pain for 5 months, no injury.
Standing lumbar x-rays taken last week show a grade 2 L5-S1 isthmic spondylolisthesis.
{x}
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: CT lumbar spine without contrast."""
SPONDYLOLISTHESIS_PLANNED = SPONDYLOLISTHESIS.replace(
    "Standing lumbar x-rays taken last week show a grade 2 L5-S1 isthmic spondylolisthesis.\n{x}",
    "{x}\nAn L5-S1 fusion is scheduled for next month.")
NO_LUMBAR_SURGERY_PLANNED = [
    "He had an L4-5 decompression in 2015.",
    "If his symptoms progress, surgery may be considered in the future.",
    "He is not a surgical candidate.",
    "He does not want surgery.",
    "He declined the L4-5 decompression that was offered.",
    "Surgery was discussed, but he prefers to continue physical therapy.",
    "His brother is scheduled for an L4-5 decompression.",
    "He is scheduled for a right knee replacement next month.",
    "He is scheduled for an anterior cervical discectomy and fusion at C5-6 next month.",
    "He asked whether he might need surgery one day.",
    "The L4-5 decompression planned for 2024 was cancelled.",
    "Surgical referral only if conservative care fails.",
    "He will see a surgeon to discuss whether surgery is an option.",
    "Surgery is not planned.",
]
LUMBAR_SURGERY_PLANNED = ["He is scheduled for an L5-S1 fusion next month.",
                          "An L5-S1 decompression and fusion is planned for November."]
NO_LUMBAR_SPONDYLOLISTHESIS = [
    "Standing lumbar x-rays taken last week show no spondylolisthesis.",
    "Standing lumbar x-rays taken last week are normal; no listhesis on flexion-extension views.",
    "Standing lumbar x-rays taken last week show degenerative changes; his brother has a spondylolisthesis.",
    "Standing cervical x-rays taken last week show a grade 1 C4-5 anterolisthesis.",
    "Standing lumbar x-rays taken last week show disc space narrowing; a spondylolisthesis was seen on films in 2010 and fused since.",
]
LUMBAR_SPONDYLOLISTHESIS = ["Standing lumbar x-rays taken last week show a grade 2 L5-S1 isthmic spondylolisthesis."]


# ---------------------------------------------------------------- EviCore SP-10.1: pain attributed to the SI joint
SI_JOINT = """Follow-up visit in clinic today; I examined her in person. 44-year-old woman with right buttock pain since early August, no injury.
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
Pelvis and SI joint x-rays taken in August were equivocal.
{x}
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI pelvis without contrast."""
NO_SI_JOINT_PAIN = [
    "FABER negative; no SI joint tenderness.",
    "Provocative SI tests are negative.",
    "Her SI joint pain last year resolved with PT.",
    "Her sister has SI joint pain.",
    "The pain is from her right hip osteoarthritis; SI joints non-tender.",
    "If SI joint pain develops, we will reassess.",
    "SI joint tenderness? [ ]",
    "The buttock pain is radicular from L5, not the SI joint.",
    "FABER positive on the right, reproducing groin pain from her hip.",
]
SI_JOINT_PAIN = ["Right SI joint tenderness; FABER and thigh thrust tests positive.",
                 "Provocative sacroiliac tests are positive on the right."]


# ---------------------------------------------------------------- EviCore SP-13.1: a syrinx shown on imaging
# (a suspected syrinx approves the same study under SP-13.1's suspicion pathway, so it is no probe here)
SYRINX = """Visit in clinic today; I examined her in person. 34-year-old woman with neck and upper back pain and numbness in both hands.
{x}
She has had a cervical MRI for it, but no thoracic MRI yet.
No fever, weight loss. No history of cancer.
Request: MRI thoracic spine without contrast."""
NO_KNOWN_SYRINX = [
    "No syrinx was seen on her cervical MRI.",
    "Her cervical MRI showed no syrinx.",
    "Her sister has a syrinx.",
    "Her mother had syringomyelia.",
    "If a syrinx is found, the thoracic spine will be imaged.",
    "She worries she has a syrinx after reading about it online.",
    "Syrinx: [ ]",
    "The cervical MRI was read as negative for syrinx or Chiari malformation.",
    "A prominent central canal was seen, not a syrinx.",
]
KNOWN_SYRINX = ["Her cervical MRI showed a C4-C7 syrinx.", "She has a known cervical syrinx seen on MRI last month."]


# ---------------------------------------------------------------- EviCore SP-15.3: within 6 months of surgery
POSTOP = """Post-operative visit in clinic today; I examined her in person. 55-year-old woman.
{s}
{r}
{y}
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI lumbar spine without and with contrast."""
SURGERY = "She had an L4-5 laminectomy and discectomy on August 4, 2026."
POSTOP_XRAYS = "Lumbar x-rays after surgery, on September 20, show the laminectomy with no instability."
POSTOP_SYMPTOMS = "Since the surgery she has new right leg pain and numbness along the L5 dermatome."


def postop(varied: str) -> str:
    """The SP-15.3 note with statement ``varied`` ("s" surgery, "r" x-rays, "y" symptoms) left open."""
    parts = {"s": SURGERY, "r": POSTOP_XRAYS, "y": POSTOP_SYMPTOMS}
    parts[varied] = "{x}"
    return POSTOP.replace("{s}", parts["s"]).replace("{r}", parts["r"]).replace("{y}", parts["y"])


NO_LUMBAR_SURGERY_WITHIN_6_MONTHS = [
    # the x-ray date ("x-rays on September 20 show the laminectomy") was read as the operation's date
    "She had an L4-5 laminectomy and discectomy in 2019.",
    "She had an L4-5 laminectomy and discectomy on August 4, 2025.",
    "She had an L4-5 laminectomy 3 years ago.",
    "She had an L4-5 laminectomy in March 2026.",
    "She had an L4-5 laminectomy 8 months ago.",
    "She had an L4-5 laminectomy in her twenties.",
    "If the leg pain persists, an L4-5 laminectomy will be considered.",
    # planned, cancelled, another region, another operation or person
    "An L4-5 laminectomy and discectomy is scheduled for November 2026.",
    "An L4-5 laminectomy was discussed but she declined.",
    "Her L4-5 laminectomy planned for August 4, 2026 was cancelled.",
    "She was referred for an L4-5 laminectomy on August 4, 2026.",
    "She had an anterior cervical discectomy and fusion at C5-6 on August 4, 2026.",
    "Her husband had an L4-5 laminectomy on August 4, 2026.",
    "She had a right knee replacement on August 4, 2026.",
    "She had a laparoscopic cholecystectomy on August 4, 2026.",
    "She had a cesarean section on August 4, 2026.",
    "She had a lumbar epidural steroid injection on August 4, 2026.",
]
LUMBAR_SURGERY_WITHIN_6_MONTHS = [SURGERY, "She had an L4-5 laminectomy 8 weeks ago."]
NO_POSTOP_LUMBAR_XRAYS = [
    # films of another body part or region
    "Chest x-ray after surgery was clear.",
    "Knee x-rays after surgery showed osteoarthritis.",
    "Cervical x-rays after surgery show spondylosis.",
    # results not available, not done, before surgery, planned
    "Post-operative lumbar x-rays were taken but the results are not available.",
    "Lumbar x-rays before surgery, in June 2026, were unremarkable.",
    "Lumbar x-rays are ordered today.",
    "Lumbar x-rays will be obtained after this visit.",
    "No x-rays since surgery.",
    "Post-operative lumbar x-rays have not been done.",
    "Lumbar x-rays from 2018 showed spondylosis.",
    "Her husband had lumbar x-rays after his surgery.",
    "Lumbar x-rays after surgery? [ ]",
]
POSTOP_LUMBAR_XRAYS = [POSTOP_XRAYS, "Post-operative lumbar x-rays this month show stable hardware."]
NO_SYMPTOMS_OF_THE_OPERATED_REGION = [
    # symptoms of another body part or spinal region
    "She has new right knee pain since the surgery, from osteoarthritis.",
    "She has new neck pain since the surgery.",
    "She has new right shoulder pain since the surgery.",
    # denied, resolved, hypothetical, another person's
    "Since the surgery she has no leg pain, numbness or weakness.",
    "Her leg pain resolved after surgery and she is doing well.",
    "Her husband has new leg pain since his surgery.",
    "If she develops new leg pain, she will call.",
    "Before the surgery she had right leg pain, which has resolved.",
    "She has incisional soreness only, improving as expected.",
    "Routine post-operative check; she is doing well with no complaints.",
    "She is worried that the leg pain will come back.",
]
SYMPTOMS_OF_THE_OPERATED_REGION = [POSTOP_SYMPTOMS, "Her leg pain has returned since the surgery."]


# ---------------------------------------------------------------- Cohere CT-IND-10: MRI indeterminate or not possible
INFECTION = """Office visit today, examined in person. 61-year-old woman with new, increasing low back pain for 2 weeks, no injury.
She has type 2 diabetes. I suspect discitis at L3-4.
{x}
No other MRI or CT of the spine. The pain has worsened since her last imaging.
No leg weakness, bowel or bladder change.
Assessment: suspected discitis. Request: CT lumbar spine without and with contrast."""
MRI_NOT_INDETERMINATE_AND_POSSIBLE = [
    "Lumbar MRI last week was normal.",
    "Lumbar MRI last week showed no discitis.",
    "Lumbar MRI last week showed degenerative disc disease only.",
    "A lumbar MRI has not been done.",
    "A lumbar MRI is planned.",
    "A lumbar MRI is scheduled for next week.",
    "If the MRI is inconclusive, a CT will be ordered.",
    "Her brain MRI last year was inconclusive.",
    "Her knee MRI last month was non-diagnostic because of motion.",
    "Her cervical MRI last week was limited by motion artifact.",
    "Her husband's MRI was non-diagnostic.",
    "Lumbar MRI in 2019 was non-diagnostic because of motion; this episode has not been imaged.",
    "The MRI was limited by motion at first, but the repeat sequences were diagnostic.",
    "Lumbar MRI last week was of good diagnostic quality and showed no infection.",
    "She tolerated MRI well in the past.",
    "Her prior MRI was unremarkable.",
    "She has no pacemaker or other implant and can have an MRI.",
    "Her pacemaker was removed in 2020.",
    "Her husband has a pacemaker.",
    "She has an MRI-conditional pacemaker.",
    "She is mildly claustrophobic but has had MRIs with oral sedation.",
    "MRI contraindications: none.",
    "Pacemaker: [ ]",
]
MRI_INDETERMINATE_OR_NOT_POSSIBLE = ["Lumbar MRI last week was non-diagnostic because of severe motion artifact.",
                                     "She has a pacemaker that is not MRI-conditional."]


# ---------------------------------------------------------------- Cohere CT-IND-9: a pointer to the suspected tumour
TUMOR = """Office visit today, examined in person. 66-year-old man with thoracic back pain for 5 weeks, no injury.
I suspect a spinal tumor at T8.
{x}
He has had no MRI or CT of the spine.
No leg weakness, numbness, bowel or bladder change. No fever.
Assessment: possible thoracic spine tumor. Request: CT thoracic spine without contrast."""
NO_TUMOR_POINTER = [
    "Labs are normal.",
    # a test named in a list that is normal is not an abnormal lab
    "CBC, calcium, alkaline phosphatase and SPEP are normal.",
    "Labs are pending.",
    "Labs were abnormal last year with a UTI and are normal now.",
    "His wife's labs were abnormal.",
    "Thoracic x-rays are unremarkable.",
    "Thoracic x-rays show only degenerative changes.",
    "Thoracic x-rays are ordered.",
    "Knee x-rays showed osteoarthritis.",
    "Chest x-ray was normal.",
    "His brother had metastatic lung cancer.",
    "No suspicion of metastatic disease; no history of cancer.",
    "Metastases were ruled out by a normal bone scan.",
    "If the labs are abnormal, the work-up will continue.",
    "He had an abnormal lipid panel.",
    "His A1c is elevated.",
    "An MRI of the brain in 2018 was inconclusive.",
    "Metastasis is unlikely.",
]
TUMOR_POINTER = ["Alkaline phosphatase is elevated at 410 and calcium is 11.8.", "Thoracic x-rays show a lytic lesion at T8."]


# ---------------------------------------------------------------- Cohere CT-IND-14: a listed perioperative finding
PERIOPERATIVE = """Office visit today, examined in person. 63-year-old man seen for pre-operative planning of a C4-C6 posterior decompression.
Neck pain and hand numbness for 6 months, no injury. He has had no MRI or CT of the spine.
{x}
Request: CT cervical spine without contrast."""
NO_PERIOPERATIVE_FINDING = [
    "No OPLL on the lateral x-ray.",
    "OPLL was ruled out on the x-rays.",
    "His brother has OPLL.",
    "If OPLL is seen, the approach will change.",
    "Rule out OPLL.",
    "OPLL: [ ]",
    "Calcification of the anterior longitudinal ligament (DISH), no OPLL.",
    "He had radiation to the prostate in 2015; no radiation to the spine.",
    "His wife had radiation for breast cancer.",
    "Radiation changes of the skin over the chest from lymphoma treatment.",
    "No epidural or subdural collection.",
    "He had a subdural hematoma of the brain after a fall in 2019.",
    "He had a chest wall seroma after a pacemaker placement.",
    "Kyphoplasty is not planned.",
    "Kyphoplasty was considered but not planned; the result will not change management.",
]
PERIOPERATIVE_FINDING = ["Lateral cervical x-rays show ossification of the posterior longitudinal ligament from C4 to C6.",
                         "He has known OPLL at C4-C6."]


# ---------------------------------------------------------------- Cohere CT-IND-13: a listed associated disease
MYELOPATHY_DISEASE = """Office visit today, examined in person. 45-year-old woman with neck pain for 2 months, no injury.
She has clumsy hands and an unsteady gait; I suspect cervical myelopathy.
She has a pacemaker that is not MRI-conditional. She has had no MRI or CT of the spine.
{x}
Request: CT cervical spine without contrast."""
NO_ASSOCIATED_DISEASE = [
    "Her mother has lupus.",
    "Lupus was ruled out; ANA negative.",
    "She has a positive lupus anticoagulant with no lupus.",
    "She has discoid lupus of the skin only.",
    "Lupus is unlikely.",
    "She worries she has lupus.",
    "Her sister has multiple sclerosis.",
    "She has statin myalgia, resolved after stopping atorvastatin.",
    "She had Guillain-Barre syndrome as a child, fully recovered.",
    "Her brother has muscular dystrophy.",
    "Transverse myelitis was considered and excluded.",
    "She had a flu shot; no history of Guillain-Barre.",
    "Myositis: [ ]",
]
ASSOCIATED_DISEASE = ["She has systemic lupus erythematosus.", "She has Sjogren syndrome."]


PROBES = [
    Probe("SP-9.1 severe, limiting claudication", STENOSIS, EVICORE, "72148", "1955-01-01", "male",
          NOT_SEVERE_AND_LIMITING, ["His neurogenic claudication is severe and limits his normal activities; he can only walk one block.",
                                    "Severe neurogenic claudication; he needs daily oxycodone."]),
    Probe("SP-9.1 claudication impact", STENOSIS_SEVERE, EVICORE, "72148", "1955-01-01", "male",
          NO_CLAUDICATION_IMPACT, CLAUDICATION_IMPACT),
    Probe("SP-9.1 claudication severe", STENOSIS_LIMITING, EVICORE, "72148", "1955-01-01", "male", NOT_SEVERE, SEVERE),
    Probe("SP-1.2 bilateral claudication is not sciatica", CLAUDICATION_NOT_SCIATICA, EVICORE, "72148", "1955-01-01",
          "male", BILATERAL_CLAUDICATION, CAUDA_EQUINA_FINDING),
    Probe("SP-8.2 preoperative evaluation", SPONDYLOLISTHESIS, EVICORE, "72131", "1966-01-01", "male",
          NO_LUMBAR_SURGERY_PLANNED, LUMBAR_SURGERY_PLANNED),
    Probe("SP-8.2 spondylolisthesis", SPONDYLOLISTHESIS_PLANNED, EVICORE, "72131", "1966-01-01", "male",
          NO_LUMBAR_SPONDYLOLISTHESIS, LUMBAR_SPONDYLOLISTHESIS),
    Probe("SP-10.1 SI joint pain", SI_JOINT, EVICORE, "72195", "1982-01-01", "female", NO_SI_JOINT_PAIN, SI_JOINT_PAIN),
    Probe("SP-13.1 known syrinx", SYRINX, EVICORE, "72146", "1992-01-01", "female", NO_KNOWN_SYRINX, KNOWN_SYRINX),
    Probe("SP-15.3 surgery within 6 months", postop("s"), EVICORE, "72158", "1971-01-01", "female",
          NO_LUMBAR_SURGERY_WITHIN_6_MONTHS, LUMBAR_SURGERY_WITHIN_6_MONTHS),
    Probe("SP-15.3 post-surgical x-rays", postop("r"), EVICORE, "72158", "1971-01-01", "female",
          NO_POSTOP_LUMBAR_XRAYS, POSTOP_LUMBAR_XRAYS),
    Probe("SP-15.3 symptoms of the operated region", postop("y"), EVICORE, "72158", "1971-01-01", "female",
          NO_SYMPTOMS_OF_THE_OPERATED_REGION, SYMPTOMS_OF_THE_OPERATED_REGION),
    Probe("CT-IND-10 MRI indeterminate or not possible", INFECTION, COHERE, "72133", "1965-01-01", "female",
          MRI_NOT_INDETERMINATE_AND_POSSIBLE, MRI_INDETERMINATE_OR_NOT_POSSIBLE),
    Probe("CT-IND-9 tumor pointer", TUMOR, COHERE, "72128", "1960-01-01", "male", NO_TUMOR_POINTER, TUMOR_POINTER),
    Probe("CT-IND-14 perioperative finding", PERIOPERATIVE, COHERE, "72125", "1963-01-01", "male",
          NO_PERIOPERATIVE_FINDING, PERIOPERATIVE_FINDING),
    Probe("CT-IND-13 associated disease", MYELOPATHY_DISEASE, COHERE, "72125", "1981-01-01", "female",
          NO_ASSOCIATED_DISEASE, ASSOCIATED_DISEASE),
]


test_a_statement_that_does_not_supply_the_fact_never_approves, test_the_statement_that_supplies_it_approves = \
    probe_tests(PROBES)


@pytest.mark.parametrize("sentence", [
    "She had Guillain-Barre syndrome as a child.", "She had Guillain-Barre syndrome in childhood.",
    "She had Guillain-Barre syndrome last year.", "As a child she had Guillain-Barre syndrome.",
])
def test_words_of_another_time_after_the_finding_make_it_remote(sentence: str) -> None:
    # "as a child" and "last year" are forward and backward remote triggers; the forward group used
    # to take the words and the backward one never applied
    found = extract("Cervical myelopathy suspected. " + sentence, ON, region="cervical")
    assert [m.status for m in found.mentions if m.concept.id == "myelopathy-gbs"] == ["remote"]


def test_the_date_of_a_film_that_shows_the_operation_is_not_the_operation_date() -> None:
    note = ("She had an L4-5 laminectomy in March 2026.\n"
            "Lumbar x-rays after surgery, on September 20, show the laminectomy with no instability.")
    found = extract(note, ON, region="lumbar").facts.values.get("spine_surgery_date")
    assert found is None or found.month == 3
