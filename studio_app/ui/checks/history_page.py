"""The history tab: past runs (double-click one to show it) and the export of the run on screen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from studio_app.ui.checks.history_table import HistoryTable


class HistoryPage(QWidget):
    export_requested = Signal(str)  # "html" or "pdf"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = HistoryTable()
        export_html = QPushButton(self.tr("Export HTML…"))
        export_html.clicked.connect(lambda: self.export_requested.emit("html"))
        export_pdf = QPushButton(self.tr("Export PDF…"))
        export_pdf.clicked.connect(lambda: self.export_requested.emit("pdf"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        export_row = QHBoxLayout()
        export_row.addStretch(1)
        export_row.addWidget(export_html)
        export_row.addWidget(export_pdf)
        layout.addLayout(export_row)
