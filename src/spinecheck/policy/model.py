"""A loaded, linted policy: everything the engine needs, nothing it has to re-check."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .schema import (
    CodeDef, Exclusion, FactDef, InfoNote, Node, Pathway, PolicyMeta, Redirect, SectionDef,
)


@dataclass(frozen=True)
class Policy:
    meta: PolicyMeta
    sections: tuple[SectionDef, ...]
    definitions: dict[str, Node]
    pathways: tuple[Pathway, ...]
    redirects: tuple[Redirect, ...]
    exclusions: tuple[Exclusion, ...]
    notes: tuple[InfoNote, ...]
    facts: dict[str, FactDef]
    codes: dict[str, CodeDef]
    content_hash: str
    origins: dict[str, str] = field(default_factory=dict)  # item id -> "file:line"

    @property
    def id(self) -> str:
        return self.meta.id

    def governs(self, cpt: str) -> bool:
        return cpt in self.codes

    def section(self, section_id: str) -> SectionDef | None:
        base = section_id.split("#", 1)[0]
        for s in self.sections:
            if s.id == base:
                return s
        return None

    def elsewhere_rule(self, cpt: str) -> str | None:
        """Where this policy says a code it does not govern belongs, if it says so."""
        for codes, prefixes, goes_to in self._elsewhere:
            if cpt in codes or cpt.startswith(prefixes):
                return goes_to
        return None

    @cached_property
    def _elsewhere(self) -> tuple[tuple[frozenset[str], tuple[str, ...], str], ...]:
        return tuple((frozenset(rule.codes), tuple(rule.prefixes), rule.goes_to) for rule in self.meta.elsewhere)

    def elsewhere_for(self, cpt: str) -> str:
        return self.elsewhere_rule(cpt) or self.meta.default_elsewhere
