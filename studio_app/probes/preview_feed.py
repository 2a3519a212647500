"""The live camera feed behind the check panel's preview and the on-air watch's fps sensor.

One loop reads frames (on a worker thread) and keeps only the newest, with its overlay numbers: a slow view
drops stale frames instead of queueing them ("latest frame wins"). Video files loop at their own frame
rate, so a recorded clip can stand in for a camera in tests and demos.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from studio_app.i18n import translate
from studio_app.probes.camera import CameraConfig, SourceKind, _open_capture, classify_source
from studio_app.probes.camera_analysis import FrameOverlay, analyse_preview_frame

log = logging.getLogger(__name__)

ANALYSE_EVERY_S = 0.2  # overlay numbers 5× a second are plenty for the eye and cost ~1 % of a core


@dataclass(frozen=True, eq=False)
class PreviewFrame:
    frame_bgr: np.ndarray
    overlay: FrameOverlay | None
    seq: int
    fps: float


def open_capture(source: int | str) -> tuple[cv2.VideoCapture, bool]:
    """Open like the camera probe does (MJPG at the target size for devices, timeouts for URLs).

    Returns the capture and whether it is a file (which has no clock of its own and must be paced).
    """
    kind, target = classify_source(source)
    # The camera probe's opener is the one place that knows each source kind's OpenCV settings.
    return _open_capture(CameraConfig(source=target), kind, target), kind is SourceKind.FILE


class PreviewFeed:
    def __init__(
        self,
        source: int | str,
        monotonic: Callable[[], float] = time.monotonic,
        analyse: Callable[[np.ndarray], FrameOverlay] = analyse_preview_frame,
        decode: bool = True,
    ) -> None:
        """``decode=False`` only counts frames (``VideoCapture.grab`` without decoding): the on-air watch's
        frame-rate sensor when nobody looks at the preview, at a fraction of the CPU."""
        self.source = source
        self.decode = decode
        self._monotonic = monotonic
        self._analyse = analyse
        self._lock = threading.Lock()
        self._latest: PreviewFrame | None = None
        self._stamps: deque[float] = deque(maxlen=90)
        self._seq = 0
        self.error: str | None = None

    @property
    def frames_seen(self) -> int:
        with self._lock:
            return self._seq

    def latest(self) -> PreviewFrame | None:
        with self._lock:
            return self._latest

    def fps(self) -> float | None:
        """Frames per second over the last ~2 s, measured from arrival times; None before 2 frames or
        when no frame arrived for a second (a stalled camera reads as no fps, not the old value)."""
        with self._lock:
            stamps = list(self._stamps)
        now = self._monotonic()
        recent = [t for t in stamps if now - t <= 2.0]
        if len(recent) < 2 or now - recent[-1] > 1.0:
            return None
        return (len(recent) - 1) / (recent[-1] - recent[0]) if recent[-1] > recent[0] else None

    def _next(self, cap: cv2.VideoCapture) -> tuple[bool, np.ndarray | None]:
        if self.decode:
            ok, frame = cap.read()
            return ok and frame is not None, frame
        return bool(cap.grab()), None

    def run(self, stop: threading.Event) -> None:
        """Read until ``stop`` is set or the device fails (then ``error`` says why).

        Blocking: run it in a worker."""
        cap, is_file = open_capture(self.source)
        try:
            if not cap.isOpened():
                self.error = translate("Preview", "Cannot open the camera “{source}”.").format(
                    source=self.source
                )
                return
            if not self.decode:
                # Raw mode: grab() hands over the compressed frame without decoding it (FFmpeg and V4L2
                # backends); counting a 1080p MJPEG stream then costs ~0.1 % of a core instead of ~25 %.
                cap.set(cv2.CAP_PROP_FORMAT, -1)
            file_fps = cap.get(cv2.CAP_PROP_FPS) if is_file else 0.0
            period_s = 1.0 / file_fps if is_file and 1.0 <= file_fps <= 240.0 else 0.0
            next_at = self._monotonic()
            last_analysis = -1e9
            overlay: FrameOverlay | None = None
            while not stop.is_set():
                ok, frame = self._next(cap)
                if not ok and is_file:
                    cap.set(cv2.CAP_PROP_POS_FRAMES, 0)  # loop the clip
                    ok, frame = self._next(cap)
                if not ok:
                    self.error = translate("Preview", "The camera stopped sending frames.")
                    return
                now = self._monotonic()
                if frame is not None and now - last_analysis >= ANALYSE_EVERY_S:
                    overlay = self._analyse(frame)
                    last_analysis = now
                with self._lock:
                    self._seq += 1
                    self._stamps.append(now)
                    if frame is not None:
                        fps = 0.0
                        if len(self._stamps) >= 2 and self._stamps[-1] > self._stamps[0]:
                            fps = (len(self._stamps) - 1) / (self._stamps[-1] - self._stamps[0])
                        self._latest = PreviewFrame(frame, overlay, self._seq, fps)
                if period_s:
                    # A file has no camera clock; pace it like one.
                    next_at += period_s
                    delay = next_at - self._monotonic()
                    if delay > 0:
                        stop.wait(delay)
                    else:
                        next_at = self._monotonic()
        except cv2.error as exc:
            log.warning("preview of %s failed: %s", self.source, exc)
            self.error = translate("Preview", "The camera failed: {why}").format(why=exc)
        finally:
            cap.release()
