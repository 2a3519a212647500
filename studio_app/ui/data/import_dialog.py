"""Import a platform export: pick the file, check which column is which, import all or nothing.

The file's header says what kind of table it is (minute trend, products, traffic sources); the kind can be
changed, and each kind has its own fields and its own remembered mapping per source.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio_app.context import AppContext
from studio_app.metrics.columns import TableKind, fields_of, keyed_field_label
from studio_app.metrics.imports import (
    ColumnMapping,
    MetricImportError,
    RawTable,
    detect_mapping,
    detect_table_kind,
    read_table,
)
from studio_app.metrics.keyed import KeyedMapping
from studio_app.metrics.samples import MetricField, field_label
from studio_app.metrics.service import ImportResult, MetricsService
from studio_app.ui.workers import run_in_thread

_IGNORE = "__ignore__"
_TIME = "__time__"
PREVIEW_ROWS = 3


class ImportDialog(QDialog):
    table_loaded = Signal()
    imported = Signal(int)  # rows stored
    failed = Signal(str)

    def __init__(
        self, context: AppContext, show_id: str, show_day: date | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import platform data"))
        self.resize(900, 600)
        self._service = MetricsService(context)
        self._show_id = show_id
        self._table: RawTable | None = None
        self._remembered: dict[str, ColumnMapping | None] = {}

        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("A CSV or XLSX export from 抖音罗盘 / 巨量百应"))
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(choose)

        self.source_combo = QComboBox()
        self.source_combo.setEditable(True)
        self.source_combo.setEditText(self.tr("抖音罗盘"))
        self.source_combo.currentTextChanged.connect(self._source_changed)
        self.day_edit = QDateEdit()
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        day = show_day or context.clock.now().date()
        self.day_edit.setDate(QDate(day.year, day.month, day.day))
        self.day_edit.setToolTip(self.tr("Used when the file gives only times of day (20:01)"))

        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Minute trend (分钟趋势)"), TableKind.MINUTES.value)
        self.kind_combo.addItem(self.tr("Products (商品明细)"), TableKind.PRODUCTS.value)
        self.kind_combo.addItem(self.tr("Traffic sources (流量来源)"), TableKind.TRAFFIC.value)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._source_changed(""))

        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Table"), self.kind_combo)
        form.addRow(self.tr("Source (the mapping is remembered per source)"), self.source_combo)
        form.addRow(self.tr("Show date"), self.day_edit)

        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Read as"), self.tr("First values")]
        )
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.setColumnWidth(1, 300)
        self.mapping_table.verticalHeader().setVisible(False)

        self.status_label = QLabel(self.tr("Choose a file to see its columns."))
        self.status_label.setWordWrap(True)
        self.status_label.setProperty("role", "muted")

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.setEnabled(False)
        self.import_button.setProperty("primary", True)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.mapping_table, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        run_in_thread(self._service.known_sources, on_result=self._fill_sources)

    # -- sources and remembered mappings ------------------------------------------------------------

    def _fill_sources(self, sources: list[str]) -> None:
        current = self.source_combo.currentText()
        for name in sources:
            if self.source_combo.findText(name) < 0:
                self.source_combo.addItem(name)
        self.source_combo.setEditText(current)

    def _source_changed(self, _text: str) -> None:
        if self._table is not None:
            self._load_mapping_for_source()

    # -- file ----------------------------------------------------------------------------------------
    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import platform data"), "", self.tr("Exports (*.csv *.xlsx);;All files (*)")
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self.status_label.setText(self.tr("Reading {name}…").format(name=path.name))
        self.import_button.setEnabled(False)
        run_in_thread(read_table, path, on_result=self._table_read, on_error=self._show_error)

    def _table_read(self, table: RawTable) -> None:
        self._table = table
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(detect_table_kind(table.headers).value))
        self.kind_combo.blockSignals(False)
        self._load_mapping_for_source()

    def kind(self) -> TableKind:
        return TableKind(self.kind_combo.currentData())

    def _load_mapping_for_source(self) -> None:
        source = self.source_combo.currentText().strip()
        if self.kind() is TableKind.MINUTES:
            run_in_thread(
                self._service.remembered_mapping,
                source,
                on_result=self._fill_mapping,
                on_error=self._show_error,
            )
        elif self._table is not None:
            run_in_thread(
                self._service.propose_keyed_mapping,
                self._table,
                self.kind(),
                source,
                on_result=self._fill_keyed_mapping,
                on_error=self._show_error,
            )

    def _fill_mapping(self, remembered: ColumnMapping | None) -> None:
        table = self._table
        if table is None or self.kind() is not TableKind.MINUTES:
            return
        proposal = detect_mapping(table.headers, remembered)
        choices = [(self.tr("Time (时间)"), _TIME)] + [(field_label(f), f.value) for f in MetricField]

        def chosen(header: str) -> str:
            field = _TIME if header == proposal.time_column else proposal.field_for(header)
            return _IGNORE if field is None else str(field)

        self._fill_rows(table, choices, chosen)

    def _fill_keyed_mapping(self, proposal: KeyedMapping) -> None:
        table = self._table
        if table is None or self.kind() is not proposal.kind:
            return
        choices = [(keyed_field_label(proposal.kind, f), f) for f in fields_of(proposal.kind)]
        self._fill_rows(table, choices, lambda header: proposal.field_for(header) or _IGNORE)

    def _fill_rows(
        self, table: RawTable, choices: list[tuple[str, str]], chosen: Callable[[str], str]
    ) -> None:
        self.mapping_table.setRowCount(len(table.headers))
        for row, header in enumerate(table.headers):
            self.mapping_table.setItem(row, 0, QTableWidgetItem(header))
            combo = QComboBox()
            combo.addItem(self.tr("— ignore —"), _IGNORE)
            for label, value in choices:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen(header))))
            self.mapping_table.setCellWidget(row, 1, combo)
            samples = [
                "" if row >= len(cells) or cells[row] is None else str(cells[row])
                for _line, cells in table.rows[:PREVIEW_ROWS]
            ]
            self.mapping_table.setItem(row, 2, QTableWidgetItem("  |  ".join(samples)))
        self.status_label.setText(
            self.tr("{name}: {rows} rows, encoding {encoding}. Check the columns, then import.").format(
                name=table.file_name, rows=len(table.rows), encoding=table.encoding
            )
        )
        self.import_button.setEnabled(True)
        self.table_loaded.emit()

    def mapping(self) -> ColumnMapping:
        """The mapping as the user set it in the table (later duplicates of a field are dropped)."""
        time_column = ""
        fields: list[tuple[str, MetricField]] = []
        used: set[MetricField] = set()
        for row in range(self.mapping_table.rowCount()):
            header_item = self.mapping_table.item(row, 0)
            combo = self.mapping_table.cellWidget(row, 1)
            if header_item is None or not isinstance(combo, QComboBox):
                continue
            value = combo.currentData()
            if value == _TIME and not time_column:
                time_column = header_item.text()
            elif value not in (_IGNORE, _TIME):
                field = MetricField(value)
                if field not in used:
                    used.add(field)
                    fields.append((header_item.text(), field))
        return ColumnMapping(time_column, tuple(fields))

    def keyed_mapping(self) -> KeyedMapping:
        """A product or traffic table's mapping as the user set it (later duplicates dropped)."""
        fields: dict[str, str] = {}
        for row in range(self.mapping_table.rowCount()):
            header_item = self.mapping_table.item(row, 0)
            combo = self.mapping_table.cellWidget(row, 1)
            if header_item is None or not isinstance(combo, QComboBox):
                continue
            value = str(combo.currentData())
            if value != _IGNORE and value not in fields.values():
                fields[header_item.text()] = value
        return KeyedMapping(self.kind(), tuple(fields.items()))

    def set_column_field(self, header: str, value: str | None) -> None:
        """Choose what a column is read as (``None`` ignores it; ``"time"`` makes it the time column of a
        minute table; otherwise a field's value, e.g. ``"click_ucnt"``)."""
        data = _IGNORE if value is None else _TIME if value == "time" else str(value)
        for row in range(self.mapping_table.rowCount()):
            item = self.mapping_table.item(row, 0)
            combo = self.mapping_table.cellWidget(row, 1)
            if item is not None and item.text() == header and isinstance(combo, QComboBox):
                combo.setCurrentIndex(combo.findData(data))

    # -- import --------------------------------------------------------------------------------------
    def start_import(self) -> None:
        table = self._table
        if table is None:
            return
        source = self.source_combo.currentText().strip() or self.tr("Unnamed source")
        qdate = self.day_edit.date()
        day = date(qdate.year(), qdate.month(), qdate.day())
        self.import_button.setEnabled(False)
        self.status_label.setText(self.tr("Importing…"))
        kind = self.kind()
        if kind is TableKind.MINUTES:
            run_in_thread(
                self._service.import_table,
                self._show_id,
                table,
                self.mapping(),
                source,
                day,
                on_result=self._done,
                on_error=self._show_error,
            )
            return
        run_in_thread(
            self._service.import_keyed,
            self._show_id,
            table,
            self.keyed_mapping(),
            source,
            on_result=self._done,
            on_error=self._show_error,
        )

    def _done(self, result: ImportResult) -> None:
        self.status_label.setText(self.tr("Imported {n} rows.").format(n=result.rows))
        self.imported.emit(result.rows)
        self.accept()

    def _show_error(self, exc: BaseException) -> None:
        if isinstance(exc, MetricImportError):
            text = str(exc)
            extra = [
                self.tr("Line {line}: {column} {problem}").format(
                    line=e.line, column=e.column, problem=e.message
                )
                for e in exc.errors[1:6]
            ]
            if extra:
                text += "\n" + "\n".join(extra)
        elif isinstance(exc, OSError):
            text = self.tr("Cannot read the file: {reason}").format(reason=exc.strerror or exc)
        else:
            text = self.tr("The import failed; nothing was stored. Details are in the log.")
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #ff8080;")
        self.import_button.setEnabled(self._table is not None)
        self.failed.emit(text)
