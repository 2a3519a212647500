from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import require_tool
from sync_harness import PG_BIN, Backend, PostgresCluster, new_backend

from studio_app.clock import Clock, SystemClock
from studio_app.store.db import Database
from studio_app.store.writer import Writer
from studio_app.sync.client import Backoff, SyncClient
from studio_app.sync.outbox import install


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    require_tool("initdb", str(PG_BIN / "initdb"))
    require_tool("runuser")
    cluster = PostgresCluster()
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def make_backend(
    backend_kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Callable[..., Backend]]:
    made: list[Backend] = []

    def make(**server_kwargs: object) -> Backend:
        if backend_kind == "postgresql":
            cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
            url = cluster.new_database()
        else:
            url = f"sqlite:///{tmp_path / f'server{len(made)}.sqlite3'}"
        backend = new_backend(backend_kind, url, **server_kwargs)
        made.append(backend)
        return backend

    yield make
    for backend in made:
        backend.server.stop()
        backend.engine.dispose()


@pytest.fixture
def backend(make_backend: Callable[..., Backend]) -> Backend:
    return make_backend()


@pytest.fixture
def sqlite_backend(tmp_path: Path) -> Iterator[Backend]:
    backend = new_backend("sqlite", f"sqlite:///{tmp_path / 'server.sqlite3'}")
    yield backend
    backend.server.stop()
    backend.engine.dispose()


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Callable[..., Database]]:
    """A desktop workspace database (migrated, with its own outbox), on the given clock."""
    opened: list[Database] = []

    def make(name: str, clock: Clock | None = None) -> Database:
        db = Database.open(tmp_path / name / "studio.sqlite3")
        install(db.engine, clock or SystemClock())
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.close()


def no_sleep(_seconds: float) -> None:
    """Backoff without waiting: the faults here are one-shot, so an immediate retry meets a healed line."""


@pytest.fixture
def make_client() -> Iterator[Callable[..., SyncClient]]:
    clients: list[SyncClient] = []
    # One writer per database, as the app has (a client writes through it).
    writers: dict[int, Writer] = {}

    def make(db: Database, url: str, token: str, **kwargs: object) -> SyncClient:
        kwargs.setdefault("backoff", Backoff(attempts=4, first_s=0.0))
        kwargs.setdefault("sleep", no_sleep)
        if id(db) not in writers:
            writers[id(db)] = Writer(db)
        client = SyncClient(writers[id(db)], url, token, **kwargs)  # type: ignore[arg-type]
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
    for writer in writers.values():
        writer.close()
