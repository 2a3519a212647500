"""The data area's use-cases, as the panel and the CLI call them, against a real workspace."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from data_example import CSV_TEXT, EXPECTED, HEADER, ROWS
from sqlalchemy import func, select

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.metrics.feed import FeedError
from studio_app.metrics.live_feed import LiveFeed
from studio_app.metrics.review import MetricKey
from studio_app.metrics.samples import Sample
from studio_app.metrics.service import MetricsService
from studio_app.store.live import tombstone
from studio_app.store.models import Show
from studio_app.store.models.data import MetricSample
from studio_app.store.models.sync import SyncOutbox
from studio_app.store.writer import Changes

START = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _add_show(context: AppContext, title: str, started_at: datetime = START) -> str:
    def op(session):  # type: ignore[no-untyped-def]
        show = Show(title=title, started_at=started_at)
        session.add(show)
        session.flush()
        return show.id

    return str(context.writer.run(op).value)


def _sample_outbox_count(context: AppContext) -> int:
    with context.db.session() as s:
        return int(
            s.scalar(
                select(func.count()).select_from(SyncOutbox).where(SyncOutbox.table_name == "metric_samples")
            )
            or 0
        )


@pytest.fixture
def service(empty_app_context: AppContext) -> MetricsService:
    return MetricsService(empty_app_context)


def test_importing_a_file_stores_every_row_and_the_review_adds_them_up(
    service: MetricsService, empty_app_context: AppContext, tmp_path: Path
) -> None:
    show_id = _add_show(empty_app_context, "导入场")
    path = tmp_path / "罗盘.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")

    result = service.import_file(show_id, path, "抖音罗盘")

    assert (result.rows, result.written, result.file_name) == (5, 5, "罗盘.csv")
    assert service.sample_count(show_id) == 5
    data = service.load_review(show_id)
    assert data.source == "import" and data.title == "导入场"
    assert data.review.metric(MetricKey.GMV).value == pytest.approx(EXPECTED["gmv"])
    assert service.known_sources() == ["抖音罗盘"]
    assert _sample_outbox_count(empty_app_context) == 5  # every new row is queued for sync


def test_reimporting_the_same_file_rewrites_nothing_and_a_changed_row_is_queued_for_sync(
    service: MetricsService, empty_app_context: AppContext, tmp_path: Path
) -> None:
    show_id = _add_show(empty_app_context, "重导场")
    path = tmp_path / "e.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    service.import_file(show_id, path, "抖音罗盘")

    again = service.import_file(show_id, path, "抖音罗盘")
    assert (again.rows, again.written) == (5, 0)
    assert _sample_outbox_count(empty_app_context) == 5

    rows = list(ROWS)
    rows[1] = rows[1].replace(",150,", ",155,")  # one viewer count corrected on the platform
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")
    corrected = service.import_file(show_id, path, "抖音罗盘")
    assert corrected.written == 1
    with empty_app_context.db.session() as s:
        entries = s.scalars(
            select(SyncOutbox).where(SyncOutbox.table_name == "metric_samples").order_by(SyncOutbox.seq)
        ).all()
        assert len(entries) == 6
        assert json.loads(entries[-1].payload)["online_viewers"] == 155
        assert s.scalar(select(func.count()).select_from(MetricSample)) == 5


def test_a_file_with_fewer_rows_leaves_the_others_and_stores_no_row_twice(
    service: MetricsService, empty_app_context: AppContext, tmp_path: Path
) -> None:
    show_id = _add_show(empty_app_context, "补导场")
    path = tmp_path / "e.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    service.import_file(show_id, path, "抖音罗盘")
    rows = [row.replace(",0,0,0,0,0,30", ",0,0,0,1,0,30") for i, row in enumerate(ROWS) if i != 2]
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")

    result = service.import_file(show_id, path, "抖音罗盘")

    assert (result.rows, result.written) == (4, 1)  # a refund added at 20:03; 20:02 is not in the file
    assert service.sample_count(show_id) == 5
    refunds = [s.refund_gmv_fen for s in service.load_review(show_id).samples]
    assert refunds == [0, 5000, 0, 100, 0]


def test_shows_are_listed_newest_first_without_deleted_ones(
    service: MetricsService, empty_app_context: AppContext, fake_clock: FakeClock
) -> None:
    older = _add_show(empty_app_context, "上周", START - timedelta(days=7))
    newer = _add_show(empty_app_context, "本周")
    gone = _add_show(empty_app_context, "删掉的", START + timedelta(days=1))

    def delete(session):  # type: ignore[no-untyped-def]
        show = session.get(Show, gone)
        tombstone(show, fake_clock.now())

    empty_app_context.writer.run(delete)
    assert [s.id for s in service.list_shows()] == [newer, older]
    assert service.resolve_show(None) == newer
    assert service.resolve_show(gone) is None
    assert [(s.id, n) for s, n in service.show_counts()] == [(newer, 0), (older, 0)]


def test_live_numbers_go_through_the_writer_and_reach_the_show_bundle(
    service: MetricsService, empty_app_context: AppContext, fake_clock: FakeClock
) -> None:
    show_id = _add_show(empty_app_context, "直播中")
    heard: list[Changes] = []
    empty_app_context.writer.add_listener(heard.append)
    at = fake_clock.now()
    service.add_manual_entry(show_id, at, 300, 1234.5, 12, "开场")
    service.log_incident(show_id, at, "stutter", "卡顿")
    service.add_ad_spend(show_id, "千川", 100.0)

    bundle = service.load_show(show_id, UTC)
    assert bundle.source == "manual" and bundle.samples[-1].online_viewers == 300
    assert [(i.kind, i.description) for i in bundle.incidents] == [("stutter", "卡顿")]
    assert bundle.review.metric(MetricKey.GMV).value == pytest.approx(1234.5)
    assert any(c.touches("metric_manual_entries") for c in heard)
    assert any(c.touches("incidents") for c in heard) and any(c.touches("ad_spend") for c in heard)


def test_the_review_exports_as_csv(
    service: MetricsService, empty_app_context: AppContext, tmp_path: Path
) -> None:
    show_id = _add_show(empty_app_context, "导出场")
    path = tmp_path / "e.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    service.import_file(show_id, path, "抖音罗盘")
    out = service.export_review(show_id, tmp_path / "out" / "review.csv", "csv")
    assert "GMV" in out.read_text(encoding="utf-8-sig")


def test_the_live_feed_stores_queues_and_wakes_without_any_widget(
    service: MetricsService, empty_app_context: AppContext, fake_clock: FakeClock
) -> None:
    show_id = _add_show(empty_app_context, "推送场")
    woken = threading.Event()
    feed = LiveFeed(service, fake_clock, notify=woken.set)
    with pytest.raises(FeedError):
        feed.receive(None, [Sample(START, online_viewers=1)])  # no show picked yet
    feed.on_air_show_id = show_id
    samples = [Sample(START + timedelta(seconds=i), online_viewers=100 + i) for i in range(3)]

    received = []
    worker = threading.Thread(target=lambda: received.append(feed.receive(None, samples)))
    worker.start()
    worker.join(timeout=10)

    assert received == [3] and woken.is_set()
    (batch,) = feed.drain()
    assert batch.show_id == show_id and batch.samples == tuple(samples)
    assert feed.drain() == []
    assert service.sample_count(show_id) == 3


def test_live_totals_count_up_gmv_and_orders_as_batches_arrive() -> None:
    from studio_app.metrics.series import LiveTotals, chart_series

    first = [Sample(START, pay_gmv_fen=1000, pay_order_cnt=1), Sample(START, online_viewers=5)]
    totals = LiveTotals().plus(first)
    assert totals == LiveTotals(gmv_total_fen=1000, orders=1)
    later = [Sample(START + timedelta(seconds=1), pay_gmv_fen=250, pay_order_cnt=2)]
    series = chart_series(later, gmv_start_fen=totals.gmv_total_fen)
    assert list(series.gmv_total_yuan) == [12.5]  # the running total goes on from what is drawn
    assert totals.plus(later) == LiveTotals(gmv_total_fen=1250, orders=3)


def test_each_imported_row_is_queued_for_sync_exactly_as_stored(
    service: MetricsService, empty_app_context: AppContext, tmp_path: Path
) -> None:
    from studio_app.sync.codec import canonical_json, synced_codecs

    show_id = _add_show(empty_app_context, "同步场")
    path = tmp_path / "e.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    service.import_file(show_id, path, "抖音罗盘")
    codec = synced_codecs()["metric_samples"]
    with empty_app_context.db.session() as s:
        stored = {
            row["id"]: canonical_json(codec.encode_row(row))
            for row in s.connection().execute(select(codec.table)).mappings()
        }
        queued = {
            e.row_id: e.payload
            for e in s.scalars(select(SyncOutbox).where(SyncOutbox.table_name == "metric_samples"))
        }
    assert queued == stored and len(stored) == 5
