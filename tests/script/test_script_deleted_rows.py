"""Deleted (tombstoned) shows, script revisions, products, segments and run-log events are shown nowhere.

A deletion made at the head office or on another desktop arrives through sync as ``deleted_at`` set on the
row; the tests set it the same way, on the real workspace database.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from studio_app.cli import main
from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.demo import demo_show
from studio_app.paths import resource_path
from studio_app.promo.session import SessionPhase
from studio_app.script import repo
from studio_app.script.format import parse_script
from studio_app.script.model import RunLogKind
from studio_app.store.db import Database
from studio_app.store.live import tombstone
from studio_app.store.models.core import Show
from studio_app.store.models.script import RunLogRow, ScriptProductRow, ScriptRow, ScriptSegmentRow
from studio_app.ui.script_panel import ScriptPanel
from studio_app.workspace import Workspace

DEMO_TEXT = resource_path("demo", "demo_show.md").read_text(encoding="utf-8")


def _new_show(db: Database, clock: FakeClock, title: str) -> str:
    with db.session() as s:
        show = Show(title=title, created_at=clock.now(), updated_at=clock.now())
        s.add(show)
        s.flush()
        return show.id


def _tombstone_show(db: Database, show_id: str, clock: FakeClock) -> None:
    with db.session() as s:
        show = s.get(Show, show_id)
        assert show is not None
        tombstone(show, clock.now())


def test_a_deleted_revision_falls_back_to_the_one_before_and_its_number_is_not_reused(
    db: Database, fake_clock: FakeClock
) -> None:
    show_id = _new_show(db, fake_clock, "周五专场")
    script = parse_script(DEMO_TEXT)
    with db.session() as s:
        repo.save_script(s, show_id, script, source_text=DEMO_TEXT)
        second = repo.save_script(s, show_id, parse_script("# 改版\n"), source_text="# 改版\n")
        tombstone(second, fake_clock.now())
    with db.session() as s:
        assert repo.load_script_source(s, show_id) == DEMO_TEXT
        loaded = repo.load_script(s, show_id)
        assert loaded is not None and loaded.title == script.title
        third = repo.save_script(s, show_id, script, source_text=DEMO_TEXT)
        assert third.revision == 3  # "revision 2" stays the deleted one's number


def test_deleted_products_and_segments_are_left_out_of_the_script(
    db: Database, fake_clock: FakeClock
) -> None:
    show_id = _new_show(db, fake_clock, "周五专场")
    script = parse_script(DEMO_TEXT)
    assert len(script.products) >= 2 and len(script.segments) >= 2
    with db.session() as s:
        row = repo.save_script(s, show_id, script, source_text=DEMO_TEXT)
        first_product = s.scalars(
            select(ScriptProductRow).where(
                ScriptProductRow.script_id == row.id, ScriptProductRow.position == 0
            )
        ).one()
        last_segment = s.scalars(
            select(ScriptSegmentRow)
            .where(ScriptSegmentRow.script_id == row.id)
            .order_by(ScriptSegmentRow.position.desc())
        ).first()
        assert last_segment is not None
        tombstone(first_product, fake_clock.now())
        tombstone(last_segment, fake_clock.now())
    with db.session() as s:
        loaded = repo.load_script(s, show_id)
    assert loaded is not None
    assert [p.name for p in loaded.products] == [p.name for p in script.products[1:]]
    assert [seg.title for seg in loaded.segments] == [seg.title for seg in script.segments[:-1]]


def test_deleted_run_log_events_and_shows_are_not_listed(db: Database, fake_clock: FakeClock) -> None:
    show_id = _new_show(db, fake_clock, "周五专场")
    with db.session() as s:
        repo.save_script(s, show_id, parse_script(DEMO_TEXT), source_text=DEMO_TEXT)
        repo.append_run_log(s, show_id, RunLogKind.SEGMENT_START, fake_clock.now(), 0, {"title": "开场"})
        fake_clock.advance(30)
        wrong = repo.append_run_log(s, show_id, RunLogKind.SEGMENT_END, fake_clock.now(), 0, {})
        event = s.get(RunLogRow, wrong.id)
        assert event is not None
        tombstone(event, fake_clock.now())
    with db.session() as s:
        assert [e.kind for e in repo.list_run_log(s, show_id)] == [RunLogKind.SEGMENT_START]
    _tombstone_show(db, show_id, fake_clock)
    with db.session() as s:
        assert repo.load_script(s, show_id) is None
        assert repo.load_script_source(s, show_id) is None
        assert repo.current_script_row(s, show_id) is None
        assert (
            s.scalars(select(ScriptRow).where(ScriptRow.show_id == show_id)).first() is not None
        )  # for sync


def test_a_deleted_demo_show_is_not_the_demo_any_more(app_context: AppContext, fake_clock: FakeClock) -> None:
    with app_context.db.session() as s:
        show = demo_show(s)
        assert show is not None
        show_id = show.id
    _tombstone_show(app_context.db, show_id, fake_clock)
    with app_context.db.session() as s:
        assert demo_show(s) is None
    # The next start does not seed it again: the user deleted it on purpose.
    again = AppContext.open(app_context.workspace, clock=fake_clock)
    try:
        with again.db.session() as s:
            assert demo_show(s) is None
            assert [sh.id for sh in s.scalars(select(Show).where(Show.is_demo.is_(True)))] == [show_id]
    finally:
        again.close()


def test_cli_export_and_import_refuse_a_deleted_show(
    tmp_path: Path, fake_clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "ws"
    context = AppContext.open(Workspace(ws), clock=fake_clock, seed_demo=False)
    show_id = _new_show(context.db, fake_clock, "周五专场")
    with context.db.session() as s:
        repo.save_script(s, show_id, parse_script(DEMO_TEXT), source_text=DEMO_TEXT)
    assert main(["--workspace", str(ws), "--lang", "en", "script", "export", show_id, "-"]) == 0
    assert capsys.readouterr().out == DEMO_TEXT
    _tombstone_show(context.db, show_id, fake_clock)
    context.close()

    out = tmp_path / "out.md"
    code = main(["--workspace", str(ws), "--lang", "en", "script", "export", show_id, str(out)])
    captured = capsys.readouterr()
    assert code == 1 and not out.exists()
    assert f"show {show_id} has no script (or there is no such show)" in captured.err
    demo_file = tmp_path / "demo.md"
    demo_file.write_text(DEMO_TEXT, encoding="utf-8")
    code = main(
        ["--workspace", str(ws), "--lang", "en", "script", "import", str(demo_file), "--show", show_id]
    )
    assert code == 1 and f"there is no show with id {show_id}" in capsys.readouterr().err


def test_the_script_panel_offers_live_shows_only(
    qtbot: QtBot, app_context: AppContext, fake_clock: FakeClock
) -> None:
    with app_context.db.session() as s:
        demo = demo_show(s)
        assert demo is not None
        demo_id = demo.id
    fake_clock.advance(60)
    other = _new_show(app_context.db, fake_clock, "周六专场")
    with app_context.db.session() as s:
        repo.save_script(s, other, parse_script("# 周六专场\n"), source_text="# 周六专场\n")
    _tombstone_show(app_context.db, other, fake_clock)

    panel = ScriptPanel(app_context)
    qtbot.addWidget(panel)
    try:
        qtbot.waitUntil(lambda: panel.controller is not None, timeout=10000)
        offered = [panel.show_combo.itemData(i) for i in range(panel.show_combo.count())]
        assert offered == [demo_id]
        assert panel._script is not None and panel._script.title != "周六专场"
    finally:
        panel.shutdown()


def test_when_the_open_show_is_deleted_elsewhere_the_panel_moves_to_a_live_one(
    qtbot: QtBot, app_context: AppContext, fake_clock: FakeClock
) -> None:
    fake_clock.advance(60)
    other = _new_show(app_context.db, fake_clock, "周六专场")
    with app_context.db.session() as s:
        repo.save_script(s, other, parse_script(DEMO_TEXT), source_text=DEMO_TEXT)
        demo = demo_show(s)
        assert demo is not None
        demo_id = demo.id
    panel = ScriptPanel(app_context)
    qtbot.addWidget(panel)
    try:
        qtbot.waitUntil(lambda: panel._show_id == other and panel.controller is not None, timeout=10000)
        # Nothing deleted: the list reloads and the open show (and its editor) stay.
        panel.editor.setPlainText(DEMO_TEXT + "\n未保存的修改")
        with qtbot.waitSignal(panel.shows_refreshed, timeout=10000):
            panel.reload_lists()
        assert panel._show_id == other and panel.editor.toPlainText().endswith("未保存的修改")
        assert panel.show_combo.currentData() == other

        _tombstone_show(app_context.db, other, fake_clock)
        with qtbot.waitSignal(panel.loaded, timeout=10000):
            panel.reload_lists()
        assert panel._show_id == demo_id
        assert [panel.show_combo.itemData(i) for i in range(panel.show_combo.count())] == [demo_id]
    finally:
        panel.shutdown()


def test_a_show_on_air_keeps_running_when_it_is_deleted_elsewhere(
    qtbot: QtBot, app_context: AppContext, fake_clock: FakeClock
) -> None:
    panel = ScriptPanel(app_context)
    qtbot.addWidget(panel)
    try:
        qtbot.waitUntil(lambda: panel.controller is not None, timeout=10000)
        show_id = panel._show_id
        assert show_id is not None
        qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
        assert panel.controller is not None and panel.controller.session.phase is SessionPhase.ON_AIR
        _tombstone_show(app_context.db, show_id, fake_clock)
        with qtbot.waitSignal(panel.shows_refreshed, timeout=10000):
            panel.reload_lists()
        assert panel._show_id == show_id and panel.controller.session.phase is SessionPhase.ON_AIR
        assert "deleted on another computer" in panel.status.text()
    finally:
        panel.shutdown()
