"""False-approval probes, ninth round: the opposite path to a false approval. The earlier rounds looked for
statements that wrongly SUPPLY a missing criterion; here every note already meets a Cohere CT Spine pathway
(cohere-ct-spine-2.1: CT-IND-1 new pain or radiculopathy with MRI not possible and failed conservative care,
CT-IND-3 new neurological symptoms with MRI not possible, CT-IND-9 suspected metastasis, CT-IND-10 suspected
discitis), and the ONE varied statement says that the patient is in a situation the policy excludes, or
contradicts one of the pathway's own conditions:

* CT-NON-1: MRI or CT of the same region within 3 months, and PET or nuclear-medicine imaging of the same
  region within 3 months, where the rest of the note says that nothing was treated and nothing changed since
  (the literal reading of INTERPRETATIONS.md also covers an indeterminate MRI);
* CT-NON-2 and CT-IND-1's "new onset": neck pain (or back pain with sciatica) that is long-standing and
  unchanged, with no other criterion;
* CT-NON-3: a brachial or lumbosacral plexopathy without injury, diagnosed or suspected as the working
  diagnosis;
* CT-NON-4: imaging for multiple sclerosis;
* CT-IND-1's "no trauma": the pain began with a fall, a collision or a blow (a cervical note with a normal
  neurological exam, so that no trauma branch of CT-IND-11 can take over);
* CT-IND-1's "MRI cannot be performed" (claustrophobia the provider judges prohibitive): an MRI of the head
  or trunk recently completed without difficulty.

A reader that MISSES such a statement approves a request the policy refers. The statements must therefore
never approve (pend, not_met and out_of_scope are all acceptable), and the controls, neutral statements in
the same slot, must still approve, so that no test passes by reading nothing."""

from __future__ import annotations

from probe_notes import Probe, probe_tests

COHERE = "cohere-ct-spine-2.1"
HEAD = "Follow-up visit in clinic today; I examined him in person. "
HEADF = "Follow-up visit in clinic today; I examined her in person. "

# The lumbar CT-IND-1 note: new L5 radiculopathy, no injury, a pacemaker that rules out MRI, naproxen and
# physical therapy for 10 weeks ending June 30, and nothing treated or changed since July.
LUMBAR_BODY = """He took naproxen and completed physical therapy twice a week from April 20 to June 30, 2026, with no improvement. He has had no treatment since then, and his symptoms have been unchanged since July.
He has a cardiac pacemaker that is not MRI-conditional, so MRI is contraindicated.
{imaging}
No bowel or bladder change. No fever, weight loss or history of cancer.
Exam: positive straight leg raise on the left, reduced sensation over the dorsum of the left foot, strength 5/5.
Assessment: left L5 radiculopathy.
Request: CT lumbar spine without contrast."""
NEVER_IMAGED = "He has never had a CT or MRI of the spine."
ONSET = "61-year-old man with new low back pain radiating down the left leg to the foot since early April; no fall or injury."


def lumbar(onset: str = ONSET, imaging: str = NEVER_IMAGED, x_after: str = "") -> str:
    """The lumbar note; ``{x}`` is in the onset, the imaging line, or ``x_after`` (a line after the imaging)."""
    body = LUMBAR_BODY.format(imaging=imaging + (("\n" + x_after) if x_after else ""))
    return HEAD + onset + "\n" + body


# ---------------------------------------------------------------- CT-NON-1: MRI or CT of the lumbar spine within 3 months
RECENT_CT_SLOT = lumbar(imaging="{x}")
RECENT_MRI_OR_CT = [
    'CT of the lumbar spine on August 20, 2026 showed a left L4-L5 disc protrusion.',
    'CT L-spine 8/20/26 (outside): mild L4-5 disc bulge.',
    'He had a CT of the lumbar spine six weeks ago at an outside hospital.',
    'A lumbar CT myelogram on 9/3/2026 showed narrowing of the left L4-L5 lateral recess.',
    'CT lumbar spine in the emergency department on 2026-09-12 was unremarkable.',
    'Lumbar spine CT last month: degenerative disc disease at L4-L5 and L5-S1.',
    'CT LS spine done 3 weeks ago - negative.',
    'CT of the low back 2 months ago showed a disc herniation at L4-L5.',
    'CT lumbar spine Sept 2026: L4/5 foraminal stenosis.',
    'Prior imaging: CT L-spine 08/20/2026, L4-5 disc protrusion.',
    'He brings a CT of his lumbar spine from 9/10 showing a left L4-L5 protrusion; nothing has changed since that scan.',
    'Lumbar CT done at urgent care on 9/18/26 showed mild spondylosis.',
    'Lumbar CT 10 days ago was negative.',
    'CT L-spine 9/15/2026: negative.',
    'Lumbar CT last month negative.',
    'A lumbar CT on 9/1/2026 was negative for stenosis.',
    'A CT myelogram of the lumbar spine was done last month.',
    'CT of the lumbar spine was performed on 28-Aug-2026.',
    'Imaging: CT lumbar spine 2026-08-28 with an L4-L5 disc bulge.',
    'He had a lumbar spine CT in August.',
    'The CT of his lumbar spine four weeks ago showed a left L4-L5 disc herniation; the symptoms are unchanged since that scan and no treatment was given.',
    'An MRI of the lumbar spine on July 28, 2026, done under a monitored device protocol at the university hospital, showed a left L4-L5 disc protrusion.',
    'MRI L-spine 6 weeks ago (outside, pacemaker protocol): L4-5 HNP.',
    'Lumbar MRI under the pacemaker protocol on 8/14/2026 showed a left L4-L5 extrusion contacting the L5 root.',
    'He had both a CT and an MRI (device protocol) of the lumbar spine in August.',
]
NOT_RECENTLY_IMAGED = [
    NEVER_IMAGED,
    'His only spine imaging was a CT of the lumbar spine on March 3, 2019, which was normal.',
]

# ---------------------------------------------------------------- CT-NON-1: PET or nuclear medicine within 3 months
RECENT_NUCLEAR_SLOT = lumbar(x_after="{x}")
RECENT_PET_OR_NUCLEAR = [
    'A whole-body bone scan on 8/25/2026 showed mild uptake at L4-L5 consistent with degenerative change.',
    'He had a bone scan last month for the back pain, which showed only degenerative uptake in the lumbar spine.',
    'Nuclear medicine bone scan 9/2026: no abnormal uptake in the lumbar spine.',
    'SPECT-CT of the lumbar spine on August 30 showed facet uptake at L4-L5.',
    'Bone SPECT of the L-spine three weeks ago: increased uptake at the left L4-L5 facet.',
    'FDG PET-CT of the whole body on 9/10/2026, done at another hospital, showed no abnormal uptake in the spine.',
    'Tc-99m bone scintigraphy of the spine 6 weeks ago was unremarkable.',
    'A three-phase bone scan on 2026-09-04 showed no increased uptake in the lumbar spine.',
    'Bone scan (8/20/26): degenerative uptake L4-S1.',
    'PET/CT 08/2026: no hypermetabolic lesion in the lumbar spine.',
    'An indium-labelled white cell scan last month showed no uptake in the lumbar spine.',
    'A gallium scan of the lumbar spine in August was negative.',
    'The bone scan he had six weeks ago showed no uptake in the lumbar spine; nothing has changed since.',
    'NM bone scan 2 weeks ago - lumbar spine negative.',
    'He had a bone scan last month, which showed only degenerative uptake in the lumbar spine.',
    'Bone scan 9/2026: no abnormal uptake in the lumbar spine.',
    'An indium-labelled white cell scan on 9/1/2026 showed no uptake in the lumbar spine.',
    'He had a bone scan in August that included the lumbar spine.',
]
NO_RECENT_NUCLEAR = [
    'A bone scan in 2021 for knee pain was normal.',
    'No other imaging has been done.',
]

# ---------------------------------------------------------------- CT-NON-1: the indeterminate MRI of CT-IND-3 within 3 months
IND3_INDETERMINATE_MRI = HEAD + """62-year-old man with low back pain who since early May has developed new urinary retention and new numbness of the perineum and buttocks; no fall or injury.
He has a severe essential tremor and cannot lie still for an MRI.
{x}
He has had no treatment since then, and his symptoms have been unchanged since June.
Exam: reduced pinprick over the perineum and buttocks (saddle anesthesia); strength 5/5.
No fever, weight loss or history of cancer.
Request: CT lumbar spine without contrast."""
RECENT_INDETERMINATE_MRI = [
    'An MRI of the lumbar spine on August 20, 2026 was non-diagnostic because of motion.',
    'MRI L-spine 8/20/26 nondiagnostic d/t motion artifact.',
    'Lumbar MRI six weeks ago was indeterminate because he could not lie still.',
    'MRI of the lumbar spine last month was limited by motion and non-diagnostic.',
    'MRI lumbar spine 2026-09-10: severely degraded by motion, non-diagnostic.',
    'An outside MRI of the L-spine done in mid-August was nondiagnostic (motion).',
    'MRI lumbar spine (July 15, 2026): non-diagnostic study, the patient could not tolerate it.',
    'Lumbar MRI 3 weeks ago was indeterminate.',
    'MRI of the L-spine in September was non-diagnostic because of motion; nothing has changed since and no treatment was given.',
    '15 Aug 2026 MRI lumbar spine: indeterminate, degraded by motion.',
    'The lumbar MRI on 9/2 was inconclusive because of motion artifact.',
    'MRI LS spine, 2 months ago: non-diagnostic.',
]
OLDER_INDETERMINATE_MRI = ['An MRI of the lumbar spine on May 20, 2026 was non-diagnostic because of motion.']

# ---------------------------------------------------------------- CT-NON-3: lumbosacral plexopathy
LUMBOSACRAL_SLOT = lumbar(x_after="{x}")
LUMBOSACRAL_PLEXOPATHY = [
    'EMG last week also showed a left lumbosacral plexopathy.',
    'Nerve conduction studies and EMG on 9/20/2026 are consistent with a left lumbosacral plexopathy.',
    'Neurology diagnosed a diabetic lumbosacral plexopathy (diabetic amyotrophy) of the left leg.',
    'Idiopathic lumbosacral plexitis is the leading diagnosis.',
    'Left LS plexopathy on EMG.',
    'EMG: left lumbosacral plexopathy; the paraspinal muscles are normal.',
    'A left lumbar plexopathy from a spontaneous retroperitoneal hematoma on warfarin is suspected.',
    'Lumbosacral radiculoplexus neuropathy was diagnosed by neurology in August.',
    'The EMG also shows a left sacral plexopathy.',
    'Impression from neurology: non-traumatic left lumbosacral plexopathy.',
    'A plexopathy of the left lumbosacral plexus is suspected.',
    'Lumbar plexopathy, left, per EMG 09/2026.',
    'He has a left lumbosacral plexopathy, with no history of injury.',
    'Diabetic amyotrophy (lumbosacral radiculoplexus neuropathy) is suspected.',
    'Suspected left lumbosacral plexopathy.',
    'Lumbosacral plexopathy is suspected.',
]
NO_PLEXOPATHY = ['EMG last week showed a left L5 radiculopathy.']

# ---------------------------------------------------------------- CT-NON-3: brachial plexopathy (cervical CT-IND-1)
CERVICAL_BODY = """She took celecoxib and completed physical therapy twice a week from April 20 to June 30, 2026, with no improvement. She has had no treatment since then, and her symptoms have been unchanged since July.
She has a cardiac pacemaker that is not MRI-conditional, so MRI is contraindicated.
She has never had a CT or MRI of the spine.
{x}
No fever or weight loss.
Exam: Spurling test positive on the right, reduced sensation over the right thumb and index finger, strength 5/5.
Assessment: right C6 radiculopathy. Request: CT cervical spine without contrast."""
BRACHIAL_SLOT = HEADF + """58-year-old woman with new neck pain radiating into the right arm to the thumb since early April; no fall or injury.
""" + CERVICAL_BODY
BRACHIAL_PLEXOPATHY = [
    'EMG on 9/12/2026 showed a right brachial plexopathy.',
    'Neurology thinks this is Parsonage-Turner syndrome (neuralgic amyotrophy) of the right brachial plexus.',
    'Right brachial neuritis is suspected.',
    'She has a radiation-induced right brachial plexopathy from breast cancer treatment in 2015.',
    'Right brachial plexopathy on EMG/NCS.',
    'Brachial plexitis, right, per neurology.',
    'The working diagnosis is a right upper trunk brachial plexopathy.',
    'Electrodiagnostic study last week: right brachial plexopathy, upper trunk.',
    'Idiopathic brachial plexopathy is the leading diagnosis.',
    'R brachial plexopathy.',
    'Her arm symptoms are from a non-traumatic brachial plexopathy.',
    'Neuralgic amyotrophy of the right arm was diagnosed in August.',
    'Right brachial plexopathy is suspected.',
    'Possible right brachial plexopathy.',
]
NO_BRACHIAL_PLEXOPATHY = ['EMG last week showed a right C6 radiculopathy.']

# ---------------------------------------------------------------- CT-NON-4: imaging for multiple sclerosis (CT-IND-3 cervical)
MS_SLOT = HEADF + """45-year-old woman with neck pain and, over the past six weeks, new numbness and tingling of both hands, clumsy fingers and an unsteady gait; no fall or injury.
{x}
She has a cardiac pacemaker that is not MRI-conditional, so MRI is contraindicated. She has never had a CT or MRI of the spine.
No fever, weight loss or history of cancer. No bladder or bowel change.
Exam: Hoffmann sign positive on both sides, brisk reflexes in the arms and legs, wide-based gait.
Request: CT cervical spine without contrast."""
FOR_MULTIPLE_SCLEROSIS = [
    'Multiple sclerosis is suspected; the CT is to look for cord lesions.',
    'CT to look for MS lesions.',
    'R/O MS.',
    'She has relapsing-remitting MS on ocrelizumab; this may be a relapse, and the CT is to follow her cervical cord plaques.',
    'Known MS; imaging to assess disease progression.',
    'Demyelinating disease such as multiple sclerosis is the main concern.',
    'Indication: evaluate for multiple sclerosis.',
    'Neurology asks for spine imaging to support a diagnosis of MS; oligoclonal bands were positive.',
    'Her brain MRI before the pacemaker showed white-matter lesions typical of MS; the spine is imaged to complete the MS work-up.',
    'Concern for an MS flare.',
    'MS exacerbation suspected; CT C-spine to look for a new cord lesion.',
    'Possible multiple sclerosis - imaging requested by neurology for diagnosis.',
    'Dx: suspected multiple sclerosis.',
    'This is follow-up of her known multiple sclerosis, to guide a change of disease-modifying therapy.',
    'Hx MS (dx 2019); imaging for MS surveillance.',
    'Clinically isolated syndrome versus MS; imaging of the cervical cord is requested.',
    'Work-up for possible demyelination (MS).',
    'CT to look for multiple sclerosis lesions.',
    'Evaluate for MS.',
]
NO_MULTIPLE_SCLEROSIS = [
    'She has no history of neurological disease.',
    'Cervical myelopathy from spondylosis is suspected.',
]

# ---------------------------------------------------------------- CT-NON-2: chronic neck pain, nothing else
NECK_PAIN_ONSET = HEADF + """58-year-old woman with neck pain.
{x}
""" + CERVICAL_BODY.replace("{x}\n", "").replace(
    "Exam: Spurling test positive on the right, reduced sensation over the right thumb and index finger, strength 5/5.\n"
    "Assessment: right C6 radiculopathy.",
    "No arm pain, numbness or weakness. No injury.\n"
    "Exam: tenderness of the lower neck muscles, reduced rotation, normal neurological exam.\n"
    "Assessment: axial neck pain.")
CHRONIC_NECK_PAIN = [
    'She has had neck pain for 12 years.',
    'Neck pain, chronic, for at least 5 years, unchanged.',
    'Long-standing neck pain since her twenties, the same as always.',
    'The neck pain has been constant and unchanged for the past 2 years.',
    'Chronic cervicalgia x 10 yrs.',
    'Neck pain since 2015 without change.',
    'She has had the same aching neck pain on and off for years.',
    'Axial neck pain present for more than a year.',
    'Neck pain: chronic (years).',
    'Chronic neck pain, her usual pain, unchanged since 2018.',
    'The neck pain has been present daily for three years.',
    'She has lived with neck pain for decades.',
    'Neck pain for 4 yrs, no change in character.',
    'Her chronic neck pain dates back to 2010.',
]
NEW_NECK_PAIN = [
    'New neck pain since early April, without any fall or injury.',
    'This is a new episode of neck pain that started in early April.',
]

# ---------------------------------------------------------------- CT-IND-1 new onset: long-standing back pain with sciatica
LUMBAR_ONSET_SLOT = lumbar(onset="61-year-old man with low back pain radiating down the left leg to the foot. No fall or injury.\n{x}")
NOT_NEW_LUMBAR = [
    'The back and leg pain have been present for 3 years, unchanged.',
    'Chronic low back pain with left sciatica since 2015.',
    'He has had the same back pain and left leg pain for a decade.',
    'Long-standing low back pain and left sciatica, no different from previous years.',
    'Chronic LBP with L radiculopathy x 6 yrs.',
    'Back and leg pain since 2019, stable.',
    'This is his usual chronic back pain and sciatica, present for many years.',
    'The symptoms date back to 2018 and have not changed.',
    'He has had left sciatica for more than five years.',
    'Low back pain with left leg radiation for 4 years, no new symptoms.',
]
NEW_LUMBAR = [
    'New back and leg pain since early April.',
    'The back and leg pain started in early April; he never had back pain before.',
]

# ---------------------------------------------------------------- CT-IND-1 no trauma: the neck pain began with an injury
# Cervical, with a normal neurological exam: no trauma branch of CT-IND-11 is open to this note (the
# post-traumatic radiculopathy branch, where a low-velocity fall would legitimately qualify, is lumbar only;
# the deficit branch needs an objective deficit; the follow-up and high-risk branches need initial imaging).
TRAUMA_SLOT = HEADF + """58-year-old woman with new neck pain radiating into the right arm to the thumb since early April.
{x}
""" + CERVICAL_BODY.replace("{x}\n", "").replace(
    "Exam: Spurling test positive on the right, reduced sensation over the right thumb and index finger, strength 5/5.\n"
    "Assessment: right C6 radiculopathy.",
    "Exam: Spurling test positive on the right; sensation, strength and reflexes are normal.\n"
    "Assessment: right C6 radicular pain.")
INJURY_AT_ONSET = [
    'The pain began after she fell from a ladder.',
    'It started when she slipped on ice and fell onto her back.',
    'The pain began after a rear-end car collision on April 2.',
    'She fell down a flight of stairs on April 1, and the pain started that day.',
    'Onset after being tackled playing rugby.',
    'The pain started after she crashed her bicycle into a parked car.',
    'It began after her ATV rolled over.',
    'She was struck on the neck by a falling shelf at work, and the pain began then.',
    'The pain followed a fall from a horse.',
    'S/p MVC 4/1/26, neck pain since.',
    'She dove into a shallow pool, struck her head on the bottom, and the neck pain began that day.',
    'The pain started after a fall at home.',
    'She was the driver in a highway crash at 60 mph; the pain began that day.',
    'The pain began after she slipped off a roof.',
    'Onset: a fall from standing height onto her head and shoulder.',
    'She was injured in a skiing accident in early April.',
    'The neck pain started after a snowmobile crash.',
    'She was pushed, fell backwards onto concrete, and has had the pain since.',
    'After a motorcycle accident in early April she developed the arm pain.',
    'Whiplash injury in a car crash in early April.',
]
NO_INJURY_AT_ONSET = [
    'It started without any fall or injury.',
    'It came on gradually; there was no injury.',
]

# ---------------------------------------------------------------- CT-IND-1 MRI not possible: an MRI tolerated after all
# MRI "cannot be performed" rests on claustrophobia the ordering provider judges prohibitive; the statement
# says that the patient recently went through an MRI of a part of the body that puts the trunk or head in
# the bore, without difficulty.
MRI_SLOT = lumbar(imaging="He has severe claustrophobia; in my judgment he cannot undergo MRI, even with sedation or an open scanner.\n"
                          "{x}\n" + NEVER_IMAGED).replace(
    "He has a cardiac pacemaker that is not MRI-conditional, so MRI is contraindicated.\n", "")
MRI_POSSIBLE = [
    'A brain MRI last month for headaches was done without any problem.',
    'He completed an MRI of the hip on 9/10/2026 without sedation or difficulty.',
    'He has had many MRIs without trouble, most recently of his shoulder in June.',
    'He lay still through a 45-minute shoulder MRI last month with no problem.',
    'He tolerated an abdominal MRI in September without sedation.',
    'He had a closed-bore MRI of the prostate on 8/12/26 with no anxiety.',
    'A cardiac MRI in July went smoothly.',
    'He says the claustrophobia has gone since he started sertraline; he had a brain MRI last week with no trouble.',
    'He got through a brain MRI in the closed scanner two weeks ago after taking one lorazepam.',
    'He completed a pelvic MRI in an open scanner in August without difficulty.',
    'MRI of the abdomen on 2026-09-03: completed, well tolerated.',
]
MRI_NOT_POSSIBLE = [
    'He has had no MRI of any kind.',
    'He could not complete a brain MRI in August because of panic, even after taking lorazepam.',
]

# ---------------------------------------------------------------- CT-NON-1 under CT-IND-9: a suspected metastasis imaged recently
TUMOR_SLOT = HEADF + """70-year-old woman treated for breast cancer in 2015, with new mid back pain since early July that is worse at night; no fall or injury.
Alkaline phosphatase 310 and calcium 11.2 this month; a spinal metastasis is suspected.
She has a cardiac pacemaker that is not MRI-conditional, so MRI is contraindicated.
{x}
She has had no treatment since then, and her symptoms have been unchanged since mid-July.
Exam: tenderness over T8, strength 5/5, reflexes symmetric.
Request: CT thoracic spine without contrast."""
TUMOR_RECENT_IMAGING = [
    'CT of the thoracic spine on 8/25/2026 showed a 1.5 cm lytic lesion in T8.',
    'T-spine CT 6 weeks ago: indeterminate sclerotic focus in T8.',
    'A bone scan on 9/10/2026 showed increased uptake at T8.',
    'PET-CT on 2026-09-15 showed an FDG-avid lesion in the T8 vertebral body.',
    'A thoracic CT myelogram on 9/1 showed no cord compression; a T8 lesion was noted.',
    'Outside CT of the thoracic spine (Aug 2026): lytic T8 lesion, no fracture.',
    'Bone scintigraphy last month: a solitary hot spot at T8.',
    'She had a thoracic spine CT at the cancer center three weeks ago that showed the T8 lesion; nothing has changed since and no treatment has been given.',
    'CT T-spine 9/5/26 - possible lytic lesion T8.',
    'A thoracic spine CT was done on 20 August 2026.',
]
TUMOR_NOT_IMAGED = ['She has never had a CT, MRI, PET or bone scan of the spine.']

# ---------------------------------------------------------------- CT-NON-1 under CT-IND-10: a suspected discitis imaged recently
INFECTION_SLOT = HEAD + """58-year-old man on hemodialysis with new low back pain since mid-September, fevers to 38.6 C, CRP 140 and white count 15; discitis at L3-L4 is suspected. No fall or injury.
He has a cardiac pacemaker that is not MRI-conditional, so MRI is contraindicated.
{x}
Antibiotics are held until a biopsy, so he has had no treatment since then, and his symptoms have been unchanged since September 20.
Exam: tenderness over L3-L4, strength 5/5, reflexes symmetric.
Request: CT lumbar spine without contrast."""
INFECTION_RECENT_IMAGING = [
    'CT L-spine in the ED on 9/25/2026 was equivocal for L3-L4 discitis.',
    'A lumbar CT 5 days ago was indeterminate for discitis at L3-L4.',
    'Gallium SPECT of the lumbar spine on 9/26 was equivocal.',
    'A tagged white cell scan on 9/24/2026 showed no definite uptake in the lumbar spine.',
    'Outside CT lumbar spine 09/22/26: endplate irregularity at L3-4, ?discitis.',
    'CT of the lumbar spine last week showed possible early discitis at L3-L4.',
    'FDG PET/CT on 26 Sep 2026 showed uptake at L3-L4 suspicious for discitis.',
    'Lumbar CT on September 23 was read as negative.',
]
INFECTION_NOT_IMAGED = ['He has never had a CT, MRI, PET or nuclear scan of the spine.']


PROBES = [
    Probe("CT-NON-1 MRI or CT of the region within 3 months", RECENT_CT_SLOT, COHERE, "72131", "1965-01-01", "male",
          RECENT_MRI_OR_CT, NOT_RECENTLY_IMAGED),
    Probe("CT-NON-1 PET or nuclear study of the region within 3 months", RECENT_NUCLEAR_SLOT, COHERE, "72131",
          "1965-01-01", "male", RECENT_PET_OR_NUCLEAR, NO_RECENT_NUCLEAR),
    Probe("CT-NON-1 indeterminate MRI within 3 months (CT-IND-3)", IND3_INDETERMINATE_MRI, COHERE, "72131",
          "1964-01-01", "male", RECENT_INDETERMINATE_MRI, OLDER_INDETERMINATE_MRI),
    Probe("CT-NON-3 lumbosacral plexopathy", LUMBOSACRAL_SLOT, COHERE, "72131", "1965-01-01", "male",
          LUMBOSACRAL_PLEXOPATHY, NO_PLEXOPATHY),
    Probe("CT-NON-3 brachial plexopathy", BRACHIAL_SLOT, COHERE, "72125", "1968-01-01", "female",
          BRACHIAL_PLEXOPATHY, NO_BRACHIAL_PLEXOPATHY),
    Probe("CT-NON-4 imaging for multiple sclerosis", MS_SLOT, COHERE, "72125", "1981-01-01", "female",
          FOR_MULTIPLE_SCLEROSIS, NO_MULTIPLE_SCLEROSIS),
    Probe("CT-NON-2 chronic neck pain", NECK_PAIN_ONSET, COHERE, "72125", "1968-01-01", "female",
          CHRONIC_NECK_PAIN, NEW_NECK_PAIN),
    Probe("CT-IND-1 pain not of new onset", LUMBAR_ONSET_SLOT, COHERE, "72131", "1965-01-01", "male",
          NOT_NEW_LUMBAR, NEW_LUMBAR),
    Probe("CT-IND-1 injury at onset", TRAUMA_SLOT, COHERE, "72125", "1968-01-01", "female",
          INJURY_AT_ONSET, NO_INJURY_AT_ONSET),
    Probe("CT-IND-1 MRI possible after all", MRI_SLOT, COHERE, "72131", "1965-01-01", "male",
          MRI_POSSIBLE, MRI_NOT_POSSIBLE),
    Probe("CT-NON-1 recent imaging of a suspected metastasis (CT-IND-9)", TUMOR_SLOT, COHERE, "72128",
          "1956-01-01", "female", TUMOR_RECENT_IMAGING, TUMOR_NOT_IMAGED),
    Probe("CT-NON-1 recent imaging of a suspected discitis (CT-IND-10)", INFECTION_SLOT, COHERE, "72131",
          "1968-01-01", "male", INFECTION_RECENT_IMAGING, INFECTION_NOT_IMAGED),
]


test_a_statement_that_does_not_supply_the_fact_never_approves, test_the_statement_that_supplies_it_approves = \
    probe_tests(PROBES)
