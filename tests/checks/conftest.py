"""Fixtures of the checks area: real video files made with OpenCV, standing in for a camera."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest
from check_videos import VIDEO_FPS, VIDEO_SIZE, black_frames, studio_frames, write_video

from studio_app.probes.profile import StudioProfile


@pytest.fixture
def make_video(tmp_path: Path) -> Callable[..., Path]:
    def make(name: str, frames: Iterator[np.ndarray], fps: float = VIDEO_FPS) -> Path:
        return write_video(tmp_path / name, frames, fps)

    return make


@pytest.fixture
def good_video(make_video: Callable[..., Path]) -> Path:
    return make_video("studio.avi", studio_frames(150))


@pytest.fixture
def lens_cap_video(make_video: Callable[..., Path]) -> Path:
    return make_video("lens_cap.avi", black_frames(150))


@pytest.fixture
def test_profile() -> StudioProfile:
    """The test videos' format; everything else as in the default room."""
    w, h = VIDEO_SIZE
    return StudioProfile(name="test room 360p", target_width=w, target_height=h, target_fps=VIDEO_FPS)
