"""The sync model, one schedule at a time: random edits and faults on three desktops, then a check.

``run_schedule(backend, desktops, steps, rng)`` plays ``steps`` (kind, desktop) on real desktops against
the real server process, then syncs every desktop until quiet and checks what must hold whatever the
schedule was. Hypothesis drives it in ``test_sync_model.py``, a seeded ``random.Random`` in
``bench/sync_model.py``; ``rng`` picks the details of each step (which row, which fields, which fault).

What is checked after the schedule:
- every desktop and the server hold the same live records (per table: ids and payload), and each
  desktop's deletions agree with the server's (``assert_in_step``);
- nothing doubled or invented: every live record on the server is one a desktop created;
- nothing a hostile push sent is stored anywhere (its row ids and its marker text);
- no legitimate edit was refused, and no edit was lost: each value written is the final value, or is kept
  in a conflict entry (the server's ``conflicts`` or a desktop's ``sync_conflicts``), or was overwritten
  by an edit made on a desktop that then held it (the value it replaced is recorded at the edit), or, in
  a last-writer-wins table, the row was also changed on another desktop that had not seen the value (that
  concurrent change may win the whole row). A deleted row's values are not checked: a deletion may win
  over an edit. These rules hold for last-writer-wins per row and for a merge per field alike.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from raw_push import push_body, push_headers
from sqlalchemy import Engine, delete, select
from sync_harness import (
    REPO,
    Backend,
    CutProxy,
    assert_in_step,
    cut_after_reply,
    cut_now,
    live_records,
    new_backend,
)

from studio_app.demo import DEMO_SEEDED_KEY
from studio_app.server import service
from studio_app.server import tables as t
from studio_app.store.db import Database
from studio_app.store.models import AppMeta, Show
from studio_app.store.models.base import new_id
from studio_app.store.models.script import ScriptRow, ScriptSegmentRow
from studio_app.store.models.sync import SyncConflict
from studio_app.store.writer import Writer
from studio_app.sync.client import Backoff, OfflineError, SyncClient
from studio_app.sync.codec import (
    canonical_json,
    synced_codecs,
)
from studio_app.sync.hlc import Hlc
from studio_app.sync.outbox import install
from studio_app.sync.protocol import PUSH_PATH
from studio_app.workspace import Workspace

# Two desktops of one studio and the head office's: every desktop sees every record made here.
DESKTOPS: tuple[tuple[str, str], ...] = (("hq", "hq"), ("a1", "studio_a"), ("a2", "studio_a"))

# Step kinds and how often each comes up in a seeded schedule (Hypothesis draws from the same list).
KIND_WEIGHTS: dict[str, int] = {
    "create": 10,
    "edit": 22,
    "delete": 3,
    "hard_delete": 2,
    "sync": 14,
    "cut": 5,
    "duplicate": 3,
    "skew": 3,
    "hostile": 4,
    "kill": 1,  # a `studio-app sync` process killed mid-way: a second of start-up, so rare
}
KINDS: tuple[str, ...] = tuple(KIND_WEIGHTS)

Step = tuple[str, int]  # (kind, desktop index)

# Fields edited per table (several per row, so concurrent edits of different fields of one row happen).
EDITED: dict[str, tuple[str, ...]] = {
    "shows": ("title", "host_name", "notes", "planned_minutes"),
    "script_segments": ("title", "host_text", "planned_minutes"),
}
MODEL: dict[str, Any] = {"shows": Show, "script_segments": ScriptSegmentRow}
HOSTILE_MARKER = "HOSTILE"
# The model's server lets a studio send as many requests as the schedules make (the limit has its own test).
SERVER_ENV = {"STUDIO_SERVER_REQUESTS_PER_MINUTE": "1000000"}


def random_steps(rng: random.Random, count: int) -> list[Step]:
    kinds = rng.choices(KINDS, weights=list(KIND_WEIGHTS.values()), k=count)
    return [(kind, rng.randrange(len(DESKTOPS))) for kind in kinds]


class OffsetClock:
    """The system clock moved by ``offset``: a desktop whose wall clock is a day off (±1 day steps)."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def monotonic(self) -> float:
        return time.monotonic()


# ---- backend and desktops -------------------------------------------------------------------------------
def new_model_backend(kind: str, url: str) -> Backend:
    """A backend for the model: no request limit, since schedules run back to back."""
    return new_backend(kind, url, env=SERVER_ENV)


def wipe_backend(backend: Backend) -> None:
    """Forget every record, op and conflict (studios, tokens and the feed's counter stay): a fresh start for
    the next schedule on the same server, whose desktops are new (their pull cursors start at 0)."""
    with backend.engine.begin() as conn:
        for table in (t.records, t.applied_ops, t.conflicts, t.computers, t.request_counts):
            conn.execute(delete(table))


def desktop_template(folder: Path) -> Path:
    """A migrated desktop database, copied for each desktop (migrating costs more than a schedule)."""
    path = Workspace(folder).ensure().db_path
    db = Database.open(path)
    with db.session() as s:
        # `studio-app sync` (the kill step) would otherwise seed the demo show on its first run.
        s.add(AppMeta(key=DEMO_SEEDED_KEY, value="model"))
    db.close()
    return path


@dataclass
class Desktop:
    name: str
    studio: str
    workspace: Workspace
    db: Database
    writer: Writer
    clock: OffsetClock
    http: httpx.Client
    client: SyncClient
    pushes: list[bytes] = field(default_factory=list)  # push bodies sent, for duplicate delivery
    synced: bool = False  # its computer is known to the server (a foreign-stamp push needs one)

    def close(self) -> None:
        self.client.close()
        self.http.close()
        self.writer.close()
        self.db.close()


def open_desktops(backend: Backend, template: Path, root: Path) -> list[Desktop]:
    desktops = []
    for name, studio in DESKTOPS:
        workspace = Workspace(root / name).ensure()
        shutil.copyfile(template, workspace.db_path)
        db = Database.open(workspace.db_path)
        clock = OffsetClock()
        install(db.engine, clock)
        writer = Writer(db)
        pushes: list[bytes] = []

        def capture(request: httpx.Request, pushes: list[bytes] = pushes) -> None:
            if request.url.path == PUSH_PATH:
                pushes.append(request.read())

        http = httpx.Client(timeout=30.0, event_hooks={"request": [capture]})
        client = SyncClient(
            writer,
            backend.server.url,
            backend.tokens[studio],
            clock=clock,
            http=http,
            backoff=Backoff(attempts=2, first_s=0.0),
            sleep=lambda _s: None,
            batch_ops=3,
            page_size=3,
        )
        desktops.append(Desktop(name, studio, workspace, db, writer, clock, http, client, pushes))
    return desktops


def close_desktops(desktops: Sequence[Desktop]) -> None:
    for desktop in desktops:
        desktop.close()


# ---- what the schedule did ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Edit:
    desktop: int
    table: str
    row_id: str
    field: str
    value: Any
    replaced: Any  # the value the desktop held before: overwriting it was informed


@dataclass
class Log:
    created: set[tuple[str, str]] = field(default_factory=set)
    edits: list[Edit] = field(default_factory=list)
    # Per row, each change made to it: the desktop and the row as that desktop held it just before.
    changes: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]] = field(default_factory=dict)
    hostile_ids: set[str] = field(default_factory=set)
    refused: int = 0  # hostile ops the server refused
    counter: int = 0
    faults: dict[str, int] = field(default_factory=dict)
    # How each edit was accounted for at the end: final, kept, replaced, concurrent, deleted.
    outcomes: dict[str, int] = field(default_factory=dict)

    def touch(self, table: str, row_id: str, desktop: int, before: dict[str, Any]) -> None:
        self.changes.setdefault((table, row_id), []).append((desktop, before))

    def count(self, outcome: str) -> None:
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1

    def fresh(self) -> int:
        self.counter += 1
        return self.counter


# ---- the schedule ---------------------------------------------------------------------------------------
def run_schedule(
    backend: Backend, desktops: Sequence[Desktop], steps: Sequence[Step], rng: random.Random
) -> Log:
    """Play ``steps``, sync everything until quiet, and assert the properties above. Returns what it did."""
    log = Log()
    _shared_start(desktops, log)
    for kind, who in steps:
        STEPS[kind](backend, desktops, who, rng, log)
        log.faults[kind] = log.faults.get(kind, 0) + 1
    for _ in range(2):
        for desktop in desktops:
            desktop.client.sync()
            desktop.synced = True
    check_converged(backend, desktops, log)
    return log


def _shared_start(desktops: Sequence[Desktop], log: Log) -> None:
    """Rows every desktop holds before the schedule (two shows, a script with two segments), so that
    edits of one row on several desktops, of the same or different fields, are common."""
    hq = desktops[0]
    with hq.db.session() as s:
        shows = [Show(title=f"shared show {i}", notes="") for i in range(2)]
        s.add_all(shows)
        s.flush()
        script = ScriptRow(show_id=shows[0].id, revision=1, title="shared script", source_text="")
        s.add(script)
        s.flush()
        segments = [
            ScriptSegmentRow(
                script_id=script.id,
                position=i,
                kind="product",
                title=f"shared segment {i}",
                planned_minutes=5.0,
                host_text="",
            )
            for i in range(2)
        ]
        s.add_all(segments)
        s.flush()
        for row in (*shows, script, *segments):
            log.created.add((row.__tablename__, row.id))
    for desktop in desktops:
        # In one request each way: the small batches and pages are for the schedule.
        client = desktop.client
        client.batch_ops = client.page_size = 100
        client.sync()
        client.batch_ops = client.page_size = 3
        desktop.synced = True


def _live_ids(db: Database, table: str) -> list[str]:
    model = MODEL[table]
    with db.session() as s:
        return sorted(s.scalars(select(model.id).where(model.deleted_at.is_(None))))


def _value(table: str, name: str, n: int, desktop: str) -> Any:
    if name == "planned_minutes":
        return n if table == "shows" else n + 0.5
    return f"{desktop}:{name}:{n}"


def step_create(
    backend: Backend, desktops: Sequence[Desktop], who: int, rng: random.Random, log: Log
) -> None:
    desktop = desktops[who]
    shows = _live_ids(desktop.db, "shows")
    with desktop.db.session() as s:
        if not shows or rng.random() < 0.5:
            row: Any = Show(title=f"{desktop.name}:new:{log.fresh()}", notes="")
            s.add(row)
        else:
            script = ScriptRow(
                show_id=rng.choice(shows), revision=1, title=f"script {log.fresh()}", source_text=""
            )
            s.add(script)
            s.flush()
            log.created.add(("scripts", script.id))
            row = ScriptSegmentRow(
                script_id=script.id,
                position=0,
                kind="product",
                title=f"{desktop.name}:segment:{log.fresh()}",
                planned_minutes=5.0,
                host_text="",
            )
            s.add(row)
        s.flush()
        log.created.add((row.__tablename__, row.id))


def step_edit(backend: Backend, desktops: Sequence[Desktop], who: int, rng: random.Random, log: Log) -> None:
    desktop = desktops[who]
    table = rng.choice(list(EDITED))
    ids = _live_ids(desktop.db, table)
    if not ids:
        return
    row_id = rng.choice(ids)
    names = rng.sample(EDITED[table], rng.choice((1, 1, 2)))
    with desktop.db.session() as s:
        row = s.get(MODEL[table], row_id)
        codec = synced_codecs()[table]
        before = codec.encode_object(row)
        for name in names:
            value = _value(table, name, log.fresh(), desktop.name)
            setattr(row, name, value)
            log.edits.append(Edit(who, table, row_id, name, value, before[name]))
    log.touch(table, row_id, who, before)


def step_delete(
    backend: Backend, desktops: Sequence[Desktop], who: int, rng: random.Random, log: Log
) -> None:
    desktop = desktops[who]
    table = rng.choice(list(EDITED))
    ids = _live_ids(desktop.db, table)
    if ids:
        row_id = rng.choice(ids)
        with desktop.db.session() as s:
            row = s.get(MODEL[table], row_id)
            log.touch(table, row_id, who, synced_codecs()[table].encode_object(row))
            row.deleted_at = desktop.clock.now()


def step_hard_delete(
    backend: Backend, desktops: Sequence[Desktop], who: int, rng: random.Random, log: Log
) -> None:
    """A row removed outright (it travels as a tombstone). Segments, and shows without a script: SQLite's
    own cascade of a show's scripts is not a change the outbox sees (nor one the app makes)."""
    desktop = desktops[who]
    with desktop.db.session() as s:
        with_scripts = set(s.scalars(select(ScriptRow.show_id)))
    table = rng.choice(list(EDITED))
    ids = [i for i in _live_ids(desktop.db, table) if i not in with_scripts]
    if ids:
        row_id = rng.choice(ids)
        with desktop.db.session() as s:
            row = s.get(MODEL[table], row_id)
            log.touch(table, row_id, who, synced_codecs()[table].encode_object(row))
            s.delete(row)


def step_sync(backend: Backend, desktops: Sequence[Desktop], who: int, rng: random.Random, log: Log) -> None:
    desktop = desktops[who]
    desktop.client.sync()
    desktop.synced = True


def step_cut(backend: Backend, desktops: Sequence[Desktop], who: int, rng: random.Random, log: Log) -> None:
    """A sync through a proxy that breaks the n-th push or pull: half-sent, or its answer lost."""
    desktop = desktops[who]
    proxy = CutProxy(backend.server.port)
    marker = rng.choice((b"POST /sync/push", b"GET /sync/pull"))
    proxy.on_request(marker, rng.randint(1, 2), rng.choice((cut_now, cut_after_reply)))
    client = SyncClient(
        desktop.writer,
        proxy.url,
        backend.tokens[desktop.studio],
        clock=desktop.clock,
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


def step_duplicate(
    backend: Backend, desktops: Sequence[Desktop], who: int, rng: random.Random, log: Log
) -> None:
    """A push this desktop sent earlier, delivered again (maybe after newer edits): applied never twice."""
    desktop = desktops[who]
    if not desktop.pushes:
        return
    body = rng.choice(desktop.pushes)
    answer = desktop.http.post(
        backend.server.url + PUSH_PATH, content=body, headers=desktop.client._headers()
    )
    assert answer.status_code == 200, answer.text
    reply = answer.json()
    assert reply["applied"] == 0 and reply["duplicates"] == reply["received"], reply


def step_skew(backend: Backend, desktops: Sequence[Desktop], who: int, rng: random.Random, log: Log) -> None:
    """The desktop's wall clock jumps to a day ahead, a day behind, or back to the right time."""
    desktops[who].clock.offset = timedelta(days=rng.choice((-1, 0, 1)))


def step_kill(backend: Backend, desktops: Sequence[Desktop], who: int, rng: random.Random, log: Log) -> None:
    """`studio-app sync` on this desktop's workspace, killed with SIGKILL as its first push or pull passes."""
    desktop = desktops[who]
    proxy = CutProxy(backend.server.port)
    running: list[subprocess.Popen[bytes]] = []
    # During the push when there is something to push (there is no push otherwise), else the pull; the
    # rule is in place before the process starts.
    waiting = desktop.client.pending_count() > 0 and rng.random() < 0.7
    marker = b"POST /sync/push" if waiting else b"GET /sync/pull"
    proxy.on_request(marker, 1, lambda _conn: running[0].send_signal(signal.SIGKILL))
    env = {**os.environ, "STUDIO_APP_TOKEN": backend.tokens[desktop.studio], "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "studio_app", "--workspace", str(desktop.workspace.root), "sync"]
    command += ["--server", proxy.url, "--once", "--batch", "2", "--page", "2"]
    try:
        running.append(
            subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        )
        _out, err = running[0].communicate(timeout=120)
    finally:
        proxy.close()
    returncode = running[0].returncode
    # Killed, or done before the request came: never a failure of its own.
    assert returncode in (-signal.SIGKILL, 0), err.decode(errors="replace")[-2000:]
    log.faults["killed"] = log.faults.get("killed", 0) + (returncode == -signal.SIGKILL)
    desktop.synced = True


# ---- hostile pushes -------------------------------------------------------------------------------------
def _show_payload(title: str) -> dict[str, Any]:
    now = datetime.now(UTC)
    row = {
        "id": new_id(),
        "created_at": now,
        "updated_at": now,
        "deleted_at": None,
        "title": title,
        "platform": "douyin",
        "planned_start": None,
        "planned_minutes": 120,
        "started_at": None,
        "ended_at": None,
        "host_name": "",
        "notes": "",
        "is_demo": False,
    }
    return synced_codecs()["shows"].encode_row(row)


def _stamp(node: str, ahead_ms: int = 0) -> str:
    return Hlc(service.now_ms() + ahead_ms, 0, node).encode()


def _server_rows(engine: Engine, table: str, owners: Sequence[str]) -> list[dict[str, Any]]:
    query = select(t.records.c.payload).where(
        t.records.c.table_name == table, t.records.c.owner_studio_id.in_(owners)
    )
    with engine.connect() as conn:
        return [json.loads(p) for p in conn.execute(query).scalars()]


def _hostile_op(
    backend: Backend, desktops: Sequence[Desktop], rng: random.Random, log: Log
) -> tuple[str, str, str, dict[str, Any], str, str]:
    """(studio, computer, row id, payload, stamp, expected code) of one op a tampered desktop might send;
    the computer is new, and signs the stamp unless the stamp is the point."""
    node = new_id()
    marker = f"{HOSTILE_MARKER}:{log.fresh()}"
    payload: dict[str, Any] = _show_payload(marker)
    row_id = payload["id"]
    log.hostile_ids.add(row_id)
    choice = rng.choice(("bad_type", "bad_stamp", "id_mismatch", "not_owner", "foreign_stamp", "clock_ahead"))
    if choice == "not_owner":
        theirs = _server_rows(backend.engine, "shows", [backend.studios["studio_a"].id])
        if theirs:
            # Studio B rewrites one of studio A's shows.
            mine = dict(rng.choice(theirs), title=marker)
            return "studio_b", node, mine["id"], mine, _stamp(node), "not_owner"
        choice = "bad_type"
    if choice == "foreign_stamp":
        hq = desktops[0]
        if hq.synced:  # the head office's computer is known: studio A signs with it
            return "studio_a", node, row_id, payload, _stamp(hq.client.node_id), "foreign_stamp"
        choice = "bad_stamp"
    if choice == "bad_type":
        return "studio_a", node, row_id, dict(payload, planned_minutes="120"), _stamp(node), "bad_type"
    if choice == "bad_stamp":
        return "studio_a", node, row_id, payload, "9:00000:x", "bad_stamp"
    if choice == "id_mismatch":
        other = new_id()
        log.hostile_ids.add(other)
        return "studio_a", node, row_id, dict(payload, id=other), _stamp(node), "id_mismatch"
    return "studio_a", node, row_id, payload, _stamp(node, ahead_ms=48 * 3600 * 1000), "clock_ahead"


def step_hostile(
    backend: Backend, desktops: Sequence[Desktop], who: int, rng: random.Random, log: Log
) -> None:
    """A raw push of one op a tampered desktop would send: refused with its code, nothing stored."""
    studio, node, row_id, payload, stamp, code = _hostile_op(backend, desktops, rng, log)
    op = {"op_id": new_id(), "seq": 1, "table": "shows", "row_id": row_id, "hlc": stamp}
    body = push_body(node, [{**op, "payload_json": canonical_json(payload)}])
    headers = push_headers(backend.tokens[studio], node)
    answer = httpx.post(backend.server.url + PUSH_PATH, json=body, headers=headers, timeout=30.0)
    assert answer.status_code == 200, answer.text
    reply = answer.json()
    assert reply["applied"] == 0, (code, reply)
    assert [r["code"] for r in reply["results"]] == [code], (code, reply)
    log.refused += 1
    log.faults[f"refused {code}"] = log.faults.get(f"refused {code}", 0) + 1


STEPS: dict[str, Callable[[Backend, Sequence[Desktop], int, random.Random, Log], None]] = {
    "create": step_create,
    "edit": step_edit,
    "delete": step_delete,
    "hard_delete": step_hard_delete,
    "sync": step_sync,
    "cut": step_cut,
    "duplicate": step_duplicate,
    "skew": step_skew,
    "hostile": step_hostile,
    "kill": step_kill,
}
assert set(STEPS) == set(KINDS)


# ---- the check ------------------------------------------------------------------------------------------
def _all_server_records(engine: Engine) -> dict[tuple[str, str], str]:
    query = select(t.records.c.table_name, t.records.c.record_id, t.records.c.payload)
    with engine.connect() as conn:
        return {(tn, r): canonical_json(json.loads(p)) for tn, r, p in conn.execute(query)}


def _conflict_payloads(backend: Backend, desktops: Sequence[Desktop]) -> dict[tuple[str, str], list[Any]]:
    """Every version kept aside, per row: the server's conflict entries and each desktop's list."""
    kept: dict[tuple[str, str], list[Any]] = {}
    with backend.engine.connect() as conn:
        for tn, r, p in conn.execute(
            select(t.conflicts.c.table_name, t.conflicts.c.record_id, t.conflicts.c.payload)
        ):
            kept.setdefault((tn, r), []).append(json.loads(p))
    for desktop in desktops:
        with desktop.db.session() as s:
            for c in s.scalars(select(SyncConflict)):
                kept.setdefault((c.table_name, c.row_id), []).append(json.loads(c.payload))
    return kept


def check_converged(backend: Backend, desktops: Sequence[Desktop], log: Log) -> None:
    server = _all_server_records(backend.engine)
    live_server = {k: v for k, v in server.items() if service.is_live(v)}
    for desktop in desktops:
        assert desktop.client.pending_count() == 0, f"{desktop.name}: changes still waiting"
        assert live_records(desktop.db) == live_server, f"{desktop.name} differs from the server"
        assert_in_step(desktop.db, backend, desktop.studio)
        with desktop.db.session() as s:
            refused = [
                (c.table_name, c.reason)
                for c in s.scalars(select(SyncConflict).where(SyncConflict.kind == "rejected"))
            ]
        assert not refused, f"{desktop.name}: a legitimate edit was refused: {refused}"

    # Nothing doubled or invented; nothing created lost (live or deleted, every created row is there).
    invented = sorted(set(live_server) - log.created)
    assert not invented, f"live on the server, made by no desktop: {invented[:5]}"
    lost = sorted(log.created - set(server))
    assert not lost, f"created on a desktop, absent on the server: {lost[:5]}"

    # Nothing of a refused op anywhere.
    kept = _conflict_payloads(backend, desktops)
    everything = [*server.values(), *(json.dumps(v) for vs in kept.values() for v in vs)]
    for desktop in desktops:
        everything.extend(live_records(desktop.db).values())
    assert not [p for p in everything if HOSTILE_MARKER in p], "a refused op's data was stored"
    assert not {r for _, r in server} & log.hostile_ids, "a refused op's row is on the server"

    # No edit lost without a reason (see the module's docstring).
    replaced = {(e.table, e.row_id, e.field, json.dumps(e.replaced)) for e in log.edits}
    for edit in log.edits:
        log.count(_accounted_for(edit, live_server, kept, replaced, log))


def _accounted_for(
    edit: Edit,
    live_server: dict[tuple[str, str], str],
    kept: dict[tuple[str, str], list[Any]],
    replaced: set[tuple[str, str, str, str]],
    log: Log,
) -> str:
    key = (edit.table, edit.row_id)
    if key not in live_server:
        return "deleted"  # a deletion may win
    final = json.loads(live_server[key])
    if final[edit.field] == edit.value:
        return "final"
    if any(v.get(edit.field) == edit.value for v in kept.get(key, [])):
        return "kept"
    if (edit.table, edit.row_id, edit.field, json.dumps(edit.value)) in replaced:
        return "replaced"
    raise AssertionError(
        f"edit lost: {edit} (final {edit.field}={final[edit.field]!r}, kept: {kept.get(key, [])})"
    )


def scratch_dir(prefix: str = "sync-model-") -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))
