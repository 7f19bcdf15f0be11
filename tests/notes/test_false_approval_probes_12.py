"""False-approval probes, twelfth round: REGION mismatches. The note supports imaging of another spinal region, or
of another body part, than the one requested, or mixes regions, and the reader must not credit the requested one:

* the six-week trial or the failed medication was for the neck, the upper or mid back, the jaw, a shoulder, an
  elbow or an ankle, or followed a cervical fusion, while a lumbar MRI (EviCore SP-5.1) or a Cohere lumbar CT
  (CT-IND-1) is requested; a trial for the low back or the neck while a thoracic or cervical study is requested;
* the symptomatic region is another one: neck, upper or mid back, tailbone, SI joint, sacrum for a lumbar study;
  low back, neck or sacrum for a thoracic study; low or mid back, thoracolumbar junction for a cervical study;
* leg pain from the hip, a hernia, a stress fracture or a strained muscle, and radicular symptoms in the arms
  or along a thoracic dermatome, read as lower-extremity radicular symptoms (SP-6.1);
* an SP-1.2 weakness grade or a progressive deficit of an arm for a lumbar study, and a foot drop or leg weakness
  the note puts down to the lumbar spine for a cervical study;
* films of another region ("L/S", "C-spine", sacrum, SI joints) or of the sternum or scapula as thoracic spine
  x-rays (SP-4.1); an operation on another region or joint as the operation of a post-operative lumbar study.

Same method as the earlier rounds: a whole note one fact short of an approval for the requested region, ONE
statement varied, and controls that approve, so no test passes by reading nothing."""

from __future__ import annotations

from probe_notes import LUMBAR_TRIAL_NOTE, Probe, probe_tests

EVICORE, COHERE = "evicore-spine-2026", "cohere-ct-spine-2.1"
HEAD = "Follow-up visit in clinic today; I examined her in person. "

# ---------------------------------------------------------------- EviCore SP-5.1: the trial was for another region
LUMBAR_TRIAL = LUMBAR_TRIAL_NOTE.replace("{onset}", "early August")
TRIAL_FOR_ANOTHER_REGION = [
    "She completed 7 weeks of physical therapy for her neck with no improvement.",
    "She completed 7 weeks of cervical traction with no improvement.",
    "She completed 7 weeks of physical therapy for cervical radiculopathy with no improvement.",
    "She completed 7 weeks of physical therapy for a C6 radiculopathy with no improvement.",
    "She completed 7 weeks of physical therapy for her C-spine with no improvement.",
    "She completed 7 weeks of PT for neck pain with no improvement.",
    "She completed 7 weeks of physical therapy for right-sided neck pain with no improvement.",
    "Neck: she completed 7 weeks of physical therapy with no improvement.",
    "She completed 7 weeks of physical therapy for whiplash with no improvement.",
    "She completed 7 weeks of physical therapy for torticollis with no improvement.",
    "She completed 7 weeks of physical therapy for cervical dystonia with no improvement.",
    "She completed 7 weeks of physical therapy for cervicogenic headaches with no improvement.",
    "She completed 7 weeks of physical therapy after her ACDF with no improvement.",
    "She completed 7 weeks of physical therapy for her neck; her low back was not treated.",
    "She completed 7 weeks of chiropractic care for her neck with no improvement.",
    "She completed 7 weeks of a home exercise program for her neck with no improvement.",
    "She completed 7 weeks of neck exercises at home with no improvement.",
    "She wore a soft cervical collar for 7 weeks with no improvement.",
    "She took naproxen for 7 weeks for her neck pain, with no improvement.",
    "She completed 7 weeks of physical therapy for her upper back with no improvement.",
    "She completed 7 weeks of physical therapy for her mid back with no improvement.",
    "She completed 7 weeks of physical therapy for her thoracic spine with no improvement.",
    "She completed 7 weeks of physical therapy for thoracic outlet syndrome with no improvement.",
    "She completed 7 weeks of physical therapy for coccydynia with no improvement.",
    # another body part
    "She completed 7 weeks of physical therapy for TMJ dysfunction with no improvement.",
    "She completed 7 weeks of physical therapy for lateral epicondylitis with no improvement.",
    "She completed 7 weeks of physical therapy for a frozen shoulder with no improvement.",
    "She completed 7 weeks of physical therapy for a sprained ankle with no improvement.",
    "She completed 7 weeks of physical therapy for her right hip with no improvement.",
    "She completed 7 weeks of physical therapy for her right shoulder with no improvement.",
    "She completed 7 weeks of physical therapy for her rotator cuff and meloxicam for 7 weeks with no improvement.",
    "She completed 7 weeks of upper extremity physical therapy with no improvement.",
    "She completed 7 weeks of hand therapy with no improvement.",
    "She completed 7 weeks of pelvic floor physical therapy for urinary incontinence with no improvement.",
    "She completed 7 weeks of vestibular therapy for dizziness with no improvement.",
    "She completed 7 weeks of cardiac rehabilitation with no improvement.",
    "She took naproxen for 7 weeks for knee arthritis, with no improvement.",
]
LUMBAR_TRIAL_DONE = ["She completed 7 weeks of physical therapy with no improvement.",
                     "She completed 7 weeks of physical therapy for her low back with no improvement.",
                     "She completed 7 weeks of physical therapy for lumbar pain with no improvement."]

# ---------------------------------------------------------------- EviCore SP-4.1 / SP-3.1: the trial, thoracic and neck
THORACIC_TRIAL = HEAD + """52-year-old woman with mid back pain at T6 since early August, no injury.
{x}
The pain is no better, 6/10; re-evaluated today.
Thoracic spine x-rays in August showed mild spondylosis.
No leg or arm numbness or weakness. No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI thoracic spine without contrast."""
THORACIC_TRIAL_FOR_ANOTHER_REGION = [
    "She completed 7 weeks of physical therapy for her low back with no improvement.",
    "She completed 7 weeks of physical therapy for her neck with no improvement.",
    "She completed 7 weeks of physical therapy for lumbar radiculopathy with no improvement.",
    "She completed 7 weeks of physical therapy for sciatica with no improvement.",
    "She completed 7 weeks of lumbar traction with no improvement.",
    "She completed 7 weeks of physical therapy after her lumbar fusion with no improvement.",
    "She completed 7 weeks of physical therapy for her L-spine with no improvement.",
    "She completed 7 weeks of physical therapy for her SI joint with no improvement.",
    "She completed 7 weeks of physical therapy for whiplash with no improvement.",
    "She took naproxen for 7 weeks for her low back pain, with no improvement.",
]
THORACIC_TRIAL_DONE = ["She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement."]

NECK_TRIAL = HEAD + """47-year-old woman with neck pain and right arm pain since early August, no injury.
{x}
The pain is no better, 6/10; re-evaluated today.
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI cervical spine without contrast."""
NECK_TRIAL_FOR_ANOTHER_REGION = [
    "She completed 7 weeks of physical therapy for sciatica with no improvement.",
    "She completed 7 weeks of lumbar traction with no improvement.",
    "She completed 7 weeks of physical therapy for her mid back with no improvement.",
    "She completed 7 weeks of physical therapy after her lumbar fusion with no improvement.",
    "She completed 7 weeks of physical therapy for lumbar radiculopathy with no improvement.",
    "She completed 7 weeks of physical therapy for her LS spine with no improvement.",
    "She completed 7 weeks of physical therapy for her tailbone with no improvement.",
    "She completed 7 weeks of physical therapy for her lower back with no improvement.",
    "She took naproxen for 7 weeks for her low back pain, with no improvement.",
    "She completed 7 weeks of physical therapy for a frozen shoulder with no improvement.",
]
NECK_TRIAL_DONE = ["She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement."]

# ---------------------------------------------------------------- EviCore SP-5.1: the low back is symptomatic
LUMBAR_REGION = HEAD + """47-year-old woman seen for symptoms since early August, no injury.
{x}
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI lumbar spine without contrast."""
NOT_THE_LOW_BACK = [
    "She has neck pain.",
    "She has neck pain radiating to the right arm.",
    "She has lower neck pain.",
    "She has pain at the C7-T1 junction.",
    "She has C-spine pain.",
    "She has cervical spine pain.",
    "She has neck stiffness.",
    "She has a sore neck from sleeping wrong.",
    "She has a stiff neck and pain at C5-6.",
    "She has neck pain; her low back is fine.",
    "She has neck pain; no low back pain.",
    "She has pain in the back of her neck.",
    "She has pain at the cervicothoracic junction.",
    "She has upper back pain.",
    "She has upper back pain between the shoulder blades.",
    "She has upper back pain at T4.",
    "She has mid back pain at T8.",
    "She has T-spine pain.",
    "She has thoracic spine pain.",
    "She has pain at T6.",
    "She has scapular pain.",
    "She has rib pain.",
    "She has tailbone pain when sitting.",
    "She has coccyx pain after childbirth.",
    "She has coccydynia.",
    "She has right SI joint pain.",
    "She has sacroiliac joint pain.",
    "She has sacral pain after a fall on her buttocks.",
    "She has right hip pain.",
    "She has right flank pain from a kidney stone.",
    "She has right buttock pain from ischial bursitis.",
    "She has pain in the right trapezius.",
    "She has pain in the back of her head.",
    "She has pain in the back of her knee.",
    "She has pain in the back of her right shoulder.",
    "She has right heel pain.",
]
LOW_BACK = ["She has low back pain.", "She has lumbar pain at L4-5."]

# ---------------------------------------------------------------- EviCore SP-4.1: the thoracic spine is symptomatic
THORACIC_REGION = HEAD + """52-year-old woman seen for symptoms since early August, no injury.
{x}
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
Thoracic spine x-rays in August showed mild spondylosis.
No leg or arm numbness or weakness. No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI thoracic spine without contrast."""
NOT_THE_THORACIC_SPINE = [
    "She has low back pain.",
    "She has low back pain at L4.",
    "She has lower back pain.",
    "She has right lower back pain.",
    "She has lower lumbar pain.",
    "She has lumbar pain.",
    "She has lumbosacral pain.",
    "She has pain at the lumbosacral junction.",
    "She has L-spine pain.",
    "She has LS spine pain.",
    "She has pain at L1.",
    "She has sciatica.",
    "She has neck pain.",
    "She has neck pain radiating to the right arm.",
    "She has lower neck pain at C7.",
    "She has C-spine pain.",
    "She has tailbone pain.",
    "She has right SI joint pain.",
]
THORACIC_SPINE = ["She has mid back pain at T6.", "She has upper back pain.", "She has thoracic spine pain at T8."]

# ---------------------------------------------------------------- EviCore SP-3.1: the neck is symptomatic
NECK_REGION = HEAD + """47-year-old woman, symptoms since early August, no injury.
{x}
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI cervical spine without contrast."""
NOT_THE_NECK = [
    "She has low back pain.",
    "She has lower back pain.",
    "She has L-spine pain.",
    "She has LS spine pain.",
    "She has lumbosacral pain.",
    "She has right leg pain along the L5 dermatome.",
    "She has sciatica.",
    "She has tailbone pain.",
    "She has right SI joint pain.",
    "She has mid back pain.",
    "She has mid back pain at T6.",
    "She has upper back pain at T4.",
    "She has T-spine pain.",
    "She has pain between the shoulder blades.",
    "She has thoracolumbar pain.",
    "She has pain at T12-L1.",
    "She has pain at the thoracolumbar junction.",
]
NECK = ["She has neck pain.", "She has lower neck pain."]

# ---------------------------------------------------------------- EviCore SP-6.1: lower-extremity radicular symptoms
LEG = HEAD + """47-year-old woman seen for symptoms since early August, no injury.
{x}
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
No fever, weight loss, bowel or bladder change. No history of cancer. Reflexes symmetric.
Request: MRI lumbar spine without contrast."""
NOT_LEG_RADICULAR = [
    # leg pain from the hip, a hernia, a bone or a muscle
    "She has right groin pain from hip arthritis.",
    "Right groin pain from a hip labral tear.",
    "Right thigh pain from hip osteoarthritis.",
    "Right lateral thigh pain from trochanteric bursitis.",
    "Right groin pain from an inguinal hernia.",
    "Right shin pain from a stress fracture.",
    "Right calf pain from a muscle strain.",
    "Right thigh pain after a hamstring strain.",
    "Right buttock pain from ischial bursitis.",
    "Right anterior thigh numbness from meralgia paresthetica.",
    "Right foot numbness from tarsal tunnel syndrome.",
    # radicular symptoms of the arms or the trunk
    "Tingling in the right thumb in the C6 distribution.",
    "Right arm radicular pain with a positive Spurling test.",
    "Right hand numbness, grip weakness and a positive Hoffmann sign.",
    "Electric shocks down the arms on neck flexion (L'hermitte sign).",
    "Radicular pain in the right T6 dermatome around the chest wall.",
    "Numbness of both hands in a C8 distribution.",
    "Right arm pain and numbness along the C7 dermatome, triceps 4/5.",
    "Neck pain radiating to the right hand with numbness.",
    "Cervical radiculopathy with right arm pain and numbness.",
    "Shooting pain down the right arm to the hand.",
    "Numbness in the right hand and arm with weakness of grip.",
    "Dysesthesia in the C6 dermatome.",
    "Right shoulder pain radiating to the arm with numbness of the hand.",
    "Right C6 radiculopathy with numbness of the thumb, biceps 4/5.",
    "Pain and tingling in the right thumb and index finger from carpal tunnel syndrome.",
    "Tingling in both hands.",
    "Radicular pain down the right arm.",
]
LEG_RADICULAR = ["She has right leg pain and numbness along the L5 dermatome."]

# ---------------------------------------------------------------- EviCore SP-1.2: weakness of an arm for a lumbar study
LUMBAR_RED_FLAG = """Visit in clinic today; I examined him in person. 52-year-old man with low back pain and right leg pain for 2 weeks, no injury.
He has taken ibuprofen for 10 days.
{x}
Exam: tenderness over L4-5, SLR positive on the right.
Assessment: lumbar radiculopathy. Request: MRI lumbar spine without contrast."""
ARM_WEAKNESS = [
    "Right biceps 3/5, new this week, from a C5 radiculopathy.",
    "Right triceps 2/5, new since last week.",
    "Right elbow flexion 3/5, new since last week.",
    "Right elbow extension 3/5, new since last week.",
    "Right shoulder abduction 3/5, new.",
    "Power 3/5 in right shoulder abductors, new.",
    "Strength: right deltoid 3/5, biceps 3/5, new.",
    "Neck pain with new right deltoid weakness 3/5.",
    "Right C7 radiculopathy with triceps 3/5.",
    "Right C6 myotome 3/5, new.",
    "New weakness in the C5 myotome, 3/5.",
    "Grip 3/5 on the right, new.",
    "New right hand numbness and weakness, grip 3/5.",
    "Right thumb abduction 3/5, new.",
    "Right interossei 3/5, new.",
    "New right finger abductor weakness 3/5.",
    "Right hand intrinsic weakness 3/5, new.",
    "New right wrist drop, wrist extension 2/5.",
    "New right wrist drop.",
    "New right arm weakness, 3/5.",
    "Right upper extremity strength 3/5, new.",
    "RUE 3/5, new.",
    "Right arm 3/5 throughout, new.",
    "Right-sided weakness 3/5 in the arm, new.",
    "New weakness of the right upper limb, 3/5.",
    "New weakness of both arms, 3/5.",
    "New bilateral arm weakness over 3 days.",
    "New weakness of both hands over 3 days.",
    "Acute bilateral arm pain in a C6 distribution.",
    "Acute bilateral radicular arm pain.",
    # progression of an arm deficit
    "On re-examination the right grip weakness has progressed from 4/5 to 3/5.",
    "His right arm weakness is progressing on serial exams.",
    "Progressive right hand weakness on re-examination.",
    # cord signs of the neck
    "Positive Hoffmann sign on the right, new.",
    "Hyperreflexia in the arms with a positive Hoffmann sign.",
    "New L'hermitte sign and numbness in both hands.",
    "New Lhermitte sign.",
    "Right pronator drift, new.",
    "New clumsiness of both hands and dropping objects.",
    "New numbness and tingling in both hands.",
    "New numbness of the right arm in the C6 dermatome.",
]
LEG_WEAKNESS = ["New right foot drop, ankle dorsiflexion 2/5.", "Left ankle dorsiflexion 3/5, new since last week."]

# ---------------------------------------------------------------- EviCore SP-1.2: leg weakness from the lumbar spine, cervical study
NECK_WEAKNESS = HEAD + """47-year-old woman with neck pain and right arm pain for 2 weeks, no injury.
{x}
No fever, weight loss, bowel or bladder change. No history of cancer.
Request: MRI cervical spine without contrast."""
LUMBAR_LEG_WEAKNESS = [
    "New right foot drop from an L5 radiculopathy.",
    "Right foot drop, attributed to her L5 radiculopathy on EMG.",
    "New right foot drop after her lumbar discectomy.",
    "Right ankle dorsiflexion 3/5 from an L4-5 disc herniation.",
    "Right EHL 3/5 from a lumbar L5 radiculopathy.",
    "Right quadriceps 3/5 from an L3-4 disc herniation, new.",
    "New bilateral leg weakness from her lumbar stenosis.",
]
CERVICAL_WEAKNESS = ["Right deltoid strength 3/5.", "Right grip 3/5, new."]

# ---------------------------------------------------------------- EviCore SP-4.1: x-rays of another region or bone
THORACIC_NO_XRAY = HEAD + """52-year-old woman with mid back pain at T6 since early August, no injury.
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
{x}
No leg or arm numbness or weakness. No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI thoracic spine without contrast."""
NOT_THORACIC_FILMS = [
    "Lumbosacral spine x-rays in August showed mild spondylosis.",
    "LS spine x-rays in August showed mild spondylosis.",
    "L/S spine x-rays in August showed mild spondylosis.",
    "L-spine x-rays in August showed mild spondylosis.",
    "Lumbar spine films in August showed spondylosis.",
    "Lumbar x-rays in August showed an L1 compression fracture.",
    "Low back x-rays in August showed spondylosis.",
    "X-rays of the lower back in August showed spondylosis.",
    "C-spine x-rays in August showed mild spondylosis.",
    "Neck x-rays in August were normal.",
    "X-rays of the cervical spine in August showed spondylosis.",
    "Flexion-extension views of the neck in August were normal.",
    "X-rays of the C-spine and L-spine in August were normal.",
    "Cervical and lumbar spine x-rays in August were normal.",
    "Sacrum and coccyx x-rays in August were normal.",
    "Coccyx x-rays in August were normal.",
    "SI joint x-rays in August were normal.",
    "Pelvis x-rays in August were normal.",
    "Sternum x-rays in August were normal.",
    "Scapula x-rays in August were normal.",
    "Clavicle x-rays in August were normal.",
    "Rib series in August was normal.",
]
THORACIC_FILMS = ["Thoracic spine x-rays in August showed mild spondylosis.",
                  "T-spine x-rays in August showed mild spondylosis.", "Thoracic x-rays in August were normal."]

# ---------------------------------------------------------------- EviCore SP-15: the operation was on another region
POSTOP = """Post-operative visit in clinic today; I examined her in person. 55-year-old woman.
{x}
Lumbar x-rays taken last week, after the surgery, show no instability.
Since the surgery she has new right leg pain and numbness along the L5 dermatome.
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI lumbar spine without and with contrast."""
OPERATION_ELSEWHERE = [
    "She had a C5-6 ACDF 8 weeks ago.",
    "She is s/p ACDF at C5-6, 8 weeks ago.",
    "She had an anterior cervical discectomy and fusion 8 weeks ago.",
    "She had a posterior cervical fusion C4-6 8 weeks ago.",
    "She had a cervical laminectomy 8 weeks ago.",
    "She had a C-spine fusion 8 weeks ago.",
    "She had a thoracic laminectomy at T10 8 weeks ago.",
    "She had a T8 kyphoplasty 8 weeks ago.",
    "She had a right hip replacement 8 weeks ago.",
    "She had a right total knee replacement 8 weeks ago.",
    "She had a right carpal tunnel release 8 weeks ago.",
    "She had a right rotator cuff repair 8 weeks ago.",
    "She had a hysterectomy 8 weeks ago.",
]
LUMBAR_OPERATION = ["She had an L4-5 laminectomy and discectomy 8 weeks ago."]

# ---------------------------------------------------------------- Cohere CT-IND-1: therapy and medication of another region
COHERE_THERAPY = """Office visit today, examined in person. 58-year-old man with new low back pain since mid-July, no injury or fall.
He took naproxen for 8 weeks with no improvement.
{x}
He has a pacemaker that is not MRI-conditional.
No leg weakness, numbness, fever, weight loss, bowel or bladder change. No history of cancer.
Exam: lumbar tenderness, strength 5/5, reflexes symmetric.
No prior MRI or CT of the spine.
Assessment: persistent low back pain. Request: CT lumbar spine without contrast."""
COHERE_THERAPY_ELSEWHERE = [
    "He also completed 7 weeks of physical therapy for his neck.",
    "He also completed 7 weeks of physical therapy for cervical radiculopathy.",
    "He also completed 7 weeks of physical therapy for his C-spine.",
    "He also completed 7 weeks of cervical traction.",
    "He also completed 7 weeks of chiropractic care for his neck.",
    "He also completed 7 weeks of neck exercises at home.",
    "He also completed 7 weeks of physical therapy for whiplash.",
    "He also completed 7 weeks of physical therapy after his ACDF.",
    "He also completed 7 weeks of physical therapy for his upper back.",
    "He also completed 7 weeks of physical therapy for his thoracic spine.",
    "He also completed 7 weeks of physical therapy for his right shoulder.",
    "He also completed 7 weeks of physical therapy for his right hip.",
    "He also completed 7 weeks of physical therapy for his knee.",
    "He also completed 7 weeks of pelvic floor therapy.",
    "He also completed 7 weeks of cardiac rehabilitation.",
]
COHERE_THERAPY_DONE = ["He also completed 7 weeks of physical therapy.",
                       "He also completed 7 weeks of physical therapy for his low back."]

COHERE_MEDICATION = """Office visit today, examined in person. 58-year-old man with new low back pain since mid-July, no injury or fall.
{x}
He also completed 7 weeks of physical therapy.
He has a pacemaker that is not MRI-conditional.
No leg weakness, numbness, fever, weight loss, bowel or bladder change. No history of cancer.
Exam: lumbar tenderness, strength 5/5, reflexes symmetric.
No prior MRI or CT of the spine.
Assessment: persistent low back pain. Request: CT lumbar spine without contrast."""
COHERE_MEDICATION_ELSEWHERE = [
    "He took naproxen for 8 weeks for his neck pain with no improvement.",
    "He took gabapentin for 8 weeks for cervical radiculopathy with no improvement.",
    "He took naproxen for 8 weeks for his knee arthritis with no improvement.",
    "He took meloxicam for 8 weeks for his shoulder with no improvement.",
    "He took naproxen for 8 weeks for his hip with no improvement.",
    "He took naproxen for 8 weeks for gout with no improvement.",
    "He took gabapentin for 8 weeks for diabetic neuropathy with no improvement.",
]
COHERE_MEDICATION_DONE = ["He took naproxen for 8 weeks with no improvement."]


PROBES = [
    Probe("SP-5.1 trial for another region", LUMBAR_TRIAL, EVICORE, "72148", "1979-01-01", "female",
          TRIAL_FOR_ANOTHER_REGION, LUMBAR_TRIAL_DONE),
    Probe("SP-4.1 trial for another region", THORACIC_TRIAL, EVICORE, "72146", "1974-01-01", "female",
          THORACIC_TRIAL_FOR_ANOTHER_REGION, THORACIC_TRIAL_DONE),
    Probe("SP-3.1 trial for another region", NECK_TRIAL, EVICORE, "72141", "1979-01-01", "female",
          NECK_TRIAL_FOR_ANOTHER_REGION, NECK_TRIAL_DONE),
    Probe("SP-5.1 low back symptomatic", LUMBAR_REGION, EVICORE, "72148", "1979-01-01", "female", NOT_THE_LOW_BACK,
          LOW_BACK),
    Probe("SP-4.1 thoracic spine symptomatic", THORACIC_REGION, EVICORE, "72146", "1974-01-01", "female",
          NOT_THE_THORACIC_SPINE, THORACIC_SPINE),
    Probe("SP-3.1 neck symptomatic", NECK_REGION, EVICORE, "72141", "1979-01-01", "female", NOT_THE_NECK, NECK),
    Probe("SP-6.1 leg radicular symptoms", LEG, EVICORE, "72148", "1979-01-01", "female", NOT_LEG_RADICULAR,
          LEG_RADICULAR),
    Probe("SP-1.2 arm weakness, lumbar study", LUMBAR_RED_FLAG, EVICORE, "72148", "1974-01-01", "male", ARM_WEAKNESS,
          LEG_WEAKNESS),
    Probe("SP-1.2 lumbar leg weakness, cervical study", NECK_WEAKNESS, EVICORE, "72141", "1979-01-01", "female",
          LUMBAR_LEG_WEAKNESS, CERVICAL_WEAKNESS),
    Probe("SP-4.1 films of another region", THORACIC_NO_XRAY, EVICORE, "72146", "1974-01-01", "female",
          NOT_THORACIC_FILMS, THORACIC_FILMS),
    Probe("SP-15 operation on another region", POSTOP, EVICORE, "72158", "1971-01-01", "female", OPERATION_ELSEWHERE,
          LUMBAR_OPERATION),
    Probe("CT-IND-1 therapy for another region", COHERE_THERAPY, COHERE, "72131", "1968-01-01", "male",
          COHERE_THERAPY_ELSEWHERE, COHERE_THERAPY_DONE),
    Probe("CT-IND-1 medication for another region", COHERE_MEDICATION, COHERE, "72131", "1968-01-01", "male",
          COHERE_MEDICATION_ELSEWHERE, COHERE_MEDICATION_DONE),
]


test_a_statement_that_does_not_supply_the_fact_never_approves, test_the_statement_that_supplies_it_approves = \
    probe_tests(PROBES)
