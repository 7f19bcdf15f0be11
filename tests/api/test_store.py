"""Storage without HTTP: migrations (from package data, idempotent, concurrent, matching the
models), the service CLI commands, persisting outside HTTP, and the CLI staying DB-free."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from importlib import resources
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select
from typer.testing import CliRunner

from spinecheck.cli import app as cli_app
from spinecheck.review import review_data
from spinecheck.store import Store, StoreConfig, persist_determinations, verify_chain
from spinecheck.store.db import head_revision
from spinecheck.store.tables import AuditEventRow, Base, DeterminationRow

from .conftest import APPROVE

runner = CliRunner()


def test_migrations_ship_as_package_data() -> None:
    root = resources.files("spinecheck.store") / "migrations"
    for name in ("env.py", "script.py.mako", "alembic.ini"):
        assert (root / name).is_file(), name
    versions = [e.name for e in (root / "versions").iterdir() if e.name.endswith(".py") and e.name != "__init__.py"]
    assert versions and head_revision() == "0001_initial"


def test_upgrade_is_idempotent_concurrent_and_matches_the_models(db_url: str) -> None:
    errors: list[BaseException] = []

    def upgrade() -> None:
        store = Store(StoreConfig(url=db_url))
        try:
            store.upgrade()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            store.dispose()

    threads = [threading.Thread(target=upgrade) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    store = Store(StoreConfig(url=db_url))
    assert store.upgrade() == store.current_revision() == head_revision()
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], diff
    with store.read() as s:  # the chain starts empty
        report = verify_chain(s)
    assert report.ok and report.head_n == 0
    store.dispose()


def test_persist_outside_http_is_audited(db_url: str) -> None:
    store = Store(StoreConfig(url=db_url))
    results = review_data(APPROVE)
    sub = persist_determinations(store, APPROVE, results, actor="batch:nightly")
    assert [d.outcome for d in sub.determinations] == [r["outcome"] for r in results]
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(DeterminationRow)) == 1
        event = s.scalars(select(AuditEventRow)).one()
        assert event.actor == "batch:nightly" and event.subject == sub.determinations[0].id
        assert verify_chain(s).ok
    store.dispose()


def test_service_cli_commands(db_url: str) -> None:
    up = runner.invoke(cli_app, ["db", "upgrade", "--database-url", db_url])
    assert up.exit_code == 0 and "0001_initial" in up.stdout
    made = runner.invoke(cli_app, ["apikey", "create", "--role", "reviewer", "--name", "Dr R", "--json", "--database-url", db_url])
    assert made.exit_code == 0, made.output
    key = json.loads(made.stdout)
    assert key["token"].startswith("sck_") and key["role"] == "reviewer"
    listed = runner.invoke(cli_app, ["apikey", "list", "--json", "--database-url", db_url])
    [row] = json.loads(listed.stdout)
    assert row["id"] == key["id"] and row["revoked_at"] is None and key["token"] not in listed.stdout
    assert runner.invoke(cli_app, ["apikey", "revoke", key["id"], "--database-url", db_url]).exit_code == 0
    again = runner.invoke(cli_app, ["apikey", "revoke", key["id"], "--database-url", db_url])
    assert again.exit_code == 0 and "already revoked" in again.stdout
    missing = runner.invoke(cli_app, ["apikey", "revoke", "key_nope", "--database-url", db_url])
    assert missing.exit_code == 2 and "apikey list" in missing.stderr
    bad_role = runner.invoke(cli_app, ["apikey", "create", "--role", "root", "--name", "x", "--database-url", db_url])
    assert bad_role.exit_code == 2 and "submitter, reviewer, admin" in bad_role.stderr
    ok = runner.invoke(cli_app, ["audit", "verify", "--database-url", db_url])
    assert ok.exit_code == 0 and "ok: 2 events" in ok.stdout  # created + revoked


def test_unreachable_database_is_one_line_exit_2(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'missing-dir' / 'x.db'}"
    for args in (["db", "upgrade"], ["audit", "verify"], ["apikey", "list"]):
        result = runner.invoke(cli_app, [*args, "--database-url", url])
        assert result.exit_code == 2, (args, result.output)
        assert "database" in result.stderr and "Traceback" not in result.output


def test_evaluate_cli_stays_database_free() -> None:
    code = ("import sys; import spinecheck.cli; "
            "bad = [m for m in ('sqlalchemy', 'fastapi', 'uvicorn', 'alembic') if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
