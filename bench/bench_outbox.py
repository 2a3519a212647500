"""A local write with its outbox entries against a plain insert of the same rows, in the same run.

An 8-hour show at 1 Hz (28,800 metric samples) is written into a fresh, migrated workspace database:
  * plain: one Core executemany into ``metric_samples``, on a database without an outbox;
  * outbox: ``sync.outbox.insert_rows`` (the rows and the one outbox entry naming them, one transaction);
  * ORM bulk: ``session.execute(insert(MetricSample), rows)`` with the outbox installed (the hook path,
    also one entry);
  * for reference, the same ORM bulk insert on a database without an outbox (what an area's import did),
    and ``insert_rows`` on a database without an outbox (its driver-level insert alone: what the
    entry itself costs is the difference).
Each through the app's one writer. Prints the ratios to the plain insert; target: outbox ≤ 1.5×.

    .venv/bin/python bench/bench_outbox.py [--rows 28800] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from studio_app.clock import SystemClock
from studio_app.store.db import Database
from studio_app.store.models import Show
from studio_app.store.models.base import new_id
from studio_app.store.models.data import MetricSample
from studio_app.store.models.sync import SyncOutbox
from studio_app.store.writer import Writer
from studio_app.sync import outbox

SAMPLES = cast(Table, MetricSample.__table__)


def sample_rows(show_id: str, n: int, start: datetime) -> list[dict[str, Any]]:
    return [
        {
            "show_id": show_id,
            "at": start + timedelta(seconds=i),
            "source": "import",
            "online_viewers": 800 + i % 300,
            "watch_ucnt": i % 50,
            "watch_cnt": i % 70,
            "leave_ucnt": i % 40,
            "avg_watch_seconds": 61.5,
            "product_click_ucnt": i % 20,
            "pay_ucnt": i % 5,
            "pay_gmv_fen": (i % 6) * 8990,
        }
        for i in range(n)
    ]


def timed_write(
    root: Path, n: int, with_outbox: bool, write: Callable[[Session, list[dict[str, Any]]], Any]
) -> float:
    db = Database.open(root / "studio.sqlite3")
    if with_outbox:
        outbox.install(db.engine, SystemClock())
    writer = Writer(db)
    try:
        show_id = writer.run(lambda s: _new_show(s)).value
        rows = sample_rows(show_id, n, datetime(2026, 11, 20, 12, tzinfo=UTC))
        started = time.perf_counter()
        writer.run(lambda s: write(s, rows))
        elapsed = time.perf_counter() - started
        with db.session() as s:
            written = s.scalar(select(func.count()).select_from(MetricSample))
            entries = s.scalar(select(func.count()).select_from(SyncOutbox))
            waiting = outbox.pending_count(s.connection())
        assert written == n, written
        # The show's entry and one for the whole bulk write, which stands for each of its rows.
        assert entries == (2 if with_outbox else 0), entries
        assert waiting == (n + 1 if with_outbox else 0), waiting
        return elapsed
    finally:
        writer.close()
        db.close()


def _new_show(session: Session) -> str:
    show = Show(title="8 小时专场")
    session.add(show)
    session.flush()
    return show.id


def plain(session: Session, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        row.setdefault("id", new_id())
    session.connection().execute(insert(SAMPLES), rows)


def with_entries(session: Session, rows: list[dict[str, Any]]) -> None:
    outbox.insert_rows(session, SAMPLES, rows)


def orm_bulk(session: Session, rows: list[dict[str, Any]]) -> None:
    session.execute(insert(MetricSample), rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=28_800)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    # Taken in turns, so a load spike on the shared machine hits every kind alike; medians compared.
    times: dict[str, list[float]] = {"plain": [], "outbox": [], "orm": [], "orm_plain": [], "driver": []}
    with tempfile.TemporaryDirectory(prefix="bench-outbox-") as tmp:
        for run in range(args.runs):
            for name, with_outbox, write in (
                ("plain", False, plain),
                ("outbox", True, with_entries),
                ("orm", True, orm_bulk),
                ("orm_plain", False, orm_bulk),
                ("driver", False, with_entries),
            ):
                times[name].append(timed_write(Path(tmp) / f"{name}{run}", args.rows, with_outbox, write))
    base = statistics.median(times["plain"])
    print(
        f"{args.rows:,} metric samples, median of {args.runs} runs (each through the writer, one transaction)"
    )
    labels = {
        "plain": "plain insert (no outbox)",
        "outbox": "sync.outbox.insert_rows (rows + entry)",
        "orm": "ORM bulk insert (rows + entry, hook)",
        "orm_plain": "ORM bulk insert (no outbox), reference",
        "driver": "insert_rows (no outbox), reference",
    }
    for name, label in labels.items():
        median = statistics.median(times[name])
        print(f"  {label:<44} {median * 1000:8.1f} ms  {median / base:5.2f}×")
    ratio = statistics.median(times["outbox"]) / base
    print(f"local write with its outbox entries: {ratio:.2f}× a plain insert (target ≤ 1.50×)")


if __name__ == "__main__":
    main()
