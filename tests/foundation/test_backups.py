"""Backups like a careful desktop app: at most once per interval, daily/weekly/monthly copies kept, and a
damaged file never taken as a backup."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from studio_app.store.backups import (
    BackupPolicy,
    Retention,
    backup_database,
    backup_time,
    list_backups,
)
from studio_app.store.db import Database
from studio_app.store.migrate import alembic_config
from studio_app.store.models import Show
from studio_app.store.revisions import code_heads, stored_heads
from studio_app.workspace import Workspace

START = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def _database_with_a_show(workspace: Workspace) -> None:
    db = Database.open(workspace.db_path)
    with db.session() as s:
        s.add(Show(title="keep me"))
    db.close()


def test_the_desktop_backs_up_at_most_once_per_interval(workspace: Workspace) -> None:
    _database_with_a_show(workspace)
    policy = BackupPolicy(min_interval=timedelta(hours=6))
    for minutes in (0, 10, 20, 6 * 60 + 1):
        Database.open(
            workspace.db_path,
            workspace.backups_dir,
            backup_policy=policy,
            now=START + timedelta(minutes=minutes),
        ).close()
    taken = sorted(backup_time(b) for b in list_backups(workspace.backups_dir))
    assert taken == [START, START + timedelta(minutes=6 * 60 + 1)]


def test_commands_do_not_back_up_a_file_that_needs_no_migration(workspace: Workspace) -> None:
    _database_with_a_show(workspace)
    for _ in range(3):
        Database.open(workspace.db_path, workspace.backups_dir).close()
    assert list_backups(workspace.backups_dir) == []


def test_a_migration_is_preceded_by_a_backup(workspace: Workspace) -> None:
    engine = create_engine(f"sqlite:///{workspace.db_path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_foundation")
    engine.dispose()
    # An older version's file: opening it migrates, so the unmigrated file is copied first.
    Database.open(workspace.db_path, workspace.backups_dir).close()
    (backup,) = list_backups(workspace.backups_dir)
    with create_engine(f"sqlite:///{backup}").connect() as conn:
        assert stored_heads(conn) == {"0001_foundation"}
    with create_engine(f"sqlite:///{workspace.db_path}").connect() as conn:
        assert stored_heads(conn) == code_heads()


def test_retention_keeps_daily_weekly_and_monthly_copies(workspace: Workspace) -> None:
    _database_with_a_show(workspace)
    retention = Retention(recent=3, daily=5, weekly=3, monthly=4)
    # Four backups a day (a busy afternoon of restarts) for 120 days.
    for day in range(120):
        for hour in (9, 12, 15, 18):
            at = START + timedelta(days=day, hours=hour - 9)
            backup_database(workspace.db_path, workspace.backups_dir, at, retention)
    kept = [backup_time(b) for b in list_backups(workspace.backups_dir)]
    assert kept[0] == START + timedelta(days=119, hours=9)
    days = {t.date() for t in kept if t is not None}
    months = {(t.year, t.month) for t in kept if t is not None}
    assert len(days) >= 5, "the last days each keep a copy"
    assert len(months) == 4, "each of the last four months keeps a copy"
    assert len(kept) <= 3 + 5 + 3 + 4
    # The busy last day cannot push last month's copy out.
    assert min(t for t in kept if t is not None) < START + timedelta(days=119 - 60)


def test_a_damaged_file_is_never_taken_as_a_backup(workspace: Workspace) -> None:
    _database_with_a_show(workspace)
    good = backup_database(workspace.db_path, workspace.backups_dir, START, Retention(recent=1, daily=1))
    assert good is not None
    data = bytearray(workspace.db_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for start in range(page, len(data), page):  # scramble every b-tree page's header; page 1 stays readable
        data[start : start + 12] = b"\x0d\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
    workspace.db_path.write_bytes(bytes(data))
    later = START + timedelta(days=1)
    assert (
        backup_database(workspace.db_path, workspace.backups_dir, later, Retention(recent=1, daily=1)) is None
    )
    assert list_backups(workspace.backups_dir) == [good], "the good backup must stay"


def test_code_heads_read_without_alembic_match_alembics_view() -> None:
    assert code_heads() == frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())


def test_the_backup_is_a_readable_copy(workspace: Workspace, tmp_path: Path) -> None:
    _database_with_a_show(workspace)
    backup = backup_database(workspace.db_path, workspace.backups_dir, START)
    assert backup is not None
    with Database.open(backup, migrate=False).session() as s:
        assert [show.title for show in s.query(Show)] == ["keep me"]
