"""The real main window as a fixture, for the tests that drive several areas together."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from studio_app.context import AppContext
from studio_app.ui.main_window import MainWindow
from studio_app.ui.workers import running_count


@pytest.fixture
def window(qtbot: QtBot, app_context: AppContext) -> Iterator[MainWindow]:
    """The real main window on the demo workspace; it waits for its background jobs when closed."""
    win = MainWindow(app_context)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    qtbot.waitUntil(lambda: running_count() == 0, timeout=5000)
