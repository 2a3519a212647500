"""Screenshots of "Delete show…": the script runner's show row and the confirmation dialog.

Run: ``xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python tests/script/screenshots_delete_show.py zh_CN``
(or `en`; or with ``QT_QPA_PLATFORM=offscreen``). Writes ``docs/screenshots/script_delete_show*_<lang>.png``.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.ui.main_window import MainWindow
from studio_app.ui.script_panel import ScriptPanel
from studio_app.ui.theme import apply_theme
from studio_app.ui.translations import install_translator
from studio_app.workspace import Workspace

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


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
    panel: ScriptPanel | None = None
    for _ in range(200):
        wait(50)
        found = window.findChildren(ScriptPanel)
        if found and found[0].controller is not None:
            panel = found[0]
            break
    if panel is None:
        print("the script panel did not load")
        return 1
    window.grab().save(str(OUT / f"script_delete_show_row_{lang}.png"))

    def capture() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, capture)
            return
        wait(200)
        box.grab().save(str(OUT / f"script_delete_show_confirm_{lang}.png"))
        box.reject()

    QTimer.singleShot(0, capture)
    panel.delete_current_show()
    panel.shutdown()
    window.close()
    context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
