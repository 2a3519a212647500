"""Screenshots of the script runner (not a test): operator panel, editor, prompter normal/mirrored/emergency.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tests/script/screenshots_prompter.py [zh_CN|en]

Writes docs/screenshots/{script_panel,script_editor,prompter,prompter_mirrored,prompter_emergency}_<lang>.png
from a throwaway demo workspace on a fake clock (14 min into the show: the promo pre-cue is showing).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.script.model import EmergencyKind
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
    if panel is None or panel.controller is None:
        print("the script panel did not load")
        return 1
    controller = panel.controller
    controller.start_show()
    controller.go_to_segment(2)
    clock.advance(14 * 60 + 8)
    controller.tick()
    controller.send_cue("讲3号链接，库存剩50")
    wait(300)
    window.grab().save(str(OUT / f"script_panel_{lang}.png"))

    panel.toggle_prompter()
    wait(500)
    assert panel.prompter is not None
    prompter = panel.prompter.view
    prompter.grab().save(str(OUT / f"prompter_{lang}.png"))
    panel.mirror_h.setChecked(True)
    wait(300)
    prompter.grab().save(str(OUT / f"prompter_mirrored_{lang}.png"))
    panel.mirror_h.setChecked(False)
    controller.dismiss()
    clock.advance(60)
    controller.tick()
    controller.show_emergency(EmergencyKind.HOSTILE_COMMENT)
    wait(300)
    prompter.grab().save(str(OUT / f"prompter_emergency_{lang}.png"))
    panel.prompter.close()

    panel.tabs.setCurrentIndex(1)
    text = panel.editor.toPlainText().replace(
        "先来看1号链接，这罐保湿面霜。",
        "先来看1号链接，这罐保湿面霜，全网最低价，100%有效，用了根治干皮！",
        1,
    )
    panel.editor.setPlainText(text)
    panel.check_editor()
    cursor = panel.editor.textCursor()
    cursor.setPosition(max(0, text.find("全网最低价")))
    panel.editor.setTextCursor(cursor)
    panel.editor.centerCursor()
    wait(300)
    window.grab().save(str(OUT / f"script_editor_{lang}.png"))
    panel.shutdown()
    context.close()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
