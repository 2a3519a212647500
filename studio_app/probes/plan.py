"""From a studio profile to the probe tasks the runner executes.

This is the one place that knows each probe's config type, so the runner stays device-agnostic and the
probes stay profile-agnostic. Probe modules are imported when a task runs: a missing library (PortAudio,
an OpenCV without FFmpeg) then fails that probe as ``error``, not the whole check.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Sequence
from urllib.parse import urlsplit

from studio_app.i18n import translate
from studio_app.probes.profile import StudioProfile
from studio_app.probes.result import ProbeResult, ProbeStatus
from studio_app.probes.runner import OVERALL_DEADLINE_S, ProbeTask
from studio_app.probes.thresholds import (
    AudioThresholds,
    CameraThresholds,
    LightingThresholds,
    thresholds_from_mapping,
)

ALL_PROBES = ("camera", "lighting", "mic", "network", "hotspot")
DEFAULT_DURATION_S = 3.0
# Opening a device, the analysis and the handshake around the capture itself. Measured: a 3 s capture of
# a 1080p camera ends after 3.4-4.1 s while four other probes share the two cores; 3.5 s of room keeps a
# slow start from being reported as a hung device, and 3 s + 3.5 s stays well inside the 10 s budget.
_SETUP_S = 3.5


def _skipped(probe: str, message: str) -> ProbeResult:
    return ProbeResult(probe, ProbeStatus.SKIPPED, {}, (), 0.0, message)


def camera_source(text: str) -> int | str:
    """``"0"`` is the first camera; anything else is a file path or a URL."""
    stripped = text.strip()
    return int(stripped) if stripped.isdigit() else stripped


def mic_device(text: str) -> int | str | None:
    stripped = text.strip()
    if not stripped:
        return None
    return int(stripped) if stripped.isdigit() else stripped


def ingest_host_port(url: str) -> tuple[str, int]:
    """``rtmp://host[:port]/app`` or ``host:port`` → (host, port); RTMP's port is 1935 by default."""
    if "://" in url:
        parts = urlsplit(url)
        return parts.hostname or "", parts.port or 1935
    host, _, port = url.rpartition(":")
    return host.strip("[]"), int(port)


def _camera_task(profile: StudioProfile, duration_s: float, deadline_s: float) -> ProbeTask:
    def run(cancel: threading.Event, deadline: float) -> Sequence[ProbeResult]:
        from studio_app.probes.camera import CameraConfig, run_camera_probe

        config = CameraConfig(
            source=camera_source(profile.camera_source),
            target_width=profile.target_width,
            target_height=profile.target_height,
            target_fps=profile.target_fps,
            duration_s=duration_s,
            reference_sharpness=profile.reference_sharpness,
        )
        return run_camera_probe(
            config,
            cancel,
            deadline,
            camera_thresholds=CameraThresholds.from_mapping(profile.thresholds),
            lighting_thresholds=thresholds_from_mapping(LightingThresholds, profile.thresholds),
            key_lights=profile.elgato_light_ips,
            color_temp_k=profile.color_temp_k,
            color_temp_tolerance_k=profile.color_temp_tolerance_k,
        )

    return ProbeTask("camera", ("camera", "lighting"), run, deadline_s)


def _mic_task(profile: StudioProfile, duration_s: float, deadline_s: float) -> ProbeTask:
    def run(cancel: threading.Event, deadline: float) -> ProbeResult:
        from studio_app.probes.mic import MicConfig, run_mic_probe

        config = MicConfig(
            device=mic_device(profile.mic_device),
            duration_s=max(2.0, duration_s),  # the noise floor and hum need >= 2 s (issue 3)
            thresholds=thresholds_from_mapping(AudioThresholds, profile.thresholds),
        )
        return run_mic_probe(config, cancel, deadline)

    return ProbeTask("mic", ("mic",), run, deadline_s)


def _network_task(profile: StudioProfile, duration_s: float, deadline_s: float, hotspot: bool) -> ProbeTask:
    name = "hotspot" if hotspot else "network"

    def run(cancel: threading.Event, deadline: float) -> ProbeResult:
        if not profile.ingest_url:
            return _skipped(name, translate("Plan", "No ingest address in the profile; network not checked."))
        if hotspot and not profile.hotspot_interface:
            return _skipped(name, translate("Plan", "No backup hotspot interface in the profile."))
        from studio_app.probes.network import NetworkConfig, run_network_probe

        config = NetworkConfig(
            ingest=profile.ingest_url,
            upload_target=profile.upload_target or None,
            push_bitrate_kbps=profile.push_bitrate_kbps,
            duration_s=duration_s,
            interface=profile.hotspot_interface if hotspot else None,
            thresholds=dict(profile.thresholds),
        )
        if hotspot:
            from studio_app.probes.hotspot import run_hotspot_probe

            return run_hotspot_probe(config, cancel, deadline)
        return run_network_probe(config, cancel, deadline)

    return ProbeTask(name, (name,), run, deadline_s)


def plan_tasks(
    profile: StudioProfile,
    selection: Collection[str] = ALL_PROBES,
    duration_s: float = DEFAULT_DURATION_S,
    overall_deadline_s: float = OVERALL_DEADLINE_S,
) -> list[ProbeTask]:
    """The tasks for the selected probes. ``lighting`` comes from the camera's frames, so either name
    selects the camera task."""
    unknown = set(selection) - set(ALL_PROBES)
    if unknown:
        raise ValueError(f"unknown probes: {sorted(unknown)}")
    deadline_s = min(duration_s + _SETUP_S, overall_deadline_s - 1.0)
    tasks: list[ProbeTask] = []
    if "camera" in selection or "lighting" in selection:
        tasks.append(_camera_task(profile, duration_s, deadline_s))
    if "mic" in selection:
        tasks.append(_mic_task(profile, duration_s, deadline_s))
    if "network" in selection:
        tasks.append(_network_task(profile, duration_s, deadline_s, hotspot=False))
    if "hotspot" in selection:
        tasks.append(_network_task(profile, duration_s, deadline_s, hotspot=True))
    return tasks
