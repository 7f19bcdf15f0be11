"""Clinical notes -> facts with evidence.

``read_note(text, request)`` reads free text against the request date and returns a
:class:`~spinecheck.engine.facts.FactSet` whose values are normalized exactly as structured
facts are, each with the note spans that support it. Statements that disagree about one fact
leave it unset and are listed in ``FactSet.conflicts``: the reader never picks silently.

The reader is a small rule engine in pure Python (``re``); its vocabulary, context triggers and
section headers are data under ``spinecheck/notes/rules/`` (see docs/notes.md)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .extract import Extraction, extract
from .rules import load_rules

if TYPE_CHECKING:
    from ..engine.facts import FactSet
    from ..models import Request

__all__ = ["Extraction", "extract", "load_rules", "read_note", "request_region"]


def read_note(note_text: str, request: "Request") -> "FactSet":
    """Facts stated in ``note_text``, durations and dates resolved against ``request.date``.

    Empty or whitespace-only notes give no facts; control characters are neutralised without
    shifting offsets (evidence offsets index the text as given)."""
    return extract(note_text or "", request.date, region=request_region(request.policy, request.cpt)).facts


SPINE_REGIONS = ("cervical", "thoracic", "lumbar", "pelvis")


@lru_cache(maxsize=512)
def request_region(policy: str, cpt: str) -> str | None:
    """The spinal region of the requested code (from the policies' code tables), if any."""
    from ..errors import SpinecheckError
    from ..policy import load_policy, policy_ids

    try:
        ids = policy_ids() if policy == "all" else [policy]
        for pid in ids:
            code = load_policy(pid).codes.get(cpt)
            if code is not None:
                return code.region if code.region in SPINE_REGIONS else None
    except SpinecheckError:
        return None
    return None
