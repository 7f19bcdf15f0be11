"""Group commit (``Store.run_write``, SQLite and PostgreSQL): writers that queue behind a running
batch share one transaction and one commit, each in its own savepoint; a failing writer is
undone alone, a failed commit fails the whole batch, and the audit chain stays one unbroken
chain. SQLite's cross-process writer lock waits in the kernel and still times out."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from spinecheck.review import review_data
from spinecheck.store import IdempotencyConflict, Store, StoreConfig, StoreUnavailable, create_api_key, verify_chain
from spinecheck.store.determinations import submit
from spinecheck.store.tables import ApiKeyRow, DeterminationRow, SubmissionRow

from .conftest import APPROVE


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store(StoreConfig(url=db_url))
    s.upgrade()
    yield s
    s.dispose()


def _gate_first_writer(store: Store) -> tuple[threading.Event, threading.Thread, list[Any]]:
    """Start a writer that holds its batch open until the returned event is set, so that the
    writers started next all queue into ONE following batch."""
    release, out = threading.Event(), []

    def hold(session: Session) -> str:
        release.wait(10)
        return "first"

    t = threading.Thread(target=lambda: out.append(store.run_write(hold)))
    t.start()
    while not store._group._running:  # type: ignore[union-attr]
        time.sleep(0.001)
    return release, t, out


def _run_all(store: Store, fns: list[Callable[[Session], Any]]) -> tuple[list[threading.Thread], list[Any]]:
    results: list[Any] = [None] * len(fns)

    def run(i: int) -> None:
        try:
            results[i] = store.run_write(fns[i])
        except BaseException as exc:  # noqa: BLE001 - compared below
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(fns))]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 5
    while len(store._group._queue) < len(fns) and time.monotonic() < deadline:  # type: ignore[union-attr]
        time.sleep(0.001)
    return threads, results


def test_queued_writers_share_one_batch_and_a_failing_one_is_undone_alone(store: Store) -> None:
    with store.write() as s:
        key, _ = create_api_key(s, name="group", role="submitter", actor="test")
    results = review_data(APPROVE)
    evaluate = lambda data: results  # noqa: E731 - the engine is not under test here
    release, first, first_out = _gate_first_writer(store)

    def good(i: int) -> Callable[[Session], Any]:
        from spinecheck.store.determinations import _insert, request_digest
        return lambda s: _insert(s, key.id, key.id, APPROVE, request_digest(APPROVE), results, f"k{i}")

    def broken(session: Session) -> None:
        good(99)(session)  # writes rows and audit events, then fails: all of it must go
        raise ValueError("boom")

    fns = [good(0), good(1), broken, good(2), good(1)]  # the last reuses k1: a unique-key violation
    threads, outcomes = _run_all(store, fns)
    assert len(store._group._queue) == len(fns)  # type: ignore[union-attr]
    release.set()
    first.join()
    for t in threads:
        t.join()
    assert first_out == ["first"]
    assert [type(o).__name__ for o in outcomes] == ["Submission", "Submission", "ValueError", "Submission",
                                                    "IntegrityError"]
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(SubmissionRow)) == 3
        assert s.scalar(select(func.count()).select_from(DeterminationRow)) == 3
        assert sorted(s.scalars(select(SubmissionRow.idempotency_key))) == ["k0", "k1", "k2"]
        report = verify_chain(s)
    assert report.ok and report.head_n == 1 + 3 and report.determinations == 3  # key created + 3 determinations

    # The unique-key violation takes submit()'s retry path: same body -> the stored result.
    again = submit(store, requester_key_id=key.id, request_data=APPROVE, evaluate=evaluate, idempotency_key="k1")
    assert not again.created and again.id == outcomes[1].id
    with pytest.raises(IdempotencyConflict):
        submit(store, requester_key_id=key.id, request_data={**APPROVE, "id": "other"}, evaluate=evaluate,
               idempotency_key="k1")


def test_a_failed_commit_fails_every_writer_of_the_batch_and_stores_nothing(store: Store,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    release, first, _ = _gate_first_writer(store)

    def make_key(name: str) -> Callable[[Session], str]:
        return lambda s: create_api_key(s, name=name, role="reviewer", actor="test")[0].id

    threads, outcomes = _run_all(store, [make_key("a"), make_key("b"), make_key("c")])
    dialect = store.engine.dialect
    real_commit = dialect.do_commit

    def failing_commit(dbapi_connection: Any) -> None:
        if threading.current_thread() is not first:  # the gated batch commits normally
            raise dialect.loaded_dbapi.OperationalError("disk I/O error")
        real_commit(dbapi_connection)

    monkeypatch.setattr(dialect, "do_commit", failing_commit)
    release.set()
    first.join()
    for t in threads:
        t.join()
    assert all(isinstance(o, StoreUnavailable) for o in outcomes), outcomes
    assert len({id(o) for o in outcomes}) == 3  # each caller raises its own exception object
    monkeypatch.setattr(dialect, "do_commit", real_commit)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(ApiKeyRow)) == 0
        assert verify_chain(s).head_n == 0
    assert store.run_write(make_key("d")).startswith("key_")  # the next writer leads normally


def test_group_commit_can_be_turned_off(tmp_path: Path) -> None:
    s = Store(StoreConfig(url=f"sqlite:///{tmp_path / 'off.db'}", group_commit_max=1))
    assert s._group is None and s.run_write(lambda session: 42) == 42


def test_writer_queue_waits_in_the_kernel_times_out_and_hands_back_an_abandoned_lock(tmp_path: Path) -> None:
    import fcntl
    import os

    from spinecheck.store.db import _WriterQueue

    path = str(tmp_path / "x.writer-lock")
    other = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)  # another process's open file, in effect
    fcntl.flock(other, fcntl.LOCK_EX)
    queue = _WriterQueue(path)
    started = time.monotonic()
    assert queue.acquire(time.monotonic() + 0.2) is False  # held elsewhere: gives up at the deadline
    assert 0.15 < time.monotonic() - started < 2

    fcntl.flock(other, fcntl.LOCK_UN)  # the abandoned waiter takes the lock and hands it straight back
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        try:
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            time.sleep(0.01)
    else:
        pytest.fail("the abandoned waiter kept the lock")

    # A waiter blocked in the kernel gets the lock as soon as it is released.
    got: list[bool | None] = []
    t = threading.Thread(target=lambda: got.append(queue.acquire(time.monotonic() + 5)))
    t.start()
    time.sleep(0.05)
    assert not got
    fcntl.flock(other, fcntl.LOCK_UN)
    t.join(2)
    assert got == [True]
    queue.release()
    os.close(other)


class _Cursor:
    """Answers PRAGMA journal_mode; its first ``fail`` switches raise ``error``."""

    def __init__(self, fail: int, error: str):
        self.fail, self.error, self.switched = fail, error, False

    def execute(self, sql: str) -> "_Cursor":
        if sql == "PRAGMA journal_mode = WAL":
            if self.fail:
                self.fail -= 1
                raise sqlite3.OperationalError(self.error)
            self.switched = True
        return self

    def fetchone(self) -> tuple[str]:
        return ("wal" if self.switched else "delete",)


def test_switching_a_new_file_to_wal_retries_while_it_is_locked() -> None:
    from spinecheck.store.db import _set_wal

    cur = _Cursor(fail=3, error="database is locked")
    _set_wal(cur, time.monotonic() + 5)
    assert cur.switched
    with pytest.raises(sqlite3.OperationalError, match="locked"):  # gives up at the deadline
        _set_wal(_Cursor(fail=10_000, error="database is locked"), time.monotonic() + 0.05)
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):  # other errors at once
        _set_wal(_Cursor(fail=1, error="disk I/O error"), time.monotonic() + 5)
