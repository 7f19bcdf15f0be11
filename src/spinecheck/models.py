"""Request and determination formats: the JSON that crosses every edge (CLI, HTTP, files).

The engine produces plain data; these pydantic models validate what comes in and publish the
JSON Schemas (``spinecheck schema``) of what goes out."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Outcome = Literal["approve", "not_met", "pend", "out_of_scope"]
Status = Literal["met", "not_met", "unknown"]

REVIEWER_NOTICE = (
    "Decision support only. spinecheck never denies a request: 'not_met' means the request is "
    "referred to a physician reviewer, who makes any adverse determination."
)

MAX_NOTE_CHARS = 100_000


class Patient(BaseModel):
    model_config = ConfigDict(extra="forbid")
    birth_date: dt.date = Field(description="ISO date, e.g. 1961-04-30")
    sex: Literal["female", "male", "other", "unknown"] = "unknown"


class Request(BaseModel):
    """One prior-authorization request."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=128, description="Caller's id; echoed as request_id")
    policy: str = Field(min_length=1, description="A policy id, or 'all' for every policy governing the code")
    cpt: str = Field(pattern=r"^[0-9]{4}[0-9A-Z]$", description="Requested CPT/HCPCS code")
    date: dt.date = Field(description="Request date (ISO); durations and ages are measured to it")
    patient: Patient
    note: str | None = Field(default=None, max_length=MAX_NOTE_CHARS, description="Clinical note text")
    facts: dict[str, Any] = Field(default_factory=dict, description="Structured answers keyed by fact name; override the note")
    icd10: list[Annotated[str, Field(pattern=r"^[A-Za-z][0-9][0-9A-Za-z](\.?[0-9A-Za-z]{1,4})?$")]] = Field(
        default_factory=list, max_length=50, description="ICD-10-CM codes on the request, e.g. M54.50")


class PolicyRef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    version: str
    hash: str


class Missing(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fact: str
    question: str


class Evidence(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: Literal["request.facts", "request", "note", "derived"]  # where a value was read
    field: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    sentence: str | None = None
    assertion: str | None = None
    note: str | None = None  # how a value was read, e.g. the lower bound of a range


class TraceNode(BaseModel):
    """One criterion's result. ``kind: ref`` stands for a reused definition, whose full trace is
    listed once among the criteria with role ``definition``."""

    model_config = ConfigDict(extra="forbid")
    id: str
    text: str
    cite: str
    kind: Literal["all", "any", "not", "at_least", "fact", "ref"]
    status: Status
    at_least: int | None = None
    fact: str | None = None
    test: str | None = None
    value: Any = None
    ruled_out_by: str | None = None
    evidence: list[Evidence] | None = None
    children: list["TraceNode"] | None = None


class TraceEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Literal["pathway", "exclusion", "redirect", "definition"]
    id: str
    title: str
    cite: str
    cpt: list[str] | Literal["all"]
    status: Status
    decisive: bool
    goes_to: str | None = None
    node: TraceNode | None = None


class FactUsed(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    value: Any
    source: str
    evidence: list[Evidence] = Field(default_factory=list)


class InfoNoteOut(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    cite: str
    text: str


class Determination(BaseModel):
    """The answer for one request under one policy."""

    model_config = ConfigDict(extra="forbid")
    request_id: str
    policy: PolicyRef
    cpt: str
    outcome: Outcome
    guideline: str | None = Field(description="Decisive section id, or where an out_of_scope request goes")
    summary: str
    suggested_cpt: list[str]
    missing: list[Missing]
    criteria: list[TraceEntry]
    notes: list[InfoNoteOut] = Field(default_factory=list)
    facts: list[FactUsed] = Field(default_factory=list)
    conflicts: list[dict[str, Any]] = Field(default_factory=list)
    reviewer_notice: str = REVIEWER_NOTICE
    engine_version: str


class ErrorRecord(BaseModel):
    """What a bad input line produces in NDJSON mode."""

    model_config = ConfigDict(extra="forbid")
    error: str
    code: str
    where: str | None = None
    line: int | None = None
    request_id: str | None = None
