"""On-air alerts record when someone acknowledged them in the main window's alert strip.

Revision ID: 0004_checks_alert_acknowledged
"""

import sqlalchemy as sa
from alembic import op

from studio_app.store.models.base import UTCDateTime

revision = "0004_checks_alert_acknowledged"
down_revision = "0002_checks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("onair_alerts") as batch:
        batch.add_column(sa.Column("acknowledged_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("onair_alerts") as batch:
        batch.drop_column("acknowledged_at")
