"""Tables of the pre-show gate (开播前检查单): the studio's checklist template, each show's copy of it with
who ticked what, the prices a person confirmed and the overrides of going live over what was not clear."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from studio_app.store.models.base import Base, SyncedMixin, UTCDateTime


class GateTemplateItem(SyncedMixin, Base):
    """One line of the workspace's checklist template; a show copies the live lines when first opened."""

    __tablename__ = "gate_template_items"

    position: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)


class GateItem(SyncedMixin, Base):
    """A show's own checklist item; ``state`` is a ``showday.gate.ItemState``."""

    __tablename__ = "gate_items"

    show_id: Mapped[str] = mapped_column(ForeignKey("shows.id"), nullable=False, index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    state: Mapped[str] = mapped_column(String(10), nullable=False)
    ticked_by: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    ticked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class GatePriceTick(SyncedMixin, Base):
    """A person confirmed a product card's live price for the show; ``price`` is the price they saw, so a
    card whose price changed afterwards is unconfirmed again."""

    __tablename__ = "gate_price_ticks"

    show_id: Mapped[str] = mapped_column(ForeignKey("shows.id"), nullable=False, index=True)
    link_no: Mapped[int] = mapped_column(Integer, nullable=False)
    price: Mapped[str] = mapped_column(String(30), nullable=False)
    confirmed_by: Mapped[str] = mapped_column(String(100), nullable=False)
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)


class GateOverride(SyncedMixin, Base):
    """Going live over a gate that was not clear: who, when, why, and what stood (one line each)."""

    __tablename__ = "gate_overrides"

    show_id: Mapped[str] = mapped_column(ForeignKey("shows.id"), nullable=False, index=True)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    overridden_by: Mapped[str] = mapped_column(String(100), nullable=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    blockers: Mapped[str] = mapped_column(Text, nullable=False, default="")
