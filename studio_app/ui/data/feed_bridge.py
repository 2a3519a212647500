"""Brings the live feed's batches to the GUI thread: the feed only queues and wakes; this drains."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from studio_app.clock import Clock
from studio_app.metrics.live_feed import LiveFeed
from studio_app.metrics.service import MetricsService


class FeedBridge(QObject):
    samples_arrived = Signal(str, object)  # show id, tuple of samples; on the GUI thread
    _wake = Signal()  # emitted on the feed's thread; delivered queued

    def __init__(self, service: MetricsService, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.feed = LiveFeed(service, clock, notify=self._wake.emit)
        self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def _drain(self) -> None:
        for batch in self.feed.drain():
            self.samples_arrived.emit(batch.show_id, batch.samples)
