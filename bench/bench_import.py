"""``studio-app data import`` of an 8-hour per-second export, next to a plain ``csv`` + ``sqlite3`` script.

Run: .venv/bin/python bench/bench_import.py [--rows 28800] [--repeat 3]

Both sides run as fresh processes (interpreter start included), on the same machine, in the same run:
  * plain: ``csv.reader`` over the file, the numbers converted (yuan to fen, the time to UTC), one
    ``executemany`` into a SQLite table with the same columns, one commit;
  * first import: ``studio-app data import FILE --show ID`` into a workspace as the app leaves it after its
    first start (demo show seeded), for a new show with no samples yet (outbox entries for sync included);
  * re-import: the same command with the same file again (nothing changed: nothing should be rewritten).
The ratios printed are each import's median wall time over the plain script's median; the target is ≤ 4.
For scale it also times ``studio-app data shows`` on the same workspace: the command's start (interpreter,
SQLAlchemy, models, opening the workspace) that every command pays before it reads a byte of the file.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

HEADER = (
    "时间,在线人数,进入人数,进入次数,商品曝光人数,商品点击人数,成交人数,成交订单数,成交金额(元),退款金额(元),"
    "新增粉丝,平均停留时长(秒)"
)

PLAIN_SCRIPT = r"""
import csv, sqlite3, sys
from datetime import datetime, timedelta, timezone
path, db_path = sys.argv[1], sys.argv[2]
china = timezone(timedelta(hours=8))
with open(path, encoding="utf-8-sig", newline="") as f:
    reader = csv.reader(f)
    next(reader)
    rows = []
    for r in reader:
        at = datetime.strptime(r[0], "%Y-%m-%d %H:%M:%S").replace(tzinfo=china).astimezone(timezone.utc)
        rows.append((at.isoformat(), int(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5]), int(r[6]),
                     int(r[7]), round(float(r[8]) * 100), round(float(r[9]) * 100), int(r[10]), float(r[11])))
con = sqlite3.connect(db_path)
con.execute("create table if not exists s (at text primary key, online int, watch_ucnt int, watch_cnt int, "
            "product_show_ucnt int, product_click_ucnt int, pay_ucnt int, pay_order_cnt int, gmv_fen int, "
            "refund_fen int, fans int, dwell real)")
con.executemany("insert or replace into s values (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
con.commit()
con.close()
print(len(rows))
"""


def write_export(path: Path, rows: int, start_local: datetime) -> None:
    lines = [HEADER]
    for i in range(rows):
        at = start_local + timedelta(seconds=i)
        gmv = (i % 7) * 89.9 if i % 5 == 0 else 0.0
        lines.append(
            f"{at:%Y-%m-%d %H:%M:%S},{800 + i % 300},{i % 50},{i % 70},{i % 90},{i % 20},{i % 5},"
            f"{i % 6},{gmv:.2f},{(i % 3) * 0.5:.2f},{i % 3},{30 + i % 90}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_workspace(root: Path) -> str:
    sys.path.insert(0, str(REPO))
    from studio_app.context import AppContext
    from studio_app.store.models import Show
    from studio_app.workspace import Workspace

    # Opened as the app opens it, demo show included, so the timed command does not seed it.
    context = AppContext.open(Workspace(root))

    def add_show(session):  # type: ignore[no-untyped-def]
        show = Show(title="8 小时长播", started_at=datetime(2026, 11, 20, 12, 0, tzinfo=UTC))
        session.add(show)
        session.flush()
        return show.id

    try:
        return str(context.writer.run(add_show).value)
    finally:
        context.close()


def timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{cmd} failed:\n{result.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=8 * 3600)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    # As installed (pip and PyInstaller compile the bytecode): see bench_startup.py.
    compileall.compile_dir(str(REPO / "studio_app"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp_text:
        tmp = Path(tmp_text)
        export = tmp / "compass_8h.csv"
        write_export(export, args.rows, datetime(2026, 11, 20, 12, 0))
        plain = tmp / "plain.py"
        plain.write_text(PLAIN_SCRIPT, encoding="utf-8")

        plain_s, first_s, again_s, start_s = [], [], [], []
        for run in range(args.repeat):
            plain_s.append(timed([sys.executable, str(plain), str(export), str(tmp / f"plain{run}.db")]))
            workspace = tmp / f"ws{run}"
            show_id = make_workspace(workspace)
            cli = [sys.executable, "-m", "studio_app", "--workspace", str(workspace), "--lang", "en"]
            command = [*cli, "data", "import", str(export), "--show", show_id]
            first_s.append(timed(command))
            again_s.append(timed(command))
            start_s.append(timed([*cli, "data", "shows"]))

    plain_m, first_m, again_m, start_m = (statistics.median(x) for x in (plain_s, first_s, again_s, start_s))
    print(f"rows: {args.rows:,}   runs: {args.repeat} (medians; wall time of a fresh process each)")
    lines = [
        ("plain csv + sqlite3", plain_m, ""),
        ("first import", first_m, "(target <= 4)"),
        ("re-import, same file", again_m, "(target <= 4)"),
        ("for scale: data shows", start_m, "(start-up only)"),
    ]
    for name, seconds, note in lines:
        print(f"{name:<24}{seconds * 1000:8.0f} ms   ratio {seconds / plain_m:5.2f}x  {note}")


if __name__ == "__main__":
    main()
