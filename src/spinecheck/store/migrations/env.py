"""Alembic environment. Normally driven programmatically (``Store.upgrade``, ``spinecheck db
upgrade``), which hands over an open connection; from the ``alembic`` command line (with
alembic.ini in this folder) it connects to SPINECHECK_DATABASE_URL."""

from __future__ import annotations

import os

from alembic import context

from spinecheck.store.tables import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # ALTER TABLE through table copies
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("SPINECHECK_DATABASE_URL", "sqlite:///spinecheck.db")
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True,
                      dialect_opts={"paramstyle": "named"}, render_as_batch=url.startswith("sqlite"))
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from spinecheck.store.db import Store, StoreConfig

    url = config.get_main_option("sqlalchemy.url") or os.environ.get("SPINECHECK_DATABASE_URL", "sqlite:///spinecheck.db")
    store = Store(StoreConfig(url=url, auto_migrate=False))
    with store.write_engine.begin() as conn:
        _run(conn)
    store.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
