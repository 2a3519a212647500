"""The 30-second Q&A timer after each product segment."""

from __future__ import annotations

import pytest

from studio_app.promo.qa_timer import QaTimer


def test_counts_down_thirty_seconds_and_reports_the_end_once() -> None:
    timer = QaTimer()
    assert not timer.snapshot(0).running
    timer.start(100.0, segment_index=2)
    snap = timer.snapshot(100.5)
    assert snap.running and snap.segment_index == 2
    assert snap.label() == "Q&A 00:30"
    assert timer.snapshot(120.2).label() == "Q&A 00:10"
    assert not timer.poll_finished(129.9)
    assert timer.poll_finished(130.0)
    assert not timer.poll_finished(131.0)
    assert not timer.snapshot(130.0).running
    assert timer.snapshot(130.0).label() == ""


def test_stopping_early_ends_it_without_a_second_report() -> None:
    timer = QaTimer(duration_s=30)
    timer.start(0, segment_index=0)
    timer.stop()
    assert timer.remaining_s(5) == 0
    assert not timer.poll_finished(40)


def test_restart_keeps_the_remaining_time() -> None:
    timer = QaTimer()
    timer.start(1000.0, segment_index=4)
    resumed = QaTimer.from_dict(timer.to_dict())
    assert resumed.remaining_s(1012.0) == pytest.approx(18.0)
    assert resumed.segment_index == 4


def test_a_zero_length_q_and_a_is_refused() -> None:
    with pytest.raises(ValueError):
        QaTimer(duration_s=0).start(0, None)
