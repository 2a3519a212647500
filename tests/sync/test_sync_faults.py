"""Each fault, with a real backend process: afterwards both sides hold the same records, no more, no less."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sync_harness import (
    REPO,
    CutProxy,
    assert_in_step,
    cut_after_reply,
    cut_now,
    server_record_count,
)

from studio_app.clock import FakeClock
from studio_app.store.models import Show
from studio_app.store.models.sync import SyncConflict, SyncOutbox
from studio_app.sync.client import OfflineError, SchemaMismatchError
from studio_app.workspace import Workspace


def _add_shows(db, n: int, prefix: str = "show", notes: str = "") -> list[str]:
    ids = []
    with db.session() as s:
        for i in range(n):
            show = Show(title=f"{prefix} {i}", notes=notes or f"第{i}场 直播带货")
            s.add(show)
            s.flush()
            ids.append(show.id)
    return ids


def _outbox_size(db) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(SyncOutbox)))


def test_network_cut_mid_batch_and_lost_ack(backend, desktop, make_client):
    db = desktop("a")
    _add_shows(db, 1200)
    proxy = CutProxy(backend.server.port)
    try:
        # The 2nd push dies half-sent; the 3rd push is applied but its answer is lost; a pull page is cut too.
        proxy.on_request(b"POST /sync/push", 2, cut_now)
        proxy.on_request(b"POST /sync/push", 4, cut_after_reply)
        proxy.on_request(b"GET /sync/pull", 1, cut_after_reply)
        client = make_client(db, proxy.url, backend.tokens["studio_a"], batch_ops=300)
        report = client.sync()
    finally:
        proxy.close()
    assert report.pushed_ops == 1200
    assert report.checksum_ok
    assert _outbox_size(db) == 0
    assert server_record_count(backend.engine) == 1200
    assert_in_step(db, backend, "studio_a")


def test_duplicate_delivery_is_applied_once(backend, desktop, make_client):
    import httpx

    db = desktop("a")
    _add_shows(db, 50)
    captured: list[bytes] = []

    def capture(request: httpx.Request) -> None:
        if request.url.path == "/sync/push":
            captured.append(request.read())

    http = httpx.Client(event_hooks={"request": [capture]})
    client = make_client(db, backend.server.url, backend.tokens["studio_a"], http=http)
    client.sync()
    assert len(captured) == 1
    # The same batch again, twice, as a confused network might deliver it.
    for _ in range(2):
        response = http.post(
            backend.server.url + "/sync/push", content=captured[0], headers=client._headers()
        )
        assert response.status_code == 200
        assert response.json()["duplicates"] == 50 and response.json()["applied"] == 0
    assert server_record_count(backend.engine) == 50
    assert client.sync().checksum_ok
    http.close()
    assert_in_step(db, backend, "studio_a")


def test_server_killed_mid_sync_and_restarted(backend, desktop, make_client):
    db = desktop("a")
    _add_shows(db, 900)
    proxy = CutProxy(backend.server.port)
    try:
        # SIGKILL the backend while the 2nd batch is on its way in: mid-transaction or just before it.
        proxy.on_request(b"POST /sync/push", 2, lambda conn: backend.server.kill())
        client = make_client(db, proxy.url, backend.tokens["studio_a"], batch_ops=300)
        with pytest.raises(OfflineError) as raised:
            client.sync()
        assert "cannot be reached" in str(raised.value)
        assert 0 < _outbox_size(db) <= 900  # what was not acknowledged still waits
    finally:
        proxy.close()
    backend.restart()
    report = make_client(db, backend.server.url, backend.tokens["studio_a"], batch_ops=300).sync()
    assert report.checksum_ok and report.pending_ops == 0
    assert server_record_count(backend.engine) == 900
    assert_in_step(db, backend, "studio_a")


@pytest.mark.parametrize("kill_on", [b"POST /sync/push", b"GET /sync/pull"])
def test_desktop_killed_mid_sync(backend, desktop, make_client, tmp_path, kill_on):
    workspace = Workspace(tmp_path / "desk").ensure()
    # Something to pull (from the head office) and something to push (made by the desktop).
    hq_db = desktop("hq")
    _add_shows(hq_db, 600, "plan")
    make_client(hq_db, backend.server.url, backend.tokens["hq"]).sync()

    from studio_app.store.db import Database

    db = Database.open(workspace.db_path)
    _add_shows(db, 600)
    db.close()
    proxy = CutProxy(backend.server.port)
    env = {**os.environ, "STUDIO_APP_TOKEN": backend.tokens["studio_a"], "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "studio_app",
            "--workspace",
            str(workspace.root),
            "sync",
            "--server",
            proxy.url,
            "--once",
            "--batch",
            "100",
            "--page",
            "100",
        ],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # kill -9 the desktop as its 3rd request of that kind passes the proxy (the server will still answer it).
    proxy.on_request(kill_on, 3, lambda conn: proc.kill())
    proc.communicate(timeout=120)
    proxy.close()
    assert proc.returncode == -9, "the desktop finished before it could be killed"

    db = Database.open(workspace.db_path)
    try:
        from studio_app.clock import SystemClock
        from studio_app.sync.outbox import install

        install(db.engine, SystemClock())
        report = make_client(db, backend.server.url, backend.tokens["studio_a"]).sync()
        assert report.checksum_ok
        with db.session() as s:
            titles = list(s.scalars(select(Show.title)))
        # 600 own + 600 plans (+ the demo show the CLI's first run seeds), each exactly once.
        assert sum(t.startswith("plan ") for t in titles) == 600
        assert sum(t.startswith("show ") for t in titles) == 600
        assert_in_step(db, backend, "studio_a")
    finally:
        db.close()


def test_batch_larger_than_server_accepts(make_backend, desktop, make_client):
    backend = make_backend(max_request_bytes=40_000)
    db = desktop("a")
    _add_shows(db, 400)
    huge = _add_shows(db, 1, "huge", notes="长" * 50_000)[0]
    _add_shows(db, 10, "after")
    client = make_client(db, backend.server.url, backend.tokens["studio_a"], batch_ops=1000)
    # Without asking the server first, the client sends 1000 ops at once, meets 413 and splits.
    client.push()
    with db.session() as s:
        refused = s.scalars(select(SyncConflict)).all()
    assert [(c.kind, c.row_id) for c in refused] == [("rejected", huge)]
    assert "larger than the server accepts" in refused[0].reason
    assert _outbox_size(db) == 0
    assert server_record_count(backend.engine) == 410
    # The refused row stays on the desktop (nothing lost) and shows in the conflict list; the rest agree.
    with db.session() as s:
        assert s.get(Show, huge) is not None
    report = client.sync()
    assert report.mismatched_tables == ("shows",)  # said plainly: one row could not travel
    assert server_record_count(backend.engine) == 410


def test_clock_skew_of_hours_does_not_reorder_edits(backend, desktop, make_client):
    now = datetime.now(UTC)
    slow = FakeClock(start=now - timedelta(hours=5))  # studio A's clock is five hours behind
    fast = FakeClock(start=now + timedelta(hours=3))  # the head office's is three hours ahead
    a_db, hq_db = desktop("a", slow), desktop("hq", fast)
    a = make_client(a_db, backend.server.url, backend.tokens["studio_a"], clock=slow)
    hq = make_client(hq_db, backend.server.url, backend.tokens["hq"], clock=fast)

    (show_id,) = _add_shows(hq_db, 1, "plan")
    hq.sync()
    a.sync()
    slow.advance(60)
    fast.advance(60)
    # The studio edits after it saw the head office's version: its edit must win despite its slow clock.
    with a_db.session() as s:
        s.get(Show, show_id).title = "edited by studio (later)"
    report = a.sync()
    assert "behind the server" in report.clock_warning
    hq.sync()
    with hq_db.session() as s:
        assert s.get(Show, show_id).title == "edited by studio (later)"
    # And the head office, editing after that, wins again.
    fast.advance(60)
    with hq_db.session() as s:
        s.get(Show, show_id).title = "edited by head office (latest)"
    hq.sync()
    a.sync()
    with a_db.session() as s:
        assert s.get(Show, show_id).title == "edited by head office (latest)"
    assert_in_step(a_db, backend, "studio_a")
    assert_in_step(hq_db, backend, "hq")


def test_clock_days_ahead_is_refused_not_adopted(backend, desktop, make_client):
    broken = FakeClock(start=datetime.now(UTC) + timedelta(days=3))
    db = desktop("a", broken)
    (show_id,) = _add_shows(db, 1)
    client = make_client(db, backend.server.url, backend.tokens["studio_a"], clock=broken)
    report = client.sync()
    assert report.rejected_ops == 1
    with db.session() as s:
        (refused,) = s.scalars(select(SyncConflict)).all()
    assert refused.row_id == show_id and "in the future" in refused.reason
    assert server_record_count(backend.engine) == 0


def test_two_studios_syncing_at_once(backend, desktop, make_client):
    dbs = {name: desktop(name) for name in ("studio_a", "studio_b")}
    for name, db in dbs.items():
        _add_shows(db, 800, name)
    clients = {
        n: make_client(db, backend.server.url, backend.tokens[n], batch_ops=100) for n, db in dbs.items()
    }
    errors: list[BaseException] = []

    def run(name: str) -> None:
        try:
            clients[name].sync()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(n,)) for n in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    assert server_record_count(backend.engine) == 1600
    for name, db in dbs.items():
        assert clients[name].sync().checksum_ok
        assert_in_step(db, backend, name)  # each sees its own 800, not the other studio's
    hq_db = desktop("hq")
    report = make_client(hq_db, backend.server.url, backend.tokens["hq"], page_size=300).sync()
    assert report.pulled_changes == 1600 and report.checksum_ok


def test_schema_version_mismatch_is_clear_and_loses_nothing(make_backend, desktop, make_client):
    backend = make_backend(env={"STUDIO_SERVER_SCHEMA": "an-older-format"})
    db = desktop("a")
    _add_shows(db, 20)
    client = make_client(db, backend.server.url, backend.tokens["studio_a"])
    with pytest.raises(SchemaMismatchError) as raised:
        client.sync()
    assert "an-older-format" in str(raised.value) and "no data was lost" in str(raised.value)
    # Pushing without the hello is refused the same way, before anything is applied.
    with pytest.raises(SchemaMismatchError):
        client.push()
    assert _outbox_size(db) == 20
    assert server_record_count(backend.engine) == 0
    backend.server.env = {}
    backend.restart()
    report = make_client(db, backend.server.url, backend.tokens["studio_a"]).sync()
    assert report.pushed_ops == 20 and report.checksum_ok
    assert_in_step(db, backend, "studio_a")


def test_a_push_cut_mid_body_is_answered_not_logged_as_an_error(make_backend):
    """A body that stops half-way (a cut line, a killed desktop) is a fault the server expects: before, each
    one logged an "Exception in ASGI application" traceback (and in a long run filled the log)."""
    import queue
    import socket

    from studio_app.sync.codec import schema_fingerprint

    backend = make_backend(log_level="info")
    proc = backend.server.proc
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()
    head = (
        "POST /sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {backend.tokens['studio_a']}\r\nX-Studio-Node: node-cut\r\n"
        f"X-Studio-Schema: {schema_fingerprint()}\r\nContent-Length: 5000\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", backend.server.port)) as s:
        s.sendall(head.encode() + b'{"ops": [')
    # The server is still serving, and by now has met the end of that body (its access log names the
    # request that came after it).
    import httpx

    assert (
        httpx.get(backend.server.url + "/sync/hello", headers={"Authorization": "Bearer x"}).status_code
        == 401
    )
    seen = ""
    while "/sync/hello" not in seen:
        seen = lines.get(timeout=20)
    proc.terminate()
    proc.wait(timeout=10)
    errors = proc.stderr.read()
    assert "Exception in ASGI application" not in errors and "Traceback" not in errors, errors[-2000:]
    assert server_record_count(backend.engine) == 0
