"""Data: product and traffic-source tables of a show, interaction columns on the minute samples.

Revision ID: 0003_data_products
"""

import sqlalchemy as sa
from alembic import op

from studio_app.store.models.base import UTCDateTime

revision = "0003_data_products"
down_revision = "0002_data"
branch_labels = None
depends_on = None

_INTERACTION_COLUMNS = ("comment_cnt", "comment_ucnt", "like_cnt", "share_cnt", "fans_club_ucnt")


def _synced_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
    ]


def _keys(table: str) -> list[sa.Constraint]:
    return [
        sa.ForeignKeyConstraint(
            ["import_id"], ["metric_imports.id"], name=op.f(f"fk_{table}_import_id_metric_imports")
        ),
        sa.ForeignKeyConstraint(["show_id"], ["shows.id"], name=op.f(f"fk_{table}_show_id_shows")),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def upgrade() -> None:
    with op.batch_alter_table("metric_samples") as batch_op:
        for name in _INTERACTION_COLUMNS:
            batch_op.add_column(sa.Column(name, sa.Integer(), nullable=True))

    op.create_table(
        "metric_products",
        sa.Column("show_id", sa.String(36), nullable=False),
        sa.Column("import_id", sa.String(36), nullable=True),
        sa.Column("product_id", sa.String(40), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("explain_cnt", sa.Integer(), nullable=True),
        sa.Column("exposure_ucnt", sa.Integer(), nullable=True),
        sa.Column("click_ucnt", sa.Integer(), nullable=True),
        sa.Column("pay_order_cnt", sa.Integer(), nullable=True),
        sa.Column("pay_item_cnt", sa.Integer(), nullable=True),
        sa.Column("pay_ucnt", sa.Integer(), nullable=True),
        sa.Column("pay_gmv_fen", sa.BigInteger(), nullable=True),
        sa.Column("refund_gmv_fen", sa.BigInteger(), nullable=True),
        *_synced_columns(),
        *_keys("metric_products"),
    )
    with op.batch_alter_table("metric_products") as batch_op:
        batch_op.create_index(batch_op.f("ix_metric_products_show_id"), ["show_id"], unique=False)

    op.create_table(
        "metric_traffic",
        sa.Column("show_id", sa.String(36), nullable=False),
        sa.Column("import_id", sa.String(36), nullable=True),
        sa.Column("channel", sa.String(80), nullable=False),
        sa.Column("paid", sa.Boolean(), nullable=False),
        sa.Column("watch_ucnt", sa.Integer(), nullable=True),
        sa.Column("watch_cnt", sa.Integer(), nullable=True),
        sa.Column("pay_ucnt", sa.Integer(), nullable=True),
        sa.Column("pay_order_cnt", sa.Integer(), nullable=True),
        sa.Column("pay_gmv_fen", sa.BigInteger(), nullable=True),
        sa.Column("spend_fen", sa.BigInteger(), nullable=True),
        *_synced_columns(),
        *_keys("metric_traffic"),
    )
    with op.batch_alter_table("metric_traffic") as batch_op:
        batch_op.create_index(batch_op.f("ix_metric_traffic_show_id"), ["show_id"], unique=False)


def downgrade() -> None:
    op.drop_table("metric_traffic")
    op.drop_table("metric_products")
    with op.batch_alter_table("metric_samples") as batch_op:
        for name in reversed(_INTERACTION_COLUMNS):
            batch_op.drop_column(name)
