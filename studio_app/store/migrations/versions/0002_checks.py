"""Device check: studio profiles, check runs, probe results, on-air alerts.

Revision ID: 0002_checks
"""

import sqlalchemy as sa
from alembic import op

from studio_app.store.models.base import UTCDateTime

revision = "0002_checks"
down_revision = "0001_foundation"
branch_labels = ("checks",)
depends_on = None


def _synced_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "check_profiles",
        *_synced_columns(),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("data_json", sa.Text(), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_profiles")),
    )
    with op.batch_alter_table("check_profiles") as batch:
        batch.create_index(op.f("ix_check_profiles_name"), ["name"], unique=False)

    op.create_table(
        "check_runs",
        *_synced_columns(),
        sa.Column("show_id", sa.String(36), nullable=True),
        sa.Column("profile_name", sa.String(100), nullable=False),
        sa.Column("profile_json", sa.Text(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("duration_s", sa.Float(), nullable=False),
        sa.Column("verdict", sa.String(10), nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["show_id"], ["shows.id"], name=op.f("fk_check_runs_show_id_shows"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_runs")),
    )
    with op.batch_alter_table("check_runs") as batch:
        batch.create_index(op.f("ix_check_runs_started_at"), ["started_at"], unique=False)

    op.create_table(
        "check_probe_results",
        *_synced_columns(),
        sa.Column("run_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("probe", sa.String(20), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("duration_s", sa.Float(), nullable=False),
        sa.Column("metrics", sa.JSON(), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["check_runs.id"],
            name=op.f("fk_check_probe_results_run_id_check_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_probe_results")),
    )
    with op.batch_alter_table("check_probe_results") as batch:
        batch.create_index(op.f("ix_check_probe_results_run_id"), ["run_id"], unique=False)
        batch.create_index("ix_check_probe_results_probe_run", ["probe", "run_id"], unique=False)

    op.create_table(
        "onair_alerts",
        *_synced_columns(),
        sa.Column("show_id", sa.String(36), nullable=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("raised_at", UTCDateTime(), nullable=False),
        sa.Column("cleared_at", UTCDateTime(), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("fix", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["show_id"], ["shows.id"], name=op.f("fk_onair_alerts_show_id_shows"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_onair_alerts")),
    )
    with op.batch_alter_table("onair_alerts") as batch:
        batch.create_index(op.f("ix_onair_alerts_raised_at"), ["raised_at"], unique=False)


def downgrade() -> None:
    op.drop_table("onair_alerts")
    op.drop_table("check_probe_results")
    op.drop_table("check_runs")
    op.drop_table("check_profiles")
