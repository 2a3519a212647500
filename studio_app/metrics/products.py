"""Product tables (商品明细 of 抖音罗盘 / 巨量百应): a row per product over a show. Public API:

- :class:`ProductRow`: one product's numbers (``product_id`` as text, money in fen, ``None`` = not in
  the file);
- :func:`load_product_table` ``(path) -> ParsedProducts``: read, detect the columns and parse, all rows
  or a :class:`~studio_app.metrics.imports.MetricImportError` naming the first bad line;
- :func:`detect_product_mapping` and :func:`parse_products` for callers that show the mapping first.

Product ids are 19 digits: they are kept exactly as the file writes them. A spreadsheet that turned one
into a number in scientific notation (``3.71235E+18``) has already lost digits, so such a cell is refused
with a message that says how to export it as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from studio_app.i18n import translate
from studio_app.metrics.columns import ProductField, TableKind, recognise_product_column
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

PRODUCT_NUMBER_KINDS: dict[str, FieldKind] = {
    f.value: FieldKind.MONEY_FEN if f.value.endswith("_fen") else FieldKind.COUNT
    for f in ProductField
    if f not in (ProductField.PRODUCT_ID, ProductField.NAME)
}
_ID_RE = re.compile(r"[0-9A-Za-z_\-]{1,40}")
_SCIENTIFIC_RE = re.compile(r"\d(?:\.\d+)?e\+?\d+", re.IGNORECASE)
# Exports keep Excel from turning an id into a number with a leading tab, a quote or ="…".
_ID_WRAPPERS = re.compile(r'^(?:=?"(.*)"|\'(.*))$')


@dataclass(frozen=True)
class ProductRow:
    """One product over a show. ``product_id`` is the platform's id as text ("" when the file has none);
    counts are people (人数) unless named ``*_cnt``; money is fen."""

    product_id: str
    name: str
    explain_cnt: int | None = None  # 讲解次数
    exposure_ucnt: int | None = None  # 商品曝光人数
    click_ucnt: int | None = None  # 商品点击人数
    pay_order_cnt: int | None = None  # 成交订单数
    pay_item_cnt: int | None = None  # 成交件数
    pay_ucnt: int | None = None  # 成交人数
    pay_gmv_fen: int | None = None  # 成交金额
    refund_gmv_fen: int | None = None  # 退款金额

    @property
    def key(self) -> str:
        """What identifies the product within a show: its id, or its name when the file has no ids."""
        return self.product_id or f"name:{self.name}"


@dataclass(frozen=True)
class ParsedProducts:
    table: RawTable
    mapping: KeyedMapping
    rows: tuple[ProductRow, ...]
    warnings: tuple[str, ...] = ()
    # The file line of each row, for a caller that reads a column of its own beside (the live room's 库存).
    lines: tuple[int, ...] = ()


def parse_product_id(cell: Cell) -> str:
    """The id exactly as written; ``CellError`` for an id a spreadsheet already rounded, or none."""
    if isinstance(cell, bool):
        raise CellError(translate("DataImport", "not a product id: {value}").format(value=cell))
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, float):
        # A float holds 15-17 significant digits: a 19-digit id in it is already rounded.
        if cell.is_integer() and abs(cell) < 2**53:
            return str(int(cell))
        raise CellError(_rounded_id_message(repr(cell)))
    text = "" if cell is None else str(cell).strip()
    wrapped = _ID_WRAPPERS.match(text)
    if wrapped:
        text = (wrapped.group(1) or wrapped.group(2) or "").strip()
    if _SCIENTIFIC_RE.fullmatch(text):
        raise CellError(_rounded_id_message(text))
    if not _ID_RE.fullmatch(text):
        raise CellError(translate("DataImport", "not a product id: {value}").format(value=text or "∅"))
    return text


def _rounded_id_message(value: str) -> str:
    return translate(
        "DataImport",
        "the product id {value} was turned into a number and lost digits; "
        "export the table again, or format the 商品ID column as text",
    ).format(value=value)


def detect_product_mapping(headers: tuple[str, ...], remembered: KeyedMapping | None = None) -> KeyedMapping:
    return detect_keyed_mapping(TableKind.PRODUCTS, headers, recognise_product_column, remembered)


def parse_products(table: RawTable, mapping: KeyedMapping) -> ParsedProducts:
    """Every product row, or :class:`MetricImportError` naming the first bad line (a bad id, a bad
    number, the same product twice)."""
    id_header = mapping.header_for(ProductField.PRODUCT_ID)
    name_header = mapping.header_for(ProductField.NAME)
    if id_header is None and name_header is None:
        raise MetricImportError(
            translate(
                "DataImport", "Choose the column that holds the product id (商品ID) or name (商品名称)."
            )
        )
    text_fields = {ProductField.PRODUCT_ID.value: parse_product_id, ProductField.NAME.value: plain_text}
    keyed, warnings = parse_keyed_rows(
        table,
        mapping,
        text_fields,
        PRODUCT_NUMBER_KINDS,
        negative_means_refund=frozenset({ProductField.REFUND_GMV_FEN.value}),
    )
    rows: list[ProductRow] = []
    lines: list[int] = []
    seen: dict[str, int] = {}
    errors: list[RowError] = []
    for row in keyed:
        product_id = row.texts.get(ProductField.PRODUCT_ID.value, "")
        name = row.texts.get(ProductField.NAME.value, "") or product_id
        product = ProductRow(product_id=product_id, name=name, **row.numbers)  # type: ignore[arg-type]
        if product.key in seen:
            errors.append(duplicate_error(row.line, id_header or name_header or "", seen[product.key]))
            continue
        seen[product.key] = row.line
        rows.append(product)
        lines.append(row.line)
    raise_row_errors(errors)
    return ParsedProducts(table, mapping, tuple(rows), warnings, tuple(lines))


def load_product_table(path: Path, mapping: KeyedMapping | None = None) -> ParsedProducts:
    """Read a product table (CSV in UTF-8 or GBK, or XLSX) and parse every row."""
    table = read_table(path)
    return parse_products(table, mapping or detect_product_mapping(table.headers))
