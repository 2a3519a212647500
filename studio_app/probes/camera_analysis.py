"""Pure analysis of camera frames: timing, black and frozen frames, focus, and the preview overlay.

Nothing here opens a device or a file: frames (BGR ``uint8``) and their timestamps come in, numbers and
:class:`~studio_app.probes.result.Finding` values go out, so every rule is testable on made-up data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from studio_app.i18n import translate
from studio_app.probes.frames import (
    ANALYSIS_WIDTH_PX,
    check_frame,
    downscale_to_width,
    grid_means,
    linear_luminance,
    luma_bt709,
    mean_luma_bt709,
    to_grey,
)
from studio_app.probes.result import Finding, ProbeResult, ProbeStatus
from studio_app.probes.thresholds import CameraThresholds

# The clipped-area mask handed to the preview is this wide: enough to outline a blown-out window or face,
# small enough to recompute for every preview frame.
OVERLAY_MASK_WIDTH_PX = 160


@dataclass(frozen=True)
class FrameTiming:
    frames: int
    span_s: float  # first to last timestamp
    fps: float | None  # measured from the timestamps, None with fewer than 2 frames
    nominal_interval_ms: float | None  # the camera's own cadence: the median interval
    jitter_ms: float | None  # std. dev. of the intervals that are not drops
    dropped_frames: int  # frames missing in the gaps, estimated as round(gap / nominal) - 1 per gap


def analyse_timing(timestamps_s: Sequence[float], drop_interval_factor: float = 1.5) -> FrameTiming:
    """Frame rate, jitter and dropped frames from the times at which frames were taken or read.

    The nominal interval is the median one: it is the camera's real cadence even when some frames are lost,
    so a 25 fps camera on a 30 fps profile shows as "fps low", not as every frame "dropped".
    """
    ts = np.asarray(timestamps_s, dtype=np.float64)
    n = int(ts.size)
    if n < 2:
        return FrameTiming(n, 0.0, None, None, None, 0)
    span_s = float(ts[-1] - ts[0])
    intervals = np.diff(ts)
    if span_s <= 0 or not np.all(np.isfinite(intervals)):
        return FrameTiming(n, max(span_s, 0.0), None, None, None, 0)
    nominal = float(np.median(intervals))
    if nominal <= 0:
        # Reads that return in bursts (buffered stream): fall back to the mean cadence.
        nominal = span_s / (n - 1)
    gaps = intervals > drop_interval_factor * nominal
    dropped = int(np.sum(np.maximum(np.round(intervals[gaps] / nominal) - 1, 1))) if gaps.any() else 0
    regular = intervals[~gaps]
    jitter_ms = float(np.std(regular) * 1000.0) if regular.size else 0.0
    return FrameTiming(
        frames=n,
        span_s=span_s,
        fps=(n - 1) / span_s,
        nominal_interval_ms=nominal * 1000.0,
        jitter_ms=jitter_ms,
        dropped_frames=dropped,
    )


def measure_sharpness(frame: np.ndarray) -> float:
    """Focus score: variance of the Laplacian of the grey picture scaled to a fixed width.

    The fixed width (640 px) makes the score independent of the camera's resolution, so a reference saved
    on one camera mode stays comparable. Higher is sharper; it also rises with scene detail, which is why
    the probe compares against a reference frame of the same scene rather than an absolute line.
    """
    grey = to_grey(downscale_to_width(frame, ANALYSIS_WIDTH_PX))
    lap = cv2.Laplacian(grey, cv2.CV_64F, ksize=1)
    return float(lap.var())


_SSIM_C1 = (0.01 * 255) ** 2
_SSIM_C2 = (0.03 * 255) ** 2


def _ssim_blur(img: np.ndarray) -> np.ndarray:
    return np.asarray(cv2.GaussianBlur(img, (11, 11), 1.5))


@dataclass(frozen=True, eq=False)
class _SsimSide:
    """One image's share of the SSIM sums, computed once so a frame compared with its neighbour on each
    side costs three blurs instead of five."""

    x: np.ndarray
    mu: np.ndarray
    mu2: np.ndarray
    sigma2: np.ndarray

    @staticmethod
    def of(grey: np.ndarray) -> _SsimSide:
        x = grey.astype(np.float32)
        mu = _ssim_blur(x)
        mu2 = mu * mu
        return _SsimSide(x, mu, mu2, _ssim_blur(x * x) - mu2)


def _ssim(a: _SsimSide, b: _SsimSide) -> float:
    mu_xy = a.mu * b.mu
    sigma_xy = _ssim_blur(a.x * b.x) - mu_xy
    num = (2 * mu_xy + _SSIM_C1) * (2 * sigma_xy + _SSIM_C2)
    den = (a.mu2 + b.mu2 + _SSIM_C1) * (a.sigma2 + b.sigma2 + _SSIM_C2)
    return float(np.mean(num / den))


def structural_similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Mean SSIM (Wang et al. 2004; 11×11 Gaussian window, σ = 1.5, K1 = 0.01, K2 = 0.03) of two grey
    ``uint8`` images.

    Written out with OpenCV's Gaussian blur (as in OpenCV's own video-similarity tutorial) rather than adding
    scikit-image, a large dependency, for one formula.
    """
    if a.shape != b.shape or a.ndim != 2:
        raise ValueError("SSIM needs two grey images of the same size")
    return _ssim(_SsimSide.of(a), _SsimSide.of(b))


@dataclass(frozen=True)
class FrameContent:
    """Per-frame content counts over a capture."""

    frames: int
    black_frames: int
    frozen_frames: int  # SSIM to the previous frame over the line
    identical_frames: int  # pixel-identical to the previous frame: a stuck pipeline, not a still scene
    longest_frozen_run: int
    sharpness: float | None  # median focus score of the non-black frames
    frame_lumas: tuple[float, ...]  # mean BT.709 luma of every frame, for the flicker analysis


def analyse_content(frames: Sequence[np.ndarray], thresholds: CameraThresholds) -> FrameContent:
    """Black frames (mean luma under the line), frozen frames (SSIM to the previous frame over the line)
    and focus. A black frame is reported as black only, never also as frozen."""
    lumas: list[float] = []
    black = frozen = identical = run = longest = 0
    sharpness: list[float] = []
    previous: _SsimSide | None = None
    previous_small: np.ndarray | None = None
    for frame in frames:
        small = downscale_to_width(frame, ANALYSIS_WIDTH_PX)
        luma = mean_luma_bt709(small)
        lumas.append(luma)
        if luma < thresholds.black_luma:
            black += 1
            previous = previous_small = None
            run = 0
            continue
        grey = to_grey(small)
        sharpness.append(float(cv2.Laplacian(grey, cv2.CV_64F, ksize=1).var()))
        side = _SsimSide.of(grey)
        if previous is not None and _ssim(previous, side) > thresholds.frozen_ssim:
            frozen += 1
            run += 1
            longest = max(longest, run)
            if previous_small is not None and np.array_equal(previous_small, small):
                identical += 1
        else:
            run = 0
        previous, previous_small = side, small
    return FrameContent(
        frames=len(lumas),
        black_frames=black,
        frozen_frames=frozen,
        identical_frames=identical,
        longest_frozen_run=longest,
        sharpness=float(np.median(sharpness)) if sharpness else None,
        frame_lumas=tuple(lumas),
    )


@dataclass(frozen=True)
class CameraAnalysis:
    metrics: dict[str, float | int | str | None]
    findings: tuple[Finding, ...]
    timing: FrameTiming
    content: FrameContent


def empty_camera_metrics() -> dict[str, float | int | str | None]:
    """Every metric name the camera result promises, unmeasured."""
    return {
        "width": None,
        "height": None,
        "fps": None,
        "fps_jitter_ms": None,
        "dropped_frames": None,
        "black_frames": None,
        "frozen_frames": None,
        "sharpness": None,
        "sharpness_ratio": None,
    }


def analyse_camera(
    frames: Sequence[np.ndarray],
    timestamps_s: Sequence[float],
    *,
    width: int,
    height: int,
    target_width: int,
    target_height: int,
    target_fps: float,
    reference_sharpness: float | None = None,
    thresholds: CameraThresholds | None = None,
) -> CameraAnalysis:
    """Judge one capture. ``width``/``height`` are the camera's full resolution (frames may be smaller)."""
    th = thresholds or CameraThresholds()
    if len(frames) != len(timestamps_s):
        raise ValueError("one timestamp per frame")
    timing = analyse_timing(timestamps_s, th.drop_interval_factor)
    content = analyse_content(frames, th)
    findings: list[Finding] = []

    if (width, height) != (target_width, target_height) and width * height < target_width * target_height:
        findings.append(
            Finding(
                ProbeStatus.WARN,
                "camera.resolution",
                translate(
                    "CameraProbe", "The camera delivers {w}×{h}; the profile expects {tw}×{th}."
                ).format(w=width, h=height, tw=target_width, th=target_height),
                translate(
                    "CameraProbe",
                    "Set the camera to {tw}×{th} in its settings, and plug it into a USB 3 port "
                    "(blue) or use a capture card.",
                ).format(tw=target_width, th=target_height),
            )
        )

    if timing.fps is not None:
        ratio = timing.fps / target_fps
        if ratio < th.fps_warn_ratio:
            status = ProbeStatus.FAIL if ratio < th.fps_fail_ratio else ProbeStatus.WARN
            findings.append(
                Finding(
                    status,
                    "camera.fps_low",
                    translate(
                        "CameraProbe",
                        "The camera delivers {fps:.1f} fps; the profile expects {target:g} fps.",
                    ).format(fps=timing.fps, target=target_fps),
                    translate(
                        "CameraProbe",
                        "Add light (many cameras slow down in the dark), turn off the camera's low-light "
                        "mode, and use a USB 3 port without a hub.",
                    ),
                )
            )

    expected_frames = timing.frames + timing.dropped_frames
    dropped_pct = 100.0 * timing.dropped_frames / expected_frames if expected_frames else 0.0
    if timing.dropped_frames and dropped_pct > th.dropped_warn_pct:
        status = ProbeStatus.FAIL if dropped_pct > th.dropped_fail_pct else ProbeStatus.WARN
        findings.append(
            Finding(
                status,
                "camera.dropped",
                translate("CameraProbe", "{n} frames were lost ({pct:.1f} %).").format(
                    n=timing.dropped_frames, pct=dropped_pct
                ),
                translate(
                    "CameraProbe",
                    "Close other programs that use the camera or the CPU, and connect the camera directly "
                    "with a short cable (no hub).",
                ),
            )
        )

    if timing.jitter_ms is not None and timing.jitter_ms > th.jitter_warn_ms:
        findings.append(
            Finding(
                ProbeStatus.WARN,
                "camera.jitter",
                translate("CameraProbe", "Frames arrive unevenly (jitter {ms:.1f} ms).").format(
                    ms=timing.jitter_ms
                ),
                translate(
                    "CameraProbe",
                    "Close heavy programs and avoid USB hubs; for a network camera, use a cable, not Wi-Fi.",
                ),
            )
        )

    if content.frames and content.black_frames:
        black_pct = 100.0 * content.black_frames / content.frames
        failed = black_pct >= th.black_fail_pct
        findings.append(
            Finding(
                ProbeStatus.FAIL if failed else ProbeStatus.WARN,
                "camera.black",
                (
                    translate("CameraProbe", "The picture is black ({n} of {total} frames).")
                    if failed
                    else translate("CameraProbe", "{n} of {total} frames were black.")
                ).format(n=content.black_frames, total=content.frames),
                translate(
                    "CameraProbe",
                    "Remove the lens cap or open the privacy shutter, and check the HDMI cable and the "
                    "camera's output.",
                ),
            )
        )

    if content.frames > 1 and content.frozen_frames:
        frozen_pct = 100.0 * content.frozen_frames / (content.frames - 1)
        stuck_pct = 100.0 * content.identical_frames / (content.frames - 1)
        if stuck_pct >= th.stuck_fail_pct:
            findings.append(
                Finding(
                    ProbeStatus.FAIL,
                    "camera.frozen",
                    translate(
                        "CameraProbe", "The picture is stuck: {n} frames repeated the previous one exactly."
                    ).format(n=content.identical_frames),
                    translate(
                        "CameraProbe",
                        "Check the capture card and its cable, then unplug and replug the camera; "
                        "close other programs that use it.",
                    ),
                )
            )
        elif frozen_pct > th.frozen_warn_pct:
            findings.append(
                Finding(
                    ProbeStatus.WARN,
                    "camera.frozen",
                    translate(
                        "CameraProbe", "The picture did not change for {n} frames (longest run {run})."
                    ).format(n=content.frozen_frames, run=content.longest_frozen_run),
                    translate(
                        "CameraProbe",
                        "If nothing moves in front of the camera this is expected; otherwise check the "
                        "capture card and its cable, then unplug and replug the camera.",
                    ),
                )
            )

    sharpness_ratio: float | None = None
    if reference_sharpness and content.sharpness is not None:
        sharpness_ratio = content.sharpness / reference_sharpness
        if sharpness_ratio < th.sharpness_warn_ratio:
            findings.append(
                Finding(
                    ProbeStatus.WARN,
                    "camera.focus",
                    translate(
                        "CameraProbe", "The picture is soft: focus is {pct:.0f} % of the saved reference."
                    ).format(pct=100.0 * sharpness_ratio),
                    translate(
                        "CameraProbe",
                        "Refocus on the presenter (manual focus or tap-to-focus), clean the lens, and save "
                        "a new reference if the scene has changed.",
                    ),
                )
            )

    metrics: dict[str, float | int | str | None] = {
        "width": width,
        "height": height,
        "fps": _round(timing.fps, 2),
        "fps_jitter_ms": _round(timing.jitter_ms, 2),
        "dropped_frames": timing.dropped_frames,
        "black_frames": content.black_frames,
        "frozen_frames": content.frozen_frames,
        "identical_frames": content.identical_frames,
        "sharpness": _round(content.sharpness, 1),
        "sharpness_ratio": _round(sharpness_ratio, 3),
        "frames": content.frames,
    }
    return CameraAnalysis(metrics, tuple(findings), timing, content)


def camera_result(analysis: CameraAnalysis, duration_s: float) -> ProbeResult:
    return ProbeResult.from_findings(
        "camera",
        analysis.metrics,
        list(analysis.findings),
        duration_s,
        translate("CameraProbe", "Camera OK: {w}×{h} at {fps:.1f} fps").format(
            w=analysis.metrics["width"], h=analysis.metrics["height"], fps=analysis.timing.fps or 0.0
        ),
    )


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)


@dataclass(frozen=True, eq=False)
class FrameOverlay:
    """What the live preview draws over one frame. Grid cells are row-major, top-left first."""

    grid_luma: tuple[tuple[float, float, float], ...]  # 3×3 mean BT.709 luma, 0-255
    uniformity: float  # U0 = min/mean of the grid's linear light
    clipped_mask: npt.NDArray[np.bool_]  # True where luma >= 250; at most 160 px wide, same aspect
    clipped_pct: float
    mean_luma: float
    sharpness: float


def analyse_preview_frame(frame: np.ndarray, clipped_luma: float = 250.0) -> FrameOverlay:
    """Cheap per-frame numbers for the live preview (one 1080p frame costs a few ms; see bench/)."""
    frame = check_frame(frame)
    small = downscale_to_width(frame, ANALYSIS_WIDTH_PX)
    luma = luma_bt709(small)
    grid = grid_means(luma)
    light = grid_means(linear_luminance(small))
    mean_light = float(light.mean())
    uniformity = float(light.min() / mean_light) if mean_light > 0 else 0.0
    mask_small = downscale_to_width(small, OVERLAY_MASK_WIDTH_PX)
    clipped_mask = luma_bt709(mask_small) >= clipped_luma
    grey = to_grey(small)
    return FrameOverlay(
        grid_luma=tuple((float(r[0]), float(r[1]), float(r[2])) for r in grid),
        uniformity=uniformity,
        clipped_mask=clipped_mask,
        clipped_pct=float(100.0 * np.mean(luma >= clipped_luma)),
        mean_luma=float(luma.mean()),
        sharpness=float(cv2.Laplacian(grey, cv2.CV_64F, ksize=1).var()),
    )
