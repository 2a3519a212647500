"""A studio chain's load on one backend: N studios, each with a live feed of one metric sample a second,
pushing every 10 s, and the head office pulling all along, over --minutes of simulated time.

Simulated time runs as fast as the server allows (``real-time factor`` = simulated seconds per wall
second; ≥ 1 means the server keeps up with a real chain of that size). Each push goes over HTTP to
``studio-app serve`` on a real PostgreSQL (``--workers`` processes) from a pool of client threads.
Printed per chain size: push latency p50/p99, throughput, and lost / duplicated rows (the server's
records and the head office's pulled feed compared with what was sent).

    python bench/sync_load.py                         # 50 then 200 studios, 10 simulated minutes
    python bench/sync_load.py --studios 20 --minutes 2 --workers 1
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "sync"))
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402
from raw_push import Node, payload  # noqa: E402
from sqlalchemy import select  # noqa: E402
from sync_harness import PostgresCluster, ServerProcess  # noqa: E402

from studio_app.metrics.keys import sample_id  # noqa: E402
from studio_app.server import service  # noqa: E402
from studio_app.server import tables as st  # noqa: E402
from studio_app.sync.protocol import PULL_PATH, PUSH_PATH  # noqa: E402

PUSH_EVERY_S = 10


@dataclass
class Studio:
    name: str
    token: str
    node: Node
    show_id: str
    sent: list[str] = field(default_factory=list)  # sample ids pushed and acknowledged


@dataclass
class HeadOffice:
    token: str
    seen: Counter[str] = field(default_factory=Counter)  # sample id -> times the feed delivered it
    cursor: int = 0
    pages: int = 0


def run(
    cluster: PostgresCluster,
    studios_n: int,
    minutes: float,
    workers: int,
    clients: int,
    server_src: Path | None = None,
) -> None:
    url = cluster.new_database()
    engine = service.open_engine(url)
    service.create_schema(engine)
    hq = HeadOffice(service.add_studio(engine, "总部", head_office=True)[1])
    studios = [
        Studio(f"直播间{i:03d}", service.add_studio(engine, f"直播间{i:03d}")[1], Node(), "")
        for i in range(studios_n)
    ]
    server = ServerProcess(url, workers=workers, cwd=server_src).start()
    rounds = int(minutes * 60 / PUSH_EVERY_S)
    start = datetime.now(UTC) - timedelta(minutes=minutes)  # the simulated day ends now: no stamp ahead
    local = threading.local()
    latencies: list[float] = []
    errors: list[str] = []

    def client() -> httpx.Client:
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=server.url, timeout=120)
        return local.client

    def push(studio: Studio, round_: int) -> None:
        wall = start + timedelta(seconds=round_ * PUSH_EVERY_S)
        rows = []
        if round_ == 0:
            show = payload("shows", {"title": f"{studio.name} 双十二专场"}, wall)
            studio.show_id = show["id"]
            rows.append(("shows", show))
        samples = []
        for second in range(PUSH_EVERY_S):
            at = wall + timedelta(seconds=second)
            values = {
                "id": sample_id(studio.show_id, "feed", at),
                "show_id": studio.show_id,
                "at": at,
                "source": "feed",
                "online_viewers": 300 + round_ % 50 + second,
            }
            samples.append(payload("metric_samples", values, at))
        rows += [("metric_samples", s) for s in samples]
        ops = studio.node.ops(rows, int(wall.timestamp() * 1000))
        began = time.perf_counter()
        response = client().post(
            PUSH_PATH, json=studio.node.body(ops), headers=studio.node.headers(studio.token)
        )
        took = time.perf_counter() - began
        if response.status_code != 200 or response.json()["applied"] != len(ops):
            errors.append(f"{studio.name} round {round_}: {response.status_code} {response.text[:200]}")
            return
        latencies.append(took)
        studio.sent.extend(s["id"] for s in samples)

    stop = threading.Event()

    def pull_once(http: httpx.Client) -> bool:
        reader = Node("head-office-desk")
        response = http.get(
            PULL_PATH, params={"cursor": hq.cursor, "limit": 2000}, headers=reader.headers(hq.token)
        )
        response.raise_for_status()
        page = response.json()
        for change in page["changes"]:
            if change["table"] == "metric_samples" and change["kind"] == "upsert":
                hq.seen[change["row_id"]] += 1
        hq.cursor = page["next_cursor"]
        hq.pages += 1
        return bool(page["has_more"])

    def follow() -> None:
        with httpx.Client(base_url=server.url, timeout=120) as http:
            while not stop.is_set():
                if not pull_once(http):
                    time.sleep(0.5)  # a desk polls; it does not spin

    follower = threading.Thread(target=follow, daemon=True)
    began = time.perf_counter()
    follower.start()
    try:
        with ThreadPoolExecutor(clients) as pool:
            for round_ in range(rounds):
                # A round is 10 simulated seconds: every studio pushes once, in whatever order they land.
                list(pool.map(lambda s, r=round_: push(s, r), studios))
        wall_s = time.perf_counter() - began
        stop.set()
        follower.join(timeout=120)
        with httpx.Client(base_url=server.url, timeout=120) as http:
            while pull_once(http):
                pass
        _report(engine, studios, hq, latencies, errors, wall_s, minutes, workers)
    finally:
        server.stop()
        engine.dispose()


def _report(
    engine: service.Engine,
    studios: list[Studio],
    hq: HeadOffice,
    latencies: list[float],
    errors: list[str],
    wall_s: float,
    minutes: float,
    workers: int,
) -> None:
    sent = {sid for s in studios for sid in s.sent}
    with engine.connect() as conn:
        rows = conn.execute(
            select(st.records.c.record_id, st.records.c.payload).where(
                st.records.c.table_name == "metric_samples"
            )
        ).all()
    stored = {r.record_id for r in rows}
    keys = Counter((p["show_id"], p["source"], p["at"]) for p in (json.loads(r.payload) for r in rows))
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else float("nan")
    print(
        f"{len(studios)} studios, {minutes:g} simulated min, {workers} server process(es): "
        f"{len(latencies)} pushes in {wall_s:.1f} s = {len(latencies) / wall_s:.0f} pushes/s, "
        f"{len(sent) / wall_s:.0f} rows/s; real-time factor {minutes * 60 / wall_s:.1f}×"
    )
    print(
        f"  push latency p50 {statistics.median(ordered) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms; "
        f"errors {len(errors)}{(' (first: ' + errors[0] + ')') if errors else ''}"
    )
    print(
        f"  server: {len(stored)} samples stored of {len(sent)} sent, lost {len(sent - stored)}, "
        f"duplicated {sum(n - 1 for n in keys.values() if n > 1)}"
    )
    print(
        f"  head office feed ({hq.pages} pages): {len(hq.seen)} samples, missing {len(sent - set(hq.seen))}, "
        f"delivered twice {sum(1 for n in hq.seen.values() if n > 1)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studios", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2, help="studio-app serve --workers")
    parser.add_argument("--clients", type=int, default=32, help="client threads pushing at once")
    parser.add_argument(
        "--server-src", type=Path, help="run the server from this checkout (to compare with older code)"
    )
    args = parser.parse_args()
    cluster = PostgresCluster()
    cluster.start()
    try:
        for n in args.studios:
            run(cluster, n, args.minutes, args.workers, args.clients, args.server_src)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
