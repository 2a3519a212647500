"""Automatic backups of the workspace database, kept like a careful desktop app keeps them.

The desktop backs up when it starts, at most once per :attr:`BackupPolicy.min_interval`; a command backs up
only before it migrates the file. Which copies stay follows Anki's scheme: the newest few, then the newest of
each of the last days, weeks and months, so a crash loop or a busy afternoon cannot rotate last month's good
copy out. A copy is taken with SQLite's online backup (consistent in WAL mode) into a temporary name and
checked before it counts; a source or a copy that fails its integrity check is never kept as a backup and
prunes nothing.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

log = logging.getLogger(__name__)

_STAMP = "%Y%m%dT%H%M%S%f"
BACKUPS_KEPT = 5  # the newest copies always kept, whatever their age
# Left in a restored file's ``app_meta`` (value: the backup's name): the file no longer holds this
# computer's latest changes, some of which the server may already have. The sync layer reads it at its
# next round, starts over as a new computer, fetches everything again and removes it.
RESTORED_KEY = "restored_from_backup"


@dataclass(frozen=True)
class Retention:
    recent: int = BACKUPS_KEPT
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass(frozen=True)
class BackupPolicy:
    min_interval: timedelta = timedelta(hours=6)
    retention: Retention = field(default_factory=Retention)


def backup_time(backup: Path) -> datetime | None:
    """When a backup was taken, from its name (``studio-20260101T000000000000.sqlite3``)."""
    stamp = backup.stem.rsplit("-", 1)[-1]
    try:
        return datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def list_backups(backups_dir: Path, stem: str = "studio") -> list[Path]:
    """Newest first."""
    return sorted(
        (p for p in backups_dir.glob(f"{stem}-*.sqlite3") if backup_time(p) is not None), reverse=True
    )


def is_healthy(path: Path) -> bool:
    """SQLite's quick integrity check passes on the file."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2.0)
        try:
            row = con.execute("PRAGMA quick_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False
    return row is not None and row[0] == "ok"


def backup_database(
    path: Path, backups_dir: Path, now: datetime | None = None, retention: Retention | None = None
) -> Path | None:
    """Copy the database, check the copy, then prune by ``retention``; None when there was nothing healthy
    to copy (no file, an empty one, or one that fails its integrity check)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    if not is_healthy(path):
        log.error("not backing up %s: it fails its integrity check", path)
        return None
    backups_dir.mkdir(parents=True, exist_ok=True)
    taken = now or datetime.now(UTC)
    target = backups_dir / f"{path.stem}-{taken.strftime(_STAMP)}.sqlite3"
    partial = target.with_suffix(".partial")
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    dst = sqlite3.connect(partial)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    if not is_healthy(partial):
        log.error("backup copy of %s failed its integrity check; discarded", path)
        partial.unlink(missing_ok=True)
        return None
    partial.replace(target)
    prune_backups(backups_dir, path.stem, retention or Retention())
    return target


def backup_if_due(path: Path, backups_dir: Path, policy: BackupPolicy, now: datetime) -> Path | None:
    """A backup unless the newest one is younger than the policy's interval."""
    newest = next(iter(list_backups(backups_dir, path.stem)), None)
    taken = backup_time(newest) if newest is not None else None
    if taken is not None and timedelta(0) <= now - taken < policy.min_interval:
        return None
    return backup_database(path, backups_dir, now, policy.retention)


def backups_to_keep(backups: list[Path], retention: Retention) -> set[Path]:
    """The newest ``recent``, and the newest of each of the last ``daily`` days, ``weekly`` ISO weeks and
    ``monthly`` months that have a backup."""
    dated = sorted(((t, p) for p in backups if (t := backup_time(p)) is not None), reverse=True)
    keep = {p for _, p in dated[: retention.recent]}
    buckets: list[tuple[int, Callable[[datetime], object]]] = [
        (retention.daily, lambda t: t.date()),
        (retention.weekly, lambda t: t.isocalendar()[:2]),
        (retention.monthly, lambda t: (t.year, t.month)),
    ]
    for limit, key_of in buckets:
        seen: set[object] = set()
        for taken, backup in dated:
            key = key_of(taken)
            if key in seen:
                continue
            if len(seen) >= limit:
                break
            seen.add(key)
            keep.add(backup)
    return keep


def prune_backups(backups_dir: Path, stem: str, retention: Retention) -> list[Path]:
    backups = list_backups(backups_dir, stem)
    keep = backups_to_keep(backups, retention)
    removed = [b for b in backups if b not in keep]
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def restore_backup(backup: Path, path: Path) -> None:
    """Put a backup in place of a damaged database; the damaged file is kept beside it, never deleted.

    The restored file is marked (``RESTORED_KEY``) so that its next sync round fetches back what this
    computer sent the server after the backup was taken.
    """
    if path.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        path.rename(path.with_name(f"{path.name}.damaged-{stamp}"))
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copy2(backup, path)
    mark_restored(path, backup.name)


def mark_restored(path: Path, source: str) -> None:
    """Note in the database at ``path`` that it was put back from ``source`` (see ``RESTORED_KEY``)."""
    con = sqlite3.connect(path)
    try:
        with con:
            con.execute("INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, ?)", (RESTORED_KEY, source))
    except sqlite3.DatabaseError as exc:
        # A file too old or too damaged for the mark: the server's hello check still catches the restore
        # once this computer's later pushes are known there.
        log.warning("could not mark %s as restored from %s: %s", path, source, exc)
    finally:
        con.close()
