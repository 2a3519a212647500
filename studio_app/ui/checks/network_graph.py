"""Uplink over time: RTT (live from the on-air watch and from each check) and upload per check."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from studio_app.ui import theme

LIVE_POINTS = 3600  # an hour of 1-per-second RTT samples; preallocated, updated in place


class NetworkGraph(pg.GraphicsLayoutWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("#12151d")
        self.setMinimumHeight(170)
        self.rtt_plot = self.addPlot(row=0, col=0, axisItems={"bottom": pg.DateAxisItem()})
        self.rtt_plot.setLabel("left", self.tr("RTT (ms)"))
        self.rtt_plot.showGrid(x=True, y=True, alpha=0.2)
        self.upload_plot = self.addPlot(row=1, col=0, axisItems={"bottom": pg.DateAxisItem()})
        self.upload_plot.setLabel("left", self.tr("Upload (Mbit/s)"))
        self.upload_plot.showGrid(x=True, y=True, alpha=0.2)
        self.upload_plot.setXLink(self.rtt_plot)
        for plot in (self.rtt_plot, self.upload_plot):
            plot.setClipToView(True)
            plot.setDownsampling(auto=True, mode="peak")
        self._live_t = np.zeros(LIVE_POINTS)
        self._live_rtt = np.zeros(LIVE_POINTS)
        self._live_n = 0
        self.live_curve = self.rtt_plot.plot(pen=pg.mkPen(theme.GO, width=1.5))
        self.check_rtt = self.rtt_plot.plot(pen=None, symbol="o", symbolSize=7, symbolBrush=theme.WARN)
        self.upload = self.upload_plot.plot(
            pen=pg.mkPen("#5dade2", width=1.5), symbol="o", symbolSize=7, symbolBrush="#5dade2"
        )
        self.fail_line = pg.InfiniteLine(
            angle=0, pen=pg.mkPen(theme.FAIL, style=pg.QtCore.Qt.PenStyle.DashLine)
        )
        self.upload_plot.addItem(self.fail_line)

    def set_check_series(
        self,
        rtt: list[tuple[float, float]],
        upload: list[tuple[float, float]],
        upload_fail_mbps: float,
    ) -> None:
        """Points from stored checks, as (epoch seconds, value)."""
        if rtt:
            t, v = zip(*rtt, strict=True)
            self.check_rtt.setData(np.asarray(t), np.asarray(v))
        else:
            self.check_rtt.setData([], [])
        if upload:
            t, v = zip(*upload, strict=True)
            self.upload.setData(np.asarray(t), np.asarray(v))
        else:
            self.upload.setData([], [])
        self.fail_line.setValue(upload_fail_mbps)

    def add_live_rtt(self, epoch_s: float, rtt_ms: float | None) -> None:
        if rtt_ms is None:
            return
        if self._live_n == LIVE_POINTS:  # keep the newest hour
            self._live_t[:-1] = self._live_t[1:]
            self._live_rtt[:-1] = self._live_rtt[1:]
            self._live_n -= 1
        self._live_t[self._live_n] = epoch_s
        self._live_rtt[self._live_n] = rtt_ms
        self._live_n += 1
        self.live_curve.setData(self._live_t[: self._live_n], self._live_rtt[: self._live_n])

    @property
    def live_count(self) -> int:
        return self._live_n
