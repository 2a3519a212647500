"""Tables of the device check: studio profiles, check runs with every probe's metrics, on-air alerts.

All of them sync to the head office (a run is the show's technical record). Metrics and findings are JSON:
each probe has its own metric names, and the data panel reads series out of them through
:func:`studio_app.probes.repo.metric_history`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from studio_app.store.models.base import Base, SyncedMixin, UTCDateTime


class CheckProfile(SyncedMixin, Base):
    """A studio profile (``StudioProfile`` as JSON). Names are unique among live rows (enforced in code:
    two offline studios may both create "1080p30 抖音", and sync must not fail on it)."""

    __tablename__ = "check_profiles"

    name: Mapped[str] = mapped_column(String(100), nullable=False, index=True)
    data_json: Mapped[str] = mapped_column(Text, nullable=False)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)


class CheckRunRow(SyncedMixin, Base):
    """One press of "Run all checks" (or one ``studio-app check``)."""

    __tablename__ = "check_runs"

    show_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("shows.id", ondelete="SET NULL"), nullable=True
    )
    profile_name: Mapped[str] = mapped_column(String(100), nullable=False)
    profile_json: Mapped[str] = mapped_column(Text, nullable=False)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, index=True)
    duration_s: Mapped[float] = mapped_column(Float, nullable=False)
    verdict: Mapped[str] = mapped_column(String(10), nullable=False)
    source: Mapped[str] = mapped_column(String(10), nullable=False)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)

    results: Mapped[list[ProbeResultRow]] = relationship(
        back_populates="run", cascade="all, delete-orphan", order_by="ProbeResultRow.position"
    )


class ProbeResultRow(SyncedMixin, Base):
    __tablename__ = "check_probe_results"
    __table_args__ = (Index("ix_check_probe_results_probe_run", "probe", "run_id"),)

    run_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("check_runs.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(default=0, nullable=False)
    probe: Mapped[str] = mapped_column(String(20), nullable=False)
    status: Mapped[str] = mapped_column(String(10), nullable=False)
    message: Mapped[str] = mapped_column(Text, default="", nullable=False)
    duration_s: Mapped[float] = mapped_column(Float, default=0.0, nullable=False)
    metrics: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    findings: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False)

    run: Mapped[CheckRunRow] = relationship(back_populates="results")


class OnAirAlert(SyncedMixin, Base):
    """A problem the on-air watch raised during a show, and when it cleared."""

    __tablename__ = "onair_alerts"

    show_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("shows.id", ondelete="SET NULL"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    status: Mapped[str] = mapped_column(String(10), nullable=False)
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, index=True)
    cleared_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    value: Mapped[float | None] = mapped_column(Float, nullable=True)
    message: Mapped[str] = mapped_column(Text, default="", nullable=False)
    fix: Mapped[str] = mapped_column(Text, default="", nullable=False)
