"""The live room's numbers: the room minute by minute, and each product's running totals.

Per-product numbers come through :data:`ProductTableReader`, so the product-table parser of the data area
can replace :func:`read_product_table` (a stand-in that knows the usual 巨量百应 headers) without the rules
noticing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from studio_app.i18n import translate
from studio_app.metrics.imports import MetricImportError, read_table
from studio_app.metrics.samples import Sample


@dataclass(frozen=True)
class RoomPoint:
    """The room at one moment: a snapshot of viewers and dwell, interactions during the minute from ``at``."""

    at: datetime
    online_viewers: int | None = None
    avg_watch_seconds: float | None = None
    interactions: int | None = None  # comments + likes + shares in the minute

    @classmethod
    def from_sample(cls, sample: Sample) -> RoomPoint:
        return cls(sample.at, sample.online_viewers, sample.avg_watch_seconds)


@dataclass(frozen=True)
class ProductNumbers:
    """One product's running totals for the show so far, as a product table reports them."""

    key: str  # the platform's product id, or the name when the table has no id
    name: str
    exposures: int = 0
    clicks: int = 0
    orders: int = 0
    gmv_fen: int = 0
    stock: int | None = None  # 库存 when the table has it
    link_no: int | None = None

    @property
    def click_rate(self) -> float | None:
        return self.clicks / self.exposures if self.exposures else None


@dataclass(frozen=True)
class ProductTable:
    """Every product's totals at one moment."""

    at: datetime
    products: tuple[ProductNumbers, ...]


class ProductTableError(ValueError):
    """A file that is not a product table (the message names the file and what is missing; translated)."""


ProductTableReader = Callable[[Path, datetime], ProductTable]

# Header words → field; the first match wins, so "商品点击率" (a rate) must not be read as clicks.
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("商品id", "key"),
    ("product_id", "key"),
    ("商品名称", "name"),
    ("商品标题", "name"),
    ("name", "name"),
    ("链接序号", "link_no"),  # not "商品链接", which is the product page's address
    ("链接号", "link_no"),
    ("序号", "link_no"),
    ("曝光人数", "exposures"),
    ("exposures", "exposures"),
    ("点击率", ""),
    ("点击人数", "clicks"),
    ("clicks", "clicks"),
    ("成交订单数", "orders"),
    ("orders", "orders"),
    ("成交金额", "gmv"),
    ("gmv", "gmv"),
    ("库存", "stock"),
    ("stock", "stock"),
)


def is_product_table(headers: Sequence[str]) -> bool:
    fields = {_field(h) for h in headers}
    return "name" in fields and "clicks" in fields


def _field(header: str) -> str:
    text = re.sub(r"[\s()（）]|元", "", header).lower()
    return next((field for word, field in _COLUMNS if word in text), "")


def _count(cell: object) -> int:
    """ "1,234", "1.2万", "-" (none) and Excel numbers; money in yuan is read by :func:`_yuan_fen`."""
    return int(_decimal(cell))


def _yuan_fen(cell: object) -> int:
    return int((_decimal(cell) * 100).quantize(Decimal(1)))


def _decimal(cell: object) -> Decimal:
    if cell is None:
        return Decimal(0)
    text = re.sub(r"[,，\s¥￥元]", "", str(cell))
    if text in ("", "-", "--", "—"):
        return Decimal(0)
    factor = Decimal(10000) if text.endswith("万") else Decimal(1)
    try:
        return Decimal(text.rstrip("万")) * factor
    except InvalidOperation as exc:
        raise ValueError(text) from exc


def read_product_table(path: Path, at: datetime) -> ProductTable:
    """A CSV/XLSX product table: 商品ID, 商品名称, 商品曝光人数, 商品点击人数, 成交订单数, 成交金额(元),
    库存."""
    try:
        table = read_table(path)
    except MetricImportError as exc:
        raise ProductTableError(str(exc)) from exc
    columns = {index: _field(header) for index, header in enumerate(table.headers)}
    if not is_product_table(table.headers):
        raise ProductTableError(
            translate(
                "LiveRoom", "{name} is not a product table: it needs 商品名称 and 商品点击人数."
            ).format(name=path.name)
        )
    products = []
    for line, cells in table.rows:
        values: dict[str, object] = {}
        for index, cell in enumerate(cells):
            field = columns.get(index, "")
            if field and field not in values:
                values[field] = cell
        name = str(values.get("name") or "").strip()
        if not name or name in ("合计", "总计"):
            continue
        try:
            link = values.get("link_no")
            products.append(
                ProductNumbers(
                    key=str(values.get("key") or name).strip(),
                    name=name,
                    exposures=_count(values.get("exposures")),
                    clicks=_count(values.get("clicks")),
                    orders=_count(values.get("orders")),
                    gmv_fen=_yuan_fen(values.get("gmv")),
                    stock=_count(values["stock"]) if values.get("stock") not in (None, "", "-") else None,
                    link_no=_count(link) if link not in (None, "", "-") else None,
                )
            )
        except ValueError as exc:
            raise ProductTableError(
                translate("LiveRoom", "{name}, line {line}: not a number: {value}").format(
                    name=path.name, line=line, value=exc
                )
            ) from exc
    return ProductTable(at, tuple(products))


def product_from_json(item: Mapping[str, object]) -> ProductNumbers:
    """One product of the live room's JSON drop file; money ``gmv`` in yuan."""
    name = str(item.get("name") or "").strip()
    if not name:
        raise ValueError(translate("LiveRoom", "a product needs a name"))
    link = item.get("link_no")
    stock = item.get("stock")
    return ProductNumbers(
        key=str(item.get("id") or name),
        name=name,
        exposures=_count(item.get("exposures")),
        clicks=_count(item.get("clicks")),
        orders=_count(item.get("orders")),
        gmv_fen=_yuan_fen(item.get("gmv")),
        stock=None if stock is None else _count(stock),
        link_no=None if link is None else _count(link),
    )
