"""The status-bar badge: offline / syncing / up to date / last error, and how many changes wait.

Its context menu opens :class:`SyncConflictsDialog`, where the user keeps or restores versions that lost.

Sync runs in the background through ``run_in_thread`` on a timer (and on a click); the widget only renders
what the round and the store report. Tests and CI set ``STUDIO_APP_NO_NETWORK_SYNC=1`` to keep the timer off.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime, QLocale, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio_app.sync.conflicts import ConflictItem, keep_current, open_conflicts, restore_version
from studio_app.sync.report import SyncStatus
from studio_app.sync.status import (
    RoundResult,
    SyncSnapshot,
    background_sync_disabled,
    read_snapshot,
    sync_round,
)
from studio_app.ui.sync_labels import column_label, table_label, value_text
from studio_app.ui.workers import run_in_thread

SYNC_INTERVAL_MS = 60_000
REFRESH_INTERVAL_MS = 5_000

_COLOURS = {
    SyncStatus.OFF: "#8a8f98",
    SyncStatus.OFFLINE: "#8a8f98",
    SyncStatus.SYNCING: "#2f7de1",
    SyncStatus.UP_TO_DATE: "#2e9b57",
    SyncStatus.ERROR: "#d2452f",
}


class SyncStatusWidget(QWidget):
    sync_finished = Signal(object)  # RoundResult
    snapshot_changed = Signal(object)  # SyncSnapshot

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        # Off until the first snapshot says a server is set: a first run never shows "offline".
        self.status = SyncStatus.OFF
        self.message = ""
        self.snapshot: SyncSnapshot | None = None
        self._busy = False
        self._refreshing = False
        self._rounds = 0  # rounds finished in this session; before the first, say what we know instead
        self.dot = QLabel("●")
        self.label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(self.dot)
        layout.addWidget(self.label)
        self._reserve_width()
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self._render()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.timeout.connect(self.refresh)
        self._sync_timer = QTimer(self)
        self._sync_timer.timeout.connect(self.sync_now)
        # The first round starts when the first snapshot says a server is set: with sync off, nothing runs.
        self._first_round_due = not background_sync_disabled()
        if self._first_round_due:
            self._refresh_timer.start(REFRESH_INTERVAL_MS)
            self._sync_timer.start(SYNC_INTERVAL_MS)
        self.refresh()

    # ---- actions ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the waiting count and last error, off the GUI thread."""
        if self._refreshing:
            return
        self._refreshing = True
        run_in_thread(
            read_snapshot,
            self.context,
            on_result=self._on_snapshot,
            on_error=self._on_refresh_error,
        )

    def sync_now(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.status = SyncStatus.SYNCING
        self._render()
        run_in_thread(
            sync_round,
            self.context,
            on_result=self._on_round,
            on_error=self._on_crash,
        )

    def show_conflicts(self) -> SyncConflictsDialog:
        dialog = SyncConflictsDialog(self.context, self)
        dialog.changed.connect(self.refresh)
        dialog.show()
        return dialog

    def _menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Sync now"), self.sync_now)
        menu.addAction(self.tr("Conflicts…"), self.show_conflicts)
        menu.exec(self.mapToGlobal(position))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.sync_now()
        super().mousePressEvent(event)

    # ---- results ---------------------------------------------------------------------------------------
    def _on_snapshot(self, snapshot: SyncSnapshot) -> None:
        self._refreshing = False
        self.snapshot = snapshot
        if self.status is not SyncStatus.SYNCING and not self.message and snapshot.last_error:
            self.status, self.message = SyncStatus.ERROR, snapshot.last_error
        if self.status is not SyncStatus.SYNCING:
            if not snapshot.server_url:
                self.status, self.message = SyncStatus.OFF, ""
            elif self.status is SyncStatus.OFF:
                self.status = SyncStatus.OFFLINE
        self._render()
        self.snapshot_changed.emit(snapshot)
        if self._first_round_due and snapshot.server_url:
            self._first_round_due = False
            self.sync_now()

    def _on_refresh_error(self, exc: BaseException) -> None:
        self._refreshing = False

    def _on_round(self, result: RoundResult) -> None:
        self._busy = False
        self._rounds += 1
        self.status, self.message = result.status, result.message
        self._render()
        self.refresh()
        self.sync_finished.emit(result)

    def _on_crash(self, exc: BaseException) -> None:
        # A programming error; logged by run_in_thread. The user sees a short line, never a traceback.
        self._busy = False
        self.status = SyncStatus.ERROR
        self.message = self.tr("Sync stopped because of an internal error; see the log.")
        self._render()

    # ---- drawing ---------------------------------------------------------------------------------------
    def _reserve_width(self) -> None:
        """Room for the longest usual text, so the status bar neither clips it nor jumps as it changes."""
        metrics = self.label.fontMetrics()
        states = (
            self.tr("Sync off"),
            self.tr("Offline"),
            self.tr("Syncing…"),
            self.tr("Up to date"),
            self.tr("Sync error"),
            self.tr("Not synced yet"),
        )
        suffix = " · " + self.tr("{n} waiting").format(n=8888)
        widest = max(metrics.horizontalAdvance(state + suffix) for state in states)
        self.label.setMinimumWidth(widest + 20)  # the theme pads status-bar labels by 8 px a side

    def status_text(self) -> str:
        if self.status is SyncStatus.OFF:
            # Nothing waits for anything while no server is set; a count here would only worry the user.
            return self.tr("Sync off")
        texts = {
            SyncStatus.OFFLINE: self.tr("Offline"),
            SyncStatus.SYNCING: self.tr("Syncing…"),
            SyncStatus.UP_TO_DATE: self.tr("Up to date"),
            SyncStatus.ERROR: self.tr("Sync error"),
        }
        text = texts[self.status]
        if self._rounds == 0 and self.status is SyncStatus.OFFLINE and self.snapshot is not None:
            text = self.tr("Not synced yet")
        if self.snapshot is not None and self.snapshot.pending_ops:
            text += " · " + self.tr("{n} waiting").format(n=self.snapshot.pending_ops)
        if self.snapshot is not None and self.snapshot.open_conflicts:
            text += " · " + self.tr("{n} conflicts").format(n=self.snapshot.open_conflicts)
        if self.snapshot is not None and self.snapshot.quarantined:
            text += " · " + self.tr("{n} set aside").format(n=self.snapshot.quarantined)
        return text

    def _render(self) -> None:
        self.dot.setStyleSheet(f"color: {_COLOURS[self.status]};")
        self.label.setText(self.status_text())
        lines = []
        if self.message:
            lines.append(self.message)
        snap = self.snapshot
        if snap is not None:
            if snap.server_url:
                lines.append(self.tr("Server: {url}").format(url=snap.server_url))
            if snap.last_sync_at is not None:
                when = QLocale().toString(
                    QDateTime.fromMSecsSinceEpoch(int(snap.last_sync_at.timestamp() * 1000)),
                    QLocale.FormatType.ShortFormat,
                )
                lines.append(self.tr("Last synced: {when}").format(when=when))
            if snap.clock_warning:
                lines.append(snap.clock_warning)
            if snap.quarantined:
                lines.append(
                    self.tr(
                        "{n} changes from the server were set aside: they are not valid records. Sync goes "
                        "on without them; tell head office."
                    ).format(n=snap.quarantined)
                )
        lines.append(self.tr("Click to sync now; right-click for the conflict list."))
        self.setToolTip("\n".join(lines))


class SyncConflictsDialog(QDialog):
    changed = Signal()  # the list was reloaded after a load or a resolution

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.items: list[ConflictItem] = []
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(820, 460)
        intro = QLabel(
            self.tr(
                "These versions lost to an edit made elsewhere at the same time, or were refused by the "
                "server. Keep the current version, or restore the one shown here."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Table"), self.tr("Why"), self.tr("When")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(120)
        self.keep_button = QPushButton(self.tr("Keep current version"))
        self.restore_button = QPushButton(self.tr("Restore this version"))
        self.keep_button.clicked.connect(lambda: self._resolve(keep_current))
        self.restore_button.clicked.connect(lambda: self._resolve(restore_version))
        self.message = QLabel()
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.keep_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self._set_buttons(False)
        self.reload()

    def reload(self) -> None:
        run_in_thread(open_conflicts, self.context.db.engine, on_result=self._loaded, on_error=self._failed)

    def _loaded(self, items: list[ConflictItem]) -> None:
        self.items = items
        self.table.setRowCount(len(items))
        locale = QLocale()
        for row, item in enumerate(items):
            stamp = QDateTime.fromMSecsSinceEpoch(int(item.created_at.timestamp() * 1000))
            when = locale.toString(stamp, QLocale.FormatType.ShortFormat)
            why = item.reason or (
                self.tr("Edited elsewhere at the same time")
                if item.kind == "conflict"
                else self.tr("Refused")
            )
            for column, text in enumerate((item.label, table_label(item.table_name), why, when)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if not items:
            self.detail.setPlainText(self.tr("No conflicts."))
        self._set_buttons(False)
        self.changed.emit()

    def _show_selected(self) -> None:
        item = self._selected()
        self._set_buttons(item is not None)
        if item is not None:
            lines = [
                self.tr("{field}: kept “{kept}”, now “{current}”").format(
                    field=column_label(name), kept=value_text(kept), current=value_text(current)
                )
                for name, kept, current in item.differences
            ]
            self.detail.setPlainText("\n".join(lines) or self.tr("Same as the current version."))

    def _selected(self) -> ConflictItem | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    def _set_buttons(self, enabled: bool) -> None:
        self.keep_button.setEnabled(enabled)
        self.restore_button.setEnabled(enabled)

    def _resolve(self, action: Any) -> None:
        item = self._selected()
        if item is None:
            return
        self._set_buttons(False)
        run_in_thread(
            action,
            self.context,
            item.id,
            on_result=lambda _: self.reload(),
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        # A ConflictError carries a message for the user; anything else is logged by run_in_thread.
        text = str(exc) if isinstance(exc, ValueError) else self.tr("Could not update the conflict list.")
        self.message.setText(text)
        self.reload()
