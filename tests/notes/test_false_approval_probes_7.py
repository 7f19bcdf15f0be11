"""False-approval probes, seventh round: Cohere's CT indications for new neurological symptoms with MRI
indeterminate or not possible (CT-IND-3: the listed symptom, the MRI condition, weakness not from a peripheral
neuropathy), suspected spinal amyloid (CT-IND-4), CSF leak (CT-IND-5), suspected spinal gout (CT-IND-6),
rheumatoid atlantoaxial instability (CT-IND-7: the arthritis, the suspicion, the cervical x-rays), axial
spondyloarthritis (CT-IND-8: MRI not possible, unclear activity on a biologic, x-rays first) and repeat imaging
(CT-IND-16: a listed reason, no established guideline). Same method as the earlier rounds: a whole note one
fact short of an approval, ONE statement varied, and controls that approve."""

from __future__ import annotations

from probe_notes import Probe, probe_tests

COHERE = "cohere-ct-spine-2.1"
HEAD = "Follow-up visit in clinic today; I examined him in person. "
HEADF = "Follow-up visit in clinic today; I examined her in person. "


# ---------------------------------------------------------------- Cohere CT-IND-3: a listed neurological symptom
IND3_NO_SYMPTOM = HEAD + """62-year-old man with low back pain and new neurological symptoms over the past three weeks; no fall or injury.
{x}
He has a cardiac pacemaker that is not MRI-conditional, so MRI is contraindicated. He has never had a CT or MRI of the spine.
No fever, weight loss or history of cancer.
Request: CT lumbar spine without contrast."""
# bowel, bladder, sexual or gait complaints with a non-spinal cause; long-standing; a peripheral nerve's
NO_IND3_SYMPTOM = [
    'Urinary frequency and burning from a urinary tract infection, treated with nitrofurantoin.',
    'Weak urinary stream and dribbling from an enlarged prostate, on tamsulosin.',
    'Erectile dysfunction since he started a beta blocker.',
    'Constipation from his opioid pain medicine.',
    'Numbness of both feet in a stocking distribution from diabetic peripheral neuropathy.',
    'Numbness of the right thumb and index finger from carpal tunnel syndrome.',
    'Right foot drop from a peroneal nerve palsy after knee surgery.',
    'Antalgic gait from right knee osteoarthritis.',
    'Tingling of the fingers in the cold from Raynaud phenomenon.',
    'Hand tremor from essential tremor; fine motor skills are intact.',
    'No bladder or bowel change, no saddle numbness, no sexual dysfunction.',
    'He denies weakness, numbness, urinary or bowel incontinence.',
    'Bladder: [ ] retention [ ] incontinence',
    'Saddle anesthesia? [ ]',
    'If he develops urinary retention, he will go to the emergency department.',
    'His brother had cauda equina syndrome.',
    'He had urinary retention after hernia surgery in 2015, which resolved.',
    'He worries about losing bladder control.',
    'Nocturia twice a night for years, unchanged.',
    'Bowel incontinence during flares of his ulcerative colitis.',
    'Left arm and leg weakness from a stroke in 2019, unchanged.',
    'Sensation intact including the perineum; rectal tone normal; Babinski and Hoffmann negative.',
    'Copied from his 2019 note: urinary retention after surgery.',
    'Bladder dysfunction will be assessed by urology.',
    'Urge incontinence from an overactive bladder for ten years, on oxybutynin.',
    'Urinary incontinence during a seizure last month.',
    'Numbness of the outer right thigh from meralgia paresthetica.',
    'Tingling of both hands when he hyperventilates during panic attacks.',
    'Pins and needles in the left foot after sitting cross-legged, gone within minutes.',
    'Clumsy fingers from arthritis of the hand joints.',
]
IND3_SYMPTOM_STATED = [
    'He has urinary retention needing a catheter.',
    'Reduced pinprick over the perineum and buttocks (saddle anesthesia).',
]

# ---------------------------------------------------------------- Cohere CT-IND-3: MRI indeterminate or not possible
IND3_NO_MRI_REASON = HEAD + """62-year-old man with low back pain who over the past three weeks has developed urinary incontinence and retention; no fall or injury.
Exam: reduced pinprick over the perineum and buttocks; strength 5/5.
{x}
He has never had a CT of the spine. No fever, weight loss or history of cancer.
Request: CT lumbar spine without contrast."""
# MRI possible, only contrast avoided, a device gone, another region's MRI, claustrophobia by the patient's word
NO_IND3_MRI = [
    'MRI is possible; he prefers CT because it is quicker.',
    'He is mildly claustrophobic.',
    'MRI of the lumbar spine is scheduled for next week.',
    'His pacemaker is MRI-conditional, so MRI is safe.',
    'His pacemaker was removed in 2020; he has no implant now.',
    'His wife has a pacemaker.',
    'A brain MRI last month was non-diagnostic because of motion.',
    'A cervical spine MRI last month was non-diagnostic because of motion.',
    'There is no contraindication to MRI.',
    'If MRI cannot be done, CT will be requested.',
    'MRI contraindicated? [ ]',
    'Gadolinium is avoided because of his kidney disease; MRI without contrast is fine.',
    'His hip replacement is MRI-safe.',
    'A metal fragment in his eye made MRI unsafe in 2018; it was removed in 2019.',
    'A pacemaker is planned next month.',
    'A lumbar MRI in 2012 was limited by motion.',
    'He asked for CT instead of MRI.',
    'MRI was offered but he declined it; he prefers CT.',
    'MRI would be contraindicated if he had a pacemaker.',
    'He has tattoos, which do not prevent MRI.',
    'His knee MRI last year was non-diagnostic.',
    'MRI could be done with mild sedation for his anxiety.',
    'Contrast MRI is contraindicated because of his kidney disease; MRI without contrast is fine.',
    'Contraindication to MRI contrast: eGFR 25; MRI without contrast is possible.',
    'He says he is unable to undergo MRI due to claustrophobia; he has not tried an open scanner or sedation.',
    'The MRI safety screen found no ferromagnetic objects.',
    'He cannot have an MRI because the scanner is down today; it is booked for next week.',
    'MRI was contraindicated for a few days in 2019 while he had a temporary pacing wire after heart surgery.',
    "His wife's aneurysm clip is not MRI-conditional.",
]
IND3_MRI_STATED = ['He has a cardiac pacemaker that is not MRI-conditional, so MRI is contraindicated.']

# ---------------------------------------------------------------- Cohere CT-IND-3: weakness not from a peripheral neuropathy
IND3_NEUROPATHY_OPEN = HEAD + """62-year-old man with low back pain and new weakness of the right foot over the past three weeks; no fall or injury.
Exam: right ankle dorsiflexion and great toe extension 4/5, reduced pinprick over the dorsum of the right foot.
{x}
He has a cardiac pacemaker that is not MRI-conditional, so MRI is contraindicated. He has never had a CT or MRI of the spine.
No bladder or bowel change. No fever, weight loss or history of cancer.
Request: CT lumbar spine without contrast."""
# a neuropathy stated, suspected, untested or a relative's; a test not done
NO_NOT_PN = [
    'The weakness and numbness are from his diabetic peripheral neuropathy.',
    'A peroneal neuropathy at the fibular head is the likely cause.',
    'Nerve conduction studies are pending.',
    'Nerve conduction studies will be ordered to look for a peripheral neuropathy.',
    'Peripheral neuropathy? [ ]',
    'His father had peripheral neuropathy.',
    'He has a known length-dependent polyneuropathy from alcohol.',
    'Peripheral neuropathy cannot be excluded.',
    'Peripheral neuropathy is possible given his diabetes.',
    'He worries the numbness is from his chemotherapy.',
    'He has chemotherapy-induced peripheral neuropathy of both feet.',
    'Peroneal nerve compression from crossing his legs is suspected.',
    'Neuropathy was not tested.',
    'A monofilament test for neuropathy was not done.',
    'No neuropathy was found in 2015; he has not been examined for it since.',
    'His brother has no neuropathy.',
    'The foot exam for neuropathy is deferred to his next visit.',
    'The weakness may be from a peroneal nerve palsy after his knee surgery.',
    'Neuropathy: [ ] excluded',
]
NOT_PN = ['Nerve conduction studies last week were normal; there is no peripheral neuropathy.']

# ---------------------------------------------------------------- Cohere CT-IND-4: spinal amyloid suspected
AMYLOID_NOT_NAMED = HEAD + """72-year-old man on hemodialysis for 14 years with new low back pain for two months, no injury.
Lumbar x-rays this month show erosive changes of the L3-L4 endplates. He has never had a CT or MRI of the spine.
{x}
Afebrile, white count and CRP normal; infection is felt unlikely. Strength 5/5, reflexes symmetric.
Request: CT lumbar spine without contrast."""
# amyloid of the heart, brain, tongue, wrist or another person; an acute-phase protein; excluded
NO_AMYLOID = [
    'Spinal amyloid is not suspected.',
    'No amyloid.',
    'Amyloid deposition in the spine was ruled out on a biopsy in 2025.',
    'His brother has hereditary amyloidosis.',
    'Family history of amyloidosis in his father.',
    'If amyloid is suspected later, CT will be considered.',
    'Amyloid? [ ]',
    'Abdominal fat pad biopsy was negative for amyloid.',
    'He read about dialysis amyloid online and is worried.',
    'An amyloid PET of the brain for memory loss was positive.',
    'Cerebral amyloid angiopathy was seen on a brain MRI.',
    'Serum amyloid A is raised from his rheumatoid flare.',
    'Cardiac amyloidosis is followed by cardiology; no spinal involvement is suspected.',
    'Low CSF amyloid beta, consistent with Alzheimer disease.',
    'Amyloid was found in the tissue at his carpal tunnel release in 2019.',
    'Infection of the disc space is suspected instead.',
    'A discitis is suspected; amyloid is unlikely.',
    'Amyloid was considered and excluded.',
    'Amyloid of the tongue causing macroglossia.',
    'Amyloidosis screening: not indicated.',
    'His dialysis nurse has amyloidosis.',
    'Dialysis-related amyloid is a concern only for his shoulders, not the spine.',
    'Amyloid was found in his carpal canal at release in 2019.',
    'Dialysis amyloid was excluded by a biopsy of the L3-L4 disc.',
]
AMYLOID_STATED = ['Dialysis-related amyloid deposition at L3-L4 is suspected.']

# ---------------------------------------------------------------- Cohere CT-IND-5: CSF leak
CSF_LEAK_NOT_NAMED = HEADF + """42-year-old woman with daily headache and neck pain for six weeks, no injury.
{x}
She has never had a CT or MRI of the spine. Neurological exam normal apart from mild neck stiffness.
Request: CT myelogram of the cervical spine."""
# a leak long ago, repaired, at the skull base, another person's; intracranial HYPERtension; systemic hypotension
NO_CSF_LEAK = [
    'No CSF leak.',
    'A CSF leak is not suspected.',
    'Her sister had a spontaneous CSF leak.',
    'If the headache becomes positional, a CSF leak will be considered.',
    'CSF leak? [ ]',
    'She worries she has a CSF leak after reading online.',
    'A post-dural-puncture headache after her epidural in 2019 resolved with a blood patch.',
    'A CSF leak at the skull base after sinus surgery in 2015 was repaired.',
    'Idiopathic intracranial hypertension with papilledema was diagnosed last year.',
    'The headache is not positional and does not ease lying down.',
    'Dizziness on standing from low blood pressure on her new medication.',
    'Orthostatic hypotension from dehydration.',
    'CSF analysis for meningitis was normal.',
    'Lumbar puncture in August: opening pressure 28 cm of water, normal CSF.',
    'Intracranial hypotension was ruled out on brain MRI with contrast.',
    'Brain MRI with contrast last month was normal, without pachymeningeal enhancement or brain sagging.',
    'Spontaneous intracranial hypotension is unlikely given the normal opening pressure.',
    'A silicone breast implant leak was found on ultrasound.',
    'Clear nasal drip from allergic rhinitis; beta-2 transferrin was negative.',
    'A CT myelogram in 2022 showed no CSF leak.',
    'Migraine without aura, like her mother.',
    'Copied from her 2021 note: CSF leak after a lumbar drain, repaired.',
    'A cerebrospinal fluid leak after her lumbar puncture in July healed with a blood patch; her present headache is not positional.',
    'She had a CSF leak after spine surgery in March that was repaired and has not recurred.',
    'Her daughter was treated for spontaneous intracranial hypotension.',
    'A CSF leak is in the differential but felt unlikely.',
    'CSF leak: [x] no',
]
CSF_LEAK = ['Spontaneous intracranial hypotension from a spinal CSF leak is suspected.']

# ---------------------------------------------------------------- Cohere CT-IND-6: spinal gout suspected
GOUT_NOT_NAMED = HEAD + """66-year-old man with low back pain for six weeks, no injury.
Lumbar x-rays this month show erosions of the right L4-L5 facet joint. He has never had a CT or MRI of the spine.
{x}
Afebrile, CRP normal. Right paraspinal tenderness at L4-L5; normal neurological exam.
Request: CT lumbar spine without contrast."""
# gout of another joint or person, excluded, a lab value, a drug given for something else
NO_GOUT = [
    'Spinal gout is not suspected.',
    'No gout.',
    'His father had gout.',
    'Pseudogout of the right knee was confirmed on aspiration.',
    'If gout is suspected, uric acid will be checked.',
    'Gout? [ ]',
    'Uric acid 5.1, normal.',
    'He is worried about gout because his brother has it.',
    'Aspiration of the right L4-L5 facet last month showed no crystals; gout was excluded.',
    'Allopurinol is prescribed for his kidney stones.',
    'Colchicine for recurrent pericarditis.',
    'Septic arthritis of the facet is suspected.',
    'Dual-energy CT of the feet in 2020 showed no urate deposits.',
    'Gouty arthritis of the knee in his wife.',
    'He drinks beer most days and eats a lot of red meat.',
    'Psoriatic arthritis with erosions is suspected rather than gout.',
    'Gout was considered but is unlikely.',
    'Asymptomatic hyperuricemia from his diuretic; he has never had gout.',
    'No urate deposits in the spine on dual-energy CT in 2022.',
    'His brother was treated for spinal gout.',
    'Spinal gout is rare, and his uric acid is normal.',
    'Spinal gout was excluded by a facet biopsy.',
    'If spinal gout were present, the uric acid would usually be high.',
    'He asked whether he could have spinal gout like his uncle.',
    'Spinal gout? [ ]',
]
GOUT_STATED = ['Spinal gout at L4-L5 is suspected.']

# ---------------------------------------------------------------- Cohere CT-IND-7: rheumatoid arthritis
RA_NOT_NAMED = HEADF + """68-year-old woman with occipital headache and neck pain on turning for two months, and a clunk when she nods. No injury.
{x}
Atlantoaxial instability is suspected. Strength normal, reflexes symmetric, Hoffmann negative.
Flexion-extension cervical x-rays last week show an atlantodental interval of 4 mm widening to 7 mm in flexion.
She has never had a CT or MRI of the neck.
Request: CT cervical spine without contrast."""
# another arthritis, a relative's RA, 'rheumatic' words, RA as room air or right atrium
NO_RA = [
    'Osteoarthritis of both knees and hands.',
    'Her mother has rheumatoid arthritis.',
    'Rheumatoid factor and anti-CCP were negative; she does not have rheumatoid arthritis.',
    'Rheumatoid arthritis was ruled out by her rheumatologist.',
    'Psoriatic arthritis for 20 years on methotrexate and etanercept.',
    'Polymyalgia rheumatica on prednisone.',
    'Rheumatic fever as a child, with mitral valve disease.',
    'Systemic lupus on hydroxychloroquine.',
    'If rheumatoid arthritis is confirmed, methotrexate will be started.',
    'Rheumatoid arthritis? [ ]',
    'She worries she has rheumatoid arthritis like her sister.',
    'Juvenile idiopathic arthritis in her daughter.',
    'Gout of both feet on allopurinol.',
    'Rheumatoid arthritis is unlikely; her joint pain is from osteoarthritis.',
    'Hand pain from erosive osteoarthritis.',
    'Oxygen saturation 98% on RA.',
    'Echo: RA enlargement from pulmonary hypertension.',
    'RA factor was negative.',
    'Family history: RA in her mother.',
    'No RA.',
    "Her sister's RA is treated with methotrexate.",
]
RA = ['She has seropositive rheumatoid arthritis for 20 years on methotrexate and etanercept.']

# ---------------------------------------------------------------- Cohere CT-IND-7: atlantoaxial instability suspected
AAI_NOT_NAMED = HEADF + """68-year-old woman with seropositive rheumatoid arthritis for 20 years on methotrexate and etanercept, with neck pain for two months. No injury.
{x}
Strength normal, reflexes symmetric, Hoffmann negative.
Cervical x-rays last week were inconclusive: the dens is partly obscured and C1-C2 alignment cannot be judged.
She has never had a CT or MRI of the neck.
Request: CT cervical spine without contrast."""
# instability of another level or joint, a relative's, hypothetical, denied
NO_AAI = [
    'Atlantoaxial instability is not suspected.',
    'No sign of atlantoaxial instability.',
    'Her sister, who has RA, had atlantoaxial instability.',
    'Instability at C5-C6 on flexion views is suspected.',
    'Instability of the L4-L5 segment is suspected.',
    'Recurrent right shoulder instability after dislocations.',
    'Right knee instability from an ACL tear.',
    'Gait instability from her knee arthritis.',
    'If atlantoaxial instability is suspected, flexion-extension views will be done.',
    'Atlantoaxial instability? [ ]',
    'She read about atlantoaxial instability in RA and is worried.',
    'The anesthesiologist asks to clear the neck before knee surgery; no instability is suspected.',
    'Unstable angina last year.',
    'Atlantoaxial instability is unlikely.',
    'C1-C2 subluxation was ruled out.',
    'Atlantoaxial instability in her sister, who has RA.',
    'Her mother, who had RA, had atlantoaxial subluxation.',
    'If her neck symptoms worsen, atlantoaxial subluxation would be a concern.',
    'Atlantoaxial subluxation is a known complication of RA; she has no symptoms of it.',
]
AAI = [
    'Atlantoaxial instability is suspected.',
    'She has occipital headache and a clunk when she nods; C1-C2 instability is suspected.',
]

# ---------------------------------------------------------------- Cohere CT-IND-7: cervical x-rays abnormal or inconclusive
RA_NO_CERVICAL_XRAY = HEADF + """68-year-old woman with seropositive rheumatoid arthritis for 20 years on methotrexate and etanercept. For two months, occipital headache and neck pain on turning, and a clunk when she nods. No injury.
Atlantoaxial instability is suspected. Strength normal, reflexes symmetric, Hoffmann negative.
{x}
She has never had a CT or MRI of the neck.
Request: CT cervical spine without contrast."""
# films of the hands, feet, chest or lumbar spine; normal, ordered, hypothetical, a relative's
NO_CERVICAL_XRAY_ABNORMAL = [
    'Cervical x-rays last week were normal, with a normal atlantodental interval.',
    'Hand x-rays last week show erosions.',
    'Chest x-ray last week showed rheumatoid nodules.',
    'Lumbar x-rays last week were abnormal, with a spondylolisthesis.',
    'Cervical x-rays are ordered.',
    'Cervical x-rays will be done before the CT.',
    "Her sister's cervical x-rays were abnormal.",
    'If the cervical x-rays are abnormal, a CT will be done.',
    'Cervical x-rays: [ ] abnormal',
    'Shoulder x-rays show erosions of the humeral head.',
    'Foot x-rays show erosions of the MTP joints.',
    'Cervical x-rays were declined.',
    'Cervical x-rays were taken but the report is not available.',
    'No x-rays of the neck have been done.',
    'Cervical x-rays last week were unremarkable.',
    'Dental x-rays last month were abnormal.',
    'Knee x-rays show severe joint space narrowing.',
    'Cervical x-rays last week were not suspicious for instability.',
    'Cervical x-rays last week show no widening and no subluxation.',
    'Cervical x-rays would probably be inconclusive, so none were taken.',
    'Her first cervical x-rays were not adequate; repeat views the same day were normal.',
    'Cervical x-rays last week are not abnormal.',
]
CERVICAL_XRAY_ABNORMAL = [
    'Flexion-extension cervical x-rays last week show an atlantodental interval of 4 mm widening to 7 mm in flexion.',
    'Cervical x-rays last week were inconclusive because the dens was obscured.',
]

# ---------------------------------------------------------------- Cohere CT-IND-8: MRI not possible
AXSPA_NO_MRI_REASON = HEAD + """44-year-old man with ankylosing spondylitis, diagnosed on pelvic x-rays showing bilateral sacroiliitis, his first imaging. He has taken secukinumab for two years.
Over three months his back pain and morning stiffness have come and gone, CRP stays normal and his activity scores do not match his symptoms, so his disease activity is unclear.
{x}
No injury. He has never had a CT or MRI of the spine.
Request: CT lumbar spine without contrast."""
# the same MRI traps as CT-IND-3 for the spondyloarthritis pathway
NO_MRI_NOT_POSSIBLE_AXSPA = [
    'MRI is possible; he prefers CT.',
    'He is mildly claustrophobic.',
    'MRI of the sacroiliac joints is scheduled.',
    'His pacemaker is MRI-conditional, so MRI is safe.',
    'His brother has a pacemaker and cannot have MRI.',
    'There is no contraindication to MRI.',
    'MRI contraindicated? [ ]',
    'If MRI cannot be done, CT will be requested.',
    'A pacemaker may be needed next year.',
    'An MRI in 2019 showed sacroiliitis.',
    'Gadolinium is avoided because of a past reaction; MRI without contrast is fine.',
    'MRI was offered but he declined it because he prefers CT.',
    'He had a metal fragment in his eye that was removed in 2018; MRI is now safe.',
    'He has a titanium knee replacement, which is MRI-safe.',
    'Contrast MRI is contraindicated because of a past reaction to gadolinium; MRI without contrast is fine.',
    'He says he is unable to undergo MRI due to claustrophobia; he has not tried an open scanner or sedation.',
    'The MRI safety screen found no ferromagnetic objects.',
    'He cannot have an MRI because the scanner is down today; it is booked for next week.',
    'MRI was contraindicated for a few days in 2019 while he had a temporary pacing wire after heart surgery.',
    "His wife's aneurysm clip is not MRI-conditional.",
]
MRI_NOT_POSSIBLE_AXSPA = ['He had a pacemaker placed in 2023 that is not MRI-conditional, so MRI is contraindicated.']

# ---------------------------------------------------------------- Cohere CT-IND-8: ankylosing spondylitis of unclear activity on a biologic
AXSPA_NO_ACTIVITY = HEAD + """44-year-old man with ankylosing spondylitis, diagnosed on pelvic x-rays showing bilateral sacroiliitis, his first imaging; he has low back pain and stiffness.
{x}
He had a pacemaker placed in 2023 that is not MRI-conditional, so MRI is contraindicated.
No injury. He has never had a CT or MRI of the spine.
Request: CT lumbar spine without contrast."""
# activity clear, or unclear but off a biologic (never, stopped, planned, waiting), another disease's or person's
NO_ACTIVITY_UNCLEAR = [
    'His disease is clearly active despite secukinumab: CRP 45 and BASDAI 7.',
    'In remission on secukinumab, BASDAI 1 and CRP normal.',
    'Disease activity is unclear; he has never taken a biologic and uses naproxen.',
    'Disease activity is unclear; he stopped adalimumab in 2019 and takes naproxen.',
    'Disease activity is unclear; a biologic will be started if it is active.',
    'Disease activity is unclear; he takes methotrexate.',
    'His brother, who has AS on adalimumab, has unclear disease activity.',
    'It is unclear whether he takes his secukinumab regularly; his disease is quiet.',
    'His psoriasis activity is unclear on secukinumab; the spondylitis is quiet.',
    'Disease activity was unclear in 2018 before he started secukinumab; he is now in remission.',
    'Activity unclear on biologic? [ ]',
    'He takes adalimumab for Crohn disease; his spondylitis is inactive.',
    'Disease activity is clear from his CRP of 60 on etanercept.',
    'The cause of his fatigue is unclear; his AS is inactive on secukinumab.',
    'Disease activity is hard to judge; etanercept was stopped in 2020 after infections.',
    'Activity is uncertain; he is on a waiting list for adalimumab.',
    "His daughter's disease activity is unclear on etanercept.",
    'It is unclear whether he can stay on adalimumab after his infection; his disease is active, BASDAI 6.',
]
ACTIVITY_UNCLEAR = [
    'He has taken secukinumab for two years; CRP stays normal and his activity scores do not match his symptoms, so his disease activity is unclear.',
]

# ---------------------------------------------------------------- Cohere CT-IND-8: radiographs as the initial imaging
AXSPA_NO_XRAY = HEAD + """44-year-old man with ankylosing spondylitis diagnosed in 2015. He has taken secukinumab for two years.
{x}
Over three months his back pain and morning stiffness have come and gone, CRP stays normal and his activity scores do not match his symptoms, so his disease activity is unclear.
He had a pacemaker placed in 2023 that is not MRI-conditional, so MRI is contraindicated.
No injury. He has never had a CT or MRI of the spine.
Request: CT lumbar spine without contrast."""
# films of another body part or person, ordered, missed, declined, a CT or MRI first
NO_INITIAL_XRAY = [
    'The diagnosis was made on MRI of the sacroiliac joints; no x-rays were taken.',
    'Pelvic x-rays are ordered.',
    'No x-rays have been done.',
    'Chest x-ray last year for a cough was clear.',
    'Knee x-rays showed osteoarthritis.',
    "His brother's pelvic x-rays showed sacroiliitis.",
    'If x-rays are needed, they will be done at the next visit.',
    'X-rays: [ ] pelvis',
    'He declined x-rays because of radiation concerns.',
    'The first imaging was a CT of the abdomen for appendicitis, which showed sacroiliitis by chance.',
    'Dental x-rays last month were normal.',
    'Pelvic x-rays were taken but the report is not available.',
    'Hip x-rays showed no arthritis.',
    'An abdominal x-ray for constipation last year was normal.',
    'Jaw radiographs for a tooth abscess were normal.',
    'X-rays were requested but he did not attend.',
    'X-rays were booked for August; he missed the appointment.',
]
INITIAL_XRAY = ['Pelvic x-rays, his first imaging, showed bilateral sacroiliitis.']

# ---------------------------------------------------------------- Cohere CT-IND-16: a listed reason to repeat
REPEAT_NO_REASON = HEAD + """58-year-old man who had a CT of the lumbar spine on May 12 for low back pain.
{x}
He has had no treatment since. There is no established guideline for follow-up of this kind of finding.
Request: repeat CT lumbar spine without contrast."""
# one-time follow-ups and healing checks of something else (a visit, a call, another organ, a wrist)
NO_REPEAT_REASON = [
    'He would like a repeat CT for reassurance; his symptoms are unchanged.',
    'A single follow-up visit is booked in six weeks.',
    'A one-time follow-up phone call with the nurse is planned.',
    'The May CT was clear; nothing needs clarifying.',
    'The May CT showed no indeterminate finding.',
    'Clarifying an indeterminate thyroid nodule on his neck ultrasound is planned.',
    'A single follow-up chest CT was recommended for a 5 mm lung nodule.',
    'His symptoms are unchanged since May.',
    'New right knee pain since June.',
    'His back pain worsened in 2022 and has been stable since.',
    'If new symptoms develop, a repeat CT would be considered.',
    'His wife needs monitoring of her lumbar fusion.',
    'Monitoring of his blood pressure continues.',
    'Monitoring: [ ] needed',
    'He checks his blood sugar at home.',
    'He wants the repeat CT to support a disability claim.',
    'The radiologist advised no follow-up imaging.',
    'Single follow-up CT of the abdomen for a kidney cyst is due.',
    'We will confirm healing of his wrist fracture on x-ray.',
    'Confirm bony union of his ankle fusion on foot x-rays.',
    'No one-time clarification is needed.',
    'His lawyer asked for an updated scan.',
    'A single follow-up MRI of the brain is planned for his pituitary lesion.',
    'We will confirm healing of the surgical wound on his hand at the next visit.',
]
REPEAT_REASON_STATED = [
    'The radiologist called a 6 mm lucency in the L3 body indeterminate; the plan is a one-time follow-up CT to clarify it.',
]

# ---------------------------------------------------------------- Cohere CT-IND-16: no established guideline
REPEAT_GUIDELINE_OPEN = HEAD + """58-year-old man who had a CT of the lumbar spine on May 12 for low back pain; the radiologist called a 6 mm lucency in the L3 body indeterminate.
The plan is a one-time follow-up CT to clarify the indeterminate finding. He has had no treatment since.
{x}
Request: repeat CT lumbar spine without contrast."""
# guidelines not mentioned, not followed, not handed out, about another matter, or existing
NO_NO_GUIDELINE = [
    'The radiologist did not mention any guideline.',
    'He does not follow dietary guidelines.',
    'No written guidelines were given to him at discharge.',
    'I have not checked the guidelines.',
    'Guidelines: [ ] none',
    'There is an established guideline for follow-up of this finding.',
    'Guidelines for follow-up of such findings exist, from the radiology society.',
    'If no guideline applies, a repeat CT is reasonable.',
    'His wife found no guideline online.',
    'No published guideline applies to his blood pressure target.',
    'There was no guideline for this in 2015.',
    'Whether a guideline applies is unclear.',
    'He was not given written guidelines for his home exercises.',
    'He is not following the exercise guidelines.',
    'He is not yet on guideline-directed therapy for his heart failure.',
    'The radiologist has not issued a follow-up recommendation.',
    'He did not read the guideline leaflet on back care.',
]
NO_GUIDELINE = ['There is no established guideline for follow-up of this kind of finding.']


PROBES = [
    Probe("CT-IND-3 a listed neurological symptom", IND3_NO_SYMPTOM, COHERE, "72131", "1964-01-01", "male",
          NO_IND3_SYMPTOM, IND3_SYMPTOM_STATED),
    Probe("CT-IND-3 MRI indeterminate or not possible", IND3_NO_MRI_REASON, COHERE, "72131", "1964-01-01", "male",
          NO_IND3_MRI, IND3_MRI_STATED),
    Probe("CT-IND-3 weakness not from a peripheral neuropathy", IND3_NEUROPATHY_OPEN, COHERE, "72131", "1964-01-01", "male",
          NO_NOT_PN, NOT_PN),
    Probe("CT-IND-4 spinal amyloid suspected", AMYLOID_NOT_NAMED, COHERE, "72131", "1954-01-01", "male",
          NO_AMYLOID, AMYLOID_STATED),
    Probe("CT-IND-5 CSF leak", CSF_LEAK_NOT_NAMED, COHERE, "72126", "1984-01-01", "female",
          NO_CSF_LEAK, CSF_LEAK),
    Probe("CT-IND-6 spinal gout suspected", GOUT_NOT_NAMED, COHERE, "72131", "1960-01-01", "male",
          NO_GOUT, GOUT_STATED),
    Probe("CT-IND-7 rheumatoid arthritis", RA_NOT_NAMED, COHERE, "72125", "1958-01-01", "female",
          NO_RA, RA),
    Probe("CT-IND-7 atlantoaxial instability suspected", AAI_NOT_NAMED, COHERE, "72125", "1958-01-01", "female",
          NO_AAI, AAI),
    Probe("CT-IND-7 cervical x-rays abnormal or inconclusive", RA_NO_CERVICAL_XRAY, COHERE, "72125", "1958-01-01", "female",
          NO_CERVICAL_XRAY_ABNORMAL, CERVICAL_XRAY_ABNORMAL),
    Probe("CT-IND-8 MRI not possible", AXSPA_NO_MRI_REASON, COHERE, "72131", "1982-01-01", "male",
          NO_MRI_NOT_POSSIBLE_AXSPA, MRI_NOT_POSSIBLE_AXSPA),
    Probe("CT-IND-8 AS activity unclear on a biologic", AXSPA_NO_ACTIVITY, COHERE, "72131", "1982-01-01", "male",
          NO_ACTIVITY_UNCLEAR, ACTIVITY_UNCLEAR),
    Probe("CT-IND-8 radiographs as the initial imaging", AXSPA_NO_XRAY, COHERE, "72131", "1982-01-01", "male",
          NO_INITIAL_XRAY, INITIAL_XRAY),
    Probe("CT-IND-16 a listed reason to repeat", REPEAT_NO_REASON, COHERE, "72131", "1968-01-01", "male",
          NO_REPEAT_REASON, REPEAT_REASON_STATED),
    Probe("CT-IND-16 no established guideline", REPEAT_GUIDELINE_OPEN, COHERE, "72131", "1968-01-01", "male",
          NO_NO_GUIDELINE, NO_GUIDELINE),
]


test_a_statement_that_does_not_supply_the_fact_never_approves, test_the_statement_that_supplies_it_approves = \
    probe_tests(PROBES)
