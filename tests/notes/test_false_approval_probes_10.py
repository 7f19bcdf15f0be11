"""False-approval probes, tenth round: BOUNDARIES. Every probe is a whole note that approves when one
number, duration, date, age or score sits on the right side of a policy threshold, and ONE statement is
varied to put it just on the wrong side, in the ways notes say such things: arithmetic just short ("5 weeks
and 6 days", "41 days"), approximations ("almost", "nearly", "just shy of", "a few days short of"), ranges
("5-6 weeks", "2-3 years ago"), compound durations ("6 months and 2 weeks ago"), dates that put the value
a day or a few days short ("since 8/25" on 10/01), counts that are not durations ("six sessions"), a course
longer on paper than the part done ("started 6 weeks ago but stopped after 2 weeks", "5 weeks of a 6-week
program"), a threshold reached only in the future ("6 weeks as of next Monday"), "more than" where the
limit is a maximum ("more than 24 hours after the procedure"), and peak or approximate pain scores.

Thresholds probed: EviCore's six weeks of provider-directed treatment (SP-5.1 lumbar, SP-3.1 cervical), four
weeks before an initial ESI for stenosis (SP-16.2), seven days of treatment and 9/10 pain for severe
radicular pain (SP-1.2), weakness graded 3/5 or less (SP-1.2), severe pain for more than a week (SP-11.1),
24 hours after vertebral augmentation (SP-16.4), surgery within 6 months (SP-15.3), a neck injury within 3
months (SP-3.2), the last syrinx MRI at least 3 years ago once stable (SP-13.2), no MRI/CT of the region in
the past 6 months before surgery (SP-16.1); Cohere's 6 weeks of conservative care within the past 6 months
(CT-IND-1) and, in the exclusion direction, MRI/CT of the region within 3 months (CT-NON-1: a study inside
the window must not approve). Ages (SP-6.2 older than 60, SP-3.2 65 or older, SP-1.2 older than 70, SP-8.1
under 18, CT-IND-15 under 16 and under 66 months, CT-IND-11 65 or older) are derived from the request's
birth date, so their probes vary the birth date (one day either side of the birthday) with the note's age
matching it.

A statement that is too vague to be sure the threshold is met ("for a few weeks", "in October 2023") must
pend, never approve; those rows are here too, with the ones the reader already handles, so that they stay
so. Same method as the earlier rounds: ``not_supporting`` must never approve, ``supporting`` (the controls)
must approve."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from probe_notes import LUMBAR_TRIAL_NOTE, Probe, outcome, probe_tests
from test_episode_onset import COHERE_NOTE

EVICORE, COHERE = "evicore-spine-2026", "cohere-ct-spine-2.1"

# ---------------------------------------------------------------- EviCore SP-5.1: six weeks of treatment (lumbar)
# Low back pain since early July (the episode is long enough for any course below).
LUMBAR = LUMBAR_TRIAL_NOTE.replace("{onset}", "early July")
LUMBAR_SHORT_OF_SIX_WEEKS = [
    # a day or a few days short, by arithmetic
    "She completed 5 weeks and 6 days of physical therapy with no improvement.",
    "She completed 41 days of physical therapy with no improvement.",
    "She completed 40 days of physical therapy with no improvement.",
    "She has done physical therapy for 5 weeks and 4 days.",
    "She completed 5.5 weeks of physical therapy with no improvement.",
    "She completed five and a half weeks of physical therapy with no improvement.",
    "She has done 5 1/2 weeks of physical therapy.",
    "She has done physical therapy x 5.5 wks.",
    "She has done PT x 38 days.",
    "PT: 5 wks.",
    "PT x5w.",
    "She completed 5/52 of physiotherapy with no improvement.",
    "PT 2x/week x 5 weeks, no improvement.",
    "She has had physical therapy for 1 month and 1 week.",
    "She has had physical therapy for a month and a week.",
    "She has had physical therapy for about a month with no improvement.",
    "She has done physical therapy for 1 month with no improvement.",
    "She has had physical therapy for over a month.",
    "She has had physical therapy for more than a month.",
    "She has had physical therapy for 4+ weeks.",
    "She has had physical therapy for over 5 weeks.",
    # approximately six weeks, said to be under it
    "She completed almost 6 weeks of physical therapy with no improvement.",
    "She has done nearly six weeks of physical therapy with no improvement.",
    "She completed just under 6 weeks of physical therapy with no improvement.",
    "She has had not quite 6 weeks of physical therapy.",
    "She has had slightly less than 6 weeks of physical therapy.",
    "She has had a little under 6 weeks of physical therapy.",
    "She has had just shy of 6 weeks of physical therapy.",
    "She has had a few days short of 6 weeks of physical therapy.",
    "She has had physical therapy for 6 weeks minus a few days.",
    "She has had physical therapy for 6 weeks less 2 days.",
    # ranges reaching six weeks only at their top
    "She completed 5-6 weeks of physical therapy with no improvement.",
    "She has had physical therapy for 5 to 6 weeks.",
    "She has had physical therapy for five or six weeks.",
    "She has had physical therapy for roughly 5-6 weeks.",
    "She completed 4-6 weeks of physical therapy with no improvement.",
    # dates that make it 31 to 41 days on October 1
    "She has been in physical therapy since 8/25 with no improvement.",
    "She has been in physical therapy since the 25th of August.",
    "She has been in physical therapy since 2026-08-25.",
    "She has been in physical therapy since 08/25/26.",
    "She has attended physical therapy since August 22 with no improvement.",
    "She began physical therapy on August 21 with no improvement.",
    "Physical therapy from August 21 to today.",
    "She completed physical therapy from 8/25 to 9/30 with no improvement.",
    "She completed physical therapy from August 25 through September 30 with no improvement.",
    "She has attended physical therapy since late August with no improvement.",
    "She has been in physical therapy since the end of August.",
    "She started physical therapy in late August.",
    "She started physical therapy the week of August 20 with no improvement.",
    "She started physical therapy the week of August 24.",
    "She started physical therapy 5 weeks ago.",
    "She started physical therapy about a month ago.",
    "She started physical therapy last month.",
    "She has taken naproxen since August 25.",
    "She has taken meloxicam since 8/22/2026.",
    "She has attended 6 weekly physical therapy sessions since August 27.",
    # counts of sessions, not weeks
    "She completed six sessions of physical therapy with no improvement.",
    "She attended physical therapy twice weekly, 6 visits, with no improvement.",
    "She completed 10 sessions of physical therapy with no improvement.",
    "She has had 6 physical therapy sessions.",
    "PT x6 visits.",
    "She had physical therapy for 6 visits over 3 weeks.",
    # a course longer on paper than the part done
    "She started physical therapy 6 weeks ago but stopped after 2 weeks; no improvement.",
    "She started physical therapy 6 weeks ago but stopped after 2 weeks because of cost.",
    "She began physical therapy 7 weeks ago and quit after 2 weeks; no improvement.",
    "She started physical therapy 6 weeks ago, went twice, then stopped.",
    "Physical therapy began 6 weeks ago; she attended only the first visit.",
    "She was referred to physical therapy 6 weeks ago and has been to 2 sessions.",
    "Physical therapy started 6 weeks ago; she has missed most visits.",
    "Physical therapy was ordered 6 weeks ago; her first visit was last week.",
    "Physical therapy was ordered 7 weeks ago but she only started 2 weeks ago.",
    "She has completed the first 5 weeks of a 6-week physical therapy program.",
    "She has completed 5 weeks of a 6-week physical therapy program.",
    "She is 5 weeks into a 6-week physical therapy program.",
    "She has one week left of a 6-week physical therapy program.",
    "She started physical therapy 8 weeks ago but missed 3 weeks while traveling.",
    "She has had 6 weeks of physical therapy, minus the week she was sick.",
    "She has had physical therapy for 6 weeks, with a 2-week break in the middle for a family emergency.",
    "She has had physical therapy for 6 weeks in total, counting the 2 weeks on the waiting list.",
    "She has been on the physical therapy waitlist for 6 weeks.",
    "Naproxen was prescribed 6 weeks ago; she took it for 10 days and then stopped.",
    "Naproxen was prescribed 6 weeks ago, but she stopped it after 10 days because of heartburn.",
    "Physical therapy for 3 weeks, then home exercises; no improvement.",
    # six weeks only in the future
    "She has had physical therapy for 6 weeks as of next Monday.",
    "She will have completed 6 weeks of physical therapy next week.",
    "She reaches 6 weeks of physical therapy on Monday.",
    "She will hit the 6-week mark of physical therapy next week.",
    "She will complete 6 weeks of physical therapy on October 8.",
    "By the end of this week she will have done 6 weeks of physical therapy.",
    # too vague to be sure
    "She has done physical therapy for several weeks with no improvement.",
    "She has done physical therapy for a few weeks with no improvement.",
    "She has done physical therapy for weeks with no improvement.",
    "She has done physical therapy for the past month with no improvement.",
]
LUMBAR_SIX_WEEKS = [
    "She completed 7 weeks of physical therapy with no improvement.",
    "She completed 6 weeks of physical therapy with no improvement.",
    "She started physical therapy 6 weeks ago.",
    "Physical therapy since mid-August, no improvement.",
]

# ---------------------------------------------------------------- EviCore SP-3.1: six weeks of treatment (cervical)
NECK = """Follow-up visit in clinic today; I examined him in person. 52-year-old man with neck pain and right arm pain since early July, no injury.
{x}
The pain is no better, 6/10; re-evaluated today.
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI cervical spine without contrast."""
NECK_SHORT_OF_SIX_WEEKS = [
    "He completed 5 weeks of physical therapy and meloxicam with no improvement.",
    "He completed 5 weeks and 5 days of physical therapy and meloxicam with no improvement.",
    "He has done physical therapy and taken meloxicam since August 24 with no improvement.",
    "He will finish 6 weeks of physical therapy and meloxicam next week; no improvement so far.",
    "He started physical therapy and meloxicam 6 weeks ago but stopped both after 10 days; no improvement.",
    "He has completed 4 weeks of a 6-week physical therapy program, with meloxicam, and no improvement.",
    "He has had 6 weeks of physical therapy and meloxicam as of next Monday, with no improvement.",
    "He has done physical therapy and taken meloxicam for a few days short of 6 weeks, with no improvement.",
    "He has done physical therapy and taken meloxicam for 6 weeks minus a few days, with no improvement.",
    "He has done physical therapy and taken meloxicam for just shy of 6 weeks, with no improvement.",
    "He was on the physical therapy waitlist for 6 weeks and has taken meloxicam for 3 weeks, with no improvement.",
    "Meloxicam was prescribed 6 weeks ago; he took it for 2 weeks and stopped. No improvement.",
]
NECK_SIX_WEEKS = ["He completed 7 weeks of physical therapy and meloxicam with no improvement."]

# ---------------------------------------------------------------- EviCore SP-16.2: four weeks before an initial ESI
STENOSIS_ESI = """Office visit today; I examined him in person. 68-year-old man with low back pain and pain in both buttocks and thighs on walking for 3 months, no injury.
Neurogenic claudication from lumbar spinal stenosis at L4-5 is suspected; the pain eases when he sits.
{x}
He can no longer do his grocery shopping and has given up his walking group.
Vascular causes were ruled out with normal ankle-brachial indices, and hip causes were excluded on examination and x-rays.
An initial trial of a lumbar interlaminar epidural steroid injection at L4-5 is planned. He has never had an MRI or CT of the spine.
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5.
Request: MRI lumbar spine without contrast."""
SHORT_OF_FOUR_WEEKS = [
    "He completed 3 weeks of physical therapy and naproxen, ending last week, without improvement.",
    "He completed 3 weeks and 6 days of physical therapy and naproxen without improvement.",
    "He completed almost 4 weeks of physical therapy and naproxen without improvement.",
    "He completed nearly four weeks of physical therapy and naproxen without improvement.",
    "He completed 3-4 weeks of physical therapy and naproxen without improvement.",
    "He has done physical therapy and taken naproxen since September 5, without improvement.",
    "He has done physical therapy and taken naproxen since 9/6, without improvement.",
    "He has done physical therapy and taken naproxen for 27 days, without improvement.",
    "He started physical therapy and naproxen 4 weeks ago but stopped both after a week, without improvement.",
    "He has done physical therapy and taken naproxen for just shy of 4 weeks, without improvement.",
    "He will have done 4 weeks of physical therapy and naproxen on Monday; no improvement so far.",
    "He has done 3 weeks of a planned 4-week course of physical therapy and naproxen, without improvement.",
    "He has completed 3 weeks of a 4-week physical therapy program and naproxen, without improvement.",
    "He has done physical therapy and taken naproxen for 4 weeks minus a few days, without improvement.",
    "He has done physical therapy and taken naproxen for 3 1/2 weeks, without improvement.",
    "He has done physical therapy and taken naproxen for three and a half weeks, without improvement.",
    "He has done physical therapy and taken naproxen for about 3 weeks, without improvement.",
    "He has done physical therapy and taken naproxen for 2-4 weeks, without improvement.",
    "He has done physical therapy and taken naproxen for a few weeks, without improvement.",
    "He has done physical therapy and taken naproxen for under a month, without improvement.",
]
FOUR_WEEKS = [
    "He completed 5 weeks of physical therapy and naproxen, ending last week, without improvement.",
    "He completed 4 weeks of physical therapy and naproxen, ending last week, without improvement.",
]

# ---------------------------------------------------------------- EviCore SP-1.2 severe radicular pain: seven days of treatment
RADICULAR_TREATED = """Visit in clinic today; I examined her in person. 47-year-old woman with low back pain and right leg pain in the L5 distribution for 3 weeks, no injury.
Her right leg pain is 9/10.
{x} Radicular pain limits her walking and she cannot work.
No fever, weight loss, bowel or bladder change. No history of cancer.
Exam: SLR positive on the right, strength 5/5, reflexes symmetric.
The leg pain has not improved with treatment.
Assessment: right L5 radiculopathy. Plan: right L5 transforaminal epidural steroid injection. Request: MRI lumbar spine without contrast."""
SHORT_OF_SEVEN_DAYS = [
    "She has taken ibuprofen for 6 days.",
    "She has taken ibuprofen for 5 days.",
    "She has taken ibuprofen for nearly a week.",
    "She has taken ibuprofen for almost 7 days.",
    "She has taken ibuprofen for 5-7 days.",
    "She has taken ibuprofen since September 26.",
    "She has taken ibuprofen since 9/25.",
    "She has taken ibuprofen since Saturday.",
    "She has taken ibuprofen since last Friday.",
    "She started ibuprofen 6 days ago.",
    "She started ibuprofen 5 days ago.",
    "She started ibuprofen 3 weeks ago but stopped after 2 days because of stomach upset.",
    "A medrol dose pack was prescribed 10 days ago; she took it for 3 days.",
    "She was prescribed ibuprofen a week ago and has taken it for 4 days.",
    "She took a 5-day prednisone burst.",
    "She took a 6-day Medrol dose pack.",
    "She had a prednisone taper for 6 days.",
    "She will have taken ibuprofen for a week tomorrow.",
    "She has taken ibuprofen for just shy of a week.",
    "She has taken ibuprofen for a few days short of a week.",
    "She has taken ibuprofen for a week minus a day.",
    "She has taken ibuprofen for under a week.",
    "She has taken ibuprofen for less than a week.",
    "She has taken ibuprofen for several days.",
    "She has taken ibuprofen for a few days.",
]
SEVEN_DAYS = ["She has taken ibuprofen for 10 days.", "She has taken ibuprofen for 7 days.",
              "She has taken ibuprofen for a week."]

# ---------------------------------------------------------------- EviCore SP-1.2 severe radicular pain: 9/10 or more
RADICULAR_SCORED = """Visit in clinic today; I examined her in person. 47-year-old woman with low back pain and right leg pain in the L5 distribution for 3 weeks, no injury.
{x}
She has taken ibuprofen for 10 days. Radicular pain limits her walking and she cannot work.
No fever, weight loss, bowel or bladder change. No history of cancer.
Exam: SLR positive on the right, strength 5/5, reflexes symmetric.
The leg pain has not improved with ibuprofen.
Assessment: right L5 radiculopathy. Plan: right L5 transforaminal epidural steroid injection. Request: MRI lumbar spine without contrast."""
BELOW_NINE = [
    # just under, by number
    "Her right leg pain is 8.5/10.",
    "Right leg pain 8.9/10.",
    "Her right leg pain is 8+/10.",
    "Her right leg pain is 8 out of 10.",
    "Her right leg pain is 85/100.",
    "Right leg pain VAS 8.",
    "Right leg pain: 8/10.",
    "Her right leg pain is severe, about 8/10.",
    # just under, in words
    "Her right leg pain is nearly 9/10.",
    "Her right leg pain is almost 9/10.",
    "Her right leg pain is close to 9/10.",
    # ranges reaching 9 only at their top
    "Her right leg pain is 8 to 9/10.",
    "Right leg pain NRS 8-9.",
    "Her right leg pain is 7-9/10.",
    # nine only at a peak, with a lower usual or current score
    "Her right leg pain is a 9/10 on some days, 6/10 on most days.",
    "Her right leg pain averages 7/10 and peaks at 9/10.",
    "Her right leg pain is 9/10 with prolonged standing, otherwise 5/10.",
    "Her right leg pain is 9/10 when she first gets up, easing to 5/10.",
    "Her right leg pain peaked at 9/10 a week ago and is now 7/10.",
    "Her right leg pain was 10/10 at onset and is now 6/10.",
]
NINE = ["Her right leg pain is 9/10.", "Her right leg pain is 10/10."]

# ---------------------------------------------------------------- EviCore SP-1.2 motor weakness: graded 3/5 or less
WEAK_FOOT = """Visit in clinic today; I examined her in person. 47-year-old woman with low back pain and right leg pain for 2 weeks, no injury.
The right foot has felt weak for the past week.
{x}
No fever, weight loss, bowel or bladder change. No history of cancer.
Request: MRI lumbar spine without contrast."""
ABOVE_GRADE_THREE = [
    "Exam: right ankle dorsiflexion strength 3+/5, new since her last visit.",
    "Exam: right ankle dorsiflexion strength 3+/5 to 4-/5, new since her last visit.",
    "Exam: right ankle dorsiflexion strength 3-4/5, new since her last visit.",
    "Exam: right ankle dorsiflexion strength 3 to 4/5, new since her last visit.",
    "Exam: right ankle dorsiflexion strength 3.5/5, new since her last visit.",
    "Exam: right ankle dorsiflexion strength 4-/5, new since her last visit.",
    "Exam: right ankle dorsiflexion strength 4/5, new since her last visit.",
]
GRADE_THREE = ["Exam: right ankle dorsiflexion strength 3/5, new since her last visit.",
               "Exam: right ankle dorsiflexion strength 2/5, new since her last visit."]

# ---------------------------------------------------------------- EviCore SP-11.1: severe pain for more than one week
OCCULT_FRACTURE = """Follow-up visit in clinic today; I examined her in person. 72-year-old woman with osteoporosis on alendronate.
{x}
It started after lifting a laundry basket; I suspect a compression fracture. No history of cancer. No leg weakness, bowel or bladder change.
Thoracic x-rays this week were non-diagnostic at T12. Point tenderness over T12, concordant with the x-ray level.
Request: MRI thoracic spine without contrast."""
NOT_MORE_THAN_A_WEEK = [
    "She has had severe mid back pain at T12 for 1 week.",
    "She has had severe mid back pain at T12 for a week.",
    "She has had severe mid back pain at T12 for one week.",
    "She has had severe mid back pain at T12 for 7 days.",
    "She has had severe mid back pain at T12 for 6 days.",
    "She has had severe mid back pain at T12 for about a week.",
    "She has had severe mid back pain at T12 for nearly a week.",
    "She has had severe mid back pain at T12 for a week or so.",
    "She has had severe mid back pain at T12 for 5-7 days.",
    "She has had severe mid back pain at T12 for the past week.",
    "She has had severe mid back pain at T12 since last Thursday.",
    "She has had severe mid back pain at T12 since September 24.",
    "She has had severe mid back pain at T12 since 9/25.",
    "She has had severe mid back pain at T12 since the weekend.",
    "She has had severe mid back pain at T12 since last week.",
    "She has had severe mid back pain at T12 x 1 wk.",
    "She has had severe mid back pain at T12 x 7d.",
    "Severe mid back pain at T12 for 1/52.",
    # the pain is older, but severe only for the last few days
    "She has had mid back pain at T12 for 3 weeks, severe for the last 5 days.",
    "She has had mid back pain at T12 for 3 weeks; it became severe 4 days ago.",
    "She has had mild mid back pain at T12 for 3 weeks, severe only since yesterday.",
    "She has had mid back pain at T12 for 3 weeks, which was mild until it became severe 3 days ago.",
]
MORE_THAN_A_WEEK = ["She has had severe mid back pain at T12 for 10 days.",
                    "She has had severe mid back pain at T12 for 3 weeks.",
                    "She has had severe mid back pain at T12 for 8 days."]

# ---------------------------------------------------------------- EviCore SP-16.4: no more than 24 hours after augmentation
AUGMENTED = """Seen on the ward today; I examined her in person. 77-year-old woman with osteoporosis who had a T12 kyphoplasty for a painful compression fracture.
{x}
New numbness and weakness of both legs since the procedure; concern for cement extravasation.
No history of cancer.
Request: CT thoracic spine without contrast."""
MORE_THAN_24_HOURS = [
    "I saw her 25 hours after the procedure.",
    "I saw her 26 hours after the procedure.",
    "I saw her 30 hours after the procedure.",
    "I saw her 36 hours after the procedure.",
    "I saw her 48 hours after the procedure.",
    "I saw her 2 days after the procedure.",
    "I saw her 3 days after the procedure.",
    "I saw her a day and a half after the procedure.",
    "I saw her 1.5 days after the procedure.",
    "I saw her 1 day and 6 hours after the procedure.",
    "I saw her just over 24 hours after the procedure.",
    "I saw her more than 24 hours after the procedure.",
    "I saw her over a day after the procedure.",
    "I saw her on the second day after the procedure.",
    "I saw her on post-operative day 2.",
    "POD #2 after the kyphoplasty.",
    "The kyphoplasty was done 2 days ago.",
    "The kyphoplasty was done the day before yesterday.",
    "The kyphoplasty was done on September 29.",
    "The kyphoplasty was done on 9/29/2026.",
    "The kyphoplasty was done yesterday morning; I saw her this afternoon.",
    "The kyphoplasty was done 30 hours ago.",
]
WITHIN_24_HOURS = ["I saw her about 6 hours after the procedure.", "I saw her 20 hours after the procedure.",
                   "I saw her 24 hours after the procedure."]

# ---------------------------------------------------------------- EviCore SP-15.3: surgery within the last 6 months
EARLY_POSTOP = """Post-operative visit in clinic today; I examined her in person. 55-year-old woman.
{x}
Lumbar x-rays taken last week, after the surgery, show the laminectomy with no instability.
Since the surgery she has new right leg pain and numbness along the L5 dermatome.
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: MRI lumbar spine without and with contrast."""
SURGERY_MORE_THAN_6_MONTHS_AGO = [
    # a day or a few days before April 1, 2026
    "She had an L4-5 laminectomy and discectomy on March 31, 2026.",
    "She had an L4-5 laminectomy and discectomy on March 30, 2026.",
    "She had an L4-5 laminectomy and discectomy on 3/30/2026.",
    "She had an L4-5 laminectomy and discectomy in late March.",
    "She had an L4-5 laminectomy and discectomy at the end of March.",
    "She had an L4-5 laminectomy and discectomy in March.",
    # compound durations: six months AND some more
    "She had an L4-5 laminectomy and discectomy 6 months and 2 weeks ago.",
    "She had an L4-5 laminectomy and discectomy 6 months and 3 days ago.",
    "She is now 6 months and 2 weeks out from an L4-5 laminectomy and discectomy.",
    # "more than six months"
    "She had an L4-5 laminectomy and discectomy just over 6 months ago.",
    "She had an L4-5 laminectomy and discectomy a little over 6 months ago.",
    "She had an L4-5 laminectomy and discectomy more than 6 months ago.",
    "She had an L4-5 laminectomy and discectomy over six months ago.",
    # other units, halves, ranges
    "She had an L4-5 laminectomy and discectomy 6 1/2 months ago.",
    "She had an L4-5 laminectomy and discectomy six and a half months ago.",
    "She had an L4-5 laminectomy and discectomy 6.5 months ago.",
    "She is 6.5 months status post L4-5 laminectomy and discectomy.",
    "She had an L4-5 laminectomy and discectomy 27 weeks ago.",
    "She had an L4-5 laminectomy and discectomy 28 weeks ago.",
    "She is 27 weeks post-op from an L4-5 laminectomy and discectomy.",
    "She had an L4-5 laminectomy and discectomy 190 days ago.",
    "She is POD 190 from an L4-5 laminectomy and discectomy.",
    "She had an L4-5 laminectomy and discectomy 7 months ago.",
    "She had an L4-5 laminectomy and discectomy 6-7 months ago.",
    "She had an L4-5 laminectomy and discectomy 6 to 7 months ago.",
    "She had an L4-5 laminectomy and discectomy this past spring.",
]
SURGERY_WITHIN_6_MONTHS = [
    "She had an L4-5 laminectomy and discectomy on April 1, 2026.",
    "She had an L4-5 laminectomy and discectomy on April 2, 2026.",
    "She had an L4-5 laminectomy and discectomy 6 months ago.",
    "She had an L4-5 laminectomy and discectomy 8 weeks ago.",
]

# ---------------------------------------------------------------- EviCore SP-3.2: neck injury within the last 3 months
NECK_INJURY = """Visit in clinic today; I examined him in person. 50-year-old man with neck pain since a car accident.
{x}
He was restrained; his head struck the side window.
No arm pain, numbness or weakness. No fever, weight loss. No history of cancer.
Exam: cervical paraspinal tenderness, strength 5/5, reflexes symmetric, gait normal.
Assessment: cervical strain after MVC. Request: MRI cervical spine without contrast."""
INJURY_MORE_THAN_3_MONTHS_AGO = [
    "The head-on collision was on June 30, 2026.",
    "The head-on collision was on June 28, 2026.",
    "The head-on collision was in late June.",
    "The head-on collision was 3 months and 1 week ago.",
    "The head-on collision was 3 months and 2 days ago.",
    "The head-on collision was 1 year and 2 weeks ago.",
    "The head-on collision was a year and a month ago.",
    "The head-on collision was just over 3 months ago.",
    "The head-on collision was more than 3 months ago.",
    "The head-on collision was over 3 months ago.",
    "The head-on collision was 3 1/2 months ago.",
    "The head-on collision was three and a half months ago.",
    "The head-on collision was 14 weeks ago.",
    "The head-on collision was 100 days ago.",
    "The head-on collision was 3-4 months ago.",
    "The head-on collision was 4 months ago.",
    "The head-on collision was last spring.",
    "The head-on collision was in September 2025.",
]
INJURY_WITHIN_3_MONTHS = ["The head-on collision was on September 17, 2026.", "The head-on collision was on July 1, 2026.",
                          "The head-on collision was 13 weeks ago."]

# ---------------------------------------------------------------- EviCore SP-13.2: stable syrinx, last MRI at least 3 years ago
STABLE_SYRINX = """Follow-up visit in clinic today; I examined him in person. 41-year-old man with a known idiopathic syrinx from C4 to C7.
It was found on a cervical spine MRI in 2018; thoracic and brain MRIs were done the same year and showed no other cavity.
Annual MRIs in 2019, 2020 and 2021 showed the syrinx unchanged, and stability was established. There has never been any surgery.
{x}
No new numbness, weakness or clumsiness; examination unchanged. No fever, weight loss or history of cancer. No bowel or bladder change.
Request: MRI cervical spine without contrast."""
LAST_MRI_UNDER_3_YEARS_AGO = [
    "His last cervical MRI was on October 2, 2023, also unchanged.",
    "His last cervical MRI was in October 2023, also unchanged.",
    "His last cervical MRI was in November 2023, also unchanged.",
    "His last cervical MRI was in late 2023, also unchanged.",
    "His last cervical MRI was at the end of 2023, also unchanged.",
    "His last cervical MRI was in 2023, also unchanged.",
    "His last cervical MRI was in the fall of 2023, also unchanged.",
    "His last cervical MRI was almost 3 years ago, also unchanged.",
    "His last cervical MRI was nearly three years ago, also unchanged.",
    "His last cervical MRI was just under 3 years ago, also unchanged.",
    "His last cervical MRI was less than 3 years ago, also unchanged.",
    "His last cervical MRI was 2-3 years ago, also unchanged.",
    "His last cervical MRI was 2 to 3 years ago, also unchanged.",
    "His last cervical MRI was 35 months ago, also unchanged.",
    "His last cervical MRI was 150 weeks ago, also unchanged.",
    "His last cervical MRI was 2 and a half years ago, also unchanged.",
    "His last cervical MRI was 2.5 years ago, also unchanged.",
    "His last cervical MRI was 2 years and 11 months ago, also unchanged.",
    "His last cervical MRI was a few years ago, also unchanged.",
]
LAST_MRI_3_YEARS_AGO = ["His last cervical MRI was 3 years ago, also unchanged.",
                        "His last cervical MRI was on October 1, 2023, also unchanged.",
                        "His last cervical MRI was 4 years ago, also unchanged."]

# ---------------------------------------------------------------- EviCore SP-16.1: no MRI/CT of the region in the past 6 months
PREOP_CT = """Office visit today; I examined him in person. 58-year-old man with right arm pain in the C6 distribution for 5 months, no injury.
Cervical x-rays last month show a congenital block vertebra at C4-5 and a narrowed C5-6 disc space.
{x}
A C5-6 anterior cervical discectomy and fusion is scheduled for November. A CT is needed to define the abnormal bony anatomy of the congenital fusion and to plan the screw trajectories before surgery.
No fever, weight loss, bowel or bladder change. No history of cancer. Strength 5/5, reflexes symmetric.
Request: CT cervical spine without contrast."""
MRI_NOT_MORE_THAN_6_MONTHS_AGO = [
    "His last cervical MRI was 6 months ago.",
    "His last cervical MRI was on April 1, 2026.",
    "His last cervical MRI was on April 2, 2026.",
    "His last cervical MRI was in April.",
    "His last cervical MRI was almost 6 months ago.",
    "His last cervical MRI was nearly six months ago.",
    "His last cervical MRI was just under 6 months ago.",
    "His last cervical MRI was less than 6 months ago.",
    "His last cervical MRI was about 6 months ago.",
    "His last cervical MRI was 5-6 months ago.",
    "His last cervical MRI was 5 to 6 months ago.",
    "His last cervical MRI was 4-6 months ago.",
    "His last cervical MRI was half a year ago.",
    "His last cervical MRI was 25 weeks ago.",
    "His last cervical MRI was 5 and a half months ago.",
    "His last cervical MRI was 5.5 months ago.",
    "His last cervical MRI was 5 months and 3 weeks ago.",
    "His last cervical MRI was within the last 6 months.",
    "His last cervical MRI was this spring.",
    "His last cervical MRI was earlier this year.",
    "His last cervical MRI was a few months ago.",
]
MRI_MORE_THAN_6_MONTHS_AGO = ["His last cervical MRI was 7 months ago.", "His last cervical MRI was on March 20, 2026."]

# ---------------------------------------------------------------- Cohere CT-IND-1: at least 6 weeks of conservative care
COHERE_RADICULOPATHY = COHERE_NOTE  # the CT-IND-1 note of test_episode_onset
COHERE_SHORT_OF_SIX_WEEKS = [
    "He has taken naproxen twice daily and attended physical therapy twice a week for 5 weeks, without benefit.",
    "He has taken naproxen twice daily and attended physical therapy twice a week for almost 6 weeks, without benefit.",
    "He has taken naproxen twice daily and attended physical therapy twice a week for 5 weeks 6 days, without benefit.",
    "He has taken naproxen twice daily and attended physical therapy twice a week for a month, without benefit.",
    "Since August 25 he has taken naproxen twice daily and attended physical therapy twice a week, without benefit.",
    "He has taken naproxen twice daily and attended physical therapy twice a week since 8/24, without benefit.",
    "He started naproxen and physical therapy 6 weeks ago but stopped both after 2 weeks; no benefit.",
    "He has completed 5 weeks of a 6-week course of naproxen and physical therapy, without benefit.",
    "He has taken naproxen twice daily and attended physical therapy twice a week for 6 weeks as of next Monday, "
    "without benefit.",
    "He has taken naproxen twice daily and attended physical therapy twice a week for just shy of 6 weeks, "
    "without benefit.",
]
COHERE_SIX_WEEKS = [
    "Since July 20 he has taken naproxen twice daily and attended physical therapy twice a week for ten weeks, "
    "without benefit.",
    "He has taken naproxen twice daily and attended physical therapy twice a week for 7 weeks, without benefit.",
]

# ---------------------------------------------------------------- Cohere CT-IND-1: the 6 weeks lie within the past 6 months
# The window opens on April 1, 2026; the pain began in early February.
COHERE_EARLIER_COURSE = """Spine clinic note; I examined him in person today. 70-year-old man with new low back pain and right
leg pain in an L5 pattern that began in early February, without any fall or injury. He has a permanent pacemaker whose
leads are not MRI-conditional, so MRI is contraindicated.
{x}
Today the leg pain is unchanged and he cannot walk far.
Exam: positive straight leg raise on the right, reduced pinprick over the right foot, EHL 4/5 on the right.
He has never had a CT or MRI of the spine.
Assessment: right L5 radiculopathy of recent onset with failed conservative care; MRI not possible.
Plan: CT lumbar spine without contrast."""
COURSE_MOSTLY_BEFORE_THE_WINDOW = [
    "He took naproxen twice daily and attended physical therapy twice a week from February 16 to March 27, without benefit.",
    "He took naproxen twice daily and attended physical therapy twice a week from February 9 to April 10, without benefit.",
    "He took naproxen twice daily and attended physical therapy twice a week from February 16 to April 24, without benefit.",
    "He took naproxen twice daily and attended physical therapy twice a week from 2/9/2026 to 3/30/2026, without benefit.",
    "He took naproxen twice daily and attended physical therapy twice a week for 8 weeks in February and March, "
    "without benefit.",
    "He took naproxen twice daily and attended physical therapy twice a week for 8 weeks, ending in March, without benefit.",
    "He took naproxen twice daily and attended physical therapy twice a week for 8 weeks, which ended 6 months and "
    "2 weeks ago, without benefit.",
    "He took naproxen twice daily and attended physical therapy twice a week for 8 weeks, finishing 7 months ago, "
    "without benefit.",
]
COURSE_WITHIN_THE_WINDOW = [
    "He took naproxen twice daily and attended physical therapy twice a week from May 4 to June 26, without benefit.",
]

# ---------------------------------------------------------------- Cohere CT-NON-1: a CT of the region within 3 months
# The exclusion direction: a study inside the 3-month window (from July 1, 2026), with nothing treated and
# nothing changed since, must not approve; a study just outside it must.
COHERE_REPEAT = """Office visit today, examined in person. 58-year-old man with new low back pain since early May, no injury or fall.
He took naproxen and attended physical therapy twice a week from May 4 to June 19, 2026, with no improvement.
He has a pacemaker that is not MRI-conditional.
No leg weakness, numbness, fever, weight loss, bowel or bladder change. No history of cancer.
Exam: lumbar tenderness, strength 5/5, reflexes symmetric.
{x}
He has had no treatment since that CT, and his symptoms are unchanged since it.
Assessment: persistent low back pain. Request: CT lumbar spine without contrast."""
CT_WITHIN_3_MONTHS = [
    "CT of the lumbar spine on July 1, 2026 was unremarkable.",
    "CT of the lumbar spine on July 2, 2026 was unremarkable.",
    "CT of the lumbar spine on 7/3/2026 was unremarkable.",
    "CT of the lumbar spine on 2026-07-06 was unremarkable.",
    "CT of the lumbar spine in early July was unremarkable.",
    "CT of the lumbar spine at the start of July was unremarkable.",
    "CT of the lumbar spine in mid-July was unremarkable.",
    "CT of the lumbar spine in July was unremarkable.",
    "CT of the lumbar spine in 07/2026 was unremarkable.",
    "CT of the lumbar spine 12 weeks ago was unremarkable.",
    "CT of the lumbar spine 13 weeks ago was unremarkable.",
    "CT of the lumbar spine 90 days ago was unremarkable.",
    "CT of the lumbar spine 2 months and 3 weeks ago was unremarkable.",
    "CT of the lumbar spine almost 3 months ago was unremarkable.",
    "CT of the lumbar spine nearly three months ago was unremarkable.",
    "CT of the lumbar spine just under 3 months ago was unremarkable.",
    "CT of the lumbar spine 3 months ago was unremarkable.",
    "CT of the lumbar spine 2-3 months ago was unremarkable.",
    "CT of the lumbar spine less than 3 months ago was unremarkable.",
    "CT of the lumbar spine within the last 3 months was unremarkable.",
    "CT of the lumbar spine in the past 3 months was unremarkable.",
    "CT of the lumbar spine a couple of months ago was unremarkable.",
    "CT of the lumbar spine last month was unremarkable.",
    "CT of the lumbar spine recently was unremarkable.",
    # partly inside the window: too vague to be sure it is outside
    "CT of the lumbar spine this summer was unremarkable.",
    "CT of the lumbar spine about 3 months ago was unremarkable.",
    "CT of the lumbar spine a few months ago was unremarkable.",
]
CT_BEFORE_THE_WINDOW = [
    "CT of the lumbar spine on June 22, 2026 was unremarkable.",
    "CT of the lumbar spine on June 30, 2026 was unremarkable.",
]


PROBES = [
    Probe("SP-5.1 six weeks (lumbar)", LUMBAR, EVICORE, "72148", "1979-01-01", "female",
          LUMBAR_SHORT_OF_SIX_WEEKS, LUMBAR_SIX_WEEKS),
    Probe("SP-3.1 six weeks (cervical)", NECK, EVICORE, "72141", "1974-01-01", "male",
          NECK_SHORT_OF_SIX_WEEKS, NECK_SIX_WEEKS),
    Probe("SP-16.2 four weeks before an initial ESI", STENOSIS_ESI, EVICORE, "72148", "1958-01-01", "male",
          SHORT_OF_FOUR_WEEKS, FOUR_WEEKS),
    Probe("SP-1.2 severe radicular pain, seven days of treatment", RADICULAR_TREATED, EVICORE, "72148", "1979-01-01",
          "female", SHORT_OF_SEVEN_DAYS, SEVEN_DAYS),
    Probe("SP-1.2 severe radicular pain, 9/10", RADICULAR_SCORED, EVICORE, "72148", "1979-01-01", "female",
          BELOW_NINE, NINE),
    Probe("SP-1.2 weakness graded 3/5 or less", WEAK_FOOT, EVICORE, "72148", "1979-01-01", "female",
          ABOVE_GRADE_THREE, GRADE_THREE),
    Probe("SP-11.1 severe pain for more than a week", OCCULT_FRACTURE, EVICORE, "72146", "1954-01-01", "female",
          NOT_MORE_THAN_A_WEEK, MORE_THAN_A_WEEK),
    Probe("SP-16.4 within 24 hours of augmentation", AUGMENTED, EVICORE, "72128", "1949-01-01", "female",
          MORE_THAN_24_HOURS, WITHIN_24_HOURS),
    Probe("SP-15.3 surgery within 6 months", EARLY_POSTOP, EVICORE, "72158", "1971-01-01", "female",
          SURGERY_MORE_THAN_6_MONTHS_AGO, SURGERY_WITHIN_6_MONTHS),
    Probe("SP-3.2 neck injury within 3 months", NECK_INJURY, EVICORE, "72141", "1976-01-01", "male",
          INJURY_MORE_THAN_3_MONTHS_AGO, INJURY_WITHIN_3_MONTHS),
    Probe("SP-13.2 stable syrinx, last MRI 3 years ago", STABLE_SYRINX, EVICORE, "72141", "1985-01-01", "male",
          LAST_MRI_UNDER_3_YEARS_AGO, LAST_MRI_3_YEARS_AGO),
    Probe("SP-16.1 no MRI/CT in the past 6 months", PREOP_CT, EVICORE, "72125", "1968-01-01", "male",
          MRI_NOT_MORE_THAN_6_MONTHS_AGO, MRI_MORE_THAN_6_MONTHS_AGO),
    Probe("CT-IND-1 six weeks", COHERE_RADICULOPATHY, COHERE, "72131", "1956-03-01", "male",
          COHERE_SHORT_OF_SIX_WEEKS, COHERE_SIX_WEEKS),
    Probe("CT-IND-1 within the past 6 months", COHERE_EARLIER_COURSE, COHERE, "72131", "1956-03-01", "male",
          COURSE_MOSTLY_BEFORE_THE_WINDOW, COURSE_WITHIN_THE_WINDOW),
    Probe("CT-NON-1 CT within 3 months", COHERE_REPEAT, COHERE, "72131", "1968-01-01", "male",
          CT_WITHIN_3_MONTHS, CT_BEFORE_THE_WINDOW),
]
test_a_value_on_the_wrong_side_never_approves, test_a_value_on_the_right_side_approves = probe_tests(PROBES)


# ---------------------------------------------------------------- ages: from the request's birth date
class AgeProbe(NamedTuple):
    """A note that approves only through an age threshold; ``{age}`` takes the note's own wording of the
    age, which matches the birth date of the request (the age the engine uses)."""

    name: str
    note: str
    policy: str
    cpt: str
    sex: str
    wrong_side: list[tuple[str, str]]  # (the note's age, birth date): must not approve
    right_side: list[tuple[str, str]]  # the controls: must approve


LOW_ENERGY_FALL = """Visit in clinic today; I examined her in person. {age} woman who slipped on a wet floor 3 days ago and landed on her buttocks; low back pain since.
No leg pain, numbness or weakness. No fever, weight loss, bowel or bladder change. No history of cancer.
Exam: paraspinal tenderness, no midline tenderness, strength 5/5, reflexes symmetric.
Assessment: acute low back pain after a fall. Request: MRI lumbar spine without contrast."""
LOW_SPEED_COLLISION = """Visit in clinic today; I examined him in person. {age} man with neck pain since a low-speed rear-end collision on September 17, 2026; he was restrained, did not hit his head, and the airbags did not deploy.
No arm pain, numbness or weakness. No fever, weight loss. No history of cancer.
Exam: cervical paraspinal tenderness, strength 5/5, reflexes symmetric, gait normal.
Assessment: cervical strain after MVC. Request: MRI cervical spine without contrast."""
MALIGNANCY_SUSPECTED = """Visit in clinic today; I examined him in person. {age} man with low back pain for 3 weeks, no injury.
He is a heavy smoker, and I am concerned about a spinal malignancy.
The pain is 5/10, unchanged since onset, and eases when he lies down. It does not wake him at night. His weight is stable.
No leg pain, numbness or weakness. No fever, bowel or bladder change. No history of cancer.
Exam: lumbar tenderness, strength 5/5, reflexes symmetric.
Assessment: low back pain, rule out metastasis. Request: MRI lumbar spine without contrast."""
PARS_SUSPECTED = """Visit in clinic today; I examined him in person. {age} soccer player with low back pain on extension for 5 weeks, no single injury.
Pain is worse with back extension; single-leg hyperextension test positive on the right.
High clinical suspicion of an L5 pars stress fracture.
No leg pain, numbness or weakness. No fever, weight loss, bowel or bladder change. No history of cancer.
Request: SPECT of the lumbar spine."""
FEVER_CHILD = """Office visit today, examined in person. {age} girl with low back pain for 2 weeks and fever to 39 C for 5 days; the pain wakes her at night. No injury. She has never had a CT or MRI of the spine.
She has a cochlear implant that is not MRI-conditional, so MRI is not possible.
Exam: lumbar tenderness, strength 5/5, reflexes symmetric.
Assessment: back pain with fever in a child, concern for discitis. Request: CT lumbar spine without contrast."""
TOE_WALKER = """Office visit today, examined in person. {age} boy who has walked on his toes since he started walking; his mother also notes low back pain after play.
He has a cochlear implant that is not MRI-conditional, so MRI is not possible. He has never had a CT or MRI of the spine.
Exam: tight heel cords, reflexes symmetric, no clonus.
Assessment: persistent toe walking. Request: CT lumbar spine without contrast."""
FALL_NEGATIVE_FILMS = """Office visit today, examined in person. {age} woman who slipped on ice and fell onto her back on September 8, 2026.
Her low back pain has persisted and is worse this week.
Lumbar x-rays on September 9 showed no acute fracture.
No leg weakness, numbness, fever, weight loss, bowel or bladder change. No osteoporosis; she takes no steroids.
Exam: lumbar tenderness, strength 5/5, reflexes symmetric.
No prior MRI or CT of the spine.
Assessment: persistent post-traumatic low back pain. Request: CT lumbar spine without contrast."""

# The request date is October 1, 2026: a birth date of October 2 is one day short of the birthday.
AGE_PROBES = [
    AgeProbe("SP-6.2 older than 60", LOW_ENERGY_FALL, EVICORE, "72148", "female",
             [("60-year-old", "1965-10-02"), ("60-year-old", "1966-01-01"), ("59-year-old", "1967-01-01")],
             [("61-year-old", "1965-10-01"), ("61-year-old", "1965-06-01")]),
    AgeProbe("SP-3.2 65 or older", LOW_SPEED_COLLISION, EVICORE, "72141", "male",
             [("64-year-old", "1961-10-02"), ("64-year-old", "1962-03-01")],
             [("65-year-old", "1961-10-01")]),
    AgeProbe("SP-1.2 older than 70 with suspected malignancy", MALIGNANCY_SUSPECTED, EVICORE, "72148", "male",
             [("70-year-old", "1955-10-02"), ("70-year-old", "1956-10-01"), ("70-year-old", "1956-01-01"),
              ("69-year-old", "1957-01-01")],
             [("71-year-old", "1955-10-01"), ("71-year-old", "1955-03-01")]),
    # under 18 the child is sent to the pediatric guideline: the wrong side is 17
    AgeProbe("SP-8.1 adult spondylolysis (18 or older)", PARS_SUSPECTED, EVICORE, "78803", "male",
             [("17-year-old", "2008-10-02"), ("17-year-old", "2009-03-01")],
             [("18-year-old", "2008-10-01"), ("18-year-old", "2008-03-01")]),
    AgeProbe("CT-IND-15 child under 16 with a red flag", FEVER_CHILD, COHERE, "72131", "female",
             [("16-year-old", "2010-10-01"), ("16-year-old", "2010-03-01")],
             [("15-year-old", "2010-10-02"), ("15-year-old", "2011-03-01")]),
    AgeProbe("CT-IND-15 toe walker under 66 months", TOE_WALKER, COHERE, "72131", "male",
             [("5-year-old", "2021-04-01"), ("5-year-old", "2021-03-15")],
             [("5-year-old", "2021-04-02"), ("5-year-old", "2021-05-01")]),
    AgeProbe("CT-IND-11 elderly (65 or older) after negative films", FALL_NEGATIVE_FILMS, COHERE, "72131", "female",
             [("64-year-old", "1961-10-02"), ("64-year-old", "1962-01-01")],
             [("65-year-old", "1961-10-01"), ("65-year-old", "1961-05-01")]),
]


def _age_cases(kind: str) -> list[pytest.ParameterSet]:
    return [pytest.param(probe, age, birth, id=f"{probe.name}: {age}, born {birth}")
            for probe in AGE_PROBES for age, birth in getattr(probe, kind)]


@pytest.mark.parametrize("probe, age, birth", _age_cases("wrong_side"))
def test_an_age_on_the_wrong_side_never_approves(probe: AgeProbe, age: str, birth: str) -> None:
    assert outcome(probe.note.format(age=age), probe.policy, probe.cpt, birth, probe.sex) != "approve"


@pytest.mark.parametrize("probe, age, birth", _age_cases("right_side"))
def test_an_age_on_the_right_side_approves(probe: AgeProbe, age: str, birth: str) -> None:
    assert outcome(probe.note.format(age=age), probe.policy, probe.cpt, birth, probe.sex) == "approve"
