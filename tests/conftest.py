from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Before any Qt import: no display here, and none in CI. The offscreen screen is a 1080p monitor, like a
# studio's, instead of Qt's default 800x800.
_SCREEN = Path(__file__).resolve().parent / "qt" / "offscreen-screen.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ.setdefault("STUDIO_APP_NO_NETWORK_SYNC", "1")

import pytest

from studio_app import i18n
from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.store.db import Database
from studio_app.workspace import Workspace


@pytest.fixture(autouse=True)
def _isolated_workspace_env(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test may touch the real user data folder or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("STUDIO_APP_WORKSPACE", str(home / "workspace"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    # Qt caches the settings folder at first use, so point it at this test's folder explicitly.
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "config"))


@pytest.fixture(autouse=True)
def _english_by_default() -> Iterator[None]:
    yield
    i18n.install(None)


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "ws").ensure()


@pytest.fixture
def db(workspace: Workspace) -> Iterator[Database]:
    database = Database.open(workspace.db_path, backups_dir=workspace.backups_dir)
    yield database
    database.close()


@pytest.fixture
def app_context(workspace: Workspace, fake_clock: FakeClock) -> Iterator[AppContext]:
    """A workspace with the demo show, on a fake clock."""
    context = AppContext.open(workspace, clock=fake_clock)
    yield context
    context.close()


@pytest.fixture
def empty_app_context(workspace: Workspace, fake_clock: FakeClock) -> Iterator[AppContext]:
    context = AppContext.open(workspace, clock=fake_clock, seed_demo=False)
    yield context
    context.close()
