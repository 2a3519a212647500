"""Fixtures of the checks area: real video files made with OpenCV, standing in for a camera."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest
from check_videos import VIDEO_FPS, VIDEO_SIZE, black_frames, studio_frames, write_video
from main_window_fixture import window  # noqa: F401  (the real main window, shared with other folders)

from studio_app.context import AppContext
from studio_app.probes import repo as checks_repo
from studio_app.probes.profile import StudioProfile

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from studio_app.ui.check_panel import CheckPanel


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


@pytest.fixture
def make_panel(qtbot: QtBot, app_context: AppContext) -> Iterator[Callable[[StudioProfile], CheckPanel]]:
    """Check panels over the test workspace with ``profile`` stored as the default; shut down afterwards
    (Qt is imported here, not for every test of the folder)."""
    from studio_app.ui.check_panel import CheckPanel
    from studio_app.ui.workers import running_count

    panels: list[CheckPanel] = []

    def make(profile: StudioProfile) -> CheckPanel:
        with app_context.db.session() as s:
            checks_repo.save_profile(s, profile, make_default=True)
        panel = CheckPanel(app_context)
        qtbot.addWidget(panel)
        panels.append(panel)
        qtbot.waitUntil(lambda: panel.profile.name == profile.name, timeout=5000)
        return panel

    yield make
    for panel in panels:
        panel.shutdown()
    qtbot.waitUntil(lambda: running_count() == 0, timeout=30000)
