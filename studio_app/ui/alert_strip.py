"""The main window's alert strip: every on-air alert that stands, from whichever tab is shown, each with
its own Acknowledge button. It reads the stored alerts, so it shows what the watch raised wherever it
runs, and it reloads only when a write (or a sync round) touches them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studio_app.probes.labels import alert_label
from studio_app.probes.service import ALERT_TABLES, CheckService, OpenAlert
from studio_app.store.handle import StoreHandle
from studio_app.store.writer import Changes
from studio_app.ui import theme
from studio_app.ui.workers import change_feed, run_in_thread


class AlertStrip(QFrame):
    refreshed = Signal()  # the open alerts were reloaded (tests wait on it)
    failed = Signal(str)

    def __init__(self, handle: StoreHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = CheckService(handle)
        self.alerts: tuple[OpenAlert, ...] = ()
        self.ack_buttons: dict[str, QPushButton] = {}
        self._busy = False
        self._stale = False
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(12, 6, 12, 6)
        self.setStyleSheet(
            f"AlertStrip {{ background: {theme.FAIL}; }} QLabel {{ color: #ffffff; font-size: 12pt; }}"
        )
        self.setVisible(False)
        change_feed(handle.writer).changed.connect(self._on_changes)
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*ALERT_TABLES):
            self.refresh()

    def refresh(self) -> None:
        if self._busy:
            self._stale = True  # one more read once this one is in
            return
        self._busy = True
        run_in_thread(self._service.open_alerts, on_result=self._show, on_error=self._read_failed)

    def _read_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.failed.emit(str(exc))

    def _show(self, alerts: Sequence[OpenAlert]) -> None:
        self._busy = False
        if self._stale:
            self._stale = False
            self.refresh()
            return
        self.alerts = tuple(alerts)
        while (item := self._rows.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.ack_buttons = {}
        for alert in self.alerts:
            self._rows.addWidget(self._row(alert))
        self.setVisible(bool(self.alerts))
        self.refreshed.emit()

    def _row(self, alert: OpenAlert) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        since = alert.raised_at.astimezone().strftime("%H:%M:%S")
        text = self.tr("⚠ {kind} since {since}: {message}").format(
            kind=alert_label(alert.kind), since=since, message=alert.message
        )
        layout.addWidget(QLabel(text), 1)
        button = QPushButton(self.tr("Acknowledge"))
        button.clicked.connect(lambda _checked=False, alert_id=alert.id: self.acknowledge(alert_id))
        layout.addWidget(button)
        self.ack_buttons[alert.id] = button
        return row

    def acknowledge(self, alert_id: str) -> None:
        if (button := self.ack_buttons.get(alert_id)) is not None:
            button.setEnabled(False)  # one click is enough; the row goes once the write is in
        run_in_thread(self._service.acknowledge_alert, alert_id, on_error=self._read_failed)
