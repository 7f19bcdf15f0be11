"""False-approval probes, eleventh round: document structure and who says what. The clinical content is
ordinary; what varies is where it sits and whose words it is, as real prior-authorization packets mix them:

* the ordering office's own assertions: a letter that says the payer's criteria are met without the facts,
  the guideline's requirement or its list of red flags repeated as text, "red flags: see policy";
* forms and templates: Y/N columns and tables where the tick is in the "N" column, "Y / (N)" with the answer
  circled, unticked "[ ]", "( )" and "☐" boxes next to a ticked "None", fields left unfilled ("___ weeks",
  "[ ]", "<<weeks>>", "***"), example text of a template, "ROS: all negative except as noted in HPI";
* copy-forward and embedded documents: a previous note copied below, text "from the prior visit", a scanned
  record or a PT discharge summary whose header dates it before this episode, a PT evaluation that only
  plans the course, text entered on the wrong patient, a pasted radiology report or order whose
  "Indication:" line is the question asked, a referral form's "Reason for referral: red flags?";
* the speaker: a relative's or the patient's uncertain account, a triage or chiropractor's note that the
  clinician's own exam contradicts, a patient questionnaire left blank, the patient's own exercise videos;
* negation over line breaks and headed lists ("NEGATIVES:", "Denies:", "Pertinent negatives:").

Every probe is a whole note one fact short of an approval (the six-week trial of EviCore SP-5.1 in a faxed
letter and in a templated note, an SP-1.2 red flag, the in-person evaluation, thoracic x-rays for SP-4.1,
Cohere CT-IND-1's MRI barrier), with ONE slot varied; two probes turn the method round: the note approves
as written, and an addendum or correction that takes the finding back must keep it from approving. Every
probe has controls that approve, so no test passes by reading nothing."""

from __future__ import annotations

from probe_notes import Probe, probe_tests

EVICORE, COHERE = "evicore-spine-2026", "cohere-ct-spine-2.1"

# ---------------------------------------------------------------- EviCore SP-5.1: the trial, in a faxed packet
TRIAL_LETTER = """FAX - Ridgeview Family Medicine - prior authorization packet, page 1 of 3
Re: MRI lumbar spine without contrast (72148)

Office visit today; I examined her in person.
HPI: 47-year-old woman with low back pain since early August, no injury.
{x}
The pain is no better, 6/10, and limits her work.
ROS: no leg pain, numbness or weakness; no fever, weight loss, night pain, bowel or bladder change. No history
of cancer.
Exam: paraspinal tenderness, SLR negative, strength 5/5, reflexes symmetric. No red flags.
Assessment: mechanical low back pain, not improving. Request: MRI lumbar spine without contrast."""
NO_TRIAL_IN_LETTER = [
    # the office asserts the criteria, not the facts
    "Per the payer's guideline, six weeks of conservative therapy are required; this requirement has been met.",
    "Patient meets criteria for MRI.",
    "She meets the insurer's criteria for advanced imaging, including the conservative care requirement.",
    "The insurer requires 6 weeks of physical therapy before an MRI.",
    "Six weeks of provider-directed treatment are required before MRI; see attached.",
    "Our office attests that the 6-week conservative treatment requirement is satisfied.",
    "I certify that the patient has completed the conservative treatment the plan requires.",
    "Guideline checklist: six-week trial ☐ met ☐ not met",
    # example text of a template
    "Document the trial here (example: 'completed 7 weeks of PT without improvement').",
    "Sample note - do not use: patient completed 7 weeks of physical therapy with no improvement.",
    # copy-forward and scanned records dated before this episode
    "Previous note (7/14/2025) copied below for reference:\nShe completed 7 weeks of physical therapy with no "
    "improvement.",
    "From the prior visit (March 2025): completed 7 weeks of physical therapy, no improvement.",
    "Date of service 03/2025 - PT progress note: 7 weeks of physical therapy completed, no improvement.",
    "DOS: 03/14/2025\nPT progress note\nShe has completed 7 weeks of physical therapy; no improvement.",
    "Copied forward from 03/2025 (not updated):\nPT x 7 weeks, no improvement.",
    "--- Scanned record, visit of 02/11/2025 ---\nPT x 7 weeks, no improvement.\n--- end of scanned record ---",
    "PT discharge summary (Sunrise Physical Therapy, 04/2025): 14 visits over 7 weeks for low back pain; "
    "discharged.",
    # embedded PT documents that show no course
    "PT discharge summary: attended 2 of 14 scheduled visits over 7 weeks; discharged for non-attendance.",
    "PT initial evaluation (09/22): plan of care 2x/week for 7 weeks; first treatment session next week.",
    "Entered in error - wrong patient: completed 7 weeks of physical therapy.",
    # who says it
    "Her daughter thinks she may have gone to physical therapy at some point; dates unknown.",
    "She is not sure whether she ever did physical therapy.",
    "She watched an online back-exercise video series on her own for 7 weeks.",
    "Her coworker recommended 7 weeks of physical therapy.",
    "The insurance form asks whether 6 weeks of therapy were completed; the field is blank.",
]
TRIAL_IN_LETTER = [
    "She completed 7 weeks of physical therapy with no improvement.",
    "Treatment to date: physical therapy twice weekly for 7 weeks at Sunrise PT, started August 12, no improvement.",
]

# ---------------------------------------------------------------- EviCore SP-5.1: the trial, in a templated note
TRIAL_TEMPLATE = """SPINE CLINIC FOLLOW-UP (template v3)
Visit type: office, in person; I examined the patient.
Chief complaint: low back pain.
47-year-old woman. Onset: early August 2026. Mechanism: none, no injury.
Conservative treatment:
{x}
Current status: pain no better, 6/10, limits work.
Red flags: none. No leg pain, numbness or weakness. No fever, weight loss, bowel or bladder change. No history
of cancer.
Exam: paraspinal tenderness, SLR negative, strength 5/5, reflexes symmetric.
Assessment: mechanical low back pain.
Request: MRI lumbar spine without contrast."""
NO_TRIAL_IN_TEMPLATE = [
    # fields left unfilled
    "PT x ___ weeks; NSAID x ___ weeks. Outcome: ___",
    "Duration of PT: ___ weeks",
    "PT x [ ] weeks",
    "Physical therapy: <<weeks>> weeks, outcome: <<outcome>>",
    "Physical therapy x *** weeks, ***",
    "Treatment            Weeks    Outcome\nPhysical therapy     ___      ___\nNSAIDs               ___      ___",
    # the box that says six weeks is not the one ticked
    "[ ] 6 or more weeks completed  [x] less than 6 weeks",
    "6 weeks of conservative therapy completed?  Y / (N)",
    "Physical therapy x 7 weeks ( )",
    "☐ Completed 6 weeks of physical therapy",
    "(6 weeks required)\n☐ Physical therapy\n☐ Chiropractic care\n☐ NSAIDs\n☑ None",
    "Physical therapy 7 weeks: Y [ ]  N [x]",
    "PT: Y / (N)   Weeks: __",
    "Treatment\tPlanned\tDone\nPhysical therapy\t7 weeks\tNo",
    "Weeks of PT completed: 0 of 7 planned",
    "Physical therapy (7 weeks) - N/A",
    "[ ] PT  [ ] chiropractic  [ ] NSAIDs   Duration: ___",
    # a patient questionnaire, not the record of a course
    "Patient questionnaire (filled in by the patient): 'Have you tried physical therapy?' - left blank.",
    "Per the template: six weeks of conservative care are needed before MRI.",
]
TRIAL_IN_TEMPLATE = [
    "Physical therapy x 7 weeks, twice weekly; no improvement.",
    "[x] 6 or more weeks completed: physical therapy x 7 weeks, no improvement.",
]

# ---------------------------------------------------------------- EviCore SP-1.2: a red flag, in forms and reports
RED_FLAG = """Spine follow-up today; I examined him in person.
HPI: 52-year-old man with low back pain and right leg pain to the foot for 2 weeks, no injury. Ibuprofen for 10
days has not helped.
{x}
Exam: tenderness over L4-5, SLR positive on the right at 40 degrees.
Assessment: right L5 radiculopathy. Request: MRI lumbar spine without contrast."""
NO_RED_FLAG = [
    # the tick is in the N column, the N is circled, the boxes are empty
    "Red flag screen        Y    N\nSaddle anesthesia           X\nUrinary retention           X\n"
    "Foot drop                   X",
    "Saddle anesthesia: Y / (N)\nUrinary retention: Y / (N)\nFoot drop: Y / (N)",
    "Saddle anesthesia ( )  Urinary retention ( )  Foot drop ( )",
    "☐ Saddle anesthesia\n☐ Urinary retention\n☐ Foot drop\n☑ None of the above",
    "[ ] Saddle anesthesia  [ ] Urinary retention  [ ] Foot drop  [x] None",
    "Cauda equina screen: saddle anesthesia - N; urinary retention - N; bowel incontinence - N.",
    "Red flags: saddle anesthesia (no), urinary retention (no), foot drop (no).",
    "Foot drop: Y [ ]  N [x]",
    "Saddle anesthesia: [Y/N]",
    "Right ankle dorsiflexion: ___/5",
    "Motor: ***",
    "Foot drop: <<yes/no>>",
    "Saddle anesthesia: ( ) yes (x) no\nFoot drop: ( ) yes (x) no",
    "Saddle anesthesia: yes [ ] no [x]\nUrinary retention: yes [ ] no [x]",
    "Saddle anesthesia: No  |  Urinary retention: No  |  Foot drop: No",
    "Saddle anesthesia ........ N\nUrinary retention ........ N\nFoot drop ................ N",
    "Saddle anesthesia\tNo\nUrinary retention\tNo\nFoot drop\tNo",
    "Red flags (circle any): saddle anesthesia / urinary retention / foot drop / (none)",
    # headed lists and negation over line breaks
    "Pertinent positives: none.\nPertinent negatives: saddle anesthesia, urinary retention, foot drop.",
    "NEGATIVES:\nsaddle anesthesia\nurinary retention\nfecal incontinence\nfoot drop",
    "Denies:\n- saddle anesthesia\n- urinary retention\n- leg weakness",
    "He denies numbness in the groin or saddle area, new urinary retention or\nincontinence, and weakness of the "
    "foot.",
    "Red flags reviewed with the patient:\nsaddle anesthesia - denies\nurinary retention - denies\nfoot drop - "
    "denies",
    "Red flags - N/A",
    "Denies saddle anesthesia,\nurinary retention,\nfoot drop.",
    "No:\nsaddle anesthesia\nurinary retention\nfoot drop",
    "Cauda equina symptoms: not applicable.",
    # nothing stated
    "ROS: all negative except as noted in HPI.",
    "Neuro: see HPI.",
    "Red flags: see policy.",
    "Per our office, the patient has red flag symptoms that meet criteria for urgent imaging.",
    "Red flags: yes (see attached).",
    # the payer's list repeated as text
    "The payer's red flags are cauda equina symptoms, new foot drop and suspected cancer.",
    "Imaging is covered without a trial of therapy when there is foot drop or saddle anesthesia.",
    "Red flags per the payer's list (cauda equina syndrome, new foot drop, progressive weakness, suspected tumor "
    "or infection) were reviewed; none are present.",
    # embedded reports, orders and referral forms
    "X-ray lumbar spine, 2 views, today. Indication: low back pain, r/o cauda equina. Findings: mild L4-5 disc "
    "narrowing. Impression: no acute abnormality.",
    "Referral form from his primary care office - Reason for referral: red flags?",
    "Reason for referral: rule out foot drop.",
    "MRI order requisition, clinical indication: 'weakness?'",
    "Outside radiology report (2019): Impression: old healed L1 compression fracture; no acute findings.",
    "Outside lumbar MRI report, 03/2019. Indication: foot drop, urinary retention. Impression: L4-5 disc bulge, "
    "no stenosis.",
    "Referral (from his PCP): Reason for referral: red flags? Please evaluate for cauda equina.",
    "CT abdomen and pelvis 09/2026 for a kidney stone. Impression: 5 mm left ureteral stone; incidental chronic "
    "L1 compression deformity, unchanged from 2018.",
    "Chest x-ray 09/2026. Impression: healed right rib fractures; no lung mass.",
    # who says it
    "Intake questionnaire (completed by the patient): 'numbness in the groin' checked. On my questioning he means "
    "numbness in the front of the right thigh; perineal sensation is intact.",
    "His wife says he has been dragging his right foot, but heel and toe walking are normal and ankle "
    "dorsiflexion is 5/5.",
    "The chiropractor's letter mentions a possible foot drop; on my exam ankle dorsiflexion is 5/5 bilaterally.",
    "The triage note says 'foot drop', but he walks on heels and toes without difficulty and dorsiflexion is 5/5.",
    "Per the patient, his chiropractor told him he might have 'cauda equina'; he has no saddle numbness or "
    "bladder change.",
    # copy-forward, another patient, example text
    "Entered in error - belongs to another patient: new right foot drop, ankle dorsiflexion 2/5.",
    "Previous note (2019) copied below:\nRight foot drop, ankle dorsiflexion 2/5, after a knee operation.",
    "From the prior visit (2021): left ankle dorsiflexion 3/5, since recovered to 5/5.",
    "Example of a red flag entry: 'new foot drop, ankle dorsiflexion 2/5'.",
]
RED_FLAG_PRESENT = [
    "New right foot drop, ankle dorsiflexion 2/5.",
    "[x] saddle anesthesia (new since yesterday)",
    "Right ankle dorsiflexion 2/5, new this week.",
]

# ---------------------------------------------------------------- the red flag approves; a correction takes it back
RED_FLAG_WITHDRAWN = """Spine follow-up today; I examined him in person.
HPI: 52-year-old man with low back pain and right leg pain to the foot for 2 weeks, no injury. Ibuprofen for 10
days has not helped.
Exam: tenderness over L4-5, SLR positive on the right at 40 degrees. New right foot drop, ankle dorsiflexion 2/5.
Assessment: right L5 radiculopathy. Request: MRI lumbar spine without contrast.
{x}"""
RED_FLAG_TAKEN_BACK = [
    "Addendum (same day): the foot drop above was documented in error; on re-examination ankle dorsiflexion is "
    "5/5 bilaterally.",
    "Correction: the foot drop entry was made on the wrong patient; his ankle dorsiflexion is 5/5.",
    "Addendum: the exam line about the foot drop was copied forward from his 2019 note; today's strength is 5/5 "
    "throughout.",
]
RED_FLAG_KEPT = [
    "Addendum (same day): MRI scheduling information given to the patient.",
    "Addendum (same day): he was given a walker for safety.",
]

# ---------------------------------------------------------------- the trial approves; an addendum takes it back
TRIAL_WITHDRAWN = """Follow-up visit in clinic today; I examined her in person. 47-year-old woman with low back pain since
early August, no injury.
She completed 7 weeks of physical therapy with no improvement.
The pain is no better, 6/10, and limits work.
No leg pain, numbness or weakness. No fever, weight loss, night pain, bowel or bladder change. No history of
cancer. No red flags.
Exam: paraspinal tenderness, SLR negative, strength 5/5, reflexes symmetric.
Assessment: mechanical low back pain. Request: MRI lumbar spine without contrast.
{x}"""
TRIAL_TAKEN_BACK = [
    "Addendum (later today): the PT clinic called; she attended one visit 7 weeks ago and never returned.",
    "Addendum: the physical therapy line above was copied forward from her 2024 note; she has had no treatment "
    "in this episode.",
    "Correction: she did not do physical therapy; the 7 weeks of PT were her husband's.",
    "Addendum (later today): she called to say the pain has completely resolved.",
]
TRIAL_KEPT = [
    "Addendum (later today): the PT clinic confirmed she attended twice weekly for 7 weeks.",
    "Addendum: MRI scheduling information given to the patient.",
]

# ---------------------------------------------------------------- EviCore SP-1.0: the in-person evaluation
IN_PERSON = """Telephone encounter today. 47-year-old woman with low back pain since early August, no injury.
{x}
She completed 7 weeks of physical therapy with no improvement; the pain is no better, 6/10, and limits work.
No leg pain, numbness or weakness. No fever, weight loss, bowel or bladder change. No history of cancer. No red
flags.
Request: MRI lumbar spine without contrast."""
NO_IN_PERSON = [
    "Previous note (03/2025) copied below: seen in clinic and examined in person; paraspinal tenderness, SLR "
    "negative.",
    "Exam (copied from the visit of 02/2024): paraspinal tenderness, SLR negative, strength 5/5.",
    "Exam: deferred (telephone visit).",
    "Exam: ***",
    "Exam: per patient, her low back is tender to touch.",
    "An in-person visit is scheduled for next week.",
    "She will come in to be examined before the MRI.",
    "Visit type: [ ] office  [x] telephone  [ ] video",
    "Seen in person? Y / (N)",
    "Last in-person visit: 02/2024.",
    "Office visit (in person) 03/14/2025 - copied forward:\nparaspinal tenderness, SLR negative, strength 5/5.",
    "Exam: not performed today; the exam from 2024 is copied below.\nParaspinal tenderness, SLR negative.",
    "In-person exam: N/A (phone).",
]
IN_PERSON_DONE = [
    "I examined her in the office on September 15: paraspinal tenderness, SLR negative, strength 5/5.",
]

# ---------------------------------------------------------------- EviCore SP-4.1: thoracic x-rays, embedded
THORACIC = """Follow-up visit in clinic today; I examined her in person. 52-year-old woman with mid back pain at T6 since
early August, no injury.
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
{x}
No leg or arm numbness or weakness. No fever, weight loss, bowel or bladder change. No history of cancer.
Strength 5/5, reflexes symmetric.
Request: MRI thoracic spine without contrast."""
NO_THORACIC_FILMS = [
    "Radiology report\nExam: XR thoracic spine, 2 views\nDate: 06/14/2019\nImpression: mild spondylosis.",
    "XR thoracic spine - order status: scheduled 10/05/2026. Result: ___",
    "Imaging: see scanned report.",
    "Thoracic x-rays: [ ] done  [x] not done",
    "Thoracic spine x-rays: Y / (N)",
    "Thoracic spine x-rays: <<date>> <<result>>",
    "Removed from the chart (wrong patient): thoracic spine x-rays 08/20/2026, mild spondylosis.",
    "Previous note (2019) copied below: thoracic spine x-rays showed mild spondylosis.",
    "Per the payer, thoracic spine x-rays must be done before MRI.",
    "Imaging: thoracic spine x-rays (DOS 05/2021): mild spondylosis.",
    "Radiology report\nExam: XR thoracic spine, 2 views\nStatus: cancelled by the patient",
    "Prior imaging: XR T-spine ordered 8/20, not resulted.",
]
THORACIC_FILMS = [
    "Thoracic spine x-rays in August showed mild spondylosis.",
    "Radiology report\nExam: XR thoracic spine, 2 views\nDate: 08/20/2026\nImpression: mild spondylosis.",
]

# ---------------------------------------------------------------- Cohere CT-IND-1: MRI not possible, in forms
COHERE_BARRIER = """Office visit today, examined in person. 58-year-old man with new low back pain since mid-July, no injury or fall.
He took naproxen for 8 weeks and completed 7 weeks of physical therapy, with no improvement.
{x}
No leg weakness, numbness, fever, weight loss, bowel or bladder change. No history of cancer.
Exam: lumbar tenderness, strength 5/5, reflexes symmetric. No prior MRI or CT of the spine.
Assessment: persistent low back pain. Request: CT lumbar spine without contrast."""
NO_MRI_BARRIER = [
    "MRI safety screening form: cardiac pacemaker Y / (N); metal fragments Y / (N).",
    "MRI screening: pacemaker [ ]  aneurysm clip [ ]  neurostimulator [ ]",
    "MRI contraindications: see attached form.",
    "MRI contraindication: N/A",
    "Reason MRI cannot be performed: ___",
    "Reason MRI cannot be performed: <<reason>>",
    "Per the payer, CT is covered when MRI is contraindicated, for example with a pacemaker.",
    "His wife says he cannot have an MRI because of his heart; he has no pacemaker or other implant.",
    "Entered in error (wrong patient): pacemaker, not MRI-conditional.",
    "Contraindication to MRI: [ ] pacemaker  [ ] claustrophobia  [ ] other",
    "Copied from his 2018 note: MRI deferred because of a temporary pacing wire, since removed.",
    "MRI safety screening (completed by the patient): pacemaker - 'not sure'.",
    "Patient-completed MRI form lists metal in the body: yes (dental fillings).",
    "MRI contraindicated? ( ) yes (x) no",
]
MRI_BARRIER = ["He has a pacemaker that is not MRI-conditional.",
               "MRI safety screening: cardiac pacemaker (Y), not MRI-conditional per cardiology."]

# ---------------------------------------------------------------- Cohere CT-IND-1: active therapy, embedded
COHERE_THERAPY = """Office visit today, examined in person. 58-year-old man with new low back pain since mid-July, no injury or fall.
He took naproxen for 8 weeks with no improvement.
{x}
He has a pacemaker that is not MRI-conditional.
No leg weakness, numbness, fever, weight loss, bowel or bladder change. No history of cancer.
Exam: lumbar tenderness, strength 5/5, reflexes symmetric. No prior MRI or CT of the spine.
Assessment: persistent low back pain. Request: CT lumbar spine without contrast."""
NO_ACTIVE_THERAPY = [
    "PT referral form - Reason for referral: low back pain. Status: not scheduled.",
    "Physical therapy: Y / (N)",
    "Active therapy (PT or chiropractic): ___",
    "[ ] Physical therapy  [ ] Chiropractic  [x] Medication only",
    "The payer requires physical therapy or chiropractic care before CT.",
    "He says he has been doing some exercises he found online.",
    "Previous note (2019) copied below:\nCompleted 6 weeks of physical therapy for low back pain.",
    "Chiropractic intake form, unsigned and undated: adjustments recommended.",
    "Home exercise handout attached (template text; not reviewed with the patient).",
    "Entered in error (wrong patient): completed 6 weeks of physical therapy.",
]
ACTIVE_THERAPY = [
    "He also completed 7 weeks of physical therapy.",
    "PT discharge summary (Sunrise PT, 09/25/2026): 12 visits over 6 weeks for low back pain, no improvement.",
]


PROBES = [
    Probe("SP-5.1 trial in a faxed letter", TRIAL_LETTER, EVICORE, "72148", "1979-01-01", "female", NO_TRIAL_IN_LETTER,
          TRIAL_IN_LETTER),
    Probe("SP-5.1 trial in a template", TRIAL_TEMPLATE, EVICORE, "72148", "1979-01-01", "female", NO_TRIAL_IN_TEMPLATE,
          TRIAL_IN_TEMPLATE),
    Probe("SP-1.2 red flag in forms and reports", RED_FLAG, EVICORE, "72148", "1974-01-01", "male", NO_RED_FLAG,
          RED_FLAG_PRESENT),
    Probe("SP-1.2 red flag taken back", RED_FLAG_WITHDRAWN, EVICORE, "72148", "1974-01-01", "male",
          RED_FLAG_TAKEN_BACK, RED_FLAG_KEPT),
    Probe("SP-5.1 trial taken back", TRIAL_WITHDRAWN, EVICORE, "72148", "1979-01-01", "female", TRIAL_TAKEN_BACK,
          TRIAL_KEPT),
    Probe("SP-1.0 in-person evaluation", IN_PERSON, EVICORE, "72148", "1979-01-01", "female", NO_IN_PERSON,
          IN_PERSON_DONE),
    Probe("SP-4.1 thoracic x-rays embedded", THORACIC, EVICORE, "72146", "1974-01-01", "female", NO_THORACIC_FILMS,
          THORACIC_FILMS),
    Probe("CT-IND-1 MRI barrier in forms", COHERE_BARRIER, COHERE, "72131", "1968-01-01", "male", NO_MRI_BARRIER,
          MRI_BARRIER),
    Probe("CT-IND-1 active therapy in embedded documents", COHERE_THERAPY, COHERE, "72131", "1968-01-01", "male",
          NO_ACTIVE_THERAPY, ACTIVE_THERAPY),
]


test_a_statement_that_does_not_supply_the_fact_never_approves, test_the_statement_that_supplies_it_approves = \
    probe_tests(PROBES)
