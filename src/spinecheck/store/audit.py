"""The append-only, hash-chained audit log.

Every event is hashed together with the previous event's hash:
``hash = sha256(canonical_json({n, at, kind, actor, subject, data, prev}))``. Appending locks the
single chain-head row (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite write transactions are
``BEGIN IMMEDIATE``), so concurrent writers extend one chain, never fork it. Events carry ids,
digests and outcomes only: no note text, no patient data.

``verify_chain`` recomputes every hash, checks numbering and links, the chain head, and that every
stored determination still matches the digests its creation event recorded."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from .canonical import canonical_json, iso_utc, sha256_hex, utcnow
from .tables import GENESIS_HASH, AuditEventRow, ChainHeadRow, DeterminationRow

KINDS = ("determination.created", "determination.viewed", "determination.replayed",
         "apikey.created", "apikey.revoked")


@dataclass(frozen=True)
class Event:
    kind: str
    actor: str  # an API key id, or "cli:<user>"
    subject: str  # the determination or key the event is about
    data: dict[str, Any] = field(default_factory=dict)


def event_hash(n: int, at: str, kind: str, actor: str, subject: str, data: str, prev: str) -> str:
    """``data`` is the stored canonical JSON text, hashed as text."""
    return sha256_hex(canonical_json({"n": n, "at": at, "kind": kind, "actor": actor,
                                      "subject": subject, "data": data, "prev": prev}))


_EVENTS = AuditEventRow.__table__
_HEAD = ChainHeadRow.__table__
_LOCK_HEAD = select(_HEAD.c.n, _HEAD.c.hash).where(_HEAD.c.id == 1).with_for_update()
_INSERT_EVENT = insert(_EVENTS)
_MOVE_HEAD = update(_HEAD).where(_HEAD.c.id == 1).values(n=bindparam("new_n"), hash=bindparam("new_hash"))


def lock_chain(session: Session) -> tuple[int, str]:
    """Take the chain head's row lock now (PostgreSQL; SQLite write transactions hold the whole
    database already) and return the head (n, hash), to hand to ``append_events``. A writer that
    inserts an Idempotency-Key and then appends events must lock first when several of its
    submissions share one transaction (group commit): otherwise it could hold a key another
    writer waits for while it waits for that writer's chain lock."""
    head = session.connection().execute(_LOCK_HEAD).one_or_none()
    if head is None:
        raise RuntimeError("audit chain head row is missing; the database was not created by `spinecheck db upgrade`")
    return head.n, head.hash


def append_events(session: Session, events: Sequence[Event], at: dt.datetime | None = None,
                  head: tuple[int, str] | None = None) -> list[dict[str, Any]]:
    """Append ``events`` in order, inside the caller's write transaction. Call it last in the
    transaction: it holds the chain lock until commit. ``head`` is what ``lock_chain`` returned
    earlier in this transaction (the lock is held, so it is still the head); without it the
    chain is locked and read here. Returns the stored event rows."""
    if not events:
        return []
    stamp = iso_utc(at or utcnow())
    conn = session.connection()  # Core statements: the ORM adds nothing here
    n, prev = head if head is not None else lock_chain(session)
    rows = []
    for ev in events:
        if ev.kind not in KINDS:
            raise ValueError(f"unknown audit event kind {ev.kind!r}")
        n += 1
        data = canonical_json(ev.data)
        h = event_hash(n, stamp, ev.kind, ev.actor, ev.subject, data, prev)
        rows.append({"n": n, "at": stamp, "kind": ev.kind, "actor": ev.actor, "subject": ev.subject,
                     "data": data, "prev_hash": prev, "hash": h})
        prev = h
    conn.execute(_INSERT_EVENT, rows)
    conn.execute(_MOVE_HEAD, {"new_n": n, "new_hash": prev})
    return rows


def append_event(session: Session, event: Event, at: dt.datetime | None = None) -> dict[str, Any]:
    return append_events(session, [event], at)[0]


# ---------------------------------------------------------------------------------------------
@dataclass
class VerifyReport:
    ok: bool
    events: int  # events checked, in order, before the first problem
    head_n: int | None
    head_hash: str | None
    determinations: int = 0  # stored determinations compared with their creation events
    problem: str | None = None  # the first problem found, in words
    event: int | None = None  # number of the first altered or missing event, when that is the problem
    subject: str | None = None  # a determination id, when a stored row is the problem

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "events": self.events, "head_n": self.head_n, "head_hash": self.head_hash,
                "determinations": self.determinations, "problem": self.problem, "event": self.event,
                "subject": self.subject}


def verify_chain(session: Session, *, check_determinations: bool = True,
                 anchors: Sequence[tuple[int, str]] = ()) -> VerifyReport:
    """Walk the chain from event 1; stop at the first problem. ``anchors`` are (n, hash) pairs
    recorded elsewhere earlier (e.g. from `spinecheck audit head`); each must still hold.
    Run it in ``Store.read(snapshot=True)`` on a live database, so that the events and the rows
    come from one committed state."""
    head = session.get(ChainHeadRow, 1)
    report = VerifyReport(ok=False, events=0, head_n=head.n if head else None, head_hash=head.hash if head else None)
    if head is None:
        report.problem = "the chain head row is missing"
        return report
    expected, prev = 1, GENESIS_HASH
    anchor_map = dict(anchors)
    created: dict[str, tuple[int, dict[str, Any]]] = {}
    stmt = select(AuditEventRow).order_by(AuditEventRow.n).execution_options(yield_per=2000)
    for ev in session.scalars(stmt):
        if ev.n != expected:
            missing = f"#{expected}" if ev.n == expected + 1 else f"#{expected} to #{ev.n - 1}"
            return _fail(report, expected, f"event {missing} is missing (the next stored event is #{ev.n})")
        if ev.prev_hash != prev:
            return _fail(report, ev.n - 1, f"event #{ev.n - 1} was altered or replaced: event #{ev.n} links to a "
                                           f"different hash ({ev.prev_hash[:12]}…, the stored one is {prev[:12]}…)")
        if event_hash(ev.n, ev.at, ev.kind, ev.actor, ev.subject, ev.data, ev.prev_hash) != ev.hash:
            return _fail(report, ev.n, f"event #{ev.n} ({ev.kind}, {ev.subject}) was altered: its content no longer "
                                       "matches its hash")
        if ev.n in anchor_map and anchor_map[ev.n] != ev.hash:
            return _fail(report, ev.n, f"event #{ev.n} no longer has the anchored hash {anchor_map[ev.n][:12]}…: "
                                       "the chain was rewritten from here or earlier")
        if ev.kind == "determination.created":
            try:
                created[ev.subject] = (ev.n, json.loads(ev.data))
            except ValueError:  # pragma: no cover - the hash check catches edited data first
                return _fail(report, ev.n, f"event #{ev.n} carries unreadable data")
        prev = ev.hash
        report.events = expected
        expected += 1
    last = expected - 1
    if head.n > last:
        return _fail(report, last + 1, f"events #{last + 1} to #{head.n} are missing (the chain head names #{head.n}, "
                                       f"the last stored event is #{last})")
    if head.n < last or head.hash != prev:
        return _fail(report, last, f"the chain head (#{head.n}) does not match the last event (#{last}): the head or "
                                   "the last event was altered")
    for n in anchor_map:
        if n > last:
            return _fail(report, n, f"anchored event #{n} is missing (the chain ends at #{last})")
    if check_determinations:
        problem = _check_rows(session, created, report)
        if problem:
            return problem
    report.ok = True
    return report


def _check_rows(session: Session, created: dict[str, tuple[int, dict[str, Any]]], report: VerifyReport) -> VerifyReport | None:
    cols = (DeterminationRow.id, DeterminationRow.request_json, DeterminationRow.result_json, DeterminationRow.outcome,
            DeterminationRow.policy_id, DeterminationRow.policy_hash, DeterminationRow.cpt, DeterminationRow.guideline,
            DeterminationRow.submission_id)
    seen = set()
    for row in session.execute(select(*cols).order_by(DeterminationRow.seq).execution_options(yield_per=100)):
        report.determinations += 1
        entry = created.get(row.id)
        if entry is None:
            report.subject = row.id
            return _fail(report, None, f"determination {row.id} has no creation event in the audit log: it was "
                                       "written outside the service or its event was removed")
        n, data = entry
        seen.add(row.id)
        stored = {"request_digest": sha256_hex(row.request_json), "result_digest": sha256_hex(row.result_json),
                  "outcome": row.outcome, "policy": row.policy_id, "policy_hash": row.policy_hash, "cpt": row.cpt,
                  "guideline": row.guideline, "submission": row.submission_id}
        changed = sorted(k for k, v in stored.items() if data.get(k) != v)
        if changed:
            report.subject = row.id
            return _fail(report, n, f"determination {row.id} was altered after event #{n} recorded it "
                                    f"(differs in: {', '.join(changed)})")
    for det_id, (n, _) in created.items():
        if det_id not in seen:
            report.subject = det_id
            return _fail(report, n, f"determination {det_id}, recorded by event #{n}, is missing from the database")
    return None


def _fail(report: VerifyReport, n: int | None, message: str) -> VerifyReport:
    report.ok = False
    report.event = n
    report.problem = message
    return report
