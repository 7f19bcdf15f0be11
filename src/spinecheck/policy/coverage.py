"""Which criteria encode each section of a policy's source document."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Policy
from .schema import Node


@dataclass(frozen=True)
class SectionCoverage:
    id: str
    title: str
    carries_criteria: bool
    reason: str | None
    items: tuple[str, ...]  # pathway / redirect / exclusion / note / definition ids citing it

    @property
    def encoded(self) -> bool:
        return not self.carries_criteria or bool(self.items)


def _cites(node: Node | None) -> set[str]:
    if node is None:
        return set()
    found = {node.cite.split("#", 1)[0]} if node.cite else set()
    for child in node.children:
        found |= _cites(child)
    return found


def coverage(policy: Policy) -> list[SectionCoverage]:
    by_section: dict[str, list[str]] = {}

    def add(section_ids: set[str], item_id: str) -> None:
        for sid in section_ids:
            by_section.setdefault(sid, [])
            if item_id not in by_section[sid]:
                by_section[sid].append(item_id)

    for name, node in policy.definitions.items():
        add(_cites(node), name)
    for group in (policy.pathways, policy.redirects, policy.exclusions, policy.notes):
        for item in group:
            add({item.cite.split("#", 1)[0]} | _cites(getattr(item, "when", None)), item.id)
    return [
        SectionCoverage(s.id, s.title, s.carries_criteria, s.reason, tuple(by_section.get(s.id, ())))
        for s in policy.sections
    ]
