from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from data_example import CSV_TEXT, HEADER, ROWS

from studio_app.context import AppContext
from studio_app.store.models import Show
from studio_app.workspace import Workspace


def _run(workspace: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "studio_app", "--workspace", str(workspace), "--lang", "en", "data", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_imports_reviews_and_exports_a_show(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    context = AppContext.open(Workspace(ws), seed_demo=False)
    with context.db.session() as s:
        show = Show(title="CLI 场", started_at=datetime(2026, 11, 20, 12, 0, tzinfo=UTC))
        s.add(show)
        s.flush()
        show_id = show.id
    context.close()
    listing = _run(ws, "shows")
    assert listing.returncode == 0, listing.stderr
    assert show_id in listing.stdout

    good = tmp_path / "e.csv"
    good.write_text(CSV_TEXT, encoding="utf-8")
    imported = _run(ws, "import", str(good), "--show", show_id)
    assert imported.returncode == 0, imported.stderr
    assert "Imported 5 rows" in imported.stdout

    review = _run(ws, "review", "--show", show_id)
    assert review.returncode == 0
    assert "¥1,099.50" in review.stdout and "GMV × 1000 / views" in review.stdout

    out = tmp_path / "report.html"
    exported = _run(ws, "export", "--show", show_id, "--out", str(out))
    assert exported.returncode == 0 and "<svg" in out.read_text(encoding="utf-8")


def test_cli_reports_a_bad_line_with_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    rows = list(ROWS)
    rows[1] = rows[1].replace("150", "x")
    bad.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")
    result = _run(tmp_path / "ws", "import", str(bad))
    assert result.returncode == 2
    assert "Line 3" in result.stderr
    assert _run(tmp_path / "ws", "review", "--show", "nope").returncode == 1
