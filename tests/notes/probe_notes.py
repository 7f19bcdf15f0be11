"""Shared by the false-approval probes: the request date, one whole-note review, the lumbar note
that approves under EviCore SP-5.1 once six weeks of treatment are documented (its onset and one
statement varied by the probes), and the table rows (``Probe``) with the two tests every table gets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

import pytest

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


class Probe(NamedTuple):
    """A note one fact short of an approval under ``policy`` for ``cpt``; ``{x}`` takes a statement."""

    name: str
    note: str
    policy: str
    cpt: str
    birth: str
    sex: str
    not_supporting: list[str]  # statements that must not supply the missing fact
    supporting: list[str]  # the controls: statements that supply it


def cases(probes: list[Probe], kind: str) -> list[Any]:
    """pytest parameters (probe, statement) for every statement of ``kind`` of every probe."""
    return [pytest.param(probe, statement, id=f"{probe.name}: {statement}")
            for probe in probes for statement in getattr(probe, kind)]


def probe_outcome(probe: Probe, statement: str) -> str:
    return outcome(probe.note.format(x=statement), probe.policy, probe.cpt, probe.birth, probe.sex)


def probe_tests(probes: list[Probe]) -> tuple[Callable[..., None], Callable[..., None]]:
    """The two tests of a probe table; assign them to test_ names in the module that holds it."""

    @pytest.mark.parametrize("probe, statement", cases(probes, "not_supporting"))
    def test_a_statement_that_does_not_supply_the_fact_never_approves(probe: Probe, statement: str) -> None:
        assert probe_outcome(probe, statement) != "approve"

    @pytest.mark.parametrize("probe, statement", cases(probes, "supporting"))
    def test_the_statement_that_supplies_it_approves(probe: Probe, statement: str) -> None:
        assert probe_outcome(probe, statement) == "approve"

    return test_a_statement_that_does_not_supply_the_fact_never_approves, test_the_statement_that_supplies_it_approves
