"""The device feeds the live views keep open, and the on-air watch built on them.

The views open and close the feeds on the GUI thread; the watch reads them on a pool thread. The
references are swapped whole (a check pauses the meter and reopens it mid-show), so a sensor reads
whatever feed is current, never a widget.
"""

from __future__ import annotations

import socket
import time
from typing import TYPE_CHECKING

from studio_app.clock import Clock
from studio_app.probes.plan import ingest_host_port
from studio_app.probes.profile import StudioProfile
from studio_app.probes.uplink_watch import HotspotWatch, UplinkHeadroom, UplinkProbe, route_interface
from studio_app.probes.watch import (
    CAMERA_FPS,
    HOTSPOT_LINK,
    MIC_PEAK,
    MIC_RMS,
    UPLINK_HEADROOM,
    UPLINK_LOSS,
    UPLINK_RTT,
    OnAirWatch,
    WatchSensor,
    default_rules,
)

if TYPE_CHECKING:
    from studio_app.probes.mic import LevelMeterStream
    from studio_app.probes.preview_feed import PreviewFeed

# A meter that delivered no block for this long reads as no audio (the device stopped), not as silence.
MIC_STALE_S = 1.0
MIC_PERIOD_S = 0.25
CAMERA_PERIOD_S = 1.0
UPLINK_PERIOD_S = 2.0
HOTSPOT_PERIOD_S = 5.0


class LiveSources:
    """The feeds open right now: the camera preview, the camera's frame counter, the mic meter stream."""

    def __init__(self) -> None:
        self.preview: PreviewFeed | None = None
        self.frame_counter: PreviewFeed | None = None
        self.meter: LevelMeterStream | None = None
        # The upload the latest pre-show check measured (Mbit/s at the far end); None: never measured.
        self.uplink_capacity_mbps: float | None = None

    def meter_on(self) -> bool:
        return self.meter is not None

    def camera_on(self) -> bool:
        return self.preview is not None or self.frame_counter is not None

    def mic_rms_dbfs(self) -> float | None:
        return self._loudest(0)

    def mic_peak_dbfs(self) -> float | None:
        return self._loudest(1)

    def _loudest(self, index: int) -> float | None:
        """The loudest channel's RMS (0) or peak (1) in dBFS; None when the meter gets no audio."""
        stream = self.meter
        if stream is None or stream.last_block_at is None:
            return None
        if time.monotonic() - stream.last_block_at > MIC_STALE_S:
            return None
        return max(level[index] for level in stream.latest_levels())

    def camera_fps(self) -> float | None:
        feed = self.preview or self.frame_counter
        return None if feed is None else feed.fps()

    def frame_counter_failure(self) -> str | None:
        """Why the frame counter never saw a frame (the streaming software holds the camera, or it is
        missing); None while it counts or is not running."""
        counter = self.frame_counter
        if counter is not None and counter.error and counter.frames_seen == 0:
            return counter.error
        return None


def one_rtt_ms(host: str, port: int, interface: str | None = None) -> float | None:
    """One TCP-connect RTT to the ingest for the watch (through ``interface`` if given); None when it does
    not answer."""
    from studio_app.probes.network import measure_rtt  # TLS and HTTP machinery, only once the watch runs

    try:
        stats = measure_rtt(host, port, samples=1, interface=interface)
    except (OSError, RuntimeError):  # DNS failure, no route, no such interface
        return None
    return stats.samples_ms[0] if stats.samples_ms else None


def _resolved_route_interface(host: str, port: int) -> str | None:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return None
    return route_interface(str(infos[0][4][0]), port) if infos else None


def watch_sensors(profile: StudioProfile, sources: LiveSources) -> list[WatchSensor]:
    """What can be watched: the mic while its meter is on, the camera while its preview or frame counter
    runs (the counter reads the camera when the preview is off), the uplink (RTT, loss, and the upload
    headroom once a check measured the line) when the profile names an ingest, and the backup hotspot when
    it names one. A device whose feed is switched off mid-show stops being watched until it is on again."""
    sensors: list[WatchSensor] = []
    if sources.meter is not None:
        sensors.append(WatchSensor(MIC_RMS, MIC_PERIOD_S, sources.mic_rms_dbfs, sources.meter_on))
        sensors.append(WatchSensor(MIC_PEAK, MIC_PERIOD_S, sources.mic_peak_dbfs, sources.meter_on))
    if profile.camera_source.strip():
        sensors.append(WatchSensor(CAMERA_FPS, CAMERA_PERIOD_S, sources.camera_fps, sources.camera_on))
    if not profile.ingest_url:
        return sensors
    host, port = ingest_host_port(profile.ingest_url)
    uplink = UplinkProbe(lambda: one_rtt_ms(host, port))
    sensors.append(WatchSensor(UPLINK_RTT, UPLINK_PERIOD_S, uplink.rtt_ms))
    sensors.append(WatchSensor(UPLINK_LOSS, UPLINK_PERIOD_S, uplink.loss_pct))
    if sources.uplink_capacity_mbps is not None:
        headroom = UplinkHeadroom(sources.uplink_capacity_mbps, lambda: _resolved_route_interface(host, port))
        sensors.append(WatchSensor(UPLINK_HEADROOM, UPLINK_PERIOD_S, headroom.measure))
    hotspot = profile.hotspot_interface.strip()
    if hotspot:
        link = HotspotWatch(hotspot, lambda iface: one_rtt_ms(host, port, iface))
        sensors.append(WatchSensor(HOTSPOT_LINK, HOTSPOT_PERIOD_S, link.measure))
    return sensors


def build_watch(clock: Clock, profile: StudioProfile, sensors: list[WatchSensor]) -> OnAirWatch:
    """The watch over ``sensors`` with the profile's rules for them."""
    names = {s.name for s in sensors}
    return OnAirWatch(clock, sensors, [r for r in default_rules(profile) if r.sensor in names])
