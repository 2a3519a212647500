"""The pre-show gate's read: what going live waits for before it goes straight on air (a clear gate) or
opens the dialog.

    .venv/bin/python bench/bench_gate.py

Prints the median time of ``GateService.status`` on the demo show (34 segments, 5 product cards, 5 items, a
linked check, a signed review) after 200 linked check runs, against a plain baseline in the same run:
``ScriptService.load_show`` of the same show, the one read the price check cannot do without.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "showday"))

from gate_fixtures import clear_gate, link_check

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.script.service import ScriptService
from studio_app.showday.service import GateService
from studio_app.shows import list_shows
from studio_app.workspace import Workspace

RUNS = 50


def median_ms(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    context = AppContext.open(Workspace(Path(tempfile.mkdtemp()) / "ws"), clock=FakeClock())
    show_id = list_shows(context.db)[0].id
    for _ in range(200):  # a studio's season of checks, all linked to this show
        link_check(context, show_id)
    clear_gate(context, show_id)
    gate, scripts = GateService(context), ScriptService(context)
    assert gate.status(show_id).clear
    baseline = median_ms(lambda: scripts.load_show(show_id))
    status = median_ms(lambda: gate.status(show_id))
    opened = median_ms(lambda: gate.open_checklist(show_id))
    print(f"load_show (baseline) {baseline:.1f} ms")
    print(f"gate status          {status:.1f} ms ({status / baseline:.2f}x)")
    print(f"open_checklist       {opened:.1f} ms ({opened / baseline:.2f}x, includes one writer round trip)")
    context.close()


if __name__ == "__main__":
    main()
