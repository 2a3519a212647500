"""Scroll position as a function of time: ramps, bounds and the 字/分 conversion."""

from __future__ import annotations

import pytest

from studio_app.ui.prompter.motion import ScrollMotion, speed_px_per_s


def test_constant_speed_is_exactly_linear_at_any_frame_time() -> None:
    motion = ScrollMotion(ramp_s=0.0, max_px=1e9)
    motion.set_velocity(10.0, 30.0)
    for t in (10.0, 10.016, 10.5, 13.3337, 40.0):
        assert motion.position(t) == pytest.approx(30.0 * (t - 10.0))


def test_speed_change_ramps_over_200_ms_without_a_jump() -> None:
    motion = ScrollMotion(ramp_s=0.2, max_px=1e9)
    motion.set_velocity(0.0, 0.0)
    motion.set_velocity(1.0, 100.0)
    assert motion.velocity(1.1) == pytest.approx(50.0)
    assert motion.position(1.2) == pytest.approx(0.5 * 100 * 0.2)  # area under the ramp
    assert motion.velocity(1.25) == pytest.approx(100.0)
    # Changing again mid-ramp starts from where it is, position continuous.
    before = motion.position(1.1)
    motion.set_velocity(1.1, -40.0)
    assert motion.position(1.1) == pytest.approx(before)
    assert motion.velocity(1.1) == pytest.approx(50.0)
    assert motion.velocity(1.3) == pytest.approx(-40.0)


def test_position_stops_at_the_end_of_the_script_and_frames_stop() -> None:
    motion = ScrollMotion(ramp_s=0.0, max_px=100.0)
    motion.set_velocity(0.0, 50.0)
    assert motion.is_moving(1.0)
    assert motion.position(5.0) == 100.0
    assert motion.velocity(5.0) == 0.0
    assert not motion.is_moving(5.0)
    motion.set_velocity(5.0, -50.0)  # rewinding from the end works at once
    assert motion.position(6.0) == pytest.approx(50.0)


def test_jump_keeps_the_reading_speed() -> None:
    motion = ScrollMotion(ramp_s=0.2, max_px=1000.0)
    motion.set_velocity(0.0, 20.0)
    motion.jump(2.0, 500.0)
    assert motion.position(3.0) == pytest.approx(520.0)


def test_characters_per_minute_to_pixels() -> None:
    # 270 字/分, 18 characters per 54-px line = 3 px per character → 13.5 px/s.
    assert speed_px_per_s(270, 54 / 18) == pytest.approx(13.5)
