"""The on-air watch, driven by a FakeClock: drops raise an alert with the fix, recoveries clear it."""

from __future__ import annotations

from studio_app.clock import FakeClock
from studio_app.probes.profile import StudioProfile
from studio_app.probes.result import ProbeStatus
from studio_app.probes.watch import (
    CAMERA_FPS,
    MIC_PEAK,
    MIC_RMS,
    UPLINK_RTT,
    OnAirWatch,
    WatchSensor,
    default_rules,
)


class Readings:
    """Values the show's devices currently give; the test changes them as the show goes on."""

    def __init__(self) -> None:
        self.values: dict[str, float | None] = {
            MIC_RMS: -20.0,
            MIC_PEAK: -8.0,
            CAMERA_FPS: 30.0,
            UPLINK_RTT: 35.0,
        }
        self.reads: dict[str, int] = dict.fromkeys(self.values, 0)

    def sensor(self, name: str, period_s: float) -> WatchSensor:
        def measure() -> float | None:
            self.reads[name] += 1
            return self.values[name]

        return WatchSensor(name, period_s, measure)


def _watch(clock: FakeClock, readings: Readings, profile: StudioProfile | None = None) -> OnAirWatch:
    profile = profile or StudioProfile(name="room", hotspot_interface="wwan0")
    sensors = [
        readings.sensor(MIC_RMS, 0.25),
        readings.sensor(MIC_PEAK, 0.25),
        readings.sensor(CAMERA_FPS, 1.0),
        readings.sensor(UPLINK_RTT, 2.0),
    ]
    names = {s.name for s in sensors}
    return OnAirWatch(clock, sensors, [r for r in default_rules(profile) if r.sensor in names])


def _run_for(watch: OnAirWatch, clock: FakeClock, seconds: float, step_s: float = 0.5):
    raised, cleared = [], []
    for _ in range(int(seconds / step_s)):
        clock.advance(step_s)
        events = watch.tick()
        raised += events.raised
        cleared += events.cleared
    return raised, cleared


def test_a_healthy_show_raises_nothing_and_sensors_keep_their_periods(fake_clock: FakeClock) -> None:
    readings = Readings()
    watch = _watch(fake_clock, readings)
    raised, _ = _run_for(watch, fake_clock, 60)
    assert raised == []
    # 60 s: the RTT is sampled every 2 s (light on the uplink), the camera every second.
    assert 29 <= readings.reads[UPLINK_RTT] <= 31
    assert 59 <= readings.reads[CAMERA_FPS] <= 61


def test_uplink_drop_raises_switch_to_hotspot_after_the_hold_time(fake_clock: FakeClock) -> None:
    readings = Readings()
    watch = _watch(fake_clock, readings)
    _run_for(watch, fake_clock, 10)
    readings.values[UPLINK_RTT] = None  # the ingest stops answering
    raised, _ = _run_for(watch, fake_clock, 3)
    assert raised == []  # one or two lost samples are no emergency
    raised, _ = _run_for(watch, fake_clock, 4)
    assert [a.kind for a in raised] == ["uplink.rtt_high"]
    alert = raised[0]
    assert alert.status is ProbeStatus.FAIL and "wwan0" in alert.fix and "hotspot" in alert.fix
    assert "does not answer" in alert.message
    assert [a.kind for a in watch.active_alerts()] == ["uplink.rtt_high"]


def test_alert_clears_only_after_the_link_stays_good(fake_clock: FakeClock) -> None:
    readings = Readings()
    watch = _watch(fake_clock, readings)
    readings.values[UPLINK_RTT] = 900.0
    raised, _ = _run_for(watch, fake_clock, 8)
    assert len(raised) == 1 and "900" in raised[0].message
    readings.values[UPLINK_RTT] = 40.0
    _, cleared = _run_for(watch, fake_clock, 6)
    assert cleared == []  # not yet: 10 s of good link needed
    _, cleared = _run_for(watch, fake_clock, 6)
    assert len(cleared) == 1 and cleared[0].cleared_at is not None
    assert cleared[0].cleared_at > cleared[0].raised_at
    assert watch.active_alerts() == []


def test_silent_mic_and_camera_fps_drop_each_raise_their_own_fix(fake_clock: FakeClock) -> None:
    readings = Readings()
    watch = _watch(fake_clock, readings)
    readings.values[MIC_RMS] = -90.0
    readings.values[CAMERA_FPS] = 17.0
    raised, _ = _run_for(watch, fake_clock, 8)
    kinds = {a.kind: a for a in raised}
    assert set(kinds) == {"mic.silent", "camera.fps_low"}
    assert "17 fps" in kinds["camera.fps_low"].message and "24" in kinds["camera.fps_low"].message
    assert "mute" in kinds["mic.silent"].fix


def test_a_sensor_that_raises_counts_as_no_reading(fake_clock: FakeClock) -> None:
    def unplugged() -> float | None:
        raise OSError("device vanished")

    profile = StudioProfile(name="room")
    sensors = [WatchSensor(CAMERA_FPS, 1.0, unplugged)]
    rules = [r for r in default_rules(profile) if r.sensor == CAMERA_FPS]
    watch = OnAirWatch(fake_clock, sensors, rules)
    raised, _ = _run_for(watch, fake_clock, 5)
    assert [a.message for a in raised] == ["The camera gives no frames."]


def test_without_a_hotspot_the_fix_says_what_else_to_do(fake_clock: FakeClock) -> None:
    (rule,) = [r for r in default_rules(StudioProfile(name="no backup")) if r.kind == "uplink.rtt_high"]
    assert "wwan" not in rule.fix and "bitrate" in rule.fix


def test_removing_a_sensor_drops_its_rules_and_clears_its_alert(fake_clock: FakeClock) -> None:
    readings = Readings()
    watch = _watch(fake_clock, readings)
    readings.values[CAMERA_FPS] = None
    raised, _ = _run_for(watch, fake_clock, 5)
    assert [a.kind for a in raised] == ["camera.fps_low"]
    (cleared,) = watch.remove_sensor(CAMERA_FPS)
    assert cleared.kind == "camera.fps_low" and cleared.cleared_at is not None
    reads = readings.reads[CAMERA_FPS]
    raised, _ = _run_for(watch, fake_clock, 10)
    assert raised == [] and watch.active_alerts() == []
    assert readings.reads[CAMERA_FPS] == reads and CAMERA_FPS not in watch.sensor_names
