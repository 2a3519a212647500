"""The device check panel (开播前检查): run all checks, see what to fix, watch the stream while on air.

Everything that touches a device, the network or the database runs through
:func:`studio_app.ui.workers.run_in_thread`; the GUI thread only draws. The camera preview and the mic
meter are "latest value wins": a timer takes the newest frame/level and never queues old ones.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio_app.context import AppContext
from studio_app.probes.plan import ALL_PROBES, plan_tasks
from studio_app.probes.profile import DEFAULT_PROFILE_NAME, ProfileError, StudioProfile, default_profile
from studio_app.probes.report import render_html, write_html_report
from studio_app.probes.runner import CheckRun, Progress, run_checks
from studio_app.probes.watch import (
    CAMERA_FPS,
    MIC_PEAK,
    MIC_RMS,
    UPLINK_RTT,
    OnAirWatch,
    WatchEvents,
    WatchSensor,
    default_rules,
)
from studio_app.store import checks_repo
from studio_app.ui import theme
from studio_app.ui.checks.alert_banner import AlertBanner
from studio_app.ui.checks.fix_list import FixList
from studio_app.ui.checks.history_table import HistoryTable
from studio_app.ui.checks.level_meter import LevelMeter
from studio_app.ui.checks.preview import CameraPreview
from studio_app.ui.checks.profile_editor import ProfileEditor
from studio_app.ui.checks.traffic_lights import TrafficLightRow, VerdictSign
from studio_app.ui.checks.uplink_tab import UplinkTab
from studio_app.ui.workers import run_in_thread

log = logging.getLogger(__name__)

PREVIEW_INTERVAL_MS = 33
METER_INTERVAL_MS = 33
WATCH_INTERVAL_MS = 500
HISTORY_DAYS = 30


class _Bridge(QObject):
    """Carries progress from the check's worker thread to the GUI thread (queued across threads)."""

    progress = Signal(object)


class CheckPanel(QWidget):
    check_started = Signal()
    check_finished = Signal(object)  # CheckRun
    history_loaded = Signal()
    profiles_loaded = Signal()
    watch_alerts_changed = Signal(list)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.profile: StudioProfile = default_profile()
        self.profiles: list[StudioProfile] = []
        self.last_run: CheckRun | None = None
        self.last_run_id: str | None = None
        self._cancel: threading.Event | None = None
        self._busy = 0
        self._busy_cond = threading.Condition()
        self._closing = False
        self._bridge = _Bridge(self)
        self._bridge.progress.connect(self._on_progress)

        # Live feeds (started by their toggles).
        self._preview_feed: Any = None
        self._preview_stop: threading.Event | None = None
        self._preview_thread: threading.Thread | None = None
        self._fps_counter: Any = None
        self._fps_counter_stop: threading.Event | None = None
        self._fps_counter_thread: threading.Thread | None = None
        self._meter_stream: Any = None
        self._watch: OnAirWatch | None = None
        self._watch_busy = False

        self._build()
        self._preview_timer = self._timer(PREVIEW_INTERVAL_MS, self._refresh_preview)
        self._meter_timer = self._timer(METER_INTERVAL_MS, self._refresh_meter)
        self._watch_timer = self._timer(WATCH_INTERVAL_MS, self._watch_tick)
        self.reload_profiles()
        self.reload_history()

    def _timer(self, interval_ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.profile_combo = QComboBox()
        self.profile_combo.setMinimumWidth(180)
        self.profile_combo.currentIndexChanged.connect(self._profile_chosen)
        self.edit_profile_button = QPushButton(self.tr("Edit profile…"))
        self.edit_profile_button.clicked.connect(self.edit_profile)
        self.delete_profile_button = QPushButton(self.tr("Delete profile…"))
        self.delete_profile_button.setEnabled(False)  # the built-in default cannot be deleted
        self.delete_profile_button.clicked.connect(self.confirm_delete_profile)
        self.probe_boxes: dict[str, QCheckBox] = {
            "camera": QCheckBox(self.tr("Camera && lighting")),
            "mic": QCheckBox(self.tr("Microphone")),
            "network": QCheckBox(self.tr("Network")),
            "hotspot": QCheckBox(self.tr("Backup hotspot")),
        }
        for box in self.probe_boxes.values():
            box.setChecked(True)
        self.run_button = QPushButton(self.tr("Run all checks"))
        self.run_button.setObjectName("primary")
        self.run_button.setMinimumHeight(44)
        self.run_button.setMinimumWidth(170)
        self.run_button.setStyleSheet(
            f"QPushButton {{ background: {theme.ACCENT}; color: white; font-size: 14pt; font-weight: 700;"
            " border-radius: 6px; padding: 6px 18px; }"
            "QPushButton:disabled { background: #5a3440; color: #c9c9c9; }"
        )
        self.run_button.clicked.connect(self.run_all_checks)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_check)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Profile")))
        top.addWidget(self.profile_combo)
        top.addWidget(self.edit_profile_button)
        top.addWidget(self.delete_profile_button)
        top.addStretch(1)
        top.addWidget(self.cancel_button)
        top.addWidget(self.run_button)

        self.lights = TrafficLightRow()
        self.verdict = VerdictSign()
        lights_row = QHBoxLayout()
        lights_row.addWidget(self.lights, 1)
        lights_row.addWidget(self.verdict)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("Ready"))
        self.progress.setMaximumHeight(18)
        self.progress.setStyleSheet(
            "QProgressBar { background: #1b1f2a; color: #e8eaf0; border: 1px solid #2f3545;"
            " border-radius: 4px; }"
            "QProgressBar::chunk { background: #3d5a80; border-radius: 4px; }"
        )

        # Left: live camera and microphone.
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
        self.reference_button.clicked.connect(self.save_focus_reference)
        self.meter = LevelMeter()
        self.meter_toggle = QPushButton(self.tr("Live mic meter"))
        self.meter_toggle.setCheckable(True)
        self.meter_toggle.toggled.connect(self.set_meter_enabled)
        self.meter_label = QLabel(self.tr("Microphone off"))
        self.meter_label.setStyleSheet(f"color: {theme.MUTED};")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        preview_bar = QHBoxLayout()
        preview_bar.addWidget(QLabel(self.tr("Camera")))
        preview_bar.addStretch(1)
        preview_bar.addWidget(self.reference_button)
        preview_bar.addWidget(self.preview_toggle)
        left_layout.addLayout(preview_bar)
        left_layout.addWidget(self.preview, 1)
        meter_bar = QHBoxLayout()
        meter_bar.addWidget(QLabel(self.tr("Microphone")))
        meter_bar.addWidget(self.meter_label, 1)
        meter_bar.addWidget(self.meter_toggle)
        left_layout.addLayout(meter_bar)
        left_layout.addWidget(self.meter)

        # Right: what to fix, the uplink graph, history.
        self.fix_list = FixList()
        self.graph = UplinkTab()
        self.history = HistoryTable()
        self.history.run_activated.connect(self.show_stored_run)
        export_html = QPushButton(self.tr("Export HTML…"))
        export_html.clicked.connect(lambda: self._export_dialog("html"))
        export_pdf = QPushButton(self.tr("Export PDF…"))
        export_pdf.clicked.connect(lambda: self._export_dialog("pdf"))
        history_page = QWidget()
        history_layout = QVBoxLayout(history_page)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history, 1)
        export_row = QHBoxLayout()
        export_row.addStretch(1)
        export_row.addWidget(export_html)
        export_row.addWidget(export_pdf)
        history_layout.addLayout(export_row)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.fix_list, self.tr("What to fix"))
        self.tabs.addTab(self.graph, self.tr("Uplink"))
        self.tabs.addTab(history_page, self.tr("History"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.watch_toggle = QPushButton(self.tr("On-air watch"))
        self.watch_toggle.setCheckable(True)
        self.watch_toggle.toggled.connect(self.set_watch_enabled)
        self.watch_status = QLabel(self.tr("Watch off"))
        self.watch_status.setStyleSheet(f"color: {theme.MUTED};")
        self.alert_banner = AlertBanner()
        watch_row = QHBoxLayout()
        watch_row.addWidget(self.watch_toggle)
        watch_row.addWidget(self.watch_status, 1)

        # Toggles must show at a glance whether the preview, the meter and the watch are on.
        self.setStyleSheet(
            "QPushButton:checked { background: #3d5a80; color: #ffffff; border: 1px solid #6b8fc7; }"
        )
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(lights_row)
        progress_row = QHBoxLayout()
        for box in self.probe_boxes.values():
            progress_row.addWidget(box)
        progress_row.addSpacing(12)
        progress_row.addWidget(self.progress, 1)
        layout.addLayout(progress_row)
        layout.addWidget(self.alert_banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(watch_row)

    # ------------------------------------------------------------------ background helper

    def _background(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """run_in_thread, counted so that shutdown() can wait for this panel's work to end."""
        with self._busy_cond:
            self._busy += 1

        def tracked(*a: Any) -> Any:
            try:
                return fn(*a)
            finally:
                with self._busy_cond:
                    self._busy -= 1
                    self._busy_cond.notify_all()

        def guarded(callback: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
            if callback is None:
                return None

            def call(value: Any) -> None:
                if not self._closing:
                    callback(value)

            return call

        run_in_thread(tracked, *args, on_result=guarded(on_result), on_error=guarded(on_error))

    def _show_error(self, title: str, exc: BaseException) -> None:
        log.warning("%s: %s", title, exc)
        self.progress.setFormat(f"{title}: {exc}")

    # ------------------------------------------------------------------ profiles

    def reload_profiles(self, select: str | None = None) -> None:
        db = self.context.db

        def load() -> tuple[list[StudioProfile], StudioProfile]:
            with db.session() as s:
                return checks_repo.list_profiles(s), checks_repo.get_profile(s, None)

        def loaded(value: tuple[list[StudioProfile], StudioProfile]) -> None:
            profiles, default = value
            self.profiles = profiles
            wanted = select or default.name
            self.profile_combo.blockSignals(True)
            self.profile_combo.clear()
            for p in profiles:
                self.profile_combo.addItem(p.name)
            index = max(0, self.profile_combo.findText(wanted))
            self.profile_combo.setCurrentIndex(index)
            self.profile_combo.blockSignals(False)
            self.profile = profiles[index] if profiles else default
            self.delete_profile_button.setEnabled(self.profile.name != DEFAULT_PROFILE_NAME)
            self.profiles_loaded.emit()

        self._background(load, on_result=loaded, on_error=lambda e: self._show_error(self.tr("Profiles"), e))

    def refresh_after_sync(self) -> None:
        """A sync round pulled changes: profiles and runs deleted elsewhere leave the lists."""
        self.reload_profiles(select=self.profile.name)
        self.reload_history()

    def _profile_chosen(self, index: int) -> None:
        if 0 <= index < len(self.profiles):
            self.profile = self.profiles[index]
            self.delete_profile_button.setEnabled(self.profile.name != DEFAULT_PROFILE_NAME)
            if self.preview_toggle.isChecked():
                self.set_preview_enabled(False)
                self.set_preview_enabled(True)

    def edit_profile(self) -> None:
        dialog = ProfileEditor(self.profile, self)
        if dialog.exec() and dialog.result_profile is not None:
            self.save_profile(dialog.result_profile)

    def confirm_delete_profile(self) -> None:
        name = self.profile.name
        answer = QMessageBox.question(
            self,
            self.tr("Delete profile"),
            self.tr("Delete the profile “{name}”? Past checks made with it stay in the history.").format(
                name=name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_profile(name)

    def delete_profile(self, name: str) -> None:
        """Tombstones the profile (``deleted_at``), so the deletion reaches the other desktops by sync."""
        db, now = self.context.db, self.context.clock.now()

        def delete() -> None:
            with db.session() as s:
                checks_repo.delete_profile(s, name, now)

        self._background(
            delete,
            on_result=lambda _: self.reload_profiles(),
            on_error=lambda e: self._show_error(self.tr("Deleting the profile failed"), e),
        )

    def save_profile(self, profile: StudioProfile, make_default: bool = True) -> None:
        db = self.context.db

        def save() -> None:
            with db.session() as s:
                checks_repo.save_profile(s, profile, make_default=make_default)

        self.profile = profile
        self._background(
            save,
            on_result=lambda _: self.reload_profiles(select=profile.name),
            on_error=lambda e: self._show_error(self.tr("Saving the profile failed"), e),
        )

    def save_focus_reference(self) -> None:
        overlay = self.preview.overlay
        if overlay is None or overlay.sharpness <= 0:
            self.progress.setFormat(self.tr("Start the live preview first, with the host in focus."))
            return
        try:
            profile = self.profile.with_overrides(reference_sharpness=round(overlay.sharpness, 1))
        except ProfileError as exc:
            self.progress.setFormat(str(exc))
            return
        self.save_profile(profile)
        self.progress.setFormat(self.tr("Focus reference saved: {value:.0f}").format(value=overlay.sharpness))

    # ------------------------------------------------------------------ the check

    def selected_probes(self) -> set[str]:
        chosen = {name for name, box in self.probe_boxes.items() if box.isChecked()}
        if "camera" in chosen:
            chosen.add("lighting")
        return chosen

    def set_selection(self, probes: set[str]) -> None:
        for name, box in self.probe_boxes.items():
            box.setChecked(name in probes)

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def run_all_checks(self) -> None:
        if self.running:
            return
        selection = self.selected_probes()
        if not selection:
            self.progress.setFormat(self.tr("Choose at least one check."))
            return
        profile = self.profile
        cancel = threading.Event()
        self._cancel = cancel
        # A camera or microphone is opened by one program part at a time: the check takes over the device.
        self._paused_preview = self.preview_toggle.isChecked() and "camera" in selection
        self._paused_meter = self.meter_toggle.isChecked() and "mic" in selection
        if self._paused_preview:
            self.preview_toggle.setChecked(False)
        if self._paused_meter:
            self.meter_toggle.setChecked(False)
        # After the preview: switching it off hands the camera to the watch's frame counter.
        self._paused_counter = self._fps_counter is not None and "camera" in selection
        if self._paused_counter:
            self._stop_fps_counter()
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        tasks = plan_tasks(profile, selection)
        self.progress.setRange(0, len(tasks))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Checking… %v of %m done"))
        self.lights.set_running(selection)
        self.verdict.set_running()
        self.fix_list.show_placeholder(self.tr("Checking…"))
        self.check_started.emit()
        db, clock, bridge = self.context.db, self.context.clock, self._bridge

        def work() -> tuple[CheckRun, str]:
            run = run_checks(
                profile, tasks, clock=clock, cancel=cancel, on_progress=bridge.progress.emit, source="gui"
            )
            run = replace(run, results=tuple(r for r in run.results if r.probe in selection))
            with db.session() as s:
                run_id = checks_repo.save_run(s, run)
            return run, run_id

        self._background(work, on_result=self._check_done, on_error=self._check_failed)

    def cancel_check(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.progress.setFormat(self.tr("Cancelling…"))

    def _on_progress(self, progress: Progress) -> None:
        if self._closing:
            return
        self.progress.setValue(progress.done)
        for result in progress.results:
            self.lights.set_result(result)

    def _check_done(self, value: tuple[CheckRun, str]) -> None:
        run, run_id = value
        self._finish_check()
        self.last_run, self.last_run_id = run, run_id
        self.show_run(run)
        self.progress.setFormat(
            self.tr("{verdict} · {seconds:.1f} s").format(verdict=run.verdict.label(), seconds=run.duration_s)
        )
        self.reload_history()
        self.check_finished.emit(run)

    def _check_failed(self, exc: BaseException) -> None:
        # The runner turns probe failures into results; this is the store or the plan failing.
        self._finish_check()
        self.verdict.clear_verdict()
        self.fix_list.show_placeholder(self.tr("The check could not be completed: {error}").format(error=exc))
        self.progress.setFormat(self.tr("Check failed"))
        self.check_finished.emit(None)

    def _finish_check(self) -> None:
        self._cancel = None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setValue(self.progress.maximum())
        if getattr(self, "_paused_preview", False):
            self.preview_toggle.setChecked(True)
        if getattr(self, "_paused_meter", False):
            self.meter_toggle.setChecked(True)
        if getattr(self, "_paused_counter", False) and self._watch is not None and self._preview_feed is None:
            self._start_fps_counter()

    def show_run(self, run: CheckRun) -> None:
        self.lights.set_running(set())
        for result in run.results:
            self.lights.set_result(result)
        self.verdict.set_verdict(run.verdict)
        self.fix_list.set_results(run.results)
        self.tabs.setCurrentWidget(self.fix_list)

    def show_stored_run(self, run_id: str) -> None:
        db = self.context.db

        def load() -> CheckRun:
            with db.session() as s:
                return checks_repo.load_run(s, run_id)

        def loaded(run: CheckRun) -> None:
            self.last_run, self.last_run_id = run, run_id
            self.show_run(run)

        def failed(exc: BaseException) -> None:
            self._show_error(self.tr("History"), exc)
            if isinstance(exc, checks_repo.RunNotFoundError):
                self.reload_history()  # the run was deleted meanwhile: take it off the list too

        self._background(load, on_result=loaded, on_error=failed)

    # ------------------------------------------------------------------ history and the uplink graph

    def reload_history(self) -> None:
        db, now = self.context.db, self.context.clock.now()

        def load() -> tuple[
            list[checks_repo.RunSummary], list[tuple[float, float]], list[tuple[float, float]]
        ]:
            since = now - timedelta(days=HISTORY_DAYS)
            with db.session() as s:
                runs = checks_repo.list_runs(s, limit=200)
                rtt = checks_repo.metric_history(s, "network", "rtt_ms", since)
                upload = checks_repo.metric_history(s, "network", "upload_mbps", since)
            return (
                runs,
                [(p.at.timestamp(), p.value) for p in rtt],
                [(p.at.timestamp(), p.value) for p in upload],
            )

        def loaded(value: tuple[Any, Any, Any]) -> None:
            runs, rtt, upload = value
            self.history.set_runs(runs)
            # Issue 3: upload below 1.5× the push bitrate fails; the line shows where that is.
            fail_ratio = float(self.profile.thresholds.get("upload_fail_ratio", 1.5))
            self.graph.set_check_series(rtt, upload, self.profile.push_bitrate_mbps * fail_ratio)
            self.history_loaded.emit()

        self._background(load, on_result=loaded, on_error=lambda e: self._show_error(self.tr("History"), e))

    # ------------------------------------------------------------------ reports

    def _export_dialog(self, kind: str) -> None:
        run = self.last_run
        if run is None:
            QMessageBox.information(
                self, self.tr("Export"), self.tr("Run a check or pick one from the history.")
            )
            return
        stamp = run.started_at.astimezone().strftime("%Y%m%d-%H%M%S")
        suggested = self.context.workspace.reports_dir / f"check-{stamp}.{kind}"
        filter_text = self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Web page (*.html)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), str(suggested), filter_text)
        if path:
            self.export_report(Path(path))

    def export_report(self, path: Path) -> Path | None:
        """Write the shown run as HTML or PDF (by the file's suffix). PDF layout needs the GUI thread."""
        run = self.last_run
        if run is None:
            return None
        title = self.tr("Device check report")
        try:
            if path.suffix.lower() == ".pdf":
                from studio_app.ui.checks.pdf import write_pdf

                write_pdf(render_html(run, title), path)
            else:
                write_html_report(run, path, title)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export"), self.tr("Cannot write {path}: {why}").format(
                path=path, why=exc.strerror or exc))  # fmt: skip
            return None
        self.progress.setFormat(self.tr("Report written to {path}").format(path=path))
        return path

    # ------------------------------------------------------------------ live preview

    def set_preview_enabled(self, enabled: bool) -> None:
        if self.preview_toggle.isChecked() != enabled:
            self.preview_toggle.setChecked(enabled)  # re-enters through toggled
            return
        if enabled and self._preview_feed is None:
            self._stop_fps_counter()  # one reader per camera: the preview takes over the watch's counting
            from studio_app.probes.plan import camera_source
            from studio_app.probes.preview_feed import PreviewFeed

            feed = PreviewFeed(camera_source(self.profile.camera_source))
            stop = threading.Event()
            self._preview_feed, self._preview_stop = feed, stop
            self.preview.show_message(self.tr("Opening the camera…"))
            # The preview reads frames for as long as it is on. On its own thread, not run_in_thread: a
            # never-ending loop would hold one of the pool's two threads (QThreadPool = core count) and make
            # every database load and check queue behind it.
            self._preview_thread = threading.Thread(
                target=feed.run, args=(stop,), name="camera-preview", daemon=True
            )
            self._preview_thread.start()
            self._preview_timer.start()
        elif not enabled and self._preview_feed is not None:
            if self._preview_stop is not None:
                self._preview_stop.set()
            self._preview_feed = None
            self._preview_timer.stop()
            self.preview.show_message(self.tr("Preview off"))
            if self._watch is not None and CAMERA_FPS in self._watch.sensor_names:
                self._start_fps_counter()

    def _refresh_preview(self) -> None:
        feed = self._preview_feed
        if feed is None:
            return
        latest = feed.latest()
        if feed.error:
            self.preview.show_message(feed.error)
            self._preview_timer.stop()
            return
        if latest is not None:
            self.preview.show_frame(latest)

    # ------------------------------------------------------------------ live microphone meter

    def set_meter_enabled(self, enabled: bool) -> None:
        if enabled and self._meter_stream is None:
            from studio_app.probes.mic import LevelMeterStream
            from studio_app.probes.plan import mic_device

            stream = LevelMeterStream(mic_device(self.profile.mic_device))
            self._meter_stream = stream
            self.meter_label.setText(self.tr("Opening the microphone…"))

            def started(_: object) -> None:
                if self._meter_stream is stream:
                    self.meter_label.setText(stream.device_name)
                    self._meter_timer.start()
                else:  # switched off while opening
                    stream.stop()

            def failed(exc: BaseException) -> None:
                self._meter_stream = None
                self.meter_label.setText(str(exc))
                self.meter_toggle.blockSignals(True)
                self.meter_toggle.setChecked(False)
                self.meter_toggle.blockSignals(False)

            self._background(stream.start, on_result=started, on_error=failed)
        elif not enabled and self._meter_stream is not None:
            stream, self._meter_stream = self._meter_stream, None
            self._meter_timer.stop()
            self.meter.set_inactive()
            self.meter_label.setText(self.tr("Microphone off"))
            self._background(stream.stop)

    def _refresh_meter(self) -> None:
        stream = self._meter_stream
        if stream is not None:
            self.meter.set_levels(stream.latest_levels())

    # ------------------------------------------------------------------ on-air watch

    def _watch_sensors(self) -> list[WatchSensor]:
        sensors: list[WatchSensor] = []
        if self._meter_stream is not None:
            # Read whatever meter stream is current: a check pauses and reopens it mid-show.
            sensors.append(WatchSensor(MIC_RMS, 0.25, lambda: self._mic_level(0)))
            sensors.append(WatchSensor(MIC_PEAK, 0.25, lambda: self._mic_level(1)))
        if self.profile.camera_source.strip():
            if self._preview_feed is None:
                self._start_fps_counter()
            sensors.append(WatchSensor(CAMERA_FPS, 1.0, self.camera_fps))
        if self.profile.ingest_url:
            from studio_app.probes.plan import ingest_host_port

            host, port = ingest_host_port(self.profile.ingest_url)
            sensors.append(WatchSensor(UPLINK_RTT, 2.0, lambda: _one_rtt_ms(host, port)))
        return sensors

    def _mic_level(self, index: int) -> float | None:
        """The loudest channel's RMS (0) or peak (1) in dBFS; None when the meter gets no audio."""
        stream = self._meter_stream
        if stream is None or stream.last_block_at is None or time.monotonic() - stream.last_block_at > 1.0:
            return None
        return max(level[index] for level in stream.latest_levels())

    def camera_fps(self) -> float | None:
        feed = self._preview_feed or self._fps_counter
        return None if feed is None else feed.fps()

    def _start_fps_counter(self) -> None:
        """Count the camera's frames without decoding them: the watch's fps sensor while the preview is off
        (decoding 1080p for a preview nobody looks at would cost ~30 % of a core; counting costs ~1 %)."""
        if self._fps_counter is not None:
            return
        from studio_app.probes.plan import camera_source
        from studio_app.probes.preview_feed import PreviewFeed

        counter = PreviewFeed(camera_source(self.profile.camera_source), decode=False)
        stop = threading.Event()
        self._fps_counter, self._fps_counter_stop = counter, stop
        self._fps_counter_thread = threading.Thread(
            target=counter.run, args=(stop,), name="camera-fps-counter", daemon=True
        )
        self._fps_counter_thread.start()

    def _stop_fps_counter(self) -> None:
        if self._fps_counter_stop is not None:
            self._fps_counter_stop.set()
        self._fps_counter = None
        self._fps_counter_stop = None

    def set_watch_enabled(self, enabled: bool) -> None:
        if enabled:
            sensors = self._watch_sensors()
            if not sensors:
                self.watch_status.setText(
                    self.tr("Nothing to watch: start the preview or the mic meter, or set an ingest.")
                )
                self.watch_toggle.blockSignals(True)
                self.watch_toggle.setChecked(False)
                self.watch_toggle.blockSignals(False)
                return
            names = {s.name for s in sensors}
            rules = [r for r in default_rules(self.profile) if r.sensor in names]
            self._watch = OnAirWatch(self.context.clock, sensors, rules)
            self._alert_ids: dict[str, str] = {}
            self._watch_timer.start()
            labels = {
                MIC_RMS: self.tr("mic level"),
                MIC_PEAK: self.tr("mic peaks"),
                CAMERA_FPS: self.tr("camera frame rate"),
                UPLINK_RTT: self.tr("uplink RTT"),
            }
            what = self.tr(", ").join(labels[s.name] for s in sensors)
            self.watch_status.setText(self.tr("Watching: {what}").format(what=what))
        else:
            self._watch_timer.stop()
            self._watch = None
            self._stop_fps_counter()
            self.alert_banner.set_alerts([])
            self.watch_status.setText(self.tr("Watch off"))

    def _watch_tick(self) -> None:
        watch = self._watch
        if watch is None or self._watch_busy:
            return
        self._watch_busy = True
        db, clock = self.context.db, self.context.clock
        alert_ids = self._alert_ids

        def tick() -> WatchEvents:
            events = watch.tick()
            if events.raised or events.cleared:
                with db.session() as s:
                    for alert in events.raised:
                        alert_ids[alert.kind] = checks_repo.save_alert(
                            s,
                            kind=alert.kind,
                            status=alert.status,
                            raised_at=alert.raised_at,
                            message=alert.message,
                            fix=alert.fix,
                            value=alert.value,
                        )
                    for alert in events.cleared:
                        alert_id = alert_ids.pop(alert.kind, None)
                        if alert_id:
                            checks_repo.clear_alert(s, alert_id, alert.cleared_at or clock.now())
            return events

        def done(events: WatchEvents) -> None:
            self._watch_busy = False
            if self._watch is not watch:
                return
            counter = self._fps_counter
            if counter is not None and counter.error and counter.frames_seen == 0:
                # The camera is held by the streaming software (or missing): say so once, do not cry wolf.
                self._stop_fps_counter()
                watch.remove_sensor(CAMERA_FPS)
                self.watch_status.setText(
                    self.tr("{status} · camera frame rate not watched: {why}").format(
                        status=self.watch_status.text(), why=counter.error
                    )
                )
                self.alert_banner.set_alerts(watch.active_alerts())
            if UPLINK_RTT in events.readings:
                self.graph.add_live_rtt(clock.now().timestamp(), events.readings[UPLINK_RTT])
            if events.raised or events.cleared:
                active = watch.active_alerts()
                self.alert_banner.set_alerts(active)
                self.watch_alerts_changed.emit(active)

        def failed(exc: BaseException) -> None:
            self._watch_busy = False
            self._show_error(self.tr("On-air watch"), exc)

        self._background(tick, on_result=done, on_error=failed)

    # ------------------------------------------------------------------ shutdown

    def shutdown(self, timeout_s: float = 5.0) -> None:
        """Stop the timers, the feeds and any running check; wait (bounded) for this panel's workers."""
        self._closing = True
        for timer in (self._preview_timer, self._meter_timer, self._watch_timer):
            timer.stop()
        if self._cancel is not None:
            self._cancel.set()
        if self._preview_stop is not None:
            self._preview_stop.set()
        counter_thread = self._fps_counter_thread
        self._stop_fps_counter()
        stream, self._meter_stream = self._meter_stream, None
        if stream is not None:
            stream.stop()
        self._watch = None
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            with self._busy_cond:
                if self._busy == 0 or self._busy_cond.wait_for(lambda: self._busy == 0, timeout=0.02):
                    break
            # superqt hands a new worker to the pool from a 10 ms timer; without events it would never start.
            QCoreApplication.processEvents()
        for thread in (self._preview_thread, counter_thread):
            if thread is not None:
                thread.join(timeout=max(0.0, deadline - time.monotonic()))


def _one_rtt_ms(host: str, port: int) -> float | None:
    """One TCP-connect RTT to the ingest for the watch; None when it does not answer."""
    from studio_app.probes.network import measure_rtt

    try:
        stats = measure_rtt(host, port, samples=1)
    except (OSError, RuntimeError):  # DNS failure, no route
        return None
    return stats.samples_ms[0] if stats.samples_ms else None


__all__ = ["ALL_PROBES", "CheckPanel"]
