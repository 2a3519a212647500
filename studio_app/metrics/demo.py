"""A plausible two-hour, minute-by-minute show for the demo (抖音罗盘 style), the same every time.

The shape follows the studio's rundown: viewers build up over the first ten minutes, every 15 minutes a
hero product or a flash sale lifts viewers, clicks and orders for a few minutes, and the audience thins
out in the last quarter of an hour.
"""

from __future__ import annotations

import csv
import math
import random
from datetime import datetime, timedelta, tzinfo
from pathlib import Path

from studio_app.metrics.imports import CHINA_TZ
from studio_app.metrics.samples import Sample

DEMO_SEED = 20261125
DEMO_MINUTES = 120
PROMO_EVERY_MIN = 15
_PRICES_FEN = (5900, 8900, 12900, 19900)

# The export's columns, as the platform names them; the demo file is what a studio would download.
DEMO_EXPORT_HEADER = (
    "时间",
    "在线人数",
    "直播间曝光人数",
    "进入人数",
    "进入次数",
    "离开人数",
    "平均停留时长(秒)",
    "商品曝光人数",
    "商品曝光次数",
    "商品点击人数",
    "商品点击次数",
    "成交人数",
    "成交订单数",
    "成交金额(元)",
    "退款金额(元)",
    "新增粉丝",
)


def demo_samples(start: datetime, minutes: int = DEMO_MINUTES, seed: int = DEMO_SEED) -> tuple[Sample, ...]:
    rng = random.Random(seed)
    out = []
    for i in range(minutes):
        since_promo = i % PROMO_EVERY_MIN
        promo_boost = 1.0 + (0.45 if since_promo < 3 and i >= PROMO_EVERY_MIN else 0.0)
        warm_up = 1.0 - math.exp(-i / 8.0)
        wind_down = 1.0 if i < minutes - 15 else 1.0 - 0.04 * (i - (minutes - 15))
        online = max(20, round((120 + 680 * warm_up) * promo_boost * wind_down * rng.uniform(0.92, 1.08)))
        watch_ucnt = max(5, round(online * rng.uniform(0.30, 0.40)))
        room_show = round(watch_ucnt / rng.uniform(0.10, 0.14))
        product_show = round(watch_ucnt * rng.uniform(0.55, 0.65))
        clicks = round(product_show * rng.uniform(0.10, 0.14) * (1.8 if promo_boost > 1 else 1.0))
        buyers = 0 if i < 3 else round(clicks * rng.uniform(0.05, 0.11) * (1.5 if promo_boost > 1 else 1.0))
        orders = buyers + (1 if buyers and rng.random() < 0.2 else 0)
        gmv = sum(rng.choice(_PRICES_FEN) for _ in range(orders))
        refund = rng.choice(_PRICES_FEN) if gmv and rng.random() < 0.06 else 0
        out.append(
            Sample(
                at=start + timedelta(minutes=i),
                online_viewers=online,
                room_show_ucnt=room_show,
                watch_ucnt=watch_ucnt,
                watch_cnt=round(watch_ucnt * rng.uniform(1.08, 1.2)),
                leave_ucnt=round(watch_ucnt * rng.uniform(0.85, 1.05)),
                avg_watch_seconds=round(rng.uniform(45, 110), 1),
                product_show_ucnt=product_show,
                product_show_cnt=round(product_show * rng.uniform(1.3, 1.6)),
                product_click_ucnt=clicks,
                product_click_cnt=round(clicks * rng.uniform(1.1, 1.4)),
                pay_ucnt=buyers,
                pay_order_cnt=orders,
                pay_gmv_fen=gmv,
                refund_gmv_fen=refund,
                incr_fans_cnt=round(watch_ucnt * rng.uniform(0.01, 0.03)),
            )
        )
    return tuple(out)


def write_demo_export(path: Path, start: datetime, tz: tzinfo = CHINA_TZ) -> Path:
    """The demo samples as the platform's CSV (UTF-8 with BOM, as Excel-friendly exports are)."""
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(DEMO_EXPORT_HEADER)
        for s in demo_samples(start):
            writer.writerow(
                (
                    s.at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
                    s.online_viewers,
                    s.room_show_ucnt,
                    s.watch_ucnt,
                    s.watch_cnt,
                    s.leave_ucnt,
                    s.avg_watch_seconds,
                    s.product_show_ucnt,
                    s.product_show_cnt,
                    s.product_click_ucnt,
                    s.product_click_cnt,
                    s.pay_ucnt,
                    s.pay_order_cnt,
                    f"{(s.pay_gmv_fen or 0) / 100:.2f}",
                    f"{(s.refund_gmv_fen or 0) / 100:.2f}",
                    s.incr_fans_cnt,
                )
            )
    return Path(path)


if __name__ == "__main__":  # regenerate resources/demo/douyin_compass_minutes.csv
    from studio_app.paths import resource_path

    write_demo_export(
        resource_path("demo", "douyin_compass_minutes.csv"), datetime(2026, 11, 20, 20, 0, tzinfo=CHINA_TZ)
    )
