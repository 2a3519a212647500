"""The live room's state: every point and product table so far, and what the rules make of them now.

One :class:`LiveRoom` per show on air. It is fed from the store (the feed's and the imports' samples), from
the watched folder (interaction points, product tables) and evaluated at the panel's rhythm on the
injected clock; :meth:`LiveRoom.evaluate` returns a frozen :class:`RoomView`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from studio_app.liveroom.numbers import ProductTable, RoomPoint
from studio_app.liveroom.rules import (
    AlertBook,
    Baseline,
    DataAlert,
    HotProduct,
    Thresholds,
    baseline_of,
    click_rate_alerts,
    hot_products,
    room_alerts,
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


def _latest(tables: Sequence[ProductTable], now: datetime) -> ProductTable | None:
    return next((t for t in reversed(tables) if t.at <= now), None)


@dataclass
class LiveRoom:
    thresholds: Thresholds = field(default_factory=Thresholds)
    _points: list[RoomPoint] = field(default_factory=list)
    _tables: list[ProductTable] = field(default_factory=list)
    _samples: dict[datetime, Sample] = field(default_factory=dict)
    _book: AlertBook = field(default_factory=AlertBook)

    def set_samples(self, samples: Iterable[Sample]) -> None:
        """The show's stored samples (feed, imports, the folder's minute tables): the whole set each time."""
        self._samples = {s.at: s for s in samples}

    def add_points(self, points: Iterable[RoomPoint]) -> None:
        for point in points:
            bisect.insort(self._points, point, key=lambda p: p.at)

    def add_table(self, table: ProductTable) -> None:
        bisect.insort(self._tables, table, key=lambda t: t.at)

    @property
    def tables(self) -> Sequence[ProductTable]:
        return self._tables

    def latest_table(self) -> ProductTable | None:
        return self._tables[-1] if self._tables else None

    def _all_points(self) -> list[RoomPoint]:
        points = [RoomPoint.from_sample(s) for s in self._samples.values()] + self._points
        return sorted(points, key=lambda p: p.at)

    def evaluate(self, now: datetime) -> RoomView:
        points = [p for p in self._all_points() if p.at <= now]
        current = room_alerts(points, now, self.thresholds) + click_rate_alerts(
            self._tables, now, self.thresholds
        )
        raised, _cleared = self._book.update(current)
        online = next((p.online_viewers for p in reversed(points) if p.online_viewers is not None), None)
        samples = [s for s in self._samples.values() if s.at <= now]
        gmv_fen = sum(s.pay_gmv_fen or 0 for s in samples)
        orders = sum(s.pay_order_cnt or 0 for s in samples)
        table = _latest(self._tables, now)
        if not any(s.pay_gmv_fen is not None for s in samples) and table is not None:
            # No minute table or feed with sales yet: the product table's totals are the show's so far.
            gmv_fen = sum(p.gmv_fen for p in table.products)
            orders = sum(p.orders for p in table.products)
        return RoomView(
            at=now,
            online_viewers=online,
            dwell=baseline_of(
                [(p.at, p.avg_watch_seconds) for p in points if p.avg_watch_seconds is not None],
                now,
                self.thresholds,
            ),
            interaction=baseline_of(
                [(p.at, float(p.interactions)) for p in points if p.interactions is not None],
                now,
                self.thresholds,
            ),
            gmv_fen=gmv_fen,
            orders=orders,
            hot=tuple(hot_products(self._tables, now, self.thresholds)),
            alerts=tuple(self._book.standing.values()),
            raised=tuple(raised),
        )
