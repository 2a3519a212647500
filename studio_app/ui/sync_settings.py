"""Settings → Sync: the head-office server address, this studio's token (kept in the OS keyring), the
head office's CA file and whether plain HTTP is allowed for this server."""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio_app.sync.status import (
    RoundResult,
    SaveResult,
    SyncSnapshot,
    TransportChoice,
    check_connection,
    read_snapshot,
    read_transport_choice,
    save_server_settings,
)
from studio_app.ui.workers import run_in_thread


class SyncSettingsPage(QWidget):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Sync"))
        self.server = QLineEdit()
        self.server.setPlaceholderText("https://hq.example.com")
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("Paste the token from the head office (kept in the keyring)"))
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("Optional: the head office's CA certificate (PEM file)"))
        self.allow_http = QCheckBox(
            self.tr("Allow plain http:// to this server (only on a network you trust)")
        )
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test)
        self.result = QLabel()
        self.result.setWordWrap(True)
        explain = QLabel(
            self.tr(
                "Records are kept on this computer and sent to the head office when the network allows. "
                "The token is stored in the system keyring, never in a file or the log."
            )
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.server)
        form.addRow(self.tr("Studio token"), self.token)
        form.addRow(self.tr("CA file"), self.ca_file)
        form.addRow("", self.allow_http)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addStretch(1)
        run_in_thread(read_snapshot, context, on_result=self._loaded)

    def _loaded(self, snapshot: SyncSnapshot) -> None:
        if self.server.text():
            return
        if snapshot.server_url:
            self.server.setText(snapshot.server_url)
            run_in_thread(read_transport_choice, snapshot.server_url, on_result=self._transport_loaded)

    def _transport_loaded(self, choice: TransportChoice) -> None:
        if not self.ca_file.text():
            self.ca_file.setText(choice.ca_file)
        self.allow_http.setChecked(choice.allow_http)

    def test(self) -> None:
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Connecting…"))
        run_in_thread(
            check_connection,
            self.context,
            self.server.text(),
            self.token.text(),
            self.ca_file.text(),
            self.allow_http.isChecked(),
            on_result=self._tested,
            on_error=self._failed,
        )

    def _tested(self, result: RoundResult) -> None:
        self.test_button.setEnabled(True)
        self.result.setText(result.message)

    def _failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.result.setText(self.tr("The test stopped because of an internal error; see the log."))

    def apply(self) -> None:
        run_in_thread(
            save_server_settings,
            self.context,
            self.server.text(),
            self.token.text() or None,
            self.ca_file.text(),
            self.allow_http.isChecked(),
            on_result=self._saved,
        )

    def _saved(self, result: SaveResult) -> None:
        # The dialog may have closed before the save finished; the save itself is done either way.
        with contextlib.suppress(RuntimeError):
            self.result.setText(result.message)
