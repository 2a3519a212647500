"""A small property-based model: three desktops, random edits, random sync order, cut connections.

After a final round every desktop equals the server's copy of what it may see, and the two desktops of the
same studio equal each other.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sync_harness import CutProxy, assert_in_step, cut_after_reply, cut_now, live_records

from studio_app.clock import SystemClock
from studio_app.store.db import Database
from studio_app.store.models import Show
from studio_app.store.writer import Writer
from studio_app.sync.client import Backoff, OfflineError, SyncClient
from studio_app.sync.outbox import install

DESKTOPS = (("hq", "hq"), ("a1", "studio_a"), ("a2", "studio_a"))

action = st.one_of(
    st.tuples(st.just("create"), st.integers(0, 2)),
    st.tuples(st.just("edit"), st.integers(0, 2), st.integers(0, 50), st.text(max_size=8)),
    st.tuples(st.just("delete"), st.integers(0, 2), st.integers(0, 50)),
    st.tuples(st.just("hard_delete"), st.integers(0, 2), st.integers(0, 50)),
    st.tuples(st.just("sync"), st.integers(0, 2)),
    st.tuples(st.just("cut"), st.integers(0, 2), st.sampled_from(["push", "pull"]), st.booleans()),
)


def _visible_shows(db: Database) -> list[str]:
    with db.session() as s:
        return sorted(s.scalars(select(Show.id).where(Show.deleted_at.is_(None))))


@pytest.mark.slow
@settings(
    max_examples=10,
    deadline=None,
    # No shrinking: each example runs real processes, and shrinking one failure could take many minutes;
    # the failing steps are printed as generated.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(action, min_size=3, max_size=14))
def test_random_edits_and_faults_converge(sqlite_backend, steps):
    root = Path(tempfile.mkdtemp(prefix="sync-model-"))
    clock = SystemClock()
    dbs = []
    for name, _ in DESKTOPS:
        db = Database.open(root / name / "studio.sqlite3")
        install(db.engine, clock)
        dbs.append(db)
    writers = [Writer(db) for db in dbs]
    backoff = Backoff(attempts=2, first_s=0.0)
    clients = [
        SyncClient(
            writer,
            sqlite_backend.server.url,
            sqlite_backend.tokens[studio],
            backoff=backoff,
            sleep=lambda s: None,
            batch_ops=3,
            page_size=3,
        )
        for writer, (_, studio) in zip(writers, DESKTOPS, strict=True)
    ]
    try:
        for step in steps:
            kind, who = step[0], step[1]
            db = dbs[who]
            if kind == "create":
                with db.session() as s:
                    s.add(Show(title=f"by {DESKTOPS[who][0]}"))
            elif kind in ("edit", "delete", "hard_delete"):
                ids = _visible_shows(db)
                if not ids:
                    continue
                with db.session() as s:
                    show = s.get(Show, ids[step[2] % len(ids)])
                    if kind == "edit":
                        show.title = step[3]
                    elif kind == "hard_delete":
                        s.delete(show)
                    else:
                        show.deleted_at = clock.now()
            elif kind == "sync":
                clients[who].sync()
            else:
                proxy = CutProxy(sqlite_backend.server.port)
                marker = b"POST /sync/push" if step[2] == "push" else b"GET /sync/pull"
                proxy.on_request(marker, 1, cut_now if step[3] else cut_after_reply)
                client = SyncClient(
                    writers[who],
                    proxy.url,
                    sqlite_backend.tokens[DESKTOPS[who][1]],
                    backoff=Backoff(attempts=1),
                    batch_ops=3,
                    page_size=3,
                )
                try:
                    client.sync()
                except OfflineError:
                    pass  # the cut is the point; what was not acknowledged must still be waiting
                finally:
                    client.close()
                    proxy.close()
        for _ in range(2):
            for client in clients:
                client.sync()
        for db, (_, studio) in zip(dbs, DESKTOPS, strict=True):
            assert_in_step(db, sqlite_backend, studio)
        # The studio's two desktops show the same live rows (a row deleted before one of them saw it is
        # simply absent there; where both have a deleted row, assert_in_step checked it is the same).
        assert live_records(dbs[1]) == live_records(dbs[2])
    finally:
        for client in clients:
            client.close()
        for writer in writers:
            writer.close()
        for db in dbs:
            db.close()
