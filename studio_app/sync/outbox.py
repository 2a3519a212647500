"""Every change to a synced row leaves an outbox entry in the same transaction as the change.

The hooks are SQLAlchemy session events; :func:`install` (called by ``AppContext.open``, where the
database is opened) turns them on for one database, so no caller writing to the app's database can forget
them, and the store never imports this module. ``before_flush`` captures rows about to be hard-deleted
(afterwards they cannot be read); ``after_flush`` (still inside the flush's transaction) stamps each
inserted, updated or soft-deleted synced row with the next hybrid-logical-clock value and per-workspace
sequence number and writes the outbox rows with a Core insert. Rows applied from the server are written
with Core statements, which fire no session events, so they never echo back into the outbox.

Bulk writes (an import of an 8-hour export) use :func:`insert_rows`, or an ORM bulk statement on a synced
table (``session.execute(insert(Model), rows)``, seen through ``do_orm_execute``): each row is completed
(ids, times, column defaults) before one driver-level executemany, so the outbox knows every value
without reading the rows back.

A bulk insert of :data:`_ONE_ENTRY_FROM` rows or more into a last-writer-wins table leaves ONE entry for
the whole write: ``row_id`` is :data:`BULK_ROW_ID`, ``payload`` the JSON list of the inserted ids, one
stamp. The push expands it into one op per row, read from the table as it is then (``sync.client``), with
op ids made from the entry's (:func:`bulk_op_id`). Repeating every row as JSON in the outbox, with two
index entries each, cost more than the insert itself.
"""

from __future__ import annotations

import json
import os
import threading
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    case,
    event,
    func,
    insert,
    inspect,
    select,
    true,
    update,
)
from sqlalchemy.engine import IteratorResult
from sqlalchemy.engine.result import SimpleResultMetaData
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.sql.dml import Insert

from studio_app.clock import Clock, SystemClock
from studio_app.store.models.base import SyncedMixin, bind_processor, new_id
from studio_app.store.models.sync import (
    OUTBOX_TABLE,
    STATE_TABLE,
    SyncOutbox,
    SyncState,
)
from studio_app.store.writer import mark_changed
from studio_app.sync.codec import (
    TableCodec,
    canonical_json,
    codec_for_object,
    synced_codecs,
)
from studio_app.sync.hlc import HybridLogicalClock

# One change to record: the table, the row as it now is, and the columns the edit changed with their
# earlier values (``Op.changed``; None for a new row).
Change = tuple[TableCodec, dict[str, Any], dict[str, list[Any]] | None]

# The databases that keep an outbox, each with the clock that stamps its changes.
_clocks: weakref.WeakKeyDictionary[Engine, Clock] = weakref.WeakKeyDictionary()
_has_sync_tables: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()
_lock = threading.Lock()
_listening = False
_PENDING_DELETES = "studio_sync_pending_deletes"
_PENDING_BASES = "studio_sync_pending_bases"
_MISSING = object()
# Filled in by the bulk paths themselves (the clock's time, a fresh id), not by column defaults.
_BOOKKEEPING_COLUMNS = frozenset({"id", "created_at", "updated_at", "deleted_at"})
# Below this many entries (an edit in a panel) the plain Core insert is as quick and simpler to follow.
_DRIVER_LEVEL_FROM = 100
# The RFC 4122 variant's first hex digit of a UUID, picked by two random bits.
_VARIANT = "89ab"
# The row id of an entry that stands for a whole bulk insert; its payload lists the rows' ids.
BULK_ROW_ID = "*"
# From this many rows a bulk insert leaves one entry; fewer keep one each (what a reader of the outbox sees
# for a small import is then the rows themselves).
_ONE_ENTRY_FROM = 50


def install(engine: Engine, clock: Clock) -> None:
    """Keep an outbox for this database: every later change to a synced row leaves its entry, stamped by
    ``clock`` (the app's; tests inject a FakeClock). Installing again only swaps the clock."""
    global _listening
    with _lock:
        _clocks[engine] = clock
        if not _listening:
            # Session events exist only per Session class; the hooks skip sessions of other databases.
            event.listen(Session, "before_flush", _before_flush)
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


def _stamping(connection: Connection) -> tuple[HybridLogicalClock, int, datetime]:
    """The clock, last sequence number and time to stamp new entries with, the state row locked."""
    clock = clock_for(connection.engine)
    # The UPDATE first: it takes SQLite's write lock, so two writers cannot hand out the same numbers.
    connection.execute(update(STATE_TABLE).where(SyncState.id == 1).values(last_seq=SyncState.last_seq))
    state = ensure_state(connection)
    hlc = HybridLogicalClock(clock, state["node_id"], state["hlc_wall_ms"], state["hlc_counter"])
    return hlc, int(state["last_seq"]), clock.now()


def _stamped(connection: Connection, hlc: HybridLogicalClock, seq: int) -> None:
    connection.execute(
        update(STATE_TABLE)
        .where(SyncState.id == 1)
        .values(last_seq=seq, hlc_wall_ms=hlc.wall_ms, hlc_counter=hlc.counter)
    )


def record_changes(connection: Connection, changes: Sequence[Change]) -> int:
    """Write one outbox entry per (table, encoded row, changed columns) with fresh sequence numbers and
    HLC stamps."""
    if not changes:
        return 0
    hlc, seq, now = _stamping(connection)
    rows = []
    stamps = hlc.stamps(len(changes))
    op_ids = _op_ids(len(changes))
    for (codec, payload, changed), stamp, op_id in zip(changes, stamps, op_ids, strict=True):
        seq += 1
        rows.append(
            {
                "seq": seq,
                "op_id": op_id,
                "table_name": codec.name,
                "row_id": payload["id"],
                "hlc": stamp,
                "payload": canonical_json(payload),
                "changed": None if changed is None else canonical_json(changed),
                "created_at": now,
            }
        )
    _insert_entries(connection, rows)
    _stamped(connection, hlc, seq)
    return len(rows)


def record_bulk_insert(connection: Connection, codec: TableCodec, row_ids: Sequence[str]) -> None:
    """One outbox entry for rows just inserted into ``codec``'s table, in the caller's transaction."""
    hlc, seq, now = _stamping(connection)
    seq += 1
    entry = {
        "seq": seq,
        "op_id": _op_ids(1)[0],
        "table_name": codec.name,
        "row_id": BULK_ROW_ID,
        "hlc": hlc.stamps(1)[0],
        "payload": json.dumps(list(row_ids), separators=(",", ":")),
        "created_at": now,
    }
    connection.execute(insert(OUTBOX_TABLE), entry)
    _stamped(connection, hlc, seq)


def bulk_op_id(entry_op_id: str, index: int) -> str:
    """The op id of the ``index``-th row of a bulk entry: the same at every push, so the server knows a
    row it already applied (a push cut in the middle of the entry is sent again from its start)."""
    return f"{entry_op_id[:24]}{index:012x}"


def _insert_entries(connection: Connection, rows: list[dict[str, Any]]) -> None:
    if len(rows) < _DRIVER_LEVEL_FROM:
        connection.execute(insert(OUTBOX_TABLE), rows)
    else:
        _executemany(connection, OUTBOX_TABLE, rows)


def _executemany(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (every column given) with one executemany at the driver.

    The statement is Core's, compiled for this dialect; each value goes through its column's bind
    processor as Core would, but a value repeated down a column (the one time every row of a bulk write is
    stamped with) is converted once. Core's own executemany converted every parameter of every row anew,
    which cost as much as the database's work. The writer cannot read the table off a driver statement:
    callers report it (``store.writer.mark_changed``).
    """
    dialect = connection.dialect
    compiled = insert(table).compile(dialect=dialect)
    names = compiled.positiontup
    assert names is not None, "the sqlite dialect binds by position"
    values_of = itemgetter(*names)
    converted: list[tuple[int, Callable[[Any], Any], dict[Any, Any]]] = []
    for i, name in enumerate(names):
        # The dialect's own type: a TypeDecorator's plain ``bind_processor`` wraps the generic DateTime,
        # which left datetimes to the driver's adapter (stored as "…+00:00", not SQLAlchemy's text form,
        # so a range query bound as SQLAlchemy does missed the first row).
        processor = bind_processor(table.c[name], dialect)
        if processor is not None:
            converted.append((i, processor, {}))
    params = []
    for row in rows:
        values = list(values_of(row))
        for i, process, memo in converted:
            value = values[i]
            if value is not None:
                try:
                    done = memo.get(value, _MISSING)
                except TypeError:  # a JSON column's dict or list: each one is its own
                    values[i] = process(value)
                    continue
                if done is _MISSING:
                    done = memo[value] = process(value)
                values[i] = done
        params.append(tuple(values))
    connection.exec_driver_sql(compiled.string, params)


def _op_ids(n: int) -> list[str]:
    """``n`` unique op ids shaped like UUIDs: one random UUID's first 92 bits, then a counter.

    A UUID per entry was a tenth of a bulk write's time; ids only need to be unique, and the random prefix
    keeps them apart across writes and desktops.
    """
    prefix = new_id()[:24]
    return [f"{prefix}{i:012x}" for i in range(n)]


def _row_ids(n: int) -> list[str]:
    """``n`` random (version 4) UUIDs as text, as ``new_id`` makes them, from one read of the system's
    random source: ``uuid.uuid4`` per row was a tenth of an import's write."""
    hexes = os.urandom(16 * n).hex()
    return [
        f"{hexes[i : i + 8]}-{hexes[i + 8 : i + 12]}-4{hexes[i + 13 : i + 16]}-"
        f"{_VARIANT[int(hexes[i + 16], 16) & 3]}{hexes[i + 17 : i + 20]}-{hexes[i + 20 : i + 32]}"
        for i in range(0, 32 * n, 32)
    ]


def changed_columns(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """``Op.changed`` of an edit from the encoded row ``before`` to ``after``."""
    return {name: [before.get(name)] for name, value in after.items() if before.get(name) != value}


def _record(session: Session, changes: Sequence[Change]) -> None:
    record_changes(session.connection(), changes)
    # A bulk write's entries go in at the driver, where the writer cannot see the table.
    mark_changed(session, OUTBOX_TABLE.name)


def _record_insert(session: Session, codec: TableCodec, rows: Sequence[Mapping[str, Any]]) -> None:
    """The entries of rows just inserted, every column given (as stored)."""
    if len(rows) >= _ONE_ENTRY_FROM:
        record_bulk_insert(session.connection(), codec, [row["id"] for row in rows])
        mark_changed(session, OUTBOX_TABLE.name)
    else:
        _record(session, [(codec, p, None) for p in codec.encode_rows(rows)])


def _synced(objects: Iterable[object]) -> list[Any]:
    return [obj for obj in objects if isinstance(obj, SyncedMixin)]


def _installed(session: Session) -> bool:
    bind = session.get_bind()
    return bind.engine in _clocks


def _before_flush(session: Session, flush_context: UOWTransaction, instances: object) -> None:
    if not _installed(session):
        return
    _capture_deletes(session)
    _capture_bases(session)


def _capture_bases(session: Session) -> None:
    """Each edited synced row as the database holds it before the flush, so the entry can name the
    columns the edit changes with their earlier values (``Op.changed``). Read from the rows, not the ORM's
    attribute history, which misses a column set through a relationship, by ``onupdate`` or while expired.
    """
    by_codec: dict[str, tuple[TableCodec, list[str]]] = {}
    for obj in _synced(session.dirty):
        if session.is_modified(obj, include_collections=False):
            codec = codec_for_object(obj)
            by_codec.setdefault(codec.name, (codec, []))[1].append(obj.id)
    bases = session.info.setdefault(_PENDING_BASES, {})
    for codec, ids in by_codec.values():
        for _, row, _ in _snapshot(session.connection(), codec, ids):
            bases[(codec.name, row["id"])] = row


def _capture_deletes(session: Session) -> None:
    deleted = _synced(session.deleted)
    if not deleted:
        return
    # A hard delete of a synced row still has to travel, as a tombstone; read the row while it exists.
    now = clock_for(session.get_bind().engine).now()  # type: ignore[union-attr]
    pending = session.info.setdefault(_PENDING_DELETES, [])
    for obj in deleted:
        codec = codec_for_object(obj)
        payload = codec.encode_object(obj)
        was_deleted = payload.get("deleted_at")
        if was_deleted is None:
            payload["deleted_at"] = now.isoformat(timespec="microseconds")
        pending.append((codec, payload, {"deleted_at": [was_deleted]}))


def _write_outbox(session: Session, flush_context: UOWTransaction) -> None:
    pending = session.info.pop(_PENDING_DELETES, [])
    bases = session.info.pop(_PENDING_BASES, {})
    edited = [obj for obj in _synced(session.dirty) if session.is_modified(obj, include_collections=False)]
    if not session.new and not edited and not pending:
        return
    connection = session.connection()
    if not _tracks(connection):
        return
    changes: list[Change] = []
    for obj in _synced(session.new):
        codec = codec_for_object(obj)
        changes.append((codec, codec.encode_object(obj), None))
    for obj in edited:
        codec = codec_for_object(obj)
        after = codec.encode_object(obj)
        before = bases.get((codec.name, obj.id))
        # A row not in the database before the flush (inserted and edited in one go) is a new row.
        changes.append((codec, after, None if before is None else changed_columns(before, after)))
    _record(session, changes + pending)


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


def insert_rows(session: Session, table: Table, rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Insert new rows into a synced ``table`` with their outbox entries, in the caller's transaction.

    The bulk path for imports: one executemany for the rows, one for their entries, each entry built from
    the values inserted. Keys are column names; a left-out ``id``, ``created_at``/``updated_at`` (the
    database's clock) or ``deleted_at`` is filled in, any other left-out column takes its Python-side
    default. Values must be of the column's Python type (what reading the row back gives), since the entry
    is what the server stores and checks. On a database without an outbox it is a plain insert.
    Returns the rows as inserted, every column filled in. In a writer operation::

        insert_rows(session, MetricSample.__table__, rows)
    """
    connection = session.connection()
    codec = synced_codecs()[table.name]
    completed = _completed(codec, rows, clock_for(connection.engine).now())
    if not completed:
        return completed
    _executemany(connection, table, completed)
    mark_changed(session, table.name)
    if _tracks(connection):
        _record_insert(session, codec, completed)
    return completed


def _completed(codec: TableCodec, rows: Iterable[Mapping[str, Any]], now: datetime) -> list[dict[str, Any]]:
    """Every column of every row, as the insert stores it (so the outbox entry can say the same).

    Raises ValueError for a left-out column whose default the database computes: it cannot be known here.
    """
    scalars, callables, computed = _python_defaults(codec.table)
    defaults = {**scalars, "created_at": now, "updated_at": now, "deleted_at": None}
    rows = list(rows)
    fresh_ids = iter(_row_ids(sum(1 for row in rows if "id" not in row)))
    out = []
    for row in rows:
        full = defaults.copy()
        full.update(row)
        if "id" not in row:
            full["id"] = next(fresh_ids)
        for name, make in callables.items():
            if name not in row:
                full[name] = make(None)  # Core wraps a no-argument default to take the execution context
        if computed and not computed.issubset(row):
            missing = ", ".join(sorted(computed.difference(row)))
            raise ValueError(f"{codec.name}: give {missing} (the database's default)")
        out.append(full)
    return out


def _python_defaults(table: Table) -> tuple[dict[str, Any], dict[str, Callable[[Any], Any]], frozenset[str]]:
    """The defaults of the columns other than the bookkeeping ones: scalars, per-row callables (a fresh
    ``dict`` for a JSON column), and the names of those the database computes."""
    scalars: dict[str, Any] = {}
    callables: dict[str, Callable[[Any], Any]] = {}
    computed = set()
    for column in table.columns:
        if column.name in _BOOKKEEPING_COLUMNS:
            continue
        default: Any = column.default
        if column.server_default is not None:
            computed.add(column.name)
        elif default is not None and default.is_callable:
            callables[column.name] = default.arg
        elif default is not None and default.is_scalar:
            scalars[column.name] = default.arg
        elif default is not None:
            computed.add(column.name)  # a SQL expression
        else:
            scalars[column.name] = None
    return scalars, callables, frozenset(computed)


def _bulk_insert(state: ORMExecuteState, codec: TableCodec) -> Any:
    params = state.parameters
    rows: list[Mapping[str, Any]]
    if isinstance(params, list):
        rows = params
    elif isinstance(params, dict) and params:
        rows = [params]
    else:
        # insert().values(...) or insert-from-select: the rows are not visible here; left to the checksum.
        return None
    now = clock_for(state.session.get_bind().engine).now()  # type: ignore[union-attr]
    connection = state.session.connection()
    if codec.keys_are_column_names and not _python_defaults(codec.table)[2]:
        completed = _completed(codec, rows, now)
        mapper = state.bind_mapper
        statement = state.statement
        assert mapper is not None and isinstance(statement, Insert)
        if statement.compare(insert(mapper.class_)):
            # Nothing added to ``insert(Model)`` (no RETURNING, ON CONFLICT, prefix): every column is
            # known, so the rows go in as insert_rows puts them; the ORM's own bulk path converted each
            # value of each row anew and cost half again as much. Its answer here is an empty result.
            # The ORM flushes pending objects (a parent row added just before) only when it runs the
            # statement itself, so that is done here.
            if state.session.autoflush and state.execution_options.get("autoflush", True):
                state.session.flush()
            _executemany(connection, codec.table, completed)
            mark_changed(state.session, codec.name)
            result: Any = IteratorResult(SimpleResultMetaData([]), iter([]))
        else:
            result = state.invoke_statement(params=completed)  # type: ignore[arg-type]
        _record_insert(state.session, codec, completed)
        return result
    bookkeeping = {"created_at": now, "updated_at": now, "deleted_at": None}
    filled = [{"id": new_id(), **bookkeeping, **row} for row in rows]
    result = state.invoke_statement(params=filled)  # type: ignore[arg-type]
    ids = [r["id"] for r in filled]
    if len(ids) >= _ONE_ENTRY_FROM:
        # The push reads the rows then, so the database's own defaults need not be read back here.
        record_bulk_insert(connection, codec, ids)
        mark_changed(state.session, OUTBOX_TABLE.name)
    else:
        _record(state.session, _snapshot(connection, codec, ids))
    return result


def _bulk_update(state: ORMExecuteState, codec: TableCodec, connection: Connection) -> Any:
    statement = state.statement
    where = getattr(statement, "whereclause", None)
    table = codec.table
    query = select(table.c.id)
    if where is not None:
        query = query.where(where)
    ids = list(connection.execute(query, state.parameters or {}).scalars())
    before = {payload["id"]: payload for _, payload, _ in _snapshot(connection, codec, ids)}
    result = state.invoke_statement()
    _record(
        state.session,
        [
            (codec, after, changed_columns(before.get(after["id"], {}), after))
            for _, after, _ in _snapshot(connection, codec, ids)
        ],
    )
    return result


def _snapshot(connection: Connection, codec: TableCodec, ids: Sequence[str]) -> list[Change]:
    table = codec.table
    out: list[Change] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in connection.execute(select(table).where(table.c.id.in_(chunk))).mappings():
            out.append((codec, codec.encode_row(row), None))
    return out


def pending_count(connection: Connection) -> int:
    """Rows waiting to be pushed: a bulk entry counts each row it names."""
    c = OUTBOX_TABLE.c
    rows = case((c.row_id == BULK_ROW_ID, func.json_array_length(c.payload)), else_=1)
    return int(connection.execute(select(func.coalesce(func.sum(rows), 0))).scalar_one())


def rows_with_pending_entries(connection: Connection, row_ids: Iterable[str]) -> set[tuple[str, str]]:
    """(table, row id) of those of ``row_ids`` that have an entry waiting, their own or in a bulk entry."""
    wanted = sorted(set(row_ids))
    found: set[tuple[str, str]] = set()
    if not wanted:
        return found
    c = OUTBOX_TABLE.c
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            (t, r) for t, r in connection.execute(select(c.table_name, c.row_id).where(c.row_id.in_(chunk)))
        )
    # A bulk entry's ids are read whole (one pass over the waiting bulk entries, usually few).
    listed = func.json_each(c.payload).table_valued("value")
    bulk = connection.execute(
        select(c.table_name, listed.c.value)
        .select_from(OUTBOX_TABLE)
        .join(listed, true())
        .where(c.row_id == BULK_ROW_ID)
    )
    wanted_set = set(wanted)
    found.update((t, r) for t, r in bulk if r in wanted_set)
    return found
