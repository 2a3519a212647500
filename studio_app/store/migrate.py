"""Alembic, driven from code: the app migrates its own database on every start."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from studio_app.i18n import translate
from studio_app.store.errors import SchemaTooNewError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def upgrade(engine: Engine) -> None:
    cfg = alembic_config()
    known = {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}
    unknown = current_revisions(engine) - known
    if unknown:
        # A newer Studio Console wrote this file; migrating "down" would lose its data.
        raise SchemaTooNewError(
            translate(
                "Store",
                "This workspace was written by a newer version of Studio Console. "
                "Update the app, or open another workspace.",
            )
        )
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        # Each area has its own branch off the foundation revision; "heads" applies all of them.
        command.upgrade(cfg, "heads")
