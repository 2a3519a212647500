"""The compliance records view: signed reviews per show and per date range, exported as CSV or PDF.

Records of deleted shows stay listed (they are kept three years); nothing here can delete one.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio_app.script.compliance import ComplianceRecord
from studio_app.script.records_report import (
    accepted_text,
    checked_at_text,
    records_html,
    show_text,
    terms_text,
    write_records_csv,
)
from studio_app.script.service import ScriptService
from studio_app.shows import ShowSummary
from studio_app.ui.workers import run_in_thread

DEFAULT_RANGE_DAYS = 30


class ComplianceRecordsDialog(QDialog):
    loaded = Signal()  # the table shows the records of the chosen show and days (tests wait on it)

    def __init__(self, service: ScriptService, show_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complianceRecords")
        self.setWindowTitle(self.tr("Compliance records"))
        self.resize(980, 520)
        self._service = service
        self._wanted_show = show_id
        self.records: tuple[ComplianceRecord, ...] = ()

        self.show_combo = QComboBox()
        self.show_combo.setMinimumWidth(240)
        self.show_combo.addItem(self.tr("All shows"), None)
        self.range_check = QCheckBox(self.tr("Checked between"))
        today = QDate.currentDate()
        self.from_edit = QDateEdit(today.addDays(-DEFAULT_RANGE_DAYS))
        self.to_edit = QDateEdit(today)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self.reload)
        self.range_check.toggled.connect(self.from_edit.setEnabled)
        self.range_check.toggled.connect(self.to_edit.setEnabled)
        self.range_check.toggled.connect(self.reload)
        self.show_combo.currentIndexChanged.connect(self.reload)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show")))
        filters.addWidget(self.show_combo, 1)
        filters.addWidget(self.range_check)
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel("—"))
        filters.addWidget(self.to_edit)

        columns = (
            self.tr("Checked at"),
            self.tr("Show"),
            self.tr("Reviewer"),
            self.tr("Accepted"),
            self.tr("Forbidden"),
            self.tr("Terms"),
            self.tr("Note"),
        )
        self.table = QTableWidget(0, len(columns))
        self.table.setObjectName("complianceRecordsTable")
        self.table.setHorizontalHeaderLabels(columns)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)

        self.count_label = QLabel()
        csv_button = QPushButton(self.tr("Export CSV…"))
        csv_button.clicked.connect(lambda: self.choose_export("csv"))
        pdf_button = QPushButton(self.tr("Export PDF…"))
        pdf_button.clicked.connect(lambda: self.choose_export("pdf"))
        close_button = QPushButton(self.tr("Close"))
        close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(csv_button)
        bottom.addWidget(pdf_button)
        bottom.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        run_in_thread(service.list_shows, on_result=self._on_shows, on_error=self._on_error)

    # ---- loading ---------------------------------------------------------------------------------------

    def _on_shows(self, shows: list[ShowSummary]) -> None:
        self.show_combo.blockSignals(True)
        for show in shows:
            self.show_combo.addItem(show.title, show.id)
        index = self.show_combo.findData(self._wanted_show) if self._wanted_show else 0
        self.show_combo.setCurrentIndex(max(0, index))
        self.show_combo.blockSignals(False)
        self.reload()

    def chosen_days(self) -> tuple[date | None, date | None]:
        if not self.range_check.isChecked():
            return None, None
        return self.from_edit.date().toPython(), self.to_edit.date().toPython()  # type: ignore[return-value]

    def reload(self) -> None:
        first, last = self.chosen_days()
        run_in_thread(
            self._service.list_records,
            self.show_combo.currentData(),
            first,
            last,
            on_result=self._on_records,
            on_error=self._on_error,
        )

    def _on_records(self, records: tuple[ComplianceRecord, ...]) -> None:
        self.records = records
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            cells = (
                checked_at_text(record),
                show_text(record),
                record.checked_by,
                accepted_text(record),
                str(record.forbidden),
                terms_text(record),
                record.note,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 3 and not record.accepted:
                    item.setForeground(QColor("#e5484d"))
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.count_label.setText(self.tr("{n} record(s)").format(n=len(records)))
        self.loaded.emit()

    def _on_error(self, exc: BaseException) -> None:
        self.count_label.setText(self.tr("Could not load the records: {error}").format(error=exc))

    # ---- exporting -------------------------------------------------------------------------------------

    def period_text(self) -> str:
        show = self.show_combo.currentText()
        first, last = self.chosen_days()
        if first is None or last is None:
            return show
        return self.tr("{show}, checked {first} to {last}").format(show=show, first=first, last=last)

    def choose_export(self, kind: str) -> None:
        stamp = QDate.currentDate().toString("yyyyMMdd")
        filter_text = self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("CSV (*.csv)")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export compliance records"), f"compliance-{stamp}.{kind}", filter_text
        )
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> Path | None:
        """Write the listed records as CSV or PDF (by the suffix). PDF layout needs the GUI thread."""
        try:
            if path.suffix.lower() == ".pdf":
                from studio_app.ui.checks.pdf import write_pdf  # Qt's PDF writer only when asked

                write_pdf(records_html(self.records, self.period_text()), path)
            else:
                write_records_csv(self.records, path)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Export"),
                self.tr("Cannot write {path}: {why}").format(path=path, why=exc.strerror or exc),
            )
            return None
        self.count_label.setText(self.tr("Written to {path}").format(path=path))
        return path
