"""Traffic-source tables (流量来源): a row per channel with its viewers and sales over a show.

A channel is paid when its name says so (千川, 随心推, DOU+, 付费, 广告 ...); everything else (自然推荐, 关注,
搜索, 短视频引流, 个人主页 ...) is natural traffic. The review splits viewers and GMV on that.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studio_app.i18n import translate
from studio_app.metrics.columns import TableKind, TrafficField, recognise_traffic_column
from studio_app.metrics.imports import (
    Cell,
    CellError,
    MetricImportError,
    RawTable,
    RowError,
    raise_row_errors,
    read_table,
)
from studio_app.metrics.keyed import (
    KeyedMapping,
    detect_keyed_mapping,
    duplicate_error,
    parse_keyed_rows,
    plain_text,
)
from studio_app.metrics.samples import FieldKind

PAID_WORDS = (
    "千川",
    "随心推",
    "dou+",
    "付费",
    "广告",
    "投放",
    "竞价",
    "品销",
    "巨量",
    "qianchuan",
    "paid",
    "ads",
)
TRAFFIC_NUMBER_KINDS: dict[str, FieldKind] = {
    f.value: FieldKind.MONEY_FEN if f.value.endswith("_fen") else FieldKind.COUNT
    for f in TrafficField
    if f is not TrafficField.CHANNEL
}
_MAX_CHANNEL = 80


def is_paid_channel(name: str) -> bool:
    lowered = name.lower()
    return any(word in lowered for word in PAID_WORDS)


@dataclass(frozen=True)
class TrafficRow:
    channel: str
    paid: bool
    watch_ucnt: int | None = None  # 观看人数
    watch_cnt: int | None = None  # 观看次数
    pay_ucnt: int | None = None  # 成交人数
    pay_order_cnt: int | None = None  # 成交订单数
    pay_gmv_fen: int | None = None  # 成交金额
    spend_fen: int | None = None  # 消耗


@dataclass(frozen=True)
class ParsedTraffic:
    table: RawTable
    mapping: KeyedMapping
    rows: tuple[TrafficRow, ...]
    warnings: tuple[str, ...] = ()


def _channel(cell: Cell) -> str:
    text = plain_text(cell)
    if len(text) > _MAX_CHANNEL:
        raise CellError(
            translate("DataImport", "a channel name longer than {n} characters").format(n=_MAX_CHANNEL)
        )
    return text


def detect_traffic_mapping(headers: tuple[str, ...], remembered: KeyedMapping | None = None) -> KeyedMapping:
    return detect_keyed_mapping(TableKind.TRAFFIC, headers, recognise_traffic_column, remembered)


def parse_traffic(table: RawTable, mapping: KeyedMapping) -> ParsedTraffic:
    """Every channel row, or :class:`MetricImportError` naming the first bad line."""
    channel_header = mapping.header_for(TrafficField.CHANNEL)
    if channel_header is None:
        raise MetricImportError(translate("DataImport", "Choose the column that names the channel (渠道)."))
    keyed, warnings = parse_keyed_rows(
        table, mapping, {TrafficField.CHANNEL.value: _channel}, TRAFFIC_NUMBER_KINDS
    )
    rows: list[TrafficRow] = []
    seen: dict[str, int] = {}
    errors: list[RowError] = []
    for row in keyed:
        channel = row.texts[TrafficField.CHANNEL.value]
        if channel in seen:
            errors.append(duplicate_error(row.line, channel_header, seen[channel]))
            continue
        seen[channel] = row.line
        rows.append(TrafficRow(channel=channel, paid=is_paid_channel(channel), **row.numbers))  # type: ignore[arg-type]
    raise_row_errors(errors)
    return ParsedTraffic(table, mapping, tuple(rows), warnings)


def load_traffic_table(path: Path, mapping: KeyedMapping | None = None) -> ParsedTraffic:
    table = read_table(path)
    return parse_traffic(table, mapping or detect_traffic_mapping(table.headers))
