"""The live room's state: every point and product table so far, and what the rules make of them now.

One :class:`LiveRoom` per show on air. It is fed from the store (the feed's and the imports' samples), from
the watched folder (interaction points, product tables) and evaluated at the panel's rhythm on the
injected clock; :meth:`LiveRoom.evaluate` returns a frozen :class:`RoomView`.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from studio_app.liveroom.numbers import ProductTable, RoomPoint
from studio_app.liveroom.rules import (
    AlertBook,
    Baseline,
    DataAlert,
    HotProduct,
    Thresholds,
    click_rate_alerts,
    hot_products,
    room_alerts,
    room_baselines,
)
from studio_app.metrics.samples import Sample


@dataclass(frozen=True)
class RoomView:
    at: datetime
    online_viewers: int | None
    dwell: Baseline
    interaction: Baseline
    gmv_fen: int
    orders: int
    hot: tuple[HotProduct, ...]
    alerts: tuple[DataAlert, ...]  # standing now, oldest first
    raised: tuple[DataAlert, ...]  # new since the last evaluation


@dataclass(frozen=True)
class SampleSeries:
    """The store's samples as the room reads them, built on a worker: in time order, sales summed."""

    points: tuple[RoomPoint, ...]
    gmv_fen: int
    orders: int
    has_sales: bool


def sample_series(samples: Iterable[Sample]) -> SampleSeries:
    ordered = sorted(samples, key=lambda s: s.at)
    return SampleSeries(
        points=tuple(RoomPoint.from_sample(s) for s in ordered),
        gmv_fen=sum(s.pay_gmv_fen or 0 for s in ordered),
        orders=sum(s.pay_order_cnt or 0 for s in ordered),
        has_sales=any(s.pay_gmv_fen is not None for s in ordered),
    )


def _latest(tables: Sequence[ProductTable], now: datetime) -> ProductTable | None:
    return next((t for t in reversed(tables) if t.at <= now), None)


@dataclass
class LiveRoom:
    thresholds: Thresholds = field(default_factory=Thresholds)
    _points: list[RoomPoint] = field(default_factory=list)
    _tables: list[ProductTable] = field(default_factory=list)
    _series: SampleSeries = field(default_factory=lambda: sample_series(()))
    _book: AlertBook = field(default_factory=AlertBook)
    # Samples and points merged in time order, rebuilt only when either changes (evaluate runs every second).
    _merged: list[RoomPoint] | None = None

    def set_samples(self, series: SampleSeries) -> None:
        """The show's stored samples (feed, imports, the folder's minute tables): the whole set each time."""
        self._series = series
        self._merged = None

    def add_points(self, points: Iterable[RoomPoint]) -> None:
        for point in points:
            bisect.insort(self._points, point, key=lambda p: p.at)
        self._merged = None

    def add_table(self, table: ProductTable) -> None:
        bisect.insort(self._tables, table, key=lambda t: t.at)

    @property
    def tables(self) -> Sequence[ProductTable]:
        return self._tables

    def latest_table(self) -> ProductTable | None:
        return self._tables[-1] if self._tables else None

    def _window(self, now: datetime) -> list[RoomPoint]:
        """The points the baselines look at: the recent window and the hour before it."""
        if self._merged is None:
            self._merged = list(heapq.merge(self._series.points, self._points, key=lambda p: p.at))
        span = timedelta(seconds=self.thresholds.baseline_window_s + self.thresholds.recent_window_s)
        first = bisect.bisect_right(self._merged, now - span, key=lambda p: p.at)
        return self._merged[first : bisect.bisect_right(self._merged, now, key=lambda p: p.at)]

    def evaluate(self, now: datetime) -> RoomView:
        points = self._window(now)
        dwell, interaction = room_baselines(points, now, self.thresholds)
        current = room_alerts(dwell, interaction, self.thresholds) + click_rate_alerts(
            self._tables, now, self.thresholds
        )
        raised, _cleared = self._book.update(current)
        online = next((p.online_viewers for p in reversed(points) if p.online_viewers is not None), None)
        gmv_fen, orders = self._series.gmv_fen, self._series.orders
        table = _latest(self._tables, now)
        if not self._series.has_sales and table is not None:
            # No minute table or feed with sales yet: the product table's totals are the show's so far.
            gmv_fen = sum(p.gmv_fen for p in table.products)
            orders = sum(p.orders for p in table.products)
        return RoomView(
            at=now,
            online_viewers=online,
            dwell=dwell,
            interaction=interaction,
            gmv_fen=gmv_fen,
            orders=orders,
            hot=tuple(hot_products(self._tables, now, self.thresholds)),
            alerts=tuple(self._book.standing.values()),
            raised=tuple(raised),
        )
