"""The one way off the GUI thread and back: results and changes arrive on the GUI thread, in order."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from studio_app.context import AppContext
from studio_app.store.models import Show
from studio_app.store.writer import Changes, NestedWriteError
from studio_app.ui import workers


def test_results_and_errors_come_back_on_the_gui_thread(qtbot: QtBot) -> None:
    gui = threading.get_ident()
    seen: list[tuple[str, object, bool]] = []

    def work(n: int) -> int:
        assert threading.get_ident() != gui, "the job must not run on the GUI thread"
        return n * 2

    def fail() -> None:
        raise ValueError("no camera")

    workers.run_in_thread(work, 21, on_result=lambda v: seen.append(("ok", v, threading.get_ident() == gui)))
    workers.run_in_thread(fail, on_error=lambda e: seen.append(("err", str(e), threading.get_ident() == gui)))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert sorted(seen) == [("err", "no camera", True), ("ok", 42, True)]
    assert QThreadPool.globalInstance().maxThreadCount() == workers.POOL_THREADS


def test_a_result_for_a_closed_widget_is_dropped(qtbot: QtBot) -> None:
    label = QLabel()
    release = threading.Event()
    workers.run_in_thread(lambda: release.wait(5) and "late", on_result=label.setText)
    label.deleteLater()
    QApplication.sendPostedEvents(None, 0)  # the widget is gone before the job ends
    release.set()
    assert workers.wait_for_workers(5)  # delivering to the deleted label would raise RuntimeError


def test_writes_run_in_order_on_one_thread_and_report_what_changed(
    qtbot: QtBot, empty_app_context: AppContext
) -> None:
    context = empty_app_context
    threads: set[int] = set()
    results: list[object] = []
    feed_changes: list[Changes] = []
    workers.change_feed(context.writer).changed.connect(feed_changes.append)

    def add(title: str):  # type: ignore[no-untyped-def]
        def op(session):  # type: ignore[no-untyped-def]
            threads.add(threading.get_ident())
            session.add(Show(title=title))
            return title

        return op

    for n in range(5):
        workers.run_write(context.writer, add(f"show {n}"), on_result=results.append)
    qtbot.waitUntil(lambda: len(results) == 5 and len(feed_changes) == 5, timeout=5000)
    assert [w.value for w in results] == [f"show {n}" for n in range(5)]  # type: ignore[attr-defined]
    assert len(threads) == 1 and threading.get_ident() not in threads
    assert all(c.touches("shows") for c in feed_changes)
    workers.forget_change_feed(context.writer)


def test_a_failed_write_changes_nothing_and_reports_the_error(empty_app_context: AppContext) -> None:
    def op(session):  # type: ignore[no-untyped-def]
        session.add(Show(title="half"))
        session.flush()
        raise RuntimeError("disk full")

    heard: list[Changes] = []
    empty_app_context.writer.add_listener(heard.append)
    with pytest.raises(RuntimeError, match="disk full"):
        empty_app_context.writer.run(op)
    with empty_app_context.db.session() as s:
        assert s.query(Show).count() == 0
    assert heard == []


def test_an_operation_cannot_wait_for_another(empty_app_context: AppContext) -> None:
    writer = empty_app_context.writer
    with pytest.raises(NestedWriteError):
        writer.run(lambda session: writer.run(lambda inner: None))


def test_device_threads_stop_when_asked() -> None:
    ticks: list[int] = []

    def loop(stop: threading.Event) -> None:
        while not stop.wait(0.01):
            ticks.append(1)

    device = workers.DeviceThread("test-loop", loop).start()
    assert device.running
    assert device.stop(timeout_s=2)
    assert not device.running
