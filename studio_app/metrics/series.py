"""Samples as plain arrays for charts: online viewers and running GMV against epoch seconds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from studio_app.metrics.samples import Sample


@dataclass(frozen=True)
class ChartSeries:
    online_t_s: np.ndarray
    online: np.ndarray
    gmv_t_s: np.ndarray
    gmv_total_yuan: np.ndarray  # running total


def chart_series(samples: Sequence[Sample], gmv_start_fen: int = 0) -> ChartSeries:
    online = [(s.at.timestamp(), s.online_viewers) for s in samples if s.online_viewers is not None]
    gmv = [(s.at.timestamp(), s.pay_gmv_fen) for s in samples if s.pay_gmv_fen is not None]
    online_arr = np.array(online, dtype=np.float64).reshape(-1, 2)
    gmv_arr = np.array(gmv, dtype=np.float64).reshape(-1, 2)
    return ChartSeries(
        online_t_s=online_arr[:, 0],
        online=online_arr[:, 1],
        gmv_t_s=gmv_arr[:, 0],
        gmv_total_yuan=(np.cumsum(gmv_arr[:, 1]) + gmv_start_fen) / 100.0,
    )


@dataclass(frozen=True)
class LiveTotals:
    """What the live tiles count up: GMV and orders so far."""

    gmv_total_fen: int = 0
    orders: int = 0

    def plus(self, samples: Sequence[Sample]) -> LiveTotals:
        return LiveTotals(
            self.gmv_total_fen + sum(s.pay_gmv_fen or 0 for s in samples),
            self.orders + sum(s.pay_order_cnt or 0 for s in samples),
        )
