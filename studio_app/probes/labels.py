"""Names of probes and statuses as the technician reads them (in the UI language)."""

from __future__ import annotations

from studio_app.i18n import translate
from studio_app.probes.result import ProbeStatus


def probe_label(probe: str) -> str:
    labels = {
        "camera": translate("Probes", "Camera"),
        "lighting": translate("Probes", "Lighting"),
        "mic": translate("Probes", "Microphone"),
        "network": translate("Probes", "Network"),
        "hotspot": translate("Probes", "Backup hotspot"),
        "lights": translate("Probes", "Network lights"),
        "failover": translate("Probes", "Failover drill"),
    }
    return labels.get(probe, probe)


def alert_label(kind: str) -> str:
    """An on-air alert's kind ("mic.silent", "uplink.rtt_high") as the device it is about."""
    device = kind.split(".", 1)[0]
    return translate("Probes", "Uplink") if device == "uplink" else probe_label(device)


def status_label(status: ProbeStatus) -> str:
    return {
        ProbeStatus.PASS: translate("Probes", "pass"),
        ProbeStatus.WARN: translate("Probes", "warn"),
        ProbeStatus.FAIL: translate("Probes", "fail"),
        ProbeStatus.SKIPPED: translate("Probes", "skipped"),
        ProbeStatus.ERROR: translate("Probes", "error"),
    }[status]


__all__ = ["alert_label", "probe_label", "status_label"]
