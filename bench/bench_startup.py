"""Startup: the whole process, from start to the main window shown and out again, against a bare PySide6
window (a QLabel shown, then quit) measured in the same run; also the time to the window and peak memory.

Target: the app's warm start ≤ 5× the bare window. Offscreen unless $QT_QPA_PLATFORM says otherwise.

    .venv/bin/python bench/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = (
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "app = QApplication([])\n"
    "label = QLabel('Studio Console')\n"
    "label.show()\n"
    "QTimer.singleShot(0, app.quit)\n"
    "app.exec()\n"
)


# The app's settings (window geometry, language) go to a folder of the benchmark's own, not the user's.
_CONFIG = tempfile.mkdtemp(prefix="bench-startup-config-")


def _env() -> dict[str, str]:
    env = {**os.environ, "XDG_CONFIG_HOME": _CONFIG}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def bare_run() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", BARE], env=_env(), check=True, capture_output=True, timeout=120)
    return (time.perf_counter() - started) * 1000


def app_run(workspace: Path) -> tuple[float, float, float]:
    """(ms for the whole process, ms from start to the window shown, peak RSS MiB so far)."""
    started_wall = time.time()
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "studio_app", "--workspace", str(workspace), "gui", "--quit-after", "0"],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    whole = (time.perf_counter() - started) * 1000
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    log = (workspace / "logs" / "studio-app.log").read_text(encoding="utf-8")
    shown = float(re.findall(r"main window shown at ([0-9.]+)", log)[-1])
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return whole, (shown - started_wall) * 1000, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    # As installed (pip and PyInstaller compile the bytecode): a checkout run with PYTHONDONTWRITEBYTECODE
    # would otherwise compile every module of the app from source at each start.
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "studio_app"), quiet=1)
    bare_run()  # warm the file cache for both
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Path(tmp) / "ws"
        cold_whole, cold_shown, _ = app_run(workspace)
        bare, whole, shown, peak = [], [], [], 0.0
        for _ in range(runs):  # interleaved, so a busy moment hits both alike
            bare.append(bare_run())
            w, s, peak = app_run(workspace)
            whole.append(w)
            shown.append(s)
    b, w = statistics.median(bare), statistics.median(whole)
    print(f"bare PySide6 window, whole process, median of {runs}: {b:7.0f} ms")
    shown_at = statistics.median(shown)
    print(f"studio-app gui --quit-after 0, warm, median of {runs}: {w:7.0f} ms (shown at {shown_at:.0f})")
    print(f"studio-app first start (migrate + demo seed):  {cold_whole:7.0f} ms (shown at {cold_shown:.0f})")
    print(f"peak memory (max RSS):                           {peak:7.1f} MiB")
    print(f"ratio warm / bare: {w / b:.2f}x  (target <= 5x: {'met' if w / b <= 5 else 'NOT met'})")


if __name__ == "__main__":
    main()
