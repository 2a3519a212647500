from __future__ import annotations

from sqlalchemy import func, select
from sync_harness import assert_in_step, server_record_count

from studio_app.store.models import Show
from studio_app.store.models.sync import SyncOutbox


def _add_shows(db, n: int, prefix: str = "show") -> list[str]:
    ids = []
    with db.session() as s:
        for i in range(n):
            show = Show(title=f"{prefix} {i}", notes="直播带货 " * 3)
            s.add(show)
            s.flush()
            ids.append(show.id)
    return ids


def test_two_desktops_sync_both_ways_through_head_office(backend, desktop, make_client):
    hq_db, a_db = desktop("hq"), desktop("a")
    hq = make_client(hq_db, backend.server.url, backend.tokens["hq"])
    a = make_client(a_db, backend.server.url, backend.tokens["studio_a"])
    plan_ids = _add_shows(hq_db, 3, "plan")
    own_ids = _add_shows(a_db, 5, "own")

    assert hq.sync().pushed_ops == 3
    report = a.sync()
    assert report.pushed_ops == 5 and report.pulled_changes == 3 and report.checksum_ok

    with a_db.session() as s:
        s.get(Show, plan_ids[0]).title = "plan 0, edited in the studio"
    a.sync()
    report = hq.sync()
    assert report.pulled_changes == 6 and report.checksum_ok
    with hq_db.session() as s:
        assert s.get(Show, plan_ids[0]).title == "plan 0, edited in the studio"
        assert s.get(Show, own_ids[4]).title == "own 4"

    assert_in_step(a_db, backend, "studio_a")
    assert_in_step(hq_db, backend, "hq")
    assert server_record_count(backend.engine) == 8
    with a_db.session() as s:
        assert s.scalar(select(func.count()).select_from(SyncOutbox)) == 0


def test_hard_delete_travels_as_a_tombstone_without_ghost_rows(backend, desktop, make_client):
    a_db, hq_db, fresh_db = desktop("a"), desktop("hq"), desktop("hq2")
    a = make_client(a_db, backend.server.url, backend.tokens["studio_a"])
    hq = make_client(hq_db, backend.server.url, backend.tokens["hq"])
    keep, gone, never_synced = _add_shows(a_db, 3)
    with a_db.session() as s:
        s.delete(s.get(Show, never_synced))  # born and deleted offline: travels as a tombstone
    a.sync()
    hq.sync()
    with a_db.session() as s:
        s.delete(s.get(Show, gone))
    assert a.sync().checksum_ok
    assert hq.sync().checksum_ok
    with hq_db.session() as s:
        assert s.get(Show, keep).deleted_at is None
        assert s.get(Show, gone).deleted_at is not None  # a soft delete here, so the deletion is kept
        assert s.get(Show, never_synced) is None  # never seen alive here: no ghost row
    # A workspace that starts from nothing gets the live rows only.
    report = make_client(fresh_db, backend.server.url, backend.tokens["hq"]).sync()
    assert report.checksum_ok
    with fresh_db.session() as s:
        assert s.scalars(select(Show.id)).all() == [keep]
    for db, name in ((a_db, "studio_a"), (hq_db, "hq"), (fresh_db, "hq")):
        assert_in_step(db, backend, name)
