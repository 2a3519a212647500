"""Script runner: scripts, segments, products, emergency scripts, compliance records, corrections, run log,
promo state.

Revision ID: 0002_script
"""

import sqlalchemy as sa
from alembic import op

from studio_app.store.models.base import UTCDateTime

revision = "0002_script"
down_revision = "0001_foundation"
branch_labels = ("script",)
depends_on = None


def _synced_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
    ]


def _show_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["show_id"], ["shows.id"], name=op.f(f"fk_{table}_show_id_shows"), ondelete="CASCADE"
    )


def _script_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["script_id"], ["scripts.id"], name=op.f(f"fk_{table}_script_id_scripts"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "scripts",
        *_synced_columns(),
        sa.Column("show_id", sa.String(36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("source_name", sa.String(255), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("saved_by", sa.String(100), nullable=False),
        _show_fk("scripts"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scripts")),
    )
    with op.batch_alter_table("scripts") as batch:
        batch.create_index("ix_scripts_show_revision", ["show_id", "revision"], unique=False)

    op.create_table(
        "script_segments",
        *_synced_columns(),
        sa.Column("script_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("planned_minutes", sa.Float(), nullable=False),
        sa.Column("host_text", sa.Text(), nullable=False),
        sa.Column("cues", sa.JSON(), nullable=False),
        sa.Column("product_link_no", sa.Integer(), nullable=True),
        _script_fk("script_segments"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_script_segments")),
    )
    with op.batch_alter_table("script_segments") as batch:
        batch.create_index(op.f("ix_script_segments_script_id"), ["script_id"], unique=False)

    op.create_table(
        "script_products",
        *_synced_columns(),
        sa.Column("script_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("link_no", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("list_price", sa.String(32), nullable=True),
        sa.Column("live_price", sa.String(32), nullable=True),
        sa.Column("price_basis", sa.Text(), nullable=False),
        sa.Column("coupon", sa.Text(), nullable=False),
        sa.Column("stock", sa.Integer(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        _script_fk("script_products"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_script_products")),
    )
    with op.batch_alter_table("script_products") as batch:
        batch.create_index(op.f("ix_script_products_script_id"), ["script_id"], unique=False)

    op.create_table(
        "script_emergencies",
        *_synced_columns(),
        sa.Column("script_id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("key_hint", sa.String(20), nullable=False),
        _script_fk("script_emergencies"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_script_emergencies")),
    )
    with op.batch_alter_table("script_emergencies") as batch:
        batch.create_index(op.f("ix_script_emergencies_script_id"), ["script_id"], unique=False)

    op.create_table(
        "compliance_records",
        *_synced_columns(),
        sa.Column("show_id", sa.String(36), nullable=False),
        sa.Column("script_id", sa.String(36), nullable=True),
        sa.Column("checked_by", sa.String(100), nullable=False),
        sa.Column("checked_at", UTCDateTime(), nullable=False),
        sa.Column("wordlist_version", sa.String(100), nullable=False),
        sa.Column("hits", sa.JSON(), nullable=False),
        sa.Column("forbidden_count", sa.Integer(), nullable=False),
        sa.Column("caution_count", sa.Integer(), nullable=False),
        sa.Column("evidence_count", sa.Integer(), nullable=False),
        sa.Column("price_flags", sa.JSON(), nullable=False),
        sa.Column("confirmed_price_keys", sa.JSON(), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["script_id"],
            ["scripts.id"],
            name=op.f("fk_compliance_records_script_id_scripts"),
            ondelete="SET NULL",
        ),
        _show_fk("compliance_records"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_compliance_records")),
    )
    with op.batch_alter_table("compliance_records") as batch:
        batch.create_index(op.f("ix_compliance_records_show_id"), ["show_id"], unique=False)

    op.create_table(
        "onair_corrections",
        *_synced_columns(),
        sa.Column("show_id", sa.String(36), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("logged_by", sa.String(100), nullable=False),
        sa.Column("segment_index", sa.Integer(), nullable=True),
        sa.Column("said", sa.Text(), nullable=False),
        sa.Column("correction", sa.Text(), nullable=False),
        _show_fk("onair_corrections"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_onair_corrections")),
    )
    with op.batch_alter_table("onair_corrections") as batch:
        batch.create_index(op.f("ix_onair_corrections_show_id"), ["show_id"], unique=False)

    op.create_table(
        "run_log_events",
        *_synced_columns(),
        sa.Column("show_id", sa.String(36), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("segment_index", sa.Integer(), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        _show_fk("run_log_events"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_run_log_events")),
    )
    with op.batch_alter_table("run_log_events") as batch:
        batch.create_index("ix_run_log_events_show_at", ["show_id", "at"], unique=False)

    op.create_table(
        "promo_states",
        *_synced_columns(),
        sa.Column("show_id", sa.String(36), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("saved_at", UTCDateTime(), nullable=False),
        _show_fk("promo_states"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promo_states")),
    )
    with op.batch_alter_table("promo_states") as batch:
        batch.create_index(op.f("ix_promo_states_show_id"), ["show_id"], unique=False)


def downgrade() -> None:
    op.drop_table("promo_states")
    op.drop_table("run_log_events")
    op.drop_table("onair_corrections")
    op.drop_table("compliance_records")
    op.drop_table("script_emergencies")
    op.drop_table("script_products")
    op.drop_table("script_segments")
    op.drop_table("scripts")
