"""Tables of the live room: the viewers' question queue and the flash-sale stock counts of a show."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from studio_app.store.models.base import Base, SyncedMixin, UTCDateTime


class LiveQuestion(SyncedMixin, Base):
    """A viewer's question the operator collected; ``status`` is a ``liveroom.questions.QuestionStatus``."""

    __tablename__ = "live_questions"

    show_id: Mapped[str] = mapped_column(ForeignKey("shows.id"), nullable=False, index=True)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    starred: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    segment_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
    shown_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class LiveStock(SyncedMixin, Base):
    """A link's live stock count during the show: one row per (show, link), the newest count."""

    __tablename__ = "live_stock"

    show_id: Mapped[str] = mapped_column(ForeignKey("shows.id"), nullable=False, index=True)
    link_no: Mapped[int] = mapped_column(Integer, nullable=False)
    count: Mapped[int] = mapped_column(Integer, nullable=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False)  # "hand" or "feed"
