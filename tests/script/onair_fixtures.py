"""A small hand-built script for the on-air tests (the parser has its own tests)."""

from __future__ import annotations

from decimal import Decimal

from studio_app.script.model import (
    Cue,
    EmergencyKind,
    EmergencyScript,
    Product,
    Script,
    Segment,
    SegmentKind,
)

HOST_TEXT = (
    "家人们晚上好，欢迎来到直播间！今天给大家准备了秋冬护肤专场，福利多多，先点个关注不迷路。"
    "我们先来看今天的第一款产品，这款保湿面霜质地轻薄，吸收很快，适合干皮和混干皮。"
)


def onair_script(paragraphs: int = 2) -> Script:
    text = HOST_TEXT * paragraphs
    return Script(
        title="秋季护肤专场",
        segments=(
            Segment(SegmentKind.OPENING, "开场 欢迎", 3, text),
            Segment(
                SegmentKind.PRODUCT,
                "1号链接 保湿面霜",
                8,
                text,
                assistant_cues=(Cue("场控", "1号链接上库存", 10),),
                product_ref=1,
            ),
            Segment(SegmentKind.GIVEAWAY, "福袋抽奖", 4, text),
            Segment(SegmentKind.PRODUCT, "2号链接 坚果礼盒", 8, text, product_ref=2),
            Segment(SegmentKind.WRAP_UP, "收尾", 2, text),
        ),
        products=(
            Product(
                "保湿面霜 50g",
                1,
                list_price=Decimal("199"),
                live_price=Decimal("89"),
                coupon="满99减10",
                stock=500,
            ),
            Product("每日坚果礼盒", 2, list_price=Decimal("129"), live_price=Decimal("69.9"), stock=1200),
        ),
        emergencies=(
            EmergencyScript(EmergencyKind.NETWORK_DROP, "网络卡顿", "家人们稍等，网络有点卡，马上回来！"),
            EmergencyScript(
                EmergencyKind.HOSTILE_COMMENT,
                "恶意评论",
                "理解您的心情，我们说清楚事实：价格以购物车为准。我们继续看下一款。",
            ),
        ),
        meta={"rate": "270", "promo_every": "15"},
    )
