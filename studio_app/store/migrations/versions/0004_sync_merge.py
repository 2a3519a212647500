"""Sync: concurrent edits merge per field. Each outbox entry names the columns its edit changed, with their
earlier values; the stamp of the version an edit was made on (``base_hlc``, kept per row of the script
tables in ``sync_row_versions``) is no longer needed.

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
    with op.batch_alter_table("sync_outbox") as batch:
        batch.add_column(sa.Column("changed", sa.Text(), nullable=True))
        batch.drop_column("base_hlc")
    op.drop_table("sync_row_versions")


def downgrade() -> None:
    op.create_table(
        "sync_row_versions",
        sa.Column("table_name", sa.String(80), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_sync_row_versions")),
    )
    with op.batch_alter_table("sync_outbox") as batch:
        batch.add_column(sa.Column("base_hlc", sa.String(64), nullable=True))
        batch.drop_column("changed")
