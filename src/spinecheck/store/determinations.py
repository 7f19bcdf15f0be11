"""Stored determinations: write one submission (with its audit events) atomically, honour
Idempotency-Keys under concurrency, read and list history. Rows are never updated or deleted."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exc as sa_exc, insert, select
from sqlalchemy.orm import Session

from ..errors import SpinecheckError
from .audit import Event, append_events, lock_chain
from .canonical import canonical_json, new_id, ordered_json, sha256_hex, utcnow
from .db import Store
from .tables import DeterminationRow, SubmissionRow


class IdempotencyConflict(SpinecheckError):
    def __init__(self) -> None:
        super().__init__("idempotency_conflict", "this Idempotency-Key was already used with a different request body; "
                         "use a new key for a new request", where="Idempotency-Key", status=409)


@dataclass(frozen=True)
class StoredDetermination:
    id: str
    submission_id: str
    position: int
    request_id: str
    policy_id: str
    policy_version: str
    policy_hash: str
    engine_version: str
    outcome: str
    cpt: str
    guideline: str | None
    requester_key_id: str | None
    created_at: dt.datetime
    request_json: str | None = None  # None in listings
    result_json: str | None = None

    def request(self) -> dict[str, Any]:
        return json.loads(self.request_json or "null")

    def result(self) -> dict[str, Any]:
        return json.loads(self.result_json or "null")

    @classmethod
    def of(cls, row: Any, full: bool = True) -> "StoredDetermination":
        return cls(row.id, row.submission_id, row.position, row.request_id, row.policy_id, row.policy_version,
                   row.policy_hash, row.engine_version, row.outcome, row.cpt, row.guideline, row.requester_key_id,
                   row.created_at, row.request_json if full else None, row.result_json if full else None)


@dataclass(frozen=True)
class Submission:
    id: str
    requester_key_id: str | None
    idempotency_key: str | None
    created_at: dt.datetime
    determinations: tuple[StoredDetermination, ...]
    created: bool  # False when an idempotent retry returned the stored submission


def result_text(result: dict[str, Any]) -> str:
    """How a determination is stored (and hashed, as stored): compact JSON in the engine's order."""
    return ordered_json(result)


def request_digest(request_data: Any) -> str:
    """Idempotency compares bodies by this: key order does not make a different request."""
    return sha256_hex(canonical_json(request_data))


# ---------------------------------------------------------------------------------------------
def submit(store: Store, *, requester_key_id: str | None, request_data: dict[str, Any],
           evaluate: Callable[[dict[str, Any]], list[dict[str, Any]]], idempotency_key: str | None = None,
           actor: str | None = None) -> Submission:
    """Evaluate and store a request exactly once per (requester, Idempotency-Key).

    A retry with the same key and body returns the stored submission, even while the first
    attempt is still committing; the same key with another body raises IdempotencyConflict.
    The unique (requester, key) constraint decides, so there is no check-then-insert race.
    Evaluation runs outside any transaction; the rows and their audit events commit together."""
    digest = request_digest(request_data)
    results = evaluate(request_data)  # outside any transaction: never hold the write lock for it
    try:
        return store.run_write(lambda session: _insert(
            session, requester_key_id, actor or requester_key_id or "unknown", request_data, digest, results,
            idempotency_key))
    except sa_exc.IntegrityError:
        if idempotency_key is None:
            raise
        # The key is taken: by an earlier attempt, or by a concurrent one that committed first
        # (PostgreSQL makes the second insert wait for the first transaction). Return its rows.
        with store.read() as session:
            found = _find(session, requester_key_id, idempotency_key)
        if found is None:
            raise
        return _same_body(found, digest)


def persist_determinations(store: Store, request_data: dict[str, Any], results: Sequence[dict[str, Any]], *,
                           actor: str, requester_key_id: str | None = None) -> Submission:
    """Store determinations computed elsewhere (batch jobs, the CLI) with their audit events."""
    digest = request_digest(request_data)
    with store.write() as session:
        return _insert(session, requester_key_id, actor, request_data, digest, list(results), None)


_SUBMISSIONS = SubmissionRow.__table__
_DETERMINATIONS = DeterminationRow.__table__
_INSERT_SUBMISSION = insert(_SUBMISSIONS)
_INSERT_DETERMINATION = insert(_DETERMINATIONS)


def _insert(session: Session, requester: str | None, actor: str, request_data: dict[str, Any], digest: str,
            results: list[dict[str, Any]], idempotency_key: str | None) -> Submission:
    now = utcnow()
    sub_id = new_id("sub")
    conn = session.connection()  # Core statements: the ORM adds nothing to plain inserts
    head = lock_chain(session)  # before the key: a group commit never holds a key while waiting for the chain
    conn.execute(_INSERT_SUBMISSION, {"id": sub_id, "requester_key_id": requester,
                                           "idempotency_key": idempotency_key, "request_digest": digest,
                                           "created_at": now})
    stored, rows, events = [], [], []
    for position, result in enumerate(results):
        policy = result["policy"]
        single = {**request_data, "policy": policy["id"]} if request_data.get("policy") == "all" else request_data
        request_json = ordered_json(single)  # as sent (key order kept), hashed as stored
        result_json = result_text(result)
        d = StoredDetermination(
            id=new_id("det"), submission_id=sub_id, position=position, request_id=result["request_id"],
            policy_id=policy["id"], policy_version=policy["version"], policy_hash=policy["hash"],
            engine_version=result["engine_version"], outcome=result["outcome"], cpt=result["cpt"],
            guideline=result.get("guideline"), requester_key_id=requester, created_at=now,
            request_json=request_json, result_json=result_json,
        )
        stored.append(d)
        row = {f: getattr(d, f) for f in _ROW_FIELDS}
        row.update(request_digest=sha256_hex(request_json), result_digest=sha256_hex(result_json))
        rows.append(row)
        events.append(Event("determination.created", actor, d.id, {
            "submission": sub_id, "policy": d.policy_id, "policy_hash": d.policy_hash,
            "engine_version": d.engine_version, "outcome": d.outcome, "cpt": d.cpt, "guideline": d.guideline,
            "request_digest": row["request_digest"], "result_digest": row["result_digest"],
        }))
    conn.execute(_INSERT_DETERMINATION, rows)
    append_events(session, events, now, head=head)
    return Submission(sub_id, requester, idempotency_key, now, tuple(stored), True)


_ROW_FIELDS = ("id", "submission_id", "position", "request_id", "policy_id", "policy_version", "policy_hash",
               "engine_version", "outcome", "cpt", "guideline", "requester_key_id", "created_at", "request_json",
               "result_json")


def _find(session: Session, requester: str | None, key: str) -> tuple[Any, list[Any]] | None:
    sub = session.execute(select(_SUBMISSIONS.c.id, _SUBMISSIONS.c.requester_key_id, _SUBMISSIONS.c.idempotency_key,
                                 _SUBMISSIONS.c.request_digest, _SUBMISSIONS.c.created_at)
                          .where(_SUBMISSIONS.c.requester_key_id == requester,
                                 _SUBMISSIONS.c.idempotency_key == key)).one_or_none()
    if sub is None:
        return None
    rows = session.execute(select(*(_DETERMINATIONS.c[f] for f in _ROW_FIELDS))
                           .where(_DETERMINATIONS.c.submission_id == sub.id)
                           .order_by(_DETERMINATIONS.c.position)).all()
    return sub, list(rows)


def _same_body(found: tuple[Any, list[Any]], digest: str) -> Submission:
    sub, rows = found
    if sub.request_digest != digest:
        raise IdempotencyConflict()
    return Submission(sub.id, sub.requester_key_id, sub.idempotency_key, sub.created_at,
                      tuple(StoredDetermination.of(r) for r in rows), False)


# ---------------------------------------------------------------------------------------------
def get_determination(session: Session, det_id: str) -> StoredDetermination | None:
    row = session.execute(select(DeterminationRow).where(DeterminationRow.id == det_id)).scalar_one_or_none()
    return StoredDetermination.of(row) if row is not None else None


_SUMMARY = (DeterminationRow.seq, DeterminationRow.id, DeterminationRow.submission_id, DeterminationRow.position,
            DeterminationRow.request_id, DeterminationRow.policy_id, DeterminationRow.policy_version,
            DeterminationRow.policy_hash, DeterminationRow.engine_version, DeterminationRow.outcome,
            DeterminationRow.cpt, DeterminationRow.guideline, DeterminationRow.requester_key_id,
            DeterminationRow.created_at)


def list_determinations(session: Session, *, requester: str | None = None, policy: str | None = None,
                        outcome: str | None = None, cpt: str | None = None, guideline: str | None = None,
                        created_from: dt.datetime | None = None, created_to: dt.datetime | None = None,
                        before_seq: int | None = None, limit: int = 50) -> tuple[list[StoredDetermination], int | None]:
    """Newest first. Returns the page and the ``seq`` to continue before (None on the last page).
    ``created_from`` is inclusive, ``created_to`` exclusive."""
    stmt = select(*_SUMMARY)
    filters = {
        DeterminationRow.requester_key_id: requester, DeterminationRow.policy_id: policy,
        DeterminationRow.outcome: outcome, DeterminationRow.cpt: cpt, DeterminationRow.guideline: guideline,
    }
    for column, value in filters.items():
        if value is not None:
            stmt = stmt.where(column == value)
    if created_from is not None:
        stmt = stmt.where(DeterminationRow.created_at >= created_from)
    if created_to is not None:
        stmt = stmt.where(DeterminationRow.created_at < created_to)
    if before_seq is not None:
        stmt = stmt.where(DeterminationRow.seq < before_seq)
    rows = list(session.execute(stmt.order_by(DeterminationRow.seq.desc()).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return [StoredDetermination.of(r, full=False) for r in rows], (rows[-1].seq if more and rows else None)


def record_access(session: Session, kind: str, actor: str, det_id: str, data: dict[str, Any] | None = None) -> None:
    """Audit a view or replay inside the caller's write transaction."""
    append_events(session, [Event(kind, actor, det_id, data or {})])
