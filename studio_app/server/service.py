"""What the backend does, without HTTP: studios and tokens, applying a push, reading a pull page.

Plain SQLAlchemy Core on PostgreSQL or SQLite; every call is one transaction, and no state lives in the
process, so several server instances can share one database.
"""

from __future__ import annotations

import hashlib
import json
import random
import secrets
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic_core import from_json
from sqlalchemy import Connection, Engine, String, create_engine, event, func, insert, or_, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from studio_app.i18n import translate
from studio_app.server import tables as t
from studio_app.server import validate
from studio_app.sync import merge
from studio_app.sync.codec import canonical_json, row_digest, synced_codecs
from studio_app.sync.protocol import (
    Change,
    ChangeKind,
    Op,
    OpOutcome,
    OpResult,
    PullPage,
    PushRequest,
    PushResponse,
    SummaryResponse,
    TableSummary,
)
from studio_app.sync.validate import Refusal

_CHUNK = 500


@dataclass(frozen=True)
class Studio:
    id: str
    name: str
    head_office: bool


class StudioExistsError(ValueError):
    pass


def now_ms() -> int:
    return int(time.time() * 1000)


def normalise_url(url: str) -> str:
    """``postgresql://`` means psycopg 3 here (the driver the ``server`` extra installs)."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def open_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Connection) -> None:
            # IMMEDIATE: take the write lock at the start, not halfway (no "database is locked" upgrades).
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True)


def create_schema(engine: Engine) -> None:
    t.metadata.create_all(engine)
    # Before records.op_id existed every applied op was written to applied_ops, and an empty id matches no
    # op, so an old database keeps its meaning.
    _add_column(engine, "records", "op_id", "VARCHAR(36) NOT NULL DEFAULT ''")
    _add_column(engine, "studios", "revoked_at", "TIMESTAMP WITH TIME ZONE NULL")
    _add_column(engine, "applied_ops", "code", "VARCHAR(40) NULL")
    _add_column(engine, "records", "field_hlc", "TEXT NULL")
    _add_column(engine, "computers", "pushed_seq", "BIGINT NOT NULL DEFAULT 0")
    _add_column(engine, "computers", "pushed_stamp", "VARCHAR(64) NOT NULL DEFAULT ''")
    with engine.begin() as conn:
        if conn.execute(select(t.counter.c.id).where(t.counter.c.id == 1)).first() is None:
            conn.execute(insert(t.counter).values(id=1, value=0))


def _add_column(engine: Engine, table: str, column: str, ddl: str) -> None:
    """A database made before ``table.column`` existed: add it, empty (a null means what it did before)."""
    from sqlalchemy import inspect

    if column in {c["name"] for c in inspect(engine).get_columns(table)}:
        return
    with engine.begin() as conn:
        conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} {ddl}")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_studio(engine: Engine, name: str, head_office: bool = False) -> tuple[Studio, str]:
    """Create a studio; returns it and its token (shown once, only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    studio = Studio(secrets.token_hex(16), name, head_office)
    with engine.begin() as conn:
        if conn.execute(select(t.studios.c.id).where(t.studios.c.name == name)).first() is not None:
            raise StudioExistsError(
                translate("Server", "A studio named {name} already exists.").format(name=name)
            )
        conn.execute(
            insert(t.studios).values(
                id=studio.id,
                name=name,
                token_sha256=hash_token(token),
                head_office=head_office,
                created_at=datetime.now(UTC),
            )
        )
    return studio, token


def head_office_ids(conn: Connection) -> list[str]:
    return list(conn.execute(select(t.studios.c.id).where(t.studios.c.head_office.is_(True))).scalars())


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _chunk_size(conn: Connection) -> int:
    return 100_000 if conn.dialect.name == "postgresql" else _CHUNK


def _among(conn: Connection, query: Any, column: Any, values: Sequence[str]) -> Any:
    """``query`` narrowed to rows whose ``column`` is one of ``values``.

    On PostgreSQL the values go in as one JSON array joined through ``jsonb_array_elements_text``: the
    planner then probes the primary key per value, where ``= ANY(array)`` (or a hash join) over a growing
    table scans every row for every batch. JSON text is encoded in C on this side and parsed in C on the
    server's, several times cheaper than binding a Python list as an array. SQLite gets a plain IN list
    (in chunks).
    """
    if conn.dialect.name == "postgresql":
        from sqlalchemy import bindparam
        from sqlalchemy.dialects.postgresql import JSONB

        ids = func.jsonb_array_elements_text(
            bindparam("among", json.dumps(list(values)), type_=String).cast(JSONB)
        )
        wanted = ids.table_valued("value").render_derived(name="wanted")
        return query.join(wanted, column == wanted.c.value)
    return query.where(column.in_(values))


@dataclass
class _Current:
    owner: str
    writer: str
    origin: str
    hlc: str
    payload: str
    exists: bool  # already in the table (update) or new in this batch (insert)
    op_id: str  # the op that wrote this version
    field_hlc: str | None = None  # JSON, see tables.records
    changed: bool = False
    digest: int | None = None  # of the payload, when already known


@dataclass(frozen=True)
class _Checked:
    """A batch read and validated before the push lock is taken: this per-op work runs while another
    push holds the lock (the server is a thread pool), so only the decisions and the writes are serial."""

    ops: list[Op]  # in sequence order, each op id once
    problems: dict[str, Refusal]  # op id -> why it is refused (see server.validate), whatever the records say
    repeats: int  # op ids sent twice within this batch
    digests: dict[str, int]  # op id -> row digest of its payload (the valid ops)


def check_batch(engine: Engine, studio: Studio, request: PushRequest, now: int) -> _Checked:
    codecs = synced_codecs()
    ops: list[Op] = []
    problems: dict[str, Refusal] = {}
    valid: dict[str, validate.OpCheck] = {}
    seen: set[str] = set()
    for op in sorted(request.ops, key=lambda o: o.seq):
        if op.op_id in seen:
            continue
        seen.add(op.op_id)
        ops.append(op)
        check = validate.check_op(op, now, codecs)
        if check.refusal is not None:
            problems[op.op_id] = check.refusal
        else:
            valid[op.op_id] = check
    problems.update(
        validate.batch_refusals(
            engine,
            studio.id,
            studio.head_office,
            request.node_id,
            [op for op in ops if op.op_id in valid],
            valid,
        )
    )
    digests = {op.op_id: row_digest(op.table, op.payload_json) for op in ops if op.op_id not in problems}
    return _Checked(ops, problems, len(request.ops) - len(ops), digests)


def apply_push(engine: Engine, studio: Studio, request: PushRequest) -> PushResponse:
    """Check the batch (no lock), then apply it in one transaction, tried again when PostgreSQL gives up
    on it because a concurrent push took the same rows (a deadlock, or one new row inserted by both)."""
    now = now_ms()
    checked = check_batch(engine, studio, request, now)
    for attempt in range(_ATTEMPTS):
        try:
            with engine.begin() as conn:
                return apply_push_in(conn, studio, request, checked, now)
        except Exception as exc:
            # psycopg's own error from a COPY, or one SQLAlchemy wrapped.
            cause = exc.orig if isinstance(exc, DBAPIError) else exc
            if attempt == _ATTEMPTS - 1 or getattr(cause, "sqlstate", None) not in _TRY_AGAIN:
                raise
            time.sleep(random.uniform(0, 0.02 * 2**attempt))
    raise AssertionError("unreachable")


def apply_push_in(
    conn: Connection, studio: Studio, request: PushRequest, checked: _Checked, now: int
) -> PushResponse:
    """The push's decisions and writes, in the caller's transaction (``conn``)."""
    results: list[OpResult] = []
    seq = seq_base(conn)
    first_seq = seq
    head_office = set(head_office_ids(conn))

    seen: dict[str, Any] = {}
    for chunk in _chunks([o.op_id for o in checked.ops], _chunk_size(conn)):
        for row in conn.execute(_among(conn, select(t.applied_ops), t.applied_ops.c.op_id, chunk)):
            seen[row.op_id] = row
    duplicates = checked.repeats
    fresh: list[Op] = []
    for op in checked.ops:
        if op.op_id in seen:
            duplicates += 1
            row = seen[op.op_id]
            if row.outcome:
                results.append(
                    OpResult(
                        op_id=op.op_id,
                        outcome=OpOutcome(row.outcome),
                        code=row.code or "",
                        reason=row.reason or "",
                        winner_hlc=row.winner_hlc or "",
                    )
                )
        else:
            fresh.append(op)

    # An op that wrote a record's current version is known by the record itself (``records.op_id``);
    # ``applied_ops`` holds every other op seen (refused, lost, or since overwritten), so the common
    # case, a new row, costs one write instead of two.
    current = _load_current(conn, fresh)
    if current:
        unseen = fresh
        fresh = []
        for op in unseen:
            cur = current.get((op.table, op.row_id))
            if cur is not None and cur.op_id == op.op_id:
                duplicates += 1
            else:
                fresh.append(op)
    conflict_rows: list[dict[str, Any]] = []
    op_rows: list[dict[str, Any]] = []
    applied = 0
    writers = _studio_of_computer(conn)
    for op in fresh:
        outcome: OpResult | None = None
        problem = checked.problems.get(op.op_id)
        key = (op.table, op.row_id)
        cur = current.get(key)
        if problem is None and cur is not None and not _may_write(studio, cur.owner, head_office):
            problem = Refusal("not_owner", translate("Server", "This record belongs to another studio."))
        if problem is not None:
            outcome = OpResult(
                op_id=op.op_id, outcome=OpOutcome.REJECTED, code=problem.code, reason=problem.message
            )
        elif cur is None:
            current[key] = _Current(
                studio.id,
                studio.id,
                request.node_id,
                op.hlc,
                op.payload_json,
                False,
                op.op_id,
                changed=True,
                digest=checked.digests[op.op_id],
            )
            applied += 1
            continue
        else:
            result = _merge_into(cur, op, studio, request.node_id, writers, conflict_rows, op_rows, now)
            if result.op_lost:
                outcome = OpResult(
                    op_id=op.op_id,
                    outcome=OpOutcome.CONFLICT,
                    reason=translate("Server", "Someone else changed this at the same time."),
                    winner_hlc=result.hlc,
                )
            if cur.op_id == op.op_id:  # the op wrote the record: known from it, not from applied_ops
                applied += 1
                if outcome is not None:
                    results.append(outcome)
                continue
        if outcome is not None:
            results.append(outcome)
        op_rows.append(_op_row(op.op_id, studio.id, outcome))

    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for (table_name, record_id), cur in current.items():
        if not cur.changed:
            continue
        seq += 1
        record: dict[str, Any] = {
            "table_name": table_name,
            "record_id": record_id,
            "owner_studio_id": cur.owner,
            "writer_studio_id": cur.writer,
            "origin_node": cur.origin,
            "hlc": cur.hlc,
            "seq": seq,
            "digest": cur.digest if cur.digest is not None else row_digest(table_name, cur.payload),
            "live": is_live(cur.payload),
            "payload": cur.payload,
            "op_id": cur.op_id,
            "field_hlc": cur.field_hlc,
        }
        (updates if cur.exists else inserts).append(record)
    for conflict in conflict_rows:
        seq += 1
        conflict["seq"] = seq
    if inserts:
        _bulk_insert(conn, t.records, inserts)
    if updates:
        from sqlalchemy import bindparam

        stmt = (
            update(t.records)
            .where(
                t.records.c.table_name == bindparam("b_table"),
                t.records.c.record_id == bindparam("b_id"),
            )
            .values(
                owner_studio_id=bindparam("owner_studio_id"),
                writer_studio_id=bindparam("writer_studio_id"),
                origin_node=bindparam("origin_node"),
                hlc=bindparam("hlc"),
                seq=bindparam("seq"),
                digest=bindparam("digest"),
                live=bindparam("live"),
                payload=bindparam("payload"),
                op_id=bindparam("op_id"),
                field_hlc=bindparam("field_hlc"),
            )
        )
        conn.execute(
            stmt,
            [
                {
                    **{k: v for k, v in u.items() if k not in ("table_name", "record_id")},
                    "b_table": u["table_name"],
                    "b_id": u["record_id"],
                }
                for u in updates
            ],
        )
    if conflict_rows:
        conn.execute(insert(t.conflicts), conflict_rows)
    if op_rows:
        _bulk_insert(conn, t.applied_ops, op_rows)
    seqs_used(conn, first_seq, seq)
    return PushResponse(
        batch_id=request.batch_id,
        received=len(request.ops),
        applied=applied,
        duplicates=duplicates,
        results=results,
        server_time_ms=now_ms(),
    )


# ---- the change feed ------------------------------------------------------------------------------------
# Every change (a record's new version, a conflict entry) gets a ``seq``; a desktop pulls "above my cursor".
# The feed must never show a later seq before an earlier one has committed, or a cursor would move past the
# earlier one for good. SQLite has one writer, so a counter row is enough. On PostgreSQL a counter row is a
# lock every push waits for, from its first write to its commit. Instead a push numbers its changes after
# its own transaction id, ``xid * 2**21 + n``, and the feed ends below the oldest transaction still running
# (``pg_snapshot_xmin``): transaction ids are handed out in order, so every change numbered below that
# point is committed or gone, and none can appear there later. Pushes then wait only for each other's rows.
_SEQ_BITS = 21  # changes per push: 2,097,151 (a push holds at most max_ops_per_request ops, 2 entries each)
_ATTEMPTS = 6
_TRY_AGAIN = frozenset({"40P01", "40001", "23505"})  # deadlock, serialization failure, unique violation


def seq_base(conn: Connection) -> int:
    """The seq just below this push's first change (its transaction's own number on PostgreSQL)."""
    if conn.dialect.name == "postgresql":
        xid = int(conn.exec_driver_sql("SELECT pg_current_xact_id()::text::bigint").scalar_one())
        return xid << _SEQ_BITS
    # SQLite: the counter row; the transaction holds the database's write lock already (BEGIN IMMEDIATE).
    return _counter(conn)


def seqs_used(conn: Connection, first: int, last: int) -> None:
    if conn.dialect.name == "postgresql":
        if last - first >= 1 << _SEQ_BITS:
            raise ValueError(f"a push of {last - first} changes is more than one transaction can number")
        return
    conn.execute(update(t.counter).where(t.counter.c.id == 1).values(value=last))


def feed_head(conn: Connection) -> int:
    """Every change with a seq at or below this is committed, and no other will appear there."""
    if conn.dialect.name == "postgresql":
        xmin = int(
            conn.exec_driver_sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint").scalar_one()
        )
        return xmin << _SEQ_BITS
    return _counter(conn)


def _counter(conn: Connection) -> int:
    return int(conn.execute(select(t.counter.c.value).where(t.counter.c.id == 1)).scalar_one())


def _merge_into(
    cur: _Current,
    op: Op,
    studio: Studio,
    node: str,
    writers: Callable[[str], str | None],
    conflict_rows: list[dict[str, Any]],
    op_rows: list[dict[str, Any]],
    now: int,
) -> merge.Merged:
    """Merge ``op`` into the record ``cur`` field by field; every value that lost is kept as a conflict.

    When the op changed the record, ``cur`` is then its new version, written by this op.
    """
    stored = merge.Stored(
        from_json(cur.payload), cur.hlc, from_json(cur.field_hlc) if cur.field_hlc else None
    )
    payload = from_json(op.payload_json)
    result = merge.merge(
        stored, payload, op.hlc, from_json(op.changed) if op.changed is not None else None, node
    )
    for stamp, values in result.overwritten.items():
        loser = writers(merge.node_of(stamp)) or cur.writer
        conflict_rows.append(
            _conflict_row(op, cur.owner, loser, stamp, result.version_of(values), result.hlc, studio.id, now)
        )
    if result.op_lost:
        lost = result.version_of(result.op_lost)
        conflict_rows.append(
            _conflict_row(op, cur.owner, studio.id, op.hlc, lost, result.hlc, cur.writer, now)
        )
    if not result.changed:
        # Nothing of the op is current: send the current version out again so this computer converges.
        cur.changed = cur.changed or op.payload_json != cur.payload
        return result
    if cur.op_id:  # empty: written before records.op_id existed
        op_rows.append(_op_row(cur.op_id, cur.writer, None))  # overwritten: remembered here
    text = canonical_json(result.payload)
    cur.writer = studio.id
    # A merge that is not this op's row goes back to its computer too (the feed leaves a computer's own
    # versions out).
    cur.origin = node if text == op.payload_json else ""
    cur.hlc = result.hlc
    cur.payload = text
    cur.op_id = op.op_id
    cur.field_hlc = canonical_json(result.field_hlc) if result.field_hlc else None
    cur.digest = row_digest(op.table, text)
    cur.changed = True
    return result


def _studio_of_computer(conn: Connection) -> Callable[[str], str | None]:
    """The studio a computer (node id) belongs to, looked up once per batch and node."""
    known: dict[str, str | None] = {}

    def studio_of(node: str) -> str | None:
        if node not in known:
            query = select(t.computers.c.studio_id).where(t.computers.c.node_id == node)
            known[node] = conn.execute(query).scalar()
        return known[node]

    return studio_of


def _bulk_insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """COPY on PostgreSQL (several times faster than INSERT for thousands of rows), executemany elsewhere.

    The COPY text is built here in one go (``copy.write_row`` costs a Python call per row and per value).
    """
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), rows)
        return
    names = list(rows[0])
    lines = ["\t".join([_copy_value(row[n]) for n in names]) for row in rows]
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
            copy.write("\n".join(lines) + "\n")
    finally:
        cursor.close()


def _copy_value(value: Any) -> str:
    """One value in COPY's text format: NULL as \\N, booleans as t/f, text with its specials escaped."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        if "\\" in value:
            value = value.replace("\\", "\\\\")
        if "\n" in value or "\r" in value or "\t" in value:
            value = value.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        return value
    if isinstance(value, int):
        return str(value)
    raise TypeError(f"no COPY text for {type(value).__name__}")


def _op_row(op_id: str, studio_id: str, outcome: OpResult | None) -> dict[str, Any]:
    return {
        "op_id": op_id,
        "studio_id": studio_id,
        "outcome": outcome.outcome.value if outcome else None,
        "code": outcome.code if outcome else None,
        "reason": outcome.reason if outcome else None,
        "winner_hlc": outcome.winner_hlc if outcome else None,
    }


def is_live(canonical_payload: str) -> bool:
    """Not a tombstone. Canonical JSON (sorted keys, no spaces) spells a live row's marker exactly so."""
    return '"deleted_at":null' in canonical_payload


def _may_write(studio: Studio, owner: str, head_office: set[str]) -> bool:
    return studio.head_office or owner == studio.id or owner in head_office


def _conflict_row(
    op: Op,
    owner: str,
    losing_studio: str,
    losing_hlc: str,
    version: dict[str, Any],
    winner_hlc: str,
    winning_studio: str,
    now: int,
) -> dict[str, Any]:
    return {
        "winning_studio_id": winning_studio,
        "table_name": op.table,
        "record_id": op.row_id,
        "owner_studio_id": owner,
        "losing_studio_id": losing_studio,
        "losing_hlc": losing_hlc,
        "winner_hlc": winner_hlc,
        "payload": canonical_json(version),
        "created_at": datetime.fromtimestamp(now / 1000, UTC),
    }


def _load_current(conn: Connection, ops: Sequence[Op]) -> dict[tuple[str, str], _Current]:
    by_table: dict[str, set[str]] = {}
    for op in ops:
        by_table.setdefault(op.table, set()).add(op.row_id)
    current: dict[tuple[str, str], _Current] = {}
    cols = t.records.c
    for table_name, ids in by_table.items():
        for chunk in _chunks(sorted(ids), _chunk_size(conn)):
            query = select(
                cols.record_id,
                cols.owner_studio_id,
                cols.writer_studio_id,
                cols.origin_node,
                cols.hlc,
                cols.payload,
                cols.op_id,
                cols.field_hlc,
            ).where(cols.table_name == table_name)
            query = _among(conn, query, cols.record_id, chunk)
            if conn.dialect.name == "postgresql":
                # Held to the commit: a concurrent push of the same rows waits here, then sees this one's.
                query = query.with_for_update(of=t.records)
            for row in conn.execute(query):
                current[(table_name, row.record_id)] = _Current(
                    row.owner_studio_id,
                    row.writer_studio_id,
                    row.origin_node,
                    row.hlc,
                    row.payload,
                    True,
                    row.op_id,
                    row.field_hlc,
                )
    return current


def _visible_owner_clause(conn: Connection, studio: Studio, column: Any) -> Any:
    if studio.head_office:
        return None
    return column.in_([studio.id, *head_office_ids(conn)])


def pull_page(
    engine: Engine, studio: Studio, node_id: str, cursor: int, limit: int, include_own: bool = False
) -> PullPage:
    import json

    with engine.connect() as conn:
        # The head first: rows committed while this page is read lie above it and wait for the next one.
        head = feed_head(conn)
        owners = _visible_owner_clause(conn, studio, t.records.c.owner_studio_id)
        query = (
            select(t.records)
            .where(t.records.c.seq > cursor, t.records.c.seq <= head)
            .order_by(t.records.c.seq)
            .limit(limit)
        )
        if not include_own:
            # A studio's own edits are already on its disk; sending them back would only cost time.
            query = query.where(t.records.c.origin_node != node_id)
        if owners is not None:
            query = query.where(owners)
        changes = [
            Change(
                seq=row.seq,
                table=row.table_name,
                row_id=row.record_id,
                hlc=row.hlc,
                payload=json.loads(row.payload),
            )
            for row in conn.execute(query)
        ]
        cq = (
            select(t.conflicts)
            .where(t.conflicts.c.seq > cursor, t.conflicts.c.seq <= head)
            .order_by(t.conflicts.c.seq)
            .limit(limit)
        )
        if not studio.head_office:
            cq = cq.where(
                or_(
                    t.conflicts.c.losing_studio_id == studio.id,
                    t.conflicts.c.winning_studio_id == studio.id,
                    t.conflicts.c.owner_studio_id == studio.id,
                )
            )
        for row in conn.execute(cq):
            changes.append(
                Change(
                    seq=row.seq,
                    kind=ChangeKind.CONFLICT,
                    table=row.table_name,
                    row_id=row.record_id,
                    hlc=row.losing_hlc,
                    winner_hlc=row.winner_hlc,
                    payload=json.loads(row.payload),
                )
            )
    changes.sort(key=lambda c: c.seq)
    if len(changes) >= limit:
        changes = changes[:limit]
        return PullPage(changes=changes, next_cursor=changes[-1].seq, has_more=True, server_time_ms=now_ms())
    return PullPage(changes=changes, next_cursor=max(head, cursor), has_more=False, server_time_ms=now_ms())


def summary(engine: Engine, studio: Studio) -> SummaryResponse:
    with engine.connect() as conn:
        owners = _visible_owner_clause(conn, studio, t.records.c.owner_studio_id)
        query = select(
            t.records.c.table_name, func.count(), func.coalesce(func.sum(t.records.c.digest), 0)
        ).where(t.records.c.live.is_(True))
        if owners is not None:
            query = query.where(owners)
        query = query.group_by(t.records.c.table_name)
        tables = {
            name: TableSummary(count=int(count), checksum=int(total) % (1 << 62))
            for name, count, total in conn.execute(query)
        }
        # The newest change, read after the sums: a desktop whose cursor is below it has not pulled
        # everything they count. (Not the feed's head, which moves with every transaction on PostgreSQL.)
        latest = max(
            conn.execute(select(func.max(t.records.c.seq))).scalar() or 0,
            conn.execute(select(func.max(t.conflicts.c.seq))).scalar() or 0,
        )
    return SummaryResponse(tables=tables, cursor=latest)
