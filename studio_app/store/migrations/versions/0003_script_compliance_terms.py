"""Compliance records keep each flagged term's fate (rewritten, or kept with a reason), are listed by date,
and no longer go with a show removed for good (ON DELETE RESTRICT).

Revision ID: 0003_script_compliance_terms
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_script_compliance_terms"
down_revision = "0002_script"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("compliance_records") as batch:
        # Records signed before this revision named no terms: an empty list, not a guess.
        batch.add_column(sa.Column("terms", sa.JSON(), nullable=False, server_default=sa.text("'[]'")))
        batch.create_index(op.f("ix_compliance_records_checked_at"), ["checked_at"], unique=False)
        batch.drop_constraint("fk_compliance_records_show_id_shows", type_="foreignkey")
        batch.create_foreign_key(
            "fk_compliance_records_show_id_shows", "shows", ["show_id"], ["id"], ondelete="RESTRICT"
        )


def downgrade() -> None:
    with op.batch_alter_table("compliance_records") as batch:
        batch.drop_constraint("fk_compliance_records_show_id_shows", type_="foreignkey")
        batch.create_foreign_key(
            "fk_compliance_records_show_id_shows", "shows", ["show_id"], ["id"], ondelete="CASCADE"
        )
        batch.drop_index(op.f("ix_compliance_records_checked_at"))
        batch.drop_column("terms")
