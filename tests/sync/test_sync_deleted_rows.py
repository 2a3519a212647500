"""A deletion made at the head office reaches a studio desktop as a tombstone and leaves its screens' lists.

End to end over the real sync server (SQLite backend): the head office deletes a show (with its script and
numbers) and a check profile; after the studio's next sync, the studio's repositories no longer list them.
"""

from __future__ import annotations

from datetime import UTC, datetime

from studio_app.clock import FakeClock
from studio_app.metrics import repo as metrics_repo
from studio_app.metrics.samples import Sample
from studio_app.probes import repo as checks_repo
from studio_app.probes.profile import DEFAULT_PROFILE_NAME, StudioProfile
from studio_app.script import repo as script_repo
from studio_app.script.format import parse_script
from studio_app.shows import show_rows
from studio_app.store.live import tombstone
from studio_app.store.models import Show

START = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
SCRIPT = "# 周五专场\n"


def test_a_show_and_a_profile_deleted_at_the_head_office_leave_the_studios_lists(
    sqlite_backend, desktop, make_client
):
    clock = FakeClock()
    hq_db, a_db = desktop("hq", clock), desktop("a", clock)
    hq = make_client(hq_db, sqlite_backend.server.url, sqlite_backend.tokens["hq"])
    a = make_client(a_db, sqlite_backend.server.url, sqlite_backend.tokens["studio_a"])
    with hq_db.session() as s:
        show = Show(title="周五专场", started_at=START)
        s.add(show)
        s.flush()
        show_id = show.id
        script_repo.save_script(s, show_id, parse_script(SCRIPT), source_text=SCRIPT)
        metrics_repo.add_feed_samples(s, show_id, [Sample(START, online_viewers=100, pay_gmv_fen=990)])
        checks_repo.save_profile(s, StudioProfile(name="B 间"))
    assert hq.sync().checksum_ok
    assert a.sync().checksum_ok
    with a_db.session() as s:
        assert [sh.id for sh in show_rows(s)] == [show_id]
        assert script_repo.load_script_source(s, show_id) == SCRIPT
        assert "B 间" in [p.name for p in checks_repo.list_profiles(s)]

    clock.advance(60)
    with hq_db.session() as s:
        hq_show = s.get(Show, show_id)
        assert hq_show is not None
        tombstone(hq_show, clock.now())
        checks_repo.delete_profile(s, "B 间", clock.now())
    assert hq.sync().checksum_ok
    report = a.sync()
    assert report.checksum_ok and report.pulled_changes >= 2

    with a_db.session() as s:
        arrived = s.get(Show, show_id)
        assert arrived is not None and arrived.deleted_at is not None  # kept, as a tombstone
        assert show_rows(s) == []
        assert script_repo.load_script_source(s, show_id) is None
        assert metrics_repo.review_samples(s, show_id) == (None, ())
        assert [p.name for p in checks_repo.list_profiles(s)] == [DEFAULT_PROFILE_NAME]


def test_default_profiles_made_on_two_desktops_show_once_and_the_same_everywhere(
    sqlite_backend, desktop, make_client
):
    clock = FakeClock()
    hq_db, a_db = desktop("hq", clock), desktop("a", clock)
    hq = make_client(hq_db, sqlite_backend.server.url, sqlite_backend.tokens["hq"])
    a = make_client(a_db, sqlite_backend.server.url, sqlite_backend.tokens["studio_a"])
    for db, fps in ((hq_db, 25), (a_db, 30)):  # each desktop stores the built-in default on first use
        with db.session() as s:
            checks_repo.list_profiles(s)
            checks_repo.save_profile(s, StudioProfile(name="B 间", target_fps=fps))
        clock.advance(1)
    hq.sync()
    a.sync()
    hq.sync()
    seen = []
    for db in (hq_db, a_db):
        with db.session() as s:
            assert [p.name for p in checks_repo.list_profiles(s)] == [DEFAULT_PROFILE_NAME, "B 间"]
            seen.append(checks_repo.get_profile(s, "B 间").target_fps)
    assert seen == [25, 25]  # the older twin wins on both desktops
