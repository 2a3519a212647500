"""Per-frame cost of the camera and lighting analysis at 1080p, and one whole camera probe.

A 30 fps camera leaves 33 ms per frame; the live preview overlay must fit in a small share of that, and the
probe's analysis of a 2.5 s capture must leave the full check inside its 10 s budget. Prints milliseconds
(median and 90th percentile over the runs) for each step:

    .venv/bin/python bench/bench_frame_analysis.py [--frames 60]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

from studio_app.probes.camera import CameraConfig, analyse_preview_frame, run_camera_probe
from studio_app.probes.camera_analysis import analyse_content, measure_sharpness
from studio_app.probes.frames import downscale_to_width
from studio_app.probes.lighting import mains_alias_hz, measure_flicker, measure_frame_lighting
from studio_app.probes.thresholds import CameraThresholds


def scene_1080p(index: int) -> np.ndarray:
    """A textured, panning 1080p picture: realistic work for the codecs and filters."""
    rng = np.random.default_rng(1)
    base = cv2.GaussianBlur(rng.normal(128, 40, (1080, 1920)).astype(np.float32), (0, 0), 2)
    plane = np.clip(np.roll(base, 6 * index, axis=1), 0, 255).astype(np.uint8)
    return cv2.merge([plane, plane, plane])


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000.0)
    return out


def report(name: str, samples_ms: list[float]) -> None:
    ordered = sorted(samples_ms)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    print(f"{name:<48} median {statistics.median(ordered):8.2f} ms   p90 {p90:8.2f} ms")


def flicker_accuracy() -> None:
    """How well the flicker analysis finds a lamp's pulse: 2.5 s of per-frame luma with 5 % flicker,
    frame times jittered ±3 ms like live reads, at common camera rates."""
    rng = np.random.default_rng(11)
    print("flicker, 2.5 s capture, 5 % depth, ±3 ms read jitter")
    print(f"{'fps':>7} {'mains':>6} {'alias Hz':>9} {'found Hz':>9} {'depth %':>8}  verdict")
    for fps in (25.0, 29.97, 30.0, 50.0, 60.0):
        for mains_hz in (50, 60):
            light_hz = 2 * mains_hz
            true_t = np.arange(round(2.5 * fps)) / fps
            read_t = true_t + rng.uniform(-0.003, 0.003, true_t.size)
            lumas = 120.0 * (1 + 0.05 * np.sin(2 * np.pi * light_hz * true_t)) + rng.normal(
                0, 0.3, true_t.size
            )
            found = measure_flicker(lumas.tolist(), read_t.tolist())
            alias = mains_alias_hz(light_hz, fps)
            if alias < 1.0:
                verdict = "invisible: the pulse aliases to ~0 Hz (shows as bands, not as a beat)"
            else:
                verdict = "found" if mains_hz in found.mains_hz else "MISSED"
            print(
                f"{fps:7.2f} {mains_hz:>4}Hz {alias:9.2f} {found.peak_hz or 0.0:9.2f} "
                f"{found.depth_pct or 0.0:8.2f}  {verdict}"
            )
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--frames", type=int, default=60)
    args = parser.parse_args()
    n = args.frames
    flicker_accuracy()
    frames = [scene_1080p(i) for i in range(n)]
    small = [downscale_to_width(f) for f in frames]
    jpeg = cv2.imencode(".jpg", frames[0], [cv2.IMWRITE_JPEG_QUALITY, 90])[1]
    it = iter(range(10**9))

    print(f"per frame, 1920×1080 BGR, {n} runs each ({cv2.getNumThreads()} OpenCV threads)")
    report("decode one MJPEG frame (what a USB camera sends)", timed(lambda: cv2.imdecode(jpeg, 1), n))
    report("downscale to 640 px (kept per captured frame)", timed(lambda: downscale_to_width(frames[0]), n))
    report(
        "camera content: luma, SSIM to previous, focus",
        [t / n for t in timed(lambda: analyse_content(small, CameraThresholds()), 3)],
    )
    report(
        "lighting stats (grid, balance, CIELab)",
        timed(lambda: measure_frame_lighting(small[next(it) % n]), n),
    )
    report("focus score alone (measure_sharpness, 1080p in)", timed(lambda: measure_sharpness(frames[0]), n))
    report(
        "preview overlay (analyse_preview_frame, 1080p in)",
        timed(lambda: analyse_preview_frame(frames[0]), n),
    )

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "probe.avi"
        writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 30.0, (1920, 1080))
        for i in range(80):
            writer.write(frames[i % n])
        writer.release()
        cfg = CameraConfig(str(path))
        walls = []
        for _ in range(3):
            t = time.perf_counter()
            camera, lighting = run_camera_probe(cfg, threading.Event(), deadline_s=30.0)
            walls.append((time.perf_counter() - t) * 1000.0)
        print()
        report("whole probe on a 2.5 s 1080p30 file (75 frames)", walls)
        statuses = f"camera {camera.status.value}, lighting {lighting.status.value}"
        print(f"  -> {statuses}, frames {camera.metrics['frames']}")


if __name__ == "__main__":
    main()
