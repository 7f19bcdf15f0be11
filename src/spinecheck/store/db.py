"""Engine, transactions and migrations for SQLite (default) and PostgreSQL.

``Store.read()`` and ``Store.write()`` are the only ways in. A write transaction on SQLite starts
with ``BEGIN IMMEDIATE`` (one writer at a time, so the audit chain and idempotency checks see a
stable database); on PostgreSQL the audit chain head is locked with ``SELECT ... FOR UPDATE``.
Connection failures, lock timeouts and pool exhaustion become ``StoreUnavailable`` (HTTP 503);
the pool pre-pings connections, so the service recovers by itself when the database returns.

``Store.run_write(fn)`` is the hot path for submissions. It group-commits: writers that arrive
while another batch is committing are run by one thread in one transaction, each in its own
SAVEPOINT, and made durable by one commit - one fsync on SQLite, one WAL flush and one hold of
the audit chain head's row lock on PostgreSQL (see ``_GroupCommit``)."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import create_engine, event, exc as sa_exc, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from ..errors import SpinecheckError

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: SQLite's own busy handler alone
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger("spinecheck.store")
T = TypeVar("T")

MIGRATIONS = "spinecheck.store:migrations"  # alembic script_location (package resource)
_PG_MIGRATION_LOCK = 7_415_201  # pg_advisory_xact_lock key serializing concurrent upgrades


class StoreUnavailable(SpinecheckError):
    """The database cannot be reached or is busy; nothing was written."""

    def __init__(self, message: str = "the database is unavailable; nothing was stored. Retry shortly", *,
                 code: str = "database_unavailable"):
        super().__init__(code, message, where="database", status=503)


@dataclass(frozen=True)
class StoreConfig:
    url: str
    timeout_seconds: float = 10.0  # connect, busy/lock wait and pool wait
    statement_timeout_seconds: float = 30.0  # PostgreSQL only
    sqlite_synchronous: str = "FULL"  # FULL: every commit reaches the disk
    group_commit_max: int = 64  # most writers one commit serves (1 turns group commit off)
    pool_size: int = 10
    max_overflow: int = 20
    auto_migrate: bool = True  # create/upgrade the schema on first use


def normalize_url(raw: str) -> URL:
    url = make_url(raw)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def is_unavailable(exc: BaseException) -> bool:
    """True for failures of the database connection rather than of our statements."""
    if isinstance(exc, sa_exc.TimeoutError):  # pool exhausted
        return True
    if isinstance(exc, sa_exc.DBAPIError):
        return bool(exc.connection_invalidated) or isinstance(exc, (sa_exc.OperationalError, sa_exc.InterfaceError))
    return False


_BUSY_STATES = {"55P03", "57014", "40001", "40P01", "SQLITE_BUSY", "SQLITE_LOCKED"}


def unavailable(exc: BaseException) -> "StoreUnavailable":
    """The 503 for a connection-level failure: busy (lock or statement timeouts) or unavailable."""
    log.warning("database unavailable (%s)", describe(exc))
    orig = getattr(exc, "orig", None)
    state = getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorname", None)
    if state in _BUSY_STATES or isinstance(exc, sa_exc.TimeoutError):
        return StoreUnavailable("the database is busy; nothing was stored. Retry shortly", code="database_busy")
    return StoreUnavailable()


def describe(exc: BaseException) -> str:
    """Class names and SQLSTATE only: SQLAlchemy's own message carries SQL and parameters."""
    orig = getattr(exc, "orig", None)
    state = getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorname", None)
    parts = [type(exc).__name__]
    if orig is not None:
        parts.append(type(orig).__name__)
    if state:
        parts.append(str(state))
    return "/".join(parts)


class _WriterQueue:
    """Queues SQLite writers across processes (uvicorn workers, CLI) on an flock, so a waiting
    writer starts as soon as the previous commit ends instead of sleeping in SQLite's busy handler
    (1, 2, 5 ... 100 ms steps). A contended wait BLOCKS in the kernel (in a helper thread, so that
    it can still time out): polling with sleeps let the process that just released the lock take
    it again and again while the other one starved, which tripled the tail latency with two
    workers. Only a performance aid: BEGIN IMMEDIATE still guarantees one writer; when the lock
    file cannot be opened, SQLite alone decides."""

    def __init__(self, path: str):
        self.path = path
        self.fd: int | None = None

    def acquire(self, deadline: float) -> bool | None:
        """True: held; False: timed out; None: not available (nothing to release)."""
        if fcntl is None:
            return None
        if self.fd is None:
            try:
                self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:
                return None
        fd = self.fd
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            pass
        except OSError:
            return None
        return self._wait(fd, deadline)

    @staticmethod
    def _wait(fd: int, deadline: float) -> bool | None:
        held, failed, mutex = threading.Event(), threading.Event(), threading.Lock()
        abandoned = False

        def waiter() -> None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
            except OSError:
                failed.set()
                return
            with mutex:
                if abandoned:  # the caller gave up meanwhile: hand the lock straight back
                    fcntl.flock(fd, fcntl.LOCK_UN)
                    return
                held.set()

        threading.Thread(target=waiter, name="spinecheck-writer-lock", daemon=True).start()
        while not held.wait(min(0.05, max(0.0, deadline - time.monotonic()))):
            if failed.is_set():
                return None
            if time.monotonic() >= deadline:
                with mutex:
                    if held.is_set():
                        return True
                    abandoned = True
                return False
        return True

    def release(self) -> None:
        if self.fd is not None and fcntl is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)


class _Job(Generic[T]):
    """One writer waiting in a group commit."""

    __slots__ = ("fn", "result", "error", "finished", "leads", "wake")

    def __init__(self, fn: Callable[[Session], T]):
        self.fn = fn
        self.result: T | None = None
        self.error: BaseException | None = None
        self.finished = False  # its batch committed or failed
        self.leads = False  # it runs the next batch
        self.wake = threading.Event()


class _GroupCommit:
    """Leader/follower group commit for one process's writers.

    A writer queues its job. If no batch is running it leads: it takes the write lock, runs
    the queued jobs (up to ``max_batch``, its own first) in ONE transaction, each inside a
    SAVEPOINT, and commits once. Writers that arrive meanwhile queue behind it; when the batch is
    done the oldest of them leads the next one. A job whose statements fail (an Idempotency-Key
    already taken, say) is rolled back to its savepoint and gets its own exception; the rest of
    the batch still commits. A connection-level failure or a failed commit fails every job of
    the batch, and nothing of it is stored. No job returns before its batch is durable, so a
    caller never sees a result that a crash could still take away. Each job sees the rows of
    the jobs before it (the audit chain head moves job by job)."""

    def __init__(self, store: "Store", max_batch: int):
        self.store = store
        self.max_batch = max(1, max_batch)
        self._queue: list[_Job[Any]] = []
        self._mutex = threading.Lock()
        self._running = False

    def run(self, fn: Callable[[Session], T]) -> T:
        job: _Job[T] = _Job(fn)
        with self._mutex:
            self._queue.append(job)
            if not self._running:
                self._running = True
                job.leads = True
        while not job.finished:
            if job.leads:
                self._lead()
            else:
                job.wake.wait()
                job.wake.clear()
        if job.error is not None:
            raise job.error
        return job.result  # type: ignore[return-value]

    def _lead(self) -> None:
        with self._mutex:
            batch = self._queue[:self.max_batch]
            del self._queue[:len(batch)]
        try:
            self._run(batch)
        finally:
            with self._mutex:
                for job in batch:
                    job.finished = True
                if self._queue:
                    self._queue[0].leads = True
                    self._queue[0].wake.set()
                else:
                    self._running = False
            for job in batch:
                job.wake.set()

    def _run(self, batch: list[_Job[Any]]) -> None:
        if len(batch) == 1:  # nothing to share: no savepoint
            job = batch[0]
            try:
                with self.store.write() as session:
                    job.result = job.fn(session)
            except BaseException as exc:  # noqa: BLE001 - handed to the job's own thread
                job.error = exc
            return
        try:
            with self.store.write() as session:
                for job in batch:
                    savepoint = session.begin_nested()
                    try:
                        job.result = job.fn(session)
                    except (sa_exc.DBAPIError, sa_exc.TimeoutError) as exc:
                        if is_unavailable(exc):
                            raise  # the connection is gone: the whole batch fails
                        savepoint.rollback()
                        job.error = exc
                    except Exception as exc:  # noqa: BLE001 - this job's own failure
                        savepoint.rollback()
                        job.error = exc
                    else:
                        savepoint.commit()
        except BaseException as exc:  # noqa: BLE001 - nothing of the batch was committed
            for job in batch:
                job.result = None
                job.error = (StoreUnavailable(exc.message, code=exc.code) if isinstance(exc, StoreUnavailable)
                             else exc)


class Store:
    """One database: engines, sessions, schema management."""

    def __init__(self, config: StoreConfig):
        self.config = config
        self.url = normalize_url(config.url)
        self.dialect = self.url.get_backend_name()
        if self.dialect == "sqlite":
            self.engine = self._sqlite_engine()
        elif self.dialect == "postgresql":
            self.engine = self._postgres_engine()
        else:
            raise SpinecheckError("unsupported_database", f"database '{self.dialect}' is not supported; use sqlite:/// or postgresql+psycopg://",
                                  where="SPINECHECK_DATABASE_URL", status=500)
        # Same pool; on SQLite its transactions begin IMMEDIATE (see _sqlite_engine).
        self.write_engine = self.engine.execution_options(spinecheck_write=True)
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self.write_engine, expire_on_commit=False)
        self._snapshot_sessions = sessionmaker(self.engine.execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True), expire_on_commit=False) \
            if self.dialect == "postgresql" else None
        # In-process writers queue on a lock instead of SQLite's sleeping busy handler.
        self._write_lock = threading.Lock() if self.dialect == "sqlite" else None
        self._writers = _WriterQueue(f"{self.url.database}.writer-lock") if self.dialect == "sqlite" else None
        self._group = _GroupCommit(self, config.group_commit_max) \
            if config.group_commit_max > 1 else None
        self._schema_lock = threading.Lock()
        self._schema_ready = False

    # -- engines --------------------------------------------------------------------------------
    def _sqlite_engine(self) -> Engine:
        database = self.url.database
        if not database or database == ":memory:" or "mode=memory" in str(self.url):
            raise SpinecheckError("unsupported_database", "an in-memory SQLite database cannot be shared by the service's "
                                  "connections; give a file path, e.g. sqlite:///spinecheck.db", where="SPINECHECK_DATABASE_URL", status=500)
        timeout = self.config.timeout_seconds
        engine = create_engine(
            self.url, pool_pre_ping=True, pool_size=self.config.pool_size, max_overflow=self.config.max_overflow,
            pool_timeout=timeout, connect_args={"timeout": timeout, "check_same_thread": False},
        )
        synchronous = self.config.sqlite_synchronous.upper()
        if synchronous not in ("FULL", "NORMAL", "EXTRA"):
            raise SpinecheckError("bad_setting", "SQLite synchronous must be FULL, NORMAL or EXTRA", where="SPINECHECK_SQLITE_SYNCHRONOUS", status=500)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # the driver stays out; we issue BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            _set_wal(cur, time.monotonic() + timeout)
            cur.execute(f"PRAGMA synchronous = {synchronous}")
            cur.execute("PRAGMA foreign_keys = ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("spinecheck_write") else "BEGIN")

        return engine

    def _postgres_engine(self) -> Engine:
        url = self.url
        options = url.query.get("options", "")
        if isinstance(options, tuple):
            options = " ".join(options)
        options = " ".join(filter(None, [
            options,
            f"-c statement_timeout={int(self.config.statement_timeout_seconds * 1000)}",
            f"-c lock_timeout={int(self.config.timeout_seconds * 1000)}",
            f"-c idle_in_transaction_session_timeout={int(self.config.statement_timeout_seconds * 2000)}",
        ]))
        url = url.difference_update_query(["options"])
        return create_engine(
            url, pool_pre_ping=True, pool_size=self.config.pool_size, max_overflow=self.config.max_overflow,
            pool_timeout=self.config.timeout_seconds,
            connect_args={"connect_timeout": max(1, int(self.config.timeout_seconds)), "options": options},
        )

    # -- transactions -------------------------------------------------------------------------
    @contextmanager
    def read(self, *, snapshot: bool = False) -> Iterator[Session]:
        """A read transaction (committed at the end; nothing should be written in it). With
        ``snapshot``, every statement sees the same committed state (PostgreSQL REPEATABLE READ;
        an SQLite read transaction in WAL mode always does): for checks spanning tables."""
        self.ensure_schema()
        factory = self._snapshot_sessions if snapshot and self._snapshot_sessions else self._read_sessions
        try:
            with factory() as session, session.begin():
                yield session
        except (sa_exc.DBAPIError, sa_exc.TimeoutError) as exc:
            if is_unavailable(exc):
                raise unavailable(exc) from None
            raise

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: everything in it is committed together or not at all."""
        self.ensure_schema()
        lock, queue, held = self._write_lock, self._writers, None
        if lock is not None:
            deadline = time.monotonic() + self.config.timeout_seconds
            if not lock.acquire(timeout=self.config.timeout_seconds):
                raise StoreUnavailable("the database is busy; nothing was stored. Retry shortly", code="database_busy")
            held = queue.acquire(deadline) if queue is not None else None
            if held is False:
                lock.release()
                raise StoreUnavailable("the database is busy; nothing was stored. Retry shortly", code="database_busy")
        try:
            with self._write_sessions() as session, session.begin():
                yield session
        except (sa_exc.DBAPIError, sa_exc.TimeoutError) as exc:
            if is_unavailable(exc):
                raise unavailable(exc) from None
            raise
        finally:
            if held and queue is not None:
                queue.release()
            if lock is not None:
                lock.release()

    def run_write(self, fn: Callable[[Session], T]) -> T:
        """``fn(session)`` in a write transaction; its result once committed. Concurrent callers
        share transactions and commits (group commit, unless ``group_commit_max`` is 1), each
        isolated in a savepoint: ``fn`` must do all its work through ``session``, may be rolled
        back alone, and must not call ``run_write`` itself. Raises what ``fn`` raised (its writes
        undone), or StoreUnavailable.

        On PostgreSQL, an ``fn`` that inserts a unique key and appends audit events must take the
        chain lock first (``audit.lock_chain``): a batch holding the chain lock could otherwise
        wait for a key that another worker's batch inserted while that batch waits for the chain
        lock - a deadlock (tried: 503s in the 16-client retry test)."""
        if self._group is not None:
            return self._group.run(fn)
        with self.write() as session:
            return fn(session)

    def ping(self) -> None:
        """Raise StoreUnavailable unless the database answers and its schema is current."""
        self.ensure_schema()
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except (sa_exc.DBAPIError, sa_exc.TimeoutError) as exc:
            if is_unavailable(exc):
                raise unavailable(exc) from None
            raise

    def dispose(self) -> None:
        self.engine.dispose()

    # -- schema -------------------------------------------------------------------------------
    def ensure_schema(self) -> None:
        """Upgrade (or, with auto_migrate off, check) the schema once per process."""
        if self._schema_ready:
            return
        with self._schema_lock:
            if self._schema_ready:
                return
            try:
                if self.config.auto_migrate:
                    self.upgrade()
                elif self.current_revision() != head_revision():
                    raise StoreUnavailable("the database schema is not current; run `spinecheck db upgrade`", code="schema_outdated")
            except (sa_exc.DBAPIError, sa_exc.TimeoutError) as exc:
                if is_unavailable(exc):
                    raise unavailable(exc) from None
                raise
            self._schema_ready = True

    def upgrade(self, revision: str = "head") -> str | None:
        """Run the Alembic migrations to ``revision``; safe when several processes start at once."""
        from alembic import command

        cfg = alembic_config()
        with self.write_engine.begin() as conn:  # SQLite: BEGIN IMMEDIATE serializes migrators
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
        return self.current_revision()

    def current_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()


def _set_wal(cur: Any, deadline: float) -> None:
    """WAL mode, which the database file keeps once set. Switching a new file needs it to
    itself, and SQLite answers "database is locked" at once (no busy handler) when several
    connections open a new file together (workers or migrators starting side by side): retry
    until ``deadline``."""
    while True:
        try:
            if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.01)


def alembic_config() -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
