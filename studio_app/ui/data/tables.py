"""Read-only tables of the data room's review views: one look, filled from rows of cells, and the number
formats their cells share."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from studio_app.metrics.review import Unit, format_metric_value
from studio_app.money import fen_to_yuan


def make_table(headers: Sequence[str], stretch_column: int = -1) -> QTableWidget:
    """``stretch_column`` takes the spare width (the last column by default; a name column reads better)."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch_column < 0:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return table


def cell(text: str, align_right: bool = False, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def fill_table(table: QTableWidget, rows: Sequence[Sequence[QTableWidgetItem]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, item in enumerate(cells):
            table.setItem(r, c, item)


def count_text(value: float | None) -> str:
    return format_metric_value(None if value is None else round(value, 1), Unit.COUNT)


def ratio_text(value: float | None) -> str:
    return format_metric_value(value, Unit.RATIO)


def yuan_text(fen: float | None) -> str:
    return format_metric_value(None if fen is None else fen_to_yuan(round(fen)), Unit.YUAN)
