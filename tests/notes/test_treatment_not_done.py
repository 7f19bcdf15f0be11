"""Six weeks of provider-directed treatment is the criterion most approvals rest on. A treatment
that was prescribed, referred, discussed, scheduled or expected, but not done, must never count
towards it: "PT was prescribed 7 weeks ago but she never went" is not seven weeks of therapy."""

from __future__ import annotations

import pytest

from probe_notes import LUMBAR_TRIAL_NOTE, ON, Probe, probe_tests
from spinecheck.notes import extract

NOT_DONE = [
    "Physical therapy was prescribed 7 weeks ago but she never went.",
    "She declined the physical therapy I recommended 7 weeks ago.",
    "We discussed the option of physical therapy for 7 weeks; she prefers to wait.",
    "Physical therapy is scheduled to begin next week for 7 weeks.",
    "I would expect improvement with 7 weeks of physical therapy.",
    "She could not attend physical therapy because of cost; no treatment for 7 weeks.",
    "Her physical therapy referral from 7 weeks ago was never scheduled.",
    "She was referred for PT 7 weeks ago and is still on the waiting list.",
]
TREATMENT_FACTS = ("provider_directed_treatment_duration", "conservative_treatment_duration")


PROBES = [Probe("SP-5.1 treatment not done", LUMBAR_TRIAL_NOTE.replace("{onset}", "early August"),
                "evicore-spine-2026", "72148", "1979-01-01", "female", NOT_DONE,
                ["She completed 7 weeks of physical therapy with good compliance."])]
test_a_treatment_not_done_never_approves, test_the_same_note_with_the_treatment_done_approves = probe_tests(PROBES)


@pytest.mark.parametrize("sentence", [
    "PT was prescribed 6 weeks ago but she never went.",
    "If no better after 6 weeks of PT, will consider MRI.",
    "Once she completes 6 weeks of therapy we will reassess.",
    "PT scheduled to begin next week for 6 weeks.",
    "Typical course: 6 weeks of therapy.",
    "Discussed the option of physical therapy for 6 weeks; she prefers to wait.",
    "He declined physical therapy.",
])
def test_no_treatment_duration_from_a_treatment_not_under_way(sentence: str) -> None:
    facts = extract(sentence, ON, region="lumbar").facts
    assert not any(name in facts.values for name in TREATMENT_FACTS), {n: facts.values.get(n) for n in TREATMENT_FACTS}
    assert "physical_therapy" not in facts.values.get("conservative_treatments_tried", frozenset())


@pytest.mark.parametrize("sentence, fact", [
    ("She had one episode of bowel incontinence yesterday.", "new_bowel_bladder_incontinence"),
    ("He had one fall from a ladder last week.", "spine_trauma"),
])
def test_one_event_is_still_an_event(sentence: str, fact: str) -> None:
    # "attended one session" is not a course of treatment; "had one episode" is still an episode
    assert extract(sentence, ON, region="lumbar").facts.values.get(fact) is True
