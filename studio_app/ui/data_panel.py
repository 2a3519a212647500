"""The data panel: live numbers and charts during the show, the review (复盘) afterwards, device history.

Everything that touches the database runs through ``run_in_thread``; results come back as one
``ShowBundle`` and the newest request wins (an older load finishing late is dropped). Charts redraw from a
single timer at a modest rate and only when their data changed; the live feed's samples are appended to
the charts' buffers in place.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
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
from studio_app.metrics import repo
from studio_app.metrics.export import ReportInput, review_html, write_review_csv, write_review_html
from studio_app.metrics.feed import DEFAULT_FEED_PORT, FeedError, MetricsFeedServer, scan_drop_folder
from studio_app.metrics.imports import CHINA_TZ
from studio_app.metrics.review import MetricComparison, ShowReview, compare_reviews, review_show
from studio_app.metrics.samples import Sample
from studio_app.metrics.series import chart_series
from studio_app.ui.data.history_view import HistoryView
from studio_app.ui.data.import_dialog import ImportDialog
from studio_app.ui.data.live_view import LiveView
from studio_app.ui.data.review_view import ReviewView
from studio_app.ui.data.timeseries import TimeSeriesChart
from studio_app.ui.workers import run_in_thread

log = logging.getLogger(__name__)

REDRAW_INTERVAL_MS = 250  # numbers and charts refresh about four times a second
DROP_SCAN_INTERVAL_MS = 2000
HISTORY_DAYS = 30


@dataclass(frozen=True)
class ShowInfo:
    id: str
    title: str
    start: datetime


@dataclass(frozen=True)
class ShowBundle:
    show_id: str
    source: str | None
    samples: tuple[Sample, ...]
    review: ShowReview
    timeline: repo.ShowTimeline
    comparison: tuple[MetricComparison, ...]
    incidents: tuple[tuple[datetime, str, str, str], ...]
    device_history: tuple[list[tuple[float, float]], ...] = field(default_factory=lambda: ([], []))


def local_tz() -> tzinfo:
    """The studio PC's time zone: the chart axes use it, so every time on the panel does too."""
    return datetime.now().astimezone().tzinfo or CHINA_TZ


def _week_start(at: datetime) -> datetime:
    local = at.astimezone(local_tz())
    monday = (local - timedelta(days=local.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
    return monday


def load_show_bundle(context: AppContext, show_id: str) -> ShowBundle:
    """Everything the panel shows for one show, read in one session (runs on a worker thread)."""
    with context.db.session() as s:
        source, review, timeline = repo.load_review(s, show_id)
        _, samples = repo.review_samples(s, show_id)
        show = next((sh for sh in repo.list_shows(s) if sh.id == show_id), None)
        comparison: tuple[MetricComparison, ...] = ()
        if show is not None:
            this_week = _week_start(repo.show_start(show))
            current = [sh.id for sh in repo.shows_between(s, this_week, this_week + timedelta(days=7))]
            previous = [sh.id for sh in repo.shows_between(s, this_week - timedelta(days=7), this_week)]
            comparison = compare_reviews(repo.review_of_shows(s, current), repo.review_of_shows(s, previous))
        incidents = tuple((i.at, i.kind, i.description, i.fix) for i in repo.incidents(s, show_id))
        history = repo.device_history(s, context.clock.now() - timedelta(days=HISTORY_DAYS))
    return ShowBundle(show_id, source, samples, review, timeline, comparison, incidents, history)


class DataPanel(QWidget):
    shows_loaded = Signal()
    bundle_loaded = Signal()
    load_failed = Signal(str)
    feed_samples = Signal(str, object)  # show id, samples: emitted on the feed's thread, handled queued
    entry_saved = Signal()
    exported = Signal(str)
    export_failed = Signal(str)

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, feed_port: int = DEFAULT_FEED_PORT
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._feed_port = feed_port
        self._feed: MetricsFeedServer | None = None
        self._shows: list[ShowInfo] = []
        self._bundle: ShowBundle | None = None
        self._generation = 0
        self._live_gmv_total_fen = 0
        self._live_orders = 0
        self._live_source: str | None = None
        self._on_air_show_id: str | None = None
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
        self.feed_samples.connect(self._on_feed_samples)

        self._redraw_timer = QTimer(self)
        self._redraw_timer.setInterval(REDRAW_INTERVAL_MS)
        self._redraw_timer.timeout.connect(self._redraw)
        self._redraw_timer.start()
        self._drop_timer = QTimer(self)
        self._drop_timer.setInterval(DROP_SCAN_INTERVAL_MS)
        self._drop_timer.timeout.connect(self._scan_drop_folder)

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
        def work() -> list[ShowInfo]:
            with self.context.db.session() as s:
                return [ShowInfo(sh.id, sh.title, repo.show_start(sh)) for sh in repo.list_shows(s)]

        run_in_thread(work, on_result=self._fill_shows, on_error=self._report_error)

    def refresh_after_sync(self) -> None:
        """A sync round pulled changes: shows deleted elsewhere leave the list, the numbers reload."""
        self.reload_shows()

    def _fill_shows(self, shows: list[ShowInfo]) -> None:
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
        self._on_air_show_id = None  # the live feed must not write into a deleted show
        timeline = repo.ShowTimeline((), ())
        empty = ShowBundle("", None, (), review_show(()), timeline, (), (), previous.device_history)
        self._apply_bundle(empty, self._generation)

    def _show_changed(self, _index: int) -> None:
        self._on_air_show_id = self.current_show_id()
        self.reload()

    def reload(self) -> None:
        show_id = self.current_show_id()
        if show_id is None:
            return
        self._on_air_show_id = show_id
        self._generation += 1
        generation = self._generation
        run_in_thread(
            load_show_bundle,
            self.context,
            show_id,
            on_result=lambda bundle: self._apply_bundle(bundle, generation),
            on_error=self._report_error,
        )

    def _apply_bundle(self, bundle: ShowBundle, generation: int) -> None:
        if generation != self._generation or self._closing:
            return  # a newer load is on its way: latest wins
        self._bundle = bundle
        self._live_source = bundle.source
        series = chart_series(bundle.samples)
        self.online_chart.set_series(series.online_t_s, series.online)
        self.gmv_chart.set_series(series.gmv_t_s, series.gmv_total_yuan)
        self._live_gmv_total_fen = sum(s.pay_gmv_fen or 0 for s in bundle.samples)
        self._live_orders = sum(s.pay_order_cnt or 0 for s in bundle.samples)
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
        self.history_view.show_history(*bundle.device_history[:2])
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
        names = {
            "import": self.tr("platform export"),
            "feed": self.tr("live feed"),
            "manual": self.tr("manual entries"),
        }
        if bundle.source is None:
            return self.tr("No numbers for this show yet: import an export, enter numbers or start the feed.")
        return self.tr("Numbers from: {source} ({n} samples)").format(
            source=names.get(bundle.source, bundle.source), n=len(bundle.samples)
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
        self.live_view.gmv_tile.set_text(f"¥{self._live_gmv_total_fen / 100:,.2f}")
        self.live_view.orders_tile.set_text(f"{self._live_orders:,}")
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
        gmv_fen = round(gmv_total_yuan * 100)

        def work() -> None:
            with self.context.db.session() as s:
                repo.add_manual_entry(s, show_id, at, viewers, gmv_fen, orders, note)

        def done(_result: object) -> None:
            self.live_view.entry_message.setText(
                self.tr("Saved at {time}.").format(time=at.astimezone(local_tz()).strftime("%H:%M:%S"))
            )
            self.entry_saved.emit()
            self.reload()

        run_in_thread(work, on_result=done, on_error=self._report_error)

    def log_incident(self, kind: str, description: str) -> None:
        show_id = self.current_show_id()
        if show_id is None:
            return
        at = self.context.clock.now()

        def work() -> None:
            with self.context.db.session() as s:
                repo.add_incident(s, show_id, at, kind, description)

        run_in_thread(work, on_result=self._saved, on_error=self._report_error)

    def add_ad_spend(self, channel: str, amount_yuan: float) -> None:
        show_id = self.current_show_id()
        if show_id is None:
            return

        def work() -> None:
            with self.context.db.session() as s:
                repo.add_ad_spend(s, show_id, channel, round(amount_yuan * 100))

        run_in_thread(work, on_result=self._saved, on_error=self._report_error)

    def _saved(self, _result: object = None) -> None:
        self.entry_saved.emit()
        self.reload()

    # -- live feed --------------------------------------------------------------------------------------
    def drop_folder(self) -> Path:
        return Path(self.context.workspace.root) / "metrics-drop"

    def feed_url(self) -> str | None:
        return self._feed.url if self._feed else None

    def set_feed_running(self, on: bool) -> None:
        if on and self._feed is None:
            try:
                self._feed = MetricsFeedServer(self._feed_sink, self.context.clock, port=self._feed_port)
            except OSError as exc:
                self.live_view.feed_label.setText(
                    self.tr("Could not open port {port}: {reason}").format(
                        port=self._feed_port, reason=exc.strerror
                    )
                )
                self.live_view.feed_button.setChecked(False)
                return
            self._feed.start()
            self.drop_folder().mkdir(parents=True, exist_ok=True)
            self._drop_timer.start()
            self.live_view.feed_label.setText(
                self.tr("Listening on {url}/v1/samples · drop folder {folder}").format(
                    url=self._feed.url, folder=self.drop_folder()
                )
            )
        elif not on and self._feed is not None:
            self._stop_feed()
            self.live_view.feed_label.setText(self.tr("Off."))

    def _stop_feed(self) -> None:
        self._drop_timer.stop()
        if self._feed is not None:
            self._feed.stop()
            self._feed = None

    def _feed_sink(self, show_id: str | None, samples: Sequence[Sample]) -> int:
        """Runs on the feed's thread: store, then hand the samples to the GUI thread (queued signal)."""
        target = show_id or self._on_air_show_id
        if target is None:
            raise FeedError("no show is selected in the data panel")
        with self.context.db.session() as s:
            count = repo.add_feed_samples(s, target, samples)
        self.feed_samples.emit(target, tuple(samples))
        return count

    def _scan_drop_folder(self) -> None:
        folder = self.drop_folder()
        run_in_thread(
            scan_drop_folder, folder, self._feed_sink, self.context.clock, on_error=self._report_error
        )

    def _on_feed_samples(self, show_id: str, samples: tuple[Sample, ...]) -> None:
        if show_id != self.current_show_id() or self._live_source not in (None, "feed"):
            return  # the chart shows the export or manual numbers; the review picks up the feed on reload
        self._live_source = "feed"
        for s in sorted(samples, key=lambda x: x.at):
            if s.online_viewers is not None:
                self.online_chart.append(s.at.timestamp(), s.online_viewers)
            if s.pay_gmv_fen is not None:
                self._live_gmv_total_fen += s.pay_gmv_fen
                self.gmv_chart.append(s.at.timestamp(), self._live_gmv_total_fen / 100.0)
            self._live_orders += s.pay_order_cnt or 0
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
        return ReportInput(
            title=info.title if info else "",
            review=bundle.review,
            samples=bundle.samples,
            segments=bundle.timeline.segments,
            promos=bundle.timeline.promos,
            source=self._source_name(bundle),
            incidents=tuple((at, kind, text) for at, kind, text, _fix in bundle.incidents),
            tz=local_tz(),
        )

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
            path.parent.mkdir(parents=True, exist_ok=True)
            if kind == "csv":
                return write_review_csv(path, report)
            if kind == "html":
                return write_review_html(path, report)
            from studio_app.ui.data.report_pdf import write_review_pdf

            sources = {key: f"chart-{key}.png" for key in images}
            return write_review_pdf(review_html(report, sources), images, sources, path)

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

    def review_for(self, samples: Sequence[Sample]) -> ShowReview:
        return review_show(samples)

    def shutdown(self) -> None:
        self._closing = True
        self._redraw_timer.stop()
        self._stop_feed()
