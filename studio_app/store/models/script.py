"""Tables of the script area: the show plan, its compliance record, and what happened on air.

A script is saved as a new revision each time (``revision`` counts up per show), so a compliance record
points at exactly the text that was checked. The structured rows (segments, products, emergency scripts) are
the parsed script; ``source_text`` keeps the file as the user wrote it (comments included) for export.
Run log events, corrections and compliance records are the show's record, kept (and synced) for the three
years the 2026 直播电商监督管理办法 asks for.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from studio_app.store.models.base import Base, SyncedMixin, UTCDateTime


class ScriptRow(SyncedMixin, Base):
    __tablename__ = "scripts"
    __table_args__ = (Index("ix_scripts_show_revision", "show_id", "revision"),)

    show_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("shows.id", ondelete="CASCADE"), nullable=False
    )
    revision: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    source_text: Mapped[str] = mapped_column(Text, nullable=False)
    source_name: Mapped[str] = mapped_column(String(255), default="", nullable=False)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    saved_by: Mapped[str] = mapped_column(String(100), default="", nullable=False)

    segments: Mapped[list[ScriptSegmentRow]] = relationship(
        back_populates="script", cascade="all, delete-orphan", order_by="ScriptSegmentRow.position"
    )
    products: Mapped[list[ScriptProductRow]] = relationship(
        back_populates="script", cascade="all, delete-orphan", order_by="ScriptProductRow.position"
    )
    emergencies: Mapped[list[EmergencyScriptRow]] = relationship(
        back_populates="script", cascade="all, delete-orphan", order_by="EmergencyScriptRow.position"
    )


class ScriptSegmentRow(SyncedMixin, Base):
    __tablename__ = "script_segments"

    script_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("scripts.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    planned_minutes: Mapped[float] = mapped_column(Float, nullable=False)
    host_text: Mapped[str] = mapped_column(Text, nullable=False)
    cues: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list, nullable=False)
    product_link_no: Mapped[int | None] = mapped_column(Integer, nullable=True)

    script: Mapped[ScriptRow] = relationship(back_populates="segments")


class ScriptProductRow(SyncedMixin, Base):
    __tablename__ = "script_products"

    script_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("scripts.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    link_no: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    # Decimal text ("89.90"): exact, and SQLite has no decimal type.
    list_price: Mapped[str | None] = mapped_column(String(32), nullable=True)
    live_price: Mapped[str | None] = mapped_column(String(32), nullable=True)
    price_basis: Mapped[str] = mapped_column(Text, default="", nullable=False)
    coupon: Mapped[str] = mapped_column(Text, default="", nullable=False)
    stock: Mapped[int | None] = mapped_column(Integer, nullable=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)  # FAB, proof, FAQ

    script: Mapped[ScriptRow] = relationship(back_populates="products")


class EmergencyScriptRow(SyncedMixin, Base):
    __tablename__ = "script_emergencies"

    script_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("scripts.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(30), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    key_hint: Mapped[str] = mapped_column(String(20), default="", nullable=False)

    script: Mapped[ScriptRow] = relationship(back_populates="emergencies")


class ComplianceRecordRow(SyncedMixin, Base):
    """A pre-stream review (直播前审核): who checked which script revision, when, what was flagged, and
    whether the flagged phrases and price warnings were accepted.

    ``terms`` is each flagged phrase's fate as the reviewer signed it (rewritten, or kept with a reason; see
    :mod:`studio_app.script.compliance`); records written before it existed have none."""

    __tablename__ = "compliance_records"

    # RESTRICT: a show is only ever tombstoned; should anything try to remove one for good, its records
    # (kept three years) stop it instead of going with it.
    show_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("shows.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    script_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("scripts.id", ondelete="SET NULL"), nullable=True
    )
    checked_by: Mapped[str] = mapped_column(String(100), nullable=False)
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, index=True)
    wordlist_version: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    hits: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list, nullable=False)
    forbidden_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    caution_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    evidence_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    price_flags: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list, nullable=False)
    confirmed_price_keys: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    accepted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)
    terms: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list, nullable=False)


class OnAirCorrectionRow(SyncedMixin, Base):
    """A correction made on air (口误、价格说错后的更正), logged with one key."""

    __tablename__ = "onair_corrections"

    show_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("shows.id", ondelete="CASCADE"), nullable=False, index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    logged_by: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    segment_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
    said: Mapped[str] = mapped_column(Text, default="", nullable=False)
    correction: Mapped[str] = mapped_column(Text, default="", nullable=False)


class RunLogRow(SyncedMixin, Base):
    """One event on air; see :class:`studio_app.script.model.RunLogKind` for the kinds."""

    __tablename__ = "run_log_events"
    __table_args__ = (Index("ix_run_log_events_show_at", "show_id", "at"),)

    show_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("shows.id", ondelete="CASCADE"), nullable=False
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    kind: Mapped[str] = mapped_column(String(30), nullable=False)
    segment_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)


class PromoStateRow(SyncedMixin, Base):
    """The promo clock's persisted state for a show (one live row per show), so a restart mid-show resumes
    the rhythm. The shape of ``state`` belongs to :mod:`studio_app.promo`."""

    __tablename__ = "promo_states"

    show_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("shows.id", ondelete="CASCADE"), nullable=False, index=True
    )
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, nullable=False)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
