"""Runs, profiles and alerts in the workspace database, and the metric series the data panel plots."""

from __future__ import annotations

from datetime import timedelta

import pytest

from studio_app.clock import FakeClock
from studio_app.probes import repo
from studio_app.probes.profile import DEFAULT_PROFILE_NAME, ProfileError, StudioProfile
from studio_app.probes.result import Finding, ProbeResult, ProbeStatus
from studio_app.probes.runner import CheckRun
from studio_app.probes.verdict import Verdict
from studio_app.store.db import Database


def _run(clock: FakeClock, noise_floor: float | None, status: ProbeStatus = ProbeStatus.PASS) -> CheckRun:
    finding = (
        (Finding(ProbeStatus.WARN, "mic.noise", "noisy", "close the window"),) if status != "pass" else ()
    )
    return CheckRun(
        StudioProfile(name=DEFAULT_PROFILE_NAME),
        clock.now(),
        4.2,
        (
            ProbeResult("mic", status, {"noise_floor_dbfs": noise_floor, "hum_hz": 50}, finding, 2.1, "m"),
            ProbeResult(
                "network", ProbeStatus.PASS, {"upload_mbps": 9.5, "rtt_ms": float("nan")}, (), 3, "n"
            ),
        ),
        source="gui",
    )


def test_a_stored_run_comes_back_whole(db: Database, fake_clock: FakeClock) -> None:
    run = _run(fake_clock, -72.5, ProbeStatus.WARN)
    with db.session() as s:
        run_id = repo.save_run(s, run)
    with db.session() as s:
        back = repo.load_run(s, run_id)
    assert back.verdict is Verdict.WARN
    assert back.started_at == run.started_at
    assert back.results[0].findings == run.results[0].findings
    assert back.results[0].metrics["noise_floor_dbfs"] == -72.5
    assert back.results[1].metrics["rtt_ms"] is None  # NaN is not JSON; stored as null


def test_history_lists_newest_first_with_each_probes_status(db: Database, fake_clock: FakeClock) -> None:
    with db.session() as s:
        repo.save_run(s, _run(fake_clock, -70))
        fake_clock.advance(3600)
        repo.save_run(s, _run(fake_clock, -60, ProbeStatus.WARN))
    with db.session() as s:
        runs = repo.list_runs(s)
    assert [r.verdict for r in runs] == [Verdict.WARN, Verdict.GO]
    assert runs[0].statuses == (("mic", ProbeStatus.WARN), ("network", ProbeStatus.PASS))
    assert runs[0].source == "gui"


def test_metric_history_gives_a_series_since_a_date_and_skips_unmeasured_runs(
    db: Database, fake_clock: FakeClock
) -> None:
    start = fake_clock.now()
    with db.session() as s:
        for floor in [-70.0, None, -65.0, -61.5]:
            repo.save_run(s, _run(fake_clock, floor))
            fake_clock.advance(timedelta(days=1).total_seconds())
    with db.session() as s:
        series = repo.metric_history(s, "mic", "noise_floor_dbfs", since=start + timedelta(hours=1))
        upload = repo.metric_history(s, "network", "upload_mbps", since=start)
        nothing = repo.metric_history(s, "mic", "no_such_metric", since=start)
    assert [p.value for p in series] == [-65.0, -61.5]
    assert [p.at for p in series] == [start + timedelta(days=2), start + timedelta(days=3)]
    assert len(upload) == 4 and nothing == []


def test_profiles_default_is_created_once_and_names_are_unique(db: Database, fake_clock: FakeClock) -> None:
    with db.session() as s:
        assert [p.name for p in repo.list_profiles(s)] == [DEFAULT_PROFILE_NAME]
        repo.save_profile(s, StudioProfile(name="B 间", target_fps=25))
        repo.save_profile(s, StudioProfile(name="B 间", target_fps=60))  # replaces, does not duplicate
        assert [p.name for p in repo.list_profiles(s)] == [DEFAULT_PROFILE_NAME, "B 间"]
        assert repo.get_profile(s, "B 间").target_fps == 60
        assert repo.get_profile(s, None).name == DEFAULT_PROFILE_NAME
        repo.save_profile(s, repo.get_profile(s, "B 间"), make_default=True)
        assert repo.get_profile(s, None).name == "B 间"


def test_deleting_a_profile_tombstones_it_and_the_default_is_protected(
    db: Database, fake_clock: FakeClock
) -> None:
    with db.session() as s:
        repo.save_profile(s, StudioProfile(name="old room"))
        repo.delete_profile(s, "old room", fake_clock.now())
        with pytest.raises(ProfileError, match="no profile named"):
            repo.get_profile(s, "old room")
        with pytest.raises(ProfileError):
            repo.delete_profile(s, DEFAULT_PROFILE_NAME, fake_clock.now())


def test_on_air_alerts_are_stored_and_cleared(db: Database, fake_clock: FakeClock) -> None:
    with db.session() as s:
        alert_id = repo.save_alert(
            s,
            kind="uplink.rtt_high",
            status=ProbeStatus.FAIL,
            raised_at=fake_clock.now(),
            message="slow",
            fix="switch to the hotspot",
            value=None,
        )
    fake_clock.advance(30)
    with db.session() as s:
        repo.clear_alert(s, alert_id, fake_clock.now())
    with db.session() as s:
        (alert,) = repo.list_alerts(s, since=fake_clock.now() - timedelta(hours=1))
        assert alert.cleared_at is not None and alert.cleared_at - alert.raised_at == timedelta(seconds=30)
