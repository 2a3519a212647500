"""Screenshots of the compliance review: the records view (per show and date range) and the signing dialog.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python tests/script/screenshots_compliance.py zh_CN`` (or `en`).
Writes ``docs/screenshots/compliance_records_<lang>.png`` and ``compliance_sign_<lang>.png``.
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
from studio_app.script.lint import lint_text
from studio_app.script.service import ScriptService
from studio_app.ui.script.compliance_dialog import ComplianceDialog
from studio_app.ui.script.compliance_records import ComplianceRecordsDialog
from studio_app.ui.theme import apply_theme
from studio_app.ui.translations import install_translator
from studio_app.workspace import Workspace

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SHORT = {"zh_CN": "zh", "en": "en"}
DRAFT = "家人们，这是全网最低价，品质极致，国家级配方"
REWRITTEN = "家人们，这是今天直播间的优惠价，品质极致"


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    lang = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    app = QApplication(sys.argv[:1])
    install_translator(app, lang)
    apply_theme(app)
    clock = FakeClock(start=datetime(2026, 11, 25, 4, 0, tzinfo=UTC))
    context = AppContext.open(Workspace(Path(tempfile.mkdtemp()) / "ws"), clock=clock)
    service = ScriptService(context)
    wordlist = service.wordlist()
    show = service.list_shows()[0]

    def sign(text: str, by: str, accepted: bool, reasons: dict[str, str], note: str = "") -> None:
        service.record_review(
            show.id, text, hits=lint_text(text, wordlist), wordlist=wordlist, price_flags=[],
            checked_by=by, accepted=accepted, reasons=reasons, note=note,
        )  # fmt: skip

    sign(DRAFT, "场控 阿杰", False, {}, "初审：退回改写")
    clock.advance(45 * 60)
    sign(REWRITTEN, "运营 小林", True, {"极致": "品牌系列名“极致修护”"}, "周六专场终审")
    clock.advance(2 * 86400)
    sign(DRAFT.replace("国家级配方", ""), "场控 阿杰", True, {"全网最低": "平台比价截图已存档"})

    short = SHORT.get(lang, lang)
    view = ComplianceRecordsDialog(service, None)
    view.resize(1280, 420)
    view.show()
    for _ in range(100):
        wait(50)
        if view.table.rowCount() == 3:
            break
    wait(200)
    view.grab().save(str(OUT / f"compliance_records_{short}.png"))

    dialog = ComplianceDialog(lint_text(DRAFT, wordlist), "场控 阿杰")
    dialog.show()
    wait(200)
    dialog.sign()  # refused: the forbidden terms have no reason yet
    wait(100)
    dialog.grab().save(str(OUT / f"compliance_sign_{short}.png"))
    dialog.close()
    view.close()
    context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
