"""The runner: parallel probes, each within its deadline; a probe that raises or hangs never sinks the run."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator

import pytest

from studio_app.clock import SystemClock
from studio_app.probes.profile import default_profile
from studio_app.probes.result import ProbeResult, ProbeStatus
from studio_app.probes.runner import CheckRun, ProbeTask, Progress, run_checks
from studio_app.probes.verdict import Verdict


@pytest.fixture
def release() -> Iterator[threading.Event]:
    """Lets a deliberately hung probe thread end once the test is over."""
    event = threading.Event()
    yield event
    event.set()


def _passing(name: str, started: list[str] | None = None, barrier: threading.Barrier | None = None):
    def run(cancel: threading.Event, deadline_s: float) -> ProbeResult:
        if barrier is not None:
            barrier.wait(timeout=deadline_s)  # only passes if the others run at the same time
        if started is not None:
            started.append(name)
        return ProbeResult(name, ProbeStatus.PASS, {"value": 1.0}, (), 0.01, "ok")

    return run


def test_probes_run_in_parallel_and_results_keep_task_order() -> None:
    barrier = threading.Barrier(3)
    tasks = [ProbeTask(n, (n,), _passing(n, barrier=barrier), 5.0) for n in ("camera", "mic", "network")]
    run = run_checks(default_profile(), tasks, clock=SystemClock())
    assert [r.probe for r in run.results] == ["camera", "mic", "network"]
    assert all(r.status is ProbeStatus.PASS for r in run.results)
    assert run.verdict is Verdict.GO and not run.cancelled


def test_a_probe_that_raises_becomes_an_error_and_the_others_still_report() -> None:
    def broken(cancel: threading.Event, deadline_s: float) -> ProbeResult:
        raise OSError("device unplugged")

    tasks = [
        ProbeTask("camera", ("camera", "lighting"), broken, 5.0),
        ProbeTask("mic", ("mic",), _passing("mic"), 5.0),
    ]
    run = run_checks(default_profile(), tasks)
    camera, lighting, mic = run.results
    assert camera.status is lighting.status is ProbeStatus.ERROR
    assert "device unplugged" in camera.message
    assert camera.findings[0].code == "camera.crashed"
    assert mic.status is ProbeStatus.PASS
    assert run.verdict is Verdict.NO_GO


def test_a_hung_probe_is_abandoned_after_its_deadline(release: threading.Event) -> None:
    def hung(cancel: threading.Event, deadline_s: float) -> ProbeResult:
        release.wait(30)  # ignores both its deadline and the cancel event
        return ProbeResult("network", ProbeStatus.PASS)

    clock = SystemClock()
    t0 = clock.monotonic()
    tasks = [ProbeTask("network", ("network",), hung, 0.5), ProbeTask("mic", ("mic",), _passing("mic"), 5.0)]
    run = run_checks(default_profile(), tasks, clock=clock)
    elapsed = clock.monotonic() - t0
    assert elapsed < 0.5 + 0.75 + 0.5  # deadline + grace, with scheduling slack
    network = run.result("network")
    assert network is not None and network.status is ProbeStatus.ERROR
    assert network.findings[0].code == "network.timeout"
    assert run.result("mic") is not None and run.result("mic").status is ProbeStatus.PASS  # type: ignore[union-attr]


def test_the_whole_run_ends_by_the_overall_deadline(release: threading.Event) -> None:
    def hung(cancel: threading.Event, deadline_s: float) -> ProbeResult:
        release.wait(30)
        return ProbeResult("camera", ProbeStatus.PASS)

    clock = SystemClock()
    t0 = clock.monotonic()
    run = run_checks(
        default_profile(), [ProbeTask("camera", ("camera",), hung, 60.0)], clock=clock, overall_deadline_s=1.0
    )
    assert clock.monotonic() - t0 < 1.5
    assert run.results[0].status is ProbeStatus.ERROR


def test_probes_see_the_shared_cancel_event_and_a_cancelled_run_is_no_go() -> None:
    cancel = threading.Event()
    seen_cancel = threading.Event()

    def waits_for_cancel(c: threading.Event, deadline_s: float) -> ProbeResult:
        if c.wait(deadline_s):
            seen_cancel.set()
        return ProbeResult("mic", ProbeStatus.SKIPPED)

    def cancels(c: threading.Event, deadline_s: float) -> ProbeResult:
        cancel.set()  # the technician pressed Cancel while this probe ran
        return ProbeResult("camera", ProbeStatus.PASS)

    tasks = [
        ProbeTask("mic", ("mic",), waits_for_cancel, 5.0),
        ProbeTask("camera", ("camera",), cancels, 5.0),
    ]
    run = run_checks(default_profile(), tasks, cancel=cancel)
    assert run.cancelled
    assert seen_cancel.wait(2.0)
    assert run.verdict is Verdict.NO_GO


def test_progress_is_reported_once_per_task_and_a_broken_callback_loses_nothing() -> None:
    seen: list[Progress] = []

    def on_progress(progress: Progress) -> None:
        seen.append(progress)
        raise RuntimeError("view went away")

    tasks = [ProbeTask(n, (n,), _passing(n), 5.0) for n in ("camera", "mic")]
    run = run_checks(default_profile(), tasks, on_progress=on_progress)
    assert sorted(p.task for p in seen) == ["camera", "mic"]
    assert [p.done for p in seen] == [1, 2] and all(p.total == 2 for p in seen)
    assert len(run.results) == 2


def test_missing_and_wrong_results_are_reported_not_crashed() -> None:
    def only_camera(cancel: threading.Event, deadline_s: float) -> ProbeResult:
        return ProbeResult("camera", ProbeStatus.PASS)

    def garbage(cancel: threading.Event, deadline_s: float) -> object:
        return {"status": "pass"}

    tasks = [
        ProbeTask("camera", ("camera", "lighting"), only_camera, 5.0),
        ProbeTask("mic", ("mic",), garbage, 5.0),  # type: ignore[arg-type]
    ]
    run = run_checks(default_profile(), tasks)
    statuses = {r.probe: r.status for r in run.results}
    assert statuses == {"camera": ProbeStatus.PASS, "lighting": ProbeStatus.SKIPPED, "mic": ProbeStatus.ERROR}


def test_json_shape_matches_the_issue() -> None:
    run = CheckRun(
        default_profile(),
        SystemClock().now(),
        1.25,
        (
            ProbeResult(
                "mic", ProbeStatus.WARN, {"rms_dbfs": -42.0, "snr_db": float("nan")}, (), 2.0, "quiet"
            ),
        ),
    )
    out = run.to_json_dict()
    assert json.loads(json.dumps(out, allow_nan=False))  # strict JSON: NaN became null
    assert out["verdict"] == "warn" and out["duration_s"] == 1.25
    assert out["probes"]["mic"] == {
        "status": "warn",
        "metrics": {"rms_dbfs": -42.0, "snr_db": None},
        "message": "quiet",
        "duration_s": 2.0,
        "findings": [],
    }
