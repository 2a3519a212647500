"""The device check's use-cases against a real workspace database: what the panel and the command call."""

from __future__ import annotations

from datetime import timedelta

import pytest

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.probes import repo
from studio_app.probes.profile import DEFAULT_PROFILE_NAME, ProfileError, StudioProfile
from studio_app.probes.result import ProbeResult, ProbeStatus
from studio_app.probes.runner import CheckRun
from studio_app.probes.service import CheckService
from studio_app.probes.watch import WatchAlert, WatchEvents
from studio_app.store.models import Show


@pytest.fixture
def service(empty_app_context: AppContext) -> CheckService:
    return CheckService(empty_app_context)


def _network_run(clock: FakeClock, rtt_ms: float, upload_mbps: float) -> CheckRun:
    metrics: dict[str, float | int | str | None] = {"rtt_ms": rtt_ms, "upload_mbps": upload_mbps}
    result = ProbeResult("network", ProbeStatus.PASS, metrics, (), 1.0, "ok")
    return CheckRun(StudioProfile(name=DEFAULT_PROFILE_NAME), clock.now(), 1.0, (result,), source="gui")


def test_a_fresh_workspace_lists_the_built_in_default_profile(service: CheckService) -> None:
    loaded = service.load_profiles()
    assert [p.name for p in loaded.profiles] == [DEFAULT_PROFILE_NAME]
    assert loaded.default.name == DEFAULT_PROFILE_NAME


def test_a_saved_default_profile_is_the_default_and_reports_its_table(service: CheckService) -> None:
    changes = service.save_profile(StudioProfile(name="B 间", target_fps=25), make_default=True)
    assert changes.touches("check_profiles")
    loaded = service.load_profiles()
    assert [p.name for p in loaded.profiles] == [DEFAULT_PROFILE_NAME, "B 间"]
    assert loaded.default.name == "B 间" and service.profile().target_fps == 25
    assert service.profile("B 间").target_fps == 25


def test_an_unknown_profile_is_refused_with_the_known_names(service: CheckService) -> None:
    with pytest.raises(ProfileError, match=DEFAULT_PROFILE_NAME):
        service.profile("no such room")


def test_deleting_a_profile_tombstones_it_by_the_clock(
    service: CheckService, empty_app_context: AppContext, fake_clock: FakeClock
) -> None:
    service.save_profile(StudioProfile(name="old room"))
    fake_clock.advance(60)
    service.delete_profile("old room")
    assert [p.name for p in service.load_profiles().profiles] == [DEFAULT_PROFILE_NAME]
    with pytest.raises(ProfileError):
        service.delete_profile(DEFAULT_PROFILE_NAME)


def test_a_check_run_is_stored_with_only_the_selected_probes(service: CheckService) -> None:
    saved = service.run_check(StudioProfile(name="no hotspot"), {"hotspot"}, source="cli")
    assert [r.probe for r in saved.run.results] == ["hotspot"]
    assert saved.run.results[0].status is ProbeStatus.SKIPPED  # no interface configured
    back = service.load_run(saved.run_id)
    assert back.source == "cli" and back.results[0].status is ProbeStatus.SKIPPED
    (summary,) = service.list_runs()
    assert summary.id == saved.run_id


def test_loading_a_deleted_run_says_it_no_longer_exists(service: CheckService) -> None:
    with pytest.raises(repo.RunNotFoundError):
        service.load_run("no-such-run")


def test_history_gives_the_runs_and_the_uplink_series_of_the_last_30_days(
    service: CheckService, fake_clock: FakeClock
) -> None:
    service.save_run(_network_run(fake_clock, 40.0, 9.5))
    fake_clock.advance(timedelta(days=40).total_seconds())
    service.save_run(_network_run(fake_clock, 55.0, 7.0))
    history = service.history()
    assert len(history.runs) == 2
    assert [value for _at, value in history.rtt_ms] == [55.0]  # the older run is past the window
    assert [value for _at, value in history.upload_mbps] == [7.0]
    since = fake_clock.now() - timedelta(days=50)
    assert [p.value for p in service.metric_series("network", "rtt_ms", since)] == [40.0, 55.0]


def test_watch_alerts_are_stored_when_raised_and_closed_when_cleared(
    service: CheckService, empty_app_context: AppContext, fake_clock: FakeClock
) -> None:
    raised = WatchAlert("mic.silent", ProbeStatus.FAIL, "silent", "unmute", -80.0, fake_clock.now())
    open_alerts = service.record_watch_events(WatchEvents(raised=(raised,)), {})
    assert set(open_alerts) == {"mic.silent"}
    fake_clock.advance(30)
    cleared = WatchAlert(
        "mic.silent", ProbeStatus.FAIL, "silent", "unmute", -80.0, raised.raised_at, fake_clock.now()
    )
    assert service.record_watch_events(WatchEvents(cleared=(cleared,)), open_alerts) == {}
    with empty_app_context.db.session() as s:
        (stored,) = repo.list_alerts(s, since=raised.raised_at)
        assert stored.kind == "mic.silent" and stored.cleared_at == fake_clock.now()
    assert service.record_watch_events(WatchEvents(), {"x": "y"}) == {"x": "y"}


def test_an_open_alert_is_listed_until_acknowledged_and_the_time_is_stored(
    service: CheckService, empty_app_context: AppContext, fake_clock: FakeClock
) -> None:
    with empty_app_context.db.session() as s:
        show = Show(title="直播中")
        s.add(show)
        s.commit()
        show_id = show.id
    raised = WatchAlert("mic.silent", ProbeStatus.FAIL, "silent", "unmute", -80.0, fake_clock.now())
    service.record_watch_events(WatchEvents(raised=(raised,)), {}, show_id=show_id)
    (alert,) = service.open_alerts()
    assert (alert.kind, alert.message, alert.raised_at, alert.show_id) == (
        "mic.silent",
        "silent",
        raised.raised_at,
        show_id,
    )
    fake_clock.advance(12)
    assert service.acknowledge_alert(alert.id).touches("onair_alerts")
    assert service.open_alerts() == ()
    with empty_app_context.db.session() as s:
        (stored,) = repo.list_alerts(s, since=raised.raised_at)
        assert stored.acknowledged_at == fake_clock.now() and stored.cleared_at is None
    assert [a.acknowledged_at for a in service.show_alerts(show_id)] == [fake_clock.now()]


def test_alerts_the_watch_still_holds_end_when_it_is_switched_off(
    service: CheckService, empty_app_context: AppContext, fake_clock: FakeClock
) -> None:
    raised = WatchAlert("mic.silent", ProbeStatus.FAIL, "silent", "unmute", -80.0, fake_clock.now())
    open_alerts = service.record_watch_events(WatchEvents(raised=(raised,)), {})
    fake_clock.advance(40)
    assert service.close_alerts(open_alerts).touches("onair_alerts")
    assert service.open_alerts() == ()
    with empty_app_context.db.session() as s:
        (stored,) = repo.list_alerts(s, since=raised.raised_at)
        assert stored.cleared_at == fake_clock.now()
