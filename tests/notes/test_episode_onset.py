"""Treatment counts only within the current episode: EviCore's provider-directed treatment is the
one tried since the current symptoms started or last changed, and Cohere's conservative treatment
the one tried for this problem. A course the note dates before the onset ("7 weeks of PT in March"
for pain since July) belongs to an earlier episode, and no course lasts longer than the episode
("8 weeks of PT" for pain since September 1, on October 1). See ``spinecheck.notes.episode``."""

from __future__ import annotations

import datetime as dt

import pytest

from probe_notes import LUMBAR_TRIAL_NOTE, ON, Probe, outcome, probe_tests
from spinecheck.notes import extract
from spinecheck.notes import values as V
from spinecheck.notes.episode import latest, onsets
from spinecheck.notes.sentences import split
from spinecheck.notes.text import clean

EVICORE, COHERE = "evicore-spine-2026", "cohere-ct-spine-2.1"

# ------------------------------------------------------------- a course dated before the onset
BEFORE_ONSET = [
    "She completed 7 weeks of physical therapy in March with no improvement.",
    "She did 7 weeks of PT from February to April without benefit.",
    "PT for 7 weeks in the spring did not help.",
    "She completed 7 weeks of physical therapy ending in May, no improvement.",
    "She completed 7 weeks of physical therapy from March 1 to April 19 with no improvement.",
    "Physical therapy x 8 weeks (Jan-Mar 2026) failed.",
    "She tried naproxen for 2 months this past winter with no relief.",
    "She had 8 weeks of chiropractic care in 2025 without benefit.",
]
WITHIN = [
    "She completed 7 weeks of physical therapy with no improvement.",
    "She completed 7 weeks of physical therapy since July with no improvement.",
    "She completed 7 weeks of physical therapy starting July 20 with no improvement.",
    "She has done physical therapy since July 15 with no improvement.",
]

# ------------------------------------------------------------- the onset, said in many ways
ONSET_NOTE = """Follow-up visit in clinic today; I examined her in person. 47-year-old woman. {x}
She completed 7 weeks of physical therapy and naproxen from March to April with no improvement.
The pain is no better, 6/10, and limits work.
No leg pain, numbness or weakness. No fever, weight loss, night pain, bowel or bladder change. No history of
cancer. No red flags.
Exam: paraspinal tenderness, SLR negative, strength 5/5, reflexes symmetric.
Assessment: mechanical low back pain. Request: MRI lumbar spine without contrast."""
ONSET_AFTER_THE_COURSE = [
    "Low back pain since early July, no injury.",
    "Her low back pain began 10 weeks ago while gardening.",
    "Low back pain for 2 months.",
    "She has had 8 weeks of low back pain.",
    "Onset of low back pain: 7/20/2026.",
    "Low back pain that started in the summer.",
    "Chronic low back pain since 2015, much worse since August.",
    "Low back pain after a fall on 7/10.",
    "Low back pain, which flared up in mid-June.",
    "Her low back pain recurred in July after a year without symptoms.",
]
ONSET_BEFORE_THE_COURSE = ["Low back pain since January, no injury.", "Low back pain for 9 months."]

# ------------------------------------------------------------- Cohere: conservative care for this problem
COHERE_NOTE = """Spine clinic note; I examined him in person today. 70-year-old man with new low back pain and right
leg pain in an L5 pattern since mid-July, without any fall or injury. He has a permanent pacemaker whose
leads are not MRI-conditional, so MRI is contraindicated.
{x}
Today the leg pain is unchanged and he cannot walk far.
Exam: positive straight leg raise on the right, reduced pinprick over the right foot, EHL 4/5 on the right.
He has never had a CT or MRI of the spine.
Assessment: new-onset right L5 radiculopathy with failed conservative care; MRI not possible.
Plan: CT lumbar spine without contrast."""
COHERE_BEFORE_ONSET = [
    "He took naproxen and attended physical therapy twice a week for eight weeks in April and May, without benefit.",
    "He did 8 weeks of physical therapy in the spring, which did not help.",
    "Physical therapy for 8 weeks from March 2 to April 27 failed.",
]
COHERE_WITHIN = ["Since July 20 he has taken naproxen twice daily and attended physical therapy twice a week "
                 "for ten weeks, without benefit."]

PROBES = [
    Probe("SP-5.1 course before the onset", LUMBAR_TRIAL_NOTE.replace("{onset}", "early July"), EVICORE, "72148",
          "1979-01-01", "female", BEFORE_ONSET, WITHIN),
    Probe("SP-5.1 onset after the course", ONSET_NOTE, EVICORE, "72148", "1979-01-01", "female",
          ONSET_AFTER_THE_COURSE, ONSET_BEFORE_THE_COURSE),
    Probe("CT-IND-1 course before the onset", COHERE_NOTE, COHERE, "72131", "1956-03-01", "male",
          COHERE_BEFORE_ONSET, COHERE_WITHIN),
]
test_a_course_outside_the_episode_never_approves, test_a_course_within_it_approves = probe_tests(PROBES)


EIGHT_WEEKS = "She completed 8 weeks of physical therapy with no improvement."


@pytest.mark.parametrize("onset, approves", [("September 1", False), ("mid-September", False), ("August 25", False),
                                             ("August 20", True), ("early July", True)])
def test_a_course_cannot_last_longer_than_the_episode(onset: str, approves: bool) -> None:
    note = LUMBAR_TRIAL_NOTE.format(onset=onset, x=EIGHT_WEEKS)
    assert (outcome(note, EVICORE, "72148", "1979-01-01", "female") == "approve") is approves


def test_the_cut_course_says_why() -> None:
    note = LUMBAR_TRIAL_NOTE.format(onset="September 1", x=EIGHT_WEEKS)
    ex = extract(note, ON, region="lumbar")
    fv = ex.facts.provenance["provider_directed_treatment_duration"]
    assert fv.value == 30
    assert any("current episode" in n for n in ex.notes["provider_directed_treatment_duration"])


@pytest.mark.parametrize("text, day", [
    ("Low back pain since early July.", dt.date(2026, 7, 1)),
    ("Her back pain began 10 weeks ago.", dt.date(2026, 7, 23)),
    ("Sciatica for 3 months.", dt.date(2026, 7, 2)),  # 91 days
    ("Onset: 7/20/2026.", dt.date(2026, 7, 20)),
    ("Chronic back pain since 2015, worse since August.", dt.date(2026, 8, 1)),
    ("She injured her back in a fall on 7/10.", dt.date(2026, 7, 10)),
])
def test_the_episode_begins_at_the_latest_onset_or_change(text: str, day: dt.date) -> None:
    assert latest(_note_onsets(text)).earliest == day


@pytest.mark.parametrize("text", [
    "PT started in March for her back pain.",
    "Her pain is the same 6/10 it was in September.",
    "Pain unchanged since August.",
    "Back pain; seen in clinic on 9/14.",
    "Back pain, no better than it was in August.",
])
def test_what_is_not_an_onset(text: str) -> None:
    assert _note_onsets(text) == []


def _note_onsets(text: str) -> list[V.DateRange]:
    cleaned = clean(text)
    sentences = split(cleaned)
    return onsets(cleaned, sentences, lambda i: V.find_dates(cleaned, ON, sentences[i].start, sentences[i].end), ON)


@pytest.mark.parametrize("course, days", [
    ("Physical therapy from February 16 to April 24 did not help.", 23),  # from April 1, six months back
    ("Physical therapy for 8 weeks in February and March did not help.", None),
    ("Physical therapy for 8 weeks, ending in March, did not help.", None),
    ("Physical therapy for 8 weeks since July did not help.", 56),
])
def test_cohere_counts_only_the_six_months_before_the_request(course: str, days: int | None) -> None:
    note = COHERE_NOTE.replace("since mid-July", "since January").format(x=course)
    got = extract(note, ON, region="lumbar").facts.values.get("conservative_treatment_duration")
    assert got == days
