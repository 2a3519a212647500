"""The failover drill's button on the device-check tab: runs the drill on a pool thread (it takes up to
~25 s and must never block the window), refuses while a show is on air (the drill takes the main line
away), and hands the stored run to the panel."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from studio_app.probes.profile import StudioProfile
from studio_app.probes.service import CheckService, SavedRun
from studio_app.ui.workers import run_in_thread


class DrillButton(QPushButton):
    started = Signal()
    finished = Signal(object)  # SavedRun
    failed = Signal(str)

    def __init__(
        self,
        service: CheckService,
        profile: Callable[[], StudioProfile],
        on_air: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Failover drill"), parent)
        self._service = service
        self._profile = profile
        self._on_air = on_air
        # The show selected in the script runner, which the drill is stored with (the show day sets it).
        self.selected_show: Callable[[], str | None] = lambda: None
        self._cancel: threading.Event | None = None
        self.setToolTip(
            self.tr(
                "Takes the main line away (with administrator rights; otherwise binds to the hotspot) and "
                "checks that the stream reaches the ingest over the backup hotspot, and how fast it switches."
            )
        )
        self.clicked.connect(self.start)

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def start(self) -> None:
        if self.running:
            return
        if self._on_air():
            self.failed.emit(self.tr("Not while the show is on air: the drill takes the main line away."))
            return
        self._cancel = threading.Event()
        self.setEnabled(False)
        self.setText(self.tr("Drill running…"))
        self.started.emit()
        run_in_thread(
            self._service.run_drill,
            self._profile(),
            source="gui",
            show_id=self.selected_show(),
            cancel=self._cancel,
            on_result=self._done,
            on_error=self._error,
        )

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _reset(self) -> None:
        self._cancel = None
        self.setEnabled(True)
        self.setText(self.tr("Failover drill"))

    def _done(self, saved: SavedRun) -> None:
        self._reset()
        self.finished.emit(saved)

    def _error(self, exc: BaseException) -> None:
        self._reset()
        self.failed.emit(str(exc))
