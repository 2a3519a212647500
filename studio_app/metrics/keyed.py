"""Tables with a row per thing (product, channel) rather than per minute: mapping and row parsing.

Shared by ``metrics.products`` and ``metrics.traffic``. Cells are read as in the minute table
(``imports.parse_number``: "-", "1.2万", thousands separators, ¥, units in the header); a 合计 row is
skipped with a warning; any bad row refuses the whole file, naming its line.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from studio_app.i18n import translate
from studio_app.metrics.columns import TableKind, header_unit
from studio_app.metrics.imports import (
    Cell,
    CellError,
    MetricImportError,
    RawTable,
    RowError,
    cell_count_error,
    is_blank,
    is_summary_cell,
    parse_number,
    raise_row_errors,
)
from studio_app.metrics.samples import FieldKind


@dataclass(frozen=True)
class KeyedMapping:
    """Which header holds which field (a field's ``value``) of a product or traffic table."""

    kind: TableKind
    fields: tuple[tuple[str, str], ...]

    def field_for(self, header: str) -> str | None:
        return next((f for h, f in self.fields if h == header), None)

    def header_for(self, field: str) -> str | None:
        return next((h for h, f in self.fields if f == field), None)

    def to_json(self) -> str:
        return json.dumps({"kind": self.kind.value, "fields": dict(self.fields)}, ensure_ascii=False)

    @staticmethod
    def from_json(text: str) -> KeyedMapping:
        data = json.loads(text)
        return KeyedMapping(
            TableKind(data["kind"]), tuple((str(h), str(f)) for h, f in data["fields"].items())
        )


def detect_keyed_mapping(
    kind: TableKind,
    headers: Sequence[str],
    recognise: Callable[[str], StrEnum | None],
    remembered: KeyedMapping | None = None,
) -> KeyedMapping:
    """The remembered mapping for the headers it knows, then the usual names; the first column naming a
    field wins."""
    chosen: dict[str, str] = {}
    if remembered is not None and remembered.kind is kind:
        for h, f in remembered.fields:
            if h in headers and f not in chosen.values() and h not in chosen:
                chosen[h] = f
    for h in headers:
        found = recognise(h)
        if h and h not in chosen and found is not None and found.value not in chosen.values():
            chosen[h] = found.value
    order = {h: i for i, h in enumerate(headers)}
    return KeyedMapping(kind, tuple(sorted(chosen.items(), key=lambda p: order[p[0]])))


@dataclass(frozen=True)
class KeyedRow:
    line: int
    texts: Mapping[str, str]
    numbers: Mapping[str, int | None]


def parse_keyed_rows(
    table: RawTable,
    mapping: KeyedMapping,
    text_fields: Mapping[str, Callable[[Cell], str]],
    number_kinds: Mapping[str, FieldKind],
    negative_means_refund: frozenset[str] = frozenset(),
) -> tuple[tuple[KeyedRow, ...], tuple[str, ...]]:
    """Every data row's texts and numbers (``None``: empty cell or no column), plus warnings; raises
    :class:`MetricImportError` naming the first bad line when any row is bad (nothing is returned then).

    ``text_fields`` read the text columns (raising ``CellError`` for a bad cell); a row whose text cells
    are all empty, or start with 合计, is a summary row. Fields in ``negative_means_refund`` may be
    negative (some exports print refunds as negative money); others may not.
    """
    columns = [(table.headers.index(h), h, f) for h, f in mapping.fields if h in table.headers]
    text_columns = [c for c in columns if c[2] in text_fields]
    if not text_columns:
        raise MetricImportError(translate("DataImport", "Choose the column that names each row's item."))
    width = len(table.headers)
    errors: list[RowError] = []
    warnings: list[str] = []
    rows: list[KeyedRow] = []
    for line, cells in table.rows:
        text_cells = [cells[i] if i < len(cells) else None for i, _h, _f in text_columns]
        if any(is_summary_cell(c) for c in text_cells) or is_blank(text_cells):
            warnings.append(translate("DataImport", "Line {line}: summary row skipped.").format(line=line))
            continue
        problem = cell_count_error(line, cells, width)
        if problem is not None:
            errors.append(problem)
            continue
        texts: dict[str, str] = {}
        numbers: dict[str, int | None] = {}
        row_ok = True
        for index, header, name in columns:
            cell = cells[index]
            try:
                if name in text_fields:
                    texts[name] = text_fields[name](cell)
                    continue
                kind = number_kinds[name]
                value = parse_number(cell, kind, header_unit(header))
            except CellError as exc:
                errors.append(RowError(line, header, str(exc)))
                row_ok = False
                continue
            if value is not None and value < 0 and name in negative_means_refund:
                value = -value
            if value is not None and value < 0:
                errors.append(
                    RowError(
                        line, header, translate("DataImport", "negative value: {value}").format(value=cell)
                    )
                )
                row_ok = False
                continue
            numbers[name] = None if value is None else int(value)
        if row_ok:
            rows.append(KeyedRow(line, texts, numbers))
    raise_row_errors(errors)
    if not rows:
        raise MetricImportError(translate("DataImport", "The file has a header but no data rows."))
    return tuple(rows), tuple(warnings)


def plain_text(cell: Cell) -> str:
    """A name cell as text (numbers a spreadsheet typed are written without a trailing ``.0``)."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def duplicate_error(line: int, header: str, other_line: int) -> RowError:
    return RowError(
        line, header, translate("DataImport", "the same item as line {other}").format(other=other_line)
    )
