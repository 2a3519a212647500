"""The verdict is the worst probe, and the fix list puts the worst problem first."""

from __future__ import annotations

import pytest

from studio_app.probes.result import Finding, ProbeResult, ProbeStatus
from studio_app.probes.verdict import Verdict, fix_list, verdict_for

S = ProbeStatus


def _result(probe: str, status: ProbeStatus, *findings: Finding) -> ProbeResult:
    return ProbeResult(probe, status, {}, findings, 0.1, f"{probe} {status}")


@pytest.mark.parametrize(
    ("statuses", "verdict"),
    [
        ([S.PASS, S.PASS], Verdict.GO),
        ([S.PASS, S.SKIPPED], Verdict.GO),
        ([S.PASS, S.WARN], Verdict.WARN),
        ([S.WARN, S.FAIL, S.PASS], Verdict.NO_GO),
        ([S.PASS, S.ERROR], Verdict.NO_GO),  # could not measure = cannot vouch for the show
        ([], Verdict.GO),
    ],
)
def test_verdict_is_the_worst_status(statuses: list[ProbeStatus], verdict: Verdict) -> None:
    results = [_result(f"p{i}", s) for i, s in enumerate(statuses)]
    assert verdict_for(results) is verdict


def test_exit_codes_let_the_show_go_on_with_warnings_only() -> None:
    assert (Verdict.GO.exit_code, Verdict.WARN.exit_code, Verdict.NO_GO.exit_code) == (0, 0, 1)


def test_fix_list_orders_failures_before_warnings_and_covers_bare_errors() -> None:
    warn = Finding(S.WARN, "lighting.uniformity", "uneven", "brighten the left light")
    fail = Finding(S.FAIL, "network.upload_low", "upload too slow", "use the wired line")
    results = [
        _result("lighting", S.WARN, warn),
        _result("camera", S.PASS),
        _result("mic", S.ERROR),  # raised: no finding, still listed
        _result("network", S.FAIL, fail),
    ]
    fixes = fix_list(results)
    assert [(probe, f.code) for probe, f in fixes] == [
        ("mic", "mic.error"),
        ("network", "network.upload_low"),
        ("lighting", "lighting.uniformity"),
    ]
    assert fixes[0][1].message == "mic error"
