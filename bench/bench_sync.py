"""Sync throughput against a real PostgreSQL and a real backend process, next to a bare bulk insert.

Run: .venv/bin/python bench/bench_sync.py [--rows 100000] [--pull 10000]   (as root: PostgreSQL runs as
``postgres`` in a temp dir; needs /usr/lib/postgresql/15/bin). Prints rows per second for:
  * bare bulk insert of metric-sample rows into the same PostgreSQL (SQLAlchemy Core executemany, one
    transaction) and, for reference, COPY;
  * capture: the desktop writing those rows in one ORM bulk insert, outbox entries included;
  * push: the desktop sending its outbox to ``studio-app serve`` on that PostgreSQL (HTTP + JSON + apply);
  * pull: another desktop fetching and applying changes made elsewhere.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "sync"))
sys.path.insert(0, str(REPO))

from sqlalchemy import Column, MetaData, Table, insert  # noqa: E402
from sync_harness import PostgresCluster, ServerProcess  # noqa: E402

from studio_app.clock import SystemClock  # noqa: E402
from studio_app.server import service  # noqa: E402
from studio_app.store.db import Database  # noqa: E402
from studio_app.store.models import Show  # noqa: E402
from studio_app.store.models.data import MetricSample  # noqa: E402
from studio_app.store.writer import Writer  # noqa: E402
from studio_app.sync import outbox  # noqa: E402
from studio_app.sync.client import SyncClient  # noqa: E402


def sample_rows(show_id: str, n: int, start: datetime) -> list[dict[str, Any]]:
    rows = []
    for i in range(n):
        rows.append(
            {
                "show_id": show_id,
                "at": start + timedelta(seconds=i),
                "source": "feed",
                "online_viewers": 800 + i % 300,
                "watch_ucnt": i % 50,
                "watch_cnt": i % 70,
                "leave_ucnt": i % 40,
                "leave_cnt": i % 45,
                "avg_watch_seconds": 61.5,
                "product_show_ucnt": i % 90,
                "product_click_ucnt": i % 20,
                "pay_ucnt": i % 5,
                "pay_order_cnt": i % 6,
                "pay_gmv_fen": (i % 6) * 8990,
                "incr_fans_cnt": i % 3,
            }
        )
    return rows


def rate(label: str, rows: int, seconds: float, reference: float | None = None) -> float:
    per_s = rows / seconds if seconds > 0 else float("inf")
    extra = f"   {100 * per_s / reference:5.1f} % of bare insert" if reference else ""
    print(f"{label:<46} {rows:>8} rows in {seconds:7.2f} s = {per_s:>9.0f} rows/s{extra}", flush=True)
    return per_s


def bare_insert(url: str, rows: list[dict[str, Any]]) -> tuple[float, float]:
    """Into a copy of metric_samples (no foreign keys): executemany, then COPY."""
    import uuid

    engine = service.open_engine(url)
    md = MetaData()
    source = MetricSample.__table__
    table = Table(
        "bare_samples", md, *[Column(c.name, c.type, primary_key=c.primary_key) for c in source.columns]
    )
    md.create_all(engine)
    now = datetime.now(UTC)
    full = [
        {**r, "id": str(uuid.uuid4()), "created_at": now, "updated_at": now, "deleted_at": None} for r in rows
    ]
    t0 = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(insert(table), full)
    executemany_s = time.perf_counter() - t0
    with engine.begin() as conn:
        conn.exec_driver_sql("TRUNCATE bare_samples")
    cols = [c.name for c in table.columns]
    t0 = time.perf_counter()
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        with cur.copy(f"COPY bare_samples ({', '.join(cols)}) FROM STDIN") as copy:  # type: ignore[attr-defined]
            for r in full:
                copy.write_row([str(uuid.uuid4()) if c == "id" else r.get(c) for c in cols])
        raw.commit()
    finally:
        raw.close()
    copy_s = time.perf_counter() - t0
    engine.dispose()
    return executemany_s, copy_s


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--pull", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=5000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    cluster = PostgresCluster()
    cluster.start()
    server = None
    try:
        url = cluster.new_database()
        engine = service.open_engine(url)
        service.create_schema(engine)
        _, token_a = service.add_studio(engine, "studio_a")
        _, token_hq = service.add_studio(engine, "hq", head_office=True)
        engine.dispose()
        server = ServerProcess(url).start()
        start = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)

        rows = sample_rows("00000000-0000-0000-0000-000000000000", args.rows, start)
        executemany_s, copy_s = bare_insert(cluster.new_database(), rows)
        before = rate("bare bulk insert (executemany, PostgreSQL)", args.rows, executemany_s)
        rate("bare COPY (PostgreSQL), for reference", args.rows, copy_s)

        desk = Database.open(work / "a" / "studio.sqlite3")
        outbox.install(desk.engine, SystemClock())
        desk_writer = Writer(desk)
        with desk.session() as s:
            show = Show(title="8 小时专场")
            s.add(show)
        t0 = time.perf_counter()
        with desk.session() as s:
            s.execute(insert(MetricSample), sample_rows(show.id, args.rows, start))
        rate("capture on the desktop (rows + outbox, SQLite)", args.rows + 1, time.perf_counter() - t0)

        client = SyncClient(desk_writer, server.url, token_a, batch_ops=args.batch)
        client.hello()
        t0 = time.perf_counter()
        sent, rejected, _ = client.push()
        push_s = time.perf_counter() - t0
        assert rejected == 0 and client.pending_count() == 0
        client.close()
        # The machine is shared: the bare insert runs again right after the push, and the push is compared
        # with the mean of both, so a load spike does not decide the ratio.
        executemany_s, _ = bare_insert(cluster.new_database(), rows)
        after = rate("bare bulk insert again, after the push", args.rows, executemany_s)
        pushed = rate(f"push to the backend (batches of {args.batch})", sent, push_s, (before + after) / 2)
        print(
            f"{'':<46} push vs each bare run: {100 * pushed / before:5.1f} % of the first, "
            f"{100 * pushed / after:5.1f} % of the second"
        )

        hq = Database.open(work / "hq" / "studio.sqlite3")
        outbox.install(hq.engine, SystemClock())
        hq_writer = Writer(hq)
        with hq.session() as s:
            plan = Show(title="总部样板")
            s.add(plan)
        with hq.session() as s:
            s.execute(insert(MetricSample), sample_rows(plan.id, args.pull - 1, start))
        hq_client = SyncClient(hq_writer, server.url, token_hq, batch_ops=args.batch)
        hq_client.hello()
        hq_client.push()
        hq_client.close()

        client = SyncClient(desk_writer, server.url, token_a, page_size=2000)
        t0 = time.perf_counter()
        pulled, _ = client.pull()
        pull_s = time.perf_counter() - t0
        rate("pull of changes made elsewhere (pages of 2000)", pulled, pull_s)
        t0 = time.perf_counter()
        mismatched = client.compare_with_server()
        print(
            f"checksum comparison of {args.rows + args.pull + 1} rows: {time.perf_counter() - t0:.2f} s, "
            f"{'in step' if not mismatched else 'DIFFERS: ' + ', '.join(mismatched)}"
        )
        client.close()
        desk_writer.close()
        hq_writer.close()
        desk.close()
        hq.close()
    finally:
        if server is not None:
            server.stop()
        cluster.stop()


if __name__ == "__main__":
    main()
