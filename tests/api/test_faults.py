"""Database failures: 503 problem documents, nothing half-written, recovery without restart."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import exc as sa_exc, func, select, text
from sqlalchemy.engine import make_url

from spinecheck.api.app import create_app
from spinecheck.api.settings import Settings
from spinecheck.store import Store, StoreConfig, create_api_key
from spinecheck.store.tables import DeterminationRow, SubmissionRow

from .chaos import Load, TcpProxy
from .conftest import APPROVE, PG_URL, ServerProcess, Service, TestClient, assert_consistent, pg_admin_engine

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")


def prepared(url: str) -> tuple[Store, str]:
    store = Store(StoreConfig(url=url))
    store.upgrade()
    with store.write() as s:
        _, token = create_api_key(s, name="fault tests", role="submitter", actor="test")
    return store, token


def assert_unavailable(r: Any) -> None:
    assert r.status_code == 503, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    doc = r.json()
    assert doc["code"] in ("database_unavailable", "database_busy") and "nothing was stored" in doc["detail"]
    assert r.headers["retry-after"] and "Traceback" not in r.text


def stored_keys(store: Store, prefix: str) -> dict[str, str]:
    with store.read() as s:
        rows = s.execute(select(SubmissionRow.idempotency_key, SubmissionRow.id)
                         .where(SubmissionRow.idempotency_key.like(f"{prefix}-%"))).all()
    keys = [k for k, _ in rows]
    assert len(keys) == len(set(keys))
    return dict(rows)


# ---------------------------------------------------------------------------------------------
def test_dead_sqlite_file_answers_503_then_recovers_without_restart(tmp_path: Path) -> None:
    live = tmp_path / "db"
    live.mkdir()
    url = f"sqlite:///{live / 'spinecheck.db'}"
    store, token = prepared(url)
    store.dispose()
    away = tmp_path / "db-away"
    live.rename(away)  # the volume is gone
    app = create_app(Settings(database_url=url))
    with TestClient(app, raise_server_exceptions=False) as client:
        headers = {"Authorization": f"Bearer {token}"}
        assert client.get("/healthz").status_code == 200
        ready = client.get("/readyz")
        assert ready.status_code == 503 and ready.json()["field"] == "database"
        for _ in range(3):
            assert_unavailable(client.post("/v1/determinations", json=APPROVE, headers=headers))
        away.rename(live)  # it is back
        r = client.post("/v1/determinations", json=APPROVE, headers=headers)
        assert r.status_code == 201, r.text
        assert client.get("/readyz").status_code == 200
    store = Store(StoreConfig(url=url))
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(DeterminationRow)) == 1
    assert_consistent(store)


@pytest.mark.skipif(not PG_URL, reason="set SPINECHECK_TEST_DATABASE_URL to run against PostgreSQL")
def test_dead_postgres_answers_503_then_recovers_without_restart(tmp_path: Path) -> None:
    from .conftest import new_database

    with new_database("postgresql", tmp_path) as url:
        store, token = prepared(url)
        real = make_url(url)
        proxy = TcpProxy(real.host or "127.0.0.1", real.port or 5432)  # not started: nothing listens
        app = create_app(Settings(database_url=real.set(host="127.0.0.1", port=proxy.port).render_as_string(False),
                                  db_timeout_seconds=2))
        with TestClient(app, raise_server_exceptions=False) as client:
            headers = {"Authorization": f"Bearer {token}"}
            assert client.get("/healthz").status_code == 200
            assert client.get("/readyz").status_code == 503
            assert_unavailable(client.post("/v1/determinations", json=APPROVE, headers=headers))
            proxy.start()
            try:
                r = client.post("/v1/determinations", json=APPROVE, headers=headers)
                assert r.status_code == 201, r.text
                assert client.get("/readyz").status_code == 200
            finally:
                proxy.stop()
            assert_unavailable(client.post("/v1/determinations", json=APPROVE, headers=headers))
        assert_consistent(store)
        store.dispose()


def test_failure_between_rows_and_audit_event_leaves_nothing(fresh_service: Service, monkeypatch: pytest.MonkeyPatch) -> None:
    """The determination rows and their audit event commit together: a failure while writing
    the event (here injected) rolls back the rows too."""
    import spinecheck.store.determinations as determinations

    def broken(*args: Any, **kwargs: Any) -> None:
        raise sa_exc.OperationalError("INSERT INTO audit_events", {}, Exception("connection lost (injected)"))

    monkeypatch.setattr(determinations, "append_events", broken)
    r = fresh_service.post({**APPROVE, "id": "half"}, idem="half-1")
    assert_unavailable(r)
    monkeypatch.undo()
    with fresh_service.store.read() as s:
        assert s.scalar(select(func.count()).select_from(SubmissionRow)) == 0
        assert s.scalar(select(func.count()).select_from(DeterminationRow)) == 0
    assert fresh_service.post({**APPROVE, "id": "half"}, idem="half-1").status_code == 201  # the retry stores it
    assert_consistent(fresh_service.store)


# ---------------------------------------------------------------------------------------------
def test_sqlite_locked_mid_run_gives_503s_then_recovers(tmp_path: Path) -> None:
    path = tmp_path / "spinecheck.db"
    url = f"sqlite:///{path}"
    store, token = prepared(url)
    server = ServerProcess(url, tmp_path / "server.log", env={"SPINECHECK_DB_TIMEOUT_SECONDS": "0.5"})
    try:
        load = Load(server.base_url, token, "lock").start()
        time.sleep(1.0)
        blocker = sqlite3.connect(path, isolation_level=None, timeout=30)
        blocker.execute("BEGIN EXCLUSIVE")  # e.g. a maintenance job holding the database
        time.sleep(2.0)
        blocker.execute("ROLLBACK")
        blocker.close()
        time.sleep(1.0)
        load.finish()
    finally:
        server.stop()
    assert not load.failures, load.failures[:3]
    assert load.statuses[503] > 0 and load.statuses[500] == 0, load.statuses
    assert stored_keys(store, "lock") == load.stored  # every request stored exactly once
    assert_consistent(store)
    store.dispose()


@pytest.mark.skipif(not PG_URL, reason="set SPINECHECK_TEST_DATABASE_URL to run against PostgreSQL")
@pytest.mark.parametrize("fault", ["terminate_backends", "server_down"])
def test_postgres_fault_mid_run_gives_503s_then_recovers(tmp_path: Path, fault: str) -> None:
    from .conftest import new_database

    with new_database("postgresql", tmp_path) as url:
        store, token = prepared(url)
        real = make_url(url)
        proxy = TcpProxy(real.host or "127.0.0.1", real.port or 5432)
        proxy.start()
        server_url = real.set(host="127.0.0.1", port=proxy.port).render_as_string(False)
        server = ServerProcess(server_url, tmp_path / "server.log", workers=2, env={"SPINECHECK_DB_TIMEOUT_SECONDS": "2"})
        admin = pg_admin_engine()
        try:
            load = Load(server.base_url, token, fault, clients=6).start()
            time.sleep(1.0)
            if fault == "terminate_backends":
                killed = 0
                for _ in range(5):
                    with admin.connect() as conn:
                        killed += len(conn.execute(text(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = :a"),
                            {"a": real.query["application_name"]}).all())
                    time.sleep(0.3)
                assert killed > 0
            else:
                proxy.stop()  # the server is gone: open connections reset, new ones refused
                time.sleep(2.0)
                proxy.start()
            time.sleep(1.5)
            load.finish()
        finally:
            server.stop()
            proxy.stop()
            admin.dispose()
        assert not load.failures, load.failures[:3]
        assert load.statuses[500] == 0, load.statuses
        if fault == "server_down":
            assert load.statuses[503] > 0, load.statuses
        assert len(load.stored) > 20
        assert stored_keys(store, fault) == load.stored
        assert_consistent(store)
        store.dispose()
