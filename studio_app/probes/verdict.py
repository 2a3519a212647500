"""GO / NO-GO: the run's verdict is its worst probe (OBS HealthCheck's "overall = worst item")."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from studio_app.i18n import translate
from studio_app.probes.result import Finding, ProbeResult, ProbeStatus, severity


class Verdict(StrEnum):
    GO = "go"
    WARN = "warn"  # GO with warnings
    NO_GO = "no-go"

    @property
    def exit_code(self) -> int:
        """The CLI's exit status: the show may go on with warnings, not with a failure."""
        return 1 if self is Verdict.NO_GO else 0

    def label(self) -> str:
        return {
            Verdict.GO: translate("Verdict", "GO"),
            Verdict.WARN: translate("Verdict", "GO with warnings"),
            Verdict.NO_GO: translate("Verdict", "NO-GO"),
        }[self]


def worst_status(statuses: Iterable[ProbeStatus]) -> ProbeStatus:
    """The most severe status; ``SKIPPED`` when nothing was measured."""
    worst = ProbeStatus.SKIPPED
    for status in statuses:
        if severity(status) > severity(worst):
            worst = status
    return worst


def verdict_for(results: Iterable[ProbeResult]) -> Verdict:
    """Any ``fail`` or ``error`` (could not measure) → NO-GO; any ``warn`` → GO with warnings; else GO."""
    worst = worst_status(r.status for r in results)
    if worst in (ProbeStatus.FAIL, ProbeStatus.ERROR):
        return Verdict.NO_GO
    if worst is ProbeStatus.WARN:
        return Verdict.WARN
    return Verdict.GO


def fix_list(results: Iterable[ProbeResult]) -> list[tuple[str, Finding]]:
    """Every problem as ``(probe, finding)``, worst first, then in probe order: the technician's to-do list.

    A probe that is not ``pass`` but carries no finding (e.g. it raised) still gets one line from its
    message, so nothing that blocks the show is missing from the list.
    """
    items: list[tuple[int, int, str, Finding]] = []
    for order, result in enumerate(results):
        if result.status in (ProbeStatus.PASS, ProbeStatus.SKIPPED):
            continue
        findings = result.findings or (
            Finding(result.status, f"{result.probe}.{result.status.value}", result.message),
        )
        for finding in findings:
            items.append((-severity(finding.status), order, result.probe, finding))
    items.sort(key=lambda item: (item[0], item[1]))
    return [(probe, finding) for _, _, probe, finding in items]
