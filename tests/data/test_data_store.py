from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from data_example import CSV_TEXT, EXPECTED

from studio_app.metrics import repo
from studio_app.metrics.demo import DEMO_MINUTES, demo_samples
from studio_app.metrics.imports import MetricImportError, detect_mapping, load_export, read_table
from studio_app.metrics.review import MetricKey, review_show
from studio_app.metrics.samples import INTERACTION_FIELDS, MetricField, Sample
from studio_app.paths import resource_path
from studio_app.store.db import Database
from studio_app.store.models import Show
from studio_app.store.models.data import MetricSample

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def show_id(db: Database) -> str:
    with db.session() as s:
        show = Show(title="测试场", started_at=T0)
        s.add(show)
        s.flush()
        return show.id


def test_import_is_stored_and_reviewed_from_the_store(db: Database, show_id: str, tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    parsed = load_export(path)
    with db.session() as s:
        repo.save_import(s, show_id, parsed, "抖音罗盘")

    with db.session() as s:
        source, review, _timeline = repo.load_review(s, show_id)
        assert source == "import"
        assert review.metric(MetricKey.GMV).value == pytest.approx(EXPECTED["gmv"])
        assert [i.row_count for i in repo.list_imports(s, show_id)] == [5]
        # the mapping is remembered for the source and reused
        remembered = repo.remembered_mapping(s, "抖音罗盘")
        assert remembered == parsed.mapping
        assert repo.known_sources(s) == ["抖音罗盘"]


def test_reimport_updates_rows_instead_of_doubling(db: Database, show_id: str, tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    for _ in range(2):
        with db.session() as s:
            repo.save_import(s, show_id, load_export(path), "抖音罗盘")
    with db.session() as s:
        assert repo.sample_count(s, show_id) == 5


def test_failed_import_leaves_the_store_untouched(db: Database, show_id: str, tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    parsed = load_export(path)
    with pytest.raises(RuntimeError), db.session() as s:
        repo.save_import(s, show_id, parsed, "抖音罗盘")
        raise RuntimeError("disk full halfway")
    with db.session() as s:
        assert repo.sample_count(s, show_id) == 0
        assert repo.list_imports(s, show_id) == []


def test_manual_entries_are_reviewed_when_nothing_else_exists(db: Database, show_id: str) -> None:
    with db.session() as s:
        repo.add_manual_entry(s, show_id, T0, 300, 0)
        repo.add_manual_entry(s, show_id, T0 + timedelta(minutes=5), 420, 123_400, 12)
    with db.session() as s:
        source, samples = repo.review_samples(s, show_id)
        assert source == "manual"
        assert review_show(samples).metric(MetricKey.GMV).value == pytest.approx(1234.0)


def test_feed_samples_are_counted_until_an_import_arrives(db: Database, show_id: str) -> None:
    with db.session() as s:
        repo.add_feed_samples(s, show_id, [Sample(T0, online_viewers=10, pay_gmv_fen=500)])
        assert repo.review_samples(s, show_id)[0] == "feed"
        repo.add_feed_samples(s, show_id, [Sample(T0, online_viewers=12)])  # same second: updated
        assert repo.review_samples(s, show_id)[1][0].online_viewers == 12
        assert repo.review_samples(s, show_id)[1][0].pay_gmv_fen == 500


def test_ad_spend_gives_roi(db: Database, show_id: str) -> None:
    with db.session() as s:
        repo.add_feed_samples(s, show_id, [Sample(T0, pay_gmv_fen=300_000)])
        repo.add_ad_spend(s, show_id, "千川", 50_000)
        repo.add_ad_spend(s, show_id, "随心推", 50_000)
    with db.session() as s:
        _, review, _ = repo.load_review(s, show_id)
    assert review.metric(MetricKey.AD_ROI).value == pytest.approx(3.0)


@dataclass(frozen=True)
class FakeEvent:
    """The shape of a run-log event as the script area records it (kind, at, a title)."""

    kind: str
    at: datetime
    title: str = ""


def test_timeline_from_run_log_events() -> None:
    events = [
        FakeEvent("segment_start", T0, "开场"),
        FakeEvent("promo_done", T0 + timedelta(minutes=3), "福袋"),
        FakeEvent("segment_start", T0 + timedelta(minutes=10), "主推 1"),
        FakeEvent("segment_end", T0 + timedelta(minutes=25), "主推 1"),
        FakeEvent("segment_start", T0 + timedelta(minutes=30), "返场"),
    ]
    timeline = repo.timeline_from_events(events, show_end=T0 + timedelta(minutes=40))
    assert [(s.name, s.start, s.end) for s in timeline.segments] == [
        ("开场", T0, T0 + timedelta(minutes=10)),
        ("主推 1", T0 + timedelta(minutes=10), T0 + timedelta(minutes=25)),
        ("返场", T0 + timedelta(minutes=30), T0 + timedelta(minutes=40)),
    ]
    assert [(p.name, p.at) for p in timeline.promos] == [("福袋", T0 + timedelta(minutes=3))]


def test_demo_export_file_imports_and_matches_the_seeded_demo(db: Database, show_id: str) -> None:
    path = resource_path("demo", "douyin_compass_minutes.csv")
    parsed = load_export(path)
    assert len(parsed.samples) == DEMO_MINUTES
    # The demo export has no interaction columns, as some platforms' minute tables do not.
    expected = set(MetricField) - {MetricField.LEAVE_CNT} - set(INTERACTION_FIELDS)
    assert {f for h, f in parsed.mapping.fields} == expected
    with db.session() as s:
        show = s.get(Show, show_id)
        assert show is not None
        repo.seed_metrics_demo(s, show)
    with db.session() as s:
        _, stored = repo.review_samples(s, show_id)
    # the resource was written from the same generator, so the numbers agree minute by minute
    file_review = review_show(parsed.samples)
    store_review = review_show(stored)
    assert file_review.metric(MetricKey.GMV).value == pytest.approx(store_review.metric(MetricKey.GMV).value)
    assert stored == demo_samples(T0)
    gmv = file_review.metric(MetricKey.GMV).value
    assert gmv is not None and gmv > 10_000


def test_mapping_of_an_unknown_file_can_be_corrected_by_hand(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("时间,人气\n2026-11-20 20:00,abc\n", encoding="utf-8")
    table = read_table(path)
    mapping = detect_mapping(table.headers)
    assert mapping.fields == ()
    with pytest.raises(MetricImportError, match="at least one column"):
        load_export(path)


def test_store_keeps_both_person_and_time_counts(db: Database, show_id: str) -> None:
    with db.session() as s:
        repo.add_feed_samples(s, show_id, [Sample(T0, watch_ucnt=5, watch_cnt=9)])
    with db.session() as s:
        row = s.query(MetricSample).one()
        assert (row.watch_ucnt, row.watch_cnt) == (5, 9)
