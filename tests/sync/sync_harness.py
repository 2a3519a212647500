"""Real parts for the sync tests: a PostgreSQL cluster, the backend as a process, and a TCP proxy to break.

Nothing here is a mock: the backend is ``python -m studio_app serve`` on loopback, PostgreSQL is started
with ``initdb``/``pg_ctl`` in a temporary folder as the ``postgres`` user, and faults are injected by a
proxy that forwards real bytes until told to cut, or by killing real processes.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from studio_app.server import service
from studio_app.server import tables as st
from studio_app.store.db import Database
from studio_app.sync.codec import canonical_json, synced_codecs

REPO = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")


class PostgresCluster:
    """A throwaway cluster on a unix socket in a temp dir, run as ``postgres`` (initdb refuses root)."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="studio-pg-"))
        self.data = self.root / "data"
        self.port = 0
        self._counter = 0

    def _as_postgres(self, *cmd: str) -> subprocess.CompletedProcess[str]:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        return subprocess.run([*prefix, *cmd], check=True, capture_output=True, text=True, timeout=120)

    def start(self) -> None:
        os.chmod(self.root, 0o755)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self._as_postgres(
            str(PG_BIN / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        )
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        options = f"-k {self.root} -p {self.port} -c listen_addresses='' -c fsync=off -c max_connections=200"
        self._as_postgres(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "log"),
            "-w",
            "start",
        )

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError, FileNotFoundError):
            self._as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://postgres@/{dbname}?host={self.root}&port={self.port}"

    def new_database(self) -> str:
        self._counter += 1
        name = f"studio_sync_{os.getpid()}_{self._counter}"
        self._as_postgres(str(PG_BIN / "createdb"), "-h", str(self.root), "-p", str(self.port), name)
        return self.url(name)


class ServerProcess:
    """``python -m studio_app serve`` in a subprocess; the port is read from its first line (port 0)."""

    def __init__(
        self,
        database_url: str,
        max_request_bytes: int | None = None,
        env: dict[str, str] | None = None,
        tls: tuple[Path, Path] | None = None,
        log_level: str | None = None,
        workers: int = 1,
        cwd: Path | None = None,
    ):
        self.database_url = database_url
        self.workers = workers
        self.cwd = cwd or REPO  # another checkout's server (a benchmark comparing versions)
        self.max_request_bytes = max_request_bytes
        self.env = env or {}
        self.tls = tls  # (certificate, key): serve HTTPS
        self.log_level = log_level
        self.proc: subprocess.Popen[str] | None = None
        self.log_path: Path | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        cmd = [sys.executable, "-m", "studio_app", "serve", "--database", self.database_url, "--port", "0"]
        if self.max_request_bytes:
            cmd += ["--max-request-bytes", str(self.max_request_bytes)]
        if self.tls:
            cmd += ["--tls-cert", str(self.tls[0]), "--tls-key", str(self.tls[1])]
        if self.log_level:
            cmd += ["--log-level", self.log_level]
        if self.workers > 1:
            cmd += ["--workers", str(self.workers)]
        env = {**os.environ, **self.env}
        # Its output goes to a file: a pipe nobody reads fills after 64 KiB of log lines (an access log, a
        # client's dropped connections) and then the server blocks in its next write, for good.
        fd, name = tempfile.mkstemp(prefix="studio-serve-", suffix=".log")
        self.log_path = Path(name)
        with os.fdopen(fd, "w") as log:
            self.proc = subprocess.Popen(
                cmd, cwd=self.cwd, env=env, stdout=log, stderr=subprocess.STDOUT, text=True
            )
        deadline = time.monotonic() + 60
        while "://" not in (first := self.output().partition("\n")[0]):
            # The first line is printed once the socket listens: ready when it is there.
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.kill()
                raise RuntimeError(f"server did not start: {self.output()}")
            time.sleep(0.02)
        self.port = int(first.strip().rsplit(":", 1)[1])
        return self

    def output(self) -> str:
        """Everything the server printed and logged so far."""
        return self.log_path.read_text(errors="replace") if self.log_path else ""

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


@dataclass
class Backend:
    """One backend database with its studios; ``server`` is the running process on it."""

    kind: str
    database_url: str
    engine: Engine
    server: ServerProcess
    tokens: dict[str, str]
    studios: dict[str, service.Studio]

    def restart(self, **kwargs: Any) -> None:
        self.server.kill()
        self.server = ServerProcess(self.database_url, **kwargs).start()


def new_backend(kind: str, url: str, **server_kwargs: Any) -> Backend:
    """A backend database with the studios hq (head office), studio_a and studio_b, served by a real
    ``studio-app serve`` process (``server_kwargs`` go to :class:`ServerProcess`)."""
    engine = service.open_engine(url)
    service.create_schema(engine)
    studios, tokens = {}, {}
    for name, head_office in (("hq", True), ("studio_a", False), ("studio_b", False)):
        studio, token = service.add_studio(engine, name, head_office=head_office)
        studios[name], tokens[name] = studio, token
    server = ServerProcess(url, **server_kwargs).start()
    return Backend(kind, url, engine, server, tokens, studios)


class CutProxy:
    """A TCP proxy on loopback that forwards bytes to ``target_port`` and breaks connections on command.

    ``on_request(marker, n, action)`` runs ``action(connection)`` when the n-th occurrence of ``marker`` (e.g.
    ``b"POST /sync/push"``) passes upstream; actions: ``cut_now`` (drop before forwarding),
    ``cut_after_reply``
    (forward the request, drop the answer: a lost acknowledgement), or any callable.
    """

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self._rules: list[tuple[bytes, int, Callable[[_Conn], None]]] = []
        self._counts: dict[bytes, int] = {}
        self._lock = threading.Lock()
        self._conns: list[_Conn] = []
        self._closed = False
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def on_request(self, marker: bytes, n: int, action: Callable[[_Conn], None]) -> None:
        with self._lock:
            self._rules.append((marker, n, action))

    def count(self, marker: bytes) -> int:
        with self._lock:
            return self._counts.get(marker, 0)

    def _accept_loop(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            conn = _Conn(self, client, upstream)
            self._conns.append(conn)
            conn.start()

    def _check_rules(self, data: bytes, conn: _Conn) -> None:
        fired = []
        with self._lock:
            for marker in {m for m, _, _ in self._rules}:
                hits = data.count(marker)
                if hits:
                    self._counts[marker] = self._counts.get(marker, 0) + hits
            for rule in self._rules:
                marker, n, action = rule
                if self._counts.get(marker, 0) >= n:
                    fired.append(rule)
            for rule in fired:
                self._rules.remove(rule)
        for _, _, action in fired:
            action(conn)

    def close(self) -> None:
        self._closed = True
        self.listener.close()
        for conn in self._conns:
            conn.close()


class _Conn:
    def __init__(self, proxy: CutProxy, client: socket.socket, upstream: socket.socket) -> None:
        self.proxy = proxy
        self.client = client
        self.upstream = upstream
        self.drop_upstream = False
        self.drop_reply = False
        self._closed = False

    def start(self) -> None:
        threading.Thread(target=self._pump_up, daemon=True).start()
        threading.Thread(target=self._pump_down, daemon=True).start()

    def _pump_up(self) -> None:
        try:
            while True:
                data = self.client.recv(65536)
                if not data:
                    break
                self.proxy._check_rules(data, self)
                if self.drop_upstream:
                    break
                self.upstream.sendall(data)
        except OSError:
            pass
        self.close()

    def _pump_down(self) -> None:
        try:
            while True:
                data = self.upstream.recv(65536)
                if not data or self.drop_reply:
                    break
                self.client.sendall(data)
        except OSError:
            pass
        self.close()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for s in (self.client, self.upstream):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                s.close()


def cut_now(conn: _Conn) -> None:
    """The request dies half-sent: the server never sees a whole batch."""
    conn.drop_upstream = True
    conn.close()


def cut_after_reply(conn: _Conn) -> None:
    """The request arrives whole, the answer never does (a lost acknowledgement)."""
    conn.drop_reply = True


# ---- comparing both sides -------------------------------------------------------------------------------
def local_records(db: Database) -> dict[tuple[str, str], str]:
    out = {}
    with db.engine.connect() as conn:
        for name, codec in synced_codecs().items():
            for row in conn.execute(select(codec.table)).mappings():
                out[(name, row["id"])] = canonical_json(codec.encode_row(row))
    return out


def server_records(engine: Engine, studio: service.Studio) -> dict[tuple[str, str], str]:
    query = select(st.records.c.table_name, st.records.c.record_id, st.records.c.payload)
    with engine.connect() as conn:
        if not studio.head_office:
            query = query.where(st.records.c.owner_studio_id.in_([studio.id, *service.head_office_ids(conn)]))
        return {(t, r): canonical_json(json.loads(p)) for t, r, p in conn.execute(query)}


def server_record_count(engine: Engine) -> int:
    from sqlalchemy import func

    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(st.records)).scalar_one())


def _live(records: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    return {k: v for k, v in records.items() if service.is_live(v)}


def live_records(db: Database) -> dict[tuple[str, str], str]:
    return _live(local_records(db))


def assert_in_step(db: Database, backend: Backend, studio_name: str) -> None:
    """Live rows equal on both sides; a deletion is the same on both, or (never seen here) absent here."""
    local = local_records(db)
    remote = server_records(backend.engine, backend.studios[studio_name])
    live_local, live_remote = _live(local), _live(remote)
    missing_here = sorted(set(live_remote) - set(live_local))[:5]
    missing_there = sorted(set(live_local) - set(live_remote))[:5]
    assert not missing_here and not missing_there, (
        f"only on server: {missing_here}; only local: {missing_there}"
    )
    differing = [k for k in live_local if live_local[k] != live_remote[k]][:5]
    assert not differing, f"differ: {differing}"
    for key, payload in local.items():
        if key not in live_local:
            assert remote.get(key) == payload, f"deleted here, not so on the server: {key}"
    for key, payload in remote.items():
        if key not in live_remote and key in local:
            assert local[key] == payload, f"deleted on the server, not so here: {key}"


def studio_app(*args: str, workspace: Path, token: str) -> subprocess.CompletedProcess[str]:
    """``studio-app --lang en --workspace W ARGS`` with the studio token in the environment."""
    return subprocess.run(
        [sys.executable, "-m", "studio_app", "--lang", "en", "--workspace", str(workspace), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "STUDIO_APP_TOKEN": token},
    )


def serve_action(*args: str) -> subprocess.CompletedProcess[str]:
    """``studio-app serve ACTION ...`` (add-studio, list-studios, revoke-studio, ...)."""
    return subprocess.run(
        [sys.executable, "-m", "studio_app", "serve", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )


def iter_subprocess_lines(proc: subprocess.Popen[str]) -> Iterator[str]:
    assert proc.stdout is not None
    yield from proc.stdout
