"""The on-air session's use-cases against the store: resume a show, keep its run log and state; no Qt.

The prompter's store writer batches events and hands each batch to :func:`record_batch_op`, which the one
writer runs; reads open their own session on any thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session

from studio_app.clock import Clock
from studio_app.promo.session import OnAirSnapshot
from studio_app.script import repo
from studio_app.script.model import RunLogEvent, RunLogKind
from studio_app.store.handle import StoreHandle
from studio_app.store.writer import Written


def _nothing() -> None:
    pass


def record_batch_op(
    show_id: str,
    events: Sequence[RunLogEvent],
    state: OnAirSnapshot | None,
    clock: Clock,
    *,
    started: Callable[[], None] = _nothing,
    finished: Callable[[], None] = _nothing,
) -> Callable[[Session], int]:
    """A write operation: the events in order, then the newest state; returns how many events it wrote.

    ``started`` and ``finished`` are called on the writer's thread around the write (``finished`` also when
    it fails), so a caller shutting down can tell a batch being written from one still queued."""

    def op(session: Session) -> int:
        started()
        try:
            return _record(session, show_id, events, state, clock)
        finally:
            finished()

    return op


def _record(
    session: Session, show_id: str, events: Sequence[RunLogEvent], state: OnAirSnapshot | None, clock: Clock
) -> int:
    for event in events:
        if event.kind is RunLogKind.CORRECTION:
            # The correction record (kept three years) writes its own run-log line.
            repo.log_correction(
                session,
                show_id,
                event.at,
                correction=str(event.payload.get("text", "")),
                segment_index=event.segment_index,
            )
        else:
            repo.append_run_log(session, show_id, event.kind, event.at, event.segment_index, event.payload)
    if state is not None:
        repo.save_promo_state(session, show_id, state.to_dict(), clock.now())
    return len(events)


class OnAirService:
    def __init__(self, handle: StoreHandle) -> None:
        self._handle = handle

    def saved_snapshot(self, show_id: str) -> OnAirSnapshot | None:
        """The show's saved on-air state, for resuming; None when never saved. Raises SessionError when the
        saved state cannot be read."""
        with self._handle.db.session() as s:
            stored = repo.load_promo_state(s, show_id)
        return None if stored is None else OnAirSnapshot.from_dict(stored)

    def record(
        self, show_id: str, events: Sequence[RunLogEvent], state: OnAirSnapshot | None = None
    ) -> Written[int]:
        return self._handle.writer.run(record_batch_op(show_id, events, state, self._handle.clock))
