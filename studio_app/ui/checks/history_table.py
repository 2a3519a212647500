"""Past check runs, newest first: when, verdict, each probe's status."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from studio_app.probes.labels import probe_label, status_label
from studio_app.probes.repo import RunSummary
from studio_app.probes.verdict import Verdict
from studio_app.ui import theme
from studio_app.ui.checks.traffic_lights import STATUS_COLOURS

PROBES = ("camera", "lighting", "mic", "network", "hotspot", "failover")
VERDICT_COLOURS = {Verdict.GO: theme.GO, Verdict.WARN: theme.WARN, Verdict.NO_GO: theme.FAIL}


class HistoryTable(QTableWidget):
    run_activated = Signal(str)  # run id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3 + len(PROBES), parent)
        self.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Verdict"), self.tr("Profile"), *(probe_label(p) for p in PROBES)]
        )
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.cellDoubleClicked.connect(self._activated)

    def set_runs(self, runs: Sequence[RunSummary]) -> None:
        self.setRowCount(len(runs))
        for row, run in enumerate(runs):
            when = QTableWidgetItem(run.started_at.astimezone().strftime("%m-%d %H:%M:%S"))
            when.setData(Qt.ItemDataRole.UserRole, run.id)
            verdict = QTableWidgetItem(run.verdict.label())
            verdict.setForeground(QColor(VERDICT_COLOURS[run.verdict]))
            self.setItem(row, 0, when)
            self.setItem(row, 1, verdict)
            self.setItem(row, 2, QTableWidgetItem(run.profile_name))
            statuses = dict(run.statuses)
            for col, probe in enumerate(PROBES, start=3):
                status = statuses.get(probe)
                item = QTableWidgetItem(status_label(status) if status else "—")
                if status:
                    item.setForeground(QColor(STATUS_COLOURS[status]))
                self.setItem(row, col, item)

    def selected_run_id(self) -> str | None:
        rows = self.selectionModel().selectedRows()
        return self._run_id(rows[0].row()) if rows else None

    def _run_id(self, row: int) -> str | None:
        item = self.item(row, 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _activated(self, row: int, _col: int) -> None:
        run_id = self._run_id(row)
        if run_id:
            self.run_activated.emit(run_id)
