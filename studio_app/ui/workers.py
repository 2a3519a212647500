"""The one way to work off the GUI thread, and the one way back onto it.

Three kinds of background work, each with one helper:

- **Short jobs** (a query, a file read, one probe, an HTTP round): :func:`run_in_thread`, on Qt's global
  thread pool, sized once here (:data:`POOL_THREADS`).
- **Writes**: :func:`run_write`, on the context's single writer thread (``store/writer.py``); the result
  and what it changed come back on the GUI thread, and :class:`ChangeFeed` tells every panel what changed.
- **Device loops** that run as long as a view is open (camera preview, frame counter, a feed server):
  :class:`DeviceThread`, a thread of their own, so a never-ending loop never holds a pool thread.

Whatever runs off the GUI thread talks to widgets only through signals; callbacks given to these helpers
are always called on the GUI thread.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from shiboken6 import isValid

from studio_app.store.writer import Changes, Op, Writer, Written

log = logging.getLogger(__name__)

T = TypeVar("T")

# Two cores are common on a studio's PC; jobs are mostly I/O waits (probes, network, SQLite reads), so a
# few more threads than cores keeps a slow probe from queueing a quick query behind it, without letting a
# burst of jobs starve the GUI thread.
POOL_THREADS = max(4, min(8, (os.cpu_count() or 2) * 2))

# Work still running; kept referenced so Qt does not collect it mid-flight, and so the app can wait for it
# at shutdown.
_running: set[object] = set()
_devices: set[DeviceThread] = set()
_pool_sized = False


def thread_pool() -> QThreadPool:
    global _pool_sized
    pool = QThreadPool.globalInstance()
    if not _pool_sized:
        pool.setMaxThreadCount(POOL_THREADS)
        _pool_sized = True
    return pool


def _alive(callback: Callable[..., Any] | None) -> bool:
    """False for a bound method of a widget that is gone (as a Qt connection to it would be dropped)."""
    owner = getattr(callback, "__self__", None)
    return callback is not None and (not isinstance(owner, QObject) or isValid(owner))


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted from another thread reaches it queued, on the GUI thread."""

    delivered = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        app = QCoreApplication.instance()
        if app is not None and self.thread() is not app.thread():
            self.moveToThread(app.thread())
        _running.add(self)


class _Job(QRunnable):
    """One short job on the pool; its outcome goes back through a relay that lives on the GUI thread."""

    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            outcome: tuple[bool, Any] = (True, self._fn())
        except BaseException as exc:  # handed to on_error, never lost in a pool thread
            outcome = (False, exc)
        self._relay.delivered.emit(outcome)


def run_in_thread(
    fn: Callable[..., Any],
    *args: Any,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_finished: Callable[[], None] | None = None,
    **kwargs: Any,
) -> None:
    """Run ``fn(*args, **kwargs)`` on the pool; callbacks arrive on the GUI thread.

    Errors are logged and handed to ``on_error``; without one they are only logged, never raised into Qt.
    (A QRunnable of our own rather than superqt's worker: superqt pulls in qtpy and QtOpenGL, a tenth of a
    second of every start, for what is these twenty lines.)
    """
    relay = _Relay()

    def deliver(outcome: tuple[bool, Any]) -> None:
        _running.discard(relay)
        ok, value = outcome
        try:
            if ok:
                if on_result is not None and _alive(on_result):
                    on_result(value)
            else:
                log.error("background task %s failed", getattr(fn, "__name__", fn), exc_info=value)
                if on_error is not None and _alive(on_error):
                    on_error(value)
        finally:
            if on_finished is not None and _alive(on_finished):
                on_finished()
            relay.deleteLater()

    relay.delivered.connect(deliver)
    thread_pool().start(_Job(lambda: fn(*args, **kwargs), relay))


def run_write(
    writer: Writer,
    op: Op[T],
    on_result: Callable[[Written[T]], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> Future[Written[T]]:
    """Queue ``op`` on the writer; ``on_result(written)`` or ``on_error(exc)`` is called on the GUI thread."""
    relay = _Relay()

    def deliver(future: Future[Written[T]]) -> None:
        _running.discard(relay)
        exc = future.exception()
        if exc is not None:
            log.error("write %s failed", getattr(op, "__name__", op), exc_info=exc)
            if on_error is not None and _alive(on_error):
                on_error(exc)
        elif on_result is not None and _alive(on_result):
            on_result(future.result())
        relay.deleteLater()

    # Queued even when the write is already done: the caller never sees its callback run inside the call.
    relay.delivered.connect(deliver, Qt.ConnectionType.QueuedConnection)
    future = writer.submit(op)
    future.add_done_callback(relay.delivered.emit)
    return future


class ChangeFeed(QObject):
    """What the writer (and sync) changed, delivered on the GUI thread; a panel refreshes what it shows
    only when ``changes.touches(...)`` its tables."""

    changed = Signal(object)  # Changes

    def __init__(self, writer: Writer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._remove = writer.add_listener(self.changed.emit)
        self.destroyed.connect(lambda *_: self._remove())

    def stop(self) -> None:
        self._remove()


_feeds: dict[int, ChangeFeed] = {}


def change_feed(writer: Writer) -> ChangeFeed:
    """The one feed of a writer (made on first use, on the GUI thread)."""
    feed = _feeds.get(id(writer))
    if feed is None:
        feed = _feeds[id(writer)] = ChangeFeed(writer, QCoreApplication.instance())
    return feed


def forget_change_feed(writer: Writer) -> None:
    feed = _feeds.pop(id(writer), None)
    if feed is not None:
        feed.stop()


class DeviceThread:
    """A device loop on a thread of its own, for as long as a view needs it.

    ``loop(stop)`` runs until ``stop`` (a :class:`threading.Event`) is set, and reports only through Qt
    signals of objects that live on the GUI thread (latest value wins; a slow view drops stale frames).
    :meth:`stop` asks it to end and waits a bounded time; :func:`wait_for_workers` stops every one still
    running at exit.
    """

    def __init__(self, name: str, loop: Callable[[threading.Event], None]) -> None:
        self.name = name
        self._loop = loop
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> DeviceThread:
        if self.running:
            return self
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._main, name=self.name, daemon=True)
        _devices.add(self)
        self._thread.start()
        return self

    def stop(self, timeout_s: float = 3.0) -> bool:
        """Ask the loop to end; True when it did within ``timeout_s``."""
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout_s)
        ended = thread is None or not thread.is_alive()
        if ended:
            _devices.discard(self)
        else:
            log.warning("device thread %s did not stop within %.1f s", self.name, timeout_s)
        return ended

    def _main(self) -> None:
        try:
            self._loop(self._stop)
        except Exception:
            log.exception("device thread %s failed", self.name)
        finally:
            _devices.discard(self)


def running_count() -> int:
    return len(_running) + len(_devices)


def wait_for_workers(timeout_s: float = 10.0) -> bool:
    """Let running work finish before the QApplication goes away; True when none is left.

    A worker that emits after the application is destroyed crashes the process. Events are processed
    while waiting because results are delivered to the GUI thread through the event loop.
    """
    for device in list(_devices):
        device.stop(timeout_s=min(3.0, timeout_s))
    deadline = time.monotonic() + timeout_s
    app = QCoreApplication.instance()
    while _running and time.monotonic() < deadline:
        if app is not None:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        thread_pool().waitForDone(20)
    if _running:
        log.warning("%d background task(s) still running at exit", len(_running))
    return not _running


__all__ = [
    "POOL_THREADS",
    "ChangeFeed",
    "Changes",
    "DeviceThread",
    "change_feed",
    "run_in_thread",
    "run_write",
    "thread_pool",
    "wait_for_workers",
]
