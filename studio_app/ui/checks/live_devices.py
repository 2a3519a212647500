"""The check panel's live column: the camera preview and the microphone meter, each on while its toggle is.

The camera is read on a :class:`~studio_app.ui.workers.DeviceThread` (a loop as long as the preview is on
would hold a pool thread); a timer draws the newest frame or level and never queues old ones. While the
on-air watch needs the camera's frame rate and the preview is off, a frame counter reads the camera
without decoding (decoding 1080p for a preview nobody looks at costs ~30 % of a core; counting ~1 %).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studio_app.probes.live_sources import LiveSources
from studio_app.probes.plan import camera_source, mic_device
from studio_app.probes.profile import StudioProfile, default_profile
from studio_app.ui import theme
from studio_app.ui.checks.level_meter import LevelMeter
from studio_app.ui.checks.preview import CameraPreview
from studio_app.ui.workers import DeviceThread, run_in_thread

if TYPE_CHECKING:
    from studio_app.probes.mic import LevelMeterStream

PREVIEW_INTERVAL_MS = 33
METER_INTERVAL_MS = 33
# A toggle waits this long for the camera loop to let go of the device; shutdown waits longer.
TOGGLE_STOP_S = 0.5


@dataclass(frozen=True)
class PausedDevices:
    """What a check took over, to hand back when it ends (one program part opens a device at a time)."""

    preview: bool
    meter: bool
    frame_counter: bool


def _open_meter(stream: LevelMeterStream) -> LevelMeterStream:
    stream.start()
    return stream


class LiveDevices(QWidget):
    def __init__(self, sources: LiveSources, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sources = sources
        self.profile: StudioProfile = default_profile()
        self._preview_thread: DeviceThread | None = None
        self._counter_thread: DeviceThread | None = None
        self._count_frames = False  # the on-air watch reads the camera's frame rate

        self.preview = CameraPreview()
        self.preview_toggle = QPushButton(self.tr("Live preview"))
        self.preview_toggle.setCheckable(True)
        self.preview_toggle.toggled.connect(self.set_preview_enabled)
        self.reference_button = QPushButton(self.tr("Save focus reference"))
        self.reference_button.setToolTip(
            self.tr(
                "Use the current sharpness as this profile's reference; later checks warn below half of it."
            )
        )
        self.meter = LevelMeter()
        self.meter_toggle = QPushButton(self.tr("Live mic meter"))
        self.meter_toggle.setCheckable(True)
        self.meter_toggle.toggled.connect(self.set_meter_enabled)
        self.meter_label = QLabel(self.tr("Microphone off"))
        self.meter_label.setStyleSheet(f"color: {theme.MUTED};")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        preview_bar = QHBoxLayout()
        preview_bar.addWidget(QLabel(self.tr("Camera")))
        preview_bar.addStretch(1)
        preview_bar.addWidget(self.reference_button)
        preview_bar.addWidget(self.preview_toggle)
        layout.addLayout(preview_bar)
        layout.addWidget(self.preview, 1)
        meter_bar = QHBoxLayout()
        meter_bar.addWidget(QLabel(self.tr("Microphone")))
        meter_bar.addWidget(self.meter_label, 1)
        meter_bar.addWidget(self.meter_toggle)
        layout.addLayout(meter_bar)
        layout.addWidget(self.meter)

        self._preview_timer = QTimer(self)
        self._preview_timer.setInterval(PREVIEW_INTERVAL_MS)
        self._preview_timer.timeout.connect(self._refresh_preview)
        self._meter_timer = QTimer(self)
        self._meter_timer.setInterval(METER_INTERVAL_MS)
        self._meter_timer.timeout.connect(self._refresh_meter)

    # ------------------------------------------------------------------ camera preview

    def set_preview_enabled(self, enabled: bool) -> None:
        if self.preview_toggle.isChecked() != enabled:
            self.preview_toggle.setChecked(enabled)  # re-enters through toggled
            return
        if enabled and self.sources.preview is None:
            from studio_app.probes.preview_feed import PreviewFeed

            self._stop_frame_counter()  # one reader per camera: the preview takes over the counting
            feed = PreviewFeed(camera_source(self.profile.camera_source))
            self.sources.preview = feed
            self.preview.show_message(self.tr("Opening the camera…"))
            self._preview_thread = DeviceThread("camera-preview", feed.run).start()
            self._preview_timer.start()
        elif not enabled and self.sources.preview is not None:
            self._stop_preview(TOGGLE_STOP_S)
            self.preview.show_message(self.tr("Preview off"))
            if self._count_frames:
                self._start_frame_counter()

    def reopen_preview(self) -> None:
        """Another profile was chosen: its camera, if the preview is on."""
        if self.preview_toggle.isChecked():
            self.set_preview_enabled(False)
            self.set_preview_enabled(True)

    def _stop_preview(self, timeout_s: float) -> None:
        self.sources.preview = None
        self._preview_timer.stop()
        thread, self._preview_thread = self._preview_thread, None
        if thread is not None:
            thread.stop(timeout_s)

    def _refresh_preview(self) -> None:
        feed = self.sources.preview
        if feed is None:
            return
        latest = feed.latest()
        if feed.error:
            self.preview.show_message(feed.error)
            self._preview_timer.stop()
            return
        if latest is not None:
            self.preview.show_frame(latest)

    # ------------------------------------------------------------------ frame counter for the watch

    def count_frames(self, wanted: bool) -> None:
        """The watch wants the camera's frame rate (or no longer does)."""
        self._count_frames = wanted
        if wanted and self.sources.preview is None and self.profile.camera_source.strip():
            self._start_frame_counter()
        elif not wanted:
            self._stop_frame_counter()

    def _start_frame_counter(self) -> None:
        if self.sources.frame_counter is not None:
            return
        from studio_app.probes.preview_feed import PreviewFeed

        counter = PreviewFeed(camera_source(self.profile.camera_source), decode=False)
        self.sources.frame_counter = counter
        self._counter_thread = DeviceThread("camera-fps-counter", counter.run).start()

    def _stop_frame_counter(self, timeout_s: float = TOGGLE_STOP_S) -> None:
        self.sources.frame_counter = None
        thread, self._counter_thread = self._counter_thread, None
        if thread is not None:
            thread.stop(timeout_s)

    # ------------------------------------------------------------------ microphone meter

    def set_meter_enabled(self, enabled: bool) -> None:
        if enabled and self.sources.meter is None:
            from studio_app.probes.mic import LevelMeterStream

            stream = LevelMeterStream(mic_device(self.profile.mic_device))
            self.sources.meter = stream
            self.meter_label.setText(self.tr("Opening the microphone…"))
            run_in_thread(_open_meter, stream, on_result=self._meter_opened, on_error=self._meter_failed)
        elif not enabled and self.sources.meter is not None:
            stream, self.sources.meter = self.sources.meter, None
            self._meter_timer.stop()
            self.meter.set_inactive()
            self.meter_label.setText(self.tr("Microphone off"))
            run_in_thread(stream.stop)

    def _meter_opened(self, stream: LevelMeterStream) -> None:
        if self.sources.meter is stream:
            self.meter_label.setText(stream.device_name)
            self._meter_timer.start()
        else:  # switched off (or shut down) while opening
            stream.stop()

    def _meter_failed(self, exc: BaseException) -> None:
        self.sources.meter = None
        self.meter_label.setText(str(exc))
        self.meter_toggle.blockSignals(True)
        self.meter_toggle.setChecked(False)
        self.meter_toggle.blockSignals(False)

    def _refresh_meter(self) -> None:
        stream = self.sources.meter
        if stream is not None:
            self.meter.set_levels(stream.latest_levels())

    # ------------------------------------------------------------------ a check takes the devices

    def pause_for_check(self, selection: Collection[str]) -> PausedDevices:
        preview = self.preview_toggle.isChecked() and "camera" in selection
        meter = self.meter_toggle.isChecked() and "mic" in selection
        if preview:
            self.preview_toggle.setChecked(False)
        if meter:
            self.meter_toggle.setChecked(False)
        # After the preview: switching it off hands the camera to the watch's frame counter.
        counter = self.sources.frame_counter is not None and "camera" in selection
        if counter:
            self._stop_frame_counter()
        return PausedDevices(preview, meter, counter)

    def resume_after_check(self, paused: PausedDevices) -> None:
        if paused.preview:
            self.preview_toggle.setChecked(True)
        if paused.meter:
            self.meter_toggle.setChecked(True)
        if paused.frame_counter and self._count_frames and self.sources.preview is None:
            self._start_frame_counter()

    def shutdown(self, timeout_s: float) -> None:
        """Stop the timers and every device; wait (bounded) for the camera loops to end."""
        self._meter_timer.stop()
        self._count_frames = False
        self._stop_preview(timeout_s)
        self._stop_frame_counter(timeout_s)
        stream, self.sources.meter = self.sources.meter, None
        if stream is not None:
            stream.stop()
