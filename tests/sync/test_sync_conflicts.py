"""Edits made in two places: last writer wins where a table allows it, scripts keep the losing version."""

from __future__ import annotations

import json

from sqlalchemy import select
from sync_harness import assert_in_step

from studio_app.store.models import Show
from studio_app.store.models.script import ScriptRow, ScriptSegmentRow
from studio_app.store.models.sync import SyncConflict


def _script_with_segment(db) -> tuple[str, str]:
    with db.session() as s:
        show = Show(title="双十一专场")
        s.add(show)
        s.flush()
        script = ScriptRow(show_id=show.id, revision=1, title="主脚本", source_text="…")
        s.add(script)
        s.flush()
        segment = ScriptSegmentRow(
            script_id=script.id,
            position=1,
            kind="product",
            title="开场福袋",
            planned_minutes=5.0,
            host_text="原稿",
        )
        s.add(segment)
        s.flush()
        return show.id, segment.id


def _edit_segment(db, segment_id: str, text: str) -> None:
    with db.session() as s:
        s.get(ScriptSegmentRow, segment_id).host_text = text


def _conflicts(db) -> list[SyncConflict]:
    with db.session() as s:
        return list(s.scalars(select(SyncConflict).where(SyncConflict.kind == "conflict")))


def test_concurrent_script_edits_keep_the_losing_version(backend, desktop, make_client):
    hq_db, a_db = desktop("hq"), desktop("a")
    hq = make_client(hq_db, backend.server.url, backend.tokens["hq"])
    a = make_client(a_db, backend.server.url, backend.tokens["studio_a"])
    _, segment_id = _script_with_segment(hq_db)
    hq.sync()
    a.sync()

    # Both edit the same segment while apart; the studio's edit is made later (newer stamp).
    _edit_segment(hq_db, segment_id, "总部改稿")
    _edit_segment(a_db, segment_id, "直播间改稿")
    hq.sync()
    a.sync()
    hq.sync()

    for db in (hq_db, a_db):
        with db.session() as s:
            assert s.get(ScriptSegmentRow, segment_id).host_text == "直播间改稿"
    # The head office's version is not lost: it waits in its conflict list (and the studio's).
    (kept,) = _conflicts(hq_db)
    assert kept.row_id == segment_id and "总部改稿" in kept.payload
    assert any("总部改稿" in c.payload for c in _conflicts(a_db))
    assert_in_step(hq_db, backend, "hq")
    assert_in_step(a_db, backend, "studio_a")


def test_edit_made_on_the_latest_version_is_no_conflict(backend, desktop, make_client):
    hq_db, a_db = desktop("hq"), desktop("a")
    hq = make_client(hq_db, backend.server.url, backend.tokens["hq"])
    a = make_client(a_db, backend.server.url, backend.tokens["studio_a"])
    _, segment_id = _script_with_segment(hq_db)
    hq.sync()
    a.sync()
    _edit_segment(a_db, segment_id, "第一次修改")
    a.sync()
    hq.sync()
    _edit_segment(hq_db, segment_id, "在第一次修改之上")
    hq.sync()
    a.sync()
    assert _conflicts(hq_db) == [] and _conflicts(a_db) == []
    with a_db.session() as s:
        assert s.get(ScriptSegmentRow, segment_id).host_text == "在第一次修改之上"


def test_last_writer_wins_picks_the_same_winner_whatever_the_sync_order(backend, desktop, make_client):
    hq_db, a_db = desktop("hq"), desktop("a")
    hq = make_client(hq_db, backend.server.url, backend.tokens["hq"])
    a = make_client(a_db, backend.server.url, backend.tokens["studio_a"])
    with hq_db.session() as s:
        show = Show(title="计划")
        s.add(show)
    hq.sync()
    a.sync()
    with a_db.session() as s:
        s.get(Show, show.id).title = "studio (earlier)"
    with hq_db.session() as s:
        s.get(Show, show.id).title = "head office (later)"
    # The later edit reaches the server first, the earlier one second: the later still wins.
    hq.sync()
    a.sync()
    hq.sync()
    for db in (hq_db, a_db):
        with db.session() as s:
            assert s.get(Show, show.id).title == "head office (later)"
    # The losing edit is not dropped: both editors' conflict lists keep it (per-field merge, any table).
    for db in (hq_db, a_db):
        kept = _conflicts(db)
        assert [json.loads(c.payload)["title"] for c in kept] == ["studio (earlier)"]
    assert_in_step(a_db, backend, "studio_a")


def test_a_studio_cannot_touch_another_studios_records(backend, desktop, make_client):
    a_db, b_db = desktop("a"), desktop("b")
    a = make_client(a_db, backend.server.url, backend.tokens["studio_a"])
    b = make_client(b_db, backend.server.url, backend.tokens["studio_b"])
    with a_db.session() as s:
        show = Show(title="A 的专场")
        s.add(show)
    a.sync()
    assert b.sync().pulled_changes == 0  # B does not see A's records
    # B forges an edit of A's row (same id): refused, and A's record is untouched.
    with b_db.session() as s:
        s.add(Show(id=show.id, title="B 改的"))
    report = b.sync()
    assert report.rejected_ops == 1
    with b_db.session() as s:
        (refused,) = s.scalars(select(SyncConflict)).all()
    assert "another studio" in refused.reason
    a.sync()
    with a_db.session() as s:
        assert s.get(Show, show.id).title == "A 的专场"
