"""Screenshot of the pre-show gate (开播前检查单) asking for an override before going live: the device check
is a NO-GO, two prices and one of the studio's items are still open, and the operator types a reason.

Run (offscreen or under Xvfb):
``PYTHONPATH=.:tests/showday .venv/bin/python tests/showday/screenshots_gate.py zh_CN``.
Writes ``docs/screenshots/gate_override.png`` (``gate_override_en.png`` for English).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from gate_fixtures import link_check, sign_current_script
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.probes.result import ProbeStatus
from studio_app.showday.gate import ItemState
from studio_app.showday.service import GateService
from studio_app.shows import list_shows
from studio_app.ui.gate.dialog import GateDialog
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
    clock = FakeClock(start=datetime(2026, 11, 25, 11, 20, tzinfo=UTC))
    context = AppContext.open(Workspace(Path(tempfile.mkdtemp()) / "ws"), clock=clock)
    show = list_shows(context.db)[0]
    service = GateService(context)
    sign_current_script(context, show.id, "运营 小林")
    link_check(context, show.id, ProbeStatus.FAIL)  # the backup uplink failed its check
    status = service.open_checklist(show.id)
    clock.advance(25 * 60)
    for card in status.prices[:3]:
        service.confirm_price(show.id, card.link_no, "主播 小林")
    for item in status.items[:3]:
        service.set_item_state(item.id, ItemState.DONE, "场控 阿杰")
    service.set_item_state(status.items[3].id, ItemState.NOT_APPLICABLE, "场控 阿杰")

    dialog = GateDialog(service, context.writer, show.id, show.title, going_live=True)
    dialog.resize(900, 1060)
    dialog.show()
    for _ in range(100):
        wait(50)
        if dialog.status is not None and dialog.item_combos:
            break
    dialog.name_edit.setText("场控 阿杰")
    dialog.reason_edit.setPlainText(
        "备用热点检测未通过，主线路正常；平台活动 19:30 准时开始，技术已在旁值守。"
    )
    wait(300)
    name = "gate_override.png" if lang == "zh_CN" else f"gate_override_{lang[:2]}.png"
    dialog.grab().save(str(OUT / name))
    dialog.close()
    context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
