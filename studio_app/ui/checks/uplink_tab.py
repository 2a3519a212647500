"""The uplink tab: holds the RTT/upload graph, built the first time the tab is shown.

pyqtgraph takes about a quarter of a second to import; the app's start should not pay that for a tab
the technician may never open. Data that arrives before then is kept and replayed.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from studio_app.ui.checks.network_graph import NetworkGraph

LIVE_POINTS_KEPT = 3600  # as many as the graph keeps


class UplinkTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._graph: NetworkGraph | None = None
        self._series: tuple[list[tuple[float, float]], list[tuple[float, float]], float] | None = None
        self._live: deque[tuple[float, float | None]] = deque(maxlen=LIVE_POINTS_KEPT)

    @property
    def graph(self) -> NetworkGraph:
        if self._graph is None:
            from studio_app.ui.checks.network_graph import NetworkGraph

            self._graph = NetworkGraph(self)
            self._layout.addWidget(self._graph)
            if self._series is not None:
                self._graph.set_check_series(*self._series)
            for epoch_s, rtt_ms in self._live:
                self._graph.add_live_rtt(epoch_s, rtt_ms)
            self._live.clear()
        return self._graph

    def set_check_series(
        self, rtt: list[tuple[float, float]], upload: list[tuple[float, float]], upload_fail_mbps: float
    ) -> None:
        if self._graph is None:
            self._series = (rtt, upload, upload_fail_mbps)
        else:
            self._graph.set_check_series(rtt, upload, upload_fail_mbps)

    def add_live_rtt(self, epoch_s: float, rtt_ms: float | None) -> None:
        if self._graph is None:
            self._live.append((epoch_s, rtt_ms))
        else:
            self._graph.add_live_rtt(epoch_s, rtt_ms)

    def showEvent(self, event: QShowEvent) -> None:
        self.graph  # noqa: B018 - building it is the point
        super().showEvent(event)
