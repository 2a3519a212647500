"""Videos standing in for a camera in the checks area's tests and benchmarks (written with OpenCV)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np

VIDEO_SIZE = (640, 360)
VIDEO_FPS = 30.0


def write_video(path: Path, frames: Iterator[np.ndarray], fps: float = VIDEO_FPS) -> Path:
    """An MJPG .avi (OpenCV writes it without any external codec)."""
    first = next(frames)
    h, w = first.shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (w, h))
    assert writer.isOpened(), "OpenCV cannot write MJPG video here"
    writer.write(first)
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


def studio_frames(
    count: int, size: tuple[int, int] = VIDEO_SIZE, gain: float = 1.0, seed: int = 7
) -> Iterator[np.ndarray]:
    """A neutral, evenly lit, detailed scene that moves a little every frame (so it is not 'frozen')."""
    rng = np.random.default_rng(seed)
    w, h = size
    texture = rng.integers(70, 190, size=(h, w + count * 2), dtype=np.uint8)
    texture = cv2.GaussianBlur(texture, (3, 3), 0)
    for i in range(count):
        grey = texture[:, i * 2 : i * 2 + w].astype(np.float32) * gain
        frame = np.clip(grey, 0, 255).astype(np.uint8)
        yield cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)


def black_frames(count: int, size: tuple[int, int] = VIDEO_SIZE) -> Iterator[np.ndarray]:
    """A lens cap: mean luma far below 20."""
    w, h = size
    for _ in range(count):
        yield np.full((h, w, 3), 4, dtype=np.uint8)
