"""Tables of the sync area: the outbox, this workspace's sync state, and conflicts the user resolves.

None of these travel themselves: they describe how the synced tables travel.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import BigInteger, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from studio_app.store.models.base import Base, UTCDateTime, new_id


class SyncOutbox(Base):
    """One local change waiting to reach the server, written in the same transaction as the change.

    ``seq`` is this workspace's own increasing number (first in, first out); ``op_id`` lets the server
    acknowledge a repeated push without applying it twice. ``payload`` is the whole row as JSON after the
    change, so a later op for the same row supersedes an earlier one.
    """

    __tablename__ = "sync_outbox"

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True, nullable=False, default=new_id)
    table_name: Mapped[str] = mapped_column(String(80), nullable=False)
    row_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    hlc: Mapped[str] = mapped_column(String(64), nullable=False)
    payload: Mapped[str] = mapped_column(Text, nullable=False)
    # JSON: each column the edit changed -> [its value before] ([] unknown); null for a new row (sync.merge).
    changed: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)


class SyncState(Base):
    """A single row (id 1): this workspace's node id, its hybrid logical clock, sequence and pull cursor."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    node_id: Mapped[str] = mapped_column(String(36), nullable=False)
    hlc_wall_ms: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    hlc_counter: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_seq: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    pull_cursor: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    server_url: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_error: Mapped[str] = mapped_column(Text, nullable=False, default="")
    drift_warning: Mapped[str] = mapped_column(Text, nullable=False, default="")


class SyncConflict(Base):
    """A version that lost (kept for the user to merge) or a change the server refused (with its reason)."""

    __tablename__ = "sync_conflicts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)  # "conflict" | "rejected"
    table_name: Mapped[str] = mapped_column(String(80), nullable=False)
    row_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    payload: Mapped[str] = mapped_column(Text, nullable=False)
    hlc: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    winner_hlc: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class SyncQuarantine(Base):
    """A pulled change that is not a row of its table (bad type, missing value, bad stamp): set aside here,
    with why, so one bad change never stops a pull. It is not applied; the cursor moves on past it."""

    __tablename__ = "sync_quarantine"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    seq: Mapped[int] = mapped_column(BigInteger, nullable=False)  # the server's feed position
    table_name: Mapped[str] = mapped_column(String(80), nullable=False)
    row_id: Mapped[str] = mapped_column(String(36), nullable=False)
    hlc: Mapped[str] = mapped_column(String(64), nullable=False)
    code: Mapped[str] = mapped_column(String(40), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    payload: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)


# Typed handles for Core statements (``__table__`` is typed as a plain FromClause).
OUTBOX_TABLE = cast(Table, SyncOutbox.__table__)
STATE_TABLE = cast(Table, SyncState.__table__)
CONFLICT_TABLE = cast(Table, SyncConflict.__table__)
QUARANTINE_TABLE = cast(Table, SyncQuarantine.__table__)
