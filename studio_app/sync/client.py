"""The desktop side of sync: push the outbox, then pull the server's changes, then compare checksums.

Rules (see ``docs`` / the sync note): push before pull; network errors and 5xx back off and retry in order;
a 413 splits the batch; a per-op refusal goes to the conflict list so one bad row never blocks the queue;
a page of pulled changes and the cursor after it are stored in one transaction; a row that still has
pending outbox entries is never overwritten by a pulled version (the server decides once it is pushed).
The token comes from ``STUDIO_APP_TOKEN`` or the OS keyring and is never logged.
"""

from __future__ import annotations

import json
import logging
import os
import re
import ssl
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

import httpx
from sqlalchemy import Connection, Engine, delete, event, insert, select, type_coerce, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.types import NullType

from studio_app.clock import Clock, SystemClock
from studio_app.i18n import translate
from studio_app.store.models.base import new_id
from studio_app.store.models.sync import (
    CONFLICT_TABLE,
    OUTBOX_TABLE,
    QUARANTINE_TABLE,
    STATE_TABLE,
    SyncOutbox,
    SyncState,
)
from studio_app.store.writer import NO_CHANGES, Changes, Writer
from studio_app.sync import restore, transport
from studio_app.sync.codec import (
    TableCodec,
    canonical_json,
    row_digest,
    schema_fingerprint,
    synced_codecs,
)
from studio_app.sync.hlc import (
    SKEW_WARNING_MS,
    ClockDriftError,
    Hlc,
    HybridLogicalClock,
    skew_message,
    wall_ms,
)
from studio_app.sync.outbox import (
    BULK_ROW_ID,
    bulk_op_id,
    ensure_state,
    pending_count,
    rows_with_pending_entries,
)
from studio_app.sync.protocol import (
    HELLO_PATH,
    NODE_HEADER,
    PULL_PATH,
    PUSH_PATH,
    SCHEMA_HEADER,
    SUMMARY_PATH,
    Change,
    ChangeKind,
    HelloResponse,
    OpOutcome,
    PullPage,
    PushResponse,
    SummaryResponse,
)
from studio_app.sync.report import (
    AuthError,
    InsecureServerError,
    OfflineError,
    SchemaMismatchError,
    SyncError,
    SyncReport,
)

# Named here too for callers that already hold the client (the round's outcome).
from studio_app.sync.report import SyncStatus as SyncStatus
from studio_app.sync.validate import Refusal, check_payload, check_stamp

log = logging.getLogger(__name__)
T = TypeVar("T")

KEYRING_SERVICE = "studio-app-sync"
_PLAIN = re.compile(r"[A-Za-z0-9_:.\-]*")
TOKEN_ENV = "STUDIO_APP_TOKEN"
_CHUNK = 500
# Push batches on the wire at once (see SyncClient.push).
PUSH_WINDOW = 3
# Acknowledged push ops written down together (one local transaction) during a push.
ACK_EVERY_OPS = 20_000
# An op stamped at the origin of time only fills gaps on the server; it never beats a real edit.
REPAIR_HLC_WALL_MS = 0
# A 429's Retry-After is honoured up to this long within a round; beyond it the round ends (changes wait).
MAX_RETRY_AFTER_S = 120.0
MAX_BUSY_ANSWERS = 10
_UNSEEN = object()


@dataclass(frozen=True)
class Backoff:
    """Waits between retries of a network error or a 5xx: doubling from ``first_s`` up to ``max_s``."""

    attempts: int = 5
    first_s: float = 0.5
    max_s: float = 8.0

    def delays(self) -> list[float]:
        return [min(self.first_s * 2**i, self.max_s) for i in range(self.attempts - 1)]


def token_from_keyring(server_url: str) -> str | None:
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, server_url)
    except Exception:  # no keyring backend on this machine (headless Linux): the env variable remains
        log.info("no OS keyring available")
        return None


def save_token_to_keyring(server_url: str, token: str) -> bool:
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, server_url, token)
        return True
    except Exception:
        log.info("no OS keyring available; the token was not saved")
        return False


def resolve_token(server_url: str, use_keyring: bool = True) -> str | None:
    token = os.environ.get(TOKEN_ENV)
    if token:
        return token
    return token_from_keyring(server_url) if use_keyring else None


@dataclass
class _Pending:
    seq: int
    op_id: str
    table_name: str
    row_id: str
    hlc: str
    payload: str
    changed: str | None  # Op.changed
    # False for every op of a bulk entry but its last: the entry leaves the outbox with its last op.
    ends_entry: bool = True
    # The row's place in its bulk entry's list (0 for an entry of its own): where the next batch goes on.
    index: int = 0
    size: int = field(init=False)

    def __post_init__(self) -> None:
        self.size = len(self.payload) + 200

    def to_json(self) -> str:
        # Ids, table names and stamps are plain ASCII made by this app (checked in _read), so only the row
        # text needs JSON escaping; this runs for every op of every push.
        payload = json.dumps(self.payload, ensure_ascii=False)
        changed = "null" if self.changed is None else json.dumps(self.changed, ensure_ascii=False)
        return (
            f'{{"op_id":"{self.op_id}","seq":{self.seq},"table":"{self.table_name}","row_id":"{self.row_id}",'
            f'"hlc":"{self.hlc}","payload_json":{payload},"changed":{changed}}}'
        )


class _RowReader:
    """Rows of one synced table by id, each as its canonical JSON (what ``codec.encode_row`` gives).

    The values are read as the driver returns them and each distinct one is decoded and encoded once: the
    times every row of a bulk write shares were most of the cost of a push's reading, row by row.
    """

    def __init__(self, codec: TableCodec, conn: Connection) -> None:
        dialect = conn.dialect
        table = codec.table
        self._conn = conn
        self._table = table
        self._names = [c.name for c in codec.columns]
        self._id_at = self._names.index("id")
        # NullType: no result processing here; the column's own processor runs below, once per value.
        self._query = select(*(type_coerce(table.c[name], NullType()).label(name) for name in self._names))
        self._converters: list[tuple[int, Callable[[Any], Any], dict[Any, Any]]] = []
        for i, column in enumerate(codec.columns):
            result = table.c[column.name].type.dialect_impl(dialect).result_processor(dialect, None)
            if result is not None or not column.plain:
                self._converters.append((i, _decoded_and_encoded(result, column.encode), {}))

    def __call__(self, row_ids: Sequence[str]) -> dict[str, str]:
        out = {}
        for raw in self._conn.execute(self._query.where(self._table.c.id.in_(row_ids))).all():
            values = list(raw)
            for i, convert, memo in self._converters:
                value = values[i]
                done = memo.get(value, _UNSEEN)
                if done is _UNSEEN:
                    done = memo[value] = convert(value)
                values[i] = done
            out[values[self._id_at]] = canonical_json(dict(zip(self._names, values, strict=True)))
        return out


def _decoded_and_encoded(
    result: Callable[[Any], Any] | None, encode: Callable[[Any], Any]
) -> Callable[[Any], Any]:
    if result is None:
        return encode
    return lambda value: encode(result(value))


class SyncClient:
    """Sync one workspace's database with the server.

    Reads use the database directly; every local write (pulled rows, acknowledgements, bookkeeping) is an
    operation of ``writer``, the app's one writer, so panels hear of pulled rows through its change feed.
    """

    def __init__(
        self,
        writer: Writer,
        server_url: str,
        token: str,
        clock: Clock | None = None,
        http: httpx.Client | None = None,
        batch_ops: int = 5000,
        page_size: int = 1000,
        backoff: Backoff | None = None,
        sleep: Callable[[float], None] = time.sleep,
        timeout_s: float = 30.0,
        ca_file: str | None = None,
        allow_http: bool | None = None,
    ) -> None:
        """``ca_file`` and ``allow_http`` default to the user's settings (see ``sync.transport``)."""
        self.writer = writer
        self.engine = writer.db.engine
        self._changes = NO_CHANGES
        self.server_url = server_url.rstrip("/")
        transport.check_server_url(
            self.server_url, transport.http_allowed(self.server_url) if allow_http is None else allow_http
        )
        self.clock = clock or SystemClock()
        self.batch_ops = batch_ops
        self.page_size = page_size
        self.backoff = backoff or Backoff()
        self._sleep = sleep
        self._own_http = http is None
        self.http = http or httpx.Client(
            timeout=timeout_s,
            verify=transport.tls_context(transport.saved_ca_file() if ca_file is None else ca_file),
        )
        self._token = token
        self.schema_version = schema_fingerprint()
        self.max_request_bytes = 8 * 1024 * 1024
        self.node_id = str(self._write(ensure_state)["node_id"])
        self._clock_warning = ""
        self._busy_answers = 0  # 429s this round
        self._quarantined = 0  # pulled changes set aside this round
        self._acks: list[tuple[list[_Pending], dict[str, tuple[OpOutcome, str, str]]]] | None = None
        self._bulk_ids: dict[int, tuple[list[str], int]] = {}

    def close(self) -> None:
        if self._own_http:
            self.http.close()

    def _write(self, op: Callable[[Connection], T]) -> T:
        """Run ``op`` on the writer's connection, in one transaction, and note what it changed."""
        written = self.writer.run(lambda session: op(session.connection()))
        self._changes = self._changes | written.changes
        return written.value

    def take_changes(self) -> Changes:
        """The tables written since the last call (a round reports them in ``SyncReport.changes``)."""
        changes, self._changes = self._changes, NO_CHANGES
        return changes

    # ---- HTTP -----------------------------------------------------------------------------------------
    def _headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self._token}",
            NODE_HEADER: self.node_id,
            SCHEMA_HEADER: self.schema_version,
        }

    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """One request with retries; returns any answer below 500 for the caller to judge."""
        delays = self.backoff.delays()
        attempt = 0
        while True:
            try:
                response = self.http.request(
                    method, self.server_url + path, headers=self._headers(), **kwargs
                )
                if response.status_code == 429:
                    self._wait_as_told(response)
                    continue
                if response.status_code < 500:
                    return response
                problem = f"HTTP {response.status_code}"
            except httpx.TransportError as exc:
                if _certificate_refused(exc):
                    raise InsecureServerError(transport.certificate_message(self.server_url)) from exc
                problem = type(exc).__name__
            if attempt >= len(delays):
                raise OfflineError(
                    translate(
                        "Sync", "The server {url} cannot be reached ({problem}). Changes wait here."
                    ).format(url=self.server_url, problem=problem)
                )
            log.info("sync %s %s failed (%s); retrying in %.1f s", method, path, problem, delays[attempt])
            self._sleep(delays[attempt])
            attempt += 1

    def _wait_as_told(self, response: httpx.Response) -> None:
        """A 429: wait the server's ``Retry-After`` (through the injected sleep; a round runs off the GUI
        thread), or give up the round when the wait is too long or asked for too often."""
        self._busy_answers += 1
        wait_s = _retry_after_s(response)
        if wait_s > MAX_RETRY_AFTER_S or self._busy_answers > MAX_BUSY_ANSWERS:
            raise OfflineError(
                translate(
                    "Sync", "The server is busy and asks to wait {seconds:.0f} s; changes wait here."
                ).format(seconds=wait_s)
            )
        log.info("sync: server busy, waiting %.0f s as it asks", wait_s)
        self._sleep(wait_s)

    def _raise_for_client_error(self, response: httpx.Response) -> None:
        if response.status_code < 400:
            return
        message = _error_message(response)
        if response.status_code in (401, 403):
            raise AuthError(message)
        if response.status_code == 409:
            raise SchemaMismatchError(message)
        raise SyncError(message)

    # ---- the whole round -------------------------------------------------------------------------------
    def sync(self, verify: bool = True) -> SyncReport:
        self._busy_answers = self._quarantined = 0
        restored = self._start_over_if_restored(self.hello())
        pushed, rejected, conflicts_from_push = self.push()
        # A restored workspace fetches everything again, its old node's rows included (sync/restore.py).
        pulled, conflicts_from_pull = self.pull(include_own=restored)
        report = SyncReport(
            restored=restored,
            pushed_ops=pushed,
            pulled_changes=pulled,
            rejected_ops=rejected,
            new_conflicts=conflicts_from_push + conflicts_from_pull,
            pending_ops=self.pending_count(),
            clock_warning=self._clock_warning,
        )
        if verify and report.pending_ops == 0:
            mismatched = self._compare_settled()
            repaired = False
            # Rows the server refused (in the conflict list) or changes set aside (in the quarantine)
            # explain a difference; a resync would not change that, so it is only tried for differences
            # nobody can explain.
            if mismatched and not self._explained_tables().intersection(mismatched):
                log.warning("sync checksum differs for %s; resyncing", ", ".join(mismatched))
                self.repair(mismatched)
                repaired = True
                mismatched = self._compare_settled()
            report = replace(
                report,
                checksum_ok=None if mismatched is None else not mismatched,
                mismatched_tables=tuple(mismatched or ()),
                repaired=repaired,
                pending_ops=self.pending_count(),
            )
        self._record_success()
        return replace(report, changes=self.take_changes(), quarantined=self._quarantined)

    def _compare_settled(self, attempts: int = 3) -> list[str] | None:
        """Compare with the server once nobody else's changes are arriving; None if they keep arriving."""
        for _ in range(attempts):
            mismatched, server_cursor = self._compare_once()
            if server_cursor <= self._pull_cursor():
                return mismatched
            # Another desktop pushed since our pull: fetch that first, or the counts differ for nothing.
            self.pull()
        return None

    def hello(self) -> HelloResponse:
        response = self._request("GET", HELLO_PATH)
        self._raise_for_client_error(response)
        hello = HelloResponse.model_validate_json(response.content)
        if hello.schema_version != self.schema_version:
            raise SchemaMismatchError(
                translate(
                    "Sync",
                    "This app's data format ({client}) differs from the server's ({server}). "
                    "Update the app or "
                    "the server so both are the same version; nothing was changed and no data was lost.",
                ).format(client=self.schema_version, server=hello.schema_version)
            )
        self.max_request_bytes = hello.max_request_bytes
        if hello.max_ops_per_request:
            self.batch_ops = min(self.batch_ops, hello.max_ops_per_request)
        self._observe_server_time(hello.server_time_ms)
        return hello

    def _start_over_if_restored(self, hello: HelloResponse) -> bool:
        """A database put back from a backup (or copied from an older one) becomes a new computer with its
        pull cursor at 0 before anything is sent, so what its old self sent the server comes back."""
        with self.engine.connect() as conn:
            reason = restore.restart_reason(conn, hello.pushed_seq, hello.pushed_stamp)
        if reason is None:
            return False
        self.node_id = self._write(lambda conn: restore.start_over(conn, reason))
        return True

    # ---- push ------------------------------------------------------------------------------------------
    def push(self) -> tuple[int, int, int]:
        """Send the outbox in order; returns (ops sent, ops refused, ops kept as conflicts)."""
        sent = rejected = conflicts = 0
        # Up to PUSH_WINDOW batches are on the wire at once: the server reads and checks one while it
        # writes the other, and this machine reads and encodes the next meanwhile. Answers are taken in
        # the order the batches were read, and nothing is changed locally until a batch's answer is in;
        # an acknowledgement lost to a crash only means a duplicate later, which the server skips. The
        # server may apply two batches in either order: LWW on the HLC does not depend on it, and an
        # older edit arriving after a newer one from the same computer is simply superseded.
        self._acks = []
        try:
            with ThreadPoolExecutor(max_workers=PUSH_WINDOW, thread_name_prefix="sync-push") as wire:
                self._bulk_ids.clear()
                queue = self._encoded_parts(after=None)
                in_flight: deque[tuple[list[_Pending], Future[httpx.Response]]] = deque()
                stopped = False
                while queue or in_flight:
                    while queue and not stopped and len(in_flight) < PUSH_WINDOW:
                        ops, body = queue.pop(0)
                        in_flight.append((ops, wire.submit(self._request, "POST", PUSH_PATH, content=body)))
                        if not queue:
                            queue = self._encoded_parts(after=ops[-1])
                    if not in_flight:
                        break
                    ops, future = in_flight.popleft()
                    response = future.result()
                    if response.status_code != 200:
                        # Split (413) or give up (raised below): send nothing new until this one is settled.
                        stopped = response.status_code != 413
                    s, r, c = self._push_part(ops, response)
                    sent, rejected, conflicts = sent + s, rejected + r, conflicts + c
        finally:
            acks, self._acks = self._acks or [], None
            self._write_acks(acks)
        return sent, rejected, conflicts

    def _encoded_parts(self, after: _Pending | None) -> list[tuple[list[_Pending], bytes]]:
        return [(part, self._body(part)) for part in self._split_by_bytes(self._next_batch(after))]

    def _next_batch(self, after: _Pending | None = None) -> list[_Pending]:
        """About ``batch_ops`` ops that follow the op ``after`` (from the head of the outbox without it).

        A bulk entry becomes one op per row and may span batches: after an op that does not end its
        entry, the next batch goes on with the entry's next row.
        """
        pending: list[_Pending] = []
        emptied: list[int] = []
        c = OUTBOX_TABLE.c
        columns = (c.seq, c.op_id, c.table_name, c.row_id, c.hlc, c.payload, c.changed)
        after_seq = 0 if after is None else after.seq
        with self.engine.connect() as conn:
            if after is not None and not after.ends_entry:
                entry = conn.execute(select(*columns).where(c.seq == after.seq)).one()
                pending.extend(self._expand(conn, _Pending(*entry), after.index + 1, self.batch_ops))
            while len(pending) < self.batch_ops:
                entries = conn.execute(
                    select(*columns)
                    .where(c.seq > after_seq)
                    .order_by(c.seq)
                    .limit(self.batch_ops - len(pending))
                ).all()
                if not entries:
                    break
                for entry in entries:
                    if len(pending) >= self.batch_ops:
                        break
                    after_seq = entry.seq
                    if entry.row_id != BULK_ROW_ID:
                        pending.append(_Pending(*entry))
                        continue
                    ops = self._expand(conn, _Pending(*entry), 0, self.batch_ops - len(pending))
                    if not ops:
                        emptied.append(entry.seq)
                    pending.extend(ops)
        if emptied:
            # Every row of these bulk writes is gone (a later deletion travels as its own entry).
            self._write(lambda conn: conn.execute(delete(OUTBOX_TABLE).where(c.seq.in_(emptied))))
        for op in pending:
            if not _PLAIN.fullmatch(op.op_id + op.table_name + op.row_id + op.hlc):
                raise ValueError(f"outbox entry {op.seq} has an unexpected id or stamp")
        return pending

    def _expand(self, conn: Connection, entry: _Pending, start: int, limit: int) -> list[_Pending]:
        """Ops for up to ``limit`` rows of a bulk entry from place ``start`` on, in its order, each row as
        it is now. A row gone since is skipped: its deletion travels as its own entry. An op keeps its
        place in the list, so its op id is the same at every push; the op of the last row still there
        ends the entry.
        """
        codec = synced_codecs()[entry.table_name]
        read = _RowReader(codec, conn)
        row_ids, last = self._bulk_rows(conn, entry)
        ops: list[_Pending] = []
        begin = start
        while begin <= last and len(ops) < limit:
            chunk = row_ids[begin : min(begin + _CHUNK, begin + limit - len(ops), last + 1)]
            found = read(chunk)
            for index, row_id in enumerate(chunk, begin):
                payload = found.get(row_id)
                if payload is not None:
                    ops.append(
                        _Pending(
                            entry.seq,
                            bulk_op_id(entry.op_id, index),
                            entry.table_name,
                            row_id,
                            entry.hlc,
                            payload,
                            None,
                            ends_entry=index == last,
                            index=index,
                        )
                    )
            begin += len(chunk)
        return ops

    def _bulk_rows(self, conn: Connection, entry: _Pending) -> tuple[list[str], int]:
        """A bulk entry's ids and the place of the last one whose row is still there (-1: none is).

        Kept for the push (an entry spans batches; its list does not change): parsing the list again
        for every batch cost more than the batch's rows.
        """
        known = self._bulk_ids.get(entry.seq)
        if known is None:
            row_ids: list[str] = json.loads(entry.payload)
            table = synced_codecs()[entry.table_name].table
            last = -1
            for end in range(len(row_ids), 0, -_CHUNK):
                chunk = row_ids[max(0, end - _CHUNK) : end]
                there = set(conn.execute(select(table.c.id).where(table.c.id.in_(chunk))).scalars())
                if there:
                    last = max(end - len(chunk) + i for i, row_id in enumerate(chunk) if row_id in there)
                    break
            known = self._bulk_ids[entry.seq] = (row_ids, last)
        return known

    def _split_by_bytes(self, batch: list[_Pending]) -> list[list[_Pending]]:
        if not batch:
            return []
        budget = int(self.max_request_bytes * 0.9)
        parts: list[list[_Pending]] = [[]]
        size = 0
        for op in batch:
            if parts[-1] and size + op.size > budget:
                parts.append([])
                size = 0
            parts[-1].append(op)
            size += op.size
        return parts

    def _body(self, ops: list[_Pending]) -> bytes:
        return (
            f'{{"schema_version":{json.dumps(self.schema_version)},"node_id":{json.dumps(self.node_id)},'
            f'"batch_id":{json.dumps(new_id())},"ops":[{",".join(op.to_json() for op in ops)}]}}'
        ).encode()

    def _push_part(self, ops: list[_Pending], response: httpx.Response | None = None) -> tuple[int, int, int]:
        if response is None:
            response = self._request("POST", PUSH_PATH, content=self._body(ops))
        if response.status_code == 413:
            if len(ops) == 1:
                # Even alone this row is over the limit: refuse it here, the queue goes on.
                self._store_refusals(ops, {ops[0].op_id: (OpOutcome.REJECTED, _error_message(response), "")})
                return 1, 1, 0
            half = len(ops) // 2
            first = self._push_part(ops[:half])
            second = self._push_part(ops[half:])
            return tuple(a + b for a, b in zip(first, second, strict=True))  # type: ignore[return-value]
        self._raise_for_client_error(response)
        answer = PushResponse.model_validate_json(response.content)
        outcomes = {r.op_id: (r.outcome, r.reason, r.winner_hlc) for r in answer.results}
        self._store_refusals(ops, outcomes)
        self._observe_server_time(answer.server_time_ms)
        rejected = sum(1 for o in outcomes.values() if o[0] is OpOutcome.REJECTED)
        return len(ops), rejected, len(outcomes) - rejected

    def _store_refusals(self, ops: list[_Pending], outcomes: dict[str, tuple[OpOutcome, str, str]]) -> None:
        """The batch is done on the server: drop it from the outbox, keep refused and losing versions.

        During ``push`` this is written down for several batches in one transaction (a commit per batch
        costs the desktop more than encoding the batch); a crash before that only means duplicates later.
        """
        if self._acks is None:
            self._write_acks([(ops, outcomes)])
            return
        self._acks.append((ops, outcomes))
        if sum(len(part) for part, _ in self._acks) >= ACK_EVERY_OPS:
            self._flush_acks()

    def _flush_acks(self) -> None:
        if self._acks:
            acks, self._acks = self._acks, []
            self._write_acks(acks)

    def _write_acks(self, acks: list[tuple[list[_Pending], dict[str, tuple[OpOutcome, str, str]]]]) -> None:
        if not acks:
            return
        now = self.clock.now()

        def write(conn: Connection) -> None:
            for ops, outcomes in acks:
                self._write_ack(conn, ops, outcomes, now)

        self._write(write)

    @staticmethod
    def _write_ack(
        conn: Connection, ops: list[_Pending], outcomes: dict[str, tuple[OpOutcome, str, str]], now: Any
    ) -> None:
        rows = []
        for op in ops:
            # A refusal is kept here; a conflict arrives with the pull, as the exact values that lost.
            if op.op_id in outcomes and outcomes[op.op_id][0] is OpOutcome.REJECTED:
                outcome, reason, winner = outcomes[op.op_id]
                rows.append(
                    {
                        "id": new_id(),
                        "kind": outcome.value,
                        "table_name": op.table_name,
                        "row_id": op.row_id,
                        "reason": reason,
                        "payload": op.payload,
                        "hlc": op.hlc,
                        "winner_hlc": winner,
                        "created_at": now,
                    }
                )
        if rows:
            conn.execute(insert(CONFLICT_TABLE), rows)
        # A part is a contiguous run from the head of the queue (older parts went first), so a range
        # delete names exactly its entries, whatever its size. A bulk entry goes with its last op: a part
        # may hold only its beginning or middle.
        ended = [op.seq for op in ops if op.ends_entry]
        if ended:
            conn.execute(delete(OUTBOX_TABLE).where(SyncOutbox.seq.between(ops[0].seq, ended[-1])))

    # ---- pull ------------------------------------------------------------------------------------------
    def pull(self, include_own: bool = False) -> tuple[int, int]:
        """Apply the server's changes page by page; returns (changes applied, conflicts received).

        ``include_own`` also fetches this workspace's own changes (a full resync after a checksum mismatch).
        """
        applied = conflicts = 0
        while True:
            with self.engine.connect() as conn:
                cursor = int(ensure_state(conn)["pull_cursor"])
            params = {"cursor": cursor, "limit": self.page_size, "include_own": int(include_own)}
            response = self._request("GET", PULL_PATH, params=params)
            self._raise_for_client_error(response)
            page = PullPage.model_validate_json(response.content)
            a, c = self._apply_page(page, cursor)
            applied, conflicts = applied + a, conflicts + c
            self._observe_server_time(page.server_time_ms)
            if not page.has_more:
                return applied, conflicts

    def _apply_page(self, page: PullPage, expected_cursor: int) -> tuple[int, int]:
        written = self.writer.run(lambda session: self._apply_page_op(session, page, expected_cursor))
        self._changes = self._changes | written.changes
        return written.value

    def _apply_page_op(self, session: Session, page: PullPage, expected_cursor: int) -> tuple[int, int]:
        # Rows arrive in the server's order, which may put a child before its parent: check keys later.
        conn = _without_foreign_keys(session)
        codecs = synced_codecs()
        state = ensure_state(conn)
        if int(state["pull_cursor"]) != expected_cursor:
            return 0, 0  # another sync applied this page meanwhile
        pending = rows_with_pending_entries(conn, [c.row_id for c in page.changes])
        upserts: dict[str, list[dict[str, Any]]] = {}
        conflict_rows = []
        hlc = HybridLogicalClock(self.clock, self.node_id, state["hlc_wall_ms"], state["hlc_counter"])
        now = self.clock.now()
        quarantine: list[dict[str, Any]] = []
        for change in page.changes:
            refusal = _check_change(change, codecs)
            if refusal is not None:
                quarantine.append(_quarantine_row(change, refusal, now))
                continue
            codec = codecs[change.table]
            try:
                hlc.receive(Hlc.decode(change.hlc))
            except ClockDriftError as exc:
                self._clock_warning = str(exc)
            if change.kind is ChangeKind.CONFLICT:
                conflict_rows.append(
                    {
                        "id": new_id(),
                        "kind": "conflict",
                        "table_name": change.table,
                        "row_id": change.row_id,
                        "reason": translate("Sync", "Edited in two places at the same time."),
                        "payload": canonical_json(change.payload),
                        "hlc": change.hlc,
                        "winner_hlc": change.winner_hlc,
                        "created_at": now,
                    }
                )
                continue
            if (change.table, change.row_id) in pending:
                continue
            upserts.setdefault(change.table, []).append(codec.decode_payload(change.payload))
        applied = 0
        for table_name, rows in upserts.items():
            rows = _without_unknown_tombstones(conn, codecs[table_name], rows)
            applied += _upsert(conn, codecs[table_name], rows)
        conflict_rows = self._new_conflicts(conn, conflict_rows)
        if conflict_rows:
            conn.execute(insert(CONFLICT_TABLE), conflict_rows)
        self._quarantined += _set_aside(conn, quarantine)
        conn.execute(
            update(STATE_TABLE)
            .where(SyncState.id == 1)
            .values(pull_cursor=page.next_cursor, hlc_wall_ms=hlc.wall_ms, hlc_counter=hlc.counter)
        )
        return applied, len(conflict_rows)

    @staticmethod
    def _new_conflicts(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """A conflict delivered twice (a resync) is stored once."""
        fresh = []
        table = CONFLICT_TABLE
        for row in rows:
            exists = conn.execute(
                select(table.c.id).where(
                    table.c.row_id == row["row_id"], table.c.hlc == row["hlc"], table.c.kind == "conflict"
                )
            ).first()
            if exists is None:
                fresh.append(row)
        return fresh

    # ---- checks ----------------------------------------------------------------------------------------
    def compare_with_server(self) -> list[str]:
        """Tables whose count or checksum differs from the server's copy (empty when in step)."""
        return self._compare_once()[0]

    def _pull_cursor(self) -> int:
        with self.engine.connect() as conn:
            return int(ensure_state(conn)["pull_cursor"])

    def _compare_once(self) -> tuple[list[str], int]:
        response = self._request("GET", SUMMARY_PATH)
        self._raise_for_client_error(response)
        summary = SummaryResponse.model_validate_json(response.content)
        remote = summary.tables
        local = local_summary(self.engine)
        names = set(remote) | {name for name, (count, _) in local.items() if count}
        mismatched = []
        for name in sorted(names):
            r = remote.get(name)
            count, checksum = local.get(name, (0, 0))
            if r is None or r.count != count or r.checksum != checksum:
                mismatched.append(name)
        return mismatched, summary.cursor

    def _explained_tables(self) -> set[str]:
        """Tables with rows the server refused, or pulled changes set aside here: they differ for a reason."""
        table = CONFLICT_TABLE
        with self.engine.connect() as conn:
            query = select(table.c.table_name).where(
                table.c.kind == "rejected", table.c.resolved_at.is_(None)
            )
            refused = set(conn.execute(query.distinct()).scalars())
            aside = conn.execute(select(QUARANTINE_TABLE.c.table_name).distinct()).scalars()
            return refused | set(aside)

    def repair(self, tables: Sequence[str]) -> None:
        """Re-read everything from the server, and offer it the local rows it lacks, stamped to lose."""
        codecs = synced_codecs()

        def enqueue(conn: Connection) -> None:
            rows: list[tuple[TableCodec, dict[str, Any]]] = []
            for name in tables:
                codec = codecs.get(name)
                if codec is None:
                    continue
                for row in conn.execute(select(codec.table)).mappings():
                    rows.append((codec, codec.encode_row(row)))
            _enqueue_repair_ops(conn, self.node_id, rows, self.clock)
            conn.execute(update(STATE_TABLE).where(SyncState.id == 1).values(pull_cursor=0))

        self._write(enqueue)
        self.push()
        self.pull(include_own=True)

    def pending_count(self) -> int:
        """Rows waiting to be pushed."""
        with self.engine.connect() as conn:
            return pending_count(conn)

    # ---- bookkeeping -----------------------------------------------------------------------------------
    def _observe_server_time(self, server_ms: int) -> None:
        offset = server_ms - wall_ms(self.clock)
        if abs(offset) > SKEW_WARNING_MS:
            self._clock_warning = skew_message(offset)

    def _record_success(self) -> None:
        self._write(
            lambda conn: conn.execute(
                update(STATE_TABLE)
                .where(SyncState.id == 1)
                .values(
                    last_sync_at=self.clock.now(),
                    last_error="",
                    server_url=self.server_url,
                    drift_warning=self._clock_warning,
                )
            )
        )

    def record_failure(self, message: str) -> None:
        def write(conn: Connection) -> None:
            ensure_state(conn)
            conn.execute(update(STATE_TABLE).where(SyncState.id == 1).values(last_error=message))

        self._write(write)


def _without_foreign_keys(session: Session) -> Connection:
    """The operation's connection with SQLite's key checks off until its transaction ends.

    SQLite ignores the pragma inside an open transaction, so this is the operation's first statement, and
    the result is checked rather than trusted. The connection goes back to the pool afterwards: the checks
    come back on whether the operation commits or rolls back.
    """
    conn = session.connection()
    raw = conn.connection.dbapi_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys=OFF")
    if raw.execute("PRAGMA foreign_keys").fetchone()[0] != 0:
        raise RuntimeError("foreign keys could not be turned off: a statement ran before the pull")

    def restore(_session: Session) -> None:
        raw.execute("PRAGMA foreign_keys=ON")

    event.listen(session, "after_commit", restore, once=True)
    event.listen(session, "after_rollback", restore, once=True)
    return conn


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _without_unknown_tombstones(
    conn: Connection, codec: TableCodec, rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """A deletion of a row this workspace never had is not written: it would only be a ghost row."""
    dead = [row["id"] for row in rows if row.get("deleted_at") is not None]
    if not dead:
        return rows
    present: set[str] = set()
    for chunk in _chunks(dead):
        present.update(conn.execute(select(codec.table.c.id).where(codec.table.c.id.in_(chunk))).scalars())
    return [row for row in rows if row.get("deleted_at") is None or row["id"] in present]


def _upsert(conn: Connection, codec: TableCodec, rows: list[dict[str, Any]]) -> int:
    if not rows:
        return 0
    # A page may carry one row twice (re-sent after a lost edit); the later entry is the newer version.
    latest = {row["id"]: row for row in rows}
    stmt = sqlite_insert(codec.table)
    columns = [c.name for c in codec.columns if c.name != "id"]
    stmt = stmt.on_conflict_do_update(index_elements=["id"], set_={c: stmt.excluded[c] for c in columns})
    by_keys: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in latest.values():
        by_keys.setdefault(tuple(sorted(row)), []).append(row)
    for group in by_keys.values():
        conn.execute(stmt, group)
    return len(latest)


def _enqueue_repair_ops(
    conn: Connection, node_id: str, rows: list[tuple[TableCodec, dict[str, Any]]], clock: Clock
) -> None:
    state = ensure_state(conn)
    seq = int(state["last_seq"])
    now = clock.now()
    entries = []
    for counter, (codec, payload) in enumerate(rows):
        seq += 1
        entries.append(
            {
                "seq": seq,
                "op_id": new_id(),
                "table_name": codec.name,
                "row_id": payload["id"],
                "hlc": Hlc(REPAIR_HLC_WALL_MS, counter % 99_999, node_id).encode(),
                "payload": canonical_json(payload),
                # Changes no column of a row the server holds: the offer only fills a gap.
                "changed": "{}",
                "created_at": now,
            }
        )
    for chunk in _chunks(entries):
        conn.execute(insert(OUTBOX_TABLE), list(chunk))
    conn.execute(update(STATE_TABLE).where(SyncState.id == 1).values(last_seq=seq))


def local_summary(engine: Engine) -> dict[str, tuple[int, int]]:
    """Per synced table: (row count, checksum) computed the way the server computes its own."""
    out: dict[str, tuple[int, int]] = {}
    with engine.connect() as conn:
        for name, codec in synced_codecs().items():
            count = 0
            total = 0
            # Live rows only: a row deleted here before it ever synced has no tombstone to compare.
            query = select(codec.table).where(codec.table.c.deleted_at.is_(None))
            for row in conn.execute(query).mappings():
                count += 1
                total += row_digest(name, canonical_json(codec.encode_row(row)))
            out[name] = (count, total % (1 << 62))
    return out


def _check_change(change: Change, codecs: dict[str, TableCodec]) -> Refusal | None:
    """Why a pulled change cannot be stored here: the server's own checks, run again for the rows a server
    took before it had them."""
    codec = codecs.get(change.table)
    if codec is None:
        return Refusal(
            "unknown_table", translate("Sync", "Unknown table {table}.").format(table=change.table[:80])
        )
    refusal = check_stamp(change.hlc)
    if refusal is None and change.kind is ChangeKind.UPSERT:
        refusal = check_payload(codec, change.row_id, change.payload)
    return refusal


def _quarantine_row(change: Change, refusal: Refusal, now: Any) -> dict[str, Any]:
    return {
        "id": new_id(),
        "seq": change.seq,
        "table_name": change.table[:80],
        "row_id": change.row_id[:36],
        "hlc": change.hlc[:64],
        "code": refusal.code,
        "reason": refusal.message,
        "payload": canonical_json(change.payload),
        "created_at": now,
    }


def _set_aside(conn: Connection, rows: list[dict[str, Any]]) -> int:
    """Store the quarantined changes not already there (a resync delivers them again); returns how many."""
    if not rows:
        return 0
    q = QUARANTINE_TABLE.c
    known = set(conn.execute(select(q.seq).where(q.seq.in_([row["seq"] for row in rows]))).scalars())
    fresh = [row for row in rows if row["seq"] not in known]
    if fresh:
        conn.execute(insert(QUARANTINE_TABLE), fresh)
    return len(fresh)


def _retry_after_s(response: httpx.Response) -> float:
    try:
        return max(0.0, float(response.headers.get("retry-after", "1")))
    except ValueError:
        return 1.0


def _certificate_refused(exc: BaseException) -> bool:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return True
        cause = cause.__cause__ or cause.__context__
    return False


def _error_message(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail")
        if isinstance(detail, dict) and detail.get("message"):
            return str(detail["message"])
    except (ValueError, AttributeError):
        pass
    return translate("Sync", "The server refused the request (HTTP {status}).").format(
        status=response.status_code
    )
