"""The on-air watch's switch and status line: while on, it reads the live devices and the uplink every half
second (on a pool thread) and shows the alerts that stand; the service stores them as they come and go."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from studio_app.clock import Clock
from studio_app.probes.live_sources import LiveSources, build_watch, watch_sensors
from studio_app.probes.profile import StudioProfile, default_profile
from studio_app.probes.service import CheckService
from studio_app.probes.watch import (
    CAMERA_FPS,
    HOTSPOT_LINK,
    MIC_PEAK,
    MIC_RMS,
    UPLINK_HEADROOM,
    UPLINK_LOSS,
    UPLINK_RTT,
    OnAirWatch,
    WatchEvents,
    WatchSensor,
)
from studio_app.ui import theme
from studio_app.ui.checks.alert_banner import AlertBanner
from studio_app.ui.checks.live_devices import LiveDevices
from studio_app.ui.workers import run_in_thread

WATCH_INTERVAL_MS = 500


@dataclass(frozen=True)
class _Tick:
    watch: OnAirWatch
    events: WatchEvents
    open_alerts: dict[str, str]  # stored alert ids by kind


def _tick_and_record(
    watch: OnAirWatch, service: CheckService, open_alerts: dict[str, str], show_id: str | None
) -> _Tick:
    """One watch tick on a pool thread: read the sensors that are due, store what was raised or cleared."""
    events = watch.tick()
    return _Tick(watch, events, service.record_watch_events(events, open_alerts, show_id=show_id))


class WatchBar(QWidget):
    alerts_changed = Signal(list)  # the WatchAlerts that stand, after one was raised or cleared
    rtt_measured = Signal(float, object)  # epoch seconds, RTT in ms or None (no answer)
    failed = Signal(str)

    def __init__(
        self,
        service: CheckService,
        clock: Clock,
        live: LiveDevices,
        banner: AlertBanner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._clock = clock
        self._live = live
        self._banner = banner
        self.profile: StudioProfile = default_profile()
        self._watch: OnAirWatch | None = None
        # What the watch reads; tests put fake devices here.
        self.sensors_for: Callable[[StudioProfile, LiveSources], list[WatchSensor]] = watch_sensors
        self.show_id: str | None = None  # the show on air, which its alerts are stored with
        self._open_alerts: dict[str, str] = {}
        self._busy = False

        self.toggle = QPushButton(self.tr("On-air watch"))
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self.set_watch_enabled)
        self.status = QLabel(self.tr("Watch off"))
        self.status.setStyleSheet(f"color: {theme.MUTED};")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.status, 1)
        self._timer = QTimer(self)
        self._timer.setInterval(WATCH_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)

    def set_watch_enabled(self, enabled: bool) -> None:
        if enabled:
            sensors = self.sensors_for(self.profile, self._live.sources)
            if not sensors:
                self.status.setText(
                    self.tr("Nothing to watch: start the preview or the mic meter, or set an ingest.")
                )
                self.toggle.blockSignals(True)
                self.toggle.setChecked(False)
                self.toggle.blockSignals(False)
                return
            names = {s.name for s in sensors}
            self._live.count_frames(CAMERA_FPS in names)
            self._watch = build_watch(self._clock, self.profile, sensors)
            self._open_alerts = {}
            self._timer.start()
            labels = {
                MIC_RMS: self.tr("mic level"),
                MIC_PEAK: self.tr("mic peaks"),
                CAMERA_FPS: self.tr("camera frame rate"),
                UPLINK_RTT: self.tr("uplink RTT"),
                UPLINK_LOSS: self.tr("uplink loss"),
                UPLINK_HEADROOM: self.tr("upload headroom"),
                HOTSPOT_LINK: self.tr("backup hotspot"),
            }
            what = self.tr(", ").join(labels[s.name] for s in sensors)
            self.status.setText(self.tr("Watching: {what}").format(what=what))
        else:
            if self._open_alerts:
                run_in_thread(self._service.close_alerts, self._open_alerts, on_error=self._tick_failed)
            self.stop()
            self._banner.set_alerts([])
            self.status.setText(self.tr("Watch off"))

    def start_for_show(self, show_id: str) -> None:
        """Going live starts the watch (as the switch does) with the show's id on its alerts."""
        if self.show_id == show_id and self.toggle.isChecked():
            return
        self.show_id = show_id
        if self.toggle.isChecked():
            self.toggle.setChecked(False)
        self.toggle.setChecked(True)

    def end_show(self, show_id: str) -> None:
        if self.show_id == show_id:
            self.toggle.setChecked(False)
            self.show_id = None

    def stop(self) -> None:
        self._timer.stop()
        self._watch = None
        self._live.count_frames(False)

    def _tick(self) -> None:
        watch = self._watch
        if watch is None or self._busy:
            return
        self._busy = True
        run_in_thread(
            _tick_and_record,
            watch,
            self._service,
            self._open_alerts,
            self.show_id,
            on_result=self._ticked,
            on_error=self._tick_failed,
        )

    def _ticked(self, tick: _Tick) -> None:
        self._busy = False
        watch, events = tick.watch, tick.events
        if watch is not self._watch:
            return  # switched off (or restarted) meanwhile
        self._open_alerts = tick.open_alerts
        failure = self._live.sources.frame_counter_failure()
        if failure is not None and CAMERA_FPS in watch.sensor_names:
            # The camera is held by the streaming software (or missing): say so once, do not cry wolf.
            self._live.count_frames(False)
            watch.remove_sensor(CAMERA_FPS)
            self.status.setText(
                self.tr("{status} · camera frame rate not watched: {why}").format(
                    status=self.status.text(), why=failure
                )
            )
            self._banner.set_alerts(watch.active_alerts())
        if UPLINK_RTT in events.readings:
            self.rtt_measured.emit(self._clock.now().timestamp(), events.readings[UPLINK_RTT])
        if events.raised or events.cleared:
            active = watch.active_alerts()
            self._banner.set_alerts(active)
            self.alerts_changed.emit(active)

    def _tick_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.failed.emit(str(exc))
