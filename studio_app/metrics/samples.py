"""The metric fields a studio tracks and the value every part of the data area passes around.

Field names follow the platforms' own API names (抖音罗盘 / 巨量百应: ``watch_ucnt``, ``pay_gmv`` ...) so a
technician can match them to an export by eye. ``*_ucnt`` counts people (人数), ``*_cnt`` counts times (次数);
both are kept when a file has both. Money is integer fen (分).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from enum import StrEnum


class MetricField(StrEnum):
    ONLINE_VIEWERS = "online_viewers"  # 在线人数 (a snapshot, not a sum)
    ROOM_SHOW_UCNT = "room_show_ucnt"  # 直播间曝光人数
    WATCH_UCNT = "watch_ucnt"  # 进入人数
    WATCH_CNT = "watch_cnt"  # 进入次数
    LEAVE_UCNT = "leave_ucnt"  # 离开人数
    LEAVE_CNT = "leave_cnt"  # 离开次数
    AVG_WATCH_SECONDS = "avg_watch_seconds"  # 平均停留时长
    PRODUCT_SHOW_UCNT = "product_show_ucnt"  # 商品曝光人数
    PRODUCT_SHOW_CNT = "product_show_cnt"  # 商品曝光次数
    PRODUCT_CLICK_UCNT = "product_click_ucnt"  # 商品点击人数
    PRODUCT_CLICK_CNT = "product_click_cnt"  # 商品点击次数
    PAY_UCNT = "pay_ucnt"  # 成交人数
    PAY_ORDER_CNT = "pay_order_cnt"  # 成交订单数
    PAY_GMV_FEN = "pay_gmv_fen"  # 成交金额
    REFUND_GMV_FEN = "refund_gmv_fen"  # 退款金额
    INCR_FANS_CNT = "incr_fans_cnt"  # 新增粉丝
    COMMENT_CNT = "comment_cnt"  # 评论次数
    COMMENT_UCNT = "comment_ucnt"  # 评论人数
    LIKE_CNT = "like_cnt"  # 点赞次数
    SHARE_CNT = "share_cnt"  # 分享次数
    FANS_CLUB_UCNT = "fans_club_ucnt"  # 新加粉丝团


# The room's interaction (评论, 点赞, 分享, 粉丝团): in the minute tables of some exports, not in others.
INTERACTION_FIELDS = (
    MetricField.COMMENT_CNT,
    MetricField.COMMENT_UCNT,
    MetricField.LIKE_CNT,
    MetricField.SHARE_CNT,
    MetricField.FANS_CLUB_UCNT,
)


class FieldKind(StrEnum):
    COUNT = "count"
    MONEY_FEN = "money_fen"
    SECONDS = "seconds"


FIELD_KIND: dict[MetricField, FieldKind] = {
    f: (
        FieldKind.MONEY_FEN
        if f.value.endswith("_fen")
        else FieldKind.SECONDS
        if f is MetricField.AVG_WATCH_SECONDS
        else FieldKind.COUNT
    )
    for f in MetricField
}


@dataclass(frozen=True, slots=True)
class Sample:
    """One interval's numbers. Sums (counts, money) happened during the interval that starts at ``at``;
    ``online_viewers`` is the number online at ``at``. ``None`` means "not in the source", not zero."""

    at: datetime
    online_viewers: int | None = None
    room_show_ucnt: int | None = None
    watch_ucnt: int | None = None
    watch_cnt: int | None = None
    leave_ucnt: int | None = None
    leave_cnt: int | None = None
    avg_watch_seconds: float | None = None
    product_show_ucnt: int | None = None
    product_show_cnt: int | None = None
    product_click_ucnt: int | None = None
    product_click_cnt: int | None = None
    pay_ucnt: int | None = None
    pay_order_cnt: int | None = None
    pay_gmv_fen: int | None = None
    refund_gmv_fen: int | None = None
    incr_fans_cnt: int | None = None
    comment_cnt: int | None = None
    comment_ucnt: int | None = None
    like_cnt: int | None = None
    share_cnt: int | None = None
    fans_club_ucnt: int | None = None

    def get(self, field: MetricField) -> int | float | None:
        value: int | float | None = getattr(self, field.value)
        return value

    def values_by_name(self) -> dict[str, int | float]:
        """The fields this sample has, by attribute name (for ``dataclasses.replace``)."""
        return {f.value: v for f, v in self.values().items()}

    def values(self) -> dict[MetricField, int | float]:
        """The fields this sample has (not ``None``)."""
        out: dict[MetricField, int | float] = {}
        for f in MetricField:
            v = self.get(f)
            if v is not None:
                out[f] = v
        return out


SAMPLE_FIELD_NAMES = tuple(f.name for f in fields(Sample) if f.name != "at")
assert tuple(f.value for f in MetricField) == SAMPLE_FIELD_NAMES, (
    "Sample and MetricField must list the same fields"
)


def field_label(field: MetricField) -> str:
    """The field's name for people: the platform's Chinese term with an English gloss, translated."""
    from studio_app.i18n import translate

    labels = {
        MetricField.ONLINE_VIEWERS: translate("Fields", "Online viewers (在线人数)"),
        MetricField.ROOM_SHOW_UCNT: translate("Fields", "Room exposure, people (直播间曝光人数)"),
        MetricField.WATCH_UCNT: translate("Fields", "Entered, people (进入人数)"),
        MetricField.WATCH_CNT: translate("Fields", "Entered, times (进入次数)"),
        MetricField.LEAVE_UCNT: translate("Fields", "Left, people (离开人数)"),
        MetricField.LEAVE_CNT: translate("Fields", "Left, times (离开次数)"),
        MetricField.AVG_WATCH_SECONDS: translate("Fields", "Average dwell, s (平均停留时长)"),
        MetricField.PRODUCT_SHOW_UCNT: translate("Fields", "Product exposure, people (商品曝光人数)"),
        MetricField.PRODUCT_SHOW_CNT: translate("Fields", "Product exposure, times (商品曝光次数)"),
        MetricField.PRODUCT_CLICK_UCNT: translate("Fields", "Product clicks, people (商品点击人数)"),
        MetricField.PRODUCT_CLICK_CNT: translate("Fields", "Product clicks, times (商品点击次数)"),
        MetricField.PAY_UCNT: translate("Fields", "Buyers (成交人数)"),
        MetricField.PAY_ORDER_CNT: translate("Fields", "Orders (成交订单数)"),
        MetricField.PAY_GMV_FEN: translate("Fields", "GMV, yuan (成交金额)"),
        MetricField.REFUND_GMV_FEN: translate("Fields", "Refunds, yuan (退款金额)"),
        MetricField.INCR_FANS_CNT: translate("Fields", "New followers (新增粉丝)"),
        MetricField.COMMENT_CNT: translate("Fields", "Comments, times (评论次数)"),
        MetricField.COMMENT_UCNT: translate("Fields", "Comments, people (评论人数)"),
        MetricField.LIKE_CNT: translate("Fields", "Likes (点赞次数)"),
        MetricField.SHARE_CNT: translate("Fields", "Shares (分享次数)"),
        MetricField.FANS_CLUB_UCNT: translate("Fields", "New fan-club members (新加粉丝团)"),
    }
    return labels[field]
