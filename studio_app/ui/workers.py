"""The one way to run blocking work (devices, network, big queries) off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from superqt.utils import create_worker
from superqt.utils._qthreading import FunctionWorker

log = logging.getLogger(__name__)

# Workers still running; kept referenced so Qt does not collect them mid-flight, and so the app can wait
# for them at shutdown.
_running: set[FunctionWorker[Any]] = set()


def run_in_thread(
    fn: Callable[..., Any],
    *args: Any,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_finished: Callable[[], None] | None = None,
    **kwargs: Any,
) -> FunctionWorker[Any]:
    """Run ``fn(*args, **kwargs)`` on the global QThreadPool; callbacks arrive on the GUI thread.

    Errors are logged and handed to ``on_error``; without one they are only logged, never raised into Qt.
    """
    worker: FunctionWorker[Any] = create_worker(fn, *args, _start_thread=False, **kwargs)
    if on_result is not None:
        worker.returned.connect(on_result)

    def _errored(exc: BaseException) -> None:
        log.error("background task %s failed", getattr(fn, "__name__", fn), exc_info=exc)
        if on_error is not None:
            on_error(exc)

    worker.errored.connect(_errored)

    def _done() -> None:
        _running.discard(worker)
        if on_finished is not None:
            on_finished()

    worker.finished.connect(_done)
    _running.add(worker)
    worker.start()
    return worker


def running_count() -> int:
    return len(_running)
