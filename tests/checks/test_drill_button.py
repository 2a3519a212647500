"""The failover drill from the device-check tab: it runs on a worker while the window stays responsive,
its result lands in the traffic lights, the fix list and the history, and it refuses while on air."""

from __future__ import annotations

from collections.abc import Callable

from net_fixtures import NetLab, netlab
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from studio_app.context import AppContext
from studio_app.probes import repo as checks_repo
from studio_app.probes.profile import StudioProfile
from studio_app.probes.result import ProbeStatus
from studio_app.ui.check_panel import CheckPanel

__all__ = ["netlab"]


def test_the_drill_runs_off_the_gui_thread_and_its_result_is_shown_and_stored(
    qtbot: QtBot, make_panel: Callable[[StudioProfile], CheckPanel], netlab: NetLab, app_context: AppContext
) -> None:
    profile = StudioProfile(
        name="lab", ingest_url=netlab.ingest, hotspot_interface=netlab.hotspot_if, push_bitrate_kbps=2000
    )
    panel = make_panel(profile)
    beats: list[int] = []
    heartbeat = QTimer(panel)
    heartbeat.setInterval(20)
    heartbeat.timeout.connect(lambda: beats.append(1))
    heartbeat.start()
    qtbot.mouseClick(panel.drill, Qt.MouseButton.LeftButton)
    assert not panel.drill.isEnabled() and panel.drill.running  # no second drill while one runs
    qtbot.waitUntil(lambda: panel.lights.status_of("failover") is ProbeStatus.PASS, timeout=20000)
    heartbeat.stop()
    assert beats  # the event loop kept running while the drill took the route away and put it back
    assert panel.drill.isEnabled() and panel.last_run is not None
    result = panel.last_run.result("failover")
    assert result is not None and result.metrics["via_interface"] == netlab.hotspot_if
    with app_context.db.session() as s:
        assert checks_repo.list_runs(s)[0].statuses == (("failover", ProbeStatus.PASS),)


def test_the_drill_refuses_while_a_show_is_on_air(
    qtbot: QtBot, make_panel: Callable[[StudioProfile], CheckPanel]
) -> None:
    panel = make_panel(
        StudioProfile(name="air", ingest_url="rtmp://127.0.0.1:9/live", hotspot_interface="lo")
    )
    panel.watch.show_id = "show-on-air"
    with qtbot.waitSignal(panel.drill.failed, timeout=2000) as refused:
        qtbot.mouseClick(panel.drill, Qt.MouseButton.LeftButton)
    assert "on air" in refused.args[0] and not panel.drill.running


def test_without_a_hotspot_in_the_profile_the_drill_says_what_to_set(
    qtbot: QtBot, make_panel: Callable[[StudioProfile], CheckPanel]
) -> None:
    panel = make_panel(StudioProfile(name="bare", ingest_url="rtmp://127.0.0.1:9/live"))
    with qtbot.waitSignal(panel.drill.failed, timeout=5000) as failed:
        qtbot.mouseClick(panel.drill, Qt.MouseButton.LeftButton)
    assert "hotspot" in failed.args[0]
    assert "hotspot" in panel.progress.format() and panel.drill.isEnabled()
