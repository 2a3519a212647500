from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from data_example import CSV_TEXT, EXPECTED

from studio_app.metrics.imports import load_export
from studio_app.metrics.review import (
    MetricKey,
    PromoMark,
    SegmentSpan,
    Unit,
    compare_reviews,
    format_metric_value,
    review_show,
    samples_from_manual,
)
from studio_app.metrics.samples import Sample

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)  # 20:00 China time


def minute(n: int) -> datetime:
    return T0 + timedelta(minutes=n)


@pytest.fixture
def example_samples(tmp_path: Path) -> tuple[Sample, ...]:
    path = tmp_path / "example.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    return load_export(path).samples


def test_review_numbers_match_the_hand_computed_example(example_samples: tuple[Sample, ...]) -> None:
    review = review_show(example_samples, ad_spend_fen=50000)

    for key, expected in EXPECTED.items():
        value = review.metric(MetricKey(key)).value
        assert value == pytest.approx(expected), key
    assert review.metric(MetricKey.AD_ROI).value == pytest.approx(1099.5 / 500)


def test_every_metric_carries_its_formula_and_gpm_says_views(example_samples: tuple[Sample, ...]) -> None:
    review = review_show(example_samples)
    assert all(m.formula for m in review.metrics)
    gpm = review.metric(MetricKey.GPM)
    assert "views" in gpm.formula and "1000" in gpm.formula
    assert gpm.detail == "¥1,099.50 × 1000 / 300"
    assert review.metric(MetricKey.AD_ROI).value is None  # no spend entered: not computed, not zero


def test_gpm_falls_back_to_viewers_and_says_so() -> None:
    samples = [Sample(minute(0), watch_ucnt=200, pay_gmv_fen=100_00)]
    gpm = review_show(samples).metric(MetricKey.GPM)
    assert gpm.value == pytest.approx(500.0)
    assert "viewers" in gpm.formula


def test_ratio_with_zero_denominator_is_missing_not_zero() -> None:
    review = review_show([Sample(minute(0), online_viewers=5, pay_gmv_fen=0)])
    assert review.metric(MetricKey.REFUND_RATE).value is None
    assert review.metric(MetricKey.CLICK_RATE).value is None
    assert format_metric_value(None, Unit.RATIO) == "—"


def test_per_segment_attribution_uses_segment_times(example_samples: tuple[Sample, ...]) -> None:
    segments = [SegmentSpan("开场", minute(0), minute(2)), SegmentSpan("主推 1", minute(2), minute(5))]
    review = review_show(example_samples, segments)

    opening, hero = review.segments
    assert opening.gmv_fen == 19900 + 60050 and opening.viewers == 130 and opening.orders == 8
    assert hero.gmv_fen == 30000 and hero.viewers == 110 and hero.orders == 3
    assert hero.peak_online == 200
    assert opening.gmv_fen + hero.gmv_fen == review.totals.gmv_fen


def test_promo_compares_three_minutes_before_and_after(example_samples: tuple[Sample, ...]) -> None:
    (effect,) = review_show(example_samples, promos=[PromoMark("秒杀", minute(3))]).promos
    assert effect.orders_before == 8 and effect.orders_after == 3
    assert effect.online_before == pytest.approx(150.0)  # (100 + 150 + 200) / 3
    assert effect.online_after == pytest.approx(100.0)  # (120 + 80) / 2
    assert effect.viewers_before == 190 and effect.viewers_after == 50


def test_longest_stretch_without_an_order(example_samples: tuple[Sample, ...]) -> None:
    stretch = review_show(example_samples).longest_no_order
    assert stretch is not None
    assert (stretch.start, stretch.end) == (minute(2), minute(4))
    assert stretch.duration_s == 120


def test_no_order_stretch_at_the_end_counts_to_the_end_of_the_data() -> None:
    samples = [Sample(minute(i), pay_order_cnt=1 if i == 0 else 0) for i in range(10)]
    stretch = review_show(samples).longest_no_order
    assert stretch is not None and (stretch.start, stretch.end) == (minute(1), minute(10))


def test_funnel_steps_and_rates(example_samples: tuple[Sample, ...]) -> None:
    steps = review_show(example_samples).funnel
    assert [s.people for s in steps] == [240, 200, 50, 10]
    assert steps[0].rate_from_previous is None
    assert steps[2].rate_from_previous == pytest.approx(0.25)


def test_this_week_against_last_week(example_samples: tuple[Sample, ...]) -> None:
    last_week = [
        Sample(s.at - timedelta(days=7), pay_gmv_fen=(s.pay_gmv_fen or 0) // 2) for s in example_samples
    ]
    rows = {c.key: c for c in compare_reviews(review_show(example_samples), review_show(last_week))}
    assert rows[MetricKey.GMV].change == pytest.approx(1.0)  # doubled
    assert rows[MetricKey.AOV].change is None  # last week had no buyers


def test_manual_entries_become_interval_sales() -> None:
    samples = samples_from_manual(
        [(minute(0), 100, 0, 0), (minute(5), 180, 50000, 4), (minute(10), 150, 80000, None)]
    )
    assert [s.pay_gmv_fen for s in samples] == [0, 50000, 30000]
    assert [s.pay_order_cnt for s in samples] == [0, 4, None]
    assert review_show(samples).metric(MetricKey.GMV).value == pytest.approx(800.0)
