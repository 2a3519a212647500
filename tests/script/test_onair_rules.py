"""The on-air thresholds and fit-to-time, and the one builder of every on-air text."""

from __future__ import annotations

import pytest
from onair_fixtures import onair_script

from studio_app.clock import FakeClock
from studio_app.promo.clock import PromoMarkKind
from studio_app.promo.onair_text import OnAirText, onair_text, product_card
from studio_app.promo.rules import (
    LATE_NOTE_S,
    OVER_RUN_WARN_S,
    fit_to_time_cpm,
    fraction_read,
    is_notably_late,
    reads_over_plan,
)
from studio_app.promo.session import OnAirSession
from studio_app.script.reading import SegmentEstimate, count_units, fit_rate_cpm


def _estimate(over_s: float) -> SegmentEstimate:
    planned_s = 120.0
    return SegmentEstimate(
        index=0, title="开场", units=100, estimated_s=planned_s + over_s, planned_s=planned_s
    )


def test_a_segment_is_flagged_only_past_half_a_minute_over_plan() -> None:
    assert OVER_RUN_WARN_S == 30.0
    assert not reads_over_plan(_estimate(30.0))
    assert reads_over_plan(_estimate(31.0))


def test_a_promo_says_how_late_only_past_a_minute() -> None:
    assert LATE_NOTE_S == 60.0
    assert not is_notably_late(None)
    assert not is_notably_late(60.0)
    assert is_notably_late(61.0)


def test_the_share_read_comes_from_the_scroll_position_within_the_segment() -> None:
    assert fraction_read(150.0, 100.0, 200.0) == pytest.approx(0.5)
    assert fraction_read(50.0, 100.0, 200.0) == 0.0
    assert fraction_read(900.0, 100.0, 200.0) == 1.0


def test_fit_to_time_reads_the_rest_of_the_segment_by_its_planned_end(fake_clock: FakeClock) -> None:
    script = onair_script()
    session = OnAirSession(fake_clock, script, "show-1")
    session.start_show()
    fake_clock.advance(60)
    units = count_units(script.segments[0].host_text).units
    planned_s = script.segments[0].planned_minutes * 60
    # Without the prompter the share of the planned time spent stands in for the share read.
    expected = fit_rate_cpm(units * (1 - 60 / planned_s), planned_s - 60)
    assert fit_to_time_cpm(session) == pytest.approx(expected)
    assert fit_to_time_cpm(session, 0.5) == pytest.approx(fit_rate_cpm(units * 0.5, planned_s - 60))


def test_the_texts_before_the_show_say_how_to_start(fake_clock: FakeClock) -> None:
    session = OnAirSession(fake_clock, onair_script(), "show-1")
    text = onair_text(session)
    assert text.segment.startswith("1/5 ")
    assert "Press Space to start" in text.speed
    assert text.promo == "Promo clock starts with the show"
    assert text.promo_countdown == "Starts with the show"
    assert text.promo_level == "" and text.schedule == "" and text.qa == ""
    assert text.product == ""  # the opening sells nothing
    assert "No product" in text.product_card


def test_the_prompter_and_the_panel_read_one_text_through_the_promo(fake_clock: FakeClock) -> None:
    script = onair_script()
    session = OnAirSession(fake_clock, script, "show-1")
    session.start_show()
    session.next_segment()
    session.send_cue("讲1号链接")
    session.send_cue("库存剩50")
    text = onair_text(session)
    assert text.product == "Link 1 保湿面霜 50g"
    assert text.product_detail.startswith("Live price") and "Stock 500" in text.product_detail
    assert text.cue == "库存剩50  (+1 more)"
    assert "running" in text.speed_detail and text.schedule
    assert product_card(script.products[0]) == text.product_card
    assert text.promo_history == ("No promo due yet.",)
    fake_clock.advance(15 * 60 - 30)
    session.tick()
    assert onair_text(session).promo_level == "cue"
    fake_clock.advance(30 + 90)
    session.tick()
    due = onair_text(session)
    assert due.promo_level == "strong" and due.promo_banner.startswith("Promo time!")
    assert "due" in due.promo_countdown.lower()
    session.mark_promo(PromoMarkKind.DONE)
    history = onair_text(session).promo_history
    assert history[0].endswith("done 1.5 min late")
    assert isinstance(due, OnAirText)
