"""Shared by the false-approval probes: the request date, one whole-note review, and the lumbar
note that approves under EviCore SP-5.1 once six weeks of treatment are documented (its onset and
one statement varied by the probes)."""

from __future__ import annotations

import datetime as dt

from spinecheck.review import review_data

ON = dt.date(2026, 10, 1)

LUMBAR_TRIAL_NOTE = """Follow-up visit in clinic today; I examined her in person. 47-year-old woman with low back pain since
{onset}, no injury.
{x}
The pain is no better, 6/10, and limits work.
No leg pain, numbness or weakness. No fever, weight loss, night pain, bowel or bladder change. No history of
cancer. No red flags.
Exam: paraspinal tenderness, SLR negative, strength 5/5, reflexes symmetric.
Assessment: mechanical low back pain. Request: MRI lumbar spine without contrast."""


def outcome(note: str, policy: str, cpt: str, birth: str, sex: str) -> str:
    """The outcome of a request whose only evidence is ``note``."""
    request = {"id": "probe", "policy": policy, "cpt": cpt, "date": ON.isoformat(),
               "patient": {"birth_date": birth, "sex": sex}, "note": note}
    return review_data(request)[0]["outcome"]


def lumbar_trial_outcome(statement: str, onset: str = "early August") -> str:
    """The outcome of the SP-5.1 lumbar note with ``statement`` about its treatment."""
    return outcome(LUMBAR_TRIAL_NOTE.format(onset=onset, x=statement), "evicore-spine-2026", "72148", "1979-01-01",
                   "female")
