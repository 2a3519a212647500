"""Pure lighting analysis of camera frames: exposure, uniformity, balance, colour cast and mains flicker.

Levels are BT.709 luma (0-255) of what the camera delivers; ratios of *light* (uniformity, stops) are taken
on linear luminance, because a camera's output is gamma encoded and "one stop" means twice the light.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from studio_app.i18n import translate
from studio_app.probes.frames import (
    ANALYSIS_WIDTH_PX,
    downscale_to_width,
    grid_means,
    linear_luminance,
    luma_bt709,
    mean_luma_bt709,
)
from studio_app.probes.result import Finding, ProbeResult, ProbeStatus
from studio_app.probes.thresholds import LightingThresholds


@dataclass(frozen=True)
class FrameLighting:
    mean_luma: float
    clipped_pct: float
    crushed_pct: float
    grid_light: tuple[tuple[float, float, float], ...]  # 3×3 mean linear luminance, row-major
    uniformity: float  # min/mean of grid_light
    lr_balance_stops: float | None  # log2(right/left) on the subject: > 0 means the left is darker
    lab_a: float
    lab_b: float
    cast_offset: float  # D = |(mean a*, mean b*)|, CIELab units
    cast_factor: float  # K = D/M, M = spread of a*/b* over the picture


def measure_frame_lighting(
    frame: np.ndarray, clipped_luma: float = 250.0, crushed_luma: float = 5.0
) -> FrameLighting:
    small = downscale_to_width(frame, ANALYSIS_WIDTH_PX)
    luma = luma_bt709(small)
    light = linear_luminance(small)
    grid = grid_means(light)
    mean_light = float(grid.mean())
    uniformity = float(grid.min() / mean_light) if mean_light > 0 else 0.0

    # The subject sits in the middle: the central half of the width, the central 60 % of the height.
    h, w = light.shape
    top, bottom = round(0.2 * h), round(0.8 * h)
    left, mid, right = round(0.25 * w), w // 2, round(0.75 * w)
    left_light = float(light[top:bottom, left:mid].mean())
    right_light = float(light[top:bottom, mid:right].mean())
    floor = 1e-4  # about code value 0.3: below it there is no light to compare
    balance = math.log2(right_light / left_light) if left_light > floor and right_light > floor else None

    a_mean, a_std, b_mean, b_std = _lab_ab_stats(small)
    offset = math.hypot(a_mean, b_mean)
    spread = max(math.hypot(a_std, b_std), 1.0)  # a flat one-colour frame has no spread; avoid K = inf
    return FrameLighting(
        mean_luma=float(luma.mean()),
        clipped_pct=float(100.0 * np.mean(luma >= clipped_luma)),
        crushed_pct=float(100.0 * np.mean(luma <= crushed_luma)),
        grid_light=tuple((float(r[0]), float(r[1]), float(r[2])) for r in grid),
        uniformity=uniformity,
        lr_balance_stops=balance,
        lab_a=a_mean,
        lab_b=b_mean,
        cast_offset=offset,
        cast_factor=offset / spread,
    )


def _lab_ab_stats(frame: np.ndarray) -> tuple[float, float, float, float]:
    """Mean and std. dev. of CIELab a* and b* (true units) of an sRGB BGR frame."""
    lab = cv2.cvtColor(frame.astype(np.float32) / 255.0, cv2.COLOR_BGR2Lab)
    a = lab[:, :, 1]
    b = lab[:, :, 2]
    return float(a.mean()), float(a.std()), float(b.mean()), float(b.std())


def mains_alias_hz(light_hz: float, fps: float) -> float:
    """Where light flickering at ``light_hz`` shows up when sampled at ``fps``: abs(f - k·fps), nearest k.

    50 Hz mains makes lamps pulse at 100 Hz; at 30 fps that reads as a 10 Hz beat (100 - 3·30).
    """
    if fps <= 0:
        raise ValueError("fps must be positive")
    k = round(light_hz / fps)
    return abs(light_hz - k * fps)


@dataclass(frozen=True)
class FlickerMeasurement:
    measured: bool  # False when the capture was too short or too sparse
    sample_fps: float | None
    duration_s: float
    peak_hz: float | None
    depth_pct: float | None  # amplitude of the strongest pulse, % of the mean luma
    alias_100_hz: float | None  # where 50 Hz mains flicker would show at this frame rate
    alias_120_hz: float | None  # ... and 60 Hz mains flicker
    mains_hz: tuple[int, ...]  # 50 and/or 60 when the peak sits on that alias


def measure_flicker(
    frame_lumas: Sequence[float],
    timestamps_s: Sequence[float],
    thresholds: LightingThresholds | None = None,
) -> FlickerMeasurement:
    """The strongest periodic brightness pulse in the per-frame mean luma.

    Resampled onto an even grid at the measured frame rate (live timestamps jitter), detrended (slow
    auto-exposure drift is not flicker), Hann-windowed and zero-padded so the peak's frequency and amplitude
    are read between FFT bins.
    """
    th = thresholds or LightingThresholds()
    y = np.asarray(frame_lumas, dtype=np.float64)
    t = np.asarray(timestamps_s, dtype=np.float64)
    if y.size != t.size:
        raise ValueError("one timestamp per luma value")
    duration = float(t[-1] - t[0]) if t.size >= 2 else 0.0
    if t.size < 8 or duration < th.flicker_min_duration_s - 1e-9:
        return FlickerMeasurement(False, None, duration, None, None, None, None, ())
    # The camera's own rate (median interval) is what aliases the mains, also when a few frames are lost;
    # the gaps are bridged by the interpolation.
    # Counting each interval in whole frame periods (a gap of three periods is three) and dividing by the
    # span gives that rate to a fraction of a percent even when read times jitter.
    intervals = np.diff(t)
    median_interval = float(np.median(intervals))
    periods = (
        np.maximum(np.round(intervals / median_interval), 1.0) if median_interval > 0 else intervals * 0 + 1
    )
    fps = float(periods.sum()) / duration
    grid_t = t[0] + np.arange(int(duration * fps + 1e-6) + 1) / fps
    samples = np.interp(grid_t, t, y)
    mean = float(samples.mean())
    alias_100 = mains_alias_hz(100.0, fps)
    alias_120 = mains_alias_hz(120.0, fps)
    if mean <= 1e-6:
        return FlickerMeasurement(True, fps, duration, None, 0.0, alias_100, alias_120, ())
    trend = np.polyval(np.polyfit(grid_t - grid_t[0], samples, 1), grid_t - grid_t[0])
    residual = samples - trend
    window = np.hanning(samples.size)
    n_fft = 1 << math.ceil(math.log2(samples.size * 16))
    spectrum = np.abs(np.fft.rfft(residual * window, n_fft)) * 2.0 / window.sum()
    freqs = np.fft.rfftfreq(n_fft, 1.0 / fps)
    band = freqs >= max(th.flicker_min_hz, 1.5 / duration)
    if not band.any():
        return FlickerMeasurement(True, fps, duration, None, 0.0, alias_100, alias_120, ())
    idx = int(np.argmax(np.where(band, spectrum, -1.0)))
    peak_hz = float(freqs[idx])
    depth_pct = float(100.0 * spectrum[idx] / mean)
    mains = tuple(
        mains_hz
        for mains_hz, alias in ((50, alias_100), (60, alias_120))
        if alias >= th.flicker_min_hz and abs(peak_hz - alias) <= th.mains_match_tolerance_hz
    )
    return FlickerMeasurement(True, fps, duration, peak_hz, depth_pct, alias_100, alias_120, mains)


@dataclass(frozen=True)
class LightingAnalysis:
    metrics: dict[str, float | int | str | None]
    findings: tuple[Finding, ...]
    flicker: FlickerMeasurement
    frames_used: int


def empty_lighting_metrics() -> dict[str, float | int | str | None]:
    """Every metric name the lighting result promises, unmeasured."""
    return {
        "mean_luma": None,
        "clipped_pct": None,
        "crushed_pct": None,
        "uniformity": None,
        "color_cast": None,
        "cast_factor": None,
        "flicker_hz": None,
        "flicker_depth": None,
        "lr_balance_stops": None,
        "lab_a": None,
        "lab_b": None,
    }


_REGIONS = (
    ("top left", "top", "top right"),
    ("left", "centre", "right"),
    ("bottom left", "bottom", "bottom right"),
)


def darkest_region(grid: np.ndarray, similar: float = 1.15) -> tuple[int, int]:
    """The (row, col) of the grid's region to name in a fix: the darkest cell, or the middle cell of its
    column or row when that whole column or row is about as dark (a dark left side is "the left", not
    whichever of its three cells came out a hair darker)."""
    row, col = (int(i) for i in np.unravel_index(int(np.argmin(grid)), grid.shape))
    darkest = float(grid[row, col])
    if darkest <= 0:
        return row, col
    column_dark = float(grid[:, col].max()) <= similar * darkest
    row_dark = float(grid[row, :].max()) <= similar * darkest
    if column_dark and not row_dark:
        return 1, col
    if row_dark and not column_dark:
        return row, 1
    return row, col


def _region_name(row: int, col: int) -> str:
    # Literal calls so the string extractor sees every region name.
    names = {
        "top left": translate("CameraProbe", "top left"),
        "top": translate("CameraProbe", "top"),
        "top right": translate("CameraProbe", "top right"),
        "left": translate("CameraProbe", "left"),
        "centre": translate("CameraProbe", "centre"),
        "right": translate("CameraProbe", "right"),
        "bottom left": translate("CameraProbe", "bottom left"),
        "bottom": translate("CameraProbe", "bottom"),
        "bottom right": translate("CameraProbe", "bottom right"),
    }
    return names[_REGIONS[row][col]]


def _cast_name(a: float, b: float) -> str:
    angle = math.degrees(math.atan2(b, a)) % 360.0
    if 45.0 <= angle < 135.0:
        return translate("CameraProbe", "yellow (warm)")
    if 135.0 <= angle < 225.0:
        return translate("CameraProbe", "green")
    if 225.0 <= angle < 315.0:
        return translate("CameraProbe", "blue (cold)")
    return translate("CameraProbe", "magenta")


def analyse_lighting(
    frames: Sequence[np.ndarray],
    timestamps_s: Sequence[float],
    *,
    frame_lumas: Sequence[float] | None = None,
    thresholds: LightingThresholds | None = None,
    max_frames: int = 15,
) -> LightingAnalysis:
    """Judge the light in one capture: per-frame measures on up to ``max_frames`` evenly spaced frames
    (medians, so one odd frame does not decide), flicker on the mean luma of every frame."""
    th = thresholds or LightingThresholds()
    if len(frames) != len(timestamps_s):
        raise ValueError("one timestamp per frame")
    lumas = (
        list(frame_lumas)
        if frame_lumas is not None
        else [mean_luma_bt709(downscale_to_width(f)) for f in frames]
    )
    picks = np.unique(np.linspace(0, len(frames) - 1, min(max_frames, len(frames))).round().astype(int))
    stats = (
        [measure_frame_lighting(frames[i], th.clipped_luma, th.crushed_luma) for i in picks] if frames else []
    )
    # Black frames are a camera fault (reported there); as samples they would read as a deep pulse.
    lit = [(y, t) for y, t in zip(lumas, timestamps_s, strict=True) if y >= th.black_luma]
    flicker = (
        measure_flicker([y for y, _ in lit], [t for _, t in lit], th)
        if lit
        else FlickerMeasurement(False, None, 0.0, None, None, None, None, ())
    )
    metrics = empty_lighting_metrics()
    findings: list[Finding] = []
    if not stats:
        return LightingAnalysis(metrics, (), flicker, 0)

    def med(values: Sequence[float]) -> float:
        return float(np.median(np.asarray(values, dtype=np.float64)))

    mean_luma = med([s.mean_luma for s in stats])
    clipped = med([s.clipped_pct for s in stats])
    crushed = med([s.crushed_pct for s in stats])
    grid = np.median(np.asarray([s.grid_light for s in stats]), axis=0)
    uniformity = float(grid.min() / grid.mean()) if grid.mean() > 0 else 0.0
    balances = [s.lr_balance_stops for s in stats if s.lr_balance_stops is not None]
    balance = med(balances) if balances else None
    lab_a = med([s.lab_a for s in stats])
    lab_b = med([s.lab_b for s in stats])
    cast_factor = med([s.cast_factor for s in stats])
    cast_offset = math.hypot(lab_a, lab_b)

    metrics.update(
        mean_luma=round(mean_luma, 1),
        clipped_pct=round(clipped, 2),
        crushed_pct=round(crushed, 2),
        uniformity=round(uniformity, 3),
        color_cast=round(cast_offset, 2),
        cast_factor=round(cast_factor, 2),
        # Below the reporting depth the "peak" is noise; a frequency there would only mislead.
        flicker_hz=None
        if flicker.peak_hz is None or (flicker.depth_pct or 0.0) < th.flicker_report_depth_pct
        else round(flicker.peak_hz, 2),
        flicker_depth=None if flicker.depth_pct is None else round(flicker.depth_pct, 2),
        lr_balance_stops=None if balance is None else round(balance, 2),
        lab_a=round(lab_a, 2),
        lab_b=round(lab_b, 2),
    )

    if mean_luma < th.luma_low_warn:
        findings.append(
            Finding(
                ProbeStatus.FAIL if mean_luma < th.luma_low_fail else ProbeStatus.WARN,
                "lighting.too_dark",
                translate(
                    "CameraProbe", "The picture is too dark (mean brightness {luma:.0f} of 255)."
                ).format(luma=mean_luma),
                translate("CameraProbe", "Turn up the key and fill lights, or raise the camera's exposure."),
            )
        )
    elif mean_luma > th.luma_high_warn:
        findings.append(
            Finding(
                ProbeStatus.FAIL if mean_luma > th.luma_high_fail else ProbeStatus.WARN,
                "lighting.too_bright",
                translate(
                    "CameraProbe", "The picture is too bright (mean brightness {luma:.0f} of 255)."
                ).format(luma=mean_luma),
                translate("CameraProbe", "Dim the lights or lower the camera's exposure."),
            )
        )
    if clipped > th.clipped_warn_pct:
        findings.append(
            Finding(
                ProbeStatus.FAIL if clipped > th.clipped_fail_pct else ProbeStatus.WARN,
                "lighting.clipped",
                translate("CameraProbe", "{pct:.1f} % of the picture is blown out to pure white.").format(
                    pct=clipped
                ),
                translate(
                    "CameraProbe",
                    "Lower the exposure or dim the light on the bright area; keep white products and walls "
                    "out of direct light.",
                ),
            )
        )
    if crushed > th.crushed_warn_pct:
        findings.append(
            Finding(
                ProbeStatus.FAIL if crushed > th.crushed_fail_pct else ProbeStatus.WARN,
                "lighting.crushed",
                translate("CameraProbe", "{pct:.1f} % of the picture is lost in black shadow.").format(
                    pct=crushed
                ),
                translate("CameraProbe", "Add fill or background light, or raise the exposure."),
            )
        )
    if uniformity < th.uniformity_warn:
        row, col = darkest_region(grid)
        findings.append(
            Finding(
                ProbeStatus.FAIL if uniformity < th.uniformity_fail else ProbeStatus.WARN,
                "lighting.uneven",
                translate(
                    "CameraProbe",
                    "Lighting is patchy: the {region} of the picture gets {pct:.0f} % of the average light.",
                ).format(region=_region_name(row, col), pct=100.0 * uniformity),
                translate(
                    "CameraProbe", "Aim a light at the {region} of the picture or move the key light."
                ).format(region=_region_name(row, col)),
            )
        )
    if balance is not None and abs(balance) > th.lr_warn_stops:
        status = ProbeStatus.FAIL if abs(balance) > th.lr_fail_stops else ProbeStatus.WARN
        if balance > 0:
            message = translate(
                "CameraProbe", "Lighting is uneven: the left is {stops:.1f} stops darker than the right."
            )
            fix = translate("CameraProbe", "Brighten the left fill light (or dim the right one).")
        else:
            message = translate(
                "CameraProbe", "Lighting is uneven: the right is {stops:.1f} stops darker than the left."
            )
            fix = translate("CameraProbe", "Brighten the right fill light (or dim the left one).")
        findings.append(Finding(status, "lighting.balance", message.format(stops=abs(balance)), fix))
    if cast_factor > th.cast_warn_factor and cast_offset >= th.cast_min_offset:
        findings.append(
            Finding(
                ProbeStatus.WARN,
                "lighting.color_cast",
                translate(
                    "CameraProbe", "The picture has a {hue} colour cast (a* {a:+.0f}, b* {b:+.0f})."
                ).format(hue=_cast_name(lab_a, lab_b), a=lab_a, b=lab_b),
                translate(
                    "CameraProbe",
                    "Set the camera's white balance to the lights' colour temperature (or use a grey card), "
                    "and switch off room lights of another colour.",
                ),
            )
        )
    findings.extend(_flicker_findings(flicker, th))
    return LightingAnalysis(metrics, tuple(findings), flicker, len(stats))


def _flicker_findings(flicker: FlickerMeasurement, th: LightingThresholds) -> list[Finding]:
    if flicker.peak_hz is None or flicker.depth_pct is None:
        return []
    depth, hz = flicker.depth_pct, flicker.peak_hz
    if flicker.mains_hz and depth >= th.flicker_warn_depth_pct:
        status = ProbeStatus.FAIL if depth >= th.flicker_fail_depth_pct else ProbeStatus.WARN
        findings = []
        if 50 in flicker.mains_hz:
            findings.append(
                Finding(
                    status,
                    "lighting.flicker_50hz",
                    translate(
                        "CameraProbe",
                        "The lights flicker with the 50 Hz mains: brightness pulses {depth:.1f} % at "
                        "{hz:.1f} Hz in the picture.",
                    ).format(depth=depth, hz=hz),
                    translate(
                        "CameraProbe",
                        "Set the shutter to a multiple of 10 ms (1/100 s or 1/50 s) or the camera's "
                        "anti-banding to 50 Hz; or use flicker-free lights.",
                    ),
                )
            )
        if 60 in flicker.mains_hz:
            findings.append(
                Finding(
                    status,
                    "lighting.flicker_60hz",
                    translate(
                        "CameraProbe",
                        "The lights flicker with the 60 Hz mains: brightness pulses {depth:.1f} % at "
                        "{hz:.1f} Hz in the picture.",
                    ).format(depth=depth, hz=hz),
                    translate(
                        "CameraProbe",
                        "Set the shutter to a multiple of 8.33 ms (1/120 s or 1/60 s) or the camera's "
                        "anti-banding to 60 Hz; or use flicker-free lights.",
                    ),
                )
            )
        return findings
    if not flicker.mains_hz and depth >= th.flicker_other_warn_depth_pct and hz >= th.flicker_other_min_hz:
        return [
            Finding(
                ProbeStatus.WARN,
                "lighting.flicker",
                translate("CameraProbe", "Brightness pulses {depth:.1f} % at {hz:.1f} Hz.").format(
                    depth=depth, hz=hz
                ),
                translate(
                    "CameraProbe",
                    "Look for a dimmer, a failing lamp or a flashing screen in the picture; lock the "
                    "camera's exposure.",
                ),
            )
        ]
    return []


def lighting_result(
    analysis: LightingAnalysis | None,
    duration_s: float,
    *,
    extra_metrics: Mapping[str, float | int | str | None] | None = None,
    extra_findings: Sequence[Finding] = (),
    skipped_reason: str = "",
) -> ProbeResult:
    """The lighting probe's answer. ``analysis`` None (no picture) gives ``skipped`` unless key lights said
    something; the camera result carries the reason there was no picture."""
    metrics = dict(analysis.metrics) if analysis is not None else empty_lighting_metrics()
    metrics.update(extra_metrics or {})
    findings = list(analysis.findings if analysis is not None else ()) + list(extra_findings)
    if analysis is None or analysis.frames_used == 0:
        if findings:
            return ProbeResult.from_findings("lighting", metrics, findings, duration_s, "")
        return ProbeResult(
            "lighting",
            ProbeStatus.SKIPPED,
            metrics,
            (),
            duration_s,
            skipped_reason or translate("CameraProbe", "No camera picture to judge the lighting."),
        )
    return ProbeResult.from_findings(
        "lighting",
        metrics,
        findings,
        duration_s,
        translate("CameraProbe", "Lighting OK: brightness {luma:.0f}, uniformity {u:.2f}").format(
            luma=metrics["mean_luma"] or 0.0, u=metrics["uniformity"] or 0.0
        ),
    )
