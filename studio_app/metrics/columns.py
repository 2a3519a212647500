"""The kinds of table a studio downloads and the column names that tell them apart.

A 罗盘 / 巨量百应 download is one of three shapes: the minute trend table (a row per minute, see
``metrics.imports``), the product table (a row per product: 商品ID, 商品名称, 商品点击人数 ...) and the
traffic-source table (a row per channel: 自然推荐, 千川 ...). The header row says which: each kind has names
no other kind uses (时间 / 商品ID / 渠道). Pure data and string functions; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import TypeVar

F = TypeVar("F", bound=StrEnum)
_UNIT_RE = re.compile(r"[（(]([^）)]*)[）)]")


def normalise_header(text: str) -> str:
    """Lower case, no spaces or dashes, no unit in brackets: ``成交金额(元)`` → ``成交金额``."""
    text = _UNIT_RE.sub("", str(text)).strip().lower()
    return re.sub(r"[\s\-_]+", "", text)


def header_unit(text: str) -> str:
    """The unit in brackets (``元``, ``%``, ``秒``), lower case; ``""`` when there is none."""
    match = _UNIT_RE.search(str(text))
    return match.group(1).strip().lower() if match else ""


class TableKind(StrEnum):
    MINUTES = "minutes"  # 分钟趋势: a row per minute
    PRODUCTS = "products"  # 商品明细: a row per product
    TRAFFIC = "traffic"  # 流量来源: a row per channel


class ProductField(StrEnum):
    """The columns of a product table. ``*_ucnt`` people (人数), ``*_cnt`` times; money in fen."""

    PRODUCT_ID = "product_id"  # 商品ID: 19 digits, kept as text
    NAME = "name"  # 商品名称
    EXPLAIN_CNT = "explain_cnt"  # 讲解次数
    EXPOSURE_UCNT = "exposure_ucnt"  # 商品曝光人数
    CLICK_UCNT = "click_ucnt"  # 商品点击人数
    PAY_ORDER_CNT = "pay_order_cnt"  # 成交订单数
    PAY_ITEM_CNT = "pay_item_cnt"  # 成交件数
    PAY_UCNT = "pay_ucnt"  # 成交人数
    PAY_GMV_FEN = "pay_gmv_fen"  # 成交金额
    REFUND_GMV_FEN = "refund_gmv_fen"  # 退款金额


class TrafficField(StrEnum):
    CHANNEL = "channel"  # 渠道 / 流量来源
    WATCH_UCNT = "watch_ucnt"  # 观看人数
    WATCH_CNT = "watch_cnt"  # 观看次数
    PAY_UCNT = "pay_ucnt"  # 成交人数
    PAY_ORDER_CNT = "pay_order_cnt"  # 成交订单数
    PAY_GMV_FEN = "pay_gmv_fen"  # 成交金额
    SPEND_FEN = "spend_fen"  # 消耗 (paid channels): the ad spend


# Compared after normalise_header. Rates the platforms print (商品点击率, 点击-成交转化率) are recognised, so
# they help find the header row, but not imported: the review computes them from the counts, exactly.
PRODUCT_ALIASES: Mapping[ProductField, tuple[str, ...]] = {
    ProductField.PRODUCT_ID: (
        "商品ID",
        "商品id",
        "商品编号",
        "商品编码",
        "product_id",
        "productid",
        "item_id",
    ),
    ProductField.NAME: ("商品名称", "商品标题", "商品名", "商品", "product_name", "productname", "title"),
    ProductField.EXPLAIN_CNT: ("讲解次数", "讲解", "explain_cnt", "explanations"),
    ProductField.EXPOSURE_UCNT: (
        "商品曝光人数",
        "曝光人数",
        "product_show_ucnt",
        "exposure_ucnt",
        "exposures",
    ),
    ProductField.CLICK_UCNT: ("商品点击人数", "点击人数", "product_click_ucnt", "click_ucnt", "clicks"),
    ProductField.PAY_ORDER_CNT: ("成交订单数", "成交单数", "支付订单数", "pay_order_cnt", "orders"),
    ProductField.PAY_ITEM_CNT: ("成交件数", "成交商品件数", "支付件数", "pay_item_cnt", "items"),
    ProductField.PAY_UCNT: ("成交人数", "支付人数", "pay_ucnt", "buyers"),
    ProductField.PAY_GMV_FEN: ("成交金额", "支付金额", "商品成交金额", "gmv", "pay_gmv"),
    ProductField.REFUND_GMV_FEN: ("退款金额", "商品退款金额", "refund_gmv", "refunds"),
}
PRODUCT_RATE_NAMES = ("商品点击率", "点击率", "点击成交转化率", "点击转化率", "成交转化率", "click_rate")

TRAFFIC_ALIASES: Mapping[TrafficField, tuple[str, ...]] = {
    TrafficField.CHANNEL: (
        "渠道",
        "流量来源",
        "流量渠道",
        "来源渠道",
        "来源",
        "渠道名称",
        "channel",
        "source",
    ),
    TrafficField.WATCH_UCNT: ("观看人数", "进入人数", "进入直播间人数", "watch_ucnt", "viewers"),
    TrafficField.WATCH_CNT: ("观看次数", "进入次数", "watch_cnt", "views"),
    TrafficField.PAY_UCNT: ("成交人数", "支付人数", "pay_ucnt", "buyers"),
    TrafficField.PAY_ORDER_CNT: ("成交订单数", "成交单数", "pay_order_cnt", "orders"),
    TrafficField.PAY_GMV_FEN: ("成交金额", "支付金额", "gmv", "pay_gmv"),
    TrafficField.SPEND_FEN: ("消耗", "花费", "投放消耗", "广告消耗", "spend", "cost"),
}
TRAFFIC_RATE_NAMES = ("观看占比", "人数占比", "占比", "成交占比", "share")


def _index(aliases: Mapping[F, tuple[str, ...]]) -> dict[str, F]:
    return {normalise_header(alias): key for key, aliases_ in aliases.items() for alias in aliases_}


_PRODUCT_INDEX = _index(PRODUCT_ALIASES)
_TRAFFIC_INDEX = _index(TRAFFIC_ALIASES)
_RATE_NAMES = {normalise_header(n) for n in (*PRODUCT_RATE_NAMES, *TRAFFIC_RATE_NAMES)}


def recognise_product_column(header: str) -> ProductField | None:
    found = _PRODUCT_INDEX.get(normalise_header(header))
    return ProductField(found) if found is not None else None


def recognise_traffic_column(header: str) -> TrafficField | None:
    found = _TRAFFIC_INDEX.get(normalise_header(header))
    return TrafficField(found) if found is not None else None


def is_known_name(header: str) -> bool:
    """A product-, traffic- or rate-column name (the minute table's names are known to ``imports``)."""
    name = normalise_header(header)
    return name in _PRODUCT_INDEX or name in _TRAFFIC_INDEX or name in _RATE_NAMES


def detect_kind(headers: Sequence[str], minute_shaped: bool) -> TableKind:
    """Which table a header row belongs to. ``minute_shaped``: it has both a time and an online-viewers
    column (a minute table; product and traffic tables may carry a 日期 column, never 在线人数). A product-id
    column makes a product table; a product-name or channel column in a table that is not minute-shaped
    makes a product or traffic table; anything else is read as the minute table, whose dialog then asks
    for the time column."""
    products = [recognise_product_column(h) for h in headers]
    if ProductField.PRODUCT_ID in products or (ProductField.NAME in products and not minute_shaped):
        return TableKind.PRODUCTS
    if not minute_shaped and any(recognise_traffic_column(h) is TrafficField.CHANNEL for h in headers):
        return TableKind.TRAFFIC
    return TableKind.MINUTES


def keyed_field_label(kind: TableKind, field: str) -> str:
    """A product- or traffic-table field's name for people, translated. (The two enums share values such
    as ``pay_ucnt``, so they are looked up per kind.)"""
    from studio_app.i18n import translate

    products = {
        ProductField.PRODUCT_ID: translate("Fields", "Product id (商品ID)"),
        ProductField.NAME: translate("Fields", "Product name (商品名称)"),
        ProductField.EXPLAIN_CNT: translate("Fields", "Times explained (讲解次数)"),
        ProductField.EXPOSURE_UCNT: translate("Fields", "Product exposure, people (商品曝光人数)"),
        ProductField.CLICK_UCNT: translate("Fields", "Product clicks, people (商品点击人数)"),
        ProductField.PAY_ORDER_CNT: translate("Fields", "Orders (成交订单数)"),
        ProductField.PAY_ITEM_CNT: translate("Fields", "Items sold (成交件数)"),
        ProductField.PAY_UCNT: translate("Fields", "Buyers (成交人数)"),
        ProductField.PAY_GMV_FEN: translate("Fields", "GMV, yuan (成交金额)"),
        ProductField.REFUND_GMV_FEN: translate("Fields", "Refunds, yuan (退款金额)"),
    }
    traffic = {
        TrafficField.CHANNEL: translate("Fields", "Channel (渠道)"),
        TrafficField.WATCH_UCNT: translate("Fields", "Viewers (观看人数)"),
        TrafficField.WATCH_CNT: translate("Fields", "Views (观看次数)"),
        TrafficField.PAY_UCNT: translate("Fields", "Buyers (成交人数)"),
        TrafficField.PAY_ORDER_CNT: translate("Fields", "Orders (成交订单数)"),
        TrafficField.PAY_GMV_FEN: translate("Fields", "GMV, yuan (成交金额)"),
        TrafficField.SPEND_FEN: translate("Fields", "Ad spend, yuan (消耗)"),
    }
    if kind is TableKind.PRODUCTS:
        return products[ProductField(field)]
    return traffic[TrafficField(field)]


def fields_of(kind: TableKind) -> tuple[str, ...]:
    """The field values a product or traffic table can map its columns to."""
    return tuple(f.value for f in (ProductField if kind is TableKind.PRODUCTS else TrafficField))
