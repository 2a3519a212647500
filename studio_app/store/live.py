"""What the user sees of synced rows: only the live ones.

A synced row is never hard-deleted; its ``deleted_at`` tombstone is set instead, here or at the head office,
and sync delivers that tombstone to every desktop. So every query that lists or loads rows for the user goes
through these helpers, and every "delete" the user makes goes through :func:`tombstone`. Sync's own code
(``studio_app.sync``, ``studio_app.server``) must see tombstones and does not use this module.

A global filter (SQLAlchemy's ``with_loader_criteria`` in a ``do_orm_execute`` hook) was considered and left
out: sync shares the engine and sessions, and a filter it has to opt out of fails silently the wrong way (a
tombstone that never travels), while a missing ``not_deleted`` here shows up in a test.
"""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from sqlalchemy import ColumnElement, and_
from sqlalchemy.orm import Session

from studio_app.store.models.base import SyncedMixin

Row = TypeVar("Row", bound=SyncedMixin)


def not_deleted(*models: type[SyncedMixin]) -> ColumnElement[bool]:
    """The WHERE condition "not tombstoned" for each model, e.g. ``.where(not_deleted(Show), ...)``;
    several models for a join: ``not_deleted(ScriptRow, Show)``."""
    if not models:
        raise ValueError("not_deleted() needs at least one model")
    return and_(*(model.deleted_at.is_(None) for model in models))


def is_live(row: SyncedMixin | None) -> bool:
    """True for a row that exists and is not tombstoned (for rows reached through a relationship)."""
    return row is not None and row.deleted_at is None


def get_live(session: Session, model: type[Row], row_id: str | None) -> Row | None:
    """``session.get`` that treats a tombstoned row as missing."""
    if row_id is None:
        return None
    row = session.get(model, row_id)
    return row if row is not None and row.deleted_at is None else None


def tombstone(row: SyncedMixin, now: datetime) -> bool:
    """Delete a synced row the way that can travel: set ``deleted_at`` (from ``context.clock.now()``).

    Returns False when it was already deleted (its first deletion time is kept)."""
    if row.deleted_at is not None:
        return False
    row.deleted_at = now
    return True
