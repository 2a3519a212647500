"""Screenshots of the phone remote and the follower prompter (not a test), in Debian's chromium.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/remote/screenshots_remote.py [zh_CN|en]

Writes docs/screenshots/remote_{remote,follower}_{phone,tablet}_<lang>.png and remote_dialog_<lang>.png
from a throwaway demo workspace on a fake clock: 14 minutes into the show (the promo pre-cue is up), an
uplink alert standing, a cue sent from the phone.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import PHONE, TABLET, launch_chromium
from playwright.sync_api import Page, sync_playwright

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.probes import repo as probes_repo
from studio_app.probes.result import ProbeStatus
from studio_app.remote.pairing import PairingService
from studio_app.ui.main_window import MainWindow
from studio_app.ui.remote.dialog import RemoteDialog
from studio_app.ui.script_panel import ScriptPanel
from studio_app.ui.theme import apply_theme
from studio_app.ui.translations import install_translator
from studio_app.workspace import Workspace

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_page(page: Page, expression: str, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(expression)
        wait(50)


def main() -> int:
    lang = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    app = QApplication(sys.argv[:1])
    install_translator(app, lang)
    apply_theme(app)
    clock = FakeClock(start=datetime(2026, 11, 25, 12, 0, tzinfo=UTC))
    context = AppContext.open(Workspace(Path(tempfile.mkdtemp()) / "ws"), clock=clock)
    window = MainWindow(context)
    window.resize(1600, 1000)
    window.show()
    window.show_area("script")
    panel = window.panel("script")
    assert isinstance(panel, ScriptPanel)
    for _ in range(200):
        if panel.controller is not None:
            break
        wait(50)
    controller = panel.controller
    assert controller is not None
    remote = window.remote_control()
    remote.start("127.0.0.1", 0)
    for _ in range(100):
        if remote.running:
            break
        wait(50)
    panel.toggle_prompter()
    wait(300)
    controller.start_show()
    controller.go_to_segment(2)
    clock.advance(14 * 60 + 8)
    controller.tick()
    context.writer.run(
        lambda s: probes_repo.save_alert(
            s,
            kind="uplink.upload_low",
            status=ProbeStatus.WARN,
            raised_at=clock.now(),
            message="上行 2.1 Mbps，低于 3 Mbps" if lang == "zh_CN" else "uplink 2.1 Mbps, below 3 Mbps",
            fix="",
            value=2.1,
        )
    )
    wait(500)
    token = PairingService(context).create_token("screenshots").secret
    base = f"http://127.0.0.1:{remote.port}"

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for size_name, size in (("phone", PHONE), ("tablet", TABLET)):
            page = browser.new_context(
                viewport=size, device_scale_factor=2 if size is PHONE else 1
            ).new_page()
            page.goto(f"{base}/remote?token={token}&lang={lang}")
            wait_page(page, "document.getElementById('segment').textContent.length > 0")
            if size is PHONE:
                page.fill("#cue-text", "讲3号链接，库存剩50")
                page.click("#cue-form button[type=submit]")
                wait_page(page, "!document.getElementById('cue-now').hidden")
                page.fill("#cue-text", "")
            else:
                page.click("#emergency-box summary")
                page.click("#segments-box summary")
            wait(400)
            page.screenshot(path=str(OUT / f"remote_remote_{size_name}_{lang}.png"))
            follower = browser.new_context(viewport=size).new_page()
            follower.goto(f"{base}/follow?token={token}&lang={lang}")
            wait_page(follower, "window.Follower.pageTops.length > 0 && Studio.state.motion !== null")
            wait(1200)
            follower.screenshot(path=str(OUT / f"remote_follower_{size_name}_{lang}.png"))
        browser.close()

    dialog = RemoteDialog(remote, window)
    dialog.show()
    dialog.name_edit.setText("场控的手机" if lang == "zh_CN" else "Floor manager's phone")
    dialog._new_link()
    wait(800)
    dialog.grab().save(str(OUT / f"remote_dialog_{lang}.png"))
    dialog.close()
    remote.stop()
    panel.shutdown()
    context.close()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
