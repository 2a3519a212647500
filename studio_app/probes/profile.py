"""Studio profiles: what a room is set up to deliver, and so what the checks compare against.

A profile is a plain frozen value. It travels as JSON (stored in the database, exported, edited in the UI);
:func:`profile_from_json` refuses bad input with a message in the user's language instead of a traceback.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from studio_app.i18n import translate
from studio_app.probes.thresholds import (
    AudioThresholds,
    CameraThresholds,
    DrillThresholds,
    LightingThresholds,
)

DEFAULT_PROFILE_NAME = "1080p30 抖音"

# Threshold overrides a profile may carry: one flat mapping for all probes, each probe taking the keys
# that name a field of its thresholds dataclass (``CameraThresholds``, ``AudioThresholds``, ...). Anything
# else is refused, so a typo does not silently leave the default in force.
WATCH_THRESHOLDS: frozenset[str] = frozenset(
    {
        "watch_mic_silent_dbfs",
        "watch_rtt_alert_ms",
        "watch_fps_alert_ratio",
        "watch_loss_alert_pct",
        "watch_headroom_alert_ratio",
    }
)


@functools.cache
def known_thresholds() -> frozenset[str]:
    """Every threshold name some probe understands (read from the probes' thresholds dataclasses)."""
    # Imported here: the network module brings sockets and TLS, which a command's --help need not load.
    from studio_app.probes.network import NetworkThresholds

    names = set(WATCH_THRESHOLDS)
    for cls in (CameraThresholds, LightingThresholds, AudioThresholds, NetworkThresholds, DrillThresholds):
        names.update(f.name for f in fields(cls))
    return frozenset(names)


class ProfileError(ValueError):
    """A profile that cannot be used; the message is already in the UI language."""


@dataclass(frozen=True)
class StudioProfile:
    name: str
    target_width: int = 1920
    target_height: int = 1080
    target_fps: float = 30.0
    push_bitrate_kbps: int = 4000
    ingest_url: str = ""
    upload_target: str = ""
    hotspot_interface: str = ""
    camera_source: str = "0"
    mic_device: str = ""
    color_temp_k: int = 5600
    color_temp_tolerance_k: int = 300
    elgato_light_ips: tuple[str, ...] = ()
    reference_sharpness: float | None = None
    thresholds: Mapping[str, float] = field(default_factory=dict)

    @property
    def push_bitrate_mbps(self) -> float:
        return self.push_bitrate_kbps / 1000.0

    def threshold(self, key: str, default: float) -> float:
        """The profile's override for ``key``, else the probe's default."""
        if key not in known_thresholds():
            raise KeyError(f"unknown threshold {key!r}; no probe's thresholds dataclass has it")
        return float(self.thresholds.get(key, default))

    def with_overrides(self, **changes: Any) -> StudioProfile:
        """A copy with the given fields changed (None values are ignored); validated."""
        kept = {k: v for k, v in changes.items() if v is not None}
        return validate_profile(replace(self, **kept))


def default_profile() -> StudioProfile:
    """A 1080p30 douyin-style room: 4 Mbit/s push (Aliyun's 1080p guidance), 5600 K ± 300 daylight LEDs."""
    return StudioProfile(name=DEFAULT_PROFILE_NAME)


def _err(translated: str, **values: object) -> ProfileError:
    # Callers pass translate("StudioProfile", "literal") so that lupdate finds every message.
    return ProfileError(translated.format(**values))


def validate_profile(profile: StudioProfile) -> StudioProfile:
    """Return the profile unchanged, or raise :class:`ProfileError` saying what to correct."""
    if not profile.name.strip():
        raise _err(translate("StudioProfile", "The profile needs a name."))
    if not (160 <= profile.target_width <= 7680 and 120 <= profile.target_height <= 4320):
        raise _err(
            translate("StudioProfile", "Resolution {w}×{h} is not usable; use e.g. 1920×1080."),
            w=profile.target_width,
            h=profile.target_height,
        )
    if not (math.isfinite(profile.target_fps) and 1 <= profile.target_fps <= 240):
        raise _err(
            translate("StudioProfile", "Frame rate {fps} is not usable; use e.g. 30."), fps=profile.target_fps
        )
    if not (100 <= profile.push_bitrate_kbps <= 100_000):
        raise _err(
            translate("StudioProfile", "Push bitrate {kbps} kbit/s is not usable; use e.g. 4000."),
            kbps=profile.push_bitrate_kbps,
        )
    if not (1000 <= profile.color_temp_k <= 20000) or not (0 <= profile.color_temp_tolerance_k <= 5000):
        raise _err(
            translate(
                "StudioProfile", "Colour temperature {k} K ± {tol} K is not usable; use e.g. 5600 ± 300."
            ),
            k=profile.color_temp_k,
            tol=profile.color_temp_tolerance_k,
        )
    if profile.ingest_url and not (
        profile.ingest_url.startswith(("rtmp://", "rtmps://")) or ":" in profile.ingest_url
    ):
        raise _err(
            translate("StudioProfile", "Ingest “{url}” is neither rtmp://host[:port]/app nor host:port."),
            url=profile.ingest_url,
        )
    if profile.reference_sharpness is not None and not (
        math.isfinite(profile.reference_sharpness) and profile.reference_sharpness > 0
    ):
        raise _err(translate("StudioProfile", "The reference sharpness must be a positive number."))
    unknown = sorted(set(profile.thresholds) - known_thresholds())
    if unknown:
        raise _err(translate("StudioProfile", "Unknown threshold(s): {names}."), names=", ".join(unknown))
    for key, value in profile.thresholds.items():
        if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
            raise _err(translate("StudioProfile", "Threshold {name} must be a number."), name=key)
    return profile


def profile_to_dict(profile: StudioProfile) -> dict[str, Any]:
    data = asdict(profile)
    data["elgato_light_ips"] = list(profile.elgato_light_ips)
    data["thresholds"] = dict(profile.thresholds)
    return data


def profile_to_json(profile: StudioProfile) -> str:
    return json.dumps(profile_to_dict(profile), ensure_ascii=False, sort_keys=True, indent=2)


_INT_FIELDS = {"target_width", "target_height", "push_bitrate_kbps", "color_temp_k", "color_temp_tolerance_k"}
_STR_FIELDS = {"name", "ingest_url", "upload_target", "hotspot_interface", "camera_source", "mic_device"}


def profile_from_dict(data: Mapping[str, Any]) -> StudioProfile:
    """Build a profile from JSON-like data; missing fields take the defaults, unknown ones are refused."""
    if not isinstance(data, Mapping):
        raise _err(translate("StudioProfile", "A profile must be a JSON object."))
    allowed = {f.name for f in fields(StudioProfile)}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise _err(translate("StudioProfile", "Unknown profile field(s): {names}."), names=", ".join(unknown))
    if "name" not in data:
        raise _err(translate("StudioProfile", "The profile needs a name."))
    values: dict[str, Any] = {}
    for key, raw in data.items():
        if key in _INT_FIELDS:
            if isinstance(raw, bool) or not isinstance(raw, int | float) or raw != int(raw):
                raise _err(translate("StudioProfile", "Field {name} must be a whole number."), name=key)
            values[key] = int(raw)
        elif key in _STR_FIELDS:
            if not isinstance(raw, str):
                raise _err(translate("StudioProfile", "Field {name} must be text."), name=key)
            values[key] = raw.strip()
        elif key in ("target_fps", "reference_sharpness"):
            if raw is None and key == "reference_sharpness":
                values[key] = None
                continue
            if isinstance(raw, bool) or not isinstance(raw, int | float):
                raise _err(translate("StudioProfile", "Field {name} must be a number."), name=key)
            values[key] = float(raw)
        elif key == "elgato_light_ips":
            if not isinstance(raw, list | tuple) or not all(isinstance(ip, str) for ip in raw):
                raise _err(translate("StudioProfile", "Field {name} must be a list of addresses."), name=key)
            values[key] = tuple(ip.strip() for ip in raw if ip.strip())
        elif key == "thresholds":
            if not isinstance(raw, Mapping):
                raise _err(translate("StudioProfile", "Field {name} must be an object of numbers."), name=key)
            values[key] = dict(raw)
    return validate_profile(StudioProfile(**values))


def profile_from_json(text: str) -> StudioProfile:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _err(
            translate("StudioProfile", "The profile is not valid JSON (line {line}): {why}"),
            line=exc.lineno,
            why=exc.msg,
        ) from exc
    return profile_from_dict(data)
