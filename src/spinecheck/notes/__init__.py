"""Clinical notes -> facts with evidence.

``read_note(text, request)`` reads free text against the request date and returns a
:class:`~spinecheck.engine.facts.FactSet` whose values are normalized exactly as structured
facts are, each with the note spans that support it. Statements that disagree about one fact
leave it unset and are listed in ``FactSet.conflicts``: the reader never picks silently.

The reader is a small rule engine in pure Python (``re``); its vocabulary, context triggers and
section headers are data under ``spinecheck/notes/rules/`` (see docs/notes.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .extract import Extraction, extract
from .rules import load_rules

if TYPE_CHECKING:
    from ..engine.facts import FactSet
    from ..models import Request

__all__ = ["Extraction", "extract", "load_rules", "read_note"]


def read_note(note_text: str, request: "Request") -> "FactSet":
    """Facts stated in ``note_text``, durations and dates resolved against ``request.date``.

    Empty or whitespace-only notes give no facts; control characters are neutralised without
    shifting offsets (evidence offsets index the text as given)."""
    return extract(note_text or "", request.date).facts
