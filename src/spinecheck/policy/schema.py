"""The shape of policy data: fact catalog, policy metadata, section index, criteria files and
vignettes. Pydantic models with ``extra="forbid"`` so a misspelt key is an error, not a silent
no-op."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

FactType = Literal["bool", "number", "enum", "set", "date", "duration"]
Op = Literal[
    "eq", "ne", "gt", "ge", "lt", "le",  # bool / number / duration / enum (eq, ne)
    "in", "not_in",  # enum
    "has", "has_any", "has_all", "has_none",  # set
    "within_last", "more_than_ago", "at_least_ago",  # date, against the request date
]

OPS_BY_TYPE: dict[str, frozenset[str]] = {
    "bool": frozenset({"eq", "ne"}),
    "number": frozenset({"eq", "ne", "gt", "ge", "lt", "le"}),
    "duration": frozenset({"gt", "ge", "lt", "le"}),
    "enum": frozenset({"eq", "ne", "in", "not_in"}),
    "set": frozenset({"has", "has_any", "has_all", "has_none"}),
    "date": frozenset({"within_last", "more_than_ago", "at_least_ago"}),
}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class FactDef(Strict):
    """One fact a criterion may read, and how a reviewer would ask for it."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    type: FactType
    question: str = Field(min_length=8)
    unit: str | None = None
    values: list[str] | None = None
    group: str = "general"
    derived: bool = False  # computed from the request itself (age, region of the code ...)
    accepts_uncertain: bool = False  # a suspected / possible finding counts as present
    future_ok: bool = False  # dates may lie after the request date (planned procedures)
    # A bool fact that, when true, documents this (bool) fact as absent if nothing else sets it,
    # e.g. other_spine_conditions_absent for "acute trauma". Shown as implied, with its source.
    ruled_out_by: str | None = None
    absent_value: Any = None  # the value meaning "absent": false / [] by default, required for enums
    description: str | None = None

    @model_validator(mode="after")
    def _shape(self) -> "FactDef":
        if self.type in ("enum", "set") and not self.values:
            raise ValueError(f"fact '{self.name}' of type {self.type} needs 'values'")
        if self.type not in ("enum", "set") and self.values:
            raise ValueError(f"fact '{self.name}' of type {self.type} cannot list 'values'")
        if self.type == "number" and not self.unit:
            raise ValueError(f"fact '{self.name}' of type number needs a 'unit'")
        if self.ruled_out_by:
            if self.type == "enum" and self.absent_value not in (self.values or []):
                raise ValueError(f"fact '{self.name}': an enum ruled out by another fact needs 'absent_value' from its values")
            if self.type not in ("bool", "set", "enum"):
                raise ValueError(f"fact '{self.name}': only bool, set and enum facts can be ruled out by another fact")
        elif self.absent_value is not None:
            raise ValueError(f"fact '{self.name}': 'absent_value' goes with 'ruled_out_by'")
        return self

    def absent(self) -> Any:
        """The normalized value this fact takes when a blanket statement rules it out."""
        if self.type == "bool":
            return False
        if self.type == "set":
            return frozenset(self.absent_value or ())
        return self.absent_value


class CatalogFile(Strict):
    facts: list[FactDef]


class CodeDef(Strict):
    """A CPT/HCPCS code the policy governs, with our own short label (never the AMA text)."""

    code: str = Field(pattern=r"^[0-9]{4}[0-9A-Z]$")
    label: str = Field(min_length=3, max_length=80)
    modality: str
    region: str
    contrast: Literal["without", "with", "without_and_with", "not_applicable"] = "not_applicable"
    cite: str


class Elsewhere(Strict):
    """Codes this policy does not govern, and which kind of policy does."""

    codes: list[str] = Field(default_factory=list)
    prefixes: list[str] = Field(default_factory=list)
    goes_to: str


class PolicyMeta(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")
    payer: str
    title: str
    version: str
    effective_date: dt.date
    source: str
    summary: str
    codes: list[CodeDef]
    elsewhere: list[Elsewhere] = Field(default_factory=list)
    default_elsewhere: str = "a different policy (this one does not govern the code)"


SectionKind = Literal[
    "criteria", "definitions", "background", "evidence", "references", "contents", "codes",
    "notices", "history", "blank", "equity", "general",
]


class SectionDef(Strict):
    id: str
    title: str
    kind: SectionKind
    carries_criteria: bool
    reason: str | None = None  # why it carries none, when it carries none

    @model_validator(mode="after")
    def _reason(self) -> "SectionDef":
        if not self.carries_criteria and not self.reason:
            raise ValueError(f"section '{self.id}' carries no criteria: say why in 'reason'")
        return self


class SectionsFile(Strict):
    sections: list[SectionDef]


class Node(Strict):
    """One criterion: a combinator (all / any / not / at_least+of), a reference to a named
    definition (ref), or a leaf test on a fact (fact + op + value or value_fact)."""

    id: str | None = None
    text: str | None = None
    cite: str | None = None
    all: list["Node"] | None = None
    any: list["Node"] | None = None
    not_: "Node | None" = Field(default=None, alias="not")
    at_least: int | None = Field(default=None, ge=1)
    of: list["Node"] | None = None
    ref: str | None = None
    fact: str | None = None
    op: Op = "eq"
    value: Any = None
    value_fact: str | None = None
    # A bool fact that, when true, documents that this criterion is absent: an otherwise
    # unknown result becomes false (a positive finding still wins). E.g. "no red flags".
    ruled_out_by: str | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> "Node":
        kinds = [k for k in ("all", "any", "not_", "at_least", "ref", "fact") if getattr(self, k) is not None]
        if len(kinds) != 1:
            shown = ", ".join(k.rstrip("_") for k in kinds) or "none"
            raise ValueError(
                "a node needs exactly one of all / any / not / at_least / ref / fact "
                f"(found: {shown})"
            )
        kind = kinds[0]
        if (kind == "at_least") != (self.of is not None):
            raise ValueError("'at_least' and 'of' go together")
        if kind == "ref":
            extra = [k for k in ("id", "text", "all", "any", "value") if getattr(self, k) is not None]
            if extra:
                raise ValueError(f"a ref node only names a definition (remove: {', '.join(extra)})")
        else:
            missing = [k for k in ("id", "text", "cite") if not getattr(self, k)]
            if missing:
                raise ValueError(f"every node needs id, text and cite (missing: {', '.join(missing)})")
        if kind == "fact":
            if (self.value is None) == (self.value_fact is None):
                raise ValueError("a fact test needs exactly one of 'value' or 'value_fact'")
        elif self.value is not None or self.value_fact is not None or self.op != "eq":
            raise ValueError("'op', 'value' and 'value_fact' belong on fact tests only")
        for key in ("all", "any", "of"):
            children = getattr(self, key)
            if children is not None and len(children) == 0:
                raise ValueError(f"'{key}' needs at least one child")
        return self

    @property
    def kind(self) -> str:
        for k in ("all", "any", "at_least", "ref", "fact"):
            if getattr(self, k) is not None:
                return k
        return "not"

    @property
    def children(self) -> list["Node"]:
        if self.all is not None:
            return self.all
        if self.any is not None:
            return self.any
        if self.of is not None:
            return self.of
        if self.not_ is not None:
            return [self.not_]
        return []


CptList = list[str] | Literal["all"]


class Definition(Node):
    """A named criterion reused by reference (e.g. SP-1.0's general requirements)."""


class Pathway(Strict):
    """A route to approval: when its criteria hold, the listed codes are supported."""

    id: str
    title: str
    cite: str
    cpt: list[str] = Field(min_length=1)
    when: Node
    comment: str | None = None


class Redirect(Strict):
    """A clinical situation this policy hands to another guideline (-> out_of_scope)."""

    id: str
    title: str
    cite: str
    goes_to: str
    cpt: CptList = "all"
    when: Node | None = None  # none: every request for these codes goes elsewhere
    # As for exclusions: while unknown, an approval pends on it (when_suggested: only once a
    # criterion arguing for it is known to hold, e.g. known cancer but its link to the pain not
    # yet stated).
    must_rule_out: bool | Literal["when_suggested"] = False


class Exclusion(Strict):
    """A situation in which the requested study is not supported, whatever else is met.

    ``must_rule_out``: when unknown, it blocks an approval (the request pends on it);
    ``when_suggested``: only once a criterion arguing for it (not beneath a ``not``) is known to
    hold (e.g. a plexopathy is documented but whether it is traumatic is not).
    ``applies``: ``when_no_pathway_met`` exclusions only explain a not_met; ``to_suggestions``
    ones only keep their codes out of ``suggested_cpt`` (a study the case rules out, e.g. MRI
    when MRI is contraindicated) and never change the outcome of a request for those codes.
    A missing ``when`` means the exclusion always holds for its codes."""

    id: str
    title: str
    cite: str
    cpt: CptList = "all"
    when: Node | None = None
    must_rule_out: bool | Literal["when_suggested"] = False
    applies: Literal["always", "when_no_pathway_met", "to_suggestions"] = "always"


class InfoNote(Strict):
    """Informational guidance shown on a determination; never changes the outcome."""

    id: str
    cite: str
    text: str
    cpt: CptList = "all"
    when: Node | None = None


class CriteriaFile(Strict):
    codes: list[CodeDef] = Field(default_factory=list)  # more governed codes, beside policy.yaml's
    definitions: list[Node] = Field(default_factory=list)
    pathways: list[Pathway] = Field(default_factory=list)
    redirects: list[Redirect] = Field(default_factory=list)
    exclusions: list[Exclusion] = Field(default_factory=list)
    notes: list[InfoNote] = Field(default_factory=list)


class VignetteExpect(Strict):
    outcome: Literal["approve", "not_met", "pend", "out_of_scope"]
    guideline: str | None = None
    suggested_cpt: list[str] | None = None
    missing: list[str] | None = None  # fact names that must be asked (subset check)
    notes: list[str] | None = None  # info-note ids that must be shown


class Vignette(Strict):
    id: str
    section: str
    description: str
    request: dict[str, Any]
    expect: VignetteExpect


class VignetteFile(Strict):
    vignettes: list[Vignette]
