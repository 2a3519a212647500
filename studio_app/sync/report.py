"""What a sync round says about itself: its status, its report, the problems a user can act on.

Kept apart from ``sync.client`` so the status bar can name these without loading httpx and pydantic,
which only a round itself needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from studio_app.store.writer import NO_CHANGES, Changes


class SyncStatus(StrEnum):
    # No server set: sync is off (a first run, or a studio that works alone).
    OFF = "off"
    OFFLINE = "offline"
    SYNCING = "syncing"
    UP_TO_DATE = "up_to_date"
    ERROR = "error"


class SyncError(Exception):
    """A sync problem the user can act on; ``str()`` is the message, already translated."""

    status = SyncStatus.ERROR


class OfflineError(SyncError):
    status = SyncStatus.OFFLINE


class AuthError(SyncError):
    pass


class SchemaMismatchError(SyncError):
    pass


class InsecureServerError(SyncError):
    """Plain HTTP to another computer, or a certificate this computer does not trust: nothing was sent."""


@dataclass(frozen=True)
class SyncReport:
    pushed_ops: int = 0
    pulled_changes: int = 0
    rejected_ops: int = 0
    new_conflicts: int = 0
    pending_ops: int = 0
    checksum_ok: bool | None = None
    mismatched_tables: tuple[str, ...] = ()
    repaired: bool = False
    clock_warning: str = ""
    # Pulled changes set aside this round (not a row of their table): kept in the quarantine, not applied.
    quarantined: int = 0
    # The database was put back from a backup (or is an older copy): this round started over as a new
    # computer and fetched everything again (sync/restore.py).
    restored: bool = False
    # Every table the round wrote locally (pulled rows, the outbox, the sync bookkeeping).
    changes: Changes = field(default=NO_CHANGES)
