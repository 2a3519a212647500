"""Data panel: metric samples, imports and column mappings, manual entries, incidents, ad spend.

Revision ID: 0002_data
"""

import sqlalchemy as sa
from alembic import op

from studio_app.store.models.base import UTCDateTime

revision = "0002_data"
down_revision = "0001_foundation"
branch_labels = ("data",)
depends_on = None


def _synced_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
    ]


def _show_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["show_id"], ["shows.id"], name=op.f(f"fk_{table}_show_id_shows"))


def _index_show_id(table: str) -> None:
    with op.batch_alter_table(table) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{table}_show_id"), ["show_id"], unique=False)


def upgrade() -> None:
    op.create_table(
        "metric_column_mappings",
        sa.Column("source", sa.String(80), nullable=False),
        sa.Column("mapping_json", sa.Text(), nullable=False),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metric_column_mappings")),
    )
    with op.batch_alter_table("metric_column_mappings") as batch_op:
        batch_op.create_index(batch_op.f("ix_metric_column_mappings_source"), ["source"], unique=False)

    op.create_table(
        "ad_spend",
        sa.Column("show_id", sa.String(36), nullable=False),
        sa.Column("channel", sa.String(80), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_synced_columns(),
        _show_fk("ad_spend"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ad_spend")),
    )
    _index_show_id("ad_spend")

    op.create_table(
        "incidents",
        sa.Column("show_id", sa.String(36), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("fix", sa.Text(), nullable=False),
        sa.Column("duration_s", sa.Float(), nullable=True),
        *_synced_columns(),
        _show_fk("incidents"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    _index_show_id("incidents")

    op.create_table(
        "metric_imports",
        sa.Column("show_id", sa.String(36), nullable=False),
        sa.Column("source", sa.String(80), nullable=False),
        sa.Column("file_name", sa.String(260), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("encoding", sa.String(20), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("mapping_json", sa.Text(), nullable=False),
        *_synced_columns(),
        _show_fk("metric_imports"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metric_imports")),
    )
    _index_show_id("metric_imports")

    op.create_table(
        "metric_manual_entries",
        sa.Column("show_id", sa.String(36), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("online_viewers", sa.Integer(), nullable=True),
        sa.Column("gmv_total_fen", sa.BigInteger(), nullable=True),
        sa.Column("orders_total", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        *_synced_columns(),
        _show_fk("metric_manual_entries"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metric_manual_entries")),
    )
    _index_show_id("metric_manual_entries")

    op.create_table(
        "metric_samples",
        sa.Column("show_id", sa.String(36), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("import_id", sa.String(36), nullable=True),
        sa.Column("online_viewers", sa.Integer(), nullable=True),
        sa.Column("room_show_ucnt", sa.Integer(), nullable=True),
        sa.Column("watch_ucnt", sa.Integer(), nullable=True),
        sa.Column("watch_cnt", sa.Integer(), nullable=True),
        sa.Column("leave_ucnt", sa.Integer(), nullable=True),
        sa.Column("leave_cnt", sa.Integer(), nullable=True),
        sa.Column("avg_watch_seconds", sa.Float(), nullable=True),
        sa.Column("product_show_ucnt", sa.Integer(), nullable=True),
        sa.Column("product_show_cnt", sa.Integer(), nullable=True),
        sa.Column("product_click_ucnt", sa.Integer(), nullable=True),
        sa.Column("product_click_cnt", sa.Integer(), nullable=True),
        sa.Column("pay_ucnt", sa.Integer(), nullable=True),
        sa.Column("pay_order_cnt", sa.Integer(), nullable=True),
        sa.Column("pay_gmv_fen", sa.BigInteger(), nullable=True),
        sa.Column("refund_gmv_fen", sa.BigInteger(), nullable=True),
        sa.Column("incr_fans_cnt", sa.Integer(), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(
            ["import_id"], ["metric_imports.id"], name=op.f("fk_metric_samples_import_id_metric_imports")
        ),
        _show_fk("metric_samples"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metric_samples")),
    )
    with op.batch_alter_table("metric_samples") as batch_op:
        batch_op.create_index("ix_metric_samples_show_at", ["show_id", "at"], unique=False)


def downgrade() -> None:
    op.drop_table("metric_samples")
    op.drop_table("metric_manual_entries")
    op.drop_table("metric_imports")
    op.drop_table("incidents")
    op.drop_table("ad_spend")
    op.drop_table("metric_column_mappings")
