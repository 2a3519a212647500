"""Lighting analysis: exposure, uniformity, left/right balance, colour cast and mains flicker, measured on
real video files (OpenCV MJPG) with known light, and on exact series for the flicker maths."""

from __future__ import annotations

import math
import threading
from pathlib import Path

import numpy as np
import pytest
from camera_fixtures import H, W, darken_left_half, grey_scene, moving, write_avi

from studio_app import i18n
from studio_app.probes.camera import CameraConfig, run_camera_probe
from studio_app.probes.lighting import (
    LightingThresholds,
    analyse_lighting,
    darkest_region,
    mains_alias_hz,
    measure_flicker,
    measure_frame_lighting,
)
from studio_app.probes.result import ProbeResult, ProbeStatus


def codes(result: ProbeResult) -> set[str]:
    return {f.code for f in result.findings}


def lighting_of(path: Path, fps: float = 30.0) -> ProbeResult:
    config = CameraConfig(str(path), target_width=W, target_height=H, target_fps=fps)
    _, lighting = run_camera_probe(config, threading.Event(), deadline_s=20.0)
    return lighting


def srgb_to_lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """Textbook sRGB (D65) → CIELab, written out independently of OpenCV to check the probe against."""
    c = np.asarray(rgb, dtype=np.float64) / 255.0
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    x, y, z = (m @ lin) / np.array([0.95047, 1.0, 1.08883])

    def f(t: float) -> float:
        return float(np.cbrt(t)) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("lighting-media")


def test_underexposure_fails_with_the_measured_level(media: Path) -> None:
    lighting = lighting_of(write_avi(media / "dark.avi", moving(grey_scene(level=30, amplitude=20), 80)))

    assert lighting.metrics["mean_luma"] == pytest.approx(30.0, abs=1.5)  # texture is zero-mean
    assert lighting.status is ProbeStatus.FAIL  # under 40
    assert "lighting.too_dark" in codes(lighting)


def test_blown_highlights_are_measured_as_the_share_of_white(media: Path) -> None:
    def light(_: int, scene: np.ndarray) -> np.ndarray:
        out = scene.copy()
        out[: round(0.3 * H)] = 255.0  # a white wall in direct light over the top 30 % of the picture
        return out

    lighting = lighting_of(write_avi(media / "bright.avi", moving(grey_scene(200, 30), 80, light=light)))

    assert lighting.metrics["clipped_pct"] == pytest.approx(30.0, abs=1.5)
    assert lighting.metrics["mean_luma"] == pytest.approx(0.3 * 255 + 0.7 * 200, abs=2.0)
    assert {"lighting.clipped", "lighting.too_bright"} <= codes(lighting)
    assert lighting.status is ProbeStatus.FAIL  # 30 % clipped is over the 10 % line


def test_crushed_shadows_are_measured_as_the_share_of_black(media: Path) -> None:
    def light(_: int, scene: np.ndarray) -> np.ndarray:
        out = scene.copy()
        out[round(0.6 * H) :] = 0.0  # an unlit bottom 40 %
        return out

    lighting = lighting_of(write_avi(media / "crushed.avi", moving(grey_scene(), 80, light=light)))

    assert lighting.metrics["crushed_pct"] == pytest.approx(40.0, abs=1.5)
    assert "lighting.crushed" in codes(lighting)
    assert "lighting.uneven" in codes(lighting)  # the bottom row gets no light at all
    assert lighting.status is ProbeStatus.FAIL


def test_a_dark_left_side_is_reported_in_stops_with_the_fix(media: Path) -> None:
    stops = 1.5
    frames = moving(grey_scene(), 80, light=lambda _, s: darken_left_half(s, stops))
    lighting = lighting_of(write_avi(media / "left-dark.avi", frames))

    assert lighting.metrics["lr_balance_stops"] == pytest.approx(stops, abs=0.1)
    # Grid U0 in linear light: left column 2^-1.5, middle column half and half, right column 1.
    left = 2.0**-stops
    expected_u0 = left / ((left + (left + 1) / 2 + 1) / 3)
    assert lighting.metrics["uniformity"] == pytest.approx(expected_u0, abs=0.03)
    balance = next(f for f in lighting.findings if f.code == "lighting.balance")
    assert balance.status is ProbeStatus.WARN
    assert balance.message == "Lighting is uneven: the left is 1.5 stops darker than the right."
    assert balance.fix.startswith("Brighten the left fill light")
    uneven = next(f for f in lighting.findings if f.code == "lighting.uneven")
    assert uneven.message.startswith("Lighting is patchy: the left of the picture gets 52 %")
    assert uneven.fix == "Aim a light at the left of the picture or move the key light."


def test_a_warm_colour_cast_is_measured_in_cielab(media: Path) -> None:
    def warm(_: int, scene: np.ndarray) -> np.ndarray:
        out = scene.copy()
        out[:, :, 0] *= 0.75  # B
        out[:, :, 2] *= 1.05  # R
        return out

    lighting = lighting_of(write_avi(media / "warm.avi", moving(grey_scene(), 80, light=warm)))

    _, a, b = srgb_to_lab((128 * 1.05, 128, 128 * 0.75))  # the scene's mean colour
    assert lighting.metrics["lab_a"] == pytest.approx(a, abs=1.5)
    assert lighting.metrics["lab_b"] == pytest.approx(b, abs=1.5)
    assert lighting.metrics["color_cast"] == pytest.approx(math.hypot(a, b), abs=1.5)
    cast = next(f for f in lighting.findings if f.code == "lighting.color_cast")
    assert "yellow" in cast.message and "white balance" in cast.fix
    assert lighting.status is ProbeStatus.WARN


def test_a_neutral_scene_has_no_cast(media: Path) -> None:
    lighting = lighting_of(write_avi(media / "neutral.avi", moving(grey_scene(), 80)))

    assert abs(lighting.metrics["lab_a"]) < 2.0  # type: ignore[arg-type]
    assert abs(lighting.metrics["lab_b"]) < 2.0  # type: ignore[arg-type]
    assert "lighting.color_cast" not in codes(lighting)
    assert lighting.metrics["flicker_hz"] is None  # steady light: no pulse worth a frequency
    assert lighting.metrics["flicker_depth"] == pytest.approx(0.0, abs=0.3)
    assert lighting.status is ProbeStatus.PASS


def flickering(depth: float, light_hz: float, fps: float, count: int) -> list[np.ndarray]:
    """Lamps pulsing at ``light_hz`` (twice the mains) seen by a camera taking a frame every 1/fps s."""
    return moving(
        grey_scene(),
        count,
        light=lambda i, s: s * (1.0 + depth * math.sin(2 * math.pi * light_hz * i / fps)),
    )


def test_100hz_flicker_at_30fps_is_seen_at_10hz_with_the_50hz_fix(media: Path) -> None:
    path = write_avi(media / "flicker50.avi", flickering(0.06, 100.0, 30.0, 80), fps=30.0)
    lighting = lighting_of(path)

    assert lighting.metrics["flicker_hz"] == pytest.approx(10.0, abs=0.2)  # |100 - 3·30|
    assert lighting.metrics["flicker_depth"] == pytest.approx(6.0, abs=0.6)
    finding = next(f for f in lighting.findings if f.code == "lighting.flicker_50hz")
    assert finding.status is ProbeStatus.WARN  # 6 %: over 2 %, under 10 %
    assert "10 ms" in finding.fix and "50 Hz" in finding.fix


def test_120hz_flicker_at_25fps_is_seen_at_5hz_with_the_60hz_fix(media: Path) -> None:
    path = write_avi(media / "flicker60.avi", flickering(0.12, 120.0, 25.0, 70), fps=25.0)
    lighting = lighting_of(path, fps=25.0)

    assert lighting.metrics["flicker_hz"] == pytest.approx(5.0, abs=0.2)  # |120 - 5·25|
    assert lighting.metrics["flicker_depth"] == pytest.approx(12.0, abs=1.0)
    finding = next(f for f in lighting.findings if f.code == "lighting.flicker_60hz")
    assert finding.status is ProbeStatus.FAIL  # 12 % is over the 10 % line
    assert "8.33 ms" in finding.fix


def test_mains_aliases_follow_the_sampling_maths() -> None:
    assert mains_alias_hz(100, 30) == pytest.approx(10.0)
    assert mains_alias_hz(120, 30) == pytest.approx(0.0)  # 60 Hz mains at 30 fps: invisible as a pulse
    assert mains_alias_hz(100, 25) == pytest.approx(0.0)
    assert mains_alias_hz(120, 25) == pytest.approx(5.0)
    assert mains_alias_hz(100, 29.97) == pytest.approx(100 - 3 * 29.97)
    assert mains_alias_hz(100, 60) == pytest.approx(20.0)
    assert mains_alias_hz(120, 50) == pytest.approx(20.0)


def test_flicker_on_jittery_live_timestamps_is_still_found() -> None:
    # A live camera at 30 fps whose read times wobble by up to ±4 ms; the lamp pulses at 100 Hz.
    rng = np.random.default_rng(7)
    true_t = np.arange(90) / 30.0
    read_t = true_t + rng.uniform(-0.004, 0.004, true_t.size)
    lumas = 120.0 * (1.0 + 0.05 * np.sin(2 * np.pi * 100.0 * true_t))

    flicker = measure_flicker(lumas.tolist(), read_t.tolist())

    assert flicker.measured
    assert flicker.peak_hz == pytest.approx(10.0, abs=0.3)
    assert flicker.depth_pct == pytest.approx(5.0, abs=0.5)
    assert flicker.mains_hz == (50,)


def test_flicker_is_aliased_at_the_cameras_rate_even_with_lost_frames() -> None:
    t = np.asarray([i / 30.0 for i in range(90) if not 30 <= i < 36])  # six frames lost in one gap
    lumas = 120.0 * (1.0 + 0.05 * np.sin(2 * np.pi * 100.0 * t))

    flicker = measure_flicker(lumas.tolist(), t.tolist())

    assert flicker.sample_fps == pytest.approx(30.0, rel=1e-6)  # not the 84/2.97 s average
    assert flicker.alias_100_hz == pytest.approx(10.0, abs=1e-6)
    assert flicker.peak_hz == pytest.approx(10.0, abs=0.3)
    assert flicker.mains_hz == (50,)


def test_a_pulse_off_the_mains_aliases_gets_the_generic_fix() -> None:
    t = np.arange(90) / 30.0
    lumas = 120.0 * (1.0 + 0.08 * np.sin(2 * np.pi * 7.0 * t))  # a dimmer or a screen, not the mains
    frames = [np.full((36, 64, 3), 120, np.uint8)] * t.size

    analysis = analyse_lighting(frames, t.tolist(), frame_lumas=lumas.tolist())

    assert analysis.flicker.mains_hz == ()
    assert analysis.metrics["flicker_hz"] == pytest.approx(7.0, abs=0.2)
    assert [f.code for f in analysis.findings] == ["lighting.flicker"]


def test_flicker_needs_two_seconds() -> None:
    t = np.arange(45) / 30.0  # 1.5 s
    flicker = measure_flicker((100 + 10 * np.sin(2 * np.pi * 10 * t)).tolist(), t.tolist())

    assert not flicker.measured
    assert flicker.peak_hz is None


def test_uniformity_is_min_over_mean_of_the_light_on_a_3x3_grid() -> None:
    frame = np.full((300, 300, 3), 200, np.uint8)
    frame[200:, :100] = 100  # the bottom-left cell at code 100
    lit = measure_frame_lighting(frame)

    lin = lambda v: ((v / 255 + 0.055) / 1.055) ** 2.4  # noqa: E731
    expected = lin(100) / ((8 * lin(200) + lin(100)) / 9)
    assert lit.uniformity == pytest.approx(expected, rel=1e-3)
    assert lit.grid_light[2][0] == pytest.approx(lin(100), rel=1e-3)


@pytest.mark.parametrize(
    ("grid", "expected"),
    [
        ([[1, 1, 1], [1, 1, 1], [1, 1, 0.3]], (2, 2)),  # one dark corner: that corner
        ([[0.31, 1, 1], [0.3, 1, 1], [0.32, 1, 1]], (1, 0)),  # a dark left column: "the left"
        ([[0.3, 0.31, 0.3], [1, 1, 1], [1, 1, 1]], (0, 1)),  # a dark top row: "the top"
    ],
)
def test_the_fix_names_the_dark_side_or_corner(grid: list[list[float]], expected: tuple[int, int]) -> None:
    assert darkest_region(np.asarray(grid)) == expected


def test_thresholds_take_profile_overrides_by_name() -> None:
    th = LightingThresholds.from_mapping({"uniformity_warn": 0.7, "rtt_warn_ms": 400.0})

    assert th.uniformity_warn == 0.7
    assert th.clipped_warn_pct == LightingThresholds().clipped_warn_pct


def test_findings_are_translated_through_the_i18n_hook(media: Path) -> None:
    seen: list[tuple[str, str]] = []

    def backend(context: str, text: str) -> str:
        seen.append((context, text))
        if text == "Lighting is uneven: the left is {stops:.1f} stops darker than the right.":
            return "灯光不均匀：左侧比右侧暗 {stops:.1f} 档"
        return text

    i18n.install(backend)
    frames = moving(grey_scene(), 80, light=lambda _, s: darken_left_half(s, 1.2))
    lighting = lighting_of(write_avi(media / "left-dark-zh.avi", frames))

    assert "灯光不均匀：左侧比右侧暗 1.2 档" in [f.message for f in lighting.findings]
    assert {ctx for ctx, _ in seen} == {"CameraProbe"}
