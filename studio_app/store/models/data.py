"""Tables of the data area: metric samples, imports and their column mappings, manual entries,
incidents, ad spend, and the per-product and per-channel numbers of a show.

Metric samples are stored wide: one row per (show, source, timestamp) with a nullable column per known
field. That triple is the row's natural key and its id is made from it (``metrics.keys``), so the same
export imported on two desktops is the same rows once synced; product and traffic rows are keyed the same
way by (show, product id) and (show, channel). An 8-hour show at 1 Hz is 28,800 rows, which SQLite reads
back in a few tens of milliseconds, and every review query is a plain column sum. Money is kept in integer
fen (分) so sums never drift.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from studio_app.store.models.base import Base, SyncedMixin, UTCDateTime


class MetricSample(SyncedMixin, Base):
    """The numbers of one interval (usually a minute, or a second from the live feed).

    Counts (``*_ucnt`` people, ``*_cnt`` times) and money are what happened *during* the interval that
    starts at ``at``; ``online_viewers`` is the number online at that moment.
    """

    __tablename__ = "metric_samples"
    __table_args__ = (Index("ix_metric_samples_show_at", "show_id", "at"),)

    show_id: Mapped[str] = mapped_column(ForeignKey("shows.id"), nullable=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False)  # import / feed / manual
    import_id: Mapped[str | None] = mapped_column(ForeignKey("metric_imports.id"), nullable=True)

    online_viewers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    room_show_ucnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    watch_ucnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    watch_cnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    leave_ucnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    leave_cnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    avg_watch_seconds: Mapped[float | None] = mapped_column(Float, nullable=True)
    product_show_ucnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    product_show_cnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    product_click_ucnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    product_click_cnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pay_ucnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pay_order_cnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pay_gmv_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    refund_gmv_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    incr_fans_cnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    comment_cnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    comment_ucnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    like_cnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    share_cnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    fans_club_ucnt: Mapped[int | None] = mapped_column(Integer, nullable=True)


class MetricImport(SyncedMixin, Base):
    """One imported file: where it came from, how its columns were read, how many rows it gave."""

    __tablename__ = "metric_imports"

    show_id: Mapped[str] = mapped_column(ForeignKey("shows.id"), nullable=False, index=True)
    source: Mapped[str] = mapped_column(String(80), nullable=False)
    file_name: Mapped[str] = mapped_column(String(260), nullable=False)
    file_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    encoding: Mapped[str] = mapped_column(String(20), nullable=False)
    row_count: Mapped[int] = mapped_column(Integer, nullable=False)
    mapping_json: Mapped[str] = mapped_column(Text, nullable=False)


class MetricColumnMapping(SyncedMixin, Base):
    """The column mapping a user confirmed for one source (e.g. "抖音罗盘"), reused on the next import."""

    __tablename__ = "metric_column_mappings"

    source: Mapped[str] = mapped_column(String(80), nullable=False, index=True)
    mapping_json: Mapped[str] = mapped_column(Text, nullable=False)


class ManualEntry(SyncedMixin, Base):
    """What the operator typed during the show: viewers online now and the running GMV total."""

    __tablename__ = "metric_manual_entries"

    show_id: Mapped[str] = mapped_column(ForeignKey("shows.id"), nullable=False, index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    online_viewers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    gmv_total_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    orders_total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)


class Incident(SyncedMixin, Base):
    """A technical or on-air problem during a show (stutter, audio/video out of sync, stock error ...)."""

    __tablename__ = "incidents"

    show_id: Mapped[str] = mapped_column(ForeignKey("shows.id"), nullable=False, index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    description: Mapped[str] = mapped_column(Text, default="", nullable=False)
    fix: Mapped[str] = mapped_column(Text, default="", nullable=False)
    duration_s: Mapped[float | None] = mapped_column(Float, nullable=True)


class AdSpend(SyncedMixin, Base):
    """Money spent on traffic for a show (千川, 随心推 ...); gives the ad ROI."""

    __tablename__ = "ad_spend"

    show_id: Mapped[str] = mapped_column(ForeignKey("shows.id"), nullable=False, index=True)
    channel: Mapped[str] = mapped_column(String(80), nullable=False)
    amount_fen: Mapped[int] = mapped_column(BigInteger, nullable=False)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)


class MetricProduct(SyncedMixin, Base):
    """One product's numbers over a show, from a product table (商品明细). Money in fen.

    ``product_id`` is the platform's id as text (19 digits do not survive a float)."""

    __tablename__ = "metric_products"

    show_id: Mapped[str] = mapped_column(ForeignKey("shows.id"), nullable=False, index=True)
    import_id: Mapped[str | None] = mapped_column(ForeignKey("metric_imports.id"), nullable=True)
    product_id: Mapped[str] = mapped_column(String(40), nullable=False)
    name: Mapped[str] = mapped_column(String(300), nullable=False)
    explain_cnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    exposure_ucnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    click_ucnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pay_order_cnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pay_item_cnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pay_ucnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pay_gmv_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    refund_gmv_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class MetricTraffic(SyncedMixin, Base):
    """One traffic channel's numbers over a show (自然推荐, 关注, 千川 ...), from a traffic-source table."""

    __tablename__ = "metric_traffic"

    show_id: Mapped[str] = mapped_column(ForeignKey("shows.id"), nullable=False, index=True)
    import_id: Mapped[str | None] = mapped_column(ForeignKey("metric_imports.id"), nullable=True)
    channel: Mapped[str] = mapped_column(String(80), nullable=False)
    paid: Mapped[bool] = mapped_column(Boolean, nullable=False)
    watch_ucnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    watch_cnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pay_ucnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pay_order_cnt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pay_gmv_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    spend_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
