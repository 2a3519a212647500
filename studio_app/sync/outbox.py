"""Every change to a synced row leaves an outbox entry in the same transaction as the change.

The hooks are SQLAlchemy session events; :func:`install` (called by ``AppContext.open``, where the
database is opened) turns them on for one database, so no caller writing to the app's database can forget
them, and the store never imports this module. ``before_flush`` captures rows about to be hard-deleted
(afterwards they cannot be read); ``after_flush`` (still inside the flush's transaction) stamps each
inserted, updated or soft-deleted synced row with the next hybrid-logical-clock value and per-workspace
sequence number and writes the outbox rows with a Core insert. Rows applied from the server are written
with Core statements, which fire no session events, so they never echo back into the outbox.

ORM bulk statements on a synced table (``session.execute(insert(Model), rows)``) are covered too, through
``do_orm_execute``: missing ids and times are filled in before the insert so the outbox can name the rows.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, event, insert, inspect, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from studio_app.clock import Clock, SystemClock
from studio_app.store.models.base import SyncedMixin, new_id
from studio_app.store.models.sync import (
    OUTBOX_TABLE,
    STATE_TABLE,
    VERSION_TABLE,
    SyncOutbox,
    SyncState,
)
from studio_app.sync.codec import (
    ConflictPolicy,
    TableCodec,
    canonical_json,
    codec_for_object,
    policy_for,
    synced_codecs,
)
from studio_app.sync.hlc import HybridLogicalClock

# The databases that keep an outbox, each with the clock that stamps its changes.
_clocks: weakref.WeakKeyDictionary[Engine, Clock] = weakref.WeakKeyDictionary()
_has_sync_tables: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()
_lock = threading.Lock()
_listening = False
_PENDING_DELETES = "studio_sync_pending_deletes"


def install(engine: Engine, clock: Clock) -> None:
    """Keep an outbox for this database: every later change to a synced row leaves its entry, stamped by
    ``clock`` (the app's; tests inject a FakeClock). Installing again only swaps the clock."""
    global _listening
    with _lock:
        _clocks[engine] = clock
        if not _listening:
            # Session events exist only per Session class; the hooks skip sessions of other databases.
            event.listen(Session, "before_flush", _capture_deletes)
            event.listen(Session, "after_flush", _write_outbox)
            event.listen(Session, "do_orm_execute", _bulk_statements)
            _listening = True


def clock_for(engine: Engine) -> Clock:
    return _clocks.get(engine) or SystemClock()


def _tracks(connection: Connection) -> bool:
    """Only installed databases that have the sync tables (the desktop's, migrated) keep an outbox."""
    engine = connection.engine
    if engine not in _clocks:
        return False
    known = _has_sync_tables.get(engine)
    if known is None:
        known = inspect(connection).has_table(SyncOutbox.__tablename__)
        if known:
            _has_sync_tables[engine] = True
    return known


def ensure_state(connection: Connection) -> Any:
    """The single sync-state row, created with a fresh node id on first use."""
    row = connection.execute(select(STATE_TABLE).where(SyncState.id == 1)).mappings().first()
    if row is None:
        connection.execute(
            insert(STATE_TABLE).values(
                id=1,
                node_id=new_id(),
                hlc_wall_ms=0,
                hlc_counter=0,
                last_seq=0,
                pull_cursor=0,
                server_url="",
                last_error="",
                drift_warning="",
            )
        )
        row = connection.execute(select(STATE_TABLE).where(SyncState.id == 1)).mappings().one()
    return row


def record_changes(connection: Connection, changes: Sequence[tuple[TableCodec, dict[str, Any]]]) -> int:
    """Write one outbox entry per (table, encoded row) with fresh sequence numbers and HLC stamps."""
    if not changes:
        return 0
    clock = clock_for(connection.engine)
    # The UPDATE first: it takes SQLite's write lock, so two writers cannot hand out the same numbers.
    connection.execute(update(STATE_TABLE).where(SyncState.id == 1).values(last_seq=SyncState.last_seq))
    state = ensure_state(connection)
    hlc = HybridLogicalClock(clock, state["node_id"], state["hlc_wall_ms"], state["hlc_counter"])
    now = clock.now()
    seq = int(state["last_seq"])
    rows = []
    versions: dict[tuple[str, str], str] = {}
    for codec, payload in changes:
        seq += 1
        stamp = hlc.now().encode()
        base_hlc = None
        if policy_for(codec.name) is ConflictPolicy.KEEP_CONFLICT:
            key = (codec.name, payload["id"])
            base_hlc = versions.get(key) or _known_version(connection, *key)
            versions[key] = stamp
        rows.append(
            {
                "seq": seq,
                "op_id": new_id(),
                "table_name": codec.name,
                "row_id": payload["id"],
                "hlc": stamp,
                "base_hlc": base_hlc,
                "payload": canonical_json(payload),
                "created_at": now,
            }
        )
    connection.execute(insert(OUTBOX_TABLE), rows)
    for (table_name, row_id), stamp in versions.items():
        set_known_version(connection, table_name, row_id, stamp)
    connection.execute(
        update(STATE_TABLE)
        .where(SyncState.id == 1)
        .values(last_seq=seq, hlc_wall_ms=hlc.wall_ms, hlc_counter=hlc.counter)
    )
    return len(rows)


def _known_version(connection: Connection, table_name: str, row_id: str) -> str | None:
    table = VERSION_TABLE
    return connection.execute(
        select(table.c.hlc).where(table.c.table_name == table_name, table.c.row_id == row_id)
    ).scalar()


def set_known_version(connection: Connection, table_name: str, row_id: str, stamp: str) -> None:
    table = VERSION_TABLE
    stmt = sqlite_insert(table).values(table_name=table_name, row_id=row_id, hlc=stamp)
    connection.execute(
        stmt.on_conflict_do_update(index_elements=["table_name", "row_id"], set_={"hlc": stamp})
    )


def _synced(objects: Iterable[object]) -> list[Any]:
    return [obj for obj in objects if isinstance(obj, SyncedMixin)]


def _installed(session: Session) -> bool:
    bind = session.get_bind()
    return bind.engine in _clocks


def _capture_deletes(session: Session, flush_context: UOWTransaction, instances: object) -> None:
    deleted = _synced(session.deleted)
    if not deleted or not _installed(session):
        return
    # A hard delete of a synced row still has to travel, as a tombstone; read the row while it exists.
    now = clock_for(session.get_bind().engine).now()  # type: ignore[union-attr]
    pending = session.info.setdefault(_PENDING_DELETES, [])
    for obj in deleted:
        codec = codec_for_object(obj)
        payload = codec.encode_object(obj)
        if payload.get("deleted_at") is None:
            payload["deleted_at"] = now.isoformat(timespec="microseconds")
        pending.append((codec, payload))


def _write_outbox(session: Session, flush_context: UOWTransaction) -> None:
    pending = session.info.pop(_PENDING_DELETES, [])
    touched = _synced(session.new) + [
        obj for obj in _synced(session.dirty) if session.is_modified(obj, include_collections=False)
    ]
    if not touched and not pending:
        return
    connection = session.connection()
    if not _tracks(connection):
        return
    changes = [(codec_for_object(obj), codec_for_object(obj).encode_object(obj)) for obj in touched]
    record_changes(connection, changes + pending)


def _bulk_statements(state: ORMExecuteState) -> Any:
    if not (state.is_insert or state.is_update) or state.is_select:
        return None
    mapper = state.bind_mapper
    if mapper is None or not issubclass(mapper.class_, SyncedMixin):
        return None
    connection = state.session.connection()
    if not _tracks(connection):
        return None
    codec = synced_codecs()[mapper.local_table.name]  # type: ignore[attr-defined]
    if state.is_insert:
        return _bulk_insert(state, codec)
    return _bulk_update(state, codec, connection)


def _bulk_insert(state: ORMExecuteState, codec: TableCodec) -> Any:
    params = state.parameters
    rows: list[dict[str, Any]]
    if isinstance(params, list):
        rows = [dict(p) for p in params]
    elif isinstance(params, dict) and params:
        rows = [dict(params)]
    else:
        # insert().values(...) or insert-from-select: the rows are not visible here; left to the checksum.
        return None
    now = clock_for(state.session.get_bind().engine).now()  # type: ignore[union-attr]
    for row in rows:
        row.setdefault("id", new_id())
        row.setdefault("created_at", now)
        row.setdefault("updated_at", now)
        row.setdefault("deleted_at", None)
    result = state.invoke_statement(params=rows)  # type: ignore[arg-type]
    connection = state.session.connection()
    record_changes(connection, _snapshot(connection, codec, [r["id"] for r in rows]))
    return result


def _bulk_update(state: ORMExecuteState, codec: TableCodec, connection: Connection) -> Any:
    statement = state.statement
    where = getattr(statement, "whereclause", None)
    table = codec.table
    query = select(table.c.id)
    if where is not None:
        query = query.where(where)
    ids = list(connection.execute(query, state.parameters or {}).scalars())
    result = state.invoke_statement()
    record_changes(connection, _snapshot(connection, codec, ids))
    return result


def _snapshot(
    connection: Connection, codec: TableCodec, ids: Sequence[str]
) -> list[tuple[TableCodec, dict[str, Any]]]:
    table = codec.table
    out = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in connection.execute(select(table).where(table.c.id.in_(chunk))).mappings():
            out.append((codec, codec.encode_row(row)))
    return out


def pending_count(connection: Connection) -> int:
    from sqlalchemy import func

    return int(connection.execute(select(func.count()).select_from(OUTBOX_TABLE)).scalar_one())
