"""The technician's to-do list: every problem of the run, worst first, each with what to do."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from studio_app.probes.labels import probe_label
from studio_app.probes.result import ProbeResult, ProbeStatus
from studio_app.probes.verdict import fix_list
from studio_app.ui.checks.traffic_lights import STATUS_COLOURS


class FixList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setSpacing(3)
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.show_placeholder(self.tr("Press “Run all checks” to check the studio."))

    def show_placeholder(self, text: str) -> None:
        self.clear()
        item = QListWidgetItem(text)
        item.setForeground(QColor("#8b93a7"))
        item.setData(Qt.ItemDataRole.UserRole, "")
        self.addItem(item)

    def set_results(self, results: Sequence[ProbeResult]) -> None:
        fixes = fix_list(results)
        if not fixes:
            self.clear()
            item = QListWidgetItem("✔ " + self.tr("Nothing to fix: every check passed."))
            item.setForeground(QColor(STATUS_COLOURS[ProbeStatus.PASS]))
            item.setData(Qt.ItemDataRole.UserRole, "")
            self.addItem(item)
            return
        self.clear()
        for probe, finding in fixes:
            text = f"{probe_label(probe)}: {finding.message}"
            if finding.fix:
                text += "\n→ " + finding.fix
            item = QListWidgetItem(("✖ " if finding.status != ProbeStatus.WARN else "⚠ ") + text)
            item.setForeground(QColor(STATUS_COLOURS[finding.status]))
            item.setData(Qt.ItemDataRole.UserRole, finding.code)
            self.addItem(item)

    def codes(self) -> list[str]:
        return [str(self.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.count())]

    def texts(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]
