"""Response documents of the HTTP API (published in the OpenAPI document). Hot routes write
their JSON directly (the stored determination text is embedded as stored); these models
describe it, and the fuzz tests check responses against them."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..models import REVIEWER_NOTICE, Determination, Outcome, PolicyRef, Request


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StoredDeterminationOut(Out):
    """A stored determination: who asked, when, under which policy version, and the answer."""

    id: str
    submission_id: str
    created_at: dt.datetime
    requester: str | None = Field(description="API key id of the submitter")
    request_id: str = Field(description="The caller's request id")
    policy: PolicyRef
    engine_version: str
    outcome: Outcome
    cpt: str
    guideline: str | None
    determination: Determination


class StoredDeterminationDetailOut(StoredDeterminationOut):
    request: Request = Field(description="The request as evaluated under this policy")


class SubmissionOut(Out):
    submission_id: str
    idempotent_replay: bool = Field(description="True when an Idempotency-Key retry returned the stored result")
    reviewer_notice: str = REVIEWER_NOTICE
    determinations: list[StoredDeterminationOut]


class DeterminationSummaryOut(Out):
    id: str
    submission_id: str
    created_at: dt.datetime
    requester: str | None
    request_id: str
    policy: PolicyRef
    engine_version: str
    outcome: Outcome
    cpt: str
    guideline: str | None


class DeterminationPageOut(Out):
    items: list[DeterminationSummaryOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next (older) page; null on the last page")
    reviewer_notice: str = REVIEWER_NOTICE


class Change(Out):
    before: Any
    after: Any


class ListChange(Out):
    added: list[str]
    removed: list[str]


class ReplayChanges(Out):
    outcome: Change | None = None
    guideline: Change | None = None
    suggested_cpt: ListChange | None = None
    missing: ListChange | None = Field(None, description="Facts asked for (missing documentation)")


class ReplaySide(Out):
    policy: PolicyRef
    engine_version: str
    outcome: Outcome
    guideline: str | None
    suggested_cpt: list[str]
    missing: list[str]


class ReplayOut(Out):
    determination_id: str
    same_policy_version: bool = Field(description="The stored policy hash equals the current one")
    original_policy_available: bool = Field(description="The policy version the determination used can be re-run "
                                                        "(only when it is still the current version)")
    reproduced: bool | None = Field(description="Same version: whether re-evaluation reproduced the stored "
                                                "determination exactly; null when the original version is not available")
    same_engine_version: bool
    message: str
    original: ReplaySide = Field(description="The stored determination")
    current: ReplaySide = Field(description="Re-evaluation with the current policy version")
    changes: ReplayChanges = Field(description="What differs between stored and current: outcome, guideline, "
                                               "suggested codes, missing documentation")
    determination: Determination = Field(description="The full re-evaluation under the current version (not stored)")
    reviewer_notice: str = REVIEWER_NOTICE


class PolicyItemOut(BaseModel):
    """Policy data as the policy files give it; later policy-format fields pass through."""

    model_config = ConfigDict(extra="allow")


class CodeOut(PolicyItemOut):
    code: str
    label: str
    cite: str


class SectionOut(PolicyItemOut):
    id: str
    title: str
    carries_criteria: bool


class CriterionOut(PolicyItemOut):
    """A criteria-tree node: a combinator (all / any / not / at_least) with children, a ``fact``
    test, or a ``ref`` to a named definition listed under ``definitions``."""

    kind: str = Field(description="all, any, not, at_least, fact or ref")
    id: str | None
    text: str | None
    cite: str | None = Field(description="Section id of the policy this criterion encodes")
    at_least: int | None = None
    fact: str | None = None
    op: str | None = None
    value: Any = None
    value_fact: str | None = None
    ruled_out_by: str | None = None
    ref: str | None = None
    children: list["CriterionOut"] = Field(default_factory=list)


class PathwayOut(PolicyItemOut):
    id: str
    title: str
    cite: str
    cpt: list[str]
    when: CriterionOut


class RedirectOut(PolicyItemOut):
    id: str
    title: str
    cite: str
    goes_to: str
    cpt: list[str] | str
    when: CriterionOut | None


class ExclusionOut(PolicyItemOut):
    id: str
    title: str
    cite: str
    cpt: list[str] | str
    when: CriterionOut | None


class PolicyNoteOut(PolicyItemOut):
    id: str
    cite: str
    text: str
    cpt: list[str] | str
    when: CriterionOut | None


class PolicySummaryOut(Out):
    id: str
    payer: str
    title: str
    version: str
    effective_date: dt.date
    hash: str
    codes: list[str]


class PolicyListOut(Out):
    items: list[PolicySummaryOut]


class PolicyDetailOut(PolicySummaryOut):
    source: str
    summary: str
    code_details: list[CodeOut]
    sections: list[SectionOut]
    definitions: list[CriterionOut]
    pathways: list[PathwayOut]
    redirects: list[RedirectOut]
    exclusions: list[ExclusionOut]
    notes: list[PolicyNoteOut]
    reviewer_notice: str = REVIEWER_NOTICE


class ApiKeyOut(Out):
    id: str
    name: str
    role: Literal["submitter", "reviewer", "admin"]
    created_at: dt.datetime
    revoked_at: dt.datetime | None


class ApiKeyCreatedOut(ApiKeyOut):
    token: str = Field(description="The secret, shown this once; only its sha256 digest is stored")


class ApiKeyListOut(Out):
    items: list[ApiKeyOut]


class ApiKeyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200, description="Who or what uses the key")
    role: Literal["submitter", "reviewer", "admin"]


class HealthOut(Out):
    status: Literal["ok"]
    engine_version: str


class ReadyOut(Out):
    status: Literal["ready"]
    database: Literal["ok"]
    policies: dict[str, str] = Field(description="Loaded policy ids and their content hashes")
