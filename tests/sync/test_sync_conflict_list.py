"""The conflict list: what lost is kept; the user keeps the current version or restores the kept one."""

from __future__ import annotations

from sqlalchemy import func, select
from test_sync_conflicts import _edit_segment, _script_with_segment

from studio_app.store.models.script import ScriptSegmentRow
from studio_app.store.models.sync import SyncOutbox
from studio_app.sync.conflicts import open_conflicts
from studio_app.ui.sync_status import SyncConflictsDialog


def _make_conflict(backend, desktop, make_client):
    hq_db, a_db = desktop("hq"), desktop("a")
    hq = make_client(hq_db, backend.server.url, backend.tokens["hq"])
    a = make_client(a_db, backend.server.url, backend.tokens["studio_a"])
    _, segment_id = _script_with_segment(hq_db)
    hq.sync()
    a.sync()
    _edit_segment(hq_db, segment_id, "总部改稿")
    _edit_segment(a_db, segment_id, "直播间改稿")
    hq.sync()
    a.sync()
    hq.sync()
    return hq_db, hq, a_db, a, segment_id


def test_restoring_the_kept_version_makes_it_current_everywhere(
    qtbot, sqlite_backend, desktop, make_client, fake_clock
):
    hq_db, hq, a_db, a, segment_id = _make_conflict(sqlite_backend, desktop, make_client)
    (item,) = open_conflicts(hq_db.engine)
    assert item.label == "开场福袋" and item.table_name == "script_segments"
    assert item.payload["host_text"] == "总部改稿"

    context = type("Ctx", (), {"db": hq_db, "clock": fake_clock, "writer": hq.writer})()
    dialog = SyncConflictsDialog(context)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 0).text() == "开场福袋"
    assert dialog.table.item(0, 1).text() == "Script segment"  # the studio's word, not the table's name
    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()
    assert dialog.detail.toPlainText() == "Host's lines: kept “总部改稿”, now “直播间改稿”"
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)

    with hq_db.session() as s:
        assert s.get(ScriptSegmentRow, segment_id).host_text == "总部改稿"
        assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 1  # the restore travels
    hq.sync()
    a.sync()
    with a_db.session() as s:
        assert s.get(ScriptSegmentRow, segment_id).host_text == "总部改稿"
    assert open_conflicts(hq_db.engine) == []


def test_keeping_the_current_version_closes_the_entry(
    qtbot, sqlite_backend, desktop, make_client, fake_clock
):
    hq_db, hq, _, _, segment_id = _make_conflict(sqlite_backend, desktop, make_client)
    context = type("Ctx", (), {"db": hq_db, "clock": fake_clock, "writer": hq.writer})()
    dialog = SyncConflictsDialog(context)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog.keep_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)
    with hq_db.session() as s:
        assert s.get(ScriptSegmentRow, segment_id).host_text == "直播间改稿"
        assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 0
