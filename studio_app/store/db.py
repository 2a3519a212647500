"""The local database: one SQLite file in the workspace, WAL mode, foreign keys on, migrated on open."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from studio_app.i18n import translate

log = logging.getLogger(__name__)

BACKUPS_KEPT = 5


class StoreError(Exception):
    """A problem with the database file that the user can act on. ``str()`` is the message to show."""


class DatabaseCorruptError(StoreError):
    pass


class DatabaseLockedError(StoreError):
    pass


class SchemaTooNewError(StoreError):
    pass


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


def backup_database(path: Path, backups_dir: Path, now: datetime | None = None) -> Path | None:
    """Copy the database with SQLite's online backup (consistent even in WAL mode); keep the newest few."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%f")
    target = backups_dir / f"{path.stem}-{stamp}.sqlite3"
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    for old in list_backups(backups_dir, path.stem)[BACKUPS_KEPT:]:
        old.unlink(missing_ok=True)
    return target


def list_backups(backups_dir: Path, stem: str = "studio") -> list[Path]:
    """Newest first."""
    return sorted(backups_dir.glob(f"{stem}-*.sqlite3"), reverse=True)


def restore_backup(backup: Path, path: Path) -> None:
    """Put a backup in place of a damaged database; the damaged file is kept beside it, never deleted."""
    if path.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        path.rename(path.with_name(f"{path.name}.damaged-{stamp}"))
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copy2(backup, path)


class Database:
    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, path: Path, backups_dir: Path | None = None, migrate: bool = True) -> Database:
        """Open (creating if needed) and migrate. Raises a :class:`StoreError` the UI can show."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        _probe_file(path)
        if backups_dir is not None:
            backup_database(path, backups_dir)
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        db = cls(engine, path)
        if migrate:
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
