"""Show day: the pre-show gate's template, each show's checklist, price confirmations and overrides.

Revision ID: 0002_showday
"""

import sqlalchemy as sa
from alembic import op

from studio_app.store.models.base import UTCDateTime

revision = "0002_showday"
down_revision = "0001_foundation"
branch_labels = ("showday",)
depends_on = None


def _synced_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
    ]


def _show_table(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("show_id", sa.String(36), nullable=False),
        *columns,
        *_synced_columns(),
        sa.ForeignKeyConstraint(["show_id"], ["shows.id"], name=op.f(f"fk_{name}_show_id_shows")),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    with op.batch_alter_table(name) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{name}_show_id"), ["show_id"], unique=False)


def upgrade() -> None:
    op.create_table(
        "gate_template_items",
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gate_template_items")),
    )
    _show_table(
        "gate_items",
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("ticked_by", sa.String(100), nullable=False),
        sa.Column("ticked_at", UTCDateTime(), nullable=True),
    )
    _show_table(
        "gate_price_ticks",
        sa.Column("link_no", sa.Integer(), nullable=False),
        sa.Column("price", sa.String(30), nullable=False),
        sa.Column("confirmed_by", sa.String(100), nullable=False),
        sa.Column("confirmed_at", UTCDateTime(), nullable=False),
    )
    _show_table(
        "gate_overrides",
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("overridden_by", sa.String(100), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("blockers", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    for name in ("gate_overrides", "gate_price_ticks", "gate_items", "gate_template_items"):
        op.drop_table(name)
