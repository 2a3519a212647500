from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.store.models import Show
from studio_app.workspace import ENV_VAR, Workspace


def test_explicit_folder_wins_over_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "from-env"))
    assert Workspace.resolve(tmp_path / "explicit").root == (tmp_path / "explicit").resolve()
    assert Workspace.resolve(None).root == (tmp_path / "from-env").resolve()


def test_default_is_the_platform_user_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert Workspace.resolve(None).root == (tmp_path / "xdg" / "StudioConsole").resolve()


def test_first_run_creates_workspace_and_loads_demo_show_once(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "fresh")
    clock = FakeClock()
    context = AppContext.open(workspace, clock=clock)
    for folder in (workspace.logs_dir, workspace.reports_dir, workspace.backups_dir):
        assert folder.is_dir()
    with context.db.session() as s:
        demos = s.scalars(select(Show).where(Show.is_demo.is_(True))).all()
        assert len(demos) == 1
        demos[0].deleted_at = clock.now()  # synced rows are tombstoned, never hard-deleted
    context.close()

    reopened = AppContext.open(workspace, clock=clock)
    with reopened.db.session() as s:
        shows = s.scalars(select(Show)).all()
        assert len(shows) == 1 and shows[0].deleted_at is not None, "a deleted demo show must not come back"
    reopened.close()


def test_commands_use_the_workspace_chosen_in_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argparse

    from studio_app import settings
    from studio_app.cli.common import open_context

    monkeypatch.delenv(ENV_VAR, raising=False)
    chosen = tmp_path / "chosen-in-settings"
    settings.save_workspace(str(chosen))
    context = open_context(argparse.Namespace(workspace=None, lang="en", verbose=False))
    try:
        assert context.workspace.root == chosen.resolve()
        assert context.workspace.db_path.exists()
    finally:
        context.close()
    explicit = open_context(
        argparse.Namespace(workspace=str(tmp_path / "explicit"), lang="en", verbose=False)
    )
    assert explicit.workspace.root == (tmp_path / "explicit").resolve()
    explicit.close()
