"""The one writer: every database write runs here, one operation at a time, in order, on one thread.

SQLite allows one writer at a time; with every pool thread writing, ``busy_timeout`` used to absorb the
lock fights. Here an operation is a function of a :class:`~sqlalchemy.orm.Session` that runs inside one
transaction on the writer's thread and returns a value; the writer hands back that value together with the
tables the transaction changed (:class:`Changes`), so a view refreshes only when its data changed (as Anki's
``OpChanges``). Reads need no writer: WAL lets them run on any thread, beside a write.

The changed tables are read off the statements themselves (an engine event on INSERT, UPDATE and DELETE),
so an operation cannot forget to report what it touched.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import UpdateBase

from studio_app.store.db import Database

log = logging.getLogger(__name__)

T = TypeVar("T")
Op = Callable[[Session], T]
Listener = Callable[["Changes"], None]

_EXTRA_CHANGES = "studio_extra_changes"


@dataclass(frozen=True)
class Changes:
    """The tables one write (or one sync round) changed."""

    tables: frozenset[str] = frozenset()

    def touches(self, *tables: str) -> bool:
        return not self.tables.isdisjoint(tables)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.tables | other.tables)

    def __bool__(self) -> bool:
        return bool(self.tables)


NO_CHANGES = Changes()


@dataclass(frozen=True)
class Written(Generic[T]):
    """What an operation returned, and what it changed."""

    value: T
    changes: Changes


def mark_changed(session: Session, *tables: str) -> None:
    """For writes the engine event cannot name (raw driver SQL): report the tables by hand."""
    session.info.setdefault(_EXTRA_CHANGES, set()).update(tables)


class NestedWriteError(RuntimeError):
    """An operation asked the writer to run another operation and wait for it: that would deadlock."""


class Writer:
    """One thread that runs write operations in the order they arrive.

    ``run`` waits for the result (commands, worker threads, tests); ``submit`` returns a future (the GUI
    hands it to ``ui.workers.run_write``, which calls back on the GUI thread). Listeners hear of every
    committed change on the writer's thread, after the commit.
    """

    def __init__(self, db: Database, name: str = "studio-writer") -> None:
        self._db = db
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._thread_id: int | None = None
        self._collected: set[str] | None = None
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        event.listen(db.engine, "after_execute", self._note_statement)

    @property
    def db(self) -> Database:
        return self._db

    def submit(self, op: Op[T]) -> Future[Written[T]]:
        if self._on_writer_thread():
            raise NestedWriteError("a write operation cannot wait for another write operation")
        return self._executor.submit(self._run, op)

    def run(self, op: Op[T]) -> Written[T]:
        return self.submit(op).result()

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """Hear of every committed change (on the writer's thread); returns the function that stops it."""
        with self._lock:
            self._listeners.append(listener)

        def remove() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return remove

    def publish(self, changes: Changes) -> None:
        """Tell the listeners of changes made outside an operation (a migration, a restore)."""
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:
                log.exception("a change listener failed")

    def close(self) -> None:
        self._executor.shutdown(wait=True)
        if event.contains(self._db.engine, "after_execute", self._note_statement):
            event.remove(self._db.engine, "after_execute", self._note_statement)

    def _on_writer_thread(self) -> bool:
        return self._thread_id is not None and threading.get_ident() == self._thread_id

    def _run(self, op: Op[T]) -> Written[T]:
        self._thread_id = threading.get_ident()
        self._collected = set()
        try:
            with self._db.session() as session:
                value = op(session)
                session.flush()
                extra = session.info.pop(_EXTRA_CHANGES, set())
            changes = Changes(frozenset(self._collected | extra))
        finally:
            self._collected = None
        self.publish(changes)
        return Written(value, changes)

    def _note_statement(self, _conn: Any, clause: Any, *_args: Any) -> None:
        collected = self._collected
        if collected is None or threading.get_ident() != self._thread_id:
            return
        if isinstance(clause, UpdateBase):
            table = getattr(clause, "table", None)
            name = getattr(table, "name", None)
            if name:
                collected.add(name)
