"""A sync round writes through the app's one writer and says what it changed."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine

from studio_app.store.models import Show
from studio_app.store.writer import Changes, Writer
from studio_app.sync.client import _without_foreign_keys


def _foreign_keys_everywhere(engine: Engine) -> set[int]:
    """The setting on every connection the pool holds (held at once, so each is a different one)."""
    held = [engine.connect() for _ in range(engine.pool.checkedin() + 1)]  # type: ignore[attr-defined]
    try:
        return {conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() for conn in held}
    finally:
        for conn in held:
            conn.close()


def test_pulled_rows_are_reported_and_heard_by_the_writers_listeners(sqlite_backend, desktop, make_client):
    hq_db, a_db = desktop("hq"), desktop("a")
    hq = make_client(hq_db, sqlite_backend.server.url, sqlite_backend.tokens["hq"])
    a = make_client(a_db, sqlite_backend.server.url, sqlite_backend.tokens["studio_a"])
    with hq_db.session() as s:
        s.add(Show(title="plan from head office"))
    assert hq.sync().pushed_ops == 1
    heard: list[Changes] = []
    a.writer.add_listener(heard.append)

    report = a.sync()

    assert report.pulled_changes == 1
    assert report.changes.touches("shows")
    assert any(changes.touches("shows") for changes in heard)
    # Key checks were off only while the page was applied.
    assert _foreign_keys_everywhere(a_db.engine) == {1}


def test_key_checks_come_back_when_an_apply_fails(desktop):
    db = desktop("a")
    writer = Writer(db)
    try:

        def failing(session):
            _without_foreign_keys(session)
            raise RuntimeError("the page could not be applied")

        with pytest.raises(RuntimeError):
            writer.run(failing)
        assert _foreign_keys_everywhere(db.engine) == {1}
    finally:
        writer.close()


def test_key_checks_cannot_be_turned_off_after_a_write_began(desktop):
    db = desktop("a")
    writer = Writer(db)
    try:

        def late(session):
            session.add(Show(title="written first"))
            session.flush()
            _without_foreign_keys(session)

        with pytest.raises(RuntimeError, match="foreign keys"):
            writer.run(late)
        assert _foreign_keys_everywhere(db.engine) == {1}
    finally:
        writer.close()


def _samples(show_id: str, n: int) -> list[dict]:
    from datetime import UTC, datetime, timedelta

    start = datetime(2026, 11, 20, 12, tzinfo=UTC)
    return [
        {"show_id": show_id, "at": start + timedelta(seconds=i), "source": "import", "online_viewers": i}
        for i in range(n)
    ]


def test_a_bulk_insert_leaves_one_entry_whose_ops_say_what_each_row_holds(desktop, make_client):
    from typing import cast

    from sqlalchemy import Table, select

    from studio_app.store.models.data import MetricSample
    from studio_app.store.models.sync import SyncOutbox
    from studio_app.sync.codec import canonical_json, synced_codecs
    from studio_app.sync.outbox import BULK_ROW_ID, insert_rows

    db = desktop("a")
    client = make_client(db, "http://127.0.0.1:9", "unused")
    writer = client.writer
    show_id = writer.run(lambda s: _add_show(s)).value
    table = cast(Table, MetricSample.__table__)
    written = writer.run(lambda s: insert_rows(s, table, _samples(show_id, 250)))
    assert len(written.value) == 250
    assert written.changes.touches("metric_samples") and written.changes.touches("sync_outbox")
    codec = synced_codecs()["metric_samples"]
    with db.engine.connect() as conn:
        stored = {
            r["id"]: canonical_json(codec.encode_row(r)) for r in conn.execute(select(table)).mappings()
        }
        entries = conn.execute(
            select(SyncOutbox.row_id, SyncOutbox.payload)
            .where(SyncOutbox.table_name == "metric_samples")
            .order_by(SyncOutbox.seq)
        ).all()
    assert [e.row_id for e in entries] == [BULK_ROW_ID]
    assert json.loads(entries[0].payload) == [row["id"] for row in written.value]
    # What the push sends for it: each row as stored, in the order inserted, under op ids that stay put.
    ops = [op for op in client._next_batch() if op.table_name == "metric_samples"]
    assert [op.row_id for op in ops] == [row["id"] for row in written.value]
    assert {op.row_id: op.payload for op in ops} == stored
    assert len({op.op_id for op in ops}) == 250
    assert [op.op_id for op in client._next_batch() if op.table_name == "metric_samples"] == [
        op.op_id for op in ops
    ]
    assert [op.ends_entry for op in ops] == [False] * 249 + [True]


def test_bulk_inserted_rows_reach_the_server_intact(sqlite_backend, desktop, make_client):
    from typing import cast

    from sqlalchemy import Table

    from studio_app.store.models.data import MetricSample
    from studio_app.sync.outbox import insert_rows

    db = desktop("a")
    client = make_client(db, sqlite_backend.server.url, sqlite_backend.tokens["studio_a"])
    show_id = client.writer.run(lambda s: _add_show(s)).value
    client.writer.run(lambda s: insert_rows(s, cast(Table, MetricSample.__table__), _samples(show_id, 300)))
    report = client.sync()
    assert report.pushed_ops == 301 and report.checksum_ok and report.pending_ops == 0


def _add_show(session) -> str:
    show = Show(title="import")
    session.add(show)
    session.flush()
    return show.id
