"""False-approval probes, sixth round: spinal deformity (EviCore SP-14.1: the four MRI indications - a thoracic
curve convex to the left, pre-operative evaluation, neurological signs and symptoms, a congenital or atypical
curve - the affected region and its x-rays; SP-14.2: revision anterior deformity surgery, ordered by the
operating surgeon), syringomyelia (SP-13.1 suspected syrinx, the brain MRI of a known syrinx not yet done;
SP-13.2 neurological deterioration and a concern for malignancy), post-operative imaging (SP-15.3 symptoms
and post-surgical x-rays within 6 months, SP-15.1 post-surgical x-rays after the current symptoms) and
imaging around procedures (SP-16.1 surgery planned at the region, SP-16.2 other causes ruled out before an
initial ESI for stenosis, SP-16.3 stimulator placement, SP-16.4 cement leak after vertebral augmentation).
SP-16.1's MRI pathway needs a fact the reader never sets (variant soft-tissue anatomy) and SP-16.2's
cervical/thoracic and lumbar TFESI pathways need the imaging criteria "otherwise met", which approve the
same study by themselves, so neither has a probe here. Same method as the earlier rounds: a whole note one
fact short of an approval, ONE statement varied, and controls that approve.

One probe is not one fact short: the note of a known syrinx that names its cervical and thoracic MRIs
approves a brain MRI with nothing added (the MRIs a syrinx note names are read as all that were done), so
that probe's statements each name a brain MRI already done, in words other than "brain MRI"."""

from __future__ import annotations

from probe_notes import Probe, probe_tests

EVICORE = "evicore-spine-2026"
HEAD = "Follow-up visit in clinic today; I examined her in person. "

# ---------------------------------------------------------------- EviCore SP-14.1: a thoracic curve convex to the left
LEFT_CURVE = HEAD + """15-year-old girl with scoliosis followed since age 12; mild back ache with sports, no injury.
Standing full-spine x-rays last week show a 38 degree curve from T5 to T12, Risser 2.
{x}
No numbness, weakness, gait change, bowel or bladder change. Abdominal reflexes symmetric, strength 5/5, reflexes normal.
No history of cancer. No fever or weight loss. Bracing is being continued.
Request: MRI thoracic spine without contrast."""
# a right thoracic curve, a left lumbar curve, a relative's, denied, unticked, hypothetical, pain on the left
NO_LEFT_THORACIC_CURVE = [
    'It is a right thoracic curve.',
    'The thoracic curve is convex to the right.',
    'Thoracic dextroscoliosis.',
    'Right thoracic curve with a compensatory left lumbar curve.',
    'Right thoracic, left lumbar double major curve.',
    'Lumbar levoscoliosis below a right thoracic curve.',
    'The lumbar curve is convex to the left; the thoracic curve is convex to the right.',
    'Her sister has a left thoracic curve.',
    'Her mother had a left thoracic curve fused in 1998.',
    'A left thoracic curve was ruled out on the standing films.',
    'No left thoracic curve.',
    'The thoracic curve is not convex to the left.',
    'Left thoracic curve? [ ]',
    'Convex left thoracic curve: [ ] yes',
    'If the curve turns out to be convex to the left, an MRI would be indicated.',
    'A left thoracic curve would call for an MRI; hers is convex to the right.',
    'The school screening form suggested a left thoracic curve, but the films show a right thoracic curve.',
    'She worries that she has a left thoracic curve like her cousin.',
    'Left-sided thoracic back pain after volleyball.',
    'Left thoracic paraspinal tenderness.',
    'Her left shoulder sits higher than the right.',
    'Left thoracic curve described in an old report belongs to her twin sister; hers is a right thoracic curve.',
]
LEFT_THORACIC_CURVE = ['It is a left thoracic curve.', 'The thoracic curve is convex to the left.', 'Thoracic levoscoliosis.']

# ---------------------------------------------------------------- EviCore SP-14.1: pre-operative evaluation
DEFORMITY_PREOP = HEAD + """15-year-old girl with adolescent idiopathic scoliosis followed since age 11; back ache after school, no injury.
Standing full-spine x-rays last week show a 56 degree right thoracic curve from T4 to T12, Risser 4, progressed from 44 degrees.
Typical curve pattern. No numbness, weakness, gait change, bowel or bladder change. Abdominal reflexes symmetric, strength 5/5, reflexes normal.
No history of cancer. No fever or weight loss.
{x}
Request: MRI thoracic spine without contrast."""
# surgery declined, deferred, hypothetical, a relative's, cancelled; surgery of another body part
NO_DEFORMITY_SURGERY_PLANNED = [
    'Surgery is not planned.',
    'The family declined surgery.',
    'Spinal fusion was discussed; the family will think about it.',
    'If the curve passes 60 degrees, a fusion will be considered.',
    'Fusion would be considered only if the curve keeps progressing.',
    'If bracing fails, a fusion will be planned.',
    'Her brother had a spinal fusion for scoliosis last year.',
    "Her mother's spinal fusion is scheduled for next month.",
    'Her posterior spinal fusion planned for June was cancelled.',
    'She is not a surgical candidate at this time.',
    'Surgery is premature; continue observation.',
    'Spinal fusion was deferred until she finishes growing.',
    'She is scheduled for a knee arthroscopy in November.',
    'She is scheduled for wisdom tooth surgery next month.',
    'Foot surgery to correct a bunion is scheduled for December.',
    'Jaw correction surgery is planned by her orthodontist.',
    'A tibial osteotomy for bow legs is planned next spring.',
    'Pre-operative clearance for tonsillectomy was done last year.',
    'Spinal fusion: [ ]',
    'Surgical referral: [ ]',
    'She is worried she will need surgery.',
    'Her parents asked about surgery.',
    'Observation only; no surgery planned.',
    'The family is not interested in surgery.',
    'She prefers to avoid surgery and will try a brace.',
    'Fusion is not recommended.',
    'Scoliosis surgery was offered but she declined.',
]
DEFORMITY_SURGERY_PLANNED = ['Posterior spinal fusion T4-T12 is scheduled for November; this MRI is for pre-operative planning.']

# ---------------------------------------------------------------- EviCore SP-14.1: neurological signs and symptoms
DEFORMITY_NEURO = HEAD + """15-year-old girl with adolescent scoliosis followed since age 12; mild back ache with sports, no injury.
Standing full-spine x-rays last week show a 38 degree right thoracic curve from T5 to T12, Risser 2. Typical curve pattern.
{x}
No history of cancer. No fever or weight loss. Bracing is being continued; no surgery is planned.
Request: MRI thoracic spine without contrast."""
# a relative's, denied, a general rule, a referral form contradicted by the exam, symptoms without signs,
# a peripheral cause, long ago
NO_DEFORMITY_NEURO = [
    'No numbness, weakness, gait change, bowel or bladder change; strength and reflexes normal.',
    'Neurological examination is normal and she has no neurological symptoms.',
    'Her sister has scoliosis with neurological signs and was found to have a syrinx.',
    'Scoliosis with neurological symptoms: [ ]',
    'Scoliosis with neurological signs was ruled out today: strength, sensation and reflexes are normal.',
    'We discussed that a curve with new neurological symptoms would need an MRI; she has none.',
    'The referral form says scoliosis with neurological signs, but she has no symptoms and her examination today is normal.',
    'Screening questions for a curve with neurological symptoms were all negative.',
    'She feels her legs are weak, but strength is 5/5, sensation intact and reflexes normal.',
    'Numbness of the right hand from carpal tunnel syndrome.',
    'Left foot drop from a peroneal nerve injury after a knee dislocation.',
    'Leg numbness in 2022 after a sports injury, resolved.',
    'If numbness or weakness develops, an MRI will be ordered.',
    'Her mother has multiple sclerosis.',
    'Migraine headaches, controlled.',
    'Tingling of the fingers in the cold from Raynaud phenomenon.',
    'Absent right abdominal reflex at a 2021 visit; normal today.',
    'Neuro exam: [ ] abnormal',
    'She worries that the brace is pinching a nerve; neurological examination is normal.',
    'Brisk but symmetric reflexes, no clonus, no numbness or weakness.',
    'Her arm goes numb when she sleeps on it and recovers on waking; examination normal.',
]
DEFORMITY_NEURO_SIGNS = ['Scoliosis with new neurological symptoms and signs: numbness of both legs, absent abdominal '
                         'reflexes on the right and sustained clonus.']

# ---------------------------------------------------------------- EviCore SP-14.1: congenital or atypical curve
DEFORMITY_TYPE = HEAD + """13-year-old girl with scoliosis found at a school screening; mild back ache, no injury.
Standing full-spine x-rays last week show a 32 degree right thoracic curve from T5 to T12, Risser 1.
{x}
No numbness, weakness, gait change, bowel or bladder change. Abdominal reflexes symmetric, strength 5/5, reflexes normal.
No history of cancer. No fever or weight loss. Bracing is planned; no surgery is planned.
Request: MRI thoracic spine without contrast."""
# typical, denied, a relative's, congenital or atypical something else, a general rule, a doubt the films settled
NO_CONGENITAL_OR_ATYPICAL = [
    'Typical curve pattern for adolescent idiopathic scoliosis.',
    'Right thoracic curve, typical for idiopathic scoliosis; no vertebral anomalies.',
    'No congenital vertebral anomalies on the films.',
    'No hemivertebra.',
    'Her cousin has congenital scoliosis.',
    'Her brother was born with a hemivertebra.',
    'Congenital heart disease, repaired in infancy.',
    'Congenital hip dysplasia treated in infancy.',
    'Atypical chest pain last year, cardiology work-up normal.',
    'Atypical migraine, controlled.',
    'Atypical moles on her back, followed by dermatology.',
    'The pediatrician wondered about a hemivertebra, but the films show normal vertebrae.',
    'Congenital scoliosis was ruled out on the films.',
    'Congenital scoliosis is unlikely; the vertebrae are normally formed.',
    'Atypical features? [ ]',
    'Congenital anomaly: [ ]',
    'If atypical features develop, an MRI will be needed.',
    'Atypical curves can hide a tethered cord; hers is typical.',
    'She worries that her curve is congenital.',
]
CONGENITAL_OR_ATYPICAL = ['Hemivertebra at T8 on the films: congenital scoliosis.', 'Atypical curve for idiopathic scoliosis.']

# ---------------------------------------------------------------- EviCore SP-14.1: the requested region has the deformity
DEFORMITY_REGION = HEAD + """16-year-old girl with scoliosis followed since age 12; back ache after school, no injury.
Pre-operative visit: posterior spinal fusion for her scoliosis is scheduled for November.
Standing full-spine x-rays last week show that her curve has progressed to 52 degrees, Risser 4.
{x}
No numbness, weakness, gait change, bowel or bladder change. Strength 5/5, reflexes normal.
No history of cancer. No fever or weight loss.
Request: MRI lumbar spine without contrast."""
# the curve is elsewhere, a relative's, denied, below the threshold, functional, normal lordosis
NO_LUMBAR_DEFORMITY = [
    'The curve is thoracic, T5 to T11; the lumbar spine is straight.',
    'She has a 55 degree right thoracic curve; no lumbar curve.',
    'Thoracic curve of 55 degrees; lumbar spine normal.',
    'No lumbar curve.',
    'Her mother has a lumbar curve.',
    'Her sister has lumbar scoliosis.',
    'A lumbar curve was suspected at screening, but the films show none.',
    'Lumbar curve? [ ]',
    'Lumbar asymmetry of 6 degrees, below the threshold for scoliosis; the main curve is thoracic.',
    'Leg-length difference with a lumbar tilt that corrects when seated; the structural curve is thoracic.',
    'Normal lumbar lordosis; the structural curve is thoracic.',
    'Cervical kyphosis after a neck injury; the lumbar spine is straight.',
    'If a lumbar curve develops, the fusion may be extended.',
    'She worries that her lumbar spine is curved too.',
    'Low back pain from a lumbar strain; the curve is thoracic.',
]
LUMBAR_DEFORMITY = ['The main curve is a 48 degree lumbar curve from L1 to L4.', 'She has a 50 degree left lumbar scoliosis.']

# ---------------------------------------------------------------- EviCore SP-14.1: x-rays of the affected region
DEFORMITY_NO_XRAY = HEAD + """16-year-old girl with adolescent idiopathic scoliosis; back ache after school, no injury.
On examination she has a right thoracic scoliosis from about T5 to T12 with a right rib hump.
Pre-operative visit: posterior spinal fusion T4-T12 is scheduled for November.
{x}
No numbness, weakness, gait change, bowel or bladder change. Strength 5/5, reflexes normal.
No history of cancer. No fever or weight loss.
Request: MRI thoracic spine without contrast."""
# ordered, pending, results not received, declined, not x-rays, another region or body part, a relative's
NO_DEFORMITY_XRAY = [
    'Standing full-spine x-rays are ordered.',
    'Standing full-spine x-rays will be obtained before surgery.',
    'Standing full-spine x-rays to be done before the MRI.',
    'Standing x-rays were taken at an outside clinic; the images and report have not been received.',
    'Scoliosis x-rays are pending.',
    'She declined x-rays because of radiation worries.',
    'Scoliosis x-rays: [ ]',
    'Scoliometer reading 14 degrees at the apex.',
    'Surface topography scan last week showed trunk asymmetry.',
    'The orthotist measured the curve on a photograph.',
    'Chest x-ray last week before surgery was clear.',
    'Left wrist x-rays last week for a sprain were normal.',
    'Lumbar x-rays last week were normal.',
    'Cervical spine x-rays last week were normal.',
    "Her sister's scoliosis x-rays showed a 40 degree curve.",
    'A chest CT last year for pneumonia showed the curve.',
    'No x-rays have been taken yet.',
    'X-rays were not done.',
    'Full-spine x-rays will be done on the morning of surgery.',
    'If the curve looks worse, x-rays will be repeated.',
]
DEFORMITY_XRAY = ['Standing full-spine x-rays last week show a 56 degree right thoracic curve.',
                  'Thoracic spine x-rays last week show the curve at 56 degrees.']

# ---------------------------------------------------------------- EviCore SP-14.2: ordered by the operating surgeon
REVISION_DEFORMITY = HEAD + """61-year-old woman with adult degenerative lumbar scoliosis, no injury.
She had an L2-L5 anterior lumbar interbody fusion in 2019; x-rays show pseudarthrosis and a progressive lumbar curve of 35 degrees.
A revision of her prior L2-L5 ALIF with correction of the deformity is scheduled for November.
{x}
No history of cancer. No fever or weight loss. Strength 5/5.
Request: CTA abdomen and pelvis."""
# another doctor operates, not chosen yet, an operation on another body part, a third-party surgeon
NOT_OPERATING_SURGEON = [
    'I am her primary care physician; Dr. Lee, her spine surgeon, will perform the revision.',
    'The surgeon who will do the revision has not been chosen yet.',
    'I am not the operating surgeon; I am requesting the study on her behalf.',
    'Ordered by the anesthesiologist for the pre-anesthesia assessment.',
    'Her original surgeon retired; she is looking for a new one.',
    'Operating surgeon: [ ]',
    'Requested by the operating surgeon? [ ] yes',
    'I will refer her to Dr. Lee, who will perform the revision.',
    'I performed her original ALIF in 2019; the revision will be done by Dr. Lee.',
    'The revision will be done by a surgeon at the university hospital.',
    'Her daughter asked that the operating surgeon order the study.',
    'I am the operating surgeon for her knee replacement next year.',
    'The operating surgeon will decide whether a CTA is needed.',
    'If Dr. Lee agrees to operate, he will order any vascular study.',
    'The vascular access surgeon will request any imaging he needs.',
]
OPERATING_SURGEON = ['I am the operating surgeon and will perform the revision myself.',
                     'As the operating surgeon, I am requesting the CTA.']

# ---------------------------------------------------------------- EviCore SP-14.2: the anterior operation is a revision
DEFORMITY_ANTERIOR = HEAD + """61-year-old woman with adult degenerative lumbar scoliosis, progressive lumbar curve of 35 degrees on x-rays last week, no injury.
An L2-L5 fusion with correction of the deformity is scheduled for November; I am the operating surgeon and will perform it myself.
{x}
No history of cancer. No fever or weight loss. Strength 5/5.
Request: CTA abdomen and pelvis."""
# a first operation, a revision of another joint or region, a relative's, hypothetical, considered but not done
NOT_REVISION = [
    'This will be her first anterior spine operation.',
    'She has never had spine surgery.',
    'She had a posterior L3-L5 laminectomy in 2015; the spine has never been approached from the front.',
    'This fusion will be done from the back only.',
    'She had a hip replacement revision in 2021.',
    'Revision of her knee replacement is planned for next year.',
    'Her sister had a revision of an ALIF in 2020.',
    'If the anterior fusion fails, a revision may be needed later.',
    'Revision surgery: [ ]',
    'Prior anterior spine surgery? [ ] yes',
    'She had an anterior cervical discectomy and fusion at C5-6 in 2018.',
    'She had a revision of her C5-6 ACDF in 2021.',
    'She had a hysterectomy through a low abdominal incision in 2010.',
    'She worries she will need a revision like her sister.',
    'Prior anterior lumbar surgery was considered in 2019 but not done.',
]
REVISION = ['The operation is a revision of her prior L2-L5 anterior lumbar interbody fusion from 2019.']

# ---------------------------------------------------------------- EviCore SP-13.1: syringomyelia suspected
SYRINX_SUSPECTED = HEAD + """34-year-old woman with burning pain across both shoulders and the upper back for 4 months, no injury.
On examination pain and temperature sensation are reduced over both shoulders in a cape distribution; light touch is normal.
Strength 5/5, reflexes symmetric, gait normal. No bowel or bladder change. No fever, weight loss or history of cancer.
{x}
She has never had an MRI of the spine.
Request: MRI cervical spine without contrast."""
# a relative's, excluded, unlikely, the patient's worry, hypothetical, unticked, another explanation
NOT_SYRINX_SUSPECTED = [
    'Her brother has syringomyelia.',
    'Syringomyelia was excluded by her neurologist; nerve studies show a small-fiber neuropathy.',
    'Syringomyelia is unlikely; this is most likely a small-fiber neuropathy.',
    'Syringomyelia? [ ]',
    'She read about syringomyelia online and is worried she has it.',
    'If weakness or wasting develops, syringomyelia should be considered.',
    'No syrinx.',
    'Syrinx ruled out.',
    'A syrinx is not suspected.',
    'Differential: [ ] syrinx [x] shingles',
    'Her symptoms are from shingles, not a syrinx.',
    'Burning pain from shingles on both shoulders last month.',
    'Cape distribution sunburn after a beach holiday.',
    'A syrinx was suspected in 2015 when she had arm numbness after a fall; that resolved.',
    'Copied from an old problem list: rule out syrinx (resolved).',
]
SYRINX_SUSPICION = ['I suspect syringomyelia.', 'Possible cervical syrinx.']

# ---------------------------------------------------------------- EviCore SP-13.2: neurological deterioration
SYRINX_STABLE = """Follow-up visit in clinic today; I examined him in person. 41-year-old man with a known idiopathic syrinx from C4 to C7.
It was found on a cervical spine MRI in 2019; thoracic and lumbar MRIs were done the same year and showed no other cavity.
Annual MRIs in 2020, 2021, 2022 and 2023 showed the syrinx unchanged, and stability was established.
His last cervical MRI was in August 2025, also unchanged. There has never been any surgery.
{x}
No fever, weight loss or history of cancer. No bowel or bladder change.
Request: MRI cervical spine without contrast."""
# unchanged, a relative's, a peripheral cause, hypothetical, the patient's worry, long ago, unticked
NO_DETERIORATION = [
    'No new numbness, weakness or clumsiness; examination unchanged from last year.',
    'He denies new numbness, weakness, tingling or change in walking.',
    'His long-standing numbness of the left hand is unchanged.',
    'His mother has new weakness after a stroke.',
    'New numbness of both feet from diabetic neuropathy, confirmed on nerve conduction studies.',
    'New weakness of the right hand from a wrist fracture now in a cast.',
    'New tingling of the right thumb and index finger from carpal tunnel syndrome, positive Phalen test.',
    'New numbness of the left little finger after he hit his elbow, resolving.',
    'If new numbness or weakness develops, he will call.',
    'New weakness? [ ]',
    'Worsening neurological symptoms: [ ] yes',
    'He is worried that his hand weakness will get worse.',
    'Worsening knee pain from osteoarthritis.',
    'His left hand numbness worsened in 2020 and has been stable since.',
    'Increased neck stiffness after sleeping awkwardly, resolved in two days.',
]
DETERIORATION = ['Over the past 2 months he has new numbness and weakness of the left hand.']

# ---------------------------------------------------------------- EviCore SP-13.2: a concern for malignancy
SYRINX_WORSE = """Follow-up visit in clinic today; I examined him in person. 41-year-old man with a known syrinx from C4 to C7.
It was found on a cervical spine MRI in 2019; thoracic and lumbar MRIs were done the same year and showed no other cavity.
Annual MRIs in 2020, 2021, 2022 and 2023 showed the syrinx unchanged, and stability was established.
His last cervical MRI was in August 2025, also unchanged. There has never been any surgery.
Over the past 2 months he has new numbness and weakness of the left hand.
{x}
No fever or weight loss. No bowel or bladder change.
Request: MRI cervical spine without and with contrast."""
# denied, excluded, a relative's, the patient's worry, a mass or cancer elsewhere, hypothetical, unticked
NO_MALIGNANCY_CONCERN = [
    'No mass was seen on any of his MRIs, and there is no concern for a tumor.',
    'A cord tumor was excluded on a contrast MRI in 2019.',
    'Idiopathic syrinx; no tumor on the 2019 contrast study.',
    'Malignancy is not a concern.',
    'His father had a spinal cord tumor.',
    'Breast cancer in his mother.',
    'He worries that the syrinx could turn into cancer.',
    'Tumor: [ ]',
    'Concern for malignancy? [ ] yes',
    'If a mass appears on the non-contrast study, contrast will be added.',
    'Benign breast mass in his sister, removed.',
    'A lipoma on his back was removed in 2015.',
    'He had a benign fatty mass removed from his thigh in 2010.',
    'Skin cancer on his nose was removed in 2018; no other cancer history.',
    'Cancer screening is up to date and normal.',
]
MALIGNANCY_CONCERN = ['Possible intramedullary tumor causing the syrinx.', 'An underlying cord tumor is suspected.']

# ---------------------------------------------------------------- EviCore SP-13.1: known syrinx, brain MRI not yet done
SYRINX_BRAIN = HEAD + """29-year-old woman with neck and shoulder pain for 3 months, no injury.
A cervical spine MRI in August 2026 showed a syrinx from C5 to T2; a thoracic spine MRI in September 2026 showed its lower end at T6.
{x}
Strength 5/5, reflexes symmetric. No fever, weight loss or history of cancer. No bowel or bladder change.
Request: MRI brain without contrast to look for syringobulbia."""
# the brain MRI already done, named in other words
BRAIN_MRI_DONE = [
    'An MRI of the head in July showed a mild Chiari malformation.',
    'A head MRI at the emergency department in July was normal.',
    'An MRI of the head for headaches in July was normal.',
    'MRI of the posterior fossa in July showed the tonsils 6 mm below the foramen magnum.',
    'An MRI of the brain stem and craniocervical junction in July was normal.',
    'Her neurologist obtained a brain MRI in July, which showed no syringobulbia.',
    'Brain MRI done in July at another hospital.',
    'Cranial MRI in July was normal.',
    'MR brain in July: Chiari I malformation.',
    'MRI head w/o contrast in July: no syringobulbia.',
    'Neuro-imaging in July: MRI of the head, normal.',
    'Brain imaging by MRI in July was normal.',
    'She had an MRI of the brain and the whole spine in July at an outside center.',
    'MRI of the head at the outside hospital in July showed a Chiari I malformation.',
    'In July an MRI of the head showed no hydrocephalus.',
]
BRAIN_MRI_NOT_DONE = ['She has never had a brain MRI.', 'No brain MRI has been done.']

# ---------------------------------------------------------------- EviCore SP-15.3: symptoms of the operated region
POSTOP_EARLY = HEAD + """52-year-old woman who had a right L4-5 microdiscectomy on July 15, 2026 for sciatica.
Lumbar x-rays taken last week, after the surgery, show expected post-operative changes and normal alignment.
{x}
No fever, wound drainage, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI lumbar spine without and with contrast."""
# resolved, before the surgery, another body part or region, a side effect, a relative's, hypothetical, worry
NO_POSTOP_SYMPTOM = [
    'Her leg and back pain resolved after the surgery and she is back at work.',
    'She had recurrent sciatica before the surgery; since the surgery she is pain-free.',
    'Her back pain is steadily better since the surgery and nearly gone.',
    'No recurrent leg pain, numbness or weakness since the surgery.',
    'New right knee pain after a fall at home last week.',
    'New right shoulder pain since the surgery from positioning on the table.',
    'New left wrist pain after the surgery from the IV site.',
    'New neck pain since the surgery after a long car trip.',
    'Persistent nausea after the surgery from opioids, now resolved.',
    'Persistent sore throat after intubation for the surgery.',
    'Persistent constipation since the surgery from pain medicine.',
    'New rash on the back after the surgery from the dressing adhesive.',
    'Recurrent urinary tract infection after the surgery, treated.',
    'Her husband has recurrent sciatica.',
    'If the leg pain comes back, she will call.',
    'Recurrent leg pain? [ ]',
    'She worries that her sciatica will come back.',
]
POSTOP_SYMPTOM = ['Her right leg pain has come back since the surgery and is worse over the last 3 weeks.',
                  'Recurrent right sciatica since the surgery.']

# ---------------------------------------------------------------- EviCore SP-15.3: post-surgical x-rays
POSTOP_EARLY_NO_XRAY = HEAD + """52-year-old woman who had a right L4-5 microdiscectomy on July 15, 2026 for sciatica.
Her right leg pain has come back since the surgery and is worse over the last 3 weeks.
{x}
No fever, wound drainage, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI lumbar spine without and with contrast."""
# before the surgery, ordered or to be taken, report not available, another region or body part, declined
NO_EARLY_POSTOP_XRAY = [
    'Lumbar x-rays from before the surgery, in June, showed disc space narrowing at L4-5.',
    'Lumbar x-rays are ordered.',
    'Post-operative lumbar x-rays will be obtained today.',
    'Post-operative lumbar x-rays are scheduled for next week.',
    'Post-op lumbar films to be taken at the next visit.',
    'Standing x-rays will be taken today.',
    'Post-operative x-rays were planned but not done.',
    'Post-operative lumbar x-rays were taken last week; the report is not yet available.',
    'Post-op x-rays: [ ]',
    'Chest x-ray after the surgery was clear.',
    'Hip x-rays after the surgery were normal.',
    'Cervical x-rays after the surgery were normal.',
    'She declined post-operative x-rays.',
    "Her husband's post-operative x-rays were normal.",
    'No x-rays have been done since the surgery.',
    'If the pain persists, lumbar x-rays will be taken.',
]
EARLY_POSTOP_XRAY = ['Lumbar x-rays taken last week, after the surgery, show expected post-operative changes.',
                     'Post-operative lumbar x-rays last week show no instability.']

# ---------------------------------------------------------------- EviCore SP-15.1: post-surgical x-rays after the current symptoms
POSTOP_LATE = HEAD + """58-year-old woman who had an L4-5 posterior fusion on March 14, 2023 and did well until early July.
She now has new low back pain and right leg pain since early July, more than three years after the fusion, no injury.
She completed 8 weeks of physical therapy and 8 weeks of naproxen with no improvement; re-evaluated today.
{x}
No fever, weight loss, bowel or bladder change. No history of cancer. No red flags. Strength 5/5, reflexes symmetric.
Request: MRI lumbar spine without and with contrast."""
# before the current symptoms or the fusion, ordered or to be taken, pending, another region, declined
NO_LATE_POSTOP_XRAY = [
    'Post-operative x-rays in 2023 showed good hardware position.',
    'X-rays after the surgery in 2023 were fine.',
    'Lumbar x-rays from before her fusion in 2023 showed a spondylolisthesis.',
    'Lumbar x-rays are ordered.',
    'Lumbar x-rays will be obtained today.',
    'Standing lumbar x-rays will be taken at the next visit.',
    'Flexion-extension x-rays are planned.',
    'If the pain persists, flexion-extension x-rays will be taken.',
    'Post-operative x-rays will be obtained before the MRI.',
    'Lumbar x-rays were taken last week; the report is pending.',
    'Lumbar x-rays: [ ]',
    'Hip x-rays in August were normal.',
    'Chest x-ray in August was clear.',
    'Cervical x-rays in August showed spondylosis.',
    'She declined x-rays.',
    "Her sister's lumbar x-rays in August were normal.",
    'No x-rays since the fusion.',
]
LATE_POSTOP_XRAY = ['Post-operative lumbar x-rays taken in August show solid fusion and intact hardware.']

# ---------------------------------------------------------------- EviCore SP-16.3: spinal cord stimulator placement
STIMULATOR = """Follow-up visit in clinic today; I examined him in person. 55-year-old man with chronic burning right leg pain since an L5-S1 fusion in 2021.
Medications, physical therapy and two epidural injections have not helped. He completed psychological screening.
{x}
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5.
Request: MRI thoracic spine without contrast."""
# declined, a relative's, removed long ago, hypothetical, removal, a stimulator of another nerve or organ
NO_STIMULATOR_PLACEMENT = [
    'He declined a spinal cord stimulator.',
    'His brother has a spinal cord stimulator.',
    'A stimulator trial in 2022 gave no relief, and the leads were removed.',
    'If medications fail, a spinal cord stimulator could be considered.',
    'Spinal cord stimulator: [ ]',
    'He is not a candidate for a spinal cord stimulator.',
    'He asked about a spinal cord stimulator.',
    'A spinal cord stimulator trial was discussed and he wants to think about it.',
    'Removal of his spinal cord stimulator is planned because of lead migration.',
    'Cardiac pacemaker placement is planned for next week.',
    'A sacral nerve stimulator implant for urinary incontinence is planned.',
    'A hypoglossal nerve stimulator implant for sleep apnea is planned.',
    'A vagus nerve stimulator implant for epilepsy is scheduled.',
    'Deep brain stimulator placement for Parkinson disease is planned.',
    'An occipital nerve stimulator implant for migraine is planned.',
    'Phrenic nerve stimulator placement for central sleep apnea is planned.',
    'A bone growth stimulator was placed after his fusion in 2021.',
    'He uses a TENS unit at home.',
]
STIMULATOR_PLACEMENT = ['A spinal cord stimulator trial is planned for next month.', 'Spinal cord stimulator placement is scheduled.']

# ---------------------------------------------------------------- EviCore SP-16.4: neurological concern for a cement leak
AUGMENTED = """Seen on the ward today; I examined her in person. 77-year-old woman with osteoporosis who had a T12 kyphoplasty this morning for a painful compression fracture.
I saw her about 6 hours after the procedure.
{x}
No history of cancer.
Request: CT thoracic spine without contrast."""
# no neurological change, a leak without neurological signs, another person's, hypothetical, long ago, worry
NO_CEMENT_LEAK_CONCERN = [
    'No new numbness or weakness; no concern for cement leakage.',
    'No cement extravasation.',
    'A small cement leak into a paravertebral vein was seen during the procedure; she has no new numbness or weakness.',
    'A cement leak into the disc space was seen; she is neurologically intact.',
    'Her roommate had a cement leak after a kyphoplasty.',
    'If new leg weakness develops, a CT will be done for a possible cement leak.',
    'Cement leakage: [ ]',
    'Cement leakage was ruled out on the final fluoroscopy images, and her neurological examination is unchanged.',
    'She had a cement leak after an L2 kyphoplasty in 2022, without sequelae.',
    'She worries about a cement leak she read about.',
    'The risk of cement leakage was discussed before the procedure.',
    'Leg numbness from her known diabetic neuropathy, unchanged from before the procedure.',
    'New right arm numbness from the blood pressure cuff, resolved.',
    'Mild soreness at the needle sites.',
    'New confusion from the sedation, resolved within an hour; legs strong and sensation intact.',
]
CEMENT_LEAK_CONCERN = ['New numbness and weakness of both legs since the procedure; concern for cement extravasation.']

# ---------------------------------------------------------------- EviCore SP-16.2: other causes ruled out (initial ESI, stenosis)
STENOSIS_ESI = """Office visit today; I examined him in person. 68-year-old man with low back pain and pain in both buttocks and thighs on walking for 3 months, no injury.
Neurogenic claudication from lumbar spinal stenosis at L4-5 is suspected; the pain eases when he sits.
He completed 5 weeks of physical therapy and naproxen, ending last week, without improvement.
He can no longer do his grocery shopping and has given up his walking group.
An initial trial of a lumbar interlaminar epidural steroid injection at L4-5 is planned. He has never had an MRI or CT of the spine.
{x}
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5.
Request: MRI lumbar spine without contrast."""
# not yet, hypothetical, for another complaint, long ago, a relative's, still possible
NOT_OTHER_CAUSES_RULED_OUT = [
    'Vascular causes have not been ruled out; ankle-brachial indices are pending.',
    'If vascular causes are ruled out, the injection will go ahead.',
    'Other causes will be ruled out at the next visit.',
    'Work-up for other causes is planned.',
    'Vascular causes will be excluded before the injection.',
    'Vascular causes were ruled out for his chest pain last year.',
    'Hip causes were excluded in 2015, before his hip replacement.',
    'Vascular causes were ruled out in his brother.',
    "His brother's leg pain was found to be vascular.",
    'Other causes ruled out? [ ]',
    'Peripheral arterial disease with an ABI of 0.6 may explain the leg pain.',
    'Hip osteoarthritis may be contributing; not yet assessed.',
    'Vascular claudication is still possible.',
    'Diabetic neuropathy could contribute and has not been excluded.',
    'He worries that the pain is from his heart.',
]
OTHER_CAUSES_RULED_OUT = ['Vascular causes were ruled out with normal ankle-brachial indices, and hip causes were excluded '
                          'on examination and x-rays.']

# ---------------------------------------------------------------- EviCore SP-16.1: surgery planned at the requested region
PREOP_CT = """Office visit today; I examined him in person. 63-year-old man with L4-5 degenerative spondylolisthesis and neurogenic claudication for 14 months, no injury.
Lumbar x-rays last month show a grade 2 slip at L4-5 with dysplastic L5 pedicles. His last lumbar MRI was in March 2023.
{x}
A CT is needed to plan the pedicle screw trajectories through the dysplastic pedicles.
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5.
Request: CT lumbar spine without contrast."""
# declined, undecided, cancelled, another region or joint, a relative's, hypothetical, long ago
NO_SURGERY_PLANNED_AT_REGION = [
    'He declined surgery.',
    'An L4-5 fusion was discussed; he will decide after the holidays.',
    'He wants to wait before deciding on surgery.',
    'His L4-5 fusion planned for 2024 was cancelled.',
    'A C5-6 anterior cervical discectomy and fusion is scheduled for December.',
    'A right total knee replacement is scheduled for December.',
    'Pre-operative clearance for cataract surgery is done.',
    'His brother had an L4-5 fusion last year.',
    'If the claudication worsens, an L4-5 fusion will be considered.',
    'He had an L4-5 laminectomy in 2018.',
    'Surgery: [ ]',
    'L4-5 fusion: [ ] scheduled',
    'He is not a surgical candidate because of heart failure.',
    'He is worried he will need an L4-5 fusion like his brother.',
    'An L4-5 fusion is not recommended at this time.',
]
SURGERY_PLANNED_AT_REGION = ['An L4-5 decompression and fusion is scheduled for December.']


PROBES = [
    Probe("SP-14.1 convex-left thoracic curve", LEFT_CURVE, EVICORE, "72146", "2011-03-01", "female",
          NO_LEFT_THORACIC_CURVE, LEFT_THORACIC_CURVE),
    Probe("SP-14.1 pre-operative evaluation", DEFORMITY_PREOP, EVICORE, "72146", "2011-03-01", "female",
          NO_DEFORMITY_SURGERY_PLANNED, DEFORMITY_SURGERY_PLANNED),
    Probe("SP-14.1 neurological signs and symptoms", DEFORMITY_NEURO, EVICORE, "72146", "2011-03-01", "female",
          NO_DEFORMITY_NEURO, DEFORMITY_NEURO_SIGNS),
    Probe("SP-14.1 congenital or atypical curve", DEFORMITY_TYPE, EVICORE, "72146", "2013-03-01", "female",
          NO_CONGENITAL_OR_ATYPICAL, CONGENITAL_OR_ATYPICAL),
    Probe("SP-14.1 lumbar deformity", DEFORMITY_REGION, EVICORE, "72148", "2010-03-01", "female", NO_LUMBAR_DEFORMITY,
          LUMBAR_DEFORMITY),
    Probe("SP-14.1 x-rays of the region", DEFORMITY_NO_XRAY, EVICORE, "72146", "2010-03-01", "female", NO_DEFORMITY_XRAY,
          DEFORMITY_XRAY),
    Probe("SP-14.2 operating surgeon", REVISION_DEFORMITY, EVICORE, "74174", "1965-03-01", "female", NOT_OPERATING_SURGEON,
          OPERATING_SURGEON),
    Probe("SP-14.2 revision", DEFORMITY_ANTERIOR, EVICORE, "74174", "1965-03-01", "female", NOT_REVISION, REVISION),
    Probe("SP-13.1 syringomyelia suspected", SYRINX_SUSPECTED, EVICORE, "72141", "1992-01-01", "female",
          NOT_SYRINX_SUSPECTED, SYRINX_SUSPICION),
    Probe("SP-13.2 neurological deterioration", SYRINX_STABLE, EVICORE, "72141", "1985-01-01", "male", NO_DETERIORATION,
          DETERIORATION),
    Probe("SP-13.2 concern for malignancy", SYRINX_WORSE, EVICORE, "72156", "1985-01-01", "male", NO_MALIGNANCY_CONCERN,
          MALIGNANCY_CONCERN),
    Probe("SP-13.1 brain MRI not yet done", SYRINX_BRAIN, EVICORE, "70551", "1997-01-01", "female", BRAIN_MRI_DONE,
          BRAIN_MRI_NOT_DONE),
    Probe("SP-15.3 symptoms of the operated region", POSTOP_EARLY, EVICORE, "72158", "1974-01-01", "female",
          NO_POSTOP_SYMPTOM, POSTOP_SYMPTOM),
    Probe("SP-15.3 post-surgical x-rays", POSTOP_EARLY_NO_XRAY, EVICORE, "72158", "1974-01-01", "female",
          NO_EARLY_POSTOP_XRAY, EARLY_POSTOP_XRAY),
    Probe("SP-15.1 post-surgical x-rays", POSTOP_LATE, EVICORE, "72158", "1968-01-01", "female", NO_LATE_POSTOP_XRAY,
          LATE_POSTOP_XRAY),
    Probe("SP-16.3 stimulator placement", STIMULATOR, EVICORE, "72146", "1971-01-01", "male", NO_STIMULATOR_PLACEMENT,
          STIMULATOR_PLACEMENT),
    Probe("SP-16.4 cement leak concern", AUGMENTED, EVICORE, "72128", "1949-01-01", "female", NO_CEMENT_LEAK_CONCERN,
          CEMENT_LEAK_CONCERN),
    Probe("SP-16.2 other causes ruled out", STENOSIS_ESI, EVICORE, "72148", "1958-01-01", "male",
          NOT_OTHER_CAUSES_RULED_OUT, OTHER_CAUSES_RULED_OUT),
    Probe("SP-16.1 surgery planned at the region", PREOP_CT, EVICORE, "72131", "1963-01-01", "male",
          NO_SURGERY_PLANNED_AT_REGION, SURGERY_PLANNED_AT_REGION),
]


test_a_statement_that_does_not_supply_the_fact_never_approves, test_the_statement_that_supplies_it_approves = \
    probe_tests(PROBES)
