"""The data panel: live numbers and charts during the show, the review (复盘) afterwards, device history.

A view over ``metrics.service.MetricsService``: its calls run through ``run_in_thread``; a show's numbers
come back as one ``ShowBundle`` and the newest request wins (an older load finishing late is dropped). The
panel reloads when the writer reports a change to its tables. Charts redraw from a single timer at a
modest rate and only when their data changed; the live feed's samples are appended to the charts' buffers
in place.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio_app.context import AppContext
from studio_app.liveroom.watch import drop_folder
from studio_app.metrics.export import ReportInput
from studio_app.metrics.feed import DEFAULT_FEED_PORT
from studio_app.metrics.imports import local_tz
from studio_app.metrics.samples import Sample
from studio_app.metrics.series import LiveTotals, chart_series
from studio_app.metrics.service import DATA_TABLES, MetricsService, ShowBundle, empty_bundle, report_input_of
from studio_app.money import format_yuan
from studio_app.probes.service import CheckService, DeviceTrends
from studio_app.showday.timeline import with_alert_incidents
from studio_app.shows import ShowSummary
from studio_app.store.writer import Changes
from studio_app.ui.data.breakdown_tabs import BreakdownTabs
from studio_app.ui.data.feed_bridge import FeedBridge
from studio_app.ui.data.history_view import HistoryView
from studio_app.ui.data.import_dialog import ImportDialog
from studio_app.ui.data.live_view import LiveView
from studio_app.ui.data.review_view import ReviewView
from studio_app.ui.data.timeseries import TimeSeriesChart
from studio_app.ui.workers import change_feed, run_in_thread

log = logging.getLogger(__name__)

REDRAW_INTERVAL_MS = 250  # numbers and charts refresh about four times a second
RELOAD_DELAY_MS = 100  # a burst of writes reloads once
# While the live feed runs, its samples reach the charts in place; only other changes reload.
_NOT_FEED_TABLES = tuple(t for t in DATA_TABLES if t != "metric_samples")


class DataPanel(QWidget):
    shows_loaded = Signal()
    bundle_loaded = Signal()
    load_failed = Signal(str)
    entry_saved = Signal()
    exported = Signal(str)
    export_failed = Signal(str)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, feed_port: int = DEFAULT_FEED_PORT
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.service = MetricsService(context)
        self.checks = CheckService(context)  # the device tab charts the device checks' trends
        self._feed_port = feed_port
        self._feed = FeedBridge(self.service, context.clock, self)
        self._feed_running = False
        self._shows: list[ShowSummary] = []
        self._bundle: ShowBundle | None = None
        self._trends = DeviceTrends()
        self._generation = 0
        self._totals = LiveTotals()
        self._live_source: str | None = None
        self._closing = False

        # -- top bar
        self.show_combo = QComboBox()
        self.show_combo.setMinimumWidth(320)
        self.show_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.show_combo.currentIndexChanged.connect(self._show_changed)
        self.source_label = QLabel()
        self.source_label.setProperty("role", "muted")
        self.import_button = QPushButton(self.tr("Import export file…"))
        self.import_button.clicked.connect(self.open_import_dialog)
        self.export_button = QPushButton(self.tr("Export review"))
        export_menu = QMenu(self)
        export_menu.addAction(self.tr("CSV…"), lambda: self._ask_export("csv"))
        export_menu.addAction(self.tr("HTML report…"), lambda: self._ask_export("html"))
        export_menu.addAction(self.tr("PDF report…"), lambda: self._ask_export("pdf"))
        self.export_button.setMenu(export_menu)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.show_combo)
        top.addWidget(self.source_label, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)

        # -- charts
        self.online_chart = TimeSeriesChart(self.tr("Online viewers"), "#4dabf7")
        self.gmv_chart = TimeSeriesChart(self.tr("GMV (running total, ¥)"), "#51cf66")
        charts = QWidget()
        charts_layout = QHBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        charts_layout.addWidget(self.online_chart)
        charts_layout.addWidget(self.gmv_chart)

        # -- modes
        self.live_view = LiveView()
        self.review_view = ReviewView(tz=local_tz())
        self.history_view = HistoryView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.live_view, self.tr("Live"))
        self.tabs.addTab(self.review_view, self.tr("Review"))
        self.tabs.addTab(self.history_view, self.tr("Device history"))
        self.breakdown_tabs = BreakdownTabs(self.tabs, 1, local_tz(), self.add_ad_spend)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter = splitter
        splitter.addWidget(charts)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        self.tabs.currentChanged.connect(self._tab_changed)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)

        self.live_view.manual_entry_requested.connect(self.add_manual_entry)
        self.live_view.incident_requested.connect(self.log_incident)
        self.live_view.ad_spend_requested.connect(self.add_ad_spend)
        self.live_view.feed_toggled.connect(self.set_feed_running)
        self._feed.samples_arrived.connect(self.on_feed_samples)

        self._redraw_timer = QTimer(self)
        self._redraw_timer.setInterval(REDRAW_INTERVAL_MS)
        self._redraw_timer.timeout.connect(self._redraw)
        self._redraw_timer.start()
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload_shows)
        change_feed(context.writer).changed.connect(self._on_changes)

        self.reload_shows()

    def _tab_changed(self, index: int) -> None:
        # Live is about the charts; the review is about its tables: give the space to what the mode needs.
        total = sum(self.splitter.sizes()) or self.height()
        share = 0.62 if self.tabs.widget(index) is self.live_view else 0.38
        self.splitter.setSizes([int(total * share), int(total * (1 - share))])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._tab_changed(self.tabs.currentIndex())

    # -- loading ---------------------------------------------------------------------------------------
    def current_show_id(self) -> str | None:
        data = self.show_combo.currentData()
        return str(data) if data else None

    def reload_shows(self) -> None:
        run_in_thread(self.service.list_shows, on_result=self._fill_shows, on_error=self._report_error)

    reload_lists = reload_shows  # shows changed elsewhere (a sync round): deleted ones leave the list

    def _on_changes(self, changes: Changes) -> None:
        if self._closing or not changes.touches(*DATA_TABLES):
            return
        if self._feed_running and not changes.touches(*_NOT_FEED_TABLES):
            return  # the feed's own samples, already on the charts
        self._reload_timer.start()

    def _fill_shows(self, shows: list[ShowSummary]) -> None:
        if self._closing:
            return
        keep = self.current_show_id()
        self._shows = shows
        self.show_combo.blockSignals(True)
        self.show_combo.clear()
        for info in shows:
            local = info.start.astimezone(local_tz()).strftime("%Y-%m-%d %H:%M")
            self.show_combo.addItem(f"{info.title}  ·  {local}", info.id)
        index = max(0, self.show_combo.findData(keep)) if keep else 0
        self.show_combo.setCurrentIndex(index)
        self.show_combo.blockSignals(False)
        self.shows_loaded.emit()
        if shows:
            self.reload()
        else:
            if self._bundle is not None and self._bundle.show_id:
                self._clear_show(self._bundle)  # the shown show was deleted (maybe elsewhere, via sync)
            self.message_label.setText(self.tr("No shows yet. Plan a show in the script runner first."))

    def _clear_show(self, previous: ShowBundle) -> None:
        """Empty charts and review; the device history is not per show and stays."""
        self._generation += 1  # a load still on its way is stale now
        self._feed.feed.on_air_show_id = None  # the live feed must not write into a deleted show
        self._apply_bundle(empty_bundle(), self._trends, self._generation)

    def _show_changed(self, _index: int) -> None:
        self._feed.feed.on_air_show_id = self.current_show_id()
        self.reload()

    def reload(self) -> None:
        show_id = self.current_show_id()
        if show_id is None:
            return
        self._feed.feed.on_air_show_id = show_id
        self._generation += 1
        generation = self._generation
        run_in_thread(
            _load_show,
            self.service,
            self.checks,
            show_id,
            local_tz(),
            on_result=lambda loaded: self._apply_bundle(loaded[0], loaded[1], generation),
            on_error=self._report_error,
        )

    def _apply_bundle(self, bundle: ShowBundle, trends: DeviceTrends, generation: int) -> None:
        if generation != self._generation or self._closing:
            return  # a newer load is on its way: latest wins
        self._bundle, self._trends = bundle, trends
        self._live_source = bundle.source
        series = chart_series(bundle.samples)
        self.online_chart.set_series(series.online_t_s, series.online)
        self.gmv_chart.set_series(series.gmv_t_s, series.gmv_total_yuan)
        self._totals = LiveTotals().plus(bundle.samples)
        segments = [
            (seg.name, seg.start.timestamp(), seg.end.timestamp()) for seg in bundle.timeline.segments
        ]
        promos = [(p.name, p.at.timestamp()) for p in bundle.timeline.promos]
        for chart in (self.online_chart, self.gmv_chart):
            chart.set_timeline(segments, promos)
            chart.getPlotItem().enableAutoRange()
        self.review_view.show_review(
            bundle.review, self._source_text(bundle), bundle.comparison, bundle.incidents
        )
        self.history_view.show_history(trends.noise_floor_dbfs, trends.upload_mbps)
        self.breakdown_tabs.show_breakdown(bundle.breakdown)
        self.review_view.questions_review.load(self.context, self.current_show_id())
        self.source_label.setText(self._source_text(bundle))
        self._update_tiles(bundle.samples[-1].at if bundle.samples else None)
        self.message_label.clear()
        self._redraw()
        self.bundle_loaded.emit()

    def _source_name(self, bundle: ShowBundle) -> str:
        names = {
            "import": self.tr("platform export"),
            "feed": self.tr("live feed"),
            "manual": self.tr("manual entries"),
        }
        return names.get(bundle.source or "", bundle.source or "—")

    def _source_text(self, bundle: ShowBundle) -> str:
        if bundle.source is None:
            return self.tr("No numbers for this show yet: import an export, enter numbers or start the feed.")
        return self.tr("Numbers from: {source} ({n} samples)").format(
            source=self._source_name(bundle), n=len(bundle.samples)
        )

    def _report_error(self, exc: BaseException) -> None:
        text = (
            str(exc)
            if isinstance(exc, ValueError | OSError)
            else self.tr("Could not load the data; see the log.")
        )
        self.message_label.setText(text)
        self.load_failed.emit(text)

    # -- drawing -----------------------------------------------------------------------------------------
    def _redraw(self) -> None:
        self.online_chart.flush()
        self.gmv_chart.flush()

    def _update_tiles(self, last_at: datetime | None) -> None:
        online = self.online_chart.last_value()
        self.live_view.online_tile.set_text("—" if online is None else f"{int(online):,}")
        self.live_view.gmv_tile.set_text(format_yuan(self._totals.gmv_total_fen))
        self.live_view.orders_tile.set_text(f"{self._totals.orders:,}")
        self.live_view.updated_tile.set_text(
            "—" if last_at is None else last_at.astimezone(local_tz()).strftime("%H:%M:%S")
        )

    # -- manual entry, incidents, ad spend ----------------------------------------------------------------
    def add_manual_entry(
        self, viewers: int | None, gmv_total_yuan: float, orders: int | None, note: str
    ) -> None:
        show_id = self.current_show_id()
        if show_id is None:
            return
        at = self.context.clock.now()

        def done(_result: object) -> None:
            self.live_view.entry_message.setText(
                self.tr("Saved at {time}.").format(time=at.astimezone(local_tz()).strftime("%H:%M:%S"))
            )
            self._saved()

        run_in_thread(
            self.service.add_manual_entry,
            show_id,
            at,
            viewers,
            gmv_total_yuan,
            orders,
            note,
            on_result=done,
            on_error=self._report_error,
        )

    def log_incident(self, kind: str, description: str) -> None:
        show_id = self.current_show_id()
        if show_id is not None:
            at = self.context.clock.now()
            run_in_thread(
                self.service.log_incident,
                show_id,
                at,
                kind,
                description,
                on_result=self._saved,
                on_error=self._report_error,
            )

    def add_ad_spend(self, channel: str, amount_yuan: float) -> None:
        show_id = self.current_show_id()
        if show_id is not None:
            run_in_thread(
                self.service.add_ad_spend,
                show_id,
                channel,
                amount_yuan,
                on_result=self._saved,
                on_error=self._report_error,
            )

    def _saved(self, _result: object = None) -> None:
        self.entry_saved.emit()
        self.reload()

    # -- live feed --------------------------------------------------------------------------------------
    def feed_url(self) -> str | None:
        return self._feed.feed.url

    def set_feed_running(self, on: bool) -> None:
        if on and not self._feed_running:
            try:
                url = self._feed.feed.start(self._feed_port)
            except OSError as exc:
                self.live_view.feed_label.setText(
                    self.tr("Could not open port {port}: {reason}").format(
                        port=self._feed_port, reason=exc.strerror
                    )
                )
                self.live_view.feed_button.setChecked(False)
                return
            self._feed_running = True
            self.live_view.feed_label.setText(
                self.tr("Listening on {url}/v1/samples · drop folder {folder}").format(
                    url=url, folder=drop_folder(self.context.workspace.root)
                )
            )
        elif not on and self._feed_running:
            self._stop_feed()
            self.live_view.feed_label.setText(self.tr("Off."))

    def _stop_feed(self) -> None:
        self._feed.feed.stop()
        self._feed_running = False

    def feed_show_id(self) -> str | None:
        """The show the feed's samples and the drop folder's files go to while the feed runs."""
        return self.current_show_id() if self._feed_running else None

    def on_feed_samples(self, show_id: str, samples: tuple[Sample, ...]) -> None:
        if show_id != self.current_show_id() or self._live_source not in (None, "feed"):
            return  # the chart shows the export or manual numbers; the review picks up the feed on reload
        self._live_source = "feed"
        ordered = sorted(samples, key=lambda x: x.at)
        series = chart_series(ordered, gmv_start_fen=self._totals.gmv_total_fen)
        for t, value in zip(series.online_t_s, series.online, strict=True):
            self.online_chart.append(float(t), float(value))
        for t, value in zip(series.gmv_t_s, series.gmv_total_yuan, strict=True):
            self.gmv_chart.append(float(t), float(value))
        self._totals = self._totals.plus(ordered)
        if samples:
            self._update_tiles(max(s.at for s in samples))

    # -- import and export ------------------------------------------------------------------------------
    def _show_day(self) -> date | None:
        show_id = self.current_show_id()
        info = next((i for i in self._shows if i.id == show_id), None)
        return info.start.astimezone(local_tz()).date() if info else None

    def open_import_dialog(self) -> ImportDialog | None:
        show_id = self.current_show_id()
        if show_id is None:
            QMessageBox.information(self, self.tr("Import"), self.tr("Choose or create a show first."))
            return None
        dialog = ImportDialog(self.context, show_id, self._show_day(), self)
        dialog.imported.connect(lambda _n: self.reload())
        dialog.open()
        return dialog

    def _report_input(self) -> ReportInput | None:
        bundle = self._bundle
        if bundle is None:
            return None
        info = next((i for i in self._shows if i.id == bundle.show_id), None)
        title = info.title if info else ""
        return report_input_of(title, bundle, self._source_name(bundle), local_tz())

    def _ask_export(self, kind: str) -> None:
        filters = {
            "csv": self.tr("CSV (*.csv)"),
            "html": self.tr("HTML (*.html)"),
            "pdf": self.tr("PDF (*.pdf)"),
        }
        default = Path(self.context.workspace.reports_dir) / f"review.{kind}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export review"), str(default), filters[kind])
        if path:
            self.export_review(Path(path), kind)

    def export_review(self, path: Path, kind: str) -> None:
        """Write the review of the shown show on a worker; ``exported`` or ``export_failed`` tells the end.

        The PDF is laid out by Qt from the same HTML, with pictures of the panel's own charts (grabbed
        here, on the GUI thread; the writing happens on the worker).
        """
        report = self._report_input()
        if report is None:
            self.message_label.setText(self.tr("Nothing to export yet."))
            self.export_failed.emit(self.message_label.text())
            return
        images: dict[str, QImage] = {}
        if kind == "pdf":
            images = {"online": self.online_chart.grab().toImage(), "gmv": self.gmv_chart.grab().toImage()}

        def work() -> Path:
            from studio_app.ui.data.report_pdf import write_report  # Qt's PDF writer only when asked

            return write_report(path, kind, report, images)

        def done(written: Path) -> None:
            self.message_label.setText(self.tr("Review saved to {path}").format(path=written))
            self.exported.emit(str(written))

        def failed(exc: BaseException) -> None:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.message_label.setText(
                self.tr("Could not write {path}: {reason}").format(path=path, reason=reason)
            )
            self.export_failed.emit(self.message_label.text())

        run_in_thread(work, on_result=done, on_error=failed)

    # -- for tests and benchmarks ------------------------------------------------------------------------
    def bundle(self) -> ShowBundle | None:
        return self._bundle

    def shutdown(self) -> None:
        self._closing = True
        self._redraw_timer.stop()
        self._reload_timer.stop()
        self._stop_feed()


def _load_show(m: MetricsService, c: CheckService, show: str, tz: tzinfo) -> tuple[ShowBundle, DeviceTrends]:
    return with_alert_incidents(m.load_show(show, tz), c.show_alerts(show)), c.device_trends()
