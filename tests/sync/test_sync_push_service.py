"""The push as the backend applies it (``service.apply_push``, in process, on SQLite and a real PostgreSQL).

Covers what the fast path relies on: the op that wrote a record's current version is recognised from the
record itself, batches from one computer may be applied out of order, and COPY keeps every character.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from studio_app.server import service
from studio_app.server import tables as st
from studio_app.store.models.base import new_id
from studio_app.sync.codec import canonical_json, row_digest
from studio_app.sync.hlc import Hlc
from studio_app.sync.protocol import Op, PushRequest

NODE = "node-a"
SHOW = "00000000-0000-4000-8000-000000000001"
SCRIPTS = "scripts"


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "postgresql":
        url = request.getfixturevalue("postgres_cluster").new_database()
    else:
        url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    engine = service.open_engine(url)
    service.create_schema(engine)
    yield engine
    engine.dispose()


# One "now" for every stamp of the run: stamps a few hundred ms apart keep their order however slow the
# machine is between two pushes.
_NOW_MS = int(time.time() * 1000)


def _stamp(offset_ms: int, node: str = NODE) -> str:
    return Hlc(_NOW_MS + offset_ms, 0, node).encode()


def _op(row_id: str, title: str, hlc: str, seq: int, base: Op | None = None) -> Op:
    # A whole row of the table (the server checks every pushed row against it); the show is never pushed,
    # which the server allows: a parent may still be on its way.
    payload = canonical_json(
        {"id": row_id, "show_id": SHOW, "revision": 1, "title": title, "source_text": "", "deleted_at": None}
    )
    # An edit of ``base`` names the column it changed and the value it had (what the desktop sends).
    changed = canonical_json({"title": [json.loads(base.payload_json)["title"]]}) if base else None
    return Op(
        op_id=new_id(),
        seq=seq,
        table=SCRIPTS,
        row_id=row_id,
        hlc=hlc,
        payload_json=payload,
        changed=changed,
    )


def _push(engine: Engine, studio: service.Studio, *ops: Op, node: str = NODE) -> service.PushResponse:
    request = PushRequest(schema_version="x", node_id=node, batch_id=new_id(), ops=list(ops))
    return service.apply_push(engine, studio, request)


def _counter(engine: Engine) -> int:
    """The newest change in the feed."""
    with engine.connect() as conn:
        records = conn.execute(select(func.max(st.records.c.seq))).scalar() or 0
        conflicts = conn.execute(select(func.max(st.conflicts.c.seq))).scalar() or 0
        return max(records, conflicts)


def _payload(engine: Engine, row_id: str) -> str:
    with engine.connect() as conn:
        return str(
            conn.execute(select(st.records.c.payload).where(st.records.c.record_id == row_id)).scalar()
        )


def _conflicts(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(st.conflicts)).scalar_one())


def test_a_new_row_costs_no_applied_ops_row_and_its_repeat_is_a_duplicate(engine: Engine) -> None:
    studio, _ = service.add_studio(engine, "studio_a")
    op = _op(new_id(), "开场", _stamp(0), 1)
    first = _push(engine, studio, op)
    assert (first.applied, first.duplicates) == (1, 0)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(st.applied_ops)).scalar_one() == 0
        assert conn.execute(select(st.records.c.op_id)).scalar_one() == op.op_id
    head = _counter(engine)
    again = _push(engine, studio, op, op)
    assert (again.applied, again.duplicates, again.results) == (0, 2, [])
    assert _counter(engine) == head  # nothing rewritten, nothing re-sent


def test_a_repeat_of_an_overwritten_version_is_still_a_duplicate(engine: Engine) -> None:
    studio, _ = service.add_studio(engine, "studio_a")
    other, _ = service.add_studio(engine, "hq", head_office=True)
    row = new_id()
    old = _op(row, "旧版", _stamp(0), 1)
    new = _op(row, "新版", _stamp(1000, "node-hq"), 1, base=old)  # made on the old version: no conflict
    _push(engine, studio, old)
    _push(engine, other, new, node="node-hq")
    head = _counter(engine)
    again = _push(engine, studio, old)  # the lost acknowledgement of the first push, delivered late
    assert (again.applied, again.duplicates, again.results) == (0, 1, [])
    assert _conflicts(engine) == 0  # not mistaken for a concurrent edit
    assert _counter(engine) == head
    assert '"新版"' in _payload(engine, row)


def test_batches_from_one_computer_applied_out_of_order_are_no_conflict(engine: Engine) -> None:
    studio, _ = service.add_studio(engine, "studio_a")
    row = new_id()
    earlier = _op(row, "第一稿", _stamp(0), 1)
    later = _op(row, "第二稿", _stamp(500), 2, base=earlier)
    assert _push(engine, studio, later).applied == 1
    late = _push(engine, studio, earlier)
    assert late.applied == 0 and late.results == []
    assert _conflicts(engine) == 0
    assert '"第二稿"' in _payload(engine, row)
    # ... while the same late edit from another computer is a real conflict, kept for the user.
    third = _op(row, "别处的稿", _stamp(200, "node-b"), 1)
    answer = _push(engine, studio, third, node="node-b")
    assert [r.outcome.value for r in answer.results] == ["conflict"]
    assert _conflicts(engine) == 1


def test_copy_keeps_every_character(engine: Engine) -> None:
    studio, _ = service.add_studio(engine, "studio_a")
    row = "id\\with\ttab\nline\rcr"
    title = 'C:\\路径\\n "引号" \t tab \n newline \\N not null'
    op = replace(_op(row, title, _stamp(0), 1), op_id="op\\\t\n1")
    payload = op.payload_json
    assert _push(engine, studio, op).applied == 1
    with engine.connect() as conn:
        stored = conn.execute(select(st.records)).one()
    assert (stored.record_id, stored.payload, stored.op_id) == (row, payload, op.op_id)
    assert stored.digest == row_digest(SCRIPTS, payload) and stored.live is True
    assert _push(engine, studio, op).duplicates == 1


def test_a_backend_made_before_records_op_id_gets_it_and_keeps_its_duplicates(engine: Engine) -> None:
    studio, _ = service.add_studio(engine, "studio_a")
    old = [_op(new_id(), f"旧库 {i}", _stamp(0), i) for i in range(2)]
    _push(engine, studio, *old)
    with engine.begin() as conn:  # the old layout: no op_id on records, every applied op in applied_ops
        conn.exec_driver_sql("ALTER TABLE records DROP COLUMN op_id")
        conn.execute(st.applied_ops.insert(), [{"op_id": op.op_id, "studio_id": studio.id} for op in old])
    service.create_schema(engine)
    assert _push(engine, studio, *old).duplicates == 2
    newer = [_op(op.row_id, f"新库 {i}", _stamp(1000), 2 + i, base=op) for i, op in enumerate(old)]
    assert _push(engine, studio, *newer).applied == 2  # two old versions overwritten in one batch
    assert _push(engine, studio, *newer).duplicates == 2
    assert '"新库 1"' in _payload(engine, old[1].row_id) and _conflicts(engine) == 0
