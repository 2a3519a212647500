"""The real ``studio-app script`` command in a subprocess, on a real workspace."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from studio_app.paths import resource_path
from studio_app.script.format import parse_script

DEMO = resource_path("demo", "demo_show.md")


def _run(workspace: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "studio_app", "--workspace", str(workspace), "--lang", "en", "script", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        input=stdin,
    )


def test_lint_exits_1_on_a_forbidden_phrase_and_points_at_it(tmp_path: Path) -> None:
    text_file = tmp_path / "talk.txt"
    text_file.write_text("大家好\n这是全网最低价，第一步先洗脸\n", encoding="utf-8")
    result = _run(tmp_path / "ws", "lint", str(text_file))
    assert result.returncode == 1, result.stderr
    assert f"{text_file}:2:3: Forbidden “全网最低”" in result.stdout
    assert "第一" not in result.stdout.split("全网最低")[1].split("\n")[0]  # 第一步 is ordinary usage
    assert "1 forbidden, 0 caution, 0 needing evidence." in result.stdout


def test_lint_json_of_a_clean_script_exits_0(tmp_path: Path) -> None:
    result = _run(tmp_path / "ws", "lint", str(DEMO), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["forbidden"] is False and report["counts"]["forbidden"] == 0
    assert all({"line", "column", "severity", "basis", "hint"} <= hit.keys() for hit in report["hits"])


def test_lint_reads_standard_input_and_the_workspace_word_list(tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    (workspace / "wordlists").mkdir(parents=True)
    (workspace / "wordlists" / "ad_law_zh.json").write_text(
        json.dumps(
            {
                "version": "local-1",
                "entries": [{"pattern": "宇宙第一甜", "category": "absolute_claim", "severity": "forbidden"}],
            }
        ),
        encoding="utf-8",
    )
    result = _run(workspace, "lint", "-", "--json", stdin="这个草莓宇宙第一甜")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["wordlist_version"].endswith("+local-1")
    assert [hit["text"] for hit in report["hits"]] == ["宇宙第一甜"]


def test_lint_exits_2_on_a_missing_or_non_utf8_file(tmp_path: Path) -> None:
    missing = _run(tmp_path / "ws", "lint", str(tmp_path / "nope.md"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr and "Traceback" not in missing.stderr
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("全网最低价".encode("gbk"))
    result = _run(tmp_path / "ws", "lint", str(gbk))
    assert result.returncode == 2 and "not UTF-8" in result.stderr


def test_new_writes_a_template_that_passes_the_price_check(tmp_path: Path) -> None:
    target = tmp_path / "show.md"
    assert _run(tmp_path / "ws", "new", str(target), "--title", "周末专场").returncode == 0
    assert parse_script(target.read_text(encoding="utf-8")).title == "周末专场"
    again = _run(tmp_path / "ws", "new", str(target))
    assert again.returncode == 1 and "--force" in again.stderr
    assert _run(tmp_path / "ws", "check", str(target)).returncode == 0


def test_check_flags_a_missing_zero_and_no_stock(tmp_path: Path) -> None:
    script = tmp_path / "s.md"
    script.write_text(
        "# T\n::: product 1号链接\nname: 面霜\nlist_price: 199\nlive_price: 8.9\nstock: 0\n:::\n",
        encoding="utf-8",
    )
    result = _run(tmp_path / "ws", "check", str(script), "--json")
    assert result.returncode == 1
    assert [f["key"] for f in json.loads(result.stdout)["flags"]] == ["1:missing_zero", "1:no_stock"]


def test_import_then_export_gives_back_the_file_and_a_bad_file_imports_nothing(tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    imported = _run(workspace, "import", str(DEMO))
    assert imported.returncode == 0, imported.stderr
    show_id = re.search(r"of show ([0-9a-f-]{36})", imported.stdout).group(1)  # type: ignore[union-attr]

    out = tmp_path / "out.md"
    exported = _run(workspace, "export", show_id, str(out))
    assert exported.returncode == 0, exported.stderr
    assert out.read_text(encoding="utf-8") == DEMO.read_text(encoding="utf-8")

    broken = tmp_path / "broken.md"
    broken.write_text(
        "# 新版\n## [开场] 欢迎 (5 min)\n你好\n## [讲品 9号链接] 没有的商品 (5 min)\n", encoding="utf-8"
    )
    refused = _run(workspace, "import", str(broken), "--show", show_id)
    assert refused.returncode == 2
    assert "Line 4:" in refused.stderr and "Traceback" not in refused.stderr
    # Nothing half-imported: the show still exports the first file.
    assert _run(workspace, "export", show_id, "-").stdout == DEMO.read_text(encoding="utf-8")


def test_export_of_an_unknown_show_exits_1(tmp_path: Path) -> None:
    result = _run(tmp_path / "ws", "export", "00000000-0000-0000-0000-000000000000", str(tmp_path / "x.md"))
    assert result.returncode == 1 and "has no script" in result.stderr
    assert not (tmp_path / "x.md").exists()


def test_lint_can_keep_the_review_as_the_shows_compliance_record(tmp_path: Path) -> None:
    from studio_app.script.repo import current_script_row, list_compliance_records
    from studio_app.store.db import Database
    from studio_app.workspace import Workspace

    workspace = tmp_path / "ws"
    imported = _run(workspace, "import", str(DEMO))
    show_id = re.search(r"of show ([0-9a-f-]{36})", imported.stdout).group(1)  # type: ignore[union-attr]
    reviewed = _run(workspace, "lint", str(DEMO), "--record", show_id, "--checked-by", "阿杰", "--accept")
    assert reviewed.returncode == 0, reviewed.stderr
    assert "accepted" in reviewed.stdout
    draft = tmp_path / "draft.txt"
    draft.write_text("加一句：全网最低价", encoding="utf-8")
    assert _run(workspace, "lint", str(draft), "--record", show_id, "--checked-by", "阿杰").returncode == 1
    assert _run(workspace, "lint", str(draft), "--record", "no-such-show").returncode == 1

    db = Database.open(Workspace(workspace).db_path)
    try:
        with db.session() as s:
            first, second = list_compliance_records(s, show_id)
            current = current_script_row(s, show_id)
            assert current is not None
            # The first record names the stored revision it checked; the draft was a file, not a revision.
            assert (first.accepted, first.checked_by, first.script_id) == (True, "阿杰", current.id)
            assert first.forbidden_count == 0
            assert (second.accepted, second.forbidden_count, second.script_id) == (False, 1, None)
    finally:
        db.close()


def test_accepting_forbidden_terms_needs_a_note_or_nothing_is_recorded(tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    imported = _run(workspace, "import", str(DEMO))
    show_id = re.search(r"of show ([0-9a-f-]{36})", imported.stdout).group(1)  # type: ignore[union-attr]
    draft = tmp_path / "draft.txt"
    draft.write_text("加一句：全网最低价", encoding="utf-8")

    refused = _run(workspace, "lint", str(draft), "--record", show_id, "--checked-by", "阿杰", "--accept")
    assert refused.returncode == 2
    assert "“全网最低”" in refused.stderr and "Traceback" not in refused.stderr
    assert "1 compliance record(s)." not in _run(workspace, "records", "--show", show_id).stdout
    assert _run(workspace, "records", "--show", show_id).stdout.strip() == "0 compliance record(s)."

    kept = _run(
        workspace, "lint", str(draft), "--record", show_id, "--checked-by", "阿杰", "--accept",
        "--note", "平台比价截图为证",
    )  # fmt: skip
    assert kept.returncode == 1, kept.stderr  # the lint still reports the forbidden phrase
    assert "accepted" in kept.stdout
    listed = _run(workspace, "records", "--show", show_id)
    assert listed.returncode == 0, listed.stderr
    assert "阿杰\tYes\t“全网最低” kept: 平台比价截图为证\t平台比价截图为证" in listed.stdout
    assert listed.stdout.strip().endswith("1 compliance record(s).")


def test_records_are_listed_by_date_and_exported_as_csv(tmp_path: Path) -> None:
    import csv
    from datetime import date, timedelta

    workspace = tmp_path / "ws"
    imported = _run(workspace, "import", str(DEMO))
    show_id = re.search(r"of show ([0-9a-f-]{36})", imported.stdout).group(1)  # type: ignore[union-attr]
    assert (
        _run(workspace, "lint", str(DEMO), "--record", show_id, "--checked-by", "阿杰", "--accept").returncode
        == 0
    )
    today = date.today()
    yesterday = (today - timedelta(days=1)).isoformat()
    # The CLI signs with the real clock: a range ending yesterday has nothing, one around today has it.
    assert _run(workspace, "records", "--to", yesterday).stdout.strip() == "0 compliance record(s)."
    target = tmp_path / "records.csv"
    exported = _run(
        workspace, "records", "--from", yesterday, "--to", (today + timedelta(days=1)).isoformat(),
        "--csv", str(target),
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    with target.open(encoding="utf-8-sig", newline="") as f:
        header, row = list(csv.reader(f))
    assert header[3] == "Reviewer" and row[2:5] == [show_id, "阿杰", "Yes"]
    bad = _run(workspace, "records", "--from", "2026-13-40")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
