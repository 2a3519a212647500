"""Product and traffic-source tables in the shapes 抖音罗盘 / 巨量百应 download them, made by the tests.

The numbers are small enough to check by hand (see the comments); ids are 19 digits, as the platform's.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook

from studio_app.context import AppContext
from studio_app.metrics.service import MetricsService
from studio_app.script import repo as script_repo
from studio_app.script.format import parse_script
from studio_app.script.model import RunLogKind
from studio_app.store.models import Show

FACE_CREAM_ID = "3712345678901234567"
SERUM_ID = "3712345678901234568"
MASK_ID = "3712345678901234569"
LIPSTICK_ID = "3712345678901234570"
TONER_ID = "3712345678901234571"

PRODUCT_HEADER = (
    "商品ID,商品名称,讲解次数,商品曝光人数,商品点击人数,商品点击率,成交订单数,成交件数,成交人数,"
    "成交金额(元),点击-成交转化率,退款金额(元)"
)
# Face cream: 1,000 clicks, 50 buyers (5 %); serum: 200 clicks, 2 buyers (1 %, the weakest that sold);
# mask: 120 clicks, 30 buyers (25 %); lipstick: 80 clicks and no buyer; toner: 50 clicks, 1 buyer (under
# 100 clicks: not ranked as weak). GMV 4,990 + 398 + 2,970 + 0 + 99 = 8,457 yuan.
PRODUCT_ROWS = (
    f'\t{FACE_CREAM_ID},"面霜 50g",3,"12,000",1000,8.33%,52,60,50,"4,990.00",5.00%,-99.80',
    f"{SERUM_ID},精华,1,0.5万,200,4%,2,2,2,398,1%,0",
    f"{MASK_ID},面膜,2,2000,120,6%,31,40,30,2970.00,25%,-",
    f"{LIPSTICK_ID},口红,1,900,80,8.9%,0,0,0,-,-,-",
    f"{TONER_ID},爽肤水,0,600,50,8.3%,1,1,1,99,2%,0",
    '合计,-,7,"20,500",1450,-,86,103,83,8457,-,99.8',
)
PRODUCT_CSV = "\r\n".join(("商品明细 2026-11-20", PRODUCT_HEADER, *PRODUCT_ROWS)) + "\r\n"
PRODUCT_GMV_YUAN = 8457.0

TRAFFIC_HEADER = "渠道,观看人数,观看次数,成交人数,成交订单数,成交金额(元),消耗(元)"
# Natural: 5,000 + 1,200 + 800 + 1,000 viewers = 8,000; paid: 1,500 + 500 = 2,000.
# Natural GMV 3,000 + 1,000 + 500 + 1,457 = 5,957; paid 2,000 + 500 = 2,500 (8,457 in all).
TRAFFIC_ROWS = (
    '自然推荐,5000,"6,100",30,31,3000.00,-',
    "关注,1200,1500,20,21,1000,-",
    "搜索,800,900,10,10,500,-",
    "短视频引流,1000,1100,13,14,1457,-",
    "千川付费,1500,1600,8,8,2000,800",
    "随心推,500,520,2,2,500,200",
    "合计,10000,11720,83,86,8457,1000",
)
TRAFFIC_CSV = "\r\n".join((TRAFFIC_HEADER, *TRAFFIC_ROWS)) + "\r\n"


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def write_product_xlsx(path: Path) -> Path:
    """The product table as a workbook, ids in text cells as the platform writes them (a number cell
    holds 15-17 digits: a 19-digit id in one is already rounded in the file)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(PRODUCT_HEADER.split(","))
    sheet.append(
        [
            FACE_CREAM_ID,
            "面霜 50g",
            3,
            12000,
            1000,
            "8.33%",
            52,
            60,
            50,
            4990.0,
            "5.00%",
            99.8,
        ]
    )
    sheet.append([SERUM_ID, "精华", 1, 5000, 200, "4%", 2, 2, 2, 398, "1%", 0])
    book.save(path)
    return path


MINUTE_HEADER = (
    "时间,在线人数,进入人数,成交人数,成交订单数,成交金额(元),评论次数,评论人数,点赞次数,分享次数,新加粉丝团"
)
# Comments 10+20+30+5+15 = 80 by 8+12+20+4+6 = 50 people; likes 100+200+300+50+150 = 800; shares 1+2+3+0+4
# = 10; viewers 50+80+60+30+20 = 240: interaction rate 50 / 240.
MINUTE_ROWS = (
    "20:00,100,50,2,2,199.00,10,8,100,1,2",
    "20:01,150,80,5,6,600.50,20,12,200,2,3",
    "20:02,200,60,0,0,0,30,20,300,3,1",
    "20:03,120,30,0,0,0,5,4,50,0,0",
    '20:04,80,20,3,3,"300.00",15,6,150,4,-',
)
MINUTE_CSV = "\r\n".join((MINUTE_HEADER, *MINUTE_ROWS)) + "\r\n"

# The face cream's card names its platform id; the serum and the lipstick are linked by name.
SCRIPT_TEXT = f"""# 护肤专场

::: product 1号链接
name: 保湿面霜
product_id: {FACE_CREAM_ID}
:::

::: product 2号链接
name: 精华
:::

::: product 3号链接
name: 口红
:::

## [讲品 1号链接] 面霜 (2 min)
面霜讲解

## [讲品 2号链接] 精华 (2 min)
精华讲解

## [讲品 3号链接] 口红 (1 min)
口红讲解
"""


START = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)  # 20:00 China time
SHOW_DAY = date(2026, 11, 20)


def add_show_with_script(context: AppContext) -> str:
    """A show whose script sells three product cards, run for 2 + 2 + 1 minutes."""

    def op(session):  # type: ignore[no-untyped-def]
        show = Show(title="护肤专场", started_at=START)
        session.add(show)
        session.flush()
        script_repo.save_script(session, show.id, parse_script(SCRIPT_TEXT))
        at = START
        for index, (title, minutes) in enumerate((("面霜", 2), ("精华", 2), ("口红", 1))):
            payload = {"title": title}
            script_repo.append_run_log(session, show.id, RunLogKind.SEGMENT_START, at, index, payload)
            at += timedelta(minutes=minutes)
            script_repo.append_run_log(session, show.id, RunLogKind.SEGMENT_END, at, index, {})
        return show.id

    return str(context.writer.run(op).value)


def import_all(service: MetricsService, show_id: str, folder: Path) -> None:
    for name, text, encoding in (
        ("分钟趋势.csv", MINUTE_CSV, "gbk"),
        ("商品明细.csv", PRODUCT_CSV, "gbk"),
        ("流量来源.csv", TRAFFIC_CSV, "utf-8-sig"),
    ):
        service.import_file(show_id, write_csv(folder / name, text, encoding), "抖音罗盘", SHOW_DAY)
