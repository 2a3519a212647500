"""The on-air alert banner: what went wrong during the show, and what to do now."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from studio_app.probes.result import ProbeStatus
from studio_app.probes.watch import WatchAlert
from studio_app.ui import theme


class AlertBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.label)
        self.alerts: list[WatchAlert] = []
        self.setVisible(False)

    def set_alerts(self, alerts: Sequence[WatchAlert]) -> None:
        self.alerts = list(alerts)
        if not alerts:
            self.setVisible(False)
            return
        failing = any(a.status in (ProbeStatus.FAIL, ProbeStatus.ERROR) for a in alerts)
        colour = theme.FAIL if failing else theme.WARN
        self.setStyleSheet(
            f"AlertBanner {{ background: {colour}; border-radius: 6px; }}"
            f"QLabel {{ color: {'#ffffff' if failing else '#0d1017'}; font-size: 12pt; }}"
        )
        lines = [f"<b>⚠ {a.message}</b> {a.fix}" for a in alerts]
        self.label.setText("<br>".join(lines))
        self.setVisible(True)
