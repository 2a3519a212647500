"""The local database: one SQLite file in the workspace, WAL mode, foreign keys on, migrated on open."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from studio_app.i18n import translate
from studio_app.store.backups import BackupPolicy, backup_database, backup_if_due
from studio_app.store.errors import DatabaseCorruptError, DatabaseLockedError
from studio_app.store.revisions import code_heads, stored_heads

log = logging.getLogger(__name__)


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Workers and the GUI share the file; wait a little instead of failing at once on a busy writer.
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _probe_file(path: Path) -> None:
    """Fail early, with words a studio can act on, on a file that is not a healthy, free SQLite database."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=2.0)
        try:
            row = con.execute("PRAGMA quick_check").fetchone()
            # BEGIN IMMEDIATE takes the write lock: another Studio Console holding it shows up here.
            con.execute("BEGIN IMMEDIATE")
            con.execute("ROLLBACK")
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise DatabaseLockedError(
                translate(
                    "Store",
                    "The database {path} is in use by another program (is Studio Console already open?). "
                    "Close it, or open another workspace.",
                ).format(path=path)
            ) from exc
        raise DatabaseCorruptError(_corrupt_message(path)) from exc
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorruptError(_corrupt_message(path)) from exc
    if row is None or row[0] != "ok":
        raise DatabaseCorruptError(_corrupt_message(path))


def _corrupt_message(path: Path) -> str:
    return translate(
        "Store",
        "The database {path} is damaged and cannot be opened. Restore the latest automatic backup, "
        "or open another workspace.",
    ).format(path=path)


class Database:
    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(
        cls,
        path: Path,
        backups_dir: Path | None = None,
        migrate: bool = True,
        backup_policy: BackupPolicy | None = None,
        now: datetime | None = None,
    ) -> Database:
        """Open (creating if needed) and migrate. Raises a :class:`StoreError` the UI can show.

        With ``backups_dir``, a file about to be migrated is backed up first; with ``backup_policy`` too (the
        desktop), it is also backed up when the newest backup is older than the policy's interval.
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        _probe_file(path)
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        db = cls(engine, path)
        with engine.connect() as conn:
            stored = stored_heads(conn)
        needs_migration = migrate and stored != code_heads()
        if backups_dir is not None:
            at = now or datetime.now(UTC)
            if needs_migration and stored:  # a new, empty file has nothing to lose
                backup_database(path, backups_dir, at)
            elif backup_policy is not None:
                backup_if_due(path, backups_dir, backup_policy, at)
        if needs_migration:
            # Alembic is imported only here: most starts find the file already at the code's heads.
            from studio_app.store.migrate import upgrade

            upgrade(engine)
        return db

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()
