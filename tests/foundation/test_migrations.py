from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from studio_app.store.db import Database
from studio_app.store.migrate import alembic_config, current_revisions
from studio_app.store.models import Base, Show


def test_migrations_create_exactly_what_the_models_declare(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"render_as_batch": True, "compare_type": False})
        diff = compare_metadata(context, Base.metadata)
    assert diff == [], f"models and migrations differ: {diff}"


def test_database_is_at_every_head_after_open(db: Database) -> None:
    heads = set(ScriptDirectory.from_config(alembic_config()).get_heads())
    assert current_revisions(db.engine) == heads


def test_database_written_by_the_first_version_opens_in_this_one(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_foundation")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO shows (id, created_at, updated_at, title, platform, planned_minutes, host_name, notes, "
        "is_demo) VALUES ('00000000-0000-4000-8000-000000000001', '2025-01-01 10:00:00', "
        "'2025-01-01 10:00:00', '老版本的直播', 'douyin', 90, '', '', 0)"
    )
    con.commit()
    con.close()

    db = Database.open(path)
    with db.session() as s:
        old = s.get(Show, "00000000-0000-4000-8000-000000000001")
        assert old is not None and old.title == "老版本的直播" and old.planned_minutes == 90
    assert current_revisions(db.engine) == set(ScriptDirectory.from_config(cfg).get_heads())
