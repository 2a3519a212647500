"""The one way to run blocking work (devices, network, big queries) off the GUI thread."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QThreadPool
from superqt.utils import FunctionWorker, create_worker

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
    # _ignore_errors: errors go to on_error (or the log), never re-raised into the Qt event loop.
    worker: FunctionWorker[Any] = create_worker(fn, *args, _start_thread=False, _ignore_errors=True, **kwargs)
    if on_result is not None:
        worker.returned.connect(on_result)

    def _errored(exc: BaseException) -> None:
        log.error("background task %s failed", getattr(fn, "__name__", fn), exc_info=exc)
        if on_error is not None:
            on_error(exc)

    worker.errored.connect(_errored)

    def _done(*_signal_args: object) -> None:
        _running.discard(worker)
        if on_finished is not None:
            on_finished()

    worker.finished.connect(_done)
    _running.add(worker)
    worker.start()
    return worker


def running_count() -> int:
    return len(_running)


def wait_for_workers(timeout_s: float = 10.0) -> bool:
    """Let running work finish before the QApplication goes away; True when none is left.

    A worker that emits after the application is destroyed crashes the process. Events are processed
    while waiting because superqt starts queued workers, and delivers their "finished", through the
    event loop.
    """
    deadline = time.monotonic() + timeout_s
    app = QCoreApplication.instance()
    while _running and time.monotonic() < deadline:
        if app is not None:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QThreadPool.globalInstance().waitForDone(20)
    if _running:
        log.warning("%d background task(s) still running at exit", len(_running))
    return not _running
