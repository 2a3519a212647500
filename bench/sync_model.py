"""The sync model (tests/sync/sync_model.py) run over many seeded schedules, against one server per backend.

Run: .venv/bin/python bench/sync_model.py [--schedules 1000] [--backend sqlite|postgresql|both] [--seed S]
     [--steps 16]
(as root for PostgreSQL: it runs as ``postgres`` in a temp dir; needs /usr/lib/postgresql/15/bin).

Schedule i uses the seed S + i for its steps and their details, so a failure replays alone with
``--seed <its seed> --schedules 1``. The server process is started once per backend and wiped between
schedules (records, ops, conflicts, computers; studios and tokens stay); the three desktops are new
copies of one migrated database each time. Prints progress every 50 schedules, then the count run, passed
and failed (with the seed of each failure) and the time per schedule.
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "sync"))
sys.path.insert(0, str(REPO))

from sync_harness import Backend, PostgresCluster  # noqa: E402
from sync_model import (  # noqa: E402
    close_desktops,
    desktop_template,
    new_model_backend,
    open_desktops,
    random_steps,
    run_schedule,
    scratch_dir,
    wipe_backend,
)


def run_one(backend: Backend, template: Path, seed: int, steps_max: int) -> tuple[bool, Counter[str], str]:
    rng = random.Random(seed)
    steps = random_steps(rng, rng.randint(4, steps_max))
    wipe_backend(backend)
    root = scratch_dir()
    desktops = open_desktops(backend, template, root)
    try:
        log = run_schedule(backend, desktops, steps, rng)
        return True, Counter(log.faults) + Counter({f"edit {k}": v for k, v in log.outcomes.items()}), ""
    except Exception:
        return False, Counter(kind for kind, _ in steps), f"steps={steps}\n{traceback.format_exc()}"
    finally:
        close_desktops(desktops)
        shutil.rmtree(root, ignore_errors=True)


def run_backend(kind: str, url: str, schedules: int, seed: int, steps_max: int) -> bool:
    backend = new_model_backend(kind, url)
    template = desktop_template(scratch_dir("sync-model-template-"))
    passed, failed = 0, []
    totals: Counter[str] = Counter()
    started = time.perf_counter()
    try:
        for i in range(schedules):
            ok, faults, error = run_one(backend, template, seed + i, steps_max)
            totals.update(faults)
            if ok:
                passed += 1
            else:
                failed.append(seed + i)
                print(f"[{kind}] FAILED seed {seed + i}:\n{error}", flush=True)
            if (i + 1) % 50 == 0:
                elapsed = time.perf_counter() - started
                print(
                    f"[{kind}] {i + 1}/{schedules} schedules, {passed} passed, {len(failed)} failed, "
                    f"{elapsed / (i + 1):.2f} s/schedule",
                    flush=True,
                )
    finally:
        backend.server.stop()
        backend.engine.dispose()
    elapsed = time.perf_counter() - started
    run = passed + len(failed)
    print(f"[{kind}] schedules run: {run}, passed: {passed}, failed: {len(failed)}")
    if failed:
        print(f"[{kind}] failing seeds (replay: --seed S --schedules 1): {' '.join(map(str, failed))}")
    print(f"[{kind}] time per schedule: {elapsed / max(run, 1):.2f} s ({elapsed:.0f} s in all)")
    print(f"[{kind}] steps played: {dict(sorted(totals.items()))}", flush=True)
    return not failed


def _stop(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)  # through the finally blocks: the server and the cluster are stopped


def main() -> int:
    signal.signal(signal.SIGTERM, _stop)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schedules", type=int, default=1000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--steps", type=int, default=16, help="most steps in a schedule (at least 4)")
    args = parser.parse_args()
    kinds = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    ok = True
    for kind in kinds:
        if kind == "postgresql":
            cluster = PostgresCluster()
            cluster.start()
            try:
                ok &= run_backend(kind, cluster.new_database(), args.schedules, args.seed, args.steps)
            finally:
                cluster.stop()
        else:
            folder = scratch_dir("sync-model-server-")
            try:
                url = f"sqlite:///{folder / 'server.sqlite3'}"
                ok &= run_backend(kind, url, args.schedules, args.seed, args.steps)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
