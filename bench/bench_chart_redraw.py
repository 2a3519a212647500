"""Redraw time of the data panel's chart for an 8-hour show at one sample per second (28,800 points).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_chart_redraw.py
Prints, for the online-viewers chart at 1400×400 px: a full redraw (setData of the whole series and a
paint), a live tick (append one sample, setData, paint) at the end of the show, the same with the view
zoomed to the last 10 minutes, and for comparison the same chart without peak downsampling and clipping.
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtWidgets import QApplication

SAMPLES = 8 * 3600
REPEATS = 40  # the machine may be shared: read the minimum as the cost, the median as the typical frame


def _stats(label: str, times_s: list[float]) -> None:
    ms = sorted(t * 1000 for t in times_s)
    p95 = ms[int(len(ms) * 0.95) - 1]
    print(f"{label:<62} min {ms[0]:6.1f} ms   median {statistics.median(ms):6.1f} ms   p95 {p95:6.1f} ms")


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from studio_app.ui.data.timeseries import TimeSeriesChart

    rng = np.random.default_rng(1)
    t0 = 1_763_985_600.0
    t = t0 + np.arange(SAMPLES, dtype=np.float64)
    online = np.clip(800 + np.cumsum(rng.normal(0, 6, SAMPLES)), 0, None)
    segments = [(f"段 {i}", t0 + i * 900.0, t0 + (i + 1) * 900.0) for i in range(32)]
    promos = [(f"促 {i}", t0 + i * 900.0 + 300) for i in range(32)]

    def paint(chart: TimeSeriesChart) -> None:
        chart.repaint()
        app.processEvents()

    for fluid in (True, False):
        chart = TimeSeriesChart("在线人数", "#4dabf7")
        chart.resize(1400, 400)
        chart.show()
        if not fluid:
            chart.getPlotItem().setDownsampling(auto=False)
            chart.getPlotItem().setClipToView(False)
        chart.set_timeline(segments, promos)
        chart.set_series(t[:-REPEATS], online[:-REPEATS])
        chart.flush()
        paint(chart)
        suffix = "" if fluid else " [no downsampling, no clipping]"

        full = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            chart.redraw()
            paint(chart)
            full.append(time.perf_counter() - start)
        _stats(f"full redraw, {SAMPLES:,} points{suffix}", full)

        tick = []
        for i in range(REPEATS):
            start = time.perf_counter()
            chart.append(t[SAMPLES - REPEATS + i], online[SAMPLES - REPEATS + i])
            chart.flush()
            paint(chart)
            tick.append(time.perf_counter() - start)
        _stats(f"live tick (append 1 + redraw){suffix}", tick)

        chart.getPlotItem().setXRange(t[-600], t[-1], padding=0)
        paint(chart)
        zoomed = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            chart.redraw()
            paint(chart)
            zoomed.append(time.perf_counter() - start)
        _stats(f"zoomed to last 10 min, redraw{suffix}", zoomed)
        chart.close()


if __name__ == "__main__":
    main()
