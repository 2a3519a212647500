"""The device check panel (开播前检查): run all checks, see what to fix, watch the stream while on air.

A thin view over :class:`~studio_app.probes.service.CheckService`: the service's calls run through
:func:`studio_app.ui.workers.run_in_thread`, the camera loops on device threads (``ui/checks/live_devices``),
and the GUI thread only draws.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
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
from studio_app.probes.live_sources import LiveSources
from studio_app.probes.network import upload_fail_line_mbps
from studio_app.probes.plan import ALL_PROBES, plan_tasks
from studio_app.probes.profile import DEFAULT_PROFILE_NAME, ProfileError, StudioProfile, default_profile
from studio_app.probes.repo import RunNotFoundError
from studio_app.probes.report import render_html, write_html_report
from studio_app.probes.runner import CheckRun, Progress
from studio_app.probes.service import (
    PROFILE_TABLES,
    RUN_TABLES,
    CheckHistory,
    CheckService,
    Profiles,
    SavedRun,
)
from studio_app.store.writer import Changes
from studio_app.ui import theme
from studio_app.ui.checks.alert_banner import AlertBanner
from studio_app.ui.checks.drill_button import DrillButton
from studio_app.ui.checks.fix_list import FixList
from studio_app.ui.checks.history_page import HistoryPage
from studio_app.ui.checks.live_devices import LiveDevices, PausedDevices
from studio_app.ui.checks.traffic_lights import TrafficLightRow, VerdictSign
from studio_app.ui.checks.uplink_tab import UplinkTab
from studio_app.ui.checks.watch_bar import WatchBar
from studio_app.ui.workers import change_feed, run_in_thread

log = logging.getLogger(__name__)


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
        self.service = CheckService(context)
        self.profile: StudioProfile = default_profile()
        self.profiles: list[StudioProfile] = []
        self.last_run: CheckRun | None = None
        self.last_run_id: str | None = None
        self._cancel: threading.Event | None = None
        self._paused = PausedDevices(preview=False, meter=False, frame_counter=False)
        self._closing = False
        self.linked_show: Callable[[], str | None] = lambda: None  # the show a run clears (ui/showday.py)
        self._profiles_load = self._history_load = 0  # numbers the loads, so a stale one is dropped
        self._bridge = _Bridge(self)
        self._bridge.progress.connect(self._on_progress)
        self._build()
        change_feed(context.writer).changed.connect(self._data_changed)
        self.reload_profiles()
        self.reload_history()

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
        self.drill = DrillButton(self.service, lambda: self.profile, lambda: self.watch.show_id is not None)
        self.drill.finished.connect(lambda saved: self.show_stored_run(saved.run_id))
        self.drill.failed.connect(lambda why: self._show_error(self.tr("Failover drill"), why))
        top.addWidget(self.drill)
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

        self.live = LiveDevices(LiveSources())
        self.live.reference_button.clicked.connect(self.save_focus_reference)
        # The live column's parts, by the names the panel has always had.
        self.preview, self.preview_toggle = self.live.preview, self.live.preview_toggle
        self.meter, self.meter_toggle = self.live.meter, self.live.meter_toggle

        # Right: what to fix, the uplink graph, history.
        self.fix_list = FixList()
        self.graph = UplinkTab()
        history_page = HistoryPage()
        history_page.export_requested.connect(self._export_dialog)
        self.history = history_page.table
        self.history.run_activated.connect(self.show_stored_run)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.fix_list, self.tr("What to fix"))
        self.tabs.addTab(self.graph, self.tr("Uplink"))
        self.tabs.addTab(history_page, self.tr("History"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.live)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.alert_banner = AlertBanner()
        self.watch = WatchBar(self.service, self.context.clock, self.live, self.alert_banner)
        self.watch.alerts_changed.connect(self.watch_alerts_changed)
        self.watch.rtt_measured.connect(self.graph.add_live_rtt)
        self.watch.failed.connect(lambda why: self._show_error(self.tr("On-air watch"), why))
        self.watch_toggle, self.watch_status = self.watch.toggle, self.watch.status

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
        layout.addWidget(self.watch)

    def _show_error(self, title: str, error: BaseException | str) -> None:
        log.warning("%s: %s", title, error)
        self.progress.setFormat(f"{title}: {error}")

    def _data_changed(self, changes: Changes) -> None:
        """Profiles or runs were written (here, by the command line in another window, or by sync)."""
        if self._closing:
            return
        if changes.touches(*PROFILE_TABLES):
            # Keep the profile on screen; before the first load there is none yet (the stored default wins).
            self.reload_profiles(select=self.profile.name if self.profiles else None)
        if changes.touches(*RUN_TABLES):
            self.reload_history()

    def _set_profile(self, profile: StudioProfile) -> None:
        self.profile = self.live.profile = self.watch.profile = profile

    # ------------------------------------------------------------------ profiles

    def reload_profiles(self, select: str | None = None) -> None:
        # Loads run on a pool of threads and may finish out of order: only the newest one is shown.
        self._profiles_load += 1
        load = self._profiles_load

        def loaded(value: Profiles) -> None:
            if self._closing or load != self._profiles_load:
                return
            self.profiles = list(value.profiles)
            names = [p.name for p in self.profiles]
            wanted = select if select in names else value.default.name
            self.profile_combo.blockSignals(True)
            self.profile_combo.clear()
            for p in self.profiles:
                self.profile_combo.addItem(p.name)
            index = max(0, self.profile_combo.findText(wanted))
            self.profile_combo.setCurrentIndex(index)
            self.profile_combo.blockSignals(False)
            self._set_profile(self.profiles[index] if self.profiles else value.default)
            self.delete_profile_button.setEnabled(self.profile.name != DEFAULT_PROFILE_NAME)
            self.profiles_loaded.emit()

        run_in_thread(
            self.service.load_profiles,
            on_result=loaded,
            on_error=lambda e: self._show_error(self.tr("Profiles"), e),
        )

    def reload_lists(self) -> None:
        """Profiles and runs changed elsewhere: ones deleted there leave the lists."""
        self.reload_profiles(select=self.profile.name)
        self.reload_history()

    def _profile_chosen(self, index: int) -> None:
        if 0 <= index < len(self.profiles):
            self._set_profile(self.profiles[index])
            self.delete_profile_button.setEnabled(self.profile.name != DEFAULT_PROFILE_NAME)
            self.live.reopen_preview()

    def edit_profile(self) -> None:
        from studio_app.ui.checks.profile_editor import ProfileEditor

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
        run_in_thread(
            self.service.delete_profile,
            name,
            on_error=lambda e: self._show_error(self.tr("Deleting the profile failed"), e),
        )

    def save_profile(self, profile: StudioProfile, make_default: bool = True) -> None:
        self._set_profile(profile)
        run_in_thread(
            self.service.save_profile,
            profile,
            make_default=make_default,
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
        cancel = threading.Event()
        self._cancel = cancel
        # A camera or microphone is opened by one program part at a time: the check takes over the device.
        self._paused = self.live.pause_for_check(selection)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, len(plan_tasks(self.profile, selection)))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Checking… %v of %m done"))
        self.lights.set_running(selection)
        self.verdict.set_running()
        self.fix_list.show_placeholder(self.tr("Checking…"))
        self.check_started.emit()
        run_in_thread(
            self.service.run_check,
            self.profile,
            selection,
            source="gui",
            show_id=self.linked_show(),
            cancel=cancel,
            on_progress=self._bridge.progress.emit,
            on_result=self._check_done,
            on_error=self._check_failed,
        )

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

    def _check_done(self, saved: SavedRun) -> None:
        if self._closing:
            return
        run = saved.run
        self._finish_check()
        self.last_run, self.last_run_id = run, saved.run_id
        self.show_run(run)
        self.progress.setFormat(
            self.tr("{verdict} · {seconds:.1f} s").format(verdict=run.verdict.label(), seconds=run.duration_s)
        )
        self.check_finished.emit(run)

    def _check_failed(self, exc: BaseException) -> None:
        if self._closing:
            return
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
        self.live.resume_after_check(self._paused)

    def show_run(self, run: CheckRun) -> None:
        self.lights.set_running(set())
        for result in run.results:
            self.lights.set_result(result)
        self.verdict.set_verdict(run.verdict)
        self.fix_list.set_results(run.results)
        self.tabs.setCurrentWidget(self.fix_list)

    def show_stored_run(self, run_id: str) -> None:
        def loaded(run: CheckRun) -> None:
            self.last_run, self.last_run_id = run, run_id
            self.show_run(run)

        def failed(exc: BaseException) -> None:
            self._show_error(self.tr("History"), exc)
            if isinstance(exc, RunNotFoundError):
                self.reload_history()  # the run was deleted meanwhile: take it off the list too

        run_in_thread(self.service.load_run, run_id, on_result=loaded, on_error=failed)

    # ------------------------------------------------------------------ history and the uplink graph

    def reload_history(self) -> None:
        self._history_load += 1
        load = self._history_load

        def loaded(history: CheckHistory) -> None:
            if self._closing or load != self._history_load:
                return
            self.history.set_runs(history.runs)
            upload = history.upload_mbps  # the watch's headroom is against the line's latest measured upload
            self.live.sources.uplink_capacity_mbps = upload[-1][1] if upload else None
            fail_line = upload_fail_line_mbps(self.profile.push_bitrate_mbps, self.profile.thresholds)
            self.graph.set_check_series(list(history.rtt_ms), list(history.upload_mbps), fail_line)
            self.history_loaded.emit()

        run_in_thread(
            self.service.history,
            on_result=loaded,
            on_error=lambda e: self._show_error(self.tr("History"), e),
        )

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

    # ------------------------------------------------------------------ live devices

    def camera_fps(self) -> float | None:
        return self.live.sources.camera_fps()

    # ------------------------------------------------------------------ shutdown

    def shutdown(self, timeout_s: float = 5.0) -> None:
        """Stop the watch, any running check and the devices, waiting (bounded) for the camera loops; jobs
        still on the pool deliver nothing to the panel after this (the app waits for them at exit)."""
        self._closing = True
        if self._cancel is not None:
            self._cancel.set()
        self.watch.stop()
        self.drill.cancel()
        self.live.shutdown(timeout_s)


__all__ = ["ALL_PROBES", "CheckPanel"]
