"""Writes the on-air run log and session state to the store, off the GUI thread, one batch at a time.

One writer, in order: events queue up while a batch is being written and go in the next one; of the
session state only the newest matters ("latest wins"). On shutdown whatever is left is written before the
window closes, so nothing said on air is lost.

Shutdown is race-free: each batch handed to a worker is a :class:`_Batch` that exactly one party writes,
whoever claims it first. ``close()`` claims a batch the worker has not started yet and writes it itself (in
order, before what is left), or waits for the one being written; results that arrive after ``close()`` are
dropped without touching this (maybe already deleted) Qt object. The worker pool's scheduling (superqt
queues a worker's start through the event loop) therefore cannot reorder or lose a write.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from studio_app.clock import Clock
from studio_app.script import repo
from studio_app.script.model import RunLogEvent, RunLogKind
from studio_app.store.db import Database
from studio_app.ui.workers import run_in_thread

log = logging.getLogger(__name__)

CLOSE_WAIT_S = 10.0  # how long close() waits for a batch a worker is writing


@dataclass
class _Batch:
    events: list[RunLogEvent]
    state: dict[str, Any] | None
    claimed: bool = False  # guarded by the writer's lock
    done: threading.Event = field(default_factory=threading.Event)


class OnAirStoreWriter(QObject):
    written = Signal(int)  # events written in the last batch
    failed = Signal(str)

    def __init__(self, db: Database, show_id: str, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._show_id = show_id
        self._clock = clock
        self._events: list[RunLogEvent] = []
        self._state: dict[str, Any] | None = None
        self._busy = False
        self._closed = False
        self._lock = threading.Lock()
        self._in_flight: _Batch | None = None

    def append(self, event: RunLogEvent) -> None:
        self._events.append(event)
        self._flush()

    def save_state(self, state: dict[str, Any]) -> None:
        self._state = state
        self._flush()

    def is_idle(self) -> bool:
        return not self._busy and not self._events and self._state is None

    def close(self) -> None:
        """Write what is left, synchronously (called once, when the panel shuts down).

        The batch in flight is written first: by this call if its worker has not claimed it yet, else by the
        worker, which is waited for. Nothing this writer started emits a signal afterwards."""
        if self._closed:
            return
        self._closed = True
        batch, self._in_flight = self._in_flight, None
        if batch is not None:
            if self._claim(batch):
                self._write_batch(batch)
            elif not batch.done.wait(CLOSE_WAIT_S):
                log.warning("the run-log write in flight did not finish in %.0f s", CLOSE_WAIT_S)
        events, state = self._take()
        if events or state is not None:
            self._write(events, state)

    def _take(self) -> tuple[list[RunLogEvent], dict[str, Any] | None]:
        events, state = self._events, self._state
        self._events, self._state = [], None
        return events, state

    def _claim(self, batch: _Batch) -> bool:
        with self._lock:
            if batch.claimed:
                return False
            batch.claimed = True
            return True

    def _write_batch(self, batch: _Batch) -> int:
        try:
            return self._write(batch.events, batch.state)
        finally:
            batch.done.set()

    def _run(self, batch: _Batch) -> int | None:
        """On the worker thread: write the batch unless close() took it over."""
        if not self._claim(batch):
            return None
        return self._write_batch(batch)

    def _flush(self) -> None:
        if self._busy or self._closed or (not self._events and self._state is None):
            return
        events, state = self._take()
        batch = _Batch(events, state)
        self._busy = True
        self._in_flight = batch
        run_in_thread(
            self._run,
            batch,
            on_result=lambda count: self._on_result(batch, count),
            on_error=lambda exc: self._on_error(batch, exc),
            on_finished=lambda: self._done(batch),
        )

    # The three callbacks arrive on the GUI thread, possibly after close() and after the panel (this
    # object's parent) was deleted: they look at plain Python attributes first and leave Qt alone then.

    def _on_result(self, batch: _Batch, count: int | None) -> None:
        if not self._closed and count is not None:
            self.written.emit(count)

    def _on_error(self, batch: _Batch, exc: BaseException) -> None:
        if not self._closed:
            self.failed.emit(str(exc))

    def _done(self, batch: _Batch) -> None:
        if self._closed:
            return
        if self._in_flight is batch:
            self._in_flight = None
        self._busy = False
        self._flush()

    def _write(self, events: list[RunLogEvent], state: dict[str, Any] | None) -> int:
        with self._db.session() as session:
            for event in events:
                if event.kind is RunLogKind.CORRECTION:
                    # The correction record (kept three years) writes its own run-log line.
                    repo.log_correction(
                        session,
                        self._show_id,
                        event.at,
                        correction=str(event.payload.get("text", "")),
                        segment_index=event.segment_index,
                    )
                else:
                    repo.append_run_log(
                        session, self._show_id, event.kind, event.at, event.segment_index, event.payload
                    )
            if state is not None:
                repo.save_promo_state(session, self._show_id, state, self._clock.now())
        return len(events)
