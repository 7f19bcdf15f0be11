"""/v1/determinations: submit (stored, idempotent), read, list, replay."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from ...errors import InputError, NotFound, SpinecheckError
from ...models import Outcome, Request as ReviewRequest
from ...policy import load_policy
from ...review import parse_request, review
from ...store import Store, get_determination, list_determinations, submit
from ...store.canonical import ordered_json
from ...store.determinations import StoredDetermination, record_access, result_text
from ..deps import ReaderKey, ReviewerKey, StoreDep, SubmitterKey
from ..problems import ApiError, responses
from ..render import dumps, stored_json, submission_json, summary_dict
from ..schemas import (
    DeterminationPageOut, ReplayOut, StoredDeterminationDetailOut, SubmissionOut,
)

router = APIRouter(prefix="/v1/determinations", tags=["determinations"])

ID = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,64}$", description="A determination id (det_…)")]
JSON_MEDIA = "application/json"

REQUEST_BODY = {
    "requestBody": {
        "required": True,
        "description": "One prior-authorization request (see `spinecheck schema request`). With policy "
                       "'all', one determination per policy governing the code.",
        "content": {JSON_MEDIA: {"schema": {"$ref": "#/components/schemas/Request"}}},
    }
}


# ---------------------------------------------------------------------------------------------
def parse_body(body: bytes, content_type: str | None, what: str = "one request") -> dict[str, Any]:
    """The JSON object in ``body``; every failure says what to send instead."""
    if content_type:
        media = content_type.split(";", 1)[0].strip().lower()
        if media != JSON_MEDIA and not media.endswith("+json"):
            raise ApiError(415, "unsupported_media_type", "send the request as JSON with "
                           "`Content-Type: application/json`", where="Content-Type")
    if not body.strip():
        raise InputError(f"the body is empty; send {what} as a JSON object", where="request", code="empty_body")
    try:
        data = json.loads(body, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", where="request",
                         code="invalid_json") from None
    except UnicodeDecodeError:
        raise InputError("the body is not UTF-8 text", where="request", code="not_utf8") from None
    except RecursionError:
        raise InputError("the JSON is nested too deeply", where="request", code="invalid_json") from None
    except ValueError as exc:  # NaN / Infinity
        raise InputError(str(exc), where="request", code="invalid_json") from None
    try:
        ordered_json(data).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("the JSON contains an unpaired surrogate escape (\\ud800-\\udfff); send valid Unicode text",
                         where="request", code="invalid_unicode") from None
    except ValueError:
        raise InputError("the JSON is nested too deeply", where="request", code="invalid_json") from None
    if not isinstance(data, dict):
        if what == "one request":
            parse_request(data)  # raises the standard message
        raise InputError(f"send {what} as a JSON object", where="request", code="invalid_type")
    return data


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number; send a finite number")


def evaluate(data: dict[str, Any]) -> list[dict[str, Any]]:
    request = parse_request(data)
    return [r.to_dict() for r in _review(request)]


def _review(request: ReviewRequest) -> list[Any]:
    if any(ord(c) < 32 or ord(c) == 127 for c in request.id):
        raise InputError("must be printable text without control characters", where="id", code="invalid_id")
    try:
        return review(request)
    except NotFound as exc:  # an unknown policy or code named in the body is a body error
        raise InputError(exc.message, where=exc.where, code=exc.code) from None


# ---------------------------------------------------------------------------------------------
@router.post(
    "", status_code=201, summary="Evaluate a request and store the determination(s)",
    openapi_extra=REQUEST_BODY,
    responses={201: {"model": SubmissionOut, "description": "Evaluated and stored"},
               200: {"model": SubmissionOut, "description": "An Idempotency-Key retry: the stored result"},
               **responses(401, 403, 409, 413, 415, 422, 503)},
)
async def create_determination(
    request: Request, key: SubmitterKey,
    idempotency_key: Annotated[str | None, Header(
        alias="Idempotency-Key", pattern=r"^[\x21-\x7e]{1,255}$",
        description="Makes retries safe: the same key (per API key) returns the stored result, never a "
                    "duplicate; reusing it with a different body is a 409")] = None,
) -> Response:
    """Evaluate one request and store it with its audit event. `not_met` refers the request to a
    physician reviewer; it is never a denial."""
    body = await request.body()
    data = parse_body(body, request.headers.get("content-type"))
    store: Store = request.app.state.store  # not a dependency: the hot path skips its resolution
    sub = await run_in_threadpool(submit, store, requester_key_id=key.id, request_data=data, evaluate=evaluate,
                                  idempotency_key=idempotency_key)
    state = request.scope["state"]
    state["submission"] = sub.id
    state["determinations"] = [d.id for d in sub.determinations]
    state["outcomes"] = [d.outcome for d in sub.determinations]
    headers = {"Location": f"/v1/determinations/{sub.determinations[0].id}"}
    if not sub.created:
        headers["Idempotent-Replayed"] = "true"
        state["replayed"] = "true"
    return Response(submission_json(sub.id, not sub.created, sub.determinations).encode("utf-8"),
                    status_code=201 if sub.created else 200, media_type=JSON_MEDIA, headers=headers)


@router.get("/{determination_id}", summary="A stored determination with its request",
            responses={200: {"model": StoredDeterminationDetailOut, "description": "The stored determination"},
                       **responses(401, 403, 404, 422, 503)})
def get_one(determination_id: ID, key: ReaderKey, store: StoreDep, request: Request) -> Response:
    """Submitters see their own determinations, reviewers all. Every view is audited."""
    with store.write() as session:
        found = _visible(get_determination(session, determination_id), key.id, key.role, determination_id)
        record_access(session, "determination.viewed", key.id, found.id)
    request.scope["state"]["determinations"] = [found.id]
    return Response(stored_json(found, with_request=True).encode("utf-8"), media_type=JSON_MEDIA)


def _visible(found: StoredDetermination | None, key_id: str, role: str, det_id: str) -> StoredDetermination:
    if found is None or (role == "submitter" and found.requester_key_id != key_id):
        raise NotFound(f"no determination '{det_id}' visible to this key", where="determination_id",
                       code="unknown_determination")
    return found


@router.get("", summary="List stored determinations, newest first",
            responses={200: {"model": DeterminationPageOut, "description": "A page of summaries"},
                       **responses(401, 403, 422, 503)})
def list_all(
    key: ReaderKey, store: StoreDep, request: Request,
    policy: Annotated[str | None, Query(pattern=r"^[a-z0-9][a-z0-9.-]{0,99}$", description="Policy id")] = None,
    outcome: Annotated[Outcome | None, Query()] = None,
    cpt: Annotated[str | None, Query(pattern=r"^[0-9]{4}[0-9A-Z]$")] = None,
    guideline: Annotated[str | None, Query(pattern=r"^[\x21-\x7e][\x20-\x7e]{0,199}$",
                                           description="Decisive section id, e.g. SP-5.1")] = None,
    created_from: Annotated[str | None, Query(max_length=40, description="Stored at or after: a date (2026-10-01) "
                                              "or date-time (2026-10-01T08:00:00Z)")] = None,
    created_to: Annotated[str | None, Query(max_length=40, description="Stored before this date-time, or on or "
                                            "before this date (a date includes the whole day)")] = None,
    requester: Annotated[str | None, Query(pattern=r"^key_[0-9a-f]{12}$",
                                           description="Reviewers: only this API key's submissions")] = None,
    cursor: Annotated[str | None, Query(max_length=100, description="next_cursor of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Response:
    """Submitters list their own determinations; reviewers all (optionally one requester's)."""
    start = _when(created_from, "created_from", end=False)
    end = _when(created_to, "created_to", end=True)
    before = _decode_cursor(cursor) if cursor else None
    who = key.id if key.role == "submitter" else requester
    with store.read() as session:
        items, next_seq = list_determinations(session, requester=who, policy=policy, outcome=outcome, cpt=cpt,
                                              guideline=guideline, created_from=start, created_to=end,
                                              before_seq=before, limit=limit)
    page = {"items": [summary_dict(d) for d in items], "next_cursor": _encode_cursor(next_seq) if next_seq else None,
            "reviewer_notice": DeterminationPageOut.model_fields["reviewer_notice"].default}
    return Response(dumps(page).encode("utf-8"), media_type=JSON_MEDIA)


def _when(value: str | None, field: str, *, end: bool) -> dt.datetime | None:
    if value is None:
        return None
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            ts = dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
            return ts + dt.timedelta(days=1) if end else ts
        ts = dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
        return ts if ts.tzinfo else ts.replace(tzinfo=dt.timezone.utc)
    except OverflowError:
        return None  # 9999-12-31 as an end: no bound
    except ValueError:
        raise InputError("must be a date (2026-10-01) or a date-time (2026-10-01T08:00:00Z)", where=field,
                         code="invalid_date") from None


def _encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"v1:{seq}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        version, seq = raw.split(":", 1)
        if version != "v1" or not seq.isdigit() or len(seq) > 18:
            raise ValueError
        return int(seq)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InputError("is not a cursor this service issued; pass next_cursor from a previous page, or omit it",
                         where="cursor", code="invalid_cursor") from None


# ---------------------------------------------------------------------------------------------
@router.post("/{determination_id}/replay", summary="Re-evaluate a stored request with the current policy",
             responses={200: {"model": ReplayOut, "description": "The re-evaluation and what changed (nothing is stored "
                                                                 "but the audit event)"},
                        **responses(401, 403, 404, 409, 413, 422, 503)})
def replay(determination_id: ID, key: ReviewerKey, store: StoreDep, request: Request) -> Response:
    """Re-run the stored request. When the stored policy hash equals the current one, this is a
    re-run of the original version and `reproduced` says whether the result is identical; when it
    differs, the original version is not available and `changes` shows what the current version
    decides differently (outcome, guideline, suggested codes, missing documentation)."""
    with store.read() as session:
        found = _visible(get_determination(session, determination_id), key.id, key.role, determination_id)
    stored = found.result()
    try:
        policy = load_policy(found.policy_id)
    except NotFound:
        raise ApiError(409, "policy_unavailable", f"policy {found.policy_id} is no longer bundled with this service; "
                       "the stored determination cannot be re-evaluated", where="policy") from None
    try:
        current = _review(parse_request(found.request()))[0].to_dict()
    except SpinecheckError as exc:
        raise ApiError(409, "replay_failed", f"the stored request cannot be evaluated under the current version of "
                       f"{found.policy_id}: {exc.one_line()}", where="policy") from None
    same_version = policy.content_hash == found.policy_hash
    reproduced = (found.result_json == result_text(current)) if same_version else None
    changes = _changes(stored, current)
    if same_version:
        message = (f"re-evaluated with the original version of {found.policy_id} ({found.policy_version}, unchanged): "
                   + ("the stored determination was reproduced exactly" if reproduced else
                      "the result differs from the stored determination"
                      + ("" if current["engine_version"] == found.engine_version else
                         f" (engine {found.engine_version} then, {current['engine_version']} now)")))
    else:
        message = (f"policy {found.policy_id} changed since this determination (stored version {found.policy_version}, "
                   f"hash {found.policy_hash[:19]}…; current version {policy.meta.version}, hash "
                   f"{policy.content_hash[:19]}…). The original version is not available to re-run; this compares the "
                   "stored determination with a re-evaluation under the current version"
                   + ("; nothing decisive changed" if not changes else ""))
    doc = {
        "determination_id": found.id, "same_policy_version": same_version, "original_policy_available": same_version,
        "reproduced": reproduced, "same_engine_version": current["engine_version"] == found.engine_version,
        "message": message, "original": _side(stored), "current": _side(current), "changes": changes,
    }
    with store.write() as session:
        record_access(session, "determination.replayed", key.id, found.id, {
            "policy_hash_then": found.policy_hash, "policy_hash_now": policy.content_hash,
            "same_policy_version": same_version, "reproduced": reproduced,
            "outcome_then": found.outcome, "outcome_now": current["outcome"], "changed": sorted(changes),
        })
    state = request.scope["state"]
    state["determinations"] = [found.id]
    state["outcomes"] = [found.outcome, current["outcome"]]
    text = dumps(doc)[:-1] + f',"determination":{dumps(current)},"reviewer_notice":{dumps(ReplayOut.model_fields["reviewer_notice"].default)}}}'
    return Response(text.encode("utf-8"), media_type=JSON_MEDIA)


def _side(result: dict[str, Any]) -> dict[str, Any]:
    return {"policy": result["policy"], "engine_version": result["engine_version"], "outcome": result["outcome"],
            "guideline": result.get("guideline"), "suggested_cpt": list(result.get("suggested_cpt") or []),
            "missing": [m["fact"] for m in result.get("missing") or []]}


def _changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for field in ("outcome", "guideline"):
        if before.get(field) != after.get(field):
            changes[field] = {"before": before.get(field), "after": after.get(field)}
    for field, values in (("suggested_cpt", lambda r: list(r.get("suggested_cpt") or [])),
                          ("missing", lambda r: [m["fact"] for m in r.get("missing") or []])):
        b, a = values(before), values(after)
        added, removed = [x for x in a if x not in b], [x for x in b if x not in a]
        if added or removed:
            changes[field] = {"added": added, "removed": removed}
    return changes
