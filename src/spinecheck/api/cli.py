"""Service commands for the one `spinecheck` CLI: serve, apikey, audit, db.

Imports of FastAPI, SQLAlchemy and uvicorn happen inside the commands, so `spinecheck evaluate`
stays fast and database-free."""

from __future__ import annotations

import getpass
import json
import os
import sys
from typing import Any, Optional

import typer


def _settings(database_url: Optional[str]) -> Any:
    from .settings import Settings

    return Settings(database_url=database_url) if database_url else Settings()


def _store(database_url: Optional[str]) -> Any:
    from ..store import Store

    return Store(_settings(database_url).store_config())


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"[:64]
    except (KeyError, OSError):  # pragma: no cover - no passwd entry
        return "cli"


def _fail(exc: Any) -> None:
    from ..cli import err

    err.print(f"[red]error[/]: {exc.one_line()}", soft_wrap=True)
    raise typer.Exit(2)


DB_OPTION = typer.Option(None, "--database-url", help="Database URL; default SPINECHECK_DATABASE_URL or sqlite:///spinecheck.db")


# ---------------------------------------------------------------------------------------------
def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, help="TCP port."),
    workers: int = typer.Option(1, min=1, help="Worker processes (each loads the policies once)."),
    database_url: Optional[str] = DB_OPTION,
    log_level: str = typer.Option("info", help="debug, info, warning or error."),
) -> None:
    """Run the HTTP service (OpenAPI document at /openapi.json, docs at /docs)."""
    import uvicorn

    from ..errors import SpinecheckError

    if database_url:
        os.environ["SPINECHECK_DATABASE_URL"] = database_url
    try:
        store = _store(database_url)
        revision = store.upgrade()
        store.dispose()
    except SpinecheckError as exc:
        _fail(exc)
        return
    os.environ["SPINECHECK_AUTO_MIGRATE"] = "false"  # done once here, not in every worker
    typer.echo(f"database at revision {revision}; serving on http://{host}:{port} ({workers} worker(s))", err=True)
    uvicorn.run("spinecheck.api.app:create_app", factory=True, host=host, port=port, workers=workers,
                access_log=False, log_config=log_config(log_level), log_level=log_level, server_header=False)


def log_config(level: str) -> dict[str, Any]:
    """uvicorn's logging plus our `spinecheck` loggers (one line per request: ids and timings)."""
    from uvicorn.config import LOGGING_CONFIG

    config = json.loads(json.dumps(LOGGING_CONFIG))
    config["formatters"]["spinecheck"] = {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    config["handlers"]["spinecheck"] = {"class": "logging.StreamHandler", "formatter": "spinecheck",
                                        "stream": "ext://sys.stderr"}
    config["loggers"]["spinecheck"] = {"handlers": ["spinecheck"], "level": level.upper(), "propagate": False}
    return config


# ---------------------------------------------------------------------------------------------
apikey_app = typer.Typer(no_args_is_help=True, help="Create, list and revoke API keys (roles: submitter, reviewer, admin).")


@apikey_app.command("create")
def apikey_create(
    role: str = typer.Option(..., "--role", help="submitter (create/read own), reviewer (read all, replay) or admin (keys)."),
    name: str = typer.Option(..., "--name", help="Who or what uses the key."),
    as_json: bool = typer.Option(False, "--json", help="Print {id, role, name, token} as JSON."),
    database_url: Optional[str] = DB_OPTION,
) -> None:
    """Create a key and print its token once (only its sha256 digest is stored)."""
    from ..errors import SpinecheckError
    from ..store import create_api_key

    try:
        with _store(database_url).write() as session:
            info, token = create_api_key(session, name=name, role=role, actor=_actor())
    except SpinecheckError as exc:
        _fail(exc)
        return
    if as_json:
        print(json.dumps({"id": info.id, "role": info.role, "name": info.name, "token": token}))
    else:
        print(f"created {info.id} (role {info.role}, name {info.name!r})")
        print(f"token (shown once; store it now): {token}")


@apikey_app.command("list")
def apikey_list(as_json: bool = typer.Option(False, "--json"), database_url: Optional[str] = DB_OPTION) -> None:
    """List keys: id, role, name, created, revoked (never secrets)."""
    from ..errors import SpinecheckError
    from ..store import list_api_keys

    try:
        with _store(database_url).read() as session:
            keys = list_api_keys(session)
    except SpinecheckError as exc:
        _fail(exc)
        return
    if as_json:
        print(json.dumps([{"id": k.id, "role": k.role, "name": k.name, "created_at": k.created_at.isoformat(),
                           "revoked_at": k.revoked_at.isoformat() if k.revoked_at else None} for k in keys]))
        return
    from rich.table import Table

    from ..cli import out

    table = Table("id", "role", "name", "created", "revoked")
    for k in keys:
        table.add_row(k.id, k.role, k.name, k.created_at.strftime("%Y-%m-%d %H:%M:%SZ"),
                      k.revoked_at.strftime("%Y-%m-%d %H:%M:%SZ") if k.revoked_at else "")
    out.print(table)


@apikey_app.command("revoke")
def apikey_revoke(key_id: str = typer.Argument(..., help="The key id (key_…), as `apikey list` shows it."),
                  database_url: Optional[str] = DB_OPTION) -> None:
    """Revoke a key; requests with it get 401 from then on."""
    from ..errors import SpinecheckError
    from ..store import revoke_api_key

    try:
        with _store(database_url).write() as session:
            info, changed = revoke_api_key(session, key_id, actor=_actor())
    except SpinecheckError as exc:
        _fail(exc)
        return
    print(f"revoked {info.id}" if changed else f"{info.id} was already revoked")


# ---------------------------------------------------------------------------------------------
audit_app = typer.Typer(no_args_is_help=True, help="Check the hash-chained audit log.")


@audit_app.command("verify")
def audit_verify(
    anchor: list[str] = typer.Option([], "--anchor", help="N:HASH recorded earlier by `audit head`; must still hold."),
    as_json: bool = typer.Option(False, "--json"),
    database_url: Optional[str] = DB_OPTION,
) -> None:
    """Recompute the chain; report the first altered or missing event (exit 1) or confirm it."""
    from ..errors import InputError, SpinecheckError
    from ..store import verify_chain

    anchors = []
    try:
        for a in anchor:
            n, _, h = a.partition(":")
            if not n.isdigit() or len(h) != 64:
                raise InputError("an anchor is N:HASH, e.g. 1200:3f2a… (64 hex digits)", where="--anchor", code="bad_anchor")
            anchors.append((int(n), h))
        with _store(database_url).read(snapshot=True) as session:
            report = verify_chain(session, anchors=anchors)
    except SpinecheckError as exc:
        _fail(exc)
        return
    if as_json:
        print(json.dumps(report.as_dict()))
    elif report.ok:
        print(f"ok: {report.events} events chained intact; head #{report.head_n} {report.head_hash}; "
              f"{report.determinations} determinations match their creation events")
    else:
        where = f"event #{report.event}" if report.event is not None else "determinations"
        print(f"FAILED at {where}: {report.problem}", file=sys.stderr)
    if not report.ok:
        raise typer.Exit(1)


@audit_app.command("head")
def audit_head(database_url: Optional[str] = DB_OPTION) -> None:
    """Print N:HASH of the newest event, to record elsewhere and check later with --anchor."""
    from sqlalchemy import select

    from ..errors import SpinecheckError
    from ..store.tables import ChainHeadRow

    try:
        with _store(database_url).read() as session:
            head = session.execute(select(ChainHeadRow).where(ChainHeadRow.id == 1)).scalar_one()
    except SpinecheckError as exc:
        _fail(exc)
        return
    print(f"{head.n}:{head.hash}")


# ---------------------------------------------------------------------------------------------
db_app = typer.Typer(no_args_is_help=True, help="Database schema (Alembic migrations shipped in the package).")


@db_app.command("upgrade")
def db_upgrade(revision: str = typer.Argument("head"), database_url: Optional[str] = DB_OPTION) -> None:
    """Create or upgrade the schema (safe to run repeatedly and concurrently)."""
    from sqlalchemy import exc as sa_exc

    from ..errors import SpinecheckError
    from ..store.db import StoreUnavailable, describe, is_unavailable

    store = _store(database_url)
    try:
        current = store.upgrade(revision)
    except SpinecheckError as exc:
        _fail(exc)
        return
    except sa_exc.SQLAlchemyError as exc:
        if is_unavailable(exc):
            _fail(StoreUnavailable(f"cannot reach the database ({describe(exc)}); check SPINECHECK_DATABASE_URL"))
        raise
    print(f"database at revision {current}")


@db_app.command("current")
def db_current(database_url: Optional[str] = DB_OPTION) -> None:
    """Print the schema revision of the database and of this package."""
    from ..store.db import head_revision

    store = _store(database_url)
    print(f"database: {store.current_revision()}; package head: {head_revision()}")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(apikey_app, name="apikey")
    app.add_typer(audit_app, name="audit")
    app.add_typer(db_app, name="db")
