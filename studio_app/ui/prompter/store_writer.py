"""Hands the on-air run log and session state to the one writer, one batch at a time.

Events queue up while a batch is being written and go in the next one; of the session state only the newest
matters ("latest wins"). The writer runs operations in the order they arrive, so ``close()`` only queues
what is left and waits for it: every batch before it is written first, nothing said on air is lost.
Results that arrive after ``close()`` are dropped without touching this (maybe already deleted) Qt object.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from studio_app.clock import Clock
from studio_app.promo.service import record_batch_op
from studio_app.promo.session import OnAirSnapshot
from studio_app.script.model import RunLogEvent
from studio_app.store.writer import Op, Writer, Written
from studio_app.ui.workers import run_write

log = logging.getLogger(__name__)

CLOSE_WAIT_S = 10.0  # how long close() waits for what is left to be written


@dataclass
class _Batch:
    events: list[RunLogEvent]
    state: OnAirSnapshot | None
    claimed: bool = False  # the writer thread has started on it
    done: threading.Event = field(default_factory=threading.Event)


class OnAirStoreWriter(QObject):
    written = Signal(int)  # events written in the last batch
    failed = Signal(str)

    def __init__(self, writer: Writer, show_id: str, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = writer
        self._show_id = show_id
        self._clock = clock
        self._events: list[RunLogEvent] = []
        self._state: OnAirSnapshot | None = None
        self._closed = False
        self._in_flight: _Batch | None = None

    def append(self, event: RunLogEvent) -> None:
        self._events.append(event)
        self._flush()

    def save_state(self, state: OnAirSnapshot) -> None:
        self._state = state
        self._flush()

    def is_idle(self) -> bool:
        return self._in_flight is None and not self._events and self._state is None

    def close(self) -> None:
        """Write what is left and wait for it (called once, when the panel shuts down).

        Nothing this object started emits a signal afterwards."""
        if self._closed:
            return
        self._closed = True
        events, state = self._take()
        if events or state is not None:
            tail = _Batch(events, state)
            future = self._writer.submit(self._op(tail))
        elif self._in_flight is not None:
            tail = self._in_flight
            future = None
        else:
            return
        if future is not None:
            try:
                future.result(timeout=CLOSE_WAIT_S)
            except Exception:
                log.exception("the last run-log write failed")
        elif not tail.done.wait(CLOSE_WAIT_S):
            log.warning("the run-log write in flight did not finish in %.0f s", CLOSE_WAIT_S)

    def _take(self) -> tuple[list[RunLogEvent], OnAirSnapshot | None]:
        events, state = self._events, self._state
        self._events, self._state = [], None
        return events, state

    def _op(self, batch: _Batch) -> Op[int]:
        def started() -> None:
            batch.claimed = True

        return record_batch_op(
            self._show_id, batch.events, batch.state, self._clock, started=started, finished=batch.done.set
        )

    def _flush(self) -> None:
        if self._in_flight is not None or self._closed or (not self._events and self._state is None):
            return
        events, state = self._take()
        batch = _Batch(events, state)
        self._in_flight = batch
        run_write(
            self._writer,
            self._op(batch),
            on_result=lambda written: self._on_result(batch, written),
            on_error=lambda exc: self._on_error(batch, exc),
        )

    # The callbacks arrive on the GUI thread, possibly after close() and after the panel (this object's
    # parent) was deleted: they look at plain Python attributes first and leave Qt alone then.

    def _on_result(self, batch: _Batch, written: Written[int]) -> None:
        if self._closed:
            return
        self.written.emit(written.value)
        self._next(batch)

    def _on_error(self, batch: _Batch, exc: BaseException) -> None:
        if self._closed:
            return
        self.failed.emit(str(exc))
        self._next(batch)

    def _next(self, batch: _Batch) -> None:
        if self._in_flight is batch:
            self._in_flight = None
        self._flush()
