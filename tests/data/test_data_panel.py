from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from data_example import CSV_TEXT, HEADER, ROWS
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.metrics import repo
from studio_app.metrics.review import MetricKey, Unit, format_metric_value
from studio_app.store.models import Show
from studio_app.ui.data.import_dialog import ImportDialog
from studio_app.ui.data_panel import DataPanel
from studio_app.ui.liveroom.panel import POLL_S, LiveRoomPanel
from studio_app.ui.script_panel import ScriptPanel
from studio_app.ui.showday import ShowDay

WAIT_MS = 15_000


def _panel(qtbot: QtBot, context: AppContext) -> DataPanel:
    panel = DataPanel(context, feed_port=0)
    qtbot.addWidget(panel)
    panel.resize(1400, 900)
    return panel


@pytest.fixture
def demo_panel(qtbot: QtBot, app_context: AppContext) -> Iterator[DataPanel]:
    panel = DataPanel(app_context, feed_port=0)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.bundle_loaded, timeout=WAIT_MS):
        pass
    yield panel
    panel.shutdown()


@pytest.fixture
def empty_show(empty_app_context: AppContext) -> str:
    with empty_app_context.db.session() as s:
        show = Show(title="新场次", started_at=datetime(2026, 11, 20, 12, 0, tzinfo=UTC))
        s.add(show)
        s.flush()
        return show.id


def _table_text(table, row: int, col: int) -> str:  # type: ignore[no-untyped-def]
    item = table.item(row, col)
    return item.text() if item is not None else ""


def test_demo_show_review_shows_metrics_with_formulas_and_charts(demo_panel: DataPanel) -> None:
    bundle = demo_panel.bundle()
    assert bundle is not None and bundle.source == "import"
    table = demo_panel.review_view.metrics_table
    labels = [_table_text(table, r, 0) for r in range(table.rowCount())]
    gmv_row = labels.index("GMV")
    expected = format_metric_value(bundle.review.metric(MetricKey.GMV).value, Unit.YUAN)
    assert _table_text(table, gmv_row, 1) == expected
    gpm_row = labels.index("GPM")
    assert "views" in _table_text(table, gpm_row, 2)
    assert demo_panel.online_chart.point_count == 120
    assert demo_panel.gmv_chart.last_value() == pytest.approx(bundle.review.metric(MetricKey.GMV).value)
    assert demo_panel.review_view.funnel._items  # bars drawn
    # the demo's run log gives segment bands and promo markers, and a per-segment table
    assert demo_panel.online_chart.decoration_count() > 0
    assert demo_panel.review_view.segments_table.rowCount() == len(bundle.review.segments) > 0
    assert demo_panel.review_view.promos_table.rowCount() == 7


def test_manual_entry_in_live_mode_updates_numbers(
    qtbot: QtBot, empty_app_context: AppContext, empty_show: str
) -> None:
    panel = _panel(qtbot, empty_app_context)
    try:
        with qtbot.waitSignal(panel.bundle_loaded, timeout=WAIT_MS):
            pass
        live = panel.live_view
        live.viewers_spin.setValue(812)
        live.gmv_spin.setValue(12345.6)
        live.orders_spin.setValue(40)
        with qtbot.waitSignals([panel.entry_saved, panel.bundle_loaded], timeout=WAIT_MS):
            live.add_button.click()
        assert live.online_tile.value.text() == "812"
        assert live.gmv_tile.value.text() == "¥12,345.60"
        assert live.orders_tile.value.text() == "40"
        with empty_app_context.db.session() as s:
            (entry,) = repo.manual_entries(s, empty_show)
            assert (entry.online_viewers, entry.gmv_total_fen, entry.orders_total) == (812, 1234560, 40)
    finally:
        panel.shutdown()


def test_import_dialog_maps_columns_and_imports_all_rows(
    qtbot: QtBot, empty_app_context: AppContext, empty_show: str, tmp_path: Path
) -> None:
    path = tmp_path / "罗盘.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    dialog = ImportDialog(empty_app_context, empty_show, None)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.table_loaded, timeout=WAIT_MS):
        dialog.load_file(path)
    mapping = dialog.mapping()
    assert mapping.time_column == "时间"
    assert len(mapping.fields) == 11
    dialog.set_column_field("新增粉丝", None)  # the user chooses to skip a column
    with qtbot.waitSignal(dialog.imported, timeout=WAIT_MS) as blocker:
        dialog.start_import()
    assert blocker.args == [5]
    with empty_app_context.db.session() as s:
        source, samples = repo.review_samples(s, empty_show)
        assert source == "import" and len(samples) == 5
        assert all(sample.incr_fans_cnt is None for sample in samples)
        remembered = repo.remembered_mapping(s, dialog.source_combo.currentText())
        assert remembered is not None and remembered.field_for("新增粉丝") is None


def test_import_dialog_reports_the_bad_line_and_stores_nothing(
    qtbot: QtBot, empty_app_context: AppContext, empty_show: str, tmp_path: Path
) -> None:
    rows = list(ROWS)
    rows[2] = rows[2].replace(",200,", ",二百,")
    path = tmp_path / "broken.csv"
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")
    dialog = ImportDialog(empty_app_context, empty_show, None)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.table_loaded, timeout=WAIT_MS):
        dialog.load_file(path)
    with qtbot.waitSignal(dialog.failed, timeout=WAIT_MS) as blocker:
        dialog.start_import()
    assert "Line 4" in blocker.args[0]
    assert "Line 4" in dialog.status_label.text()
    assert dialog.isVisible() or not dialog.result()  # the dialog stays for the user to fix it
    with empty_app_context.db.session() as s:
        assert repo.sample_count(s, empty_show) == 0


def test_live_feed_pushes_reach_the_chart(
    qtbot: QtBot, empty_app_context: AppContext, empty_show: str
) -> None:
    panel = _panel(qtbot, empty_app_context)
    try:
        with qtbot.waitSignal(panel.bundle_loaded, timeout=WAIT_MS):
            pass
        panel.set_feed_running(True)
        url = panel.feed_url()
        assert url is not None
        body = {
            "samples": [
                {"at": f"2026-11-20T20:00:{sec:02d}+08:00", "online_viewers": 500 + sec, "pay_gmv": 10}
                for sec in range(30)
            ]
        }
        response = httpx.post(f"{url}/v1/samples", json=body, timeout=5)
        assert response.json() == {"accepted": 30}
        qtbot.waitUntil(lambda: panel.online_chart.point_count == 30, timeout=WAIT_MS)
        assert panel.live_view.online_tile.value.text() == "529"
        assert panel.live_view.gmv_tile.value.text() == "¥300.00"
        panel.set_feed_running(False)
        assert panel.feed_url() is None
        with pytest.raises(httpx.TransportError):
            httpx.post(f"{url}/v1/samples", json=body, timeout=2)
    finally:
        panel.shutdown()


def test_review_exports_as_csv_html_and_pdf(demo_panel: DataPanel, tmp_path: Path, qtbot: QtBot) -> None:
    demo_panel.tabs.setCurrentIndex(1)
    for kind in ("csv", "html", "pdf"):
        with qtbot.waitSignal(demo_panel.exported, timeout=WAIT_MS):
            demo_panel.export_review(tmp_path / f"r.{kind}", kind)
    assert "GMV" in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert "<svg" in (tmp_path / "r.html").read_text(encoding="utf-8")
    pdf = tmp_path / "r.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 20_000  # the chart pictures are in it


def test_export_to_an_unwritable_place_says_so(demo_panel: DataPanel, tmp_path: Path, qtbot: QtBot) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with qtbot.waitSignal(demo_panel.export_failed, timeout=WAIT_MS) as failure:
        demo_panel.export_review(blocker / "r.csv", "csv")
    assert "Could not write" in failure.args[0]
    assert "Could not write" in demo_panel.message_label.text()


def test_device_check_history_is_charted(qtbot: QtBot, app_context: AppContext) -> None:
    from datetime import timedelta

    from studio_app.probes import repo as checks_repo
    from studio_app.probes.profile import default_profile
    from studio_app.probes.result import ProbeResult, ProbeStatus
    from studio_app.probes.runner import CheckRun

    now = app_context.clock.now()
    with app_context.db.session() as s:
        for day, (noise, upload) in enumerate([(-62.0, 8.5), (-58.5, 6.0), (-61.0, 9.1)]):
            results = (
                ProbeResult("mic", ProbeStatus.PASS, {"noise_floor_dbfs": noise}),
                ProbeResult("network", ProbeStatus.PASS, {"upload_mbps": upload}),
            )
            run = CheckRun(default_profile(), now - timedelta(days=3 - day), 5.0, results, "gui")
            checks_repo.save_run(s, run)
    panel = _panel(qtbot, app_context)
    try:
        with qtbot.waitSignal(panel.bundle_loaded, timeout=WAIT_MS):
            pass
        assert panel.history_view.noise_chart.point_count == 3
        assert panel.history_view.upload_chart.last_value() == pytest.approx(9.1)
        assert not panel.history_view.empty_label.isVisibleTo(panel)
    finally:
        panel.shutdown()


def test_chart_keeps_an_eight_hour_series_in_place_and_redraws_only_on_change(qtbot: QtBot) -> None:
    import numpy as np

    from studio_app.ui.data.timeseries import TimeSeriesChart

    chart = TimeSeriesChart("在线人数", "#4dabf7")
    qtbot.addWidget(chart)
    t = 1_763_985_600.0 + np.arange(8 * 3600, dtype=np.float64)
    chart.set_series(t, np.full(len(t), 500.0))
    assert chart.flush() is True
    assert chart.flush() is False  # nothing changed: no setData
    capacity = len(chart._t)
    assert capacity == 32_768  # preallocated by doubling from 4,096, not one array per point
    chart.append(t[-1] + 1, 650.0)
    assert len(chart._t) == capacity  # appended in place
    assert chart.flush() is True
    assert chart.point_count == 8 * 3600 + 1 and chart.last_value() == 650.0
    chart.set_timeline([("开场", t[0], t[600]), ("主推", t[600], t[-1])], [("福袋", t[300])])
    # two bands, one promo marker, and one label: the short opening band is too close to the next label
    assert chart.decoration_count() == 4


def test_the_panel_reloads_when_a_write_elsewhere_touches_its_tables(
    qtbot: QtBot, empty_app_context: AppContext, empty_show: str, tmp_path: Path
) -> None:
    from studio_app.metrics.service import MetricsService

    panel = _panel(qtbot, empty_app_context)
    try:
        with qtbot.waitSignal(panel.bundle_loaded, timeout=WAIT_MS):
            pass
        assert panel.bundle() is not None and panel.bundle().samples == ()  # type: ignore[union-attr]
        path = tmp_path / "e.csv"
        path.write_text(CSV_TEXT, encoding="utf-8")
        with qtbot.waitSignal(panel.bundle_loaded, timeout=WAIT_MS):
            MetricsService(empty_app_context).import_file(empty_show, path, "抖音罗盘")  # not via the panel
        bundle = panel.bundle()
        assert bundle is not None and bundle.source == "import" and len(bundle.samples) == 5
    finally:
        panel.shutdown()


def test_a_minute_table_dropped_while_the_feed_runs_reaches_the_chart_through_the_one_drop_folder(
    qtbot: QtBot, empty_app_context: AppContext, empty_show: str, fake_clock: FakeClock
) -> None:
    """No show on air: the live room's watcher reads the workspace's drop folder for the data panel's
    feed show, and the panel charts what it read (the panel scans no folder of its own)."""
    panel = _panel(qtbot, empty_app_context)
    built: dict[str, QWidget] = {"data": panel}

    def build(key: str) -> QWidget:
        if key not in built:
            built[key] = {"liveroom": LiveRoomPanel, "script": ScriptPanel}[key](empty_app_context)
            qtbot.addWidget(built[key])
            showday.attach(key, built[key])
        return built[key]

    showday = ShowDay(build)
    showday.attach("data", panel)
    try:
        with qtbot.waitSignal(panel.bundle_loaded, timeout=WAIT_MS):
            pass
        panel.live_view.feed_button.setChecked(True)  # builds the live room: the folder's one reader
        room = built["liveroom"]
        assert isinstance(room, LiveRoomPanel)
        assert str(room.drop_folder()) in panel.live_view.feed_label.text()
        room.drop_folder().mkdir(parents=True, exist_ok=True)
        (room.drop_folder() / "trend.csv").write_bytes(CSV_TEXT.encode("gbk"))

        def poll() -> bool:  # the room's own timer polls too: step the clock until the file was read
            fake_clock.advance(POLL_S)
            room.tick()
            return (room.drop_folder() / "done" / "trend.csv").exists()

        qtbot.waitUntil(poll, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: panel.online_chart.point_count == 5, timeout=WAIT_MS)
        with empty_app_context.db.session() as s:
            assert repo.sample_count(s, empty_show) == 5
        panel.set_feed_running(False)
    finally:
        for widget in built.values():
            widget.shutdown()  # type: ignore[attr-defined]
