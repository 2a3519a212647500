"""Where each probe's measurements turn into a warning or a failure: the thresholds dataclasses.

Kept apart from the analysis modules (which load NumPy and OpenCV) because a studio profile is read and
checked against these names on the first screen, long before anything is measured.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, Self, TypeVar

_T = TypeVar("_T")


def thresholds_from_mapping(cls: type[_T], overrides: Mapping[str, float]) -> _T:
    """An instance of a thresholds dataclass with the overrides that name one of its fields applied.

    Profiles store one flat mapping of overrides for all probes; each probe takes the keys it knows.
    """
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    kwargs: dict[str, Any] = {k: float(v) for k, v in overrides.items() if k in names}
    return cls(**kwargs)


@dataclass(frozen=True)
class CameraThresholds:
    """Where a camera measurement turns into a warning or a failure (defaults from the device-check issue)."""

    fps_warn_ratio: float = 0.95  # OBS: below 95 % of the target fps warns ...
    fps_fail_ratio: float = 0.80  # ... below 80 % is critical
    drop_interval_factor: float = 1.5  # an interval over 1.5× the nominal one means frames were lost
    dropped_warn_pct: float = 1.0  # OBS: dropped frames above 1 % warn ...
    dropped_fail_pct: float = 5.0  # ... above 5 % are critical
    jitter_warn_ms: float = 15.0  # std. dev. of frame intervals (drops excluded)
    black_luma: float = 20.0  # webrtc testrtc: a frame with mean luma below 20 is black
    black_fail_pct: float = 50.0  # any black frame warns; this share of them fails
    frozen_ssim: float = 0.985  # testrtc: SSIM above 0.985 to the previous frame means frozen
    frozen_warn_pct: float = 2.0
    # A live sensor always has some noise, so a still scene in good light can pass the SSIM line; only
    # pixel-identical repeats prove a stuck pipeline. Failing takes this share of identical frames.
    stuck_fail_pct: float = 50.0
    sharpness_warn_ratio: float = 0.5  # focus under 50 % of the saved reference frame warns

    @classmethod
    def from_mapping(cls, overrides: Mapping[str, float]) -> Self:
        return thresholds_from_mapping(cls, overrides)


@dataclass(frozen=True)
class LightingThresholds:
    """Where a lighting measurement turns into a warning or a failure."""

    luma_low_fail: float = 40.0  # mean BT.709 luma 0-255
    luma_low_warn: float = 70.0
    luma_high_warn: float = 190.0
    luma_high_fail: float = 225.0
    clipped_luma: float = 250.0  # a pixel at or above this is blown out
    clipped_warn_pct: float = 2.0
    clipped_fail_pct: float = 10.0
    crushed_luma: float = 5.0  # a pixel at or below this is crushed black
    crushed_warn_pct: float = 10.0
    crushed_fail_pct: float = 30.0
    uniformity_warn: float = 0.6  # EN 12464-1: U0 = Emin/Emean >= 0.6
    uniformity_fail: float = 0.3
    lr_warn_stops: float = 1.0  # left/right of the subject differ by more than a stop: warn
    lr_fail_stops: float = 2.0
    cast_warn_factor: float = 1.5  # cast factor K = D/M over 1.5: a cast is present
    cast_min_offset: float = 5.0  # ... and the mean a*/b* offset D is at least this (ignores near-grey noise)
    flicker_min_duration_s: float = 2.0
    flicker_report_depth_pct: float = 0.5  # shallower pulses are reported as no flicker (no frequency)
    flicker_warn_depth_pct: float = 2.0  # peak amplitude in % of the mean luma, at a mains alias
    flicker_fail_depth_pct: float = 10.0
    flicker_other_warn_depth_pct: float = 5.0  # a pulse that matches no mains alias must be this deep
    flicker_min_hz: float = 1.0  # slower changes are auto-exposure drift, not flicker
    flicker_other_min_hz: float = 3.0  # a non-mains pulse slower than this is more likely people moving
    # Black frames (the camera probe reports them) are left out of the flicker series.
    black_luma: float = 20.0
    mains_match_tolerance_hz: float = 0.75

    @classmethod
    def from_mapping(cls, overrides: Mapping[str, float]) -> Self:
        return thresholds_from_mapping(cls, overrides)


@dataclass(frozen=True)
class AudioThresholds:
    mic_low_rms_dbfs: float = -60.0  # quieter than this: warn (webrtc testrtc); profile key of the same name
    mic_snr_warn_db: float = 20.0
    noise_floor_warn_dbfs: float = -50.0  # SNR is only a problem when the floor is audible
    hum_warn_db: float = -30.0  # hum within 30 dB of the whole signal
    dc_warn: float = 0.01  # 1 % of full scale
    clip_level: float = 0.999  # |x| at or above this is full scale (int16 max is 0.99997)
    clip_run_samples: int = 3  # a clip is this many consecutive full-scale samples, not one loud sample
    clip_fail_pct: float = 1.0  # share of samples inside clip runs that makes it a failure
    imbalance_warn_db: float = 6.0
    dropout_zero_run_ms: float = 2.0  # exact-zero run inside signal that counts as a dropout


@dataclass(frozen=True)
class DrillThresholds:
    """Where the failover drill turns a slow switch or a thin backup upload into a warning or a failure."""

    drill_switch_warn_s: float = 10.0  # viewers start leaving after a few seconds of a frozen stream
    drill_upload_fail_ratio: float = 1.0  # the hotspot must at least carry the push bitrate ...
    drill_upload_warn_ratio: float = 1.5  # ... and should leave the room the main line's check asks for

    @classmethod
    def from_mapping(cls, overrides: Mapping[str, float]) -> Self:
        return thresholds_from_mapping(cls, overrides)
