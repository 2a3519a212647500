"""Camera acquisition: list cameras, capture a couple of seconds of frames within a hard deadline, and run
the camera + lighting probe on one capture.

The analysis lives in :mod:`studio_app.probes.camera_analysis` and :mod:`studio_app.probes.lighting`
(pure functions); this module is the only one that touches OpenCV's ``VideoCapture``.

A ``VideoCapture`` call can block for a long time (a URL that never answers, a driver that hangs), and
OpenCV offers no way to interrupt it. So the capture runs in a daemon thread and the caller waits on it
only until its deadline: a hung source ends as an ``error`` result in time, and the thread releases the
device on its own once OpenCV returns.
"""

from __future__ import annotations

import contextlib
import functools
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import cv2
import numpy as np

from studio_app.clock import Clock, SystemClock
from studio_app.i18n import translate
from studio_app.probes.camera_analysis import (
    CameraThresholds,
    FrameOverlay,
    analyse_camera,
    analyse_preview_frame,
    camera_result,
    empty_camera_metrics,
    measure_sharpness,
)
from studio_app.probes.elgato import KeyLightReading, assess_key_lights, read_key_lights
from studio_app.probes.frames import ANALYSIS_WIDTH_PX, downscale_to_width
from studio_app.probes.lighting import analyse_lighting, lighting_result
from studio_app.probes.result import Finding, ProbeResult, ProbeStatus
from studio_app.probes.thresholds import LightingThresholds

__all__ = [
    "CameraConfig",
    "CameraInfo",
    "CameraThresholds",
    "CaptureResult",
    "FrameOverlay",
    "LightingThresholds",
    "SourceKind",
    "analyse_preview_frame",
    "capture_frames",
    "classify_source",
    "list_cameras",
    "measure_sharpness",
    "run_camera_probe",
]

LINUX_V4L_ROOT = Path("/sys/class/video4linux")


class SourceKind(StrEnum):
    DEVICE = "device"  # an OS camera index
    FILE = "file"  # a video file: timestamps come from the file
    URL = "url"  # MJPEG/RTSP/HTTP stream: live, with OpenCV's open/read timeouts


@dataclass(frozen=True)
class CameraConfig:
    source: str | int
    target_width: int = 1920
    target_height: int = 1080
    target_fps: float = 30.0
    duration_s: float = 2.5
    open_timeout_s: float = 3.0
    read_timeout_s: float = 2.0
    reference_sharpness: float | None = None
    # Live sources: frames of the first moments are dropped. Cameras settle their exposure there, and a
    # stream's first frames arrive in one burst from the demuxer's probe buffer, which would fake the timing.
    warmup_s: float = 0.3


@dataclass(frozen=True)
class CameraInfo:
    index: int
    name: str
    path: str = ""  # /dev/videoN on Linux, when known

    @property
    def label(self) -> str:
        return f"{self.index}: {self.name}"


def classify_source(source: str | int) -> tuple[SourceKind, int | str]:
    """A device index (``0``, ``"0"`` or ``/dev/video0``), a URL (``scheme://``), or else a file path."""
    if isinstance(source, int):
        return SourceKind.DEVICE, source
    text = source.strip()
    if text.isdigit():
        return SourceKind.DEVICE, int(text)
    if "://" in text:
        return SourceKind.URL, text
    if text.startswith("/dev/video") and text[10:].isdigit():  # what Linux users often type
        return SourceKind.DEVICE, int(text[10:])
    return SourceKind.FILE, str(Path(text).expanduser())


def list_cameras(v4l_root: Path | None = None) -> list[CameraInfo]:
    """Cameras with the names the OS gives them, sorted by index.

    Linux: ``/sys/class/video4linux/videoN/name``; a UVC camera also exposes a metadata node (its ``index``
    file says 1), which is not a picture source and is left out. Elsewhere the optional
    ``cv2-enumerate-cameras`` package asks DirectShow/MSMF/AVFoundation; without it there is no list.
    """
    if v4l_root is not None or sys.platform.startswith("linux"):
        return _list_v4l_cameras(v4l_root or LINUX_V4L_ROOT)
    try:
        from cv2_enumerate_cameras import enumerate_cameras
    except ImportError:
        return []
    # One backend only, OpenCV's default for a bare index there, so every index listed opens as listed
    # (asking all backends would list each camera once per backend, with offset indices).
    backend = cv2.CAP_AVFOUNDATION if sys.platform == "darwin" else cv2.CAP_MSMF
    seen: dict[int, CameraInfo] = {}
    try:
        found = enumerate_cameras(backend)
    except (NotImplementedError, OSError):
        return []
    for cam in found:
        seen.setdefault(int(cam.index), CameraInfo(int(cam.index), str(cam.name), str(cam.path or "")))
    return sorted(seen.values(), key=lambda c: c.index)


def _list_v4l_cameras(root: Path) -> list[CameraInfo]:
    cameras: list[CameraInfo] = []
    if not root.is_dir():
        return cameras
    for node in root.iterdir():
        if not node.name.startswith("video") or not node.name[5:].isdigit():
            continue
        index_file = node / "index"
        try:
            if index_file.exists() and index_file.read_text().strip() not in ("", "0"):
                continue
            name = (node / "name").read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            continue
        number = int(node.name[5:])
        cameras.append(CameraInfo(number, name or f"video{number}", f"/dev/video{number}"))
    return sorted(cameras, key=lambda c: c.index)


@dataclass(frozen=True, eq=False)
class CaptureResult:
    source: str
    kind: SourceKind
    # Copies scaled to at most 640 px wide (ANALYSIS_WIDTH_PX), BGR uint8: 2.5 s at 1080p30 in full size
    # would be ~470 MB; every analysis works at this width anyway.
    frames: tuple[np.ndarray, ...]
    timestamps_s: tuple[float, ...]  # seconds from the first kept frame
    width: int | None  # the camera's real frame size
    height: int | None
    errors: tuple[Finding, ...] = ()  # status ERROR, with the reason and a fix
    cancelled: bool = False
    reported_fps: float | None = None  # what the driver claims (CAP_PROP_FPS); for information only
    elapsed_s: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors and not self.cancelled and bool(self.frames)


@dataclass
class _Shared:
    """What the capture thread hands back; guarded by ``lock`` because the caller may give up early."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    done: threading.Event = field(default_factory=threading.Event)
    stop: threading.Event = field(default_factory=threading.Event)
    frames: list[np.ndarray] = field(default_factory=list)
    timestamps_s: list[float] = field(default_factory=list)
    width: int | None = None
    height: int | None = None
    reported_fps: float | None = None
    errors: list[Finding] = field(default_factory=list)
    last_frame_at: float | None = None  # time.monotonic() of the newest frame read


def _error(code: str, message: str, fix: str) -> Finding:
    return Finding(ProbeStatus.ERROR, code, message, fix)


@functools.cache
def _quiet_opencv_logs() -> None:
    """OpenCV prints its own warnings (e.g. a stream timeout) to stderr; the probe reports them in the user's
    language instead, so only OpenCV's errors stay on the console."""
    with contextlib.suppress(AttributeError):  # a build without the logging utilities
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)


def _open_capture(cfg: CameraConfig, kind: SourceKind, target: int | str) -> cv2.VideoCapture:
    _quiet_opencv_logs()
    if kind is SourceKind.DEVICE:
        assert isinstance(target, int)
        cap = cv2.VideoCapture(target)
        if cap.isOpened():
            # MJPG first: at 1080p, uncompressed YUYV over USB 2 gives only a few fps.
            cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, cfg.target_width)
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, cfg.target_height)
            cap.set(cv2.CAP_PROP_FPS, cfg.target_fps)
        return cap
    if kind is SourceKind.URL:
        params = [
            cv2.CAP_PROP_OPEN_TIMEOUT_MSEC,
            max(1, round(cfg.open_timeout_s * 1000)),
            cv2.CAP_PROP_READ_TIMEOUT_MSEC,
            max(1, round(cfg.read_timeout_s * 1000)),
        ]
        return cv2.VideoCapture(str(target), cv2.CAP_FFMPEG, params)
    cap = cv2.VideoCapture(str(target), cv2.CAP_FFMPEG)
    if not cap.isOpened():
        cap = cv2.VideoCapture(str(target))
    return cap


def _open_error(kind: SourceKind, source: str) -> Finding:
    if kind is SourceKind.DEVICE:
        return _error(
            "camera.open_failed",
            translate(
                "CameraProbe", "Camera {source} cannot be opened: it is missing, busy or not allowed."
            ).format(source=source),
            translate(
                "CameraProbe",
                "Check that the camera is plugged in, close other programs that use it (OBS, WeChat, the "
                "browser), and allow camera access in the system's privacy settings.",
            ),
        )
    if kind is SourceKind.URL:
        return _error(
            "camera.open_failed",
            translate("CameraProbe", "The stream {source} cannot be opened.").format(source=source),
            translate(
                "CameraProbe", "Check the address and that the camera or encoder is streaming on the network."
            ),
        )
    return _error(
        "camera.open_failed",
        translate("CameraProbe", "The video file {source} cannot be read.").format(source=source),
        translate("CameraProbe", "Choose a video file that plays in a media player (MP4, MKV, AVI)."),
    )


def _capture_worker(
    cfg: CameraConfig, kind: SourceKind, target: int | str, shared: _Shared, cancel: threading.Event
) -> None:
    cap: cv2.VideoCapture | None = None
    try:
        try:
            cap = _open_capture(cfg, kind, target)
        except cv2.error:
            cap = None
        if cap is None or not cap.isOpened():
            with shared.lock:
                shared.errors.append(_open_error(kind, str(cfg.source)))
            return
        reported = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)
        with shared.lock:
            shared.reported_fps = reported if reported > 0 else None
        live = kind is not SourceKind.FILE
        start_live: float | None = None
        first_ts: float | None = None
        last_ts: float | None = None
        kept = read = 0
        while not (cancel.is_set() or shared.stop.is_set()):
            ok, frame = cap.read()
            now = time.monotonic()
            if not ok or frame is None:
                if live or read == 0:
                    with shared.lock:
                        shared.errors.append(_lost_error(kind, str(cfg.source), kept, last_ts))
                break  # a file simply ended
            read += 1
            if live:
                # Live sources: the time the frame reached us is the only clock there is.
                if start_live is None:
                    start_live = now
                if now - start_live < cfg.warmup_s:
                    continue
                ts = now
            else:
                # Files decode as fast as the disk allows, so read times say nothing about the camera that
                # recorded them; the container's presentation time does, and it makes file results
                # deterministic.
                ts = float(cap.get(cv2.CAP_PROP_POS_MSEC)) / 1000.0
                if last_ts is not None and first_ts is not None and ts - first_ts <= last_ts:
                    # A container without usable timestamps: fall back to the nominal frame rate.
                    ts = first_ts + last_ts + 1.0 / (reported if reported > 0 else cfg.target_fps)
            if first_ts is None:
                first_ts = ts
            rel = ts - first_ts
            if rel >= cfg.duration_s - 1e-9:
                break
            small = downscale_to_width(frame, ANALYSIS_WIDTH_PX)
            with shared.lock:
                if shared.width is None:
                    shared.height, shared.width = int(frame.shape[0]), int(frame.shape[1])
                shared.frames.append(small)
                shared.timestamps_s.append(rel)
                shared.last_frame_at = now
            last_ts = rel
            kept += 1
    except cv2.error as exc:
        with shared.lock:
            shared.errors.append(
                _error(
                    "camera.read_failed",
                    translate("CameraProbe", "The camera reported an error: {why}").format(
                        why=str(exc).strip().splitlines()[-1]
                    ),
                    translate("CameraProbe", "Unplug and replug the camera, then run the check again."),
                )
            )
    finally:
        if cap is not None:
            cap.release()
        shared.done.set()


def _lost_error(kind: SourceKind, source: str, kept: int, last_ts: float | None) -> Finding:
    if kept == 0:
        return _error(
            "camera.no_frames",
            translate("CameraProbe", "Camera {source} opened but sent no picture.").format(source=source),
            translate(
                "CameraProbe",
                "Check the cable and that no other program holds the camera; for a stream, check that the "
                "encoder is running.",
            ),
        )
    return _error(
        "camera.lost",
        translate(
            "CameraProbe", "Camera {source} stopped sending pictures after {n} frames ({s:.1f} s)."
        ).format(source=source, n=kept, s=last_ts or 0.0),
        translate(
            "CameraProbe",
            "The camera or stream was disconnected: check the cable or the network, then run the check "
            "again.",
        ),
    )


def capture_frames(cfg: CameraConfig, cancel: threading.Event, deadline_s: float) -> CaptureResult:
    """Capture ``cfg.duration_s`` of frames; return within ``deadline_s`` seconds from now, whatever happens.

    Never raises for a source problem: a missing file, a camera that cannot be opened, a URL that never
    answers or a device that disappears mid-capture come back in ``errors``. ``cancel`` stops it early
    (``cancelled`` is then True).
    """
    started = time.monotonic()
    kind, target = classify_source(cfg.source)
    source = str(cfg.source)
    if kind is SourceKind.FILE and not Path(str(target)).is_file():
        missing = _error(
            "camera.file_missing",
            translate("CameraProbe", "The video file {source} does not exist.").format(source=source),
            translate("CameraProbe", "Check the path of the video file."),
        )
        return CaptureResult(source, kind, (), (), None, None, (missing,))
    shared = _Shared()
    thread = threading.Thread(
        target=_capture_worker, args=(cfg, kind, target, shared, cancel), name="camera-capture", daemon=True
    )
    thread.start()
    deadline_at = started + max(0.0, deadline_s)
    timed_out = False
    # Short waits so a cancel from the UI is honoured promptly even while OpenCV blocks inside the thread.
    while not shared.done.wait(timeout=max(0.0, min(0.05, deadline_at - time.monotonic()))):
        if cancel.is_set():
            break
        if time.monotonic() >= deadline_at:
            timed_out = True
            break
    shared.stop.set()
    with shared.lock:
        errors = list(shared.errors)
        frames, stamps = tuple(shared.frames), tuple(shared.timestamps_s)
        width, height, reported = shared.width, shared.height, shared.reported_fps
        last_frame_at = shared.last_frame_at
    cancelled = cancel.is_set()
    frames_flowing = last_frame_at is not None and time.monotonic() - last_frame_at < max(
        0.5, 4.0 / cfg.target_fps
    )
    # At the deadline with frames still arriving, a slow open ate the time: analyse the shorter capture.
    if timed_out and not shared.done.is_set() and not frames_flowing:
        if frames:
            errors.append(
                _error(
                    "camera.stalled",
                    translate(
                        "CameraProbe",
                        "Camera {source} stalled after {n} frames and did not recover within {s:.1f} s.",
                    ).format(source=source, n=len(frames), s=deadline_s),
                    translate(
                        "CameraProbe",
                        "Unplug and replug the camera or restart the stream, then run the check again.",
                    ),
                )
            )
        else:
            errors.append(
                _error(
                    "camera.no_answer",
                    translate("CameraProbe", "Camera {source} did not answer within {s:.1f} s.").format(
                        source=source, s=deadline_s
                    ),
                    translate(
                        "CameraProbe",
                        "Check that the camera or stream is on and reachable (address, cable, network), then "
                        "run the check again.",
                    ),
                )
            )
    return CaptureResult(
        source,
        kind,
        frames,
        stamps,
        width,
        height,
        tuple(errors),
        cancelled,
        reported,
        time.monotonic() - started,
    )


# Time kept back from the capture for analysing it: 75 frames at 640 px take ~0.3-0.6 s on a busy 2-core
# machine (bench/bench_frame_analysis.py), so the probe as a whole still ends within its deadline.
ANALYSIS_RESERVE_S = 1.0


def run_camera_probe(
    cfg: CameraConfig,
    cancel: threading.Event,
    deadline_s: float,
    clock: Clock | None = None,
    *,
    camera_thresholds: CameraThresholds | None = None,
    lighting_thresholds: LightingThresholds | None = None,
    key_lights: Sequence[str] = (),
    color_temp_k: int = 5600,
    color_temp_tolerance_k: int = 300,
    key_light_timeout_s: float = 1.0,
) -> tuple[ProbeResult, ProbeResult]:
    """The camera and the lighting results from ONE capture (plus the pinned Key Lights, read meanwhile).

    Returns within ``deadline_s`` seconds: the capture gets the deadline less a reserve for the analysis.
    """
    clock = clock or SystemClock()
    t0 = clock.monotonic()
    started = time.monotonic()
    capture_deadline_s = max(0.1, deadline_s - min(ANALYSIS_RESERVE_S, 0.2 * deadline_s))
    pool: ThreadPoolExecutor | None = None
    lights_future = None
    if key_lights:
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="keylights")
        lights_future = pool.submit(read_key_lights, list(key_lights), timeout_s=key_light_timeout_s)
    try:
        capture = capture_frames(cfg, cancel, capture_deadline_s)
        readings: list[KeyLightReading] = []
        if lights_future is not None:
            remaining = max(0.0, capture_deadline_s - (time.monotonic() - started))
            try:
                readings = lights_future.result(timeout=remaining)
            except FutureTimeout:
                readings = [
                    KeyLightReading(
                        a,
                        False,
                        error=translate("CameraProbe", "no answer within {s:g} s").format(
                            s=round(key_light_timeout_s, 1)
                        ),
                    )
                    for a in key_lights
                ]
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    if capture.cancelled:
        message = translate("CameraProbe", "Check cancelled.")
        duration_s = clock.monotonic() - t0
        return (
            ProbeResult("camera", ProbeStatus.SKIPPED, empty_camera_metrics(), (), duration_s, message),
            ProbeResult("lighting", ProbeStatus.SKIPPED, {}, (), duration_s, message),
        )

    camera_findings: list[Finding] = list(capture.errors)
    camera_metrics = empty_camera_metrics()
    ok_message = ""
    lighting_analysis = None
    if capture.frames and capture.width and capture.height:
        analysis = analyse_camera(
            capture.frames,
            capture.timestamps_s,
            width=capture.width,
            height=capture.height,
            target_width=cfg.target_width,
            target_height=cfg.target_height,
            target_fps=cfg.target_fps,
            reference_sharpness=cfg.reference_sharpness,
            thresholds=camera_thresholds,
        )
        camera_findings += analysis.findings
        camera_metrics = analysis.metrics
        ok_message = camera_result(analysis, 0.0).message
        lighting_analysis = analyse_lighting(
            capture.frames,
            capture.timestamps_s,
            frame_lumas=analysis.content.frame_lumas,
            thresholds=lighting_thresholds,
        )
    light_metrics: dict[str, float | int | str | None] = {}
    light_findings: list[Finding] = []
    if key_lights:
        light_metrics, light_findings = assess_key_lights(readings, color_temp_k, color_temp_tolerance_k)

    duration_s = clock.monotonic() - t0
    camera = ProbeResult.from_findings("camera", camera_metrics, camera_findings, duration_s, ok_message)
    lighting = lighting_result(
        lighting_analysis,
        duration_s,
        extra_metrics=light_metrics,
        extra_findings=light_findings,
        skipped_reason=translate("CameraProbe", "No camera picture to judge the lighting: {why}").format(
            why=camera.message
        )
        if camera.message
        else "",
    )
    return camera, lighting
