"""Writes the on-air run log and session state to the store, off the GUI thread, one batch at a time.

One writer, in order: events queue up while a batch is being written and go in the next one; of the
session state only the newest matters ("latest wins"). On shutdown whatever is left is written before the
window closes, so nothing said on air is lost.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from studio_app.clock import Clock
from studio_app.script import repo
from studio_app.script.model import RunLogEvent, RunLogKind
from studio_app.store.db import Database
from studio_app.ui.workers import run_in_thread

log = logging.getLogger(__name__)


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

    def append(self, event: RunLogEvent) -> None:
        self._events.append(event)
        self._flush()

    def save_state(self, state: dict[str, Any]) -> None:
        self._state = state
        self._flush()

    def is_idle(self) -> bool:
        return not self._busy and not self._events and self._state is None

    def close(self) -> None:
        """Write what is left, synchronously (called once, when the panel shuts down)."""
        self._closed = True
        if self._busy:
            QThreadPool.globalInstance().waitForDone(5000)
        events, state = self._take()
        if events or state is not None:
            self._write(events, state)

    def _take(self) -> tuple[list[RunLogEvent], dict[str, Any] | None]:
        events, state = self._events, self._state
        self._events, self._state = [], None
        return events, state

    def _flush(self) -> None:
        if self._busy or self._closed or (not self._events and self._state is None):
            return
        events, state = self._take()
        self._busy = True
        run_in_thread(
            self._write,
            events,
            state,
            on_result=lambda count: self.written.emit(count),
            on_error=lambda exc: self.failed.emit(str(exc)),
            on_finished=self._done,
        )

    def _done(self) -> None:
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
