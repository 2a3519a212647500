"""Run the selected probes in parallel, each within its deadline, and gather one :class:`CheckRun`.

The runner owns the promises the technician relies on: the whole check ends within ``overall_deadline_s``
(10 s) even if a device hangs; a probe that raises or overruns becomes an ``error`` result instead of
crashing the run; progress is reported as each probe finishes. It knows nothing of the devices themselves:
a :class:`ProbeTask` is just a name, the results it produces and a function ``(cancel, deadline_s)``.
:mod:`studio_app.probes.plan` turns a studio profile into those tasks.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from studio_app.clock import Clock, SystemClock
from studio_app.i18n import translate
from studio_app.probes.labels import probe_label
from studio_app.probes.profile import StudioProfile
from studio_app.probes.result import Finding, ProbeResult, ProbeStatus
from studio_app.probes.verdict import Verdict, verdict_for

log = logging.getLogger(__name__)

OVERALL_DEADLINE_S = 10.0
# What the runner leaves itself after the probes' deadlines to collect and store the results.
_MARGIN_S = 0.5
# A probe is trusted to honour its deadline; past it plus this grace the runner stops waiting for it.
_GRACE_S = 0.75

ProbeFunction = Callable[[threading.Event, float], "ProbeResult | Sequence[ProbeResult]"]


@dataclass(frozen=True)
class ProbeTask:
    """One unit of parallel work. ``produces`` names the results it returns (the camera gives two)."""

    name: str
    produces: tuple[str, ...]
    run: ProbeFunction
    deadline_s: float


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    task: str
    results: tuple[ProbeResult, ...]


@dataclass(frozen=True)
class CheckRun:
    profile: StudioProfile
    started_at: datetime
    duration_s: float
    results: tuple[ProbeResult, ...]
    source: str = "cli"  # "cli" or "gui"
    cancelled: bool = False
    verdict: Verdict = field(init=False)

    def __post_init__(self) -> None:
        # A cancelled run vouches for nothing, even if every probe managed to answer "skipped" in time.
        verdict = Verdict.NO_GO if self.cancelled else verdict_for(self.results)
        object.__setattr__(self, "verdict", verdict)

    def result(self, probe: str) -> ProbeResult | None:
        return next((r for r in self.results if r.probe == probe), None)

    def to_json_dict(self) -> dict[str, Any]:
        """The CLI's ``--json`` shape (issue 3): verdict, duration, each probe's status, metrics, message."""
        return {
            "verdict": self.verdict.value,
            "duration_s": round(self.duration_s, 3),
            "started_at": self.started_at.isoformat(),
            "profile": self.profile.name,
            "probes": {
                r.probe: {
                    "status": r.status.value,
                    "metrics": {k: _json_number(v) for k, v in r.metrics.items()},
                    "message": r.message,
                    "duration_s": round(r.duration_s, 3),
                    "findings": [
                        {"status": f.status.value, "code": f.code, "message": f.message, "fix": f.fix}
                        for f in r.findings
                    ],
                }
                for r in self.results
            },
        }


def _json_number(value: object) -> object:
    """NaN and infinities are not JSON; a script reading ``--json`` gets null for "not measured"."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _error_results(task: ProbeTask, message: str, code: str, duration_s: float) -> list[ProbeResult]:
    finding = Finding(ProbeStatus.ERROR, code, message)
    return [
        ProbeResult(name, ProbeStatus.ERROR, {}, (finding,), duration_s, message) for name in task.produces
    ]


def _normalise(task: ProbeTask, raw: object, duration_s: float) -> list[ProbeResult]:
    """Accept one result or several; any result the task promised but did not give is ``skipped``."""
    given = [raw] if isinstance(raw, ProbeResult) else list(raw)  # type: ignore[call-overload]
    if not all(isinstance(r, ProbeResult) for r in given):
        raise TypeError(f"probe task {task.name!r} returned {raw!r}, not ProbeResult(s)")
    by_name = {r.probe: r for r in given}
    out: list[ProbeResult] = []
    for name in task.produces:
        result = by_name.pop(name, None)
        if result is None:
            text = translate("Runner", "Not measured.")
            result = ProbeResult(name, ProbeStatus.SKIPPED, {}, (), duration_s, text)
        out.append(result)
    out.extend(by_name.values())  # extra results (e.g. network lights) are kept, in the order given
    return out


def run_checks(
    profile: StudioProfile,
    tasks: Sequence[ProbeTask],
    *,
    clock: Clock | None = None,
    cancel: threading.Event | None = None,
    overall_deadline_s: float = OVERALL_DEADLINE_S,
    on_progress: Callable[[Progress], None] | None = None,
    source: str = "cli",
) -> CheckRun:
    """Run ``tasks`` in parallel and return the run. Never raises for a probe's sake.

    ``on_progress`` is called on the calling thread as each task ends (a UI worker turns it into a signal).
    Setting ``cancel`` stops the run: probes see the same event, and whatever has not finished is reported
    as ``error`` ("cancelled"), so a cancelled run is never a GO.
    """
    clock = clock or SystemClock()
    cancel = cancel or threading.Event()
    names = [t.name for t in tasks]
    if len(set(names)) != len(names):
        raise ValueError(f"duplicate probe tasks: {names}")
    started_at = clock.now()
    t0 = clock.monotonic()
    budget_s = max(0.1, overall_deadline_s - _MARGIN_S)
    results: dict[str, list[ProbeResult]] = {}
    if not tasks:
        return CheckRun(profile, started_at, 0.0, (), source)

    executor = ThreadPoolExecutor(max_workers=len(tasks), thread_name_prefix="probe")
    futures: dict[Future[object], ProbeTask] = {}
    task_deadline: dict[str, float] = {}
    for task in tasks:
        deadline_s = max(0.05, min(task.deadline_s, budget_s))
        task_deadline[task.name] = deadline_s
        futures[executor.submit(task.run, cancel, deadline_s)] = task

    def finish(task: ProbeTask, task_results: list[ProbeResult]) -> None:
        results[task.name] = task_results
        if on_progress is not None:
            try:
                on_progress(Progress(len(results), len(tasks), task.name, tuple(task_results)))
            except Exception:  # a broken progress view must not lose the run
                log.exception("progress callback failed")

    pending = set(futures)
    try:
        while pending:
            elapsed = clock.monotonic() - t0
            # Stop waiting at the overall deadline, or when every pending task is past its own deadline+grace.
            latest_deadline = max(task_deadline[futures[f].name] for f in pending) + _GRACE_S
            limit = min(overall_deadline_s - 0.1, latest_deadline)
            if cancel.is_set() or elapsed >= limit:
                break
            done, pending = wait(pending, timeout=min(0.1, limit - elapsed), return_when=FIRST_COMPLETED)
            for future in done:
                task = futures[future]
                duration_s = clock.monotonic() - t0
                exc = future.exception()
                if exc is not None:
                    log.warning("probe %s raised", task.name, exc_info=exc)
                    message = translate("Runner", "The {probe} check failed unexpectedly: {error}").format(
                        probe=probe_label(task.name), error=exc or type(exc).__name__
                    )
                    finish(task, _error_results(task, message, f"{task.name}.crashed", duration_s))
                    continue
                try:
                    finish(task, _normalise(task, future.result(), duration_s))
                except TypeError as bad:
                    log.error("%s", bad)
                    message = translate("Runner", "The {probe} check gave no usable result.").format(
                        probe=probe_label(task.name)
                    )
                    finish(task, _error_results(task, message, f"{task.name}.bad_result", duration_s))
    finally:
        was_cancelled = cancel.is_set()
        # Whatever is still running is told to stop and abandoned; its thread ends on its own.
        if pending:
            cancel.set()
        executor.shutdown(wait=False, cancel_futures=True)

    duration_s = clock.monotonic() - t0
    for future in pending:
        task = futures[future]
        if was_cancelled:
            message = translate("Runner", "Cancelled before the {probe} check finished.").format(
                probe=probe_label(task.name)
            )
            code = f"{task.name}.cancelled"
        else:
            message = translate(
                "Runner", "The {probe} check did not finish within {seconds:.0f} s; the device may be hung."
            ).format(probe=probe_label(task.name), seconds=task_deadline[task.name])
            code = f"{task.name}.timeout"
        finish(task, _error_results(task, message, code, duration_s))

    ordered = tuple(r for task in tasks for r in results[task.name])
    return CheckRun(profile, started_at, duration_s, ordered, source, cancelled=was_cancelled)
