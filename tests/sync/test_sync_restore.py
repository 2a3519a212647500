"""A workspace put back from a backup gets back what it had sent the server after that backup.

End to end over the real server process (SQLite and PostgreSQL backends): a desktop of studio A edits after
a backup (a new show, a changed title, a deleted show) and syncs; its database is then replaced by the
backup, through ``restore_backup`` or by copying the file by hand. The next round starts over as a new
computer, and afterwards the desktop, the server and a second desktop of the studio hold the same rows,
none of them twice. The comparison behind the by-hand case is also tested on its own.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sync_harness import assert_in_step, live_records, server_record_count, studio_app

from studio_app.clock import SystemClock
from studio_app.server import service, tokens
from studio_app.server import tables as st
from studio_app.store.backups import RESTORED_KEY, backup_database, restore_backup
from studio_app.store.db import Database
from studio_app.store.live import tombstone
from studio_app.store.models import AppMeta, Show
from studio_app.store.models.sync import SyncOutbox, SyncState
from studio_app.sync.outbox import install
from studio_app.sync.restore import older_than_server
from studio_app.workspace import Workspace


def _node_id(db: Database) -> str:
    with db.session() as s:
        return s.get(SyncState, 1).node_id


def _titles(db: Database) -> dict[str, tuple[str, bool]]:
    """Every show: (title, deleted)."""
    with db.session() as s:
        return {show.id: (show.title, show.deleted_at is not None) for show in s.scalars(select(Show))}


def _server_counter(backend) -> int:
    with backend.engine.connect() as conn:
        # The newest change in the feed (st.counter is unused on PostgreSQL).
        return int(conn.execute(select(func.max(st.records.c.seq))).scalar() or 0)


def _add_show(db: Database, title: str) -> str:
    with db.session() as s:
        show = Show(title=title)
        s.add(show)
        s.flush()
        return show.id


def _reopen(db: Database) -> Database:
    """The desktop's database opened again after its file was replaced (as the app does at its next start)."""
    assert db.path is not None
    reopened = Database.open(db.path)
    install(reopened.engine, SystemClock())
    return reopened


class _Studio:
    """Desktop A of studio A (the one restored), desktop A2 of the same studio, and their clients."""

    def __init__(self, backend, desktop, make_client, tmp_path: Path) -> None:
        self.backend, self.make_client = backend, make_client
        self.reopened: list[Database] = []
        self.a_db, self.a2_db = desktop("a"), desktop("a2")
        self.a = self.client(self.a_db)
        self.a2 = self.client(self.a2_db)
        self.backups_dir = tmp_path / "a-backups"

    def client(self, db: Database):
        return self.make_client(db, self.backend.server.url, self.backend.tokens["studio_a"])

    def replace_a(self, put_back) -> None:
        """Stop desktop A, let ``put_back(path)`` replace its file, and start it again."""
        self.a.close()
        self.a.writer.close()
        self.a_db.close()
        assert self.a_db.path is not None
        put_back(self.a_db.path)
        self.a_db = _reopen(self.a_db)
        self.reopened.append(self.a_db)
        self.a = self.client(self.a_db)

    def close(self) -> None:
        for db in self.reopened:
            db.close()

    def edit_after_backup(self) -> tuple[Path, dict[str, str]]:
        """Shows synced, one edit still waiting at the backup; after it: that edit synced, then a new show,
        a changed title (of the show the waiting edit touched) and a deleted show, synced."""
        ids = {name: _add_show(self.a_db, name) for name in ("kept", "renamed", "deleted")}
        assert self.a.sync().checksum_ok
        assert self.a2.sync().pulled_changes == 3
        with self.a_db.session() as s:
            s.get(Show, ids["renamed"]).title = "renamed once"  # waiting in the outbox at the backup
        backup = backup_database(self.a_db.path, self.backups_dir)
        assert backup is not None
        assert self.a.sync().pushed_ops == 1
        ids["new"] = _add_show(self.a_db, "made after the backup")
        with self.a_db.session() as s:
            s.get(Show, ids["renamed"]).title = "renamed twice"
            tombstone(s.get(Show, ids["deleted"]), datetime.now(UTC))
        assert self.a.sync().checksum_ok
        assert self.a2.sync().checksum_ok
        return backup, ids

    def expected(self, ids: dict[str, str]) -> dict[str, tuple[str, bool]]:
        return {
            ids["kept"]: ("kept", False),
            ids["renamed"]: ("renamed twice", False),
            ids["deleted"]: ("deleted", True),
            ids["new"]: ("made after the backup", False),
        }


@pytest.fixture
def studio(backend, desktop, make_client, tmp_path) -> Iterator[_Studio]:
    made = _Studio(backend, desktop, make_client, tmp_path)
    yield made
    made.close()


@pytest.fixture
def sqlite_studio(sqlite_backend, desktop, make_client, tmp_path) -> Iterator[_Studio]:
    made = _Studio(sqlite_backend, desktop, make_client, tmp_path)
    yield made
    made.close()


def _restore_by_copy(backup: Path):
    def put_back(path: Path) -> None:
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copy2(backup, path)

    return put_back


@pytest.mark.parametrize("how", ["restore_backup", "copied_by_hand"])
def test_a_restored_desktop_gets_back_what_it_synced_after_the_backup(how, studio, backend):
    backup, ids = studio.edit_after_backup()
    old_node = _node_id(studio.a_db)
    records_before, counter_before = server_record_count(backend.engine), _server_counter(backend)

    if how == "restore_backup":
        studio.replace_a(lambda path: restore_backup(backup, path))
        with studio.a_db.session() as s:
            assert s.get(AppMeta, RESTORED_KEY).value == backup.name
    else:
        studio.replace_a(_restore_by_copy(backup))
    assert _titles(studio.a_db)[ids["renamed"]] == ("renamed once", False)  # the backup's version
    assert ids["new"] not in _titles(studio.a_db)

    report = studio.a.sync()

    assert report.restored and report.checksum_ok and not report.repaired
    assert _titles(studio.a_db) == studio.expected(ids)
    assert _node_id(studio.a_db) not in (old_node, "")
    # The edit waiting in the backup's outbox went again with its op id: a duplicate, applied nothing,
    # and no version came back as new; the server holds each show once.
    assert report.pushed_ops == 1
    assert server_record_count(backend.engine) == records_before == 4
    assert _server_counter(backend) == counter_before
    with studio.a_db.session() as s:
        assert s.get(AppMeta, RESTORED_KEY) is None
        assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 0
    assert_in_step(studio.a_db, backend, "studio_a")
    assert studio.a2.sync().pulled_changes == 0
    assert _titles(studio.a2_db) == studio.expected(ids)
    assert live_records(studio.a2_db) == live_records(studio.a_db)

    again = studio.a.sync()  # the start-over happens once
    assert not again.restored and again.pulled_changes == 0 and again.checksum_ok


def test_after_a_restore_new_edits_sync_under_the_new_node_id(studio, backend):
    backup, ids = studio.edit_after_backup()
    studio.replace_a(lambda path: restore_backup(backup, path))
    assert studio.a.sync().restored
    new_node = _node_id(studio.a_db)

    later = _add_show(studio.a_db, "made after the restore")
    with studio.a_db.session() as s:
        s.get(Show, ids["kept"]).title = "kept, edited after the restore"
    report = studio.a.sync()
    assert not report.restored and report.pushed_ops == 2 and report.checksum_ok

    with backend.engine.connect() as conn:
        origins = dict(
            conn.execute(
                select(st.records.c.record_id, st.records.c.origin_node).where(
                    st.records.c.record_id.in_([later, ids["kept"]])
                )
            ).all()
        )
    assert origins == {later: new_node, ids["kept"]: new_node}
    assert studio.a2.sync().pulled_changes == 2
    titles = _titles(studio.a2_db)
    assert titles[later] == ("made after the restore", False)
    assert titles[ids["kept"]] == ("kept, edited after the restore", False)
    assert_in_step(studio.a2_db, backend, "studio_a")
    assert server_record_count(backend.engine) == 5


def test_a_copied_file_that_made_new_edits_before_its_first_sync_is_caught_by_the_stamps(
    sqlite_studio, sqlite_backend
):
    """The copy has handed out more seqs than the server saw from the node: the stamp under the server's
    seq tells it apart, and neither the old changes nor the new ones are lost."""
    studio = sqlite_studio
    backup, ids = studio.edit_after_backup()
    studio.replace_a(_restore_by_copy(backup))
    made = [_add_show(studio.a_db, f"after the copy {i}") for i in range(5)]

    report = studio.a.sync()

    assert report.restored and report.checksum_ok
    titles = _titles(studio.a_db)
    assert {k: titles[k] for k in ids.values()} == studio.expected(ids)
    assert [titles[show_id] for show_id in made] == [(f"after the copy {i}", False) for i in range(5)]
    assert server_record_count(sqlite_backend.engine) == 9
    assert studio.a2.sync().pulled_changes == 5
    assert live_records(studio.a2_db) == live_records(studio.a_db)


def test_a_desktop_that_is_not_restored_never_starts_over(sqlite_studio):
    studio = sqlite_studio
    node = _node_id(studio.a_db)
    _add_show(studio.a_db, "first")
    assert not studio.a.sync().restored
    _add_show(studio.a_db, "second")  # waiting: its seq is above what the server has seen
    assert not studio.a.sync().restored
    assert _node_id(studio.a_db) == node


@pytest.mark.parametrize(
    ("pushed_seq", "pushed_stamp", "last_seq", "stamp_here", "older"),
    [
        (0, "", 7, None, False),  # the server has nothing from this node (or is older than this check)
        (7, "s7", 7, None, False),  # in step: seq 7 was acknowledged and dropped from the outbox
        (7, "s7", 9, "s7", False),  # seq 7's answer was lost: it waits here with the stamp the server saw
        (7, "s7", 9, None, False),  # went on after the push
        (9, "s9", 7, None, True),  # the server saw seqs this file never reached: a restored copy
        (7, "s7", 9, "t7", True),  # the file went past 7 since it was copied: its own 7 is another change
    ],
)
def test_older_than_server_compares_the_servers_seq_and_stamp_with_the_file(
    pushed_seq, pushed_stamp, last_seq, stamp_here, older
):
    assert older_than_server(pushed_seq, pushed_stamp, last_seq, stamp_here) is older


def test_the_sync_command_says_the_workspace_was_restored(sqlite_backend, tmp_path):
    """The app's own path: the workspace's database, its backups folder, ``studio-app sync`` as a process."""
    workspace = Workspace(tmp_path / "ws").ensure()
    token = sqlite_backend.tokens["studio_a"]

    def sync_once() -> str:
        done = studio_app(
            "sync", "--once", "--server", sqlite_backend.server.url, workspace=workspace.root, token=token
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def add_show(title: str) -> None:
        db = Database.open(workspace.db_path)
        install(db.engine, SystemClock())
        _add_show(db, title)
        db.close()

    add_show("before the backup")
    assert "0 waiting" in sync_once()  # with what the app itself made in the new workspace
    backup = backup_database(workspace.db_path, workspace.backups_dir)
    assert backup is not None
    add_show("after the backup")
    assert "Sent 1 changes" in sync_once()
    restore_backup(backup, workspace.db_path)

    said = sync_once()

    assert "This workspace was restored from a backup" in said
    db = Database.open(workspace.db_path)
    try:
        titles = [title for title, _ in _titles(db).values()]
    finally:
        db.close()
    assert titles.count("after the backup") == 1 and titles.count("before the backup") == 1
    assert "restored" not in sync_once()


def test_a_server_database_from_before_the_restore_check_gets_its_columns(tmp_path):
    engine = service.open_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    with engine.begin() as conn:  # the computers table as it was made before pushed_seq existed
        conn.exec_driver_sql(
            "CREATE TABLE computers (node_id VARCHAR(36) PRIMARY KEY, studio_id VARCHAR(36) NOT NULL, "
            "first_seen_at TIMESTAMP NOT NULL, last_seen_at TIMESTAMP NOT NULL)"
        )
        conn.exec_driver_sql("INSERT INTO computers VALUES ('node-1', 's', '2026-01-01', '2026-01-01')")
    service.create_schema(engine)
    assert tokens.pushed_by(engine, "node-1") == (0, "")
    tokens.note_pushed(engine, "node-1", 9, "stamp-9")
    tokens.note_pushed(engine, "node-1", 7, "stamp-7")  # a batch applied after a later one
    assert tokens.pushed_by(engine, "node-1") == (9, "stamp-9")
    engine.dispose()
