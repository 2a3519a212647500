"""The one place that lists shows: every panel's show picker and every command's "which show" use it.

A show (一场直播) is what every area hangs its rows on, so this sits just above the store and below the
areas.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from studio_app.store.db import Database
from studio_app.store.live import not_deleted
from studio_app.store.models import Show


@dataclass(frozen=True)
class ShowSummary:
    id: str
    title: str
    platform: str
    planned_start: datetime | None
    planned_minutes: int
    started_at: datetime | None
    ended_at: datetime | None
    created_at: datetime
    host_name: str
    is_demo: bool

    @property
    def start(self) -> datetime:
        """When it started, else when it is planned, else when it was made: the order lists use."""
        return self.started_at or self.planned_start or self.created_at

    @classmethod
    def of(cls, show: Show) -> ShowSummary:
        return cls(
            id=show.id,
            title=show.title,
            platform=show.platform,
            planned_start=show.planned_start,
            planned_minutes=show.planned_minutes,
            started_at=show.started_at,
            ended_at=show.ended_at,
            created_at=show.created_at,
            host_name=show.host_name,
            is_demo=show.is_demo,
        )


def show_rows(session: Session) -> list[Show]:
    """Live shows, newest first (by start, planned start, then creation)."""
    return list(
        session.scalars(
            select(Show)
            .where(not_deleted(Show))
            .order_by(func.coalesce(Show.started_at, Show.planned_start, Show.created_at).desc())
        )
    )


def list_shows(db: Database) -> list[ShowSummary]:
    with db.session() as session:
        return [ShowSummary.of(show) for show in show_rows(session)]


def find_show(db: Database, show_id: str | None) -> ShowSummary | None:
    """The live show of that id, or without one the most recent show; None when there is no such show."""
    shows = list_shows(db)
    if show_id is None:
        return shows[0] if shows else None
    return next((show for show in shows if show.id == show_id), None)


def shows_between(session: Session, start: datetime, end: datetime) -> list[Show]:
    """Shows that started (or were planned to) in ``[start, end)``."""
    return [s for s in show_rows(session) if start <= (s.started_at or s.planned_start or s.created_at) < end]
