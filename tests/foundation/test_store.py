from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from studio_app.store.backups import BACKUPS_KEPT, backup_database, list_backups, restore_backup
from studio_app.store.db import Database
from studio_app.store.errors import DatabaseCorruptError, DatabaseLockedError, SchemaTooNewError
from studio_app.store.models import Show
from studio_app.workspace import Workspace


def test_database_uses_wal_and_enforces_foreign_keys(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_synced_rows_get_uuid_and_aware_utc_timestamps(db: Database) -> None:
    with db.session() as s:
        show = Show(title="双十一预热专场")
        s.add(show)
    with db.session() as s:
        loaded = s.get(Show, show.id)
        assert loaded is not None
        assert len(loaded.id) == 36 and loaded.id.count("-") == 4
        assert loaded.created_at.tzinfo is not None
        assert loaded.title == "双十一预热专场"


def test_naive_datetimes_are_refused(db: Database) -> None:
    with pytest.raises(Exception, match="naive datetime"), db.session() as s:
        s.add(Show(title="x", planned_start=datetime(2026, 11, 25, 20, 0)))
        s.flush()


def test_failed_unit_of_work_rolls_back(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(Show(title="never saved"))
        s.flush()
        raise RuntimeError("boom")
    with db.session() as s:
        assert s.query(Show).filter_by(title="never saved").count() == 0


def test_garbage_file_is_reported_as_damaged_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "studio.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseCorruptError, match="damaged"):
        Database.open(path)
    assert path.read_bytes().startswith(b"this is not"), "the damaged file must be left as it was"


def test_database_locked_by_another_writer_gives_clear_message(workspace: Workspace) -> None:
    Database.open(workspace.db_path).close()
    holder = sqlite3.connect(workspace.db_path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLockedError, match="in use"):
            Database.open(workspace.db_path)
    finally:
        holder.rollback()
        holder.close()


def test_database_from_a_newer_version_is_refused(workspace: Workspace) -> None:
    Database.open(workspace.db_path).close()
    con = sqlite3.connect(workspace.db_path)
    con.execute("INSERT INTO alembic_version (version_num) VALUES ('9999_from_the_future')")
    con.commit()
    con.close()
    with pytest.raises(SchemaTooNewError, match="newer version"):
        Database.open(workspace.db_path)


def test_each_open_backs_up_and_only_the_newest_are_kept(workspace: Workspace) -> None:
    db = Database.open(workspace.db_path, backups_dir=workspace.backups_dir)
    with db.session() as s:
        s.add(Show(title="备份里要有我"))
    db.close()
    for second in range(BACKUPS_KEPT + 2):
        backup_database(
            workspace.db_path, workspace.backups_dir, datetime(2026, 1, 1, 0, 0, second, tzinfo=UTC)
        )
    backups = list_backups(workspace.backups_dir)
    assert len(backups) == BACKUPS_KEPT
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT title FROM shows").fetchall() == [("备份里要有我",)]
    con.close()


def test_restore_backup_replaces_damaged_file_and_keeps_it_aside(workspace: Workspace) -> None:
    db = Database.open(workspace.db_path)
    with db.session() as s:
        s.add(Show(title="saved before the crash"))
    db.close()
    backup = backup_database(workspace.db_path, workspace.backups_dir)
    assert backup is not None
    workspace.db_path.write_bytes(b"\0garbage" * 512)
    restore_backup(backup, workspace.db_path)
    damaged = list(workspace.root.glob("studio.sqlite3.damaged-*"))
    assert len(damaged) == 1
    with Database.open(workspace.db_path).session() as s:
        assert [show.title for show in s.query(Show)] == ["saved before the crash"]


def test_the_short_utc_text_is_what_sqlalchemy_stores() -> None:
    """Bulk writes bind times through base.bind_processor; a row must read back (and match in a range
    query) exactly as one written by the ORM."""
    from datetime import timedelta, timezone

    from sqlalchemy import Column
    from sqlalchemy.dialects import sqlite

    from studio_app.store.models.base import UTCDateTime, bind_processor

    column: Column[datetime] = Column("at", UTCDateTime())
    dialect = sqlite.dialect()
    short = bind_processor(column, dialect)
    generic = column.type.dialect_impl(dialect).bind_processor(dialect)
    assert short is not None and generic is not None and short is not generic
    china = timezone(timedelta(hours=8))
    start = datetime(1999, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC)
    for i in range(0, 10_000_000, 9_973):
        value = start + timedelta(seconds=i * 37, microseconds=i % 1_000_000)
        assert short(value) == generic(value)
        assert short(value.astimezone(china)) == generic(value.astimezone(china))
    with pytest.raises(ValueError):
        short(datetime(2026, 1, 1))
