"""Initial schema: API keys, submissions, determinations, audit events and the chain head.

Revision ID: 0001_initial
Revises:
Create Date: 2026-05-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "api_keys",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("revoked_at", TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_api_keys"),
        sa.UniqueConstraint("secret_hash", name="uq_api_keys_secret_hash"),
    )
    op.create_table(
        "submissions",
        sa.Column("seq", BigId, autoincrement=True, nullable=False),
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("requester_key_id", sa.String(32), nullable=True),
        sa.Column("idempotency_key", sa.String(255), nullable=True),
        sa.Column("request_digest", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_submissions"),
        sa.UniqueConstraint("id", name="uq_submissions_id"),
        sa.UniqueConstraint("requester_key_id", "idempotency_key", name="uq_submissions_idempotency"),
        sa.ForeignKeyConstraint(["requester_key_id"], ["api_keys.id"], name="fk_submissions_requester_key_id_api_keys"),
    )
    op.create_table(
        "determinations",
        sa.Column("seq", BigId, autoincrement=True, nullable=False),
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("submission_id", sa.String(40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.String(128), nullable=False),
        sa.Column("policy_id", sa.String(100), nullable=False),
        sa.Column("policy_version", sa.String(100), nullable=False),
        sa.Column("policy_hash", sa.String(100), nullable=False),
        sa.Column("engine_version", sa.String(40), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("cpt", sa.String(5), nullable=False),
        sa.Column("guideline", sa.String(200), nullable=True),
        sa.Column("requester_key_id", sa.String(32), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("request_json", sa.Text(), nullable=False),
        sa.Column("result_json", sa.Text(), nullable=False),
        sa.Column("request_digest", sa.String(64), nullable=False),
        sa.Column("result_digest", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_determinations"),
        sa.UniqueConstraint("id", name="uq_determinations_id"),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"], name="fk_determinations_submission_id_submissions"),
        sa.ForeignKeyConstraint(["requester_key_id"], ["api_keys.id"], name="fk_determinations_requester_key_id_api_keys"),
    )
    op.create_index("ix_determinations_requester_seq", "determinations", ["requester_key_id", "seq"])
    op.create_index("ix_determinations_created_at", "determinations", ["created_at"])
    op.create_index("ix_determinations_outcome", "determinations", ["outcome"])
    op.create_index("ix_determinations_policy_id", "determinations", ["policy_id"])
    op.create_index("ix_determinations_cpt", "determinations", ["cpt"])
    op.create_index("ix_determinations_guideline", "determinations", ["guideline"])
    op.create_table(
        "audit_events",
        sa.Column("n", BigId, autoincrement=False, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("subject", sa.String(64), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("n", name="pk_audit_events"),
        sa.UniqueConstraint("hash", name="uq_audit_events_hash"),
    )
    head = op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_chain_head"),
    )
    op.bulk_insert(head, [{"id": 1, "n": 0, "hash": "0" * 64}])


def downgrade() -> None:
    op.drop_table("audit_chain_head")
    op.drop_table("audit_events")
    op.drop_table("determinations")
    op.drop_table("submissions")
    op.drop_table("api_keys")
