"""Startup: time from process start to the main window shown, and peak memory.

Target: a usable window in <= 1.5 s on a 2-core machine. Runs the real app offscreen (or on $DISPLAY),
first on a fresh workspace (migrations + demo seeding) and then warm.

    .venv/bin/python bench/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def one_run(workspace: Path) -> tuple[float, float]:
    """(ms from fork to window shown, as the app logged it against the process start time; peak RSS MiB)."""
    env = {**os.environ}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.time()
    proc = subprocess.run(
        [sys.executable, "-m", "studio_app", "--workspace", str(workspace), "gui", "--quit-after", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    log = (workspace / "logs" / "studio-app.log").read_text(encoding="utf-8")
    shown = re.findall(r"main window shown at ([0-9.]+)", log)[-1]
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (float(shown) - started) * 1000, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Path(tmp) / "ws"
        cold_ms, _ = one_run(workspace)
        warm = [one_run(workspace) for _ in range(runs)]
    warm_ms = [ms for ms, _ in warm]
    peak_mib = max(mib for _, mib in warm)
    print(f"first start (migrate + demo seed): {cold_ms:7.0f} ms")
    print(
        f"warm start, median of {runs}:      {statistics.median(warm_ms):7.0f} ms (min {min(warm_ms):.0f}, "
        f"max {max(warm_ms):.0f})"
    )
    print(f"peak memory (max RSS):            {peak_mib:7.1f} MiB")
    print(f"target <= 1500 ms: {'met' if statistics.median(warm_ms) <= 1500 else 'NOT met'}")


if __name__ == "__main__":
    main()
