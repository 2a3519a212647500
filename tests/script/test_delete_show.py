"""Deleting a show: the repository (tombstone, refused on air), the script panel's "Delete show…" with its
confirmation, the ``script delete-show`` command, and the on-air writer's shutdown while a write is in flight.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from studio_app.cli import main
from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.demo import demo_show
from studio_app.paths import resource_path
from studio_app.promo.session import OnAirSnapshot, SessionPhase
from studio_app.script import repo
from studio_app.script.format import parse_script
from studio_app.script.model import RunLogEvent, RunLogKind
from studio_app.shows import show_rows
from studio_app.store.db import Database
from studio_app.store.models.core import Show
from studio_app.store.models.script import RunLogRow
from studio_app.store.writer import Writer
from studio_app.ui.data_panel import DataPanel
from studio_app.ui.prompter.store_writer import OnAirStoreWriter
from studio_app.ui.script_panel import ScriptPanel
from studio_app.workspace import Workspace

DEMO_TEXT = resource_path("demo", "demo_show.md").read_text(encoding="utf-8")


def _new_show(db: Database, clock: FakeClock, title: str, with_script: bool = True) -> str:
    with db.session() as s:
        show = Show(title=title, created_at=clock.now(), updated_at=clock.now())
        s.add(show)
        s.flush()
        if with_script:
            repo.save_script(s, show.id, parse_script(DEMO_TEXT), source_text=DEMO_TEXT)
        return show.id


def _answer_next_dialog(qtbot: QtBot, button_text: str, seen: list[str]) -> None:
    """Click ``button_text`` in the modal message box about to open (it runs its own event loop)."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        for button in box.findChildren(QPushButton):
            if button.text() == button_text:
                button.click()
                return
        box.reject()

    QTimer.singleShot(0, answer)


# ---- repository -------------------------------------------------------------------------------------------


def test_delete_show_tombstones_it_once_and_refuses_while_on_air(db: Database, fake_clock: FakeClock) -> None:
    show_id = _new_show(db, fake_clock, "周五专场")
    with db.session() as s:
        repo.save_promo_state(s, show_id, {"show_id": show_id, "phase": "on_air"}, fake_clock.now())
    with db.session() as s:
        assert repo.delete_show(s, show_id, fake_clock.now()) is repo.DeleteShowOutcome.ON_AIR
    with db.session() as s:
        show = s.get(Show, show_id)
        assert show is not None and show.deleted_at is None

    with db.session() as s:
        repo.save_promo_state(s, show_id, {"show_id": show_id, "phase": "ended"}, fake_clock.now())
    fake_clock.advance(30)
    deleted_at = fake_clock.now()
    with db.session() as s:
        assert repo.delete_show(s, show_id, deleted_at) is repo.DeleteShowOutcome.DELETED
    fake_clock.advance(30)
    with db.session() as s:
        assert repo.delete_show(s, show_id, fake_clock.now()) is repo.DeleteShowOutcome.NOT_FOUND
        assert repo.delete_show(s, "no-such-show", fake_clock.now()) is repo.DeleteShowOutcome.NOT_FOUND
    with db.session() as s:
        show = s.get(Show, show_id)
        assert show is not None and show.deleted_at == deleted_at  # the first deletion time is kept
        assert show_id not in [row.id for row in show_rows(s)]
        assert repo.load_script(s, show_id) is None  # its script leaves with it


# ---- panel ------------------------------------------------------------------------------------------------


def test_the_panel_deletes_the_chosen_show_after_confirmation_and_moves_on(
    qtbot: QtBot, app_context: AppContext, fake_clock: FakeClock
) -> None:
    fake_clock.advance(60)
    doomed = _new_show(app_context.db, fake_clock, "周六专场")
    with app_context.db.session() as s:
        demo = demo_show(s)
        assert demo is not None
        demo_id = demo.id
    panel = ScriptPanel(app_context)
    qtbot.addWidget(panel)
    try:
        qtbot.waitUntil(lambda: panel._show_id == doomed and panel.controller is not None, timeout=10000)
        assert panel.delete_show_button.isEnabled()

        seen: list[str] = []
        _answer_next_dialog(qtbot, "Cancel", seen)
        panel.delete_current_show()
        assert seen == ["Delete the show “周六专场”?"]
        with app_context.db.session() as s:
            assert s.get(Show, doomed).deleted_at is None  # type: ignore[union-attr]

        _answer_next_dialog(qtbot, "Delete", seen)
        with qtbot.waitSignal(panel.show_deleted, timeout=10000) as deleted:
            panel.delete_current_show()
        assert deleted.args == [doomed]
        qtbot.waitUntil(lambda: panel._show_id == demo_id, timeout=10000)
        assert [panel.show_combo.itemData(i) for i in range(panel.show_combo.count())] == [demo_id]
        with app_context.db.session() as s:
            assert s.get(Show, doomed).deleted_at == fake_clock.now()  # type: ignore[union-attr]
            assert doomed not in [row.id for row in show_rows(s)]

        data = DataPanel(app_context, feed_port=0)
        qtbot.addWidget(data)
        try:
            qtbot.waitUntil(lambda: data.show_combo.count() > 0, timeout=10000)
            assert [data.show_combo.itemData(i) for i in range(data.show_combo.count())] == [demo_id]
        finally:
            data.shutdown()

        # The last show goes too: the selector is empty and says so.
        _answer_next_dialog(qtbot, "Delete", seen)
        with qtbot.waitSignal(panel.loaded, timeout=10000):
            panel.delete_current_show()
        assert panel.show_combo.count() == 0 and panel._show_id is None
        assert not panel.delete_show_button.isEnabled() and panel.controller is None
        assert "No show yet" in panel.status.text()
    finally:
        panel.shutdown()


def test_the_panel_refuses_to_delete_the_show_on_air(
    qtbot: QtBot, app_context: AppContext, fake_clock: FakeClock
) -> None:
    panel = ScriptPanel(app_context)
    qtbot.addWidget(panel)
    try:
        qtbot.waitUntil(lambda: panel.controller is not None, timeout=10000)
        show_id = panel._show_id
        qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
        assert panel.controller is not None and panel.controller.session.phase is SessionPhase.ON_AIR
        panel.delete_current_show()  # no dialog opens: a modal one would block this call
        assert "is on air: end the show before deleting it" in panel.status.text()
        assert QApplication.activeModalWidget() is None
        with app_context.db.session() as s:
            assert s.get(Show, show_id).deleted_at is None  # type: ignore[union-attr]
        assert panel._show_id == show_id and panel.controller.session.phase is SessionPhase.ON_AIR
    finally:
        panel.shutdown()


# ---- CLI --------------------------------------------------------------------------------------------------


def test_cli_delete_show(tmp_path: Path, fake_clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "ws"
    context = AppContext.open(Workspace(ws), clock=fake_clock, seed_demo=False)
    show_id = _new_show(context.db, fake_clock, "周五专场")
    on_air = _new_show(context.db, fake_clock, "正在直播")
    with context.db.session() as s:
        repo.save_promo_state(s, on_air, {"show_id": on_air, "phase": "on_air"}, fake_clock.now())
    context.close()
    base = ["--workspace", str(ws), "--lang", "en", "script"]

    assert main([*base, "delete-show", show_id]) == 0
    assert f"Deleted show {show_id}." in capsys.readouterr().out
    assert main([*base, "delete-show", show_id]) == 1
    assert f"there is no show with id {show_id}" in capsys.readouterr().err
    assert main([*base, "delete-show", on_air]) == 1
    assert f"show {on_air} is on air" in capsys.readouterr().err
    assert main(["--workspace", str(ws), "data", "shows"]) == 0
    listed = capsys.readouterr().out
    assert on_air in listed and show_id not in listed
    assert main([*base, "export", show_id, "-"]) == 1  # its script went with it


# ---- the on-air writer's shutdown -------------------------------------------------------------------------


@pytest.fixture
def store_writer(db: Database) -> Iterator[Writer]:
    writer = Writer(db)
    yield writer
    writer.close()


def _run_log_texts(db: Database, show_id: str) -> list[str]:
    with db.session() as s:
        rows = s.scalars(select(RunLogRow).where(RunLogRow.show_id == show_id).order_by(RunLogRow.at))
        return [str(row.payload.get("text", "")) for row in rows]


def test_writer_close_with_a_write_in_flight_keeps_every_event_in_order(
    qtbot: QtBot, db: Database, store_writer: Writer, fake_clock: FakeClock
) -> None:
    show_id = _new_show(db, fake_clock, "周五专场", with_script=False)
    writer = OnAirStoreWriter(store_writer, show_id, fake_clock)
    written: list[int] = []
    writer.written.connect(written.append)
    for n in range(3):
        fake_clock.advance(1)
        writer.append(RunLogEvent(show_id, RunLogKind.CUE, fake_clock.now(), 0, {"text": f"cue {n}"}))
    assert not writer.is_idle()  # the first batch is in flight, the rest waits for it
    state = OnAirSnapshot(show_id, SessionPhase.ENDED, 260.0, 5, 260.0, True, 0)
    writer.save_state(state)
    writer.close()
    writer.deleteLater()  # the panel goes; the worker's result arrives afterwards
    del writer
    QApplication.processEvents()
    qtbot.waitUntil(lambda: _worker_count() == 0, timeout=10000)
    assert _run_log_texts(db, show_id) == ["cue 0", "cue 1", "cue 2"]
    with db.session() as s:
        assert repo.load_promo_state(s, show_id) == state.to_dict()
    assert written == []  # nothing was emitted after close


def _worker_count() -> int:
    from studio_app.ui.workers import running_count

    return running_count()


def test_panel_shutdown_while_a_run_log_write_is_in_flight(
    qtbot: QtBot, app_context: AppContext, fake_clock: FakeClock
) -> None:
    panel = ScriptPanel(app_context)  # not given to qtbot: this test deletes it
    qtbot.waitUntil(lambda: panel.controller is not None, timeout=10000)
    show_id = panel._show_id
    assert show_id is not None
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)  # SHOW_START etc. go to the writer
    panel.correction_edit.setText("价格口误，已更正")
    panel.log_correction()
    writer = panel.writer
    assert writer is not None and not writer.is_idle()
    panel.shutdown()  # no waiting for the writer first
    shiboken6.delete(panel)  # the panel and its writer are gone before the worker reports back
    assert not shiboken6.isValid(writer)
    qtbot.waitUntil(lambda: _worker_count() == 0, timeout=10000)
    with app_context.db.session() as s:
        kinds = [event.kind for event in repo.list_run_log(s, show_id)]
        corrections = repo.list_corrections(s, show_id)
    assert RunLogKind.SHOW_START in kinds and RunLogKind.CORRECTION in kinds
    assert [c.correction for c in corrections] == ["价格口误，已更正"]


def test_writer_close_waits_for_the_batch_a_worker_is_writing(
    qtbot: QtBot, db: Database, store_writer: Writer, fake_clock: FakeClock
) -> None:
    show_id = _new_show(db, fake_clock, "周五专场", with_script=False)
    writer = OnAirStoreWriter(store_writer, show_id, fake_clock)
    fake_clock.advance(1)
    writer.append(RunLogEvent(show_id, RunLogKind.CUE, fake_clock.now(), 0, {"text": "first"}))
    batch = writer._in_flight
    assert batch is not None
    qtbot.waitUntil(lambda: batch.claimed, timeout=10000)  # the worker has it (writing or written)
    fake_clock.advance(1)
    writer._events.append(RunLogEvent(show_id, RunLogKind.CUE, fake_clock.now(), 0, {"text": "second"}))
    writer.close()
    assert batch.done.is_set()
    assert _run_log_texts(db, show_id) == ["first", "second"]
    writer.deleteLater()
    qtbot.waitUntil(lambda: _worker_count() == 0, timeout=10000)
