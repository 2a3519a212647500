"""Remote: paired phones and tablets (token hashes, pending one-time codes, revocation).

Revision ID: 0002_remote
"""

import sqlalchemy as sa
from alembic import op

from studio_app.store.models.base import UTCDateTime

revision = "0002_remote"
down_revision = "0001_foundation"
branch_labels = ("remote",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "remote_pairings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=True),
        sa.Column("code_hash", sa.String(64), nullable=True),
        sa.Column("code_expires_at", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("paired_at", UTCDateTime(), nullable=True),
        sa.Column("last_seen_at", UTCDateTime(), nullable=True),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_remote_pairings")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_remote_pairings_token_hash")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_remote_pairings_code_hash")),
    )


def downgrade() -> None:
    op.drop_table("remote_pairings")
