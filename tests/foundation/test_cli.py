from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from studio_app import __version__
from studio_app.cli import build_parser


def _run(*args: str, workspace: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "studio_app", "--workspace", str(workspace), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_version_prints_the_package_version(tmp_path: Path) -> None:
    result = _run("--version", workspace=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"studio-app {__version__}"


def test_help_lists_the_subcommands(tmp_path: Path) -> None:
    result = _run("--help", workspace=tmp_path)
    assert result.returncode == 0
    for command in ("gui", "selftest", "check", "script", "show", "sync", "serve", "remote"):
        assert command in result.stdout, f"{command} missing from --help"


def test_unknown_option_exits_with_status_2(tmp_path: Path) -> None:
    result = _run("--no-such-option", workspace=tmp_path)
    assert result.returncode == 2
    assert "unrecognized arguments" in result.stderr


def test_selftest_loads_qt_opencv_portaudio_translations_and_store(tmp_path: Path) -> None:
    result = _run("selftest", workspace=tmp_path / "ws")
    assert result.returncode == 0, result.stdout + result.stderr
    for part in ("Qt", "OpenCV", "PortAudio", "translations", "store"):
        assert f"{part}:" in result.stdout
    assert "FAILED" not in result.stdout
    assert (tmp_path / "ws" / "studio.sqlite3").exists()


def test_gui_is_the_default_command() -> None:
    args = build_parser().parse_args([])
    assert getattr(args, "func", None) is None  # main() then runs the GUI


def _language_for(lang_env: str) -> str:
    env = {**os.environ, "LANG": lang_env, "LC_ALL": lang_env, "LANGUAGE": ""}
    code = "from studio_app.ui.translations import system_language; print(system_language())"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60, check=True
    ).stdout.strip()


def test_ui_follows_a_chinese_system_locale_and_falls_back_to_english() -> None:
    assert _language_for("zh_CN.UTF-8") == "zh_CN"
    assert _language_for("zh_TW.UTF-8") == "zh_CN"
    assert _language_for("en_US.UTF-8") == "en"
    assert _language_for("de_DE.UTF-8") == "en"


def test_gui_starts_shows_the_window_and_quits_cleanly(tmp_path: Path) -> None:
    """Several times, because a worker outliving the QApplication crashed about one exit in three."""
    workspace = tmp_path / "ws"
    for _ in range(4):
        result = _run("gui", "--quit-after", "0", workspace=workspace)
        assert result.returncode == 0, result.stderr[-2000:]
    log_text = (workspace / "logs" / "studio-app.log").read_text(encoding="utf-8")
    assert log_text.count("main window shown at") == 4
    assert "Traceback" not in log_text
