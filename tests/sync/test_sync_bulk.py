"""A bulk insert leaves one outbox entry for all its rows; it still travels, counts and guards row by row."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any, cast

import httpx
import pytest
from sqlalchemy import Table, insert, select
from sync_harness import CutProxy, assert_in_step, server_record_count

from studio_app.server import tables as st
from studio_app.store.handle import StoreHandle
from studio_app.store.models import Show
from studio_app.store.models.data import MetricSample
from studio_app.store.models.script import ScriptRow
from studio_app.store.models.sync import SyncOutbox
from studio_app.sync.client import OfflineError
from studio_app.sync.outbox import BULK_ROW_ID, bulk_op_id, insert_rows
from studio_app.sync.status import read_snapshot

SAMPLES = cast(Table, MetricSample.__table__)


def _samples(show_id: str, n: int, viewers: int = 0, ids: list[str] | None = None) -> list[dict[str, Any]]:
    start = datetime(2026, 11, 20, 12, tzinfo=UTC)
    rows: list[dict[str, Any]] = [
        {
            "show_id": show_id,
            "at": start + timedelta(seconds=i),
            "source": "import",
            "online_viewers": viewers + i,
        }
        for i in range(n)
    ]
    for row, row_id in zip(rows, ids or [], strict=False):
        row["id"] = row_id
    return rows


def _add_show(session: Any) -> str:
    show = Show(title="导入场")
    session.add(show)
    session.flush()
    return str(show.id)


def _entries(db: Any) -> list[Any]:
    with db.engine.connect() as conn:
        return conn.execute(
            select(SyncOutbox.seq, SyncOutbox.op_id, SyncOutbox.table_name, SyncOutbox.row_id).order_by(
                SyncOutbox.seq
            )
        ).all()


def test_the_orm_bulk_insert_of_an_import_leaves_one_entry(desktop, make_client):
    db = desktop("a")
    client = make_client(db, "http://127.0.0.1:9", "unused")
    show_id = client.writer.run(_add_show).value
    written = client.writer.run(lambda s: s.execute(insert(MetricSample), _samples(show_id, 120)))
    assert written.changes.touches("metric_samples") and written.changes.touches("sync_outbox")
    assert [(e.table_name, e.row_id) for e in _entries(db)][1:] == [("metric_samples", BULK_ROW_ID)]
    assert client.pending_count() == 121  # the show and each row, as the status bar says


def test_the_orm_bulk_insert_writes_objects_added_before_it_first(desktop, make_client):
    db = desktop("a")
    client = make_client(db, "http://127.0.0.1:9", "unused")

    def add_show_and_samples(session: Any) -> str:
        show = Show(id="0b9c8a9e-2f0e-4d59-9a4c-7d1f1f0c2a11", title="新场")
        session.add(show)  # not flushed: the samples' key needs it in the table first
        session.execute(insert(MetricSample), _samples(show.id, 80))
        return show.id

    client.writer.run(add_show_and_samples)
    assert [(e.table_name, e.row_id) for e in _entries(db)] == [
        ("shows", "0b9c8a9e-2f0e-4d59-9a4c-7d1f1f0c2a11"),
        ("metric_samples", BULK_ROW_ID),
    ]


@pytest.mark.parametrize("path", ["insert_rows", "orm"])
def test_bulk_inserted_times_are_stored_as_every_other_write_stores_them(desktop, make_client, path):
    db = desktop("a")
    client = make_client(db, "http://127.0.0.1:9", "unused")
    show_id = client.writer.run(_add_show).value
    rows = _samples(show_id, 60)
    if path == "orm":
        client.writer.run(lambda s: s.execute(insert(MetricSample), rows))
    else:
        client.writer.run(lambda s: insert_rows(s, SAMPLES, rows))
    first = rows[0]["at"]
    with db.engine.connect() as conn:
        # A range from the first row's own time finds it: the stored text is the form a query binds.
        in_range = conn.execute(select(SAMPLES.c.id).where(SAMPLES.c.at >= first)).all()
        created = conn.execute(select(SAMPLES.c.created_at)).scalars().first()
    assert len(in_range) == 60
    assert created is not None and created.tzinfo is not None


def test_small_writes_keep_one_entry_per_row_and_a_bulk_write_of_any_table_one(desktop, make_client):
    db = desktop("a")
    client = make_client(db, "http://127.0.0.1:9", "unused")
    show_id = client.writer.run(_add_show).value
    client.writer.run(lambda s: insert_rows(s, SAMPLES, _samples(show_id, 10)))
    scripts = [
        {"show_id": show_id, "revision": i, "title": f"第{i}版", "source_text": "开场"} for i in range(60)
    ]
    # Scripts too (an entry no longer carries the version it was made on: new rows merge per field).
    client.writer.run(lambda s: s.execute(insert(ScriptRow), scripts))
    entries = _entries(db)
    assert len(entries) == 1 + 10 + 1
    assert [e.row_id for e in entries].count(BULK_ROW_ID) == 1 and entries[-1].row_id == BULK_ROW_ID
    with db.session() as s:
        stored = s.scalars(select(ScriptRow).order_by(ScriptRow.revision)).all()
        assert [(r.revision, r.meta, r.source_name) for r in stored] == [(i, {}, "") for i in range(60)]


def test_pending_count_and_the_status_bar_count_rows(desktop, make_client):
    db = desktop("a")
    client = make_client(db, "http://127.0.0.1:9", "unused")
    show_id = client.writer.run(_add_show).value
    client.writer.run(lambda s: insert_rows(s, SAMPLES, _samples(show_id, 250)))
    assert len(_entries(db)) == 2
    assert client.pending_count() == 251
    assert read_snapshot(cast(StoreHandle, SimpleNamespace(db=db))).pending_ops == 251


def test_a_push_cut_inside_a_bulk_entry_is_finished_later_without_applying_a_row_twice(
    backend, desktop, make_client
):
    db = desktop("a")
    first = make_client(db, backend.server.url, backend.tokens["studio_a"])
    show_id = first.writer.run(_add_show).value
    first.sync()
    first.writer.run(lambda s: insert_rows(s, SAMPLES, _samples(show_id, 900)))
    (entry,) = _entries(db)
    proxy = CutProxy(backend.server.port)
    try:
        # Parts of 300 ops: the server dies while the entry's second part comes in.
        proxy.on_request(b"POST /sync/push", 2, lambda conn: backend.server.kill())
        cut = make_client(db, proxy.url, backend.tokens["studio_a"], batch_ops=300)
        with pytest.raises(OfflineError):
            cut.sync()
    finally:
        proxy.close()
    assert _entries(db) == [entry]  # half sent is not sent: the entry waits whole
    assert cut.pending_count() == 900
    on_server_before = server_record_count(backend.engine)
    assert on_server_before < 901

    backend.restart()
    applied: list[int] = []

    def count_applied(response: httpx.Response) -> None:
        if response.request.url.path == "/sync/push":
            response.read()
            applied.append(int(response.json()["applied"]))

    http = httpx.Client(event_hooks={"response": [count_applied]})
    try:
        report = make_client(
            db, backend.server.url, backend.tokens["studio_a"], batch_ops=300, http=http
        ).sync()
    finally:
        http.close()
    assert report.checksum_ok and report.pending_ops == 0 and _entries(db) == []
    assert server_record_count(backend.engine) == 901
    # Rows the cut push had delivered were recognised by their op ids, not applied again.
    assert sum(applied) == 901 - on_server_before
    assert_in_step(db, backend, "studio_a")


def test_each_row_of_a_bulk_entry_travels_under_the_op_id_its_place_gives_it(
    sqlite_backend, desktop, make_client
):
    db = desktop("a")
    client = make_client(db, sqlite_backend.server.url, sqlite_backend.tokens["studio_a"], batch_ops=70)
    show_id = client.writer.run(_add_show).value
    rows = client.writer.run(lambda s: insert_rows(s, SAMPLES, _samples(show_id, 200))).value
    entry = _entries(db)[-1]
    report = client.sync()
    assert report.pushed_ops == 201 and report.checksum_ok
    with sqlite_backend.engine.connect() as conn:
        op_ids = dict(
            conn.execute(
                select(st.records.c.record_id, st.records.c.op_id).where(
                    st.records.c.table_name == "metric_samples"
                )
            ).all()
        )
    assert op_ids == {row["id"]: bulk_op_id(entry.op_id, i) for i, row in enumerate(rows)}


def test_a_pulled_version_of_a_row_waiting_in_a_bulk_entry_does_not_overwrite_it(
    sqlite_backend, desktop, make_client
):
    hq_db, a_db = desktop("hq"), desktop("a")
    hq = make_client(hq_db, sqlite_backend.server.url, sqlite_backend.tokens["hq"])
    a = make_client(a_db, sqlite_backend.server.url, sqlite_backend.tokens["studio_a"])
    show_id = hq.writer.run(_add_show).value
    hq.sync()
    a.sync()
    ids = [row["id"] for row in hq.writer.run(lambda s: insert_rows(s, SAMPLES, _samples(show_id, 60))).value]
    hq.sync()
    # The studio wrote the same rows meanwhile (its own import), not yet pushed.
    a.writer.run(lambda s: insert_rows(s, SAMPLES, _samples(show_id, 60, viewers=500, ids=ids)))

    applied, _ = a.pull()

    assert applied == 0
    with a_db.engine.connect() as conn:
        viewers = dict(conn.execute(select(SAMPLES.c.id, SAMPLES.c.online_viewers)).all())
    assert viewers == {row_id: 500 + i for i, row_id in enumerate(ids)}
    with a_db.engine.connect() as conn:
        waiting = conn.execute(select(SyncOutbox.row_id, SyncOutbox.payload)).one()
    assert waiting.row_id == BULK_ROW_ID and json.loads(waiting.payload) == ids


def test_rows_inserted_without_an_id_get_distinct_uuids(desktop, make_client):
    import uuid

    db = desktop("a")
    client = make_client(db, "http://127.0.0.1:9", "unused")
    show_id = client.writer.run(_add_show).value
    rows = client.writer.run(lambda s: insert_rows(s, SAMPLES, _samples(show_id, 500))).value
    ids = [row["id"] for row in rows]
    assert len(set(ids)) == 500
    assert all(str(uuid.UUID(i)) == i and uuid.UUID(i).version == 4 for i in ids)


def test_rows_deleted_after_a_bulk_insert_leave_no_entry_behind(sqlite_backend, desktop, make_client):
    from sqlalchemy import delete

    db = desktop("a")
    client = make_client(db, sqlite_backend.server.url, sqlite_backend.tokens["studio_a"], batch_ops=70)
    show_id = client.writer.run(_add_show).value
    ids = [
        r["id"] for r in client.writer.run(lambda s: insert_rows(s, SAMPLES, _samples(show_id, 200))).value
    ]
    gone_ids = [
        r["id"] for r in client.writer.run(lambda s: insert_rows(s, SAMPLES, _samples(show_id, 60))).value
    ]

    def remove(session: Any) -> None:
        # Deleted in the app (each travels as a tombstone of its own), and behind its back at the end of
        # the first write and all of the second (nothing travels; the entries name rows no longer there).
        for row_id in ids[50:55]:
            session.delete(session.get(MetricSample, row_id))
        session.flush()
        session.connection().execute(delete(SAMPLES).where(SAMPLES.c.id.in_(ids[170:] + gone_ids)))

    client.writer.run(remove)
    assert client.pending_count() == 1 + 200 + 60 + 5

    report = client.sync()

    assert report.pushed_ops == 1 + 165 + 5 and report.checksum_ok
    assert _entries(db) == [] and report.pending_ops == 0
    assert_in_step(db, sqlite_backend, "studio_a")


def test_the_push_reads_every_synced_row_as_its_codec_encodes_it(app_context):
    from studio_app.sync.client import _RowReader
    from studio_app.sync.codec import canonical_json, synced_codecs

    seen = 0
    with app_context.db.engine.connect() as conn:
        for codec in synced_codecs().values():
            rows = conn.execute(select(codec.table)).mappings().all()
            expected = {row["id"]: canonical_json(codec.encode_row(row)) for row in rows}
            assert _RowReader(codec, conn)([row["id"] for row in rows]) == expected, codec.name
            seen += len(rows)
    assert seen > 100  # the demo show fills most tables
