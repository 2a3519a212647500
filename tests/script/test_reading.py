from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from studio_app.script.model import RunLogEvent, RunLogKind, Script, Segment, SegmentKind
from studio_app.script.reading import (
    LATIN_WORD_UNITS,
    MAX_RATE_CPM,
    MIN_RATE_CPM,
    RateCalibration,
    ReadingSample,
    ScheduleState,
    count_units,
    estimate_script,
    fit_rate_cpm,
    reading_samples_from_run_log,
    reading_seconds,
    schedule_status,
)


def test_chinese_characters_count_one_each_and_punctuation_is_free() -> None:
    units = count_units("欢迎来到直播间！今天，福利多多。")
    assert units.cjk_chars == 13 and units.latin_words == 0 and units.units == 13


def test_latin_words_and_digits_count_as_what_is_said() -> None:
    units = count_units("Hello 宝宝 it's 99元")
    assert (units.cjk_chars, units.latin_words, units.digits) == (3, 2, 2)
    assert units.units == pytest.approx(3 + 2 * LATIN_WORD_UNITS + 2 * 1.5)


def test_reading_time_follows_the_rate() -> None:
    text = "字" * 260
    assert reading_seconds(text, 260) == pytest.approx(60.0)
    assert reading_seconds(text, 130) == pytest.approx(120.0)
    with pytest.raises(ValueError):
        reading_seconds(text, 0)


def _script() -> Script:
    return Script(
        "T",
        (
            Segment(SegmentKind.OPENING, "开场", 1, "字" * 130),  # 30 s of text for 60 s planned
            Segment(SegmentKind.PRODUCT, "讲品", 2, "字" * 780),  # 180 s of text for 120 s planned
            Segment(SegmentKind.WRAP_UP, "收尾", 1, ""),
        ),
    )


def test_script_estimate_compares_each_segment_and_the_total_with_the_plan() -> None:
    estimate = estimate_script(_script(), 260)
    assert [round(s.estimated_s) for s in estimate.segments] == [30, 180, 0]
    assert [round(s.over_s) for s in estimate.segments] == [-30, 60, -60]
    assert estimate.total_planned_s == 240 and estimate.total_estimated_s == pytest.approx(210)
    assert estimate.over_s == pytest.approx(-30)


@pytest.mark.parametrize(
    ("index", "fraction", "elapsed_s", "state", "behind_s"),
    [
        (0, 0.0, 0, ScheduleState.ON_TIME, 0),
        (1, 0.5, 120, ScheduleState.ON_TIME, 0),  # half of segment 1 at 60 + 60 s: on time
        (1, 0.5, 200, ScheduleState.BEHIND, 80),
        (2, 0.0, 100, ScheduleState.AHEAD, -80),
        (9, 1.0, 240, ScheduleState.ON_TIME, 0),  # past the end clamps to the last segment
    ],
)
def test_live_schedule_says_ahead_or_behind(index, fraction, elapsed_s, state, behind_s) -> None:  # type: ignore[no-untyped-def]
    status = schedule_status(_script(), index, fraction, elapsed_s)
    assert status.state == state
    assert status.behind_s == pytest.approx(behind_s)


def test_fit_to_time_sets_the_rate_that_ends_the_segment_on_time() -> None:
    assert fit_rate_cpm(520, 120) == pytest.approx(260)
    assert fit_rate_cpm(520, 60) == pytest.approx(520)
    assert fit_rate_cpm(10_000, 60) == MAX_RATE_CPM  # nobody reads that fast
    assert fit_rate_cpm(10, 600) == MIN_RATE_CPM
    assert fit_rate_cpm(520, 0) == MAX_RATE_CPM  # out of time


def test_calibration_moves_from_the_prior_towards_what_the_host_reads() -> None:
    calibration = RateCalibration(prior_rate_cpm=260, prior_minutes=5)
    assert calibration.rate_cpm == 260
    one = calibration.with_sample(ReadingSample(units=1500, seconds=300))  # 300 字/分 for 5 minutes
    assert one.rate_cpm == pytest.approx(280)
    long = calibration.with_samples([ReadingSample(units=300 * 10, seconds=600)] * 6)  # an hour at 300
    assert 295 < long.rate_cpm < 300


def test_calibration_ignores_skipped_or_too_short_segments() -> None:
    calibration = RateCalibration()
    assert calibration.with_sample(ReadingSample(units=100, seconds=5)) == calibration  # too short
    assert calibration.with_sample(ReadingSample(units=5000, seconds=60)) == calibration  # skipped the text
    assert calibration.with_sample(ReadingSample(units=10, seconds=120)) == calibration  # ad-libbed


def test_what_was_actually_read_comes_from_the_run_log_minus_pauses() -> None:
    script = _script()
    t0 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)

    def event(kind: RunLogKind, s: float, index: int | None = None, **payload: object) -> RunLogEvent:
        return RunLogEvent("show", kind, t0 + timedelta(seconds=s), index, dict(payload))

    events = [
        event(RunLogKind.SEGMENT_START, 0, 0),
        event(RunLogKind.PAUSE, 10),
        event(RunLogKind.RESUME, 40),
        event(RunLogKind.SEGMENT_END, 70, 0),  # 70 s minus a 30 s pause for 130 字
        event(RunLogKind.SEGMENT_START, 70, 1),
        event(RunLogKind.SPEED, 80, 1, rate_cpm=300),
        event(RunLogKind.SEGMENT_END, 190, 1, units_read=400),  # the prompter says 400 units were read
        event(RunLogKind.SEGMENT_START, 190, 2),  # never ended: not a sample
    ]
    samples = reading_samples_from_run_log(reversed(events), script)
    assert samples == [ReadingSample(130, 40), ReadingSample(400, 120)]
    assert [round(s.rate_cpm) for s in samples] == [195, 200]
