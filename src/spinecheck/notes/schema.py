"""The shape of the note-reading rules (``spinecheck/notes/rules/*.yaml``).

Pydantic models with ``extra="forbid"``: a misspelt key fails loading with ``file:line (path)``.
Fact names, values and value parsers are checked against the fact catalog by the loader."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Category = Literal["negated", "historical", "remote", "hypothetical", "planned", "family", "uncertain",
                   "ambiguous", "current", "terminate", "pseudo"]
# What a mention's context may make of it; `present` is the absence of any modifier.
Status = Literal["present", "negated", "historical", "remote", "hypothetical", "planned", "family", "uncertain"]
Parser = Literal["duration", "date", "strength", "pain", "reflex", "number", "age", "since", "region", "date_or_today"]
Combine = Literal["max", "min", "latest", "earliest", "first", "last"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class TriggerGroup(Strict):
    """Context words of one category that modify mentions before or after them."""

    category: Category
    direction: Literal["forward", "backward", "both"] = "forward"
    patterns: list[str] = Field(min_length=1)
    max_words: int | None = Field(default=None, ge=1)
    crosses_commas: bool | None = None  # default: forward yes, backward no


class ContextFile(Strict):
    triggers: list[TriggerGroup]


class SectionRule(Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    headers: list[str] = Field(min_length=1)
    assertion: Literal["historical", "family", "planned", "hypothetical", "ignore"] | None = None


class SectionsFile(Strict):
    sections: list[SectionRule]


class Output(Strict):
    """What a mention contributes to one fact.

    bool facts: ``value`` (default true) when the mention counts as present, ``negated`` (default:
    the opposite of ``value``; null = nothing) when it is negated.
    set / enum facts: ``value`` is the member; a negated mention contributes nothing unless
    ``negated`` names a value.
    number / duration / date facts: ``from`` names the parser that reads the value next to the
    mention (or from the mention's ``v`` group), ``combine`` how several mentions combine."""

    fact: str
    value: Any = None
    negated: Any = "default"
    from_: Parser | None = Field(default=None, alias="from")
    combine: Combine | None = None
    accept: list[Status] | None = None  # statuses that count; default: present (+ uncertain when the fact accepts it)
    scope: Literal["match", "near", "after", "before", "sentence"] = "near"
    # weak statements (e.g. "strength 5/5" for "no new deficit") yield to strong ones of another
    # value without a conflict; strong statements that disagree are a conflict
    strength: Literal["strong", "weak"] = "strong"
    # the mention says the record is unclear about this fact: any value for it becomes a conflict
    marks_conflict: bool = False
    # parsed numbers outside these bounds contribute nothing (e.g. only grades below 5 are weakness)
    value_lt: float | None = None
    value_ge: float | None = None
    # set facts: a counting mention DENIES the member in 'value' ("afebrile" denies fever)
    denies: bool = False
    # the contribution counts only when this holds for the facts read from the same note
    only_if: "Condition | None" = None
    # date facts: the coarsest date that counts ("in 2019" is a year, "in May" a month), and the day
    # taken when it is not known to the day: the earliest, or the latest where a later date is the
    # cautious reading (a study that an exclusion counts "within 3 months" from)
    precision: Literal["day", "month", "year"] = "day"
    day: Literal["earliest", "latest"] = "earliest"
    # duration facts: only the part of a course within the current episode counts (a course dated
    # before the latest symptom onset or change the note gives is dropped, a longer one is cut to
    # the episode's length; see ``notes.episode``)
    within_episode: bool = False
    # duration facts: only the part of a course within this span before the request counts ("6 months")
    window: str | None = None


class Concept(Strict):
    """Words for one clinical notion and the facts it feeds."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    patterns: list[str] = Field(min_length=1)
    sets: list[Output] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    # a mention is dropped when one of these matches right before / right after it (same sentence)
    not_after: list[str] = Field(default_factory=list)
    not_before: list[str] = Field(default_factory=list)
    # the same as not_after, only when the requested study is of one of these regions: an arm
    # muscle's grade says nothing about a lumbar study ({lumbar: ['deltoid ']})
    not_after_for_region: dict[Literal["cervical", "thoracic", "lumbar", "pelvis"], list[str]] = Field(default_factory=dict)
    # the concept counts only for studies of these regions (and when no region is given): an arm's
    # weakness is a finding for a cervical study, never for a lumbar one
    regions: list[Literal["cervical", "thoracic", "lumbar", "pelvis"]] | None = None
    # a mention is dropped unless one of these matches somewhere in its sentence
    requires: list[str] = Field(default_factory=list)
    # a mention is dropped when one of these matches somewhere in its sentence
    excludes: list[str] = Field(default_factory=list)
    # the whole note must (not) match one of these for the concept to count
    note_requires: list[str] = Field(default_factory=list)
    note_excludes: list[str] = Field(default_factory=list)
    # only mentions in (not in) these sections count; None = outside any section
    sections: list[str] | None = None
    not_sections: list[str] = Field(default_factory=list)
    # the mention's sentence must be about the requested region (or the spine in general):
    # "no prior CT of the neck" says nothing about a lumbar request; "spine": only a sentence that
    # names another spinal region and not the requested one is left out ("PT for her neck" for a
    # lumbar study; a knee or hip in the sentence does not matter)
    region_scoped: bool | Literal["spine"] = False
    # context triggers that apply to this concept only (e.g. "minimal" negates "relief")
    modifiers: list[TriggerGroup] = Field(default_factory=list)
    context: bool = True  # false: assertion triggers do not apply (the status is always present)
    # the mention is a study (an MRI, CT, scan): a result after it ("- negative", "was normal",
    # ": unremarkable") says what it showed and never denies that it was done
    study: bool = False
    case_sensitive: bool = False
    description: str | None = None

    @model_validator(mode="after")
    def _outputs(self) -> "Concept":
        if not self.sets and not self.tags:
            raise ValueError(f"concept '{self.id}' feeds no fact: give 'sets' (or 'tags' for helper concepts)")
        return self


class ConceptsFile(Strict):
    concepts: list[Concept]


class Condition(Strict):
    """A test on a fact already read from the note (derived rules)."""

    fact: str | None = None
    eq: Any = None
    le: float | None = None
    ge: float | None = None
    has_any: list[str] | None = None
    within_days: int | None = None  # date facts: on or before the request date, at most this many days before
    after: str | None = None  # date facts: later than the date of this other fact read from the note
    all: list["Condition"] | None = None

    @model_validator(mode="after")
    def _shape(self) -> "Condition":
        if (self.all is None) == (self.fact is None):
            raise ValueError("a condition names a 'fact' (with eq, le, ge or has_any) or lists 'all' conditions")
        if self.fact is not None and sum(x is not None for x in (self.eq, self.le, self.ge, self.has_any, self.within_days,
                                                                 self.after)) != 1:
            raise ValueError(f"condition on '{self.fact}' needs exactly one of eq, le, ge, has_any, within_days, after")
        return self


class Derive(Strict):
    """Set ``fact`` to ``value`` when any condition holds on the facts read from the note.

    When the note states a different value for ``fact`` the two become a conflict."""

    fact: str
    value: Any
    when_any: list[Condition] = Field(min_length=1)
    description: str | None = None


class DeriveFile(Strict):
    derive: list[Derive]


Output.model_rebuild()
Concept.model_rebuild()
ConceptsFile.model_rebuild()
