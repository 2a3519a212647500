"""Sync: each outbox entry names the columns its edit changed, with their earlier values.

Revision ID: 0004_sync_merge
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_sync_merge"
down_revision = "0003_sync_quarantine"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Null, as for a new row: an entry written before this revision is merged as a whole row.
    op.add_column("sync_outbox", sa.Column("changed", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_outbox") as batch:
        batch.drop_column("changed")
