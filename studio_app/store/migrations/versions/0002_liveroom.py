"""Live room: the viewers' question queue and the flash-sale stock counts.

Revision ID: 0002_liveroom
"""

import sqlalchemy as sa
from alembic import op

from studio_app.store.models.base import UTCDateTime

revision = "0002_liveroom"
down_revision = "0001_foundation"
branch_labels = ("liveroom",)
depends_on = None


def _synced_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "live_questions",
        sa.Column("show_id", sa.String(36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("asked_at", UTCDateTime(), nullable=False),
        sa.Column("starred", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("segment_index", sa.Integer(), nullable=True),
        sa.Column("shown_at", UTCDateTime(), nullable=True),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["show_id"], ["shows.id"], name=op.f("fk_live_questions_show_id_shows")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_live_questions")),
    )
    with op.batch_alter_table("live_questions") as batch_op:
        batch_op.create_index(batch_op.f("ix_live_questions_show_id"), ["show_id"], unique=False)
    op.create_table(
        "live_stock",
        sa.Column("show_id", sa.String(36), nullable=False),
        sa.Column("link_no", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["show_id"], ["shows.id"], name=op.f("fk_live_stock_show_id_shows")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_live_stock")),
    )
    with op.batch_alter_table("live_stock") as batch_op:
        batch_op.create_index(batch_op.f("ix_live_stock_show_id"), ["show_id"], unique=False)


def downgrade() -> None:
    op.drop_table("live_stock")
    op.drop_table("live_questions")
