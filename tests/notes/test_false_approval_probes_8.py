"""False-approval probes, eighth round: the opposite path to a false approval. The earlier rounds looked
for statements that wrongly SUPPLY a missing criterion; here every base note already meets an EviCore
pathway (it approves as written), and the varied statement says that the patient is in a situation the
policy excludes or sends to another guideline: an `always` exclusion (SP-1.0 stable longstanding pain or
resolved/improving pain, SP-2.2 positional MRI, SP-2.7 imaging only for degenerative x-ray findings,
SP-10.3 fibromyalgia, SP-15.2 routine post-fusion imaging, SP-16.3 lumbar imaging for a stimulator,
SP-3/SP-4 thoracic imaging only for neck or low back pain that spreads) or a redirect (SP-1.2 aortic
aneurysm or dissection, known cancer with suspicious pain, pathological fracture with cancer, SP-6.1
plexopathy, focal leg neuropathy and a separate hip indication, SP-7.1 transverse myelitis, SP-8.1
spondylolysis in a child, SP-10.1 rheumatoid arthritis, SP-11.1 a new compression fracture with a history
of malignancy, SP-12 cancer pain). If the reader misses that statement the request approves, which is a
false approval; any other outcome (not_met, out_of_scope, pend) is acceptable.

In the Probe rows ``not_supporting`` holds the statements of the excluded or redirected situation (none may
approve) and ``supporting`` holds neutral controls that must still approve (a denial, the onset, the usual
course), so that each table shows the base note approves and only the statement changes the outcome."""

from __future__ import annotations

from probe_notes import Probe, probe_tests
from test_false_approval_probes_5 import THORACIC as THORACIC_NOTE

EVICORE = "evicore-spine-2026"
HEAD = "Follow-up visit in clinic today; I examined her in person. "
LBP_EXAM = """No leg pain, numbness or weakness. No fever, weight loss, night pain, bowel or bladder change. No history of
cancer. No red flags.
Exam: paraspinal tenderness, SLR negative, strength 5/5, reflexes symmetric.
Assessment: low back pain. Request: MRI lumbar spine without contrast."""

# ---------------------------------------------------------------- SP-1.0: stable, longstanding pain
# the slot carries the history of the pain (the control: a recent onset)
LBP_HISTORY = HEAD + """47-year-old woman seen for low back pain, no injury.
{x}
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
""" + LBP_EXAM
STABLE_LONGSTANDING = [
    'Chronic low back pain for 10 years, stable, no change.',
    'Same low back pain since 2012, unchanged in character or severity.',
    'Longstanding stable LBP x 15 yrs, no new symptoms.',
    'Chronic LBP, stable for years, nothing new.',
    'She has had this same back ache for 20 years and it has not changed.',
    'Low back pain for many years, at her baseline, unchanged.',
    'Chronic stable low back pain since her twenties; no change in symptoms or exam.',
    'Low back pain x 10 yrs, stable.',
    'Long-standing mechanical low back pain, unchanged for the past 8 years.',
    'Chronic low back pain since 2009 that has been stable throughout.',
    'Her chronic back pain is the same as it has been for years.',
    'Stable chronic LBP (>5 years) with no interval change.',
    'She reports her usual chronic low back pain, unchanged from prior visits over many years.',
    'Low back pain for decades, no recent change.',
    'Back pain since a lifting injury in 2010; it has been stable ever since.',
    'Chronic low back pain, longstanding and unchanged; no new features.',
]
RECENT_ONSET = ['Low back pain since early August.', 'Her low back pain began in early August.']

# ---------------------------------------------------------------- SP-1.0: resolved or improving pain
# the trial failed; the slot carries how the pain is now (the control: no better)
LBP_NOW = HEAD + """47-year-old woman with low back pain since early August, no injury.
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
{x}
""" + LBP_EXAM
RESOLVED_OR_IMPROVING = [
    'Over the past week the pain has finally started to improve, now 3/10.',
    'Pain is much better, 2/10 now.',
    'Her back pain has resolved.',
    'Improving steadily; 3/10 today from 8/10.',
    'LBP resolving.',
    'The pain is gradually getting better with home exercises.',
    'Pain now resolved; she would like an MRI for reassurance.',
    'Symptoms improving.',
    'Back pain almost gone.',
    'Since the last visit her pain has improved by about half.',
    'Her pain has resolved over the past two weeks.',
    'LBP better, 2/10.',
    'She feels 80% better.',
    'Pain-free for the past week.',
    'The pain is slowly improving.',
    'She is improving and back at work full duty.',
    'Now minimal pain; she is improving.',
    'Back pain has settled.',
    'Pain has largely subsided.',
]
NOT_IMPROVING = ['The pain is no better, 6/10, and limits work.', 'The pain is unchanged at 6/10.']

# ---------------------------------------------------------------- the same approving note, one added statement
LBP = HEAD + """47-year-old woman with low back pain since early August, no injury.
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
The pain is no better, 6/10, and limits work.
{x}
""" + LBP_EXAM
NEUTRAL = ['She works as a teacher.', 'No history of aortic aneurysm.']

# SP-1.2: a known aortic aneurysm with this new back pain, or a suspected dissection -> PVD-6
AORTIC = [
    'Known AAA 5.2 cm, followed by vascular surgery.',
    'She has a known 4.8 cm abdominal aortic aneurysm under surveillance.',
    'Hx AAA, last ultrasound 5.0 cm.',
    'PMH: abdominal aortic aneurysm (4.6 cm), on annual imaging.',
    'Known infrarenal aortic aneurysm measuring 5.1 cm.',
    'She has an abdominal aortic aneurysm being watched by her vascular surgeon.',
    'History of AAA, not yet repaired.',
    'AAA 4.9 cm on CT in March.',
    'She has a known AAA and this back pain is new.',
    'Abdominal aortic aneurysm, 5.3 cm, followed by vascular; the low back pain is new.',
    'Her known AAA has grown to 5.4 cm; vascular surgery is aware.',
    'Hx of 5 cm AAA.',
    'Concern for aortic dissection given tearing pain through to the back.',
    'Aortic dissection is suspected.',
]

# SP-2.2: positional (upright, standing, weight-bearing, dynamic, kinetic) MRI
POSITIONAL = [
    'Upright MRI requested.',
    'Please perform as a weight-bearing standing MRI.',
    'Dynamic flexion/extension MRI of the lumbar spine requested.',
    'Kinetic MRI requested.',
    'Positional MRI at the open upright center.',
    'She prefers an upright MRI in the seated position.',
    'Request upright weight-bearing MRI to assess instability.',
    'Standing MRI ordered.',
    'Please do the MRI in the upright open scanner with flexion and extension views.',
    'Weight-bearing MRI is requested.',
    'Dynamic MRI requested.',
    'Upright positional MRI (flexion, extension, seated).',
]

# SP-2.7: asked only because the x-rays show degeneration (the pain is non-specific axial pain)
DEGENERATIVE_XRAY_ONLY = [
    'The MRI is requested only because her x-rays show degenerative changes.',
    'MRI ordered solely on the basis of degenerative disc disease seen on lumbar x-rays.',
    'Lumbar x-rays showed DDD at L4-5 and L5-S1; MRI requested because of the x-ray findings alone.',
    'Requesting MRI only for the spondylosis on her x-rays.',
    'The sole reason for the MRI is the degenerative findings on her lumbar x-rays.',
    'MRI to further evaluate degenerative changes seen on x-ray; no other indication.',
    'Indication for MRI: degenerative changes on plain films only.',
    'Lumbar x-rays: multilevel spondylosis; MRI requested solely for these x-ray findings.',
]

# SP-10.3: imaging to evaluate or manage fibromyalgia
FIBROMYALGIA = [
    'MRI requested as part of her fibromyalgia work-up.',
    'Widespread pain; the MRI is to evaluate for fibromyalgia.',
    'Fibromyalgia work-up.',
    'Suspected fibromyalgia; imaging requested to evaluate her pain.',
    'She has fibromyalgia and the MRI is requested to evaluate her fibromyalgia pain.',
    'Diffuse tender points; likely fibromyalgia. MRI to evaluate.',
    'Known fibromyalgia; imaging to help manage her fibromyalgia.',
    'The back pain is part of her fibromyalgia; MRI requested.',
    'Her low back pain is attributed to fibromyalgia; the MRI is to evaluate it.',
    'Fibromyalgia with diffuse pain; MRI to evaluate.',
    'Evaluate for fibromyalgia.',
    'MRI for fibromyalgia.',
]

# SP-15.2: a routine check of a clinically successful fusion
ROUTINE_POSTFUSION = [
    'She had an L4-5 fusion in 2024; the MRI is a routine check of the fusion, which has done well.',
    'Routine 1-year post-fusion MRI; fusion clinically successful.',
    'The MRI is routine surveillance of her L4-S1 fusion from 2023.',
    'L5-S1 fusion 2024, doing well; surgeon wants a routine follow-up MRI of the fusion.',
    'Routine post-op imaging of her lumbar fusion per surgeon protocol.',
    'Annual routine imaging of her solid L4-5 fusion.',
    'Post-fusion routine check: L4-5 TLIF in 2024, clinically successful.',
    'The surgeon requests routine post-fusion imaging; no new symptoms from the fusion.',
]

# SP-16.3: lumbar imaging to place or remove a spinal cord stimulator
SCS = [
    'MRI requested before a spinal cord stimulator trial.',
    'Pre-SCS trial imaging.',
    'She is scheduled for SCS lead placement; the surgeon requests a lumbar MRI first.',
    'Planning removal of her spinal cord stimulator.',
    'MRI to plan spinal cord stimulator placement.',
    'Spinal cord stimulator trial planned; MRI needed for planning.',
    'Pre-op imaging for permanent SCS implant.',
    'Dorsal column stimulator trial is planned next month; MRI requested beforehand.',
    'She will have her spinal cord stimulator explanted; lumbar MRI requested before the removal.',
    'SCS candidate; MRI for pre-procedure planning.',
    'Lumbar MRI for SCS planning.',
    'Neuromodulation: spinal cord stimulator trial pending, imaging requested.',
]

# ---------------------------------------------------------------- SP-1.2 / SP-12 / SP-11.1: cancer -> oncology
# no cancer statement in the base note (the control: the denial)
LBP_CANCER_OPEN = HEAD + """57-year-old woman with low back pain since early August, no injury.
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
The pain is no better, 6/10, and limits work.
{x}
No leg pain, numbness or weakness. No fever, bowel or bladder change.
Exam: paraspinal tenderness, SLR negative, strength 5/5, reflexes symmetric.
Request: MRI lumbar spine without contrast."""
CANCER_SPINE = [
    'Hx breast ca with mets to bone.',
    'Metastatic prostate cancer; concern the back pain is from spinal mets.',
    'History of lung cancer treated in 2023; worried about spinal metastasis.',
    'Known multiple myeloma.',
    'Breast cancer 2021 on anastrozole; this new back pain raises concern for metastasis.',
    'Stage IV breast cancer with known bone metastases.',
    'Hx of colon cancer; r/o spinal metastasis.',
    'She has a history of melanoma and I am concerned about metastatic disease to the spine.',
    'Known metastatic renal cell carcinoma.',
    'PMH: breast CA s/p mastectomy 2020. Concern for vertebral mets.',
    'History of breast cancer with a known L3 metastasis.',
    'Lung cancer on chemotherapy; back pain likely from her cancer.',
    'Known lymphoma with spinal involvement.',
    'Prior breast cancer; the back pain may be related to her cancer.',
    'Hx of thyroid cancer; suspect vertebral metastasis.',
    'Oncology history: ovarian cancer 2022. Evaluate for spinal metastasis.',
    'Metastatic breast cancer.',
    'Pathological fracture suspected; she has a history of myeloma.',
    'History of breast cancer; lumbar x-rays last week show an L2 compression fracture, possibly pathological.',
    'Known prostate cancer; x-rays suggest a pathologic fracture of L3.',
    'Hx lung ca. Concern for pathologic fracture at L1.',
    'Hx breast cancer 2019. Lumbar x-rays in September: new L2 compression fracture.',
]
NO_CANCER = ['No history of cancer.', 'No history of cancer. No red flags.']

# SP-11.1: a new compression fracture on x-rays and a history of malignancy
FRACTURE_CANCER_OPEN = HEAD + """72-year-old woman with sudden mid back pain at T12 for 3 weeks after lifting a laundry basket.
I suspect a compression fracture. No leg weakness, bowel or bladder change.
Point tenderness over T12.
Thoracic x-rays last week show a new T12 compression fracture.
{x}
Request: MRI thoracic spine without contrast."""
MALIGNANCY_HISTORY = [
    'History of breast cancer in 2019, in remission.',
    'Hx of multiple myeloma.',
    'She had colon cancer treated in 2020.',
    'Prior lymphoma, in remission since 2018.',
    'PMH: breast ca s/p lumpectomy and radiation 2017.',
    'Hx lung CA.',
    'History of endometrial cancer, treated with hysterectomy in 2015.',
    'Cancer history: melanoma excised 2016.',
    'She is a breast cancer survivor.',
    'Hx of renal cell carcinoma s/p nephrectomy.',
    'She has known metastatic breast cancer.',
    'History of thyroid cancer.',
    'Past medical history significant for ovarian carcinoma.',
    'Known myeloma on treatment.',
]
NO_MALIGNANCY = ['No history of cancer.']

# ---------------------------------------------------------------- SP-6.1: plexopathy, focal leg neuropathy -> PN-5, PN-2
LEG = HEAD + """52-year-old woman with low back pain and right leg numbness and tingling since early August, no injury.
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
{x}
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI lumbar spine without contrast."""
PLEXOPATHY_OR_FOCAL_NEUROPATHY = [
    'EMG/NCS last week: right lumbosacral plexopathy.',
    'Working diagnosis: right lumbosacral plexopathy.',
    'Diabetic amyotrophy (lumbosacral radiculoplexus neuropathy) is the working diagnosis.',
    'I suspect a lumbar plexopathy rather than a radiculopathy.',
    'Likely right LS plexopathy.',
    'Nerve conduction studies show a right peroneal neuropathy at the fibular head.',
    'Working diagnosis: right common peroneal neuropathy.',
    'Numbness of the lateral thigh consistent with meralgia paresthetica.',
    'Meralgia paresthetica is suspected.',
    'Suspect right femoral neuropathy after her hysterectomy.',
    'Right sciatic neuropathy after her hip replacement is suspected.',
    'Assessment: right lateral femoral cutaneous neuropathy.',
    'Her leg symptoms are from a peroneal nerve palsy after crossing her legs.',
    'EMG shows a right sciatic mononeuropathy.',
    'Dx: R fibular neuropathy.',
    'Femoral mononeuropathy on EMG.',
]
LEG_NEUTRAL = ['Numbness along the outer right calf and top of the foot.', 'She works as a teacher.']

# ---------------------------------------------------------------- SP-7.1: transverse myelitis -> HD-16.4
NECK = HEAD + """47-year-old woman with neck pain and right arm tingling since early August, no injury.
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
{x}
No fever, weight loss, bowel or bladder change. No history of cancer.
Request: MRI cervical spine without contrast."""
TRANSVERSE_MYELITIS = [
    'Neurology suspects transverse myelitis.',
    'MRI requested to evaluate for transverse myelitis.',
    'Concern for transverse myelitis after her recent viral illness.',
    'TM suspected.',
    'R/O transverse myelitis.',
    'Differential includes transverse myelitis.',
    'Possible transverse myelitis; sensory level at T4.',
    'Known transverse myelitis in 2024; MRI to reassess it.',
    'She has a history of transverse myelitis and the MRI is to look for a recurrence.',
    'Acute transverse myelitis suspected after her flu.',
    'Neuromyelitis optica with suspected transverse myelitis.',
    'Post-infectious transverse myelitis is the working diagnosis.',
    'Suspect longitudinally extensive transverse myelitis.',
]
NECK_NEUTRAL = ['She works as a teacher.', 'No history of multiple sclerosis.']

# ---------------------------------------------------------------- SP-8.1: spondylolysis in a child -> PEDSP-2.4
TEEN = """Follow-up visit in clinic today; I examined him in person. 15-year-old boy with low back pain since early August, no injury.
He completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
{x}
No leg pain, numbness or weakness. No fever, weight loss, night pain, bowel or bladder change. No history of cancer.
Exam: paraspinal tenderness, strength 5/5, reflexes symmetric.
Request: MRI lumbar spine without contrast."""
PEDIATRIC_SPONDYLOLYSIS = [
    'He is a gymnast and I suspect an L5 pars stress fracture (spondylolysis).',
    'Suspected spondylolysis.',
    'Oblique x-rays show a pars defect at L5.',
    'Positive stork test; concern for spondylolysis.',
    'R/o spondylolysis.',
    'Bilateral L5 pars defects seen on lumbar x-rays.',
    'Pain with lumbar extension in this 15-year-old gymnast; pars interarticularis stress injury suspected.',
    'Lumbar x-rays in August: L5 spondylolysis.',
    'Possible pars fracture.',
    'Known L5 spondylolysis diagnosed last year.',
    'Concern for stress reaction of the L4 pars.',
    'Spondylolysis vs. muscle strain.',
    'Isthmic spondylolisthesis grade 1 at L5-S1 with bilateral pars defects.',
    'Suspect a pars interarticularis defect.',
]
TEEN_NEUTRAL = ['Lumbar x-rays in August were normal.', 'He plays soccer.']

# ---------------------------------------------------------------- SP-3 / SP-4: thoracic imaging for pain that spreads
THORACIC = THORACIC_NOTE  # the SP-4.1 note of the fifth round (thoracic x-rays, seven weeks of treatment)
SPREADING_ONLY = [
    'Low back pain radiating up into the mid back.',
    'Her low back pain spreads upward toward the shoulder blades.',
    'LBP that radiates up the back to the thoracic area.',
    'Low back pain extending up into the thoracolumbar region.',
    'Neck pain radiating down between the shoulder blades.',
    'Neck pain that spreads into the upper back.',
    'Cervical pain radiating to the upper thoracic region.',
    'Neck pain radiating to the interscapular area.',
    'Her neck pain travels down into her upper back; the thoracic MRI is requested because of that spread.',
    'Thoracic MRI requested only because her low back pain radiates up; no thoracic tenderness.',
    'Low back pain with radiation up the spine to the mid back; no thoracic findings on exam.',
    'Neck pain radiating into the trapezius and upper back.',
    'LBP radiating cephalad to the mid back.',
    'Low back pain going up into the mid back when she bends.',
    'Neck pain that shoots down between her scapulae.',
    'Neck pain with radiation to the interscapular region.',
]
THORACIC_PAIN = ['She has mid back pain at T6.', 'Pain between the shoulder blades since August.']

# ---------------------------------------------------------------- SP-10.1: rheumatoid arthritis -> MS-15 (pelvis codes)
SI_JOINT = HEAD + """44-year-old woman with right buttock pain since early August, no injury.
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
Pelvis and SI joint x-rays taken in August were equivocal.
Right SI joint tenderness; FABER and thigh thrust tests positive.
{x}
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI pelvis without contrast."""
RHEUMATOID = [
    'She has seropositive rheumatoid arthritis on methotrexate; the SI pain is thought to be from her RA.',
    'Known RA; imaging to evaluate rheumatoid involvement of the SI joints.',
    'Rheumatoid arthritis with a flare in the right SI joint suspected.',
    'RA on adalimumab; concern for RA of the SI joint.',
    'Hx rheumatoid arthritis; evaluate SI joint for RA involvement.',
    'Seropositive RA, now with right SI joint pain likely from her RA.',
    'Rheumatoid arthritis; the MRI is to assess her rheumatoid disease in the pelvis.',
    'Rheumatology follows her for RA, and the MRI is requested for her RA.',
]
NO_RHEUMATOID = ['No history of inflammatory arthritis.', 'She works as a teacher.']

# ---------------------------------------------------------------- SP-6.1: a separate hip indication -> MS-24 (pelvis codes)
SI_JOINT_LEG = HEAD + """44-year-old woman with right buttock pain and right leg numbness and tingling since early August, no injury.
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
Pelvis and SI joint x-rays taken in August were equivocal.
Right SI joint tenderness; FABER and thigh thrust tests positive.
{x}
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI pelvis without contrast."""
SEPARATE_HIP_INDICATION = [
    'The pelvis MRI is also to look at her right hip for suspected avascular necrosis.',
    'She also has right hip groin pain; suspect a labral tear, which the pelvis MRI should show.',
    'Right hip osteoarthritis suspected; the MRI will evaluate the hip joint.',
    'Groin pain with painful internal rotation; the MRI is for suspected right hip osteonecrosis.',
    'MRI pelvis requested also to evaluate the right hip for a stress fracture of the femoral neck.',
    'Concern for right femoral head AVN on steroids; MRI pelvis to assess the hip.',
]
NO_HIP_INDICATION = ['Hip range of motion is full and painless.']


PROBES = [
    Probe("SP-1.0 stable longstanding pain", LBP_HISTORY, EVICORE, "72148", "1979-01-01", "female",
          STABLE_LONGSTANDING, RECENT_ONSET),
    Probe("SP-1.0 resolved or improving", LBP_NOW, EVICORE, "72148", "1979-01-01", "female",
          RESOLVED_OR_IMPROVING, NOT_IMPROVING),
    Probe("SP-1.2 aortic aneurysm or dissection", LBP, EVICORE, "72148", "1969-01-01", "female", AORTIC, NEUTRAL),
    Probe("SP-2.2 positional MRI", LBP, EVICORE, "72148", "1979-01-01", "female", POSITIONAL, NEUTRAL),
    Probe("SP-2.7 degenerative x-ray findings only", LBP, EVICORE, "72148", "1979-01-01", "female",
          DEGENERATIVE_XRAY_ONLY, NEUTRAL),
    Probe("SP-10.3 fibromyalgia", LBP, EVICORE, "72148", "1979-01-01", "female", FIBROMYALGIA, NEUTRAL),
    Probe("SP-15.2 routine post-fusion imaging", LBP, EVICORE, "72148", "1979-01-01", "female",
          ROUTINE_POSTFUSION, NEUTRAL),
    Probe("SP-16.3 lumbar imaging for a stimulator", LBP, EVICORE, "72148", "1979-01-01", "female", SCS, NEUTRAL),
    Probe("SP-1.2/SP-12 known cancer", LBP_CANCER_OPEN, EVICORE, "72148", "1969-01-01", "female",
          CANCER_SPINE, NO_CANCER),
    Probe("SP-11.1 fracture with malignancy", FRACTURE_CANCER_OPEN, EVICORE, "72146", "1954-01-01", "female",
          MALIGNANCY_HISTORY, NO_MALIGNANCY),
    Probe("SP-6.1 plexopathy or focal neuropathy", LEG, EVICORE, "72148", "1974-01-01", "female",
          PLEXOPATHY_OR_FOCAL_NEUROPATHY, LEG_NEUTRAL),
    Probe("SP-7.1 transverse myelitis", NECK, EVICORE, "72141", "1979-01-01", "female",
          TRANSVERSE_MYELITIS, NECK_NEUTRAL),
    Probe("SP-8.1 pediatric spondylolysis", TEEN, EVICORE, "72148", "2011-01-01", "male",
          PEDIATRIC_SPONDYLOLYSIS, TEEN_NEUTRAL),
    Probe("SP-3/SP-4 thoracic for spreading pain", THORACIC, EVICORE, "72146", "1974-01-01", "female",
          SPREADING_ONLY, THORACIC_PAIN),
    Probe("SP-10.1 rheumatoid arthritis", SI_JOINT, EVICORE, "72195", "1982-01-01", "female",
          RHEUMATOID, NO_RHEUMATOID),
    Probe("SP-6.1 separate hip indication", SI_JOINT_LEG, EVICORE, "72195", "1982-01-01", "female",
          SEPARATE_HIP_INDICATION, NO_HIP_INDICATION),
]


test_a_statement_that_does_not_supply_the_fact_never_approves, test_the_statement_that_supplies_it_approves = \
    probe_tests(PROBES)
