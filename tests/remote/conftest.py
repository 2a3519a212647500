"""A real script runner on the demo show, the remote server on a free loopback port, and HTTP calls made
from a worker thread while the test keeps Qt's event loop turning (commands run on the GUI thread)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from browser import CHROMIUM_PATH, launch_chromium
from playwright.sync_api import Browser, sync_playwright
from pytestqt.qtbot import QtBot
from support import require_tool

from studio_app.context import AppContext
from studio_app.remote.pairing import PairingService
from studio_app.ui.remote.control import RemoteControl
from studio_app.ui.script_panel import ScriptPanel


@pytest.fixture
def panel(qtbot: QtBot, app_context: AppContext) -> Iterator[ScriptPanel]:
    widget = ScriptPanel(app_context)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.controller is not None, timeout=10000)
    yield widget
    widget.shutdown()


@pytest.fixture
def remote(qtbot: QtBot, app_context: AppContext, panel: ScriptPanel) -> Iterator[RemoteControl]:
    control = RemoteControl(app_context, lambda: panel)
    control.attach("script", panel)
    with qtbot.waitSignal(control.running_changed, timeout=10000):
        control.start("127.0.0.1", 0)
    yield control
    control.stop()


@pytest.fixture
def token(app_context: AppContext) -> str:
    return PairingService(app_context).create_token("test phone").secret


class Http:
    """httpx from a worker thread; the test thread (Qt's) keeps processing events until the answer."""

    def __init__(self, qtbot: QtBot, base_url: str) -> None:
        self._qtbot = qtbot
        self._client = httpx.Client(base_url=base_url, timeout=10)
        self._pool = ThreadPoolExecutor(1)

    def call(self, fn: Callable[..., httpx.Response], *args: Any, **kwargs: Any) -> httpx.Response:
        future: Future[httpx.Response] = self._pool.submit(fn, *args, **kwargs)
        self._qtbot.waitUntil(future.done, timeout=10000)
        return future.result()

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.call(self._client.get, path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.call(self._client.post, path, **kwargs)

    def close(self) -> None:
        self._pool.shutdown()
        self._client.close()


@pytest.fixture
def http(qtbot: QtBot, remote: RemoteControl) -> Iterator[Http]:
    client = Http(qtbot, f"http://127.0.0.1:{remote.port}")
    yield client
    client.close()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    require_tool("chromium", CHROMIUM_PATH)
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()
