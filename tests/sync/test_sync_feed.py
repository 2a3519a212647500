"""The change feed without a global push lock (PostgreSQL): pushes run side by side, and a reader never
moves its cursor past a change that commits later.

A push numbers its changes after its transaction id; the feed ends below the oldest transaction still
running (``service.feed_head``). The gap this guards against: push A takes the lower numbers, push B the
higher ones and commits first; a reader that saw B then would never see A.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from raw_push import Node, payload
from sqlalchemy import Engine, func, select
from sync_harness import Backend, PostgresCluster, new_backend

from studio_app.server import service
from studio_app.server import tables as st
from studio_app.sync.protocol import PULL_PATH, PUSH_PATH


@pytest.fixture
def pg_engine(postgres_cluster: PostgresCluster) -> Iterator[Engine]:
    engine = service.open_engine(postgres_cluster.new_database())
    service.create_schema(engine)
    yield engine
    engine.dispose()


def test_a_later_push_that_commits_first_waits_until_the_earlier_one_commits(pg_engine: Engine) -> None:
    studio, _ = service.add_studio(pg_engine, "studio_a")
    hq, _ = service.add_studio(pg_engine, "hq", head_office=True)
    node, now = Node(), service.now_ms()
    first, second = payload("shows", {"title": "先开始"}), payload("shows", {"title": "先提交"})
    early = node.request(node.ops([("shows", first)], now))
    late = node.request(node.ops([("shows", second)], now))
    with pg_engine.connect() as conn:
        transaction = conn.begin()
        checked = service.check_batch(pg_engine, studio, early, now)
        service.apply_push_in(conn, studio, early, checked, now)  # numbered, not committed
        assert service.apply_push(pg_engine, studio, late).applied == 1  # a later transaction, committed
        page = service.pull_page(pg_engine, hq, "reader", 0, 100)
        assert page.changes == []  # the committed later change waits ...
        with pg_engine.connect() as other:
            later_seq = other.execute(select(func.max(st.records.c.seq))).scalar_one()
        assert page.next_cursor < later_seq  # ... and the cursor stays below it
        transaction.commit()
    page = service.pull_page(pg_engine, hq, "reader", page.next_cursor, 100)
    assert [c.row_id for c in page.changes] == [first["id"], second["id"]]  # both, in commit-safe order


def test_a_new_row_pushed_by_two_studios_at_once_is_merged_not_an_error(pg_engine: Engine) -> None:
    studio, _ = service.add_studio(pg_engine, "studio_a")
    hq, _ = service.add_studio(pg_engine, "hq", head_office=True)
    row = payload("shows", {"title": "直播间先写"})
    a, b = Node(), Node()
    now = service.now_ms()
    first = a.request(a.ops([("shows", row)], now))
    second = b.request(b.ops([("shows", {**row, "title": "总部后写"})], now + 1))
    answers: list[service.PushResponse] = []
    with pg_engine.connect() as conn:
        transaction = conn.begin()
        service.apply_push_in(conn, studio, first, service.check_batch(pg_engine, studio, first, now), now)
        # The head office's insert of the same id waits on the unique index, then fails and is tried again.
        other = threading.Thread(target=lambda: answers.append(service.apply_push(pg_engine, hq, second)))
        other.start()
        other.join(timeout=1)
        assert other.is_alive()  # waiting for the first transaction
        transaction.commit()
    other.join(timeout=30)
    assert answers and answers[0].applied == 1
    with pg_engine.connect() as conn:
        (record,) = conn.execute(select(st.records)).all()
    assert '"title":"总部后写"' in record.payload  # the newer stamp, merged into the row the first wrote


def test_side_by_side_pushes_on_two_server_processes_lose_nothing(
    postgres_cluster: PostgresCluster,
) -> None:
    backend = new_backend("postgresql", postgres_cluster.new_database(), workers=2)
    try:
        _run_side_by_side(backend)
    finally:
        backend.server.stop()
        backend.engine.dispose()


def _run_side_by_side(backend: Backend) -> None:
    url, tokens = backend.server.url, backend.tokens
    a, hq, b = Node(), Node(), Node()
    shared = [payload("shows", {"title": f"共享 {i}"}) for i in range(10)]
    _post(url, tokens["studio_a"], a, [("shows", row) for row in shared])
    # Every push of the two editors touches all ten shows in its own order: row locks, deadlocks, retries.
    pushed: dict[str, list[tuple[str, str]]] = {row["id"]: [] for row in shared}  # id -> [(stamp, title)]
    inserted: list[str] = []
    failures: list[str] = []
    lock = threading.Lock()

    def edit(studio: str, node: Node) -> None:
        for round_ in range(25):
            rows = [{**row, "title": f"{studio} {round_} {i}"} for i, row in enumerate(shared)]
            rng_local = random.Random(f"{studio}{round_}")
            rng_local.shuffle(rows)
            ops = node.ops([("shows", row) for row in rows], service.now_ms())
            with lock:
                for op, row in zip(ops, rows, strict=True):
                    pushed[row["id"]].append((op.hlc, row["title"]))
            _post(url, tokens[studio], node, ops=ops, failures=failures)

    def insert() -> None:
        for round_ in range(25):
            rows = [payload("shows", {"title": f"新 {round_}.{i}"}) for i in range(20)]
            inserted.extend(row["id"] for row in rows)
            _post(url, tokens["studio_b"], b, [("shows", row) for row in rows], failures=failures)

    seen: dict[str, str] = {}  # record id -> stamp of the last version the follower pulled
    cursor = [0]
    done = threading.Event()

    def follow() -> None:
        while not done.is_set():
            _pull_all(url, tokens["hq"], cursor, seen)

    workers = [
        threading.Thread(target=edit, args=("studio_a", a)),
        threading.Thread(target=edit, args=("hq", hq)),
        threading.Thread(target=insert),
    ]
    follower = threading.Thread(target=follow)
    follower.start()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
    done.set()
    follower.join(timeout=60)
    _pull_all(url, tokens["hq"], cursor, seen)
    assert failures == []
    with backend.engine.connect() as conn:
        current = {r.record_id: r for r in conn.execute(select(st.records))}
    assert len(current) == 10 + len(inserted) == 510
    # The follower, pulling all along, ends on every record's current version: no change skipped.
    assert {k: v.hlc for k, v in current.items()} == seen
    for record_id, versions in pushed.items():
        stamp, title = max(versions)
        assert current[record_id].hlc == stamp and f'"title":"{title}"' in current[record_id].payload


def _post(
    url: str,
    token: str,
    node: Node,
    rows: list[tuple[str, dict[str, Any]]] | None = None,
    ops: list[Any] | None = None,
    failures: list[str] | None = None,
) -> None:
    ops = ops if ops is not None else node.ops(rows or [], service.now_ms())
    response = httpx.post(url + PUSH_PATH, json=node.body(ops), headers=node.headers(token), timeout=60)
    # A conflict answer is expected (two editors); a refusal or an error is not.
    if response.status_code != 200 or any(r["outcome"] == "rejected" for r in response.json()["results"]):
        message = f"{response.status_code} {response.text[:300]}"
        if failures is None:
            raise AssertionError(message)
        failures.append(message)


def _pull_all(url: str, token: str, cursor: list[int], seen: dict[str, str]) -> None:
    reader = Node("follower")
    while True:
        response = httpx.get(
            url + PULL_PATH,
            params={"cursor": cursor[0], "limit": 500},
            headers=reader.headers(token),
            timeout=60,
        )
        response.raise_for_status()
        page = response.json()
        for change in page["changes"]:
            if change["kind"] == "upsert":
                seen[change["row_id"]] = change["hlc"]
        cursor[0] = page["next_cursor"]
        if not page["has_more"]:
            return
