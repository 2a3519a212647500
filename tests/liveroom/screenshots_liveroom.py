"""Screenshots of the live room during a show (not a test).

    Xvfb :65 -screen 0 1920x1080x24 &
    DISPLAY=:65 .venv/bin/python tests/liveroom/screenshots_liveroom.py [zh_CN|en]

Writes docs/screenshots/live_room.png (the live room 70 minutes into the demo show, in the 秒杀, with a
dwell alert standing), live_room_prompter_qa.png (a starred question in the Q&A slot) and
live_room_prompter_flash.png (the flash-sale countdown with live stock), from a throwaway demo workspace on
a fake clock; the numbers arrive the way a studio drops them, as files in the watched folder.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.liveroom.service import LiveRoomService
from studio_app.promo.clock import PromoMarkKind
from studio_app.script.format import parse_script
from studio_app.script.repo import demo_script_text
from studio_app.script.service import ScriptService
from studio_app.ui.liveroom.panel import POLL_S, LiveRoomPanel
from studio_app.ui.main_window import MainWindow
from studio_app.ui.prompter.keys import PrompterAction
from studio_app.ui.script_panel import ScriptPanel
from studio_app.ui.theme import apply_theme
from studio_app.ui.translations import install_translator
from studio_app.workspace import Workspace

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


PRODUCTS = (  # id, name, (exposures, clicks, orders, GMV yuan) ten minutes ago and now
    ("3612345678901234561", "玻尿酸保湿面霜 50g", (21000, 2300, 310, 27590), (24800, 2720, 402, 35778)),
    ("3612345678901234562", "氨基酸温和洁面乳 120g", (9000, 610, 72, 3528), (9600, 650, 77, 3773)),
    ("3612345678901234563", "每日坚果 30袋装", (12000, 1500, 160, 11184), (15800, 2300, 260, 18174)),
    ("3612345678901234564", "风干牛肉干 原味 250g", (6000, 480, 40, 2360), (6900, 520, 44, 2596)),
    ("3612345678901234565", "护手霜三支装 30g×3", (3000, 280, 30, 297), (3900, 360, 41, 406)),
)


def drop_products(folder: Path, name: str, column: int) -> None:
    """A 巨量百应-style product table in GBK, as the platform exports it."""
    lines = ["商品ID,商品名称,商品曝光人数,商品点击人数,成交订单数,成交金额(元)"]
    for pid, title, *totals in PRODUCTS:
        exposures, clicks, orders, gmv = totals[column]
        lines.append(f"{pid},{title},{exposures},{clicks},{orders},{gmv}.00")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes("\r\n".join(lines).encode("gbk"))


def drop_room(folder: Path, now: datetime) -> None:
    """70 minutes of the room, one entry a minute; dwell sags in the last four."""
    rng = random.Random(7)
    minutes = [
        {
            "at": (now - timedelta(minutes=m)).isoformat(),
            "online_viewers": 900 + (70 - m) * 9 + rng.randint(-40, 40),
            "avg_watch_seconds": (44 if m <= 4 else 66) + rng.randint(-3, 3),
            "comments": 90 + rng.randint(-15, 15),
            "likes": 520 + rng.randint(-60, 60),
            "shares": 8 + rng.randint(-3, 3),
        }
        for m in range(70, -1, -1)
    ]
    (folder / "room.json").write_text(json.dumps(minutes), encoding="utf-8")


def take_drops(room: LiveRoomPanel, clock: FakeClock) -> None:
    for _ in range(2):
        clock.advance(POLL_S)
        room.tick()
        wait(400)


def main() -> int:
    lang = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    app = QApplication(sys.argv[:1])
    install_translator(app, lang)
    apply_theme(app)
    clock = FakeClock(start=datetime(2026, 11, 25, 12, 0, tzinfo=UTC))
    # A show of its own (the demo script, no demo numbers): the room shows only what was dropped.
    context = AppContext.open(Workspace(Path(tempfile.mkdtemp()) / "ws"), clock=clock, seed_demo=False)
    ScriptService(context).import_script(parse_script(demo_script_text()), demo_script_text(), "demo.md")
    window = MainWindow(context)
    window.resize(1920, 1080)
    window.show()
    window.show_area("script")
    script: ScriptPanel | None = None
    for _ in range(200):
        wait(50)
        found = window.findChildren(ScriptPanel)
        if found and found[0].controller is not None:
            script = found[0]
            break
    if script is None or script.controller is None:
        print("the script panel did not load")
        return 1
    controller = script.controller
    controller.start_show()
    # Held still: the prompter scrolls on real time, and its reading line would move the show on by itself.
    controller.perform(PrompterAction.PAUSE)
    window.show_area("liveroom")
    room = window.panel("liveroom")
    assert isinstance(room, LiveRoomPanel)
    show_id = controller.session.show_id
    service = LiveRoomService(context)
    room.add_questions(
        "1. 面霜适合油皮吗？\n2. 敏感肌能用吗\n3. 有没有小样\n4. 孕妇可以用吗\n5. 什么时候发货"
    )
    wait(400)
    for question in service.questions(show_id):
        if question.text in ("敏感肌能用吗", "孕妇可以用吗"):
            service.set_starred(question.id, True)
    clock.advance(60 * 60)
    controller.go_to_segment(2)  # 讲品 面霜
    clock.advance(6 * 60)
    controller.mark_promo(PromoMarkKind.DONE)
    controller.go_to_segment(3)  # leaving the product: its Q&A slot puts the starred question up
    wait(500)
    room.tick()
    script.toggle_prompter()
    wait(600)
    assert script.prompter is not None
    script.prompter.view.grab().save(str(OUT / "live_room_prompter_qa.png"))
    for question in service.questions(show_id):
        if question.text == "敏感肌能用吗":
            room.resolve_question(question.id, True)
    wait(400)
    clock.advance(25)
    drop_products(room.drop_folder(), "商品_2010.csv", 0)
    take_drops(room, clock)
    clock.advance(600)
    drop_products(room.drop_folder(), "商品_2020.csv", 1)
    drop_room(room.drop_folder(), clock.now())
    take_drops(room, clock)
    controller.go_to_segment(4)  # 秒杀 面霜
    clock.advance(95)
    room.set_stock(1, 37)
    wait(400)
    room.hot.selectRow(1)
    room.tick()
    wait(400)
    script.prompter.view.grab().save(str(OUT / "live_room_prompter_flash.png"))
    script.prompter.close()
    wait(300)
    window.grab().save(str(OUT / "live_room.png"))
    room.shutdown()
    script.shutdown()
    context.close()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
