"""Deleted (tombstoned) profiles, check runs and alerts stay out of every list, the CLI and the check panel.

A deletion made at the head office or on another desktop arrives through sync as ``deleted_at`` set on the
row; the tests set it the same way, on the real workspace database.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from studio_app.cli import main
from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.probes import repo
from studio_app.probes.profile import DEFAULT_PROFILE_NAME, ProfileError, StudioProfile
from studio_app.probes.result import ProbeResult, ProbeStatus
from studio_app.probes.runner import CheckRun
from studio_app.store.db import Database
from studio_app.store.live import tombstone
from studio_app.store.models.checks import CheckProfile, CheckRunRow, OnAirAlert, ProbeResultRow
from studio_app.ui.check_panel import CheckPanel
from studio_app.ui.workers import running_count
from studio_app.workspace import Workspace


def _run(clock: FakeClock, upload_mbps: float) -> CheckRun:
    return CheckRun(
        StudioProfile(name=DEFAULT_PROFILE_NAME),
        clock.now(),
        3.0,
        (
            ProbeResult("mic", ProbeStatus.PASS, {"noise_floor_dbfs": -70.0}, (), 1.0, "m"),
            ProbeResult("network", ProbeStatus.PASS, {"upload_mbps": upload_mbps, "rtt_ms": 20.0}, (), 2.0),
        ),
        source="gui",
    )


def _save_two_runs(db: Database, clock: FakeClock) -> tuple[str, str]:
    with db.session() as s:
        older = repo.save_run(s, _run(clock, 8.0))
        clock.advance(3600)
        newer = repo.save_run(s, _run(clock, 12.0))
    return older, newer


def _tombstone_run(db: Database, run_id: str, clock: FakeClock) -> None:
    """As sync applies a deletion from elsewhere: the row stays, with ``deleted_at`` set."""
    with db.session() as s:
        row = s.get(CheckRunRow, run_id)
        assert row is not None
        row.deleted_at = clock.now()


def test_a_deleted_run_leaves_the_history_and_the_metric_series(db: Database, fake_clock: FakeClock) -> None:
    start = fake_clock.now()
    older, newer = _save_two_runs(db, fake_clock)
    _tombstone_run(db, newer, fake_clock)
    with db.session() as s:
        assert [r.id for r in repo.list_runs(s)] == [older]
        upload = repo.metric_history(s, "network", "upload_mbps", since=start - timedelta(days=1))
        with pytest.raises(repo.RunNotFoundError) as missing:
            repo.load_run(s, newer)
        assert repo.load_run(s, older).results[1].metrics["upload_mbps"] == 8.0
    assert [p.value for p in upload] == [8.0]
    assert "no longer exists" in str(missing.value)  # a sentence for the user, not the bare id
    assert isinstance(missing.value, KeyError)


def test_a_deleted_probe_result_is_left_out_of_its_run(db: Database, fake_clock: FakeClock) -> None:
    start = fake_clock.now()
    run_id = _save_two_runs(db, fake_clock)[0]
    with db.session() as s:
        mic = s.scalars(
            select(ProbeResultRow).where(ProbeResultRow.run_id == run_id, ProbeResultRow.probe == "mic")
        ).one()
        mic.deleted_at = fake_clock.now()
    with db.session() as s:
        run = repo.load_run(s, run_id)
        summary = next(r for r in repo.list_runs(s) if r.id == run_id)
        noise = repo.metric_history(s, "mic", "noise_floor_dbfs", since=start - timedelta(days=1))
    assert [r.probe for r in run.results] == ["network"]
    assert [probe for probe, _ in summary.statuses] == ["network"]
    assert run_id not in {p.run_id for p in noise} and len(noise) == 1


def test_deleting_a_profile_sets_deleted_at_and_keeps_the_row(db: Database, fake_clock: FakeClock) -> None:
    with db.session() as s:
        repo.save_profile(s, StudioProfile(name="old room"), make_default=True)
    fake_clock.advance(60)
    with db.session() as s:
        repo.delete_profile(s, "old room", fake_clock.now())
    with db.session() as s:
        (row,) = s.scalars(select(CheckProfile).where(CheckProfile.name == "old room")).all()
        assert row.deleted_at == fake_clock.now()  # tombstoned with the injected clock, not hard-deleted
        assert not row.is_default
        assert [p.name for p in repo.list_profiles(s)] == [DEFAULT_PROFILE_NAME]
        assert repo.get_profile(s, None).name == DEFAULT_PROFILE_NAME
        with pytest.raises(ProfileError, match="old room"):
            repo.get_profile(s, "old room")


def test_a_profile_deleted_elsewhere_can_be_made_again_under_its_name(
    db: Database, fake_clock: FakeClock
) -> None:
    with db.session() as s:
        repo.save_profile(s, StudioProfile(name="B 间", target_fps=60))
        row = s.scalars(select(CheckProfile).where(CheckProfile.name == "B 间")).one()
        tombstone(row, fake_clock.now())
    with db.session() as s:
        assert "B 间" not in [p.name for p in repo.list_profiles(s)]
        repo.save_profile(s, StudioProfile(name="B 间", target_fps=25))
    with db.session() as s:
        assert repo.get_profile(s, "B 间").target_fps == 25
        rows = s.scalars(select(CheckProfile).where(CheckProfile.name == "B 间")).all()
    assert sorted(r.deleted_at is None for r in rows) == [False, True]  # the tombstone is kept for sync


def test_tombstone_keeps_the_first_deletion_time(db: Database, fake_clock: FakeClock) -> None:
    with db.session() as s:
        repo.save_profile(s, StudioProfile(name="C 间"))
        row = s.scalars(select(CheckProfile).where(CheckProfile.name == "C 间")).one()
        first = fake_clock.now()
        assert tombstone(row, first)
        fake_clock.advance(10)
        assert not tombstone(row, fake_clock.now())
        assert row.deleted_at == first


def test_deleted_alerts_are_not_listed_and_not_cleared(db: Database, fake_clock: FakeClock) -> None:
    since = fake_clock.now()
    with db.session() as s:
        kept = repo.save_alert(
            s, kind="mic", status=ProbeStatus.FAIL, raised_at=since, message="m", fix="f", value=None
        )
        gone = repo.save_alert(
            s, kind="net", status=ProbeStatus.WARN, raised_at=since, message="n", fix="g", value=1.0
        )
        row = s.get(OnAirAlert, gone)
        assert row is not None
        row.deleted_at = fake_clock.now()
    with db.session() as s:
        repo.clear_alert(s, gone, fake_clock.now())
        assert [a.id for a in repo.list_alerts(s, since)] == [kept]
        deleted = s.get(OnAirAlert, gone)
        assert deleted is not None and deleted.cleared_at is None


def test_cli_check_refuses_a_deleted_profile_in_words_and_stores_no_run(
    tmp_path: Path, fake_clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "ws"
    db = Database.open(Workspace(ws).ensure().db_path)
    with db.session() as s:
        repo.save_profile(s, StudioProfile(name="old room"))
        repo.delete_profile(s, "old room", fake_clock.now())
    db.close()
    code = main(
        ["--workspace", str(ws), "--lang", "en", "check", "--profile", "old room", "--only", "camera"]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "There is no profile named “old room”" in err and "Traceback" not in err
    db = Database.open(Workspace(ws).db_path)
    with db.session() as s:
        assert repo.list_runs(s) == []
    db.close()


@pytest.fixture
def panel(qtbot: QtBot, empty_app_context: AppContext) -> Iterator[CheckPanel]:
    widget = CheckPanel(empty_app_context)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.profile_combo.count() > 0, timeout=5000)
    yield widget
    widget.shutdown()
    qtbot.waitUntil(lambda: running_count() == 0, timeout=5000)


def test_the_panel_hides_deleted_runs_and_profiles(
    qtbot: QtBot, panel: CheckPanel, empty_app_context: AppContext, fake_clock: FakeClock
) -> None:
    db = empty_app_context.db
    _older, newer = _save_two_runs(db, fake_clock)
    with db.session() as s:
        repo.save_profile(s, StudioProfile(name="B 间"))
        repo.save_profile(s, StudioProfile(name="old room"))
        repo.delete_profile(s, "old room", fake_clock.now())
    with qtbot.waitSignal(panel.history_loaded, timeout=5000):
        panel.reload_history()
    assert panel.history.rowCount() == 2
    with qtbot.waitSignal(panel.profiles_loaded, timeout=5000):
        panel.reload_profiles()
    names = [panel.profile_combo.itemText(i) for i in range(panel.profile_combo.count())]
    assert names == [DEFAULT_PROFILE_NAME, "B 间"]

    # Deleted on another desktop while the list is on screen: opening it says so and the list catches up.
    _tombstone_run(db, newer, fake_clock)
    with qtbot.waitSignal(panel.history_loaded, timeout=5000):
        panel.show_stored_run(newer)
    assert panel.history.rowCount() == 1
    assert "no longer exists" in panel.progress.format()
    assert panel.last_run_id is None


def test_deleting_a_profile_in_the_panel_tombstones_it_with_the_clock(
    qtbot: QtBot, panel: CheckPanel, empty_app_context: AppContext, fake_clock: FakeClock
) -> None:
    db = empty_app_context.db
    with db.session() as s:
        repo.save_profile(s, StudioProfile(name="old room"), make_default=True)
    with qtbot.waitSignal(panel.profiles_loaded, timeout=5000):
        panel.reload_profiles()
    assert panel.profile.name == "old room" and panel.delete_profile_button.isEnabled()
    fake_clock.advance(120)
    with qtbot.waitSignal(panel.profiles_loaded, timeout=5000):
        panel.delete_profile("old room")
    names = [panel.profile_combo.itemText(i) for i in range(panel.profile_combo.count())]
    assert names == [DEFAULT_PROFILE_NAME] and panel.profile.name == DEFAULT_PROFILE_NAME
    assert not panel.delete_profile_button.isEnabled()  # the built-in default cannot be deleted
    with db.session() as s:
        (row,) = s.scalars(select(CheckProfile).where(CheckProfile.name == "old room")).all()
        assert row.deleted_at == fake_clock.now()


def test_after_a_sync_pulls_deletions_the_panel_drops_them(
    qtbot: QtBot, panel: CheckPanel, empty_app_context: AppContext, fake_clock: FakeClock
) -> None:
    db = empty_app_context.db
    _older, newer = _save_two_runs(db, fake_clock)
    with db.session() as s:
        repo.save_profile(s, StudioProfile(name="B 间"), make_default=True)
    with qtbot.waitSignals([panel.profiles_loaded, panel.history_loaded], timeout=5000):
        panel.reload_profiles()
        panel.reload_history()
    assert panel.history.rowCount() == 2 and panel.profile.name == "B 间"
    _tombstone_run(db, newer, fake_clock)
    with db.session() as s:
        tombstone(s.scalars(select(CheckProfile).where(CheckProfile.name == "B 间")).one(), fake_clock.now())
    with qtbot.waitSignals([panel.profiles_loaded, panel.history_loaded], timeout=5000):
        panel.reload_lists()
    assert panel.history.rowCount() == 1
    assert [panel.profile_combo.itemText(i) for i in range(panel.profile_combo.count())] == [
        DEFAULT_PROFILE_NAME
    ]
    assert panel.profile.name == DEFAULT_PROFILE_NAME
