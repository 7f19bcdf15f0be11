"""The database schema (SQLAlchemy 2 declarative). Migrations in ``migrations/versions`` create
exactly this; a test compares the two.

History tables (submissions, determinations, audit_events) are append-only: the code never
updates or deletes their rows. ``api_keys.revoked_at`` and the single-row ``audit_chain_head``
are the only columns ever updated."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import DateTime, TypeDecorator

# Integer primary keys: BIGINT on PostgreSQL, INTEGER (the rowid alias) on SQLite.
BigId = BigInteger().with_variant(Integer(), "sqlite")

GENESIS_HASH = "0" * 64  # the "previous hash" of the first audit event


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC in Python on every database (SQLite stores naive UTC text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect):  # type: ignore[override]
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(dt.timezone.utc)
        return value if dialect.name == "postgresql" else value.replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect):  # type: ignore[override]
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    })


class ApiKeyRow(Base):
    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 hex of the whole token
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class SubmissionRow(Base):
    """One accepted POST: the unit an Idempotency-Key protects (one or several determinations)."""

    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("requester_key_id", "idempotency_key", name="uq_submissions_idempotency"),)

    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(40), unique=True)
    requester_key_id: Mapped[str | None] = mapped_column(String(32), ForeignKey("api_keys.id"), nullable=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(255), nullable=True)
    request_digest: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class DeterminationRow(Base):
    __tablename__ = "determinations"
    __table_args__ = (
        Index("ix_determinations_requester_seq", "requester_key_id", "seq"),
        Index("ix_determinations_created_at", "created_at"),
        Index("ix_determinations_outcome", "outcome"),
        Index("ix_determinations_policy_id", "policy_id"),
        Index("ix_determinations_cpt", "cpt"),
        Index("ix_determinations_guideline", "guideline"),
    )

    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(40), unique=True)
    submission_id: Mapped[str] = mapped_column(String(40), ForeignKey("submissions.id"))
    position: Mapped[int] = mapped_column(Integer)
    request_id: Mapped[str] = mapped_column(String(128))
    policy_id: Mapped[str] = mapped_column(String(100))
    policy_version: Mapped[str] = mapped_column(String(100))
    policy_hash: Mapped[str] = mapped_column(String(100))
    engine_version: Mapped[str] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(16))
    cpt: Mapped[str] = mapped_column(String(5))
    guideline: Mapped[str | None] = mapped_column(String(200), nullable=True)
    requester_key_id: Mapped[str | None] = mapped_column(String(32), ForeignKey("api_keys.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    request_json: Mapped[str] = mapped_column(Text)  # canonical JSON, as evaluated
    result_json: Mapped[str] = mapped_column(Text)  # canonical JSON of the determination
    request_digest: Mapped[str] = mapped_column(String(64))  # sha256 of request_json
    result_digest: Mapped[str] = mapped_column(String(64))  # sha256 of result_json


class AuditEventRow(Base):
    """One event of the append-only log. ``hash`` = sha256 over the canonical JSON of
    (n, at, kind, actor, subject, data, prev); ``prev`` is the previous event's hash."""

    __tablename__ = "audit_events"

    n: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))  # ISO-8601 UTC text, hashed as stored
    kind: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(64))
    data: Mapped[str] = mapped_column(Text)  # canonical JSON; ids and digests, never PHI
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class ChainHeadRow(Base):
    """The single row (id 1) naming the last event; writers lock it to append in order."""

    __tablename__ = "audit_chain_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    n: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
