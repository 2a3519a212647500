"""The rundown: one row per segment with planned, estimated and actual time, and the product card below."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio_app.promo.clock import format_mm_ss
from studio_app.promo.onair_text import product_card
from studio_app.promo.rules import reads_over_plan
from studio_app.promo.session import OnAirSession, SessionPhase
from studio_app.script.model import Script
from studio_app.script.reading import ScriptEstimate, estimate_script


class RundownList(QWidget):
    segment_chosen = Signal(int)  # double-clicked: go there

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._estimated: tuple[Script, float, ScriptEstimate] | None = None
        self.rundown = QTableWidget(0, 6)
        self.rundown.setObjectName("rundown")
        self.rundown.setHorizontalHeaderLabels(
            [
                self.tr("#"),
                self.tr("Type"),
                self.tr("Segment"),
                self.tr("Planned"),
                self.tr("Estimated"),
                self.tr("Actual"),
            ]
        )
        self.rundown.verticalHeader().setVisible(False)
        self.rundown.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rundown.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.rundown.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.rundown.cellDoubleClicked.connect(lambda row, _col: self.segment_chosen.emit(row))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.product_card = QLabel()
        self.product_card.setObjectName("productCard")
        self.product_card.setWordWrap(True)
        self.product_card.setTextFormat(Qt.TextFormat.RichText)
        self.product_card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        product_box = QGroupBox(self.tr("Product card"))
        QVBoxLayout(product_box).addWidget(self.product_card)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.rundown, 3)
        layout.addWidget(self.summary)
        layout.addWidget(product_box, 2)

    def show_script(self, script: Script | None, session: OnAirSession | None) -> None:
        self._show_rows(script, session)
        product = script.product_for(session.segment) if script and session else None
        live = session.board.stock.get(product.link_no) if product is not None and session else None
        self.product_card.setText(product_card(product, live))

    def _show_rows(self, script: Script | None, session: OnAirSession | None) -> None:
        """Rows are rebuilt only where what they show changed: the controller reports every key press
        (a speed step, a scroll), and rebuilding all rows each time delayed the host's prompter."""
        if script is None:
            self.rundown.setRowCount(0)
            self._rows = []
            self.summary.setText("")
            return
        rate = session.base_cpm if session else float(script.meta_int("rate", 260))
        if self._estimated is None or self._estimated[0] is not script or self._estimated[1] != rate:
            self._estimated = (script, rate, estimate_script(script, rate))
        estimate = self._estimated[2]
        actual: dict[int, float] = {}
        if session is not None:
            for run in session.runs:
                if run.duration_s is not None:
                    actual[run.index] = actual.get(run.index, 0.0) + run.duration_s
        current = session.segment_index if session else -1
        rows: list[_Row] = []
        for row, (segment, est) in enumerate(zip(script.segments, estimate.segments, strict=True)):
            marker = "▶ " if row == current and session and session.phase is SessionPhase.ON_AIR else ""
            cells = (
                f"{marker}{row + 1}",
                segment.kind.label_zh,
                segment.title,
                format_mm_ss(round(est.planned_s)),
                format_mm_ss(round(est.estimated_s)),
                format_mm_ss(round(actual[row])) if row in actual else "",
            )
            over = round(est.over_s) if reads_over_plan(est) else None
            rows.append(_Row(cells, row == current, over))
        if len(rows) != self.rundown.rowCount():
            self.rundown.setRowCount(len(rows))
            self._rows = []
        for row, shown in enumerate(rows):
            if row < len(self._rows) and self._rows[row] == shown:
                continue
            self._set_row(row, shown)
        self._rows = rows
        self.summary.setText(
            self.tr("Planned {planned} · estimated {estimated} at {rate:.0f} chars/min").format(
                planned=format_mm_ss(round(estimate.total_planned_s)),
                estimated=format_mm_ss(round(estimate.total_estimated_s)),
                rate=rate,
            )
        )

    def _set_row(self, row: int, shown: _Row) -> None:
        bold = QFont(self.rundown.font())
        bold.setBold(True)
        for column, text in enumerate(shown.cells):
            item = QTableWidgetItem(text)
            if shown.current:
                item.setFont(bold)
                item.setBackground(QColor(55, 120, 200, 70))
            if column == 4 and shown.over_s is not None:
                item.setForeground(QColor("#e5484d"))
                item.setToolTip(
                    self.tr("The text takes {s:.0f} s longer to read than planned").format(s=shown.over_s)
                )
            self.rundown.setItem(row, column, item)


@dataclass(frozen=True)
class _Row:
    cells: tuple[str, ...]
    current: bool
    over_s: int | None  # seconds the text reads over its plan, when that is too much
