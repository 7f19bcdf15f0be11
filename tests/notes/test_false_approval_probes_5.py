"""False-approval probes, fifth round: neck pain (EviCore SP-3.1: the neck as the symptomatic region, the
six-week trial, a motor-weakness red flag), thoracic pain (SP-4.1: thoracic x-rays, the thoracic spine as
the symptomatic region), compression fractures (SP-11.1: the x-ray finding, a predisposition such as
osteoporosis, planning of vertebral augmentation), lower-extremity radicular symptoms (SP-6.1) and Cohere's
lumbar spondylosis/spondylolisthesis with equivocal x-rays (CT-IND-2). SP-12 (cancer with spinal pain) is
redirected to the oncology guidelines and never approves, so it has no probe here. Same method as the earlier
rounds: a whole note one fact short of an approval, ONE statement varied, and controls that approve."""

from __future__ import annotations

from probe_notes import Probe, probe_tests

EVICORE, COHERE = "evicore-spine-2026", "cohere-ct-spine-2.1"
HEAD = "Follow-up visit in clinic today; I examined her in person. "

# ---------------------------------------------------------------- EviCore SP-3.1: the neck is symptomatic
NECK = HEAD + """47-year-old woman, symptoms since early August, no injury.
{x}
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI cervical spine without contrast."""
# arm symptoms put down to the shoulder, elbow or a peripheral nerve; a neck complaint from the thyroid
NO_NECK_SYMPTOM = [
    'Right arm pain from rotator cuff tendinopathy; the neck is not painful.',
    'Right shoulder pain with a positive impingement sign.',
    'Her neck pain resolved in 2019.',
    'Her husband has neck pain.',
    'No neck pain; she has low back pain.',
    'Numbness of the right thumb and index finger from carpal tunnel syndrome, positive Phalen test.',
    'Right elbow pain from lateral epicondylitis.',
    'Jaw pain from TMJ dysfunction.',
    'If neck pain develops, she will call.',
    'Neck pain? [ ]',
    'She has low back pain radiating to the right leg.',
    'Headache and right arm numbness from a stroke last year.',
    'She is worried she will get neck pain like her mother.',
    'Sore throat and neck swelling from a viral infection.',
    'Right hip pain from a femoral neck fracture.',
    'Pain at the neck of the fifth metacarpal after a punch.',
    'Tender cervical lymph nodes from a viral illness.',
    'Neck discomfort from an enlarging thyroid goiter.',
    'Right hand numbness from a wrist fracture in cast.',
    'Right arm pain from a rotator cuff tear.',
    'Tingling in the right hand from cubital tunnel syndrome.',
]
NECK_SYMPTOM = ["She has neck pain radiating to the right arm.", "Neck pain for 8 weeks."]

# ---------------------------------------------------------------- EviCore SP-3.1: the six-week trial
NECK_NO_TRIAL = HEAD + """47-year-old woman with neck pain and right arm pain since early August, no injury.
{x}
The pain is no better, 6/10; re-evaluated today.
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI cervical spine without contrast."""
NO_NECK_TRIAL = [
    'She completed 7 weeks of physical therapy for her low back and naproxen with no improvement.',
    'She completed 7 weeks of physical therapy for her shoulder with no improvement.',
    'She completed 7 weeks of physical therapy after her knee replacement.',
    'Physical therapy for 7 weeks is planned.',
    'She will start 7 weeks of physical therapy.',
    'She was referred for physical therapy 7 weeks ago but never went.',
    'Her husband did 7 weeks of physical therapy.',
    '7 weeks of physical therapy in 2019 for a prior neck strain helped.',
    'She has tried nothing so far.',
    'She completed 7 weeks of physical therapy and naproxen in 2022 for a different episode.',
    'PT: [ ] 6 weeks completed',
]
NECK_TRIAL = ['She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement.']

# ---------------------------------------------------------------- EviCore SP-1.2 (via SP-3.1): motor weakness
NECK_WEAKNESS = HEAD + """47-year-old woman with neck pain and right arm pain for 2 weeks, no injury.
{x}
No fever, weight loss, bowel or bladder change. No history of cancer.
Request: MRI cervical spine without contrast."""
NO_CERVICAL_WEAKNESS = [
    'Right shoulder abduction 4/5, limited by pain from a rotator cuff tear.',
    'Grip weakness 4/5 on the right from carpal tunnel syndrome.',
    'Right EHL 4/5 from an old peroneal nerve injury.',
    'Strength was 4/5 in the right deltoid last year and is now 5/5.',
    'No weakness.',
    'If weakness develops, return to the ED.',
    'Her mother has arm weakness after a stroke.',
    'She feels her arm is weak but strength is 5/5 on exam.',
    'Right hip flexion 4/5.',
    'Right wrist extension 4/5 from a radial nerve palsy after a humerus fracture.',
    'Weakness: [ ]',
    'Left arm weakness from her stroke in 2020, unchanged.',
]
CERVICAL_WEAKNESS = ['Right deltoid strength 3/5.']

# ---------------------------------------------------------------- EviCore SP-4.1: thoracic x-rays
THORACIC_NO_XRAY = HEAD + """52-year-old woman with mid back pain at T6 since early August, no injury.
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
{x}
No leg or arm numbness or weakness. No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI thoracic spine without contrast."""
# films of another region or body part, planned, old, unread, another person's
NO_THORACIC_XRAY = [
    'Chest x-ray in August was clear.',
    'Lumbar spine x-rays in August showed mild spondylosis.',
    'Cervical spine x-rays in August showed mild spondylosis.',
    'Thoracic spine x-rays are ordered.',
    'Thoracic spine x-rays will be obtained.',
    'Thoracic spine x-rays from 2015 were normal.',
    'Thoracic spine x-rays were taken in August but the results are not available.',
    'No x-rays yet.',
    'Rib x-rays in August showed no fracture.',
    'Shoulder x-rays in August showed arthritis.',
    'Her husband had thoracic spine x-rays.',
    'Thoracic x-rays: [ ]',
    'Thoracic spine x-rays were declined.',
    'A chest CT in August for cough showed no lung nodules.',
    'Thoracic spine x-rays were ordered in August but not done.',
    'She was sent for thoracic spine x-rays.',
    'Thoracic spine x-rays in 2015 were normal.',
    'Thoracic spine x-rays done last year were normal.',
    "Copied from last year's note: thoracic spine x-rays normal.",
    'Her daughter had thoracic spine x-rays in August.',
    'Thoracic spine x-rays are scheduled for next week.',
    'Lumbar x-rays in August showed spondylosis.',
    'Neck x-rays in August showed spondylosis.',
    'Thoracic spine x-rays to be done before the MRI.',
    'Thoracic spine x-rays were planned but her insurance denied them.',
]
THORACIC_XRAY = ['Thoracic spine x-rays in August showed mild spondylosis.', 'Thoracic spine x-rays last month show mild spondylosis.']

# ---------------------------------------------------------------- EviCore SP-4.1: the thoracic spine is symptomatic
THORACIC = HEAD + """52-year-old woman seen for symptoms since early August, no injury.
{x}
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
Thoracic spine x-rays in August showed mild spondylosis.
No leg or arm numbness or weakness. No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI thoracic spine without contrast."""
# chest pain from the heart, lungs, gut; shingles along a thoracic dermatome
NO_THORACIC_SYMPTOM = [
    'She has chest pain on exertion from stable angina.',
    'Pleuritic chest pain from pneumonia, now resolved.',
    'Retrosternal burning from reflux.',
    'Right upper quadrant pain from gallstones.',
    'Chest wall pain from costochondritis at the sternum.',
    'Left shoulder blade pain from her heart attack last year.',
    'Her mid back pain at T6 resolved in 2018.',
    'Her husband has mid back pain.',
    'No upper or mid back pain.',
    'Rib pain after a fall onto the right side.',
    'Upper back pain? [ ]',
    'Breast pain from mastitis.',
    'Flank pain from a kidney stone.',
    'Shingles rash and pain along the left T6 dermatome.',
    'Scapular pain after a right shoulder dislocation.',
    'Pain between the shoulder blades from a heart attack in 2020.',
    'Burning pain along the T6 dermatome from post-herpetic neuralgia.',
    'Upper back acne.',
    'Right rib pain from a cough.',
    'Chest tightness from asthma.',
    'Epigastric pain radiating to the back from pancreatitis.',
]
THORACIC_SYMPTOM = ['She has mid back pain at T6.', 'Pain between the shoulder blades since August.']

# ---------------------------------------------------------------- EviCore SP-11.1: the x-ray finding
FRACTURE = HEAD + """72-year-old woman with sudden mid back pain at T12 for 3 weeks after lifting a laundry basket.
I suspect a compression fracture. No history of cancer. No leg weakness, bowel or bladder change.
Point tenderness over T12.
{x}
Request: MRI thoracic spine without contrast."""
NO_NEW_FRACTURE_ON_XRAY = [
    'Thoracic x-rays last week show an old healed T12 compression fracture, unchanged from 2019.',
    'Thoracic x-rays last week show no T12 compression fracture.',
    'Thoracic x-rays of T12 are ordered.',
    'Thoracic x-rays to look for a T12 compression fracture will be done.',
    'Hip x-rays last week show a new right femoral neck fracture.',
    'Chest x-ray last week shows a new right rib fracture.',
    'Wrist x-rays last week show a new distal radius fracture.',
    'Lumbar x-rays last week show a new L3 compression fracture.',
    'Her sister had a T12 compression fracture.',
    'Thoracic x-rays in 2015 showed a T12 compression fracture, treated with kyphoplasty.',
    'If x-rays show a compression fracture, she will be referred.',
    'Thoracic x-rays last week show a T12 Schmorl node, no fracture.',
    'Thoracic x-rays last week show chronic T12 wedging, unchanged since 2018.',
    'New T12 compression fracture? [ ]',
]
NEW_FRACTURE_ON_XRAY = ['Thoracic x-rays last week show a new T12 compression fracture.']

# ---------------------------------------------------------------- EviCore SP-11.1: predisposed to insufficiency fractures
FRACTURE_NONDIAGNOSTIC = HEAD + """72-year-old woman with severe mid back pain at T12 for 3 weeks after lifting a laundry basket.
I suspect a compression fracture. No history of cancer. No leg weakness, bowel or bladder change.
Thoracic x-rays last week were non-diagnostic at T12. Point tenderness over T12.
{x}
Request: MRI thoracic spine without contrast."""
# screening, prevention, risk; a relative's; stopped long ago
NOT_PREDISPOSED = [
    'DEXA scan for osteoporosis screening is ordered.',
    'Osteoporosis screening: DEXA is due.',
    'Her mother had osteoporosis.',
    'DEXA last year was normal; no osteoporosis.',
    'She does not have osteoporosis.',
    'Osteoporosis was ruled out.',
    'If osteoporosis is confirmed, alendronate will be started.',
    'Osteoporosis? [ ]',
    'She took prednisone for a week in 2015.',
    'Her husband takes long-term prednisone.',
    'She worries about osteoporosis.',
    'She is on alendronate for osteoporosis prevention; DEXA normal.',
    'Bone density is normal.',
    'Risk of osteoporosis discussed; calcium and vitamin D advised.',
    'She stopped long-term steroids 10 years ago.',
    'No long-term steroid use.',
    'Her sister has steroid-induced osteoporosis.',
    'Osteoporosis screening is up to date and normal.',
    'We discussed osteoporosis prevention.',
    'Osteoporosis work-up is planned.',
    'Evaluate for osteoporosis.',
    'She is at risk for osteoporosis.',
]
PREDISPOSED = ['She has osteoporosis.', 'She has osteoporosis, T-score -3.1.', 'She takes daily prednisone for polymyalgia rheumatica.']

# ---------------------------------------------------------------- EviCore SP-11.1: planning vertebral augmentation
KNOWN_FRACTURE = HEAD + """74-year-old woman with osteoporosis and severe mid back pain for 3 weeks after lifting a box, no fall.
She has a known T12 insufficiency compression fracture seen on x-rays two weeks ago; point tenderness over T12.
No history of cancer. No leg weakness, bowel or bladder change.
{x}
Request: MRI thoracic spine without contrast."""
NO_AUGMENTATION_PLANNING = [
    'Kyphoplasty is not planned.',
    'She declined kyphoplasty.',
    'Her sister had a kyphoplasty.',
    'She had a kyphoplasty at L2 in 2019.',
    'If the pain persists, kyphoplasty may be considered.',
    'She is not a candidate for kyphoplasty because of her heart disease.',
    'She asked about kyphoplasty.',
    'Vertebroplasty was discussed but she prefers bracing.',
    'Kyphoplasty: [ ]',
    'She is a candidate for a right knee replacement.',
    'She is a candidate for cataract surgery.',
]
AUGMENTATION_PLANNING = ['She is a candidate for kyphoplasty; the MRI is requested to plan it.']

# ---------------------------------------------------------------- EviCore SP-6.1: lower-extremity radicular symptoms
LEG = HEAD + """47-year-old woman seen for symptoms since early August, no injury.
{x}
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
No fever, weight loss, bowel or bladder change. No history of cancer. Reflexes symmetric.
Request: MRI lumbar spine without contrast."""
NO_LEG_RADICULAR_SYMPTOM = [
    'She has right knee pain from osteoarthritis.',
    'Numbness in both feet from diabetic peripheral neuropathy.',
    'Right calf pain on walking from peripheral arterial disease, ABI 0.5.',
    'Right hip pain from trochanteric bursitis.',
    'Her sciatica in 2018 resolved.',
    'Her husband has sciatica.',
    'No leg pain, numbness or weakness.',
    'If leg pain or numbness develops, she will call.',
    'Leg numbness? [ ]',
    'Right foot drop from a peroneal nerve palsy after knee surgery.',
    'Right arm pain and numbness along the C6 dermatome.',
    'Leg cramps at night.',
    'Restless legs at night.',
    'Swelling of the right leg from a DVT.',
    'Right heel pain from plantar fasciitis.',
]
LEG_RADICULAR_SYMPTOM = ['She has right leg pain and numbness along the L5 dermatome.']

# ---------------------------------------------------------------- Cohere CT-IND-2: equivocal lumbar x-rays
SPONDYLOLISTHESIS = """Office visit today, examined in person. 58-year-old man with low back pain for 5 months, no injury.
Lumbar spondylolisthesis at L4-5 is suspected.
{x}
He has a pacemaker that is not MRI-conditional. He has never had an MRI or CT of the spine.
He completed 8 weeks of physical therapy and naproxen, ending last week, without improvement.
Request: CT lumbar spine without contrast."""
NO_EQUIVOCAL_LUMBAR_XRAY = [
    'Lumbar x-rays last month were normal.',
    'Lumbar x-rays last month showed a grade 1 L4-5 spondylolisthesis.',
    'Lumbar x-rays are ordered.',
    'Hip x-rays last month were equivocal.',
    'Chest x-ray last month was equivocal for pneumonia.',
    'Cervical x-rays last month were equivocal.',
    'Lumbar x-rays in 2012 were equivocal.',
    'If the lumbar x-rays are equivocal, a CT will be ordered.',
    "His wife's lumbar x-rays were equivocal.",
    'Lumbar x-rays: [ ] equivocal',
    'Lumbar x-rays were not done.',
    'The lumbar MRI last month was equivocal.',
    'Lumbar CT last month was equivocal.',
    'X-rays of the lumbar spine are pending.',
    'Hip x-rays were equivocal; lumbar x-rays not done.',
    'Lumbar x-rays were equivocal in 2015, before his fusion.',
]
EQUIVOCAL_LUMBAR_XRAY = ['Lumbar x-rays last month were equivocal.']
SPONDYLOLISTHESIS_NOT_NAMED = """Office visit today, examined in person. 58-year-old man with low back pain for 5 months, no injury.
{x}
Lumbar x-rays last month were equivocal.
He has a pacemaker that is not MRI-conditional. He has never had an MRI or CT of the spine.
He completed 8 weeks of physical therapy and naproxen, ending last week, without improvement.
Request: CT lumbar spine without contrast."""
NO_LUMBAR_SPONDYLOLISTHESIS = [
    'No spondylolisthesis.',
    'Spondylolisthesis was ruled out on flexion-extension views.',
    'His brother has spondylolisthesis.',
    'Cervical spondylolisthesis at C4-5 is known.',
    'He had an L4-5 spondylolisthesis in 2010, fused since.',
    'If a spondylolisthesis is found, he will see a surgeon.',
    'Spondylolisthesis? [ ]',
    'Spondylolisthesis is unlikely.',
]
LUMBAR_SPONDYLOLISTHESIS = ['Lumbar spondylolisthesis at L4-5 is suspected.']


PROBES = [
    Probe("SP-3.1 neck symptomatic", NECK, EVICORE, "72141", "1979-01-01", "female", NO_NECK_SYMPTOM, NECK_SYMPTOM),
    Probe("SP-3.1 six-week trial", NECK_NO_TRIAL, EVICORE, "72141", "1979-01-01", "female", NO_NECK_TRIAL, NECK_TRIAL),
    Probe("SP-1.2 cervical motor weakness", NECK_WEAKNESS, EVICORE, "72141", "1979-01-01", "female", NO_CERVICAL_WEAKNESS,
          CERVICAL_WEAKNESS),
    Probe("SP-4.1 thoracic x-rays", THORACIC_NO_XRAY, EVICORE, "72146", "1974-01-01", "female", NO_THORACIC_XRAY,
          THORACIC_XRAY),
    Probe("SP-4.1 thoracic symptomatic", THORACIC, EVICORE, "72146", "1974-01-01", "female", NO_THORACIC_SYMPTOM,
          THORACIC_SYMPTOM),
    Probe("SP-11.1 new fracture on x-ray", FRACTURE, EVICORE, "72146", "1954-01-01", "female", NO_NEW_FRACTURE_ON_XRAY,
          NEW_FRACTURE_ON_XRAY),
    Probe("SP-11.1 predisposed", FRACTURE_NONDIAGNOSTIC, EVICORE, "72146", "1954-01-01", "female", NOT_PREDISPOSED,
          PREDISPOSED),
    Probe("SP-11.1 augmentation planning", KNOWN_FRACTURE, EVICORE, "72146", "1952-01-01", "female",
          NO_AUGMENTATION_PLANNING, AUGMENTATION_PLANNING),
    Probe("SP-6.1 leg radicular symptoms", LEG, EVICORE, "72148", "1979-01-01", "female", NO_LEG_RADICULAR_SYMPTOM,
          LEG_RADICULAR_SYMPTOM),
    Probe("CT-IND-2 equivocal lumbar x-rays", SPONDYLOLISTHESIS, COHERE, "72131", "1968-01-01", "male",
          NO_EQUIVOCAL_LUMBAR_XRAY, EQUIVOCAL_LUMBAR_XRAY),
    Probe("CT-IND-2 spondylolisthesis", SPONDYLOLISTHESIS_NOT_NAMED, COHERE, "72131", "1968-01-01", "male",
          NO_LUMBAR_SPONDYLOLISTHESIS, LUMBAR_SPONDYLOLISTHESIS),
]


test_a_statement_that_does_not_supply_the_fact_never_approves, test_the_statement_that_supplies_it_approves = \
    probe_tests(PROBES)
