"""The live feed as the app runs it: pushed samples are stored, then queued for whoever shows them.

The HTTP server calls :meth:`LiveFeed.receive` on their own threads. It stores the
samples through the service (the writer), puts the batch on a queue and calls ``notify``; the view drains
the queue on its own thread. So the feed never calls into a widget, and it runs headless in the CLI.
"""

from __future__ import annotations

import queue
from collections.abc import Callable, Sequence

from studio_app.clock import Clock
from studio_app.i18n import translate
from studio_app.metrics.feed import FeedBatch, FeedError, MetricsFeedServer
from studio_app.metrics.samples import Sample
from studio_app.metrics.service import MetricsService


class LiveFeed:
    def __init__(
        self, service: MetricsService, clock: Clock, notify: Callable[[], None] | None = None
    ) -> None:
        self._service = service
        self._clock = clock
        self._notify = notify
        self._queue: queue.SimpleQueue[FeedBatch] = queue.SimpleQueue()
        self._server: MetricsFeedServer | None = None
        # Samples that name no show go to this one (the show picked in the panel, or given to the CLI);
        # set from the view's thread, read on the feed's: a plain attribute, replaced whole.
        self.on_air_show_id: str | None = None

    @property
    def url(self) -> str | None:
        return self._server.url if self._server is not None else None

    def start(self, port: int) -> str:
        """Listen on loopback; ``OSError`` when the port cannot be opened. Returns the base URL."""
        if self._server is None:
            server = MetricsFeedServer(self.receive, self._clock, port=port)
            server.start()
            self._server = server
        return self._server.url

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    def receive(self, show_id: str | None, samples: Sequence[Sample]) -> int:
        """The feed's sink (any thread): store, queue for the view, wake it."""
        target = show_id or self.on_air_show_id
        if target is None:
            raise FeedError(translate("MetricsFeed", "No show is selected in the data panel."))
        count = self._service.add_feed_samples(target, samples)
        self._queue.put(FeedBatch(target, tuple(samples)))
        if self._notify is not None:
            self._notify()
        return count

    def drain(self) -> list[FeedBatch]:
        """Batches stored since the last call, oldest first."""
        batches = []
        while True:
            try:
                batches.append(self._queue.get_nowait())
            except queue.Empty:
                return batches
