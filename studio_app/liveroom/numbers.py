"""The live room's numbers: the room minute by minute, and each product's running totals.

Product tables are read by the data area's parser (:func:`studio_app.metrics.products.parse_products`:
ids kept exactly, the same cell rules and the same bad-line errors as an import); the room adds only the
stock column (库存), which matters while the show runs and is not kept for the review.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from studio_app.i18n import translate
from studio_app.metrics.columns import header_unit, normalise_header
from studio_app.metrics.imports import Cell, CellError, RowError, parse_number, raise_row_errors
from studio_app.metrics.products import ParsedProducts, ProductRow, parse_product_id
from studio_app.metrics.samples import FieldKind, Sample

STOCK_HEADERS = frozenset(normalise_header(h) for h in ("库存", "剩余库存", "可售库存", "stock"))


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

    key: str  # as ProductRow.key: the platform's product id, or the name when the table has no id
    name: str
    exposures: int = 0
    clicks: int = 0
    orders: int = 0
    gmv_fen: int = 0
    stock: int | None = None  # 库存 when the table has it
    product_id: str = ""  # links the product to its script card (Product.platform_id), else the name does

    @property
    def click_rate(self) -> float | None:
        return self.clicks / self.exposures if self.exposures else None


@dataclass(frozen=True)
class ProductTable:
    """Every product's totals at one moment."""

    at: datetime
    products: tuple[ProductNumbers, ...]


def product_numbers(row: ProductRow, stock: int | None = None) -> ProductNumbers:
    return ProductNumbers(
        key=row.key,
        name=row.name,
        exposures=row.exposure_ucnt or 0,
        clicks=row.click_ucnt or 0,
        orders=row.pay_order_cnt or 0,
        gmv_fen=row.pay_gmv_fen or 0,
        stock=stock,
        product_id=row.product_id,
    )


def product_table(parsed: ParsedProducts, at: datetime) -> ProductTable:
    """A parsed product table as the room sees it, with the stock column read beside it;
    ``MetricImportError`` naming the line of a stock cell that is not a count."""
    headers = parsed.table.headers
    column = next((i for i, h in enumerate(headers) if normalise_header(h) in STOCK_HEADERS), None)
    cells = dict(parsed.table.rows)
    products, errors = [], []
    for row, line in zip(parsed.rows, parsed.lines, strict=True):
        stock = None
        if column is not None:
            try:
                stock = _count(cells[line][column], header_unit(headers[column]))
            except CellError as exc:
                errors.append(RowError(line, headers[column], str(exc)))
        products.append(product_numbers(row, stock))
    raise_row_errors(errors)
    return ProductTable(at, tuple(products))


def _count(cell: Cell, unit: str = "", kind: FieldKind = FieldKind.COUNT) -> int | None:
    """A count or money cell as an import reads it ("1.2万", "1,300", "-"); a negative one is an error."""
    value = parse_number(cell, kind, unit)
    if value is not None and value < 0:
        raise CellError(translate("DataImport", "negative value: {value}").format(value=cell))
    return None if value is None else int(value)


def product_from_json(item: Mapping[str, object]) -> ProductNumbers:
    """One product of the live room's JSON drop file; money ``gmv`` in yuan. Numbers are read as an
    import's cells; ``ValueError`` names the key of a bad one."""
    name = str(item.get("name") or "").strip()
    if not name:
        raise ValueError(translate("LiveRoom", "a product needs a name"))

    def cell(key: str) -> Cell:
        value = item.get(key)
        return value if value is None or isinstance(value, str | int | float) else str(value)

    values: dict[str, int | None] = {}
    try:
        product_id = "" if item.get("id") is None else parse_product_id(cell("id"))
        for key in ("exposures", "clicks", "orders", "stock"):
            values[key] = _count(cell(key))
        values["gmv"] = _count(cell("gmv"), kind=FieldKind.MONEY_FEN)
    except CellError as exc:
        raise ValueError(f"{name}: {exc}") from exc
    return product_numbers(
        ProductRow(
            product_id=product_id,
            name=name,
            exposure_ucnt=values["exposures"],
            click_ucnt=values["clicks"],
            pay_order_cnt=values["orders"],
            pay_gmv_fen=values["gmv"],
        ),
        values["stock"],
    )
