"""Tables the whole app shares: shows, and facts about the store itself."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from studio_app.store.models.base import Base, SyncedMixin, UTCDateTime


class Show(SyncedMixin, Base):
    """One live-selling session (一场直播)."""

    __tablename__ = "shows"

    title: Mapped[str] = mapped_column(String(200), nullable=False)
    platform: Mapped[str] = mapped_column(String(40), default="douyin", nullable=False)
    planned_start: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    planned_minutes: Mapped[int] = mapped_column(default=120, nullable=False)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    host_name: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    is_demo: Mapped[bool] = mapped_column(default=False, nullable=False)


class AppMeta(Base):
    """Key/value facts about this workspace (node id, demo seeded, ...). Not synced."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)
