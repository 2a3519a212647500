"""The shape every probe answers in, after OBS's HealthCheck: a status, numbers, and a fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ProbeStatus(StrEnum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"
    SKIPPED = "skipped"
    ERROR = "error"


# Worse statuses rank higher; an ERROR (could not measure) blocks the show like a FAIL.
_SEVERITY = {
    ProbeStatus.SKIPPED: 0,
    ProbeStatus.PASS: 1,
    ProbeStatus.WARN: 2,
    ProbeStatus.FAIL: 3,
    ProbeStatus.ERROR: 3,
}


def severity(status: ProbeStatus) -> int:
    return _SEVERITY[status]


@dataclass(frozen=True)
class Finding:
    """One problem: what is wrong and what the technician should do, both already in the UI language."""

    status: ProbeStatus
    code: str  # stable id, e.g. "camera.fps_low", for tests and reports
    message: str
    fix: str = ""


@dataclass(frozen=True)
class ProbeResult:
    probe: str  # "camera", "lighting", "mic", "network", "hotspot"
    status: ProbeStatus
    metrics: dict[str, float | int | str | None] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    duration_s: float = 0.0
    message: str = ""  # one line for the table / traffic light

    @staticmethod
    def from_findings(
        probe: str,
        metrics: dict[str, float | int | str | None],
        findings: list[Finding],
        duration_s: float,
        ok_message: str,
    ) -> ProbeResult:
        """Status is the worst finding's; with no findings the probe passed."""
        if not findings:
            return ProbeResult(probe, ProbeStatus.PASS, metrics, (), duration_s, ok_message)
        worst = max(findings, key=lambda f: severity(f.status))
        return ProbeResult(probe, worst.status, metrics, tuple(findings), duration_s, worst.message)
