"""Concurrent edits merge per field on every synced table, and a value that lost is always kept.

The rule itself (``sync.merge``, plain data) and then two real desktops against the real server.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

from sqlalchemy import select
from sync_harness import assert_in_step

from studio_app.store.models import Show
from studio_app.store.models.sync import SyncOutbox
from studio_app.sync.conflicts import open_conflicts, restore_version
from studio_app.sync.hlc import Hlc
from studio_app.sync.merge import Stored, merge


def _stamp(ms: int, node: str) -> str:
    return Hlc(1_700_000_000_000 + ms, 0, node).encode()


ROW = {"id": "r", "title": "计划", "notes": "", "updated_at": "t0", "deleted_at": None}
BASE = Stored(dict(ROW), _stamp(0, "a"))


def test_edits_of_different_fields_both_stay() -> None:
    first = merge(
        BASE, {**ROW, "title": "新标题", "updated_at": "t1"}, _stamp(10, "b"), {"title": ["计划"]}, "b"
    )
    second = merge(
        Stored(first.payload, first.hlc, first.field_hlc),
        {**ROW, "notes": "加一句", "updated_at": "t2"},
        _stamp(5, "c"),  # older than b's edit, and made without seeing it
        {"notes": [""], "updated_at": []},
        "c",
    )
    assert second.payload["title"] == "新标题" and second.payload["notes"] == "加一句"
    assert second.op_lost == {} and second.overwritten == {}
    # The record's stamp is its newest column's; each older column keeps its own.
    assert second.hlc == _stamp(10, "b") and "title" not in (second.field_hlc or {})
    assert second.field_hlc is not None and second.field_hlc["notes"] == _stamp(5, "c")


def test_the_same_field_newer_wins_and_the_older_value_is_kept() -> None:
    later = merge(BASE, {**ROW, "title": "总部的"}, _stamp(20, "hq"), {"title": ["计划"]}, "hq")
    earlier = merge(
        Stored(later.payload, later.hlc, later.field_hlc),
        {**ROW, "title": "直播间的"},
        _stamp(10, "a2"),
        {"title": ["计划"]},
        "a2",
    )
    assert earlier.payload["title"] == "总部的"
    assert earlier.op_lost == {"title": "直播间的"}
    assert earlier.version_of(earlier.op_lost) == {**later.payload, "title": "直播间的"}
    # The other order: the newer edit arrives second and replaces a value its author had not seen.
    first = merge(BASE, {**ROW, "title": "直播间的"}, _stamp(10, "a2"), {"title": ["计划"]}, "a2")
    second = merge(
        Stored(first.payload, first.hlc, first.field_hlc),
        {**ROW, "title": "总部的"},
        _stamp(20, "hq"),
        {"title": ["计划"]},
        "hq",
    )
    assert second.payload == earlier.payload
    assert second.overwritten == {_stamp(10, "a2"): {"title": "直播间的"}}


def test_an_edit_made_on_the_current_value_replaces_it_without_a_conflict() -> None:
    first = merge(BASE, {**ROW, "title": "一稿"}, _stamp(10, "a2"), {"title": ["计划"]}, "a2")
    second = merge(
        Stored(first.payload, first.hlc, first.field_hlc),
        {**first.payload, "title": "二稿"},
        _stamp(20, "hq"),
        {"title": ["一稿"]},  # hq had pulled a2's edit
        "hq",
    )
    assert second.payload["title"] == "二稿" and second.overwritten == {} and second.op_lost == {}


def test_an_older_edit_of_the_same_computer_is_only_superseded() -> None:
    newer = merge(BASE, {**ROW, "title": "二稿"}, _stamp(20, "a"), {"title": ["一稿"]}, "a")
    older = merge(
        Stored(newer.payload, newer.hlc, newer.field_hlc), {**ROW, "title": "一稿"}, _stamp(10, "a"), {}, "a"
    )
    assert older.payload["title"] == "二稿" and older.op_lost == {} and not older.changed


def test_bookkeeping_columns_never_make_a_conflict() -> None:
    result = merge(
        Stored({**ROW, "updated_at": "t9"}, _stamp(30, "hq")),
        {**ROW, "updated_at": "t1"},
        _stamp(10, "b"),
        None,  # the same row created on two desktops (a natural key)
        "b",
    )
    assert result.op_lost == {} and result.overwritten == {}


def test_an_offer_that_changes_nothing_never_replaces_a_value() -> None:
    # A repair offer: stamped at the origin of time, ``changed`` empty.
    result = merge(BASE, {**ROW, "title": "旧的"}, Hlc(0, 0, "b").encode(), {}, "b")
    assert result.payload == ROW and not result.changed and result.op_lost == {}


def test_a_deletion_and_an_edit_that_did_not_see_each_other_keep_the_live_version() -> None:
    deleted = {**ROW, "deleted_at": "2026-12-05T00:00:00.000000+00:00"}
    gone = merge(BASE, deleted, _stamp(10, "hq"), {"deleted_at": [None]}, "hq")
    edit = merge(
        Stored(gone.payload, gone.hlc, gone.field_hlc),
        {**ROW, "notes": "还要卖"},
        _stamp(5, "b"),
        {"notes": [""]},
        "b",
    )
    assert edit.payload["deleted_at"] is not None  # the deletion stands ...
    assert edit.version_of(edit.op_lost) == {**ROW, "notes": "还要卖"}  # ... and the edit is kept, live
    # The other order: the deletion arrives after an edit its author never saw.
    edited = merge(BASE, {**ROW, "notes": "还要卖"}, _stamp(5, "b"), {"notes": [""]}, "b")
    late = merge(
        Stored(edited.payload, edited.hlc, edited.field_hlc),
        deleted,
        _stamp(10, "hq"),
        {"deleted_at": [None]},
        "hq",
    )
    assert late.payload["deleted_at"] is not None
    ((_, values),) = late.overwritten.items()
    assert late.version_of(values) == {**ROW, "notes": "还要卖", "updated_at": ROW["updated_at"]}


# ---- end to end: two desktops, the real server ---------------------------------------------------------


def _pair(backend, desktop, make_client):
    hq_db, a_db = desktop("hq"), desktop("a")
    hq = make_client(hq_db, backend.server.url, backend.tokens["hq"])
    a = make_client(a_db, backend.server.url, backend.tokens["studio_a"])
    with a_db.session() as s:
        show = Show(title="双十二专场", notes="")
        s.add(show)
    a.sync()
    hq.sync()
    return hq_db, hq, a_db, a, show.id


def _show(db, show_id: str) -> Show:
    with db.session() as s:
        show = s.get(Show, show_id)
        s.expunge(show)
        return show


def test_two_desktops_editing_different_fields_of_a_show_keep_both(backend, desktop, make_client):
    hq_db, hq, a_db, a, show_id = _pair(backend, desktop, make_client)
    with a_db.session() as s:
        s.get(Show, show_id).title = "双十二专场（改期）"
    with hq_db.session() as s:
        s.get(Show, show_id).notes = "总部：加一款赠品"
    a.sync()
    hq.sync()
    a.sync()
    for db in (hq_db, a_db):
        show = _show(db, show_id)
        assert (show.title, show.notes) == ("双十二专场（改期）", "总部：加一款赠品")
        assert open_conflicts(db.engine) == []
    assert_in_step(a_db, backend, "studio_a")


def test_the_losing_title_is_kept_and_can_be_restored_everywhere(backend, desktop, make_client, fake_clock):
    hq_db, hq, a_db, a, show_id = _pair(backend, desktop, make_client)
    with a_db.session() as s:
        s.get(Show, show_id).title = "直播间的标题"
    with hq_db.session() as s:
        s.get(Show, show_id).title = "总部的标题"
    hq.sync()  # the newer edit first
    a.sync()
    hq.sync()
    for db in (hq_db, a_db):
        assert _show(db, show_id).title == "总部的标题"
        (item,) = open_conflicts(db.engine)
        assert item.payload["title"] == "直播间的标题"
        assert [d[0] for d in item.differences] == ["title"]  # only what lost, nothing else to revert
    (item,) = open_conflicts(a_db.engine)
    restore_version(SimpleNamespace(db=a_db, clock=fake_clock, writer=a.writer), item.id)
    a.sync()
    hq.sync()
    assert _show(hq_db, show_id).title == _show(a_db, show_id).title == "直播间的标题"
    assert_in_step(a_db, backend, "studio_a")


def test_an_edit_of_a_show_deleted_elsewhere_is_kept_and_restores_it(
    backend, desktop, make_client, fake_clock
):
    hq_db, hq, a_db, a, show_id = _pair(backend, desktop, make_client)
    with hq_db.session() as s:
        s.delete(s.get(Show, show_id))
    with a_db.session() as s:
        s.get(Show, show_id).notes = "改了备注"
    hq.sync()
    a.sync()
    hq.sync()
    assert _show(a_db, show_id).deleted_at is not None
    (item,) = open_conflicts(a_db.engine)
    assert item.payload["notes"] == "改了备注" and item.payload["deleted_at"] is None
    restore_version(SimpleNamespace(db=a_db, clock=fake_clock, writer=a.writer), item.id)
    a.sync()
    hq.sync()
    for db in (hq_db, a_db):
        show = _show(db, show_id)
        assert show.deleted_at is None and show.notes == "改了备注"
    assert_in_step(a_db, backend, "studio_a")


def test_a_malformed_stamp_stored_by_an_older_server_never_wins() -> None:
    pinned = Stored(dict(ROW), "9:00000:x")  # sorted above every real stamp as text
    result = merge(pinned, {**ROW, "title": "总部改的"}, _stamp(10, "hq"), {"title": ["计划"]}, "hq")
    assert result.payload["title"] == "总部改的" and result.hlc == _stamp(10, "hq")


def test_an_edit_names_the_columns_it_changed_with_their_earlier_values(desktop) -> None:
    db = desktop("a")
    with db.session() as s:
        show = Show(title="旧标题", notes="旧备注")
        s.add(show)
        s.flush()
        show_id = show.id
    with db.session() as s:
        show = s.get(Show, show_id)
        s.commit()  # every attribute expired: the ORM's history would not know the old title
        show.title = "新标题"
        show.planned_minutes = 90
    with db.engine.connect() as conn:
        last = conn.execute(select(SyncOutbox).order_by(SyncOutbox.seq.desc())).first()
    changed = json.loads(last.changed)
    assert changed.pop("title") == ["旧标题"] and changed.pop("planned_minutes") == [120]
    assert list(changed) == ["updated_at"]  # moved by the update itself; notes untouched
    with db.engine.connect() as conn:
        first = conn.execute(select(SyncOutbox).order_by(SyncOutbox.seq)).first()
    assert first.changed is None  # a new row


def test_one_stamp_on_two_different_values_keeps_the_second_as_a_conflict() -> None:
    # A copied workspace stamped a different edit with a stamp the server already holds.
    first = merge(BASE, {**ROW, "title": "原电脑"}, _stamp(10, "a"), {"title": ["计划"]}, "a")
    again = merge(
        Stored(first.payload, first.hlc, first.field_hlc),
        {**ROW, "title": "复制的工作区"},
        _stamp(10, "a"),
        {"title": ["计划"]},
        "a",
    )
    assert again.payload["title"] == "原电脑" and again.op_lost == {"title": "复制的工作区"}
