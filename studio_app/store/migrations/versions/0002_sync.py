"""Sync: outbox, sync state, conflicts.

Revision ID: 0002_sync
"""

import sqlalchemy as sa
from alembic import op

from studio_app.store.models.base import UTCDateTime

revision = "0002_sync"
down_revision = "0001_foundation"
branch_labels = ("sync",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("op_id", sa.String(36), nullable=False),
        sa.Column("table_name", sa.String(80), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.Column("base_hlc", sa.String(64), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("op_id", name=op.f("uq_sync_outbox_op_id")),
    )
    with op.batch_alter_table("sync_outbox") as batch:
        batch.create_index(batch.f("ix_sync_outbox_row_id"), ["row_id"], unique=False)

    op.create_table(
        "sync_row_versions",
        sa.Column("table_name", sa.String(80), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_sync_row_versions")),
    )

    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("node_id", sa.String(36), nullable=False),
        sa.Column("hlc_wall_ms", sa.BigInteger(), nullable=False),
        sa.Column("hlc_counter", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("pull_cursor", sa.BigInteger(), nullable=False),
        sa.Column("server_url", sa.String(500), nullable=False),
        sa.Column("last_sync_at", UTCDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("drift_warning", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )

    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("table_name", sa.String(80), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.Column("winner_hlc", sa.String(64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts") as batch:
        batch.create_index(batch.f("ix_sync_conflicts_row_id"), ["row_id"], unique=False)


def downgrade() -> None:
    op.drop_table("sync_conflicts")
    op.drop_table("sync_state")
    op.drop_table("sync_row_versions")
    op.drop_table("sync_outbox")
