"""Screenshots of the data room's Products and Interaction & traffic tabs on the demo show.

Run: Xvfb :64 -screen 0 1920x1080x24 & DISPLAY=:64 .venv/bin/python tests/data/screenshots_products.py zh_CN
Writes docs/screenshots/product_review.png (zh_CN; product_review_<lang>.png otherwise) and
interaction_traffic[_<lang>].png. The demo show gets a product table, a traffic-source table and the
minute table's interaction columns, written here in the platforms' shapes (GBK, CRLF) and imported through
the same service as the import dialog.
"""

from __future__ import annotations

import random
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from studio_app.context import AppContext
from studio_app.metrics.imports import CHINA_TZ
from studio_app.metrics.service import MetricsService
from studio_app.ui.data_panel import DataPanel
from studio_app.ui.translations import install_translator
from studio_app.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]

PRODUCTS = (
    # id, title as the shop lists it, explained, exposed, clicked, orders, items, buyers, GMV, refund
    (
        "3712345678901234567",
        "【直播专享】玻尿酸保湿面霜 50g 补水保湿",
        4,
        38200,
        4310,
        402,
        455,
        389,
        40047.80,
        890,
    ),
    ("3712345678901234568", "每日坚果 30袋装 混合果仁", 3, 30500, 3120, 288, 301, 280, 20131.20, 279.6),
    ("3712345678901234569", "风干牛肉干 原味 250g", 2, 21900, 2650, 61, 64, 58, 3599.00, 118),
    ("3712345678901234570", "氨基酸温和洁面乳 120g", 2, 19800, 1480, 133, 140, 131, 5306.70, 79.8),
    ("3712345678901234571", "护手霜三支装 30g×3", 1, 26400, 3980, 702, 760, 655, 6949.80, 39.6),
    ("3712345678901234572", "草本精华眼霜 15g", 0, 8200, 640, 0, 0, 0, 0, 0),
    ("3712345678901234573", "福袋·随机小样", 0, 12100, 212, 0, 0, 0, 0, 0),
    ("3712345678901234574", "保温杯 316 不锈钢 500ml", 0, 5300, 96, 2, 2, 2, 158.00, 0),
)
TRAFFIC = (
    ("自然推荐", 41200, 620, 48960.0, None),
    ("关注", 9800, 410, 16530.0, None),
    ("短视频引流", 7600, 190, 4810.5, None),
    ("搜索", 3100, 120, 2950.0, None),
    ("个人主页", 1900, 60, 1205.0, None),
    ("千川付费", 12400, 260, 9650.0, 3100.0),
    ("随心推", 3300, 55, 1836.3, 600.0),
)


def wait(condition: Callable[[], bool], ms: int = 20_000) -> None:
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: loop.quit() if condition() else None)
    poll.start(50)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    poll.stop()


def write_tables(folder: Path, show_start_local: datetime, minutes: int, show_gmv_yuan: float) -> list[Path]:
    """The tables, their money scaled so the products and the channels add up to the show's GMV."""
    product_scale = show_gmv_yuan / sum(p[8] for p in PRODUCTS)
    traffic_scale = show_gmv_yuan / sum(t[3] for t in TRAFFIC)
    header = (
        "商品ID,商品名称,讲解次数,商品曝光人数,商品点击人数,商品点击率,成交订单数,成交件数,成交人数,"
        "成交金额(元),点击-成交转化率,退款金额(元)"
    )
    lines = ["商品明细", header]
    for pid, name, explained, shown, clicked, orders, items, buyers, gmv_listed, refund in PRODUCTS:
        gmv = gmv_listed * product_scale
        rate = f"{clicked / shown * 100:.2f}%"
        to_pay = f"{buyers / clicked * 100:.2f}%" if clicked else "-"
        lines.append(
            f'\t{pid},{name},{explained},"{shown:,}",{clicked},{rate},{orders},{items},{buyers},'
            f'"{gmv:,.2f}",{to_pay},{refund if refund else "-"}'
        )
    products = folder / "商品明细.csv"
    products.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))

    lines = ["渠道,观看人数,成交人数,成交金额(元),消耗(元)"]
    for channel, viewers, buyers, gmv, spend in TRAFFIC:
        money = f"{gmv * traffic_scale:.2f}"
        lines.append(f'{channel},"{viewers:,}",{buyers},{money},{"-" if spend is None else spend}')
    traffic = folder / "流量来源.csv"
    traffic.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))

    rng = random.Random(12)
    lines = ["时间,评论次数,评论人数,点赞次数,分享次数,新加粉丝团"]
    start = show_start_local
    for i in range(minutes):
        lively = 1.6 if i % 15 < 3 and i >= 15 else 1.0  # the promos every 15 minutes liven the room
        fading = 0.55 if 50 <= i < 65 else 1.0  # a long demonstration: the room goes quiet
        comments = round(rng.uniform(25, 45) * lively * fading)
        lines.append(
            f"{(start + timedelta(minutes=i)).strftime('%Y-%m-%d %H:%M')},{comments},"
            f"{round(comments * 0.7)},{round(comments * rng.uniform(9, 14))},{rng.randint(0, 6)},"
            f"{rng.randint(0, 4)}"
        )
    room = folder / "分钟互动.csv"
    room.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return [products, traffic, room]


def main(lang: str) -> None:
    app = QApplication([])
    install_translator(app, lang)
    tmp = Path(tempfile.mkdtemp())
    context = AppContext.open(Workspace(tmp / "ws"))
    service = MetricsService(context)
    show = service.list_shows()[0]
    bundle = service.load_show(show.id, CHINA_TZ)
    start = bundle.samples[0].at.astimezone(CHINA_TZ)
    show_gmv = (bundle.review.totals.gmv_fen or 0) / 100
    for path in write_tables(tmp, start, len(bundle.samples), show_gmv):
        service.import_file(show.id, path, "抖音罗盘", start.date())
    service.add_ad_spend(show.id, "千川", 3100.0)
    service.add_ad_spend(show.id, "随心推", 600.0)
    out = REPO / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if lang == "zh_CN" else f"_{lang}"
    panel = DataPanel(context, feed_port=0)
    panel.resize(1600, 1000)
    loaded: list[bool] = []
    panel.bundle_loaded.connect(lambda: loaded.append(True))
    panel.show()
    wait(lambda: bool(loaded))
    try:
        tabs = panel.tabs
        tabs.setCurrentWidget(panel.breakdown_tabs.product_view)
        wait(lambda: False, 600)
        panel.grab().save(str(out / f"product_review{suffix}.png"))
        tabs.setCurrentWidget(panel.breakdown_tabs.room_view)
        wait(lambda: False, 600)
        panel.grab().save(str(out / f"interaction_traffic{suffix}.png"))
    finally:
        panel.shutdown()
        panel.close()
        context.close()
        app.processEvents()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "zh_CN")
