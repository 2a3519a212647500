"""On-air watch: light, periodic measurements while the show runs, and alerts with the fix.

The watch owns no thread and no device. It is given *sensors* (a name, a period and a cheap function that
returns the latest value: the level meter's RMS, the preview's frame rate, one RTT sample) and *rules*
(when a value is bad, and what to do about it). Whoever drives it calls :meth:`OnAirWatch.tick` now and
then (the panel from a worker every half second); the watch reads only the sensors that are due by its
injected :class:`~studio_app.clock.Clock`, so tests drive an hour of show with ``FakeClock.advance``.

An alert is raised only after a value stays bad for ``hold_s`` (one dropped RTT sample is no emergency)
and cleared only after it stays good for ``clear_s``, so a flapping link does not flash the banner.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import IntEnum, StrEnum

from studio_app.clock import Clock
from studio_app.i18n import translate
from studio_app.probes.profile import StudioProfile
from studio_app.probes.result import ProbeStatus

log = logging.getLogger(__name__)


class Direction(StrEnum):
    BELOW = "below"  # bad when the value is below the limit (fps, level)
    ABOVE = "above"  # bad when above (RTT)


@dataclass(frozen=True)
class WatchSensor:
    """``measure`` returns the latest value, or None when there is nothing to read (device gone).

    ``is_on`` says whether the device's live feed is open: while it is not (the technician switched the
    meter off, a check borrowed the camera), the sensor is not read and its alerts end, since a feed that
    is off says nothing about the device and must not raise "no signal"."""

    name: str
    period_s: float
    measure: Callable[[], float | None]
    is_on: Callable[[], bool] | None = None


@dataclass(frozen=True)
class WatchRule:
    kind: str  # stable id, e.g. "uplink.rtt_high"
    sensor: str
    direction: Direction
    limit: float
    status: ProbeStatus
    message: str  # may use {value:.0f} and {limit:.0f}
    fix: str
    hold_s: float = 5.0
    clear_s: float = 10.0
    missing_is_bad: bool = False  # a sensor that reads nothing (None) counts as bad, e.g. no RTT answer
    missing_message: str = ""  # the message when the sensor read nothing
    # For a sensor that reads a state code (the hotspot link): the message of each code.
    value_messages: tuple[tuple[float, str], ...] = ()

    def describe(self, value: float | None) -> str:
        if value is None or math.isnan(value):
            return self.missing_message or self.message.format(value=math.nan, limit=self.limit)
        for code, text in self.value_messages:
            if value == code:
                return text
        return self.message.format(value=value, limit=self.limit)

    def is_bad(self, value: float | None) -> bool:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return self.missing_is_bad
        return value < self.limit if self.direction is Direction.BELOW else value > self.limit


@dataclass(frozen=True)
class WatchAlert:
    kind: str
    status: ProbeStatus
    message: str
    fix: str
    value: float | None
    raised_at: datetime
    cleared_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.cleared_at is None


@dataclass(frozen=True)
class WatchEvents:
    """What changed in one tick."""

    readings: dict[str, float | None] = field(default_factory=dict)
    raised: tuple[WatchAlert, ...] = ()
    cleared: tuple[WatchAlert, ...] = ()


@dataclass
class _RuleState:
    bad_since: float | None = None
    good_since: float | None = None
    alert: WatchAlert | None = None


class OnAirWatch:
    def __init__(self, clock: Clock, sensors: Sequence[WatchSensor], rules: Sequence[WatchRule]) -> None:
        names = {s.name for s in sensors}
        missing = {r.sensor for r in rules} - names
        if missing:
            raise ValueError(f"rules refer to unknown sensors: {sorted(missing)}")
        self._clock = clock
        self._sensors = list(sensors)
        self._rules = list(rules)
        self._next_due: dict[str, float] = {s.name: clock.monotonic() for s in sensors}
        self._latest: dict[str, float | None] = {}
        self._state = {r.kind: _RuleState() for r in rules}

    @property
    def latest(self) -> dict[str, float | None]:
        return dict(self._latest)

    def active_alerts(self) -> list[WatchAlert]:
        return [s.alert for s in self._state.values() if s.alert is not None]

    def remove_sensor(self, name: str) -> list[WatchAlert]:
        """Stop watching a sensor (e.g. the camera turned out to be owned by the streaming software).

        Its rules go too; alerts they had raised are returned as cleared, so a view can drop them."""
        self._sensors = [s for s in self._sensors if s.name != name]
        self._next_due.pop(name, None)
        self._latest.pop(name, None)
        cleared: list[WatchAlert] = []
        for rule in [r for r in self._rules if r.sensor == name]:
            alert = self._state.pop(rule.kind).alert
            if alert is not None:
                cleared.append(replace(alert, cleared_at=self._clock.now()))
        self._rules = [r for r in self._rules if r.sensor != name]
        return cleared

    @property
    def sensor_names(self) -> list[str]:
        return [s.name for s in self._sensors]

    def tick(self) -> WatchEvents:
        """Read the sensors that are due, update the rules, return what changed."""
        now = self._clock.monotonic()
        readings: dict[str, float | None] = {}
        cleared: list[WatchAlert] = []
        for sensor in self._sensors:
            if sensor.is_on is not None and not sensor.is_on():
                cleared += self._feed_off(sensor.name)
                continue
            if now < self._next_due[sensor.name]:
                continue
            # Keep the schedule on a fixed grid; after a long stall skip ahead instead of catching up.
            due = self._next_due[sensor.name] + sensor.period_s
            self._next_due[sensor.name] = due if due > now else now + sensor.period_s
            try:
                value = sensor.measure()
            except Exception as exc:  # a sensor is a device: it can vanish mid-show
                log.warning("watch sensor %s failed: %s", sensor.name, exc)
                value = None
            readings[sensor.name] = value
            self._latest[sensor.name] = value

        raised: list[WatchAlert] = []
        for rule in self._rules:
            if rule.sensor not in readings:
                continue
            value = readings[rule.sensor]
            state = self._state[rule.kind]
            if rule.is_bad(value):
                state.good_since = None
                if state.bad_since is None:
                    state.bad_since = now
                if state.alert is None and now - state.bad_since >= rule.hold_s:
                    state.alert = WatchAlert(
                        rule.kind,
                        rule.status,
                        rule.describe(value),
                        rule.fix,
                        value,
                        self._clock.now(),
                    )
                    raised.append(state.alert)
            else:
                state.bad_since = None
                if state.alert is not None:
                    if state.good_since is None:
                        state.good_since = now
                    if now - state.good_since >= rule.clear_s:
                        cleared.append(replace(state.alert, cleared_at=self._clock.now()))
                        state.alert = None
                        state.good_since = None
        return WatchEvents(readings, tuple(raised), tuple(cleared))

    def _feed_off(self, sensor: str) -> list[WatchAlert]:
        """The sensor's feed is off: forget its readings and end its alerts; it starts afresh when on."""
        self._latest.pop(sensor, None)
        self._next_due[sensor] = self._clock.monotonic()
        ended: list[WatchAlert] = []
        for rule in self._rules:
            if rule.sensor != sensor:
                continue
            state = self._state[rule.kind]
            if state.alert is not None:
                ended.append(replace(state.alert, cleared_at=self._clock.now()))
            self._state[rule.kind] = _RuleState()
        return ended


# Sensor names the default rules use.
MIC_RMS = "mic_rms_dbfs"
MIC_PEAK = "mic_peak_dbfs"
CAMERA_FPS = "camera_fps"
UPLINK_RTT = "uplink_rtt_ms"
UPLINK_LOSS = "uplink_loss_pct"
UPLINK_HEADROOM = "uplink_headroom_mbps"
HOTSPOT_LINK = "hotspot_link"


class HotspotLink(IntEnum):
    """The backup hotspot's state as the watch reads it (a number, so it fits the rules' one value)."""

    READY = 0
    MISSING = 1
    DOWN = 2
    NO_CARRIER = 3
    NO_ADDRESS = 4
    UNREACHABLE = 5  # link and address, but the ingest does not answer through it


def default_rules(profile: StudioProfile, *, has_hotspot: bool | None = None) -> list[WatchRule]:
    """The drops a technician must hear about during a show, with what to do."""
    hotspot = profile.hotspot_interface if has_hotspot is None or has_hotspot else ""
    silent_dbfs = profile.threshold("watch_mic_silent_dbfs", -55.0)
    rtt_limit_ms = profile.threshold("watch_rtt_alert_ms", 400.0)
    fps_ratio = profile.threshold("watch_fps_alert_ratio", 0.8)
    loss_limit_pct = profile.threshold("watch_loss_alert_pct", 5.0)
    # Below a quarter of the push bitrate left, one more upload on the line (a cloud sync, a phone's
    # photo backup) makes the encoder drop frames.
    headroom_ratio = profile.threshold("watch_headroom_alert_ratio", 0.25)
    backup = profile.hotspot_interface or "-"
    if hotspot:
        uplink_fix = translate("Watch", "Switch the push to the backup hotspot ({iface}).").format(
            iface=hotspot
        )
    else:
        uplink_fix = translate(
            "Watch", "Check the router and the line; lower the push bitrate or switch to a backup line."
        )
    return [
        WatchRule(
            "mic.silent",
            MIC_RMS,
            Direction.BELOW,
            silent_dbfs,
            ProbeStatus.FAIL,
            translate("Watch", "The microphone is silent ({value:.0f} dBFS)."),
            translate("Watch", "Check the mic's mute switch, battery and cable; the host may be unheard."),
            hold_s=5.0,
            missing_is_bad=True,
            missing_message=translate("Watch", "The microphone gives no signal."),
        ),
        WatchRule(
            "mic.clipping",
            MIC_PEAK,
            Direction.ABOVE,
            -1.0,
            ProbeStatus.WARN,
            translate("Watch", "The microphone is clipping (peak {value:.1f} dBFS)."),
            translate("Watch", "Lower the mic gain by about 6 dB or move the mic away from the mouth."),
            hold_s=2.0,
        ),
        WatchRule(
            "camera.fps_low",
            CAMERA_FPS,
            Direction.BELOW,
            profile.target_fps * fps_ratio,
            ProbeStatus.FAIL,
            translate("Watch", "The camera dropped to {value:.0f} fps (needs {limit:.0f})."),
            translate(
                "Watch", "Check the camera's USB/HDMI cable and close other programs using the camera."
            ),
            hold_s=3.0,
            missing_is_bad=True,
            missing_message=translate("Watch", "The camera gives no frames."),
        ),
        WatchRule(
            "uplink.rtt_high",
            UPLINK_RTT,
            Direction.ABOVE,
            rtt_limit_ms,
            ProbeStatus.FAIL,
            translate("Watch", "The uplink is slow or down (RTT {value:.0f} ms)."),
            uplink_fix,
            hold_s=4.0,
            missing_is_bad=True,
            missing_message=translate("Watch", "The uplink does not answer (ingest unreachable)."),
        ),
        WatchRule(
            "uplink.loss_high",
            UPLINK_LOSS,
            Direction.ABOVE,
            loss_limit_pct,
            ProbeStatus.WARN,
            translate("Watch", "The uplink loses {value:.0f} % of its probes (over the last minute)."),
            uplink_fix,
            hold_s=4.0,
        ),
        WatchRule(
            "uplink.headroom_low",
            UPLINK_HEADROOM,
            Direction.BELOW,
            profile.push_bitrate_mbps * headroom_ratio,
            ProbeStatus.WARN,
            translate(
                "Watch",
                "Upload headroom is down to {value:.1f} Mbit/s (the line's measured upload minus what this "
                "computer sends now).",
            ),
            translate(
                "Watch",
                "Stop other uploads on this line (cloud sync, updates, other computers) or lower the push "
                "bitrate.",
            ),
            hold_s=10.0,
        ),
        WatchRule(
            "hotspot.not_ready",
            HOTSPOT_LINK,
            Direction.ABOVE,
            HotspotLink.READY + 0.5,
            ProbeStatus.WARN,
            translate("Watch", "The backup hotspot is not ready."),
            translate(
                "Watch",
                "The show has no backup line: reconnect the phone's hotspot (sharing on, mobile data on).",
            ),
            hold_s=10.0,
            value_messages=(
                (
                    HotspotLink.MISSING,
                    translate("Watch", "The backup hotspot {iface} is gone.").format(iface=backup),
                ),
                (
                    HotspotLink.DOWN,
                    translate("Watch", "The backup hotspot {iface} is down.").format(iface=backup),
                ),
                (
                    HotspotLink.NO_CARRIER,
                    translate("Watch", "The backup hotspot {iface} lost its link.").format(iface=backup),
                ),
                (
                    HotspotLink.NO_ADDRESS,
                    translate("Watch", "The backup hotspot {iface} has no address.").format(iface=backup),
                ),
                (
                    HotspotLink.UNREACHABLE,
                    translate(
                        "Watch", "The ingest does not answer through the backup hotspot {iface}."
                    ).format(iface=backup),
                ),
            ),
        ),
    ]
