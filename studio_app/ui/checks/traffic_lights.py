"""The row of lamps, one per probe, and the big verdict sign."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from studio_app.probes.labels import probe_label, status_label
from studio_app.probes.result import ProbeResult, ProbeStatus
from studio_app.probes.verdict import Verdict
from studio_app.ui import theme

STATUS_COLOURS = {
    ProbeStatus.PASS: theme.GO,
    ProbeStatus.WARN: theme.WARN,
    ProbeStatus.FAIL: theme.FAIL,
    ProbeStatus.ERROR: theme.FAIL,
    ProbeStatus.SKIPPED: theme.MUTED,
}
IDLE_COLOUR = "#3a4152"
RUNNING_COLOUR = "#5dade2"


class Lamp(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = IDLE_COLOUR
        self.setFixedSize(QSize(22, 22))

    def set_colour(self, colour: str) -> None:
        self.colour = colour
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#11141b"))
        painter.setBrush(QColor(self.colour))
        painter.drawEllipse(2, 2, 18, 18)
        painter.end()


class ProbeLight(QWidget):
    """Lamp + probe name + status word; the tooltip carries the result's message."""

    def __init__(self, probe: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.probe = probe
        self.status: ProbeStatus | None = None
        self.lamp = Lamp()
        self.name = QLabel(probe_label(probe))
        self.name.setStyleSheet("font-weight: 600;")
        self.state = QLabel(self.tr("not run"))
        self.state.setStyleSheet(f"color: {theme.MUTED};")
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.name)
        text.addWidget(self.state)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 10, 4)
        layout.addWidget(self.lamp)
        layout.addLayout(text)

    def set_running(self) -> None:
        self.status = None
        self.lamp.set_colour(RUNNING_COLOUR)
        self.state.setText(self.tr("checking…"))
        self.state.setStyleSheet(f"color: {RUNNING_COLOUR};")
        self.setToolTip("")

    def set_idle(self) -> None:
        self.status = None
        self.lamp.set_colour(IDLE_COLOUR)
        self.state.setText(self.tr("not run"))
        self.state.setStyleSheet(f"color: {theme.MUTED};")

    def set_result(self, result: ProbeResult) -> None:
        self.status = result.status
        colour = STATUS_COLOURS[result.status]
        self.lamp.set_colour(colour)
        self.state.setText(status_label(result.status))
        self.state.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.setToolTip(result.message)


class TrafficLightRow(QWidget):
    PROBES = ("camera", "lighting", "mic", "network", "hotspot", "failover")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lights = {probe: ProbeLight(probe) for probe in self.PROBES}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for light in self.lights.values():
            layout.addWidget(light)
        layout.addStretch(1)

    def set_running(self, probes: set[str]) -> None:
        for name, light in self.lights.items():
            if name in probes:
                light.set_running()
            else:
                light.set_idle()

    def set_result(self, result: ProbeResult) -> None:
        light = self.lights.get(result.probe)
        if light is not None:
            light.set_result(result)

    def status_of(self, probe: str) -> ProbeStatus | None:
        return self.lights[probe].status


class VerdictSign(QLabel):
    """GO / GO with warnings / NO-GO, large, in the verdict's colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verdict: Verdict | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumWidth(200)
        self.clear_verdict()

    def _style(self, colour: str, text_colour: str = "#0d1017") -> None:
        self.setStyleSheet(
            f"background: {colour}; color: {text_colour}; border-radius: 8px; padding: 8px 18px;"
            "font-size: 20pt; font-weight: 700;"
        )

    def clear_verdict(self) -> None:
        self.verdict = None
        self.setText(self.tr("Not checked"))
        self._style("#2a3040", theme.MUTED)

    def set_running(self) -> None:
        self.verdict = None
        self.setText(self.tr("Checking…"))
        self._style("#2a3040", RUNNING_COLOUR)

    def set_verdict(self, verdict: Verdict) -> None:
        self.verdict = verdict
        colour = {Verdict.GO: theme.GO, Verdict.WARN: theme.WARN, Verdict.NO_GO: theme.FAIL}[verdict]
        self.setText(verdict.label())
        self._style(colour, "#0d1017" if verdict is not Verdict.NO_GO else "#ffffff")
