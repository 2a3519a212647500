"""Tools → Phone remote: switch the LAN server on or off, pair a phone by QR code, list and revoke."""

from __future__ import annotations

import io
from datetime import datetime

import segno
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio_app.remote.endpoint import ANY_HOST, RemoteSettings, lan_addresses, load_settings, save_settings
from studio_app.remote.pairing import CODE_LIFETIME, PAIRING_TABLES, NewPairing, Pairing
from studio_app.store.writer import Changes
from studio_app.ui.remote.control import RemoteControl
from studio_app.ui.workers import change_feed, run_in_thread

LIST_REFRESH_MS = 5000  # pairings made by `studio-app remote pair` come from another process: look again
QR_SCALE = 8


def qr_pixmap(text: str) -> QPixmap:
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=QR_SCALE, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class RemoteDialog(QDialog):
    def __init__(self, remote: RemoteControl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Phone remote"))
        self.remote = remote
        self._rows: list[Pairing] = []
        layout = QVBoxLayout(self)

        server_box = QGroupBox(self.tr("Server on the studio network"))
        form = QFormLayout(server_box)
        self.host_combo = QComboBox()
        self.host_combo.addItem(self.tr("Every network (phones on the studio Wi-Fi)"), ANY_HOST)
        self.host_combo.addItem(self.tr("This computer only"), "127.0.0.1")
        for address in lan_addresses():
            if address != "127.0.0.1":
                self.host_combo.addItem(address, address)
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1024, 65535)
        saved = load_settings()
        self.host_combo.setCurrentIndex(max(0, self.host_combo.findData(saved.host)))
        self.port_spin.setValue(saved.port)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self._start_or_stop)
        self.status = QLabel()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setWordWrap(True)
        form.addRow(self.tr("Listen on"), self.host_combo)
        form.addRow(self.tr("Port"), self.port_spin)
        form.addRow(self.start_button, self.status)
        layout.addWidget(server_box)

        pair_box = QGroupBox(self.tr("Pair a phone or tablet"))
        pair_layout = QHBoxLayout(pair_box)
        left = QVBoxLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Name, e.g. 场控's phone"))
        self.pair_button = QPushButton(self.tr("New pairing link"))
        self.pair_button.clicked.connect(self._new_link)
        self.link_label = QLabel(
            self.tr("Scan the code with the phone's camera. The link works once, for {m} minutes.").format(
                m=int(CODE_LIFETIME.total_seconds() // 60)
            )
        )
        self.link_label.setWordWrap(True)
        self.link_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(self.name_edit)
        left.addWidget(self.pair_button)
        left.addWidget(self.link_label, 1)
        self.qr_label = QLabel()
        self.qr_label.setFixedSize(280, 280)
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setStyleSheet("background: white;")
        pair_layout.addLayout(left, 1)
        pair_layout.addWidget(self.qr_label)
        layout.addWidget(pair_box)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Device"), self.tr("Paired"), self.tr("Last seen"), self.tr("Status")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.revoke_button = QPushButton(self.tr("Revoke"))
        self.revoke_button.clicked.connect(self._revoke)
        layout.addWidget(QLabel(self.tr("Paired devices")))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.revoke_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 720)

        remote.running_changed.connect(self._show_running)
        remote.failed.connect(self._start_failed)
        change_feed(remote.context.writer).changed.connect(self._on_changes)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(LIST_REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh_pairings)
        self._refresh_timer.start()
        self._show_running(remote.running)
        self.refresh_pairings()

    # ---- server ----------------------------------------------------------------------------------------

    def _start_or_stop(self) -> None:
        if self.remote.running:
            self.remote.stop()
            return
        chosen = RemoteSettings(host=str(self.host_combo.currentData()), port=self.port_spin.value())
        save_settings(chosen)
        self.start_button.setEnabled(False)
        self.status.setText(self.tr("Starting…"))
        self.remote.start(chosen.host, chosen.port)

    def _show_running(self, running: bool) -> None:
        self.start_button.setEnabled(True)
        self.start_button.setText(self.tr("Stop") if running else self.tr("Start"))
        self.host_combo.setEnabled(not running)
        self.port_spin.setEnabled(not running)
        self.pair_button.setEnabled(running)
        if running:
            self.status.setText(
                self.tr("Serving at {url} — remote: /remote, follower prompter: /follow").format(
                    url=self.remote.url
                )
            )
        else:
            self.status.setText(self.tr("Off. Phones cannot reach the prompter."))
            self.qr_label.clear()

    def _start_failed(self, message: str) -> None:
        self.start_button.setEnabled(True)
        self.status.setText(message)

    # ---- pairing ---------------------------------------------------------------------------------------

    def _new_link(self) -> None:
        name = self.name_edit.text().strip() or self.tr("Phone or tablet")
        run_in_thread(self.remote.pairing.create_link, name, on_result=self._link_made)

    def _link_made(self, made: NewPairing) -> None:
        link = f"{self.remote.url}/pair?code={made.secret}"
        self.qr_label.setPixmap(
            qr_pixmap(link).scaled(
                self.qr_label.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,  # sharp modules scan best
            )
        )
        self.link_label.setText(
            self.tr("Scan the code with the phone's camera. The link works once, for {m} minutes.").format(
                m=int(CODE_LIFETIME.total_seconds() // 60)
            )
            + f"\n\n{link}"
        )
        self.refresh_pairings()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*PAIRING_TABLES):
            self.refresh_pairings()

    def refresh_pairings(self) -> None:
        run_in_thread(self.remote.pairing.pairings, on_result=self._show_pairings)

    def _show_pairings(self, rows: tuple[Pairing, ...]) -> None:
        self._rows = list(rows)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            if row.revoked_at is not None:
                status = self.tr("Revoked")
            elif row.paired_at is None:
                status = self.tr("Link not opened yet")
            else:
                status = self.tr("Active")
            cells = (
                row.name,
                _when(row.paired_at),
                _when(row.last_seen_at),
                status,
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def _revoke(self) -> None:
        selected = self.table.currentRow()
        if not 0 <= selected < len(self._rows):
            return
        run_in_thread(self.remote.pairing.revoke, self._rows[selected].id)

    def done(self, result: int) -> None:
        self._refresh_timer.stop()
        super().done(result)


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%m-%d %H:%M") if moment is not None else "—"
