"""The live room's evaluation, once a second on the GUI thread, through a four-hour show fed at 1 Hz.

    .venv/bin/python bench/bench_liveroom_rules.py

Prints the time of one ``LiveRoom.evaluate`` (rules, baselines, hot products) at the end of a 4-hour show,
and of the first one after the store's samples were reloaded (at most every 5 s while the feed runs):
14,400 feed samples, one interaction point a minute and a five-product table every minute, against a
plain baseline in the same run: ``statistics.median`` of the last hour's 3,600 dwell values, which any
rolling-median rule must at least do.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import UTC, datetime, timedelta

from studio_app.liveroom.numbers import ProductNumbers, ProductTable, RoomPoint
from studio_app.liveroom.room import LiveRoom, sample_series
from studio_app.metrics.samples import Sample

HOURS = 4


def main() -> None:
    rng = random.Random(1)
    start = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    seconds = HOURS * 3600
    samples = [
        Sample(
            at=start + timedelta(seconds=s),
            online_viewers=800 + rng.randint(-50, 50),
            avg_watch_seconds=60 + rng.random() * 10,
            pay_gmv_fen=rng.randint(0, 5000),
            pay_order_cnt=rng.randint(0, 2),
        )
        for s in range(seconds)
    ]
    room = LiveRoom()
    room.set_samples(sample_series(samples))
    room.add_points(
        RoomPoint(start + timedelta(minutes=m), interactions=600 + rng.randint(-60, 60))
        for m in range(HOURS * 60)
    )
    for m in range(HOURS * 60):
        room.add_table(
            ProductTable(
                start + timedelta(minutes=m),
                tuple(ProductNumbers(str(i), f"商品{i}", 100 * m, 10 * m, m, 1000 * m) for i in range(5)),
            )
        )
    now = start + timedelta(seconds=seconds)
    reloads = []
    series = sample_series(samples)  # on a worker in the app
    for _ in range(7):  # the feed's samples reread from the store: the room merges its own points in once
        room.set_samples(series)
        began = time.perf_counter()
        room.evaluate(now)
        reloads.append((time.perf_counter() - began) * 1000)
    runs = []
    for _ in range(7):
        began = time.perf_counter()
        room.evaluate(now)
        runs.append((time.perf_counter() - began) * 1000)
    dwell = [s.avg_watch_seconds or 0.0 for s in samples[-3600:]]
    base = []
    for _ in range(7):
        began = time.perf_counter()
        statistics.median(dwell)
        base.append((time.perf_counter() - began) * 1000)
    evaluate_ms, baseline_ms = statistics.median(runs), statistics.median(base)
    print(f"{len(samples):,} samples, {HOURS * 60} tables: evaluate {evaluate_ms:.1f} ms (median of 7)")
    print(f"first evaluate after the samples were reloaded: {statistics.median(reloads):.1f} ms")
    print(f"baseline median of 3,600 values: {baseline_ms:.2f} ms; ratio {evaluate_ms / baseline_ms:.0f}x")


if __name__ == "__main__":
    main()
