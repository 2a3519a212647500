"""Device-check history: microphone noise floor and upload bandwidth over the last 30 days."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from studio_app.ui.data.timeseries import TimeSeriesChart


class HistoryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.noise_chart = TimeSeriesChart(self.tr("Microphone noise floor (dBFS)"), "#f5b041")
        self.upload_chart = TimeSeriesChart(self.tr("Upload bandwidth (Mbps)"), "#6ab0ff")
        for chart in (self.noise_chart, self.upload_chart):
            chart.getPlotItem().listDataItems()[0].setSymbol("o")
            chart.getPlotItem().listDataItems()[0].setSymbolSize(5)
            chart.setMouseEnabled(x=True, y=True)
        self.empty_label = QLabel(self.tr("No device checks in the last 30 days."))
        self.empty_label.setProperty("role", "muted")
        charts = QHBoxLayout()
        charts.addWidget(self.noise_chart)
        charts.addWidget(self.upload_chart)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addLayout(charts, 1)

    def show_history(
        self, noise: Sequence[tuple[float, float]], upload: Sequence[tuple[float, float]]
    ) -> None:
        for chart, points in ((self.noise_chart, noise), (self.upload_chart, upload)):
            arr = np.array(points, dtype=np.float64).reshape(-1, 2)
            chart.set_series(arr[:, 0], arr[:, 1])
            chart.flush()
            if len(arr):
                chart.getPlotItem().enableAutoRange(axis=pg.ViewBox.XYAxes)
        self.empty_label.setVisible(not noise and not upload)
