"""False-approval probes, thirteenth round: the STUDY TYPE. Each note supports a plain study (a lumbar MRI without
contrast under EviCore SP-5.1: low back pain since August, seven weeks of physical therapy and naproxen without
improvement, re-evaluated in person), but another study is requested, and the statement varied must not supply
the justification that study needs:

* MRI without and with contrast (72158), which needs something like a suspected infection with a risk factor, a
  suspected tumour with a qualifying feature, recent surgery of the region with new symptoms and post-operative
  films, or a lesion seen on a plain study that a radiologist wants characterised. Infections long treated, a
  template "rule out tumor", a relative's cancer, an operation on another region or another organ, enhancement
  on a scan of another organ, kidney disease or a contrast allergy (reasons against contrast), a normal earlier
  contrast MRI, radiology protocol, a radiologist's or patient's preference, "to be thorough". Two notes: one
  that is silent about red flags and other spine conditions (the study pends), one that denies them (not_met),
  so a statement that wrongly supplies any contrast pathway shows in either;
* CT myelography (72132), which needs MRI contraindicated (a device that is not MRI-conditional) or a
  non-diagnostic or equivocal MRI of the region, among others: claustrophobia, MRI-conditional or removed
  devices, a relative's pacemaker, a contrast allergy, a normal or diagnostic lumbar MRI, preference, and a
  non-diagnostic or equivocal MRI of the neck, brain, a joint or another organ;
* the post-discography CT (72131 under SP-2.5), which needs an approved LUMBAR discography and the CT done as its
  post-discography CT: discography considered, declined, denied, done years ago, or of the neck or thorax;
* a positional study (SP-2.2 excludes upright, weight-bearing, dynamic or kinetic MRI) requested as 72148: the
  positional request must keep the approval away, while pain on standing is no such request (controls).

Not probed: contrast-only MRI (72149) cannot approve from a note (the reader has no rule for an authorised
non-contrast study being completed), 72265 and the other myelogram codes have no pathway, and Cohere's CT
pathways list every contrast variant for each indication, so the contrast phase is no separate criterion there.

Same method as the earlier rounds: a whole note one fact short of an approval for the requested study, ONE
statement varied, and controls that approve, so no test passes by reading nothing."""

from __future__ import annotations

from probe_notes import Probe, probe_tests

EVICORE = "evicore-spine-2026"
HEAD = "Follow-up visit in clinic today; I examined her in person. "
TRIAL = """47-year-old woman with low back pain since early August, no injury.
She completed 7 weeks of physical therapy and 7 weeks of naproxen with no improvement; re-evaluated today.
"""
DENIED = "No fever, weight loss, night pain, bowel or bladder change. No history of cancer. No red flags.\n"
EXAM = "Exam: paraspinal tenderness, SLR negative, strength 5/5, reflexes symmetric.\n"

# ---------------------------------------------------------------- SP-2.2: MRI without and with contrast
# red flags and other spine conditions not addressed: 72158 pends, 72148 approves
CONTRAST_SILENT = HEAD + TRIAL + """{x}
The pain is 6/10 and limits work. No leg pain, numbness or weakness.
""" + EXAM + "Request: MRI lumbar spine without and with contrast."
# red flags, spine surgery and other spine conditions denied: 72158 is not_met, 72148 approves
CONTRAST_DENIED = HEAD + TRIAL + """{x}
The pain is 6/10 and limits work. No leg pain, numbness or weakness.
""" + DENIED + "No prior spine surgery and no other spine conditions.\n" + EXAM + \
    "Assessment: mechanical low back pain. Request: MRI lumbar spine without and with contrast."
NO_CONTRAST_REASON = [
    # infections long ago or elsewhere
    "She had a kidney infection in 2015, treated with antibiotics.",
    "She had pneumonia in 2019, fully treated.",
    "She had discitis as a child, fully treated.",
    "She had a urinary tract infection in 2021.",
    "She had shingles in 2020.",
    "She had COVID-19 in 2022.",
    "She had mononucleosis in college.",
    "She had a fever last year with the flu.",
    "Her CRP was mildly raised in 2021 during a flu illness.",
    "She has a remote history of tuberculosis exposure, treated latent TB in 2010.",
    "She had an appendectomy for a ruptured appendix in 2005.",
    "She has type 2 diabetes, well controlled.",
    "She is a former IV drug user, clean for 20 years.",
    # template phrases
    "Rule out tumor.",
    "Indication: rule out tumor, infection.",
    "Clinical indication: r/o mass.",
    "Rule out infection/tumor per template.",
    "To exclude a malignancy, although there is no clinical suspicion.",
    "There is no suspicion of tumor or infection; contrast was checked on the order form by default.",
    "No history of cancer or infection; contrast ordered per protocol.",
    "Fever? [ ]",
    "History of cancer: [ ]",
    # a relative's or a neighbour's disease
    "Her mother died of breast cancer.",
    "Her father had prostate cancer.",
    "Family history of colon cancer in her brother.",
    "Her daughter had a spinal tumor.",
    "She is worried about cancer; her neighbor had a spinal tumor.",
    "She has a history of multiple sclerosis in her sister.",
    "Her brother has ankylosing spondylitis.",
    # post-op for another region or organ
    "She is post-op from a right knee replacement in 2024.",
    "She is post-op from a cholecystectomy 8 weeks ago.",
    "She had a hysterectomy 8 weeks ago.",
    "Post-op: carpal tunnel release in 2023.",
    # enhancement in an unrelated report
    "Her brain MRI last year showed a small enhancing meningioma, followed by neurology.",
    "Her breast MRI last year showed benign enhancement.",
    "Her liver MRI in 2024 showed an enhancing hemangioma.",
    "Her prior MRI report from 2018 mentions enhancement of the endplates from degenerative change.",
    "She had a hemangioma of the liver.",
    "A benign vertebral hemangioma was seen on a 2019 x-ray.",
    "She had a skin cancer removed from her nose in 2018, basal cell, no further treatment.",
    # reasons against contrast
    "She has stage 3 chronic kidney disease, eGFR 42.",
    "She has chronic kidney disease; creatinine 1.9.",
    "She has a contrast allergy (hives with iodinated contrast).",
    "Allergy: gadolinium (rash).",
    "She is allergic to IV contrast.",
    # an earlier normal contrast study
    "A prior lumbar MRI with contrast in 2023 was normal.",
    "A lumbar MRI without and with contrast in 2020 was normal.",
    # protocol, preference, thoroughness
    "Requesting with and without contrast per radiology protocol.",
    "With and without contrast per radiology protocol.",
    "The radiologist prefers contrast.",
    "The radiologist prefers with and without contrast for all spine studies.",
    "Contrast requested to be thorough.",
    "Requesting the study with contrast to be thorough.",
    "With contrast, to be complete.",
    "The patient asked for the study with contrast.",
    "Contrast may help characterize any disc herniation.",
    "Contrast to evaluate for disc herniation.",
    "Contrast to assess the degenerative discs.",
    # other
    "She had a lumbar epidural steroid injection in 2019.",
    "She has hypothyroidism.",
    "She has a tattoo on her lower back.",
    "She is immunized against influenza.",
    "She has mild scoliosis noted as a child, not followed.",
    "Surgery is not planned.",
    "She may consider surgery in the future if nothing helps.",
]
CONTRAST_SILENT_NOT = NO_CONTRAST_REASON + [
    "She had a C5-6 ACDF 8 weeks ago.",
]
CONTRAST_SILENT_REASON = [
    "I suspect discitis: she has had fevers to 38.9 C and her CRP is raised at 85.",
    "I suspect a spinal tumor: she has night pain and has lost 8 kg without trying. No history of cancer.",
    "She had an L4-5 laminectomy 8 weeks ago. Lumbar x-rays taken last week, after the surgery, show no instability. "
    "Since the surgery she has new low back pain.",
]
# a lesion of another region or organ that a radiologist wants characterised
CONTRAST_DENIED_NOT = NO_CONTRAST_REASON + [
    "A cervical MRI without contrast last week showed an indeterminate lesion in the C3 vertebral body; the "
    "radiologist recommended MRI with contrast to characterize it.",
    "A brain MRI last week showed an indeterminate lesion; the radiologist recommended MRI with contrast to "
    "characterize it.",
    "A liver MRI last week showed an indeterminate lesion; the radiologist recommended MRI with contrast to "
    "characterize it.",
]
CONTRAST_DENIED_REASON = [
    "A lumbar MRI without contrast last week showed an indeterminate lesion in the L3 vertebral body; the "
    "radiologist recommended MRI with contrast to characterize it.",
    "A lumbar MRI without contrast last week showed an indeterminate L3 vertebral body lesion; further evaluation "
    "with MRI was recommended by the radiologist.",
]

# ---------------------------------------------------------------- SP-2.4: CT myelography
MYELOGRAPHY = HEAD + TRIAL + """{x}
The pain is 6/10 and limits work. No leg pain, numbness or weakness.
""" + DENIED + EXAM + "Assessment: mechanical low back pain. Request: CT myelogram of the lumbar spine."
NO_MYELOGRAPHY_REASON = [
    # not a contraindication to MRI
    "She is claustrophobic.",
    "She is mildly claustrophobic and needed lorazepam for a prior MRI.",
    "She has an MRI-conditional pacemaker.",
    "She has an MRI-conditional pacemaker; MRI is safe.",
    "She has a spinal cord stimulator that is MRI-conditional.",
    "She has an MRI-compatible cochlear implant.",
    "She had a pacemaker, removed in 2022.",
    "She had a cochlear implant removed in 2020.",
    "She had metal fragments removed from her eye in 2010; orbital x-rays are now clear.",
    "Her husband has a pacemaker.",
    "Her father has a pacemaker that is not MRI-conditional.",
    "No pacemaker or metal implants.",
    "Pacemaker? [ ]",
    "An MRI is contraindicated? [ ]",
    "MRI contraindications: none.",
    "She has a titanium hip replacement.",
    "She has a knee replacement.",
    "She has dental implants.",
    "She has metal fillings.",
    "She has a tattoo on her arm.",
    "She has a copper IUD.",
    "She has coronary stents placed in 2019.",
    "She had cataract surgery with lens implants.",
    "She had a lumbar MRI last month without difficulty.",
    # reasons against contrast; a plain MRI is still possible
    "She had a gadolinium allergy with hives.",
    "She is allergic to MRI contrast.",
    "She has chronic kidney disease, eGFR 28, so gadolinium should be avoided.",
    "She has a contrast allergy (hives with iodinated contrast).",
    "She has stage 3 chronic kidney disease, eGFR 42.",
    # a lumbar MRI that was diagnostic
    "A lumbar MRI last month was normal.",
    "A lumbar MRI last month showed mild disc bulges at L4-5 and L5-S1.",
    "A lumbar MRI last month showed an L4-5 disc protrusion.",
    "Her MRI last month was a little motion degraded but diagnostic.",
    "A lumbar MRI in 2015 was non-diagnostic because of motion; a repeat lumbar MRI last month was diagnostic and "
    "showed mild spondylosis.",
    "A lumbar MRI last month was of diagnostic quality and showed mild spondylosis.",
    "A lumbar MRI last month was diagnostic, not equivocal.",
    "A lumbar MRI last month, limited by mild motion, still showed mild spondylosis clearly.",
    "Her prior lumbar MRI with contrast in 2023 was normal.",
    "Her MRI report from last month mentions a possible tiny annular fissure.",
    # an old, planned, another person's MRI problem
    "A lumbar MRI in 2015, for an earlier episode, was non-diagnostic because of motion.",
    "Her husband's lumbar MRI was non-diagnostic.",
    "Her mother's MRI was non-diagnostic because of claustrophobia.",
    "If the lumbar MRI is non-diagnostic, a CT myelogram will follow.",
    "MRI non-diagnostic? [ ]",
    # a non-diagnostic or equivocal MRI of another region, body part or organ
    "A cervical MRI last month was non-diagnostic because of motion artifact.",
    "A cervical spine MRI in September was limited by motion.",
    "Her cervical spine MRI was equivocal.",
    "A neck MRI in August was indeterminate.",
    "A thoracic spine MRI last month was non-diagnostic because of motion artifact.",
    "A brain MRI last month was non-diagnostic because of motion artifact.",
    "Her brain MRI for headaches was indeterminate.",
    "A right shoulder MRI last month was non-diagnostic because of motion artifact.",
    "A right knee MRI last month was non-diagnostic because of motion artifact.",
    "An MRI of the hip last month was equivocal for a labral tear.",
    "A pelvic MRI last month for fibroids was non-diagnostic.",
    "A breast MRI last month was non-diagnostic.",
    "A cardiac MRI last month was non-diagnostic.",
    "Her liver MRI was indeterminate for a hemangioma.",
    # preference, protocol, thoroughness
    "The patient prefers CT to MRI.",
    "The MRI scanner has a six-week wait.",
    "The surgeon prefers a CT myelogram.",
    "Her spine surgeon prefers CT myelography for all patients.",
    "Myelogram per the surgeon's routine.",
    "The radiologist prefers a CT myelogram.",
    "Requesting CT myelogram to be thorough.",
    "CT myelogram per radiology protocol.",
    # other
    "She had a lumbar myelogram in 2010.",
    "Surgery may be considered in the future.",
    "She is not a surgical candidate.",
    "Rule out tumor.",
    "Her mother died of breast cancer.",
    "She had a C5-6 ACDF 8 weeks ago.",
    "She had a kidney infection in 2015, treated with antibiotics.",
    "Her brain MRI last year showed a small enhancing meningioma, followed by neurology.",
]
MYELOGRAPHY_REASON = [
    "She has a cardiac pacemaker that is not MRI-conditional.",
    "A lumbar MRI last month was non-diagnostic because of severe motion artifact.",
    "A lumbar MRI last month was indeterminate at L4-5.",
]

# ---------------------------------------------------------------- SP-2.5: the post-discography CT
DISCOGRAPHY = HEAD + TRIAL + """{x}
The pain is 6/10 and limits work. No leg pain, numbness or weakness.
""" + DENIED + EXAM + "Assessment: mechanical low back pain. Request: CT lumbar spine without contrast."
NO_APPROVED_LUMBAR_DISCOGRAPHY = [
    "Discography is being considered.",
    "Her surgeon may order discography later.",
    "She had lumbar discography in 2015.",
    "Lumbar discography was requested but denied by her insurer.",
    "Discography was discussed and she declined it.",
    "Her husband had discography.",
    "Discography: [ ]",
    "She had a discectomy in 2015.",
    "Disc herniation suspected.",
    "She had a post-discography CT in 2014.",
    "Post-discography CT? [ ]",
    "Discogenic pain is suspected.",
    "Provocative discography is not planned.",
    "If lumbar discography is approved, a post-discography CT will follow.",
    "Lumbar discography was not approved; the CT is the post-discography CT.",
    "Lumbar discography authorization was requested, not approved; the CT is the post-discography CT.",
    "Lumbar discography was approved in 2019 and done then; a post-discography CT was done then too.",
    # discography of another region
    "Cervical discography has been approved; this CT follows it.",
    "Cervical discography at C5-6 was approved; the CT is the post-discography CT.",
    "Cervical discography authorization was approved; the CT is the post-discography CT.",
    "Thoracic discography was approved; this is the post-discography CT.",
]
APPROVED_LUMBAR_DISCOGRAPHY = [
    "Lumbar discography authorization was approved; the CT is the post-discography CT.",
    "The approved lumbar discography at L4-5 is next week; the post-discography CT is requested here.",
]

# ---------------------------------------------------------------- SP-2.2: positional MRI requested as 72148
POSITIONAL = HEAD + TRIAL + "The pain is 6/10 and limits work. No leg pain, numbness or weakness.\n" + DENIED + EXAM + \
    "Assessment: mechanical low back pain. Request: MRI lumbar spine without contrast.\n{x}"
POSITIONAL_REQUEST = [
    "Upright MRI requested.",
    "The MRI is to be done upright, weight-bearing.",
    "Please perform a standing MRI.",
    "Please do the MRI upright.",
    "The MRI should be weight-bearing.",
    "Flexion-extension MRI requested to assess instability.",
    "MRI with flexion and extension views.",
    "Dynamic (kinetic) MRI of the lumbar spine is requested.",
    "A kinetic MRI is requested.",
    "The study is to be done on the open upright scanner in flexion and extension.",
    "Weight-bearing MRI please, since her pain is worse standing.",
    "Positional MRI.",
    "MRI in standing position to capture her symptoms.",
    "Standing MRI at the open MRI center.",
    "Upright open MRI, seated and standing.",
]
NOT_POSITIONAL = [
    "No further history.",
    "Her pain is worse when she stands for long.",
    "Her pain is worse with standing and walking.",
    "She stands all day at work.",
]

PROBES = [
    Probe("SP-2.2 contrast, red flags not addressed", CONTRAST_SILENT, EVICORE, "72158", "1979-01-01", "female",
          CONTRAST_SILENT_NOT, CONTRAST_SILENT_REASON),
    Probe("SP-2.2 contrast, red flags denied", CONTRAST_DENIED, EVICORE, "72158", "1979-01-01", "female",
          CONTRAST_DENIED_NOT, CONTRAST_DENIED_REASON),
    Probe("SP-2.4 CT myelography", MYELOGRAPHY, EVICORE, "72132", "1979-01-01", "female", NO_MYELOGRAPHY_REASON,
          MYELOGRAPHY_REASON),
    Probe("SP-2.5 post-discography CT", DISCOGRAPHY, EVICORE, "72131", "1979-01-01", "female",
          NO_APPROVED_LUMBAR_DISCOGRAPHY, APPROVED_LUMBAR_DISCOGRAPHY),
    Probe("SP-2.2 positional MRI", POSITIONAL, EVICORE, "72148", "1979-01-01", "female", POSITIONAL_REQUEST,
          NOT_POSITIONAL),
]


test_a_statement_that_does_not_supply_the_fact_never_approves, test_the_statement_that_supplies_it_approves = \
    probe_tests(PROBES)
