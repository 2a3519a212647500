"""Where the pre-show gate opens from: its own button in the script runner's show bar (any time before the
show), and every request to go live, which passes the gate first and goes straight on when it is clear."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QPushButton
from shiboken6 import isValid

from studio_app.promo.session import SessionPhase
from studio_app.showday.gate import GateStatus
from studio_app.showday.service import GateService
from studio_app.ui.gate.dialog import GateDialog
from studio_app.ui.prompter.controller import OnAirController
from studio_app.ui.workers import run_in_thread

if TYPE_CHECKING:
    from studio_app.ui.script_panel import ScriptPanel


class GateLauncher(QObject):
    dialog_opened = Signal(object)  # the GateDialog just shown

    def __init__(self, panel: ScriptPanel) -> None:
        super().__init__(panel)
        self._panel = panel
        self.service = GateService(panel.context)
        self.dialog: GateDialog | None = None
        self.button = QPushButton(self.tr("Pre-show checklist…"))
        self.button.setToolTip(
            self.tr("开播前检查单: device check, signed review, prices and the studio's items")
        )
        self.button.clicked.connect(self.open_gate)
        bar = panel.bar.layout()
        assert isinstance(bar, QBoxLayout)
        bar.insertWidget(bar.indexOf(panel.bar.countdown) + 1, self.button)

    def open_gate(self) -> GateDialog | None:
        """The gate of the show chosen in the runner, to prepare it; going live stays the start button's."""
        show_id = self._panel.show_combo.currentData()
        return self._open(str(show_id), going_live=False) if show_id else None

    def go_live(self, controller: OnAirController) -> None:
        """The controller's gate: read the show's gate, go live when clear, else ask (override or wait)."""
        if self.dialog is not None and self.dialog.going_live:
            self.dialog.raise_()
            return
        # A bound method as the callback: it is skipped once the runner (and this) is gone.
        run_in_thread(
            _read_gate, self.service, controller, controller.session.show_id, on_result=self._gate_read
        )

    def _gate_read(self, read: tuple[OnAirController, GateStatus]) -> None:
        controller, status = read
        if status.clear:
            _start(controller)
            return
        dialog = self._open(status.show_id, going_live=True)
        dialog.go_live.connect(partial(_start, controller))

    def _open(self, show_id: str, *, going_live: bool) -> GateDialog:
        if self.dialog is not None:
            self.dialog.close()
        dialog = GateDialog(
            self.service,
            self._panel.context.writer,
            show_id,
            self._panel.bar.title_of(show_id),
            going_live=going_live,
            parent=self._panel,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(partial(self._closed, dialog))
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _closed(self, dialog: GateDialog, _result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None


def _read_gate(
    service: GateService, controller: OnAirController, show_id: str
) -> tuple[OnAirController, GateStatus]:
    return controller, service.open_checklist(show_id)


def _start(controller: OnAirController) -> None:
    # The show may have been switched or started elsewhere while the gate was read or open.
    if isValid(controller) and controller.session.phase is SessionPhase.READY:
        controller.start_show()
