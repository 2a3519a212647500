"""Pure camera analysis: timing maths, SSIM, focus score and the preview overlay, on exact inputs."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from camera_fixtures import grey_scene, to_frame

from studio_app.probes.camera import analyse_preview_frame, measure_sharpness
from studio_app.probes.camera_analysis import (
    CameraThresholds,
    analyse_camera,
    analyse_timing,
    structural_similarity,
)
from studio_app.probes.result import ProbeStatus


def test_timing_of_an_even_30fps_series() -> None:
    timing = analyse_timing([i / 30 for i in range(60)])

    assert timing.fps == pytest.approx(30.0)
    assert timing.nominal_interval_ms == pytest.approx(1000 / 30)
    assert timing.jitter_ms == pytest.approx(0.0, abs=1e-9)
    assert timing.dropped_frames == 0


def test_gaps_count_the_frames_they_swallowed() -> None:
    stamps = [i / 30 for i in range(60) if i not in (10, 11, 12, 40)]  # a gap of 3 and a gap of 1

    timing = analyse_timing(stamps)

    assert timing.dropped_frames == 4
    assert timing.frames == 56
    assert timing.fps == pytest.approx(55 / (59 / 30))
    assert timing.jitter_ms == pytest.approx(0.0, abs=1e-9)  # the gaps are drops, not jitter


def test_an_interval_just_under_one_and_a_half_is_not_a_drop() -> None:
    stamps = [0.0, 1 / 30, 2 / 30, 2 / 30 + 1.45 / 30, 3.45 / 30, 4.45 / 30]

    assert analyse_timing(stamps).dropped_frames == 0
    assert analyse_timing(stamps, drop_interval_factor=1.4).dropped_frames == 1


def test_jitter_is_the_spread_of_the_intervals() -> None:
    intervals_ms = [30.0, 36.6] * 30  # alternating ±3.3 ms around 33.3 ms
    stamps = np.concatenate([[0.0], np.cumsum(intervals_ms) / 1000.0])

    timing = analyse_timing(stamps.tolist())

    assert timing.jitter_ms == pytest.approx(3.3, abs=0.01)
    assert timing.fps == pytest.approx(1000 / 33.3, rel=1e-3)


def test_a_single_frame_has_no_rate() -> None:
    timing = analyse_timing([0.0])

    assert timing.fps is None and timing.dropped_frames == 0


def test_ssim_is_one_for_identical_pictures_and_low_for_noise() -> None:
    grey = to_frame(grey_scene())[:, :, 0]
    rng = np.random.default_rng(3)
    noisy = np.clip(grey + rng.normal(0, 25, grey.shape), 0, 255).astype(np.uint8)

    assert structural_similarity(grey, grey) == pytest.approx(1.0)
    assert structural_similarity(grey, noisy) < 0.5
    assert structural_similarity(grey, np.roll(grey, 3, axis=1)) < 0.985  # a panning camera is not frozen


def test_sharpness_does_not_depend_on_the_resolution() -> None:
    scene = to_frame(grey_scene(width=640, height=360))
    upscaled = cv2.resize(scene, (1920, 1080), interpolation=cv2.INTER_CUBIC)

    assert measure_sharpness(upscaled) == pytest.approx(measure_sharpness(scene), rel=0.1)
    assert measure_sharpness(cv2.GaussianBlur(scene, (0, 0), 2)) < 0.2 * measure_sharpness(scene)


def test_analyse_camera_reports_every_promised_metric() -> None:
    frames = [to_frame(np.roll(grey_scene(), 3 * i, axis=1)) for i in range(10)]
    analysis = analyse_camera(
        frames,
        [i / 30 for i in range(10)],
        width=640,
        height=360,
        target_width=640,
        target_height=360,
        target_fps=30,
        reference_sharpness=measure_sharpness(frames[0]) * 4,
    )

    for name in ("width", "height", "fps", "fps_jitter_ms", "dropped_frames", "black_frames"):
        assert analysis.metrics[name] is not None
    assert analysis.metrics["frozen_frames"] == 0
    assert analysis.metrics["sharpness_ratio"] == pytest.approx(0.25, abs=0.02)
    assert [f.code for f in analysis.findings] == ["camera.focus"]


def test_thresholds_come_from_the_profile_overrides() -> None:
    th = CameraThresholds.from_mapping(
        {"fps_warn_ratio": 0.9, "sharpness_warn_ratio": 0.3, "loss_warn_pct": 1}
    )
    frames = [to_frame(np.roll(grey_scene(), 3 * i, axis=1)) for i in range(10)]
    analysis = analyse_camera(
        frames,
        [i / 28 for i in range(10)],  # 28 fps: 93 % of 30
        width=640,
        height=360,
        target_width=640,
        target_height=360,
        target_fps=30,
        thresholds=th,
    )

    assert th.fps_fail_ratio == 0.80
    assert analysis.findings == ()  # 93 % is above the profile's 90 % line
    default = analyse_camera(
        frames,
        [i / 28 for i in range(10)],
        width=640,
        height=360,
        target_width=640,
        target_height=360,
        target_fps=30,
    )
    assert [(f.code, f.status) for f in default.findings] == [("camera.fps_low", ProbeStatus.WARN)]


def test_preview_overlay_shows_grid_clipping_and_focus() -> None:
    frame = np.full((1080, 1920, 3), 128, np.uint8)
    frame[:360, :640] = 255  # the top-left ninth is blown out

    overlay = analyse_preview_frame(frame)

    assert overlay.grid_luma[0][0] == pytest.approx(255.0, abs=0.5)
    assert overlay.grid_luma[1][1] == pytest.approx(128.0, abs=0.5)
    assert overlay.clipped_mask.shape == (90, 160)
    assert overlay.clipped_mask.dtype == np.bool_
    assert overlay.clipped_mask[:30, :53].all() and not overlay.clipped_mask[40:, 60:].any()
    assert overlay.clipped_pct == pytest.approx(100 / 9, abs=0.2)
    # Linear light: 8 cells at code 128 (0.216) and one at 255 (1.0); the darkest over the mean.
    lin128 = ((128 / 255 + 0.055) / 1.055) ** 2.4
    assert overlay.uniformity == pytest.approx(lin128 / ((8 * lin128 + 1.0) / 9), rel=1e-3)
    assert overlay.sharpness >= 0.0


def test_a_frame_that_is_not_a_picture_is_refused_loudly() -> None:
    with pytest.raises(ValueError, match="uint8"):
        analyse_preview_frame(np.zeros((10, 10, 3), np.float32))
