"""The pre-show gate of one show: the automatic items (device check, signed review, prices), each product
card's price to confirm, the studio's own items to tick, and, when going live over what stands, an
override that needs a reason and a name. The rules and every write are :class:`GateService`'s."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studio_app.probes.service import RUN_TABLES
from studio_app.script.model import format_price
from studio_app.script.service import saved_reviewer
from studio_app.showday.gate import AutoState, GateOverride, GateStatus, ItemState
from studio_app.showday.service import GATE_TABLES, GateService
from studio_app.store.writer import Changes, Writer
from studio_app.ui import theme
from studio_app.ui.gate.template_dialog import TemplateDialog
from studio_app.ui.workers import change_feed, run_in_thread

# A signed review or a new script revision changes the compliance item.
WATCHED_TABLES = (*GATE_TABLES, *RUN_TABLES, "compliance_records", "scripts")
STATE_COLOURS = {AutoState.CLEAR: theme.GO, AutoState.WARN: theme.WARN, AutoState.BLOCKED: theme.FAIL}


class GateDialog(QDialog):
    refreshed = Signal()  # the gate was read again (tests wait on it)
    go_live = Signal()  # the show may go on: the gate is clear, or the override was recorded
    failed = Signal(str)

    def __init__(
        self,
        service: GateService,
        writer: Writer,
        show_id: str,
        title: str,
        *,
        going_live: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.show_id = show_id
        self.going_live = going_live
        self.status: GateStatus | None = None
        self.overridden: GateOverride | None = None
        self.item_combos: dict[str, QComboBox] = {}
        self.price_boxes: dict[int, QCheckBox] = {}
        self._reads = 0  # reads may finish out of order: only the newest is shown
        self.setWindowTitle(self.tr("Pre-show checklist: {title}").format(title=title))
        self.resize(760, 820)
        self._build(title)
        self._feed = change_feed(writer)
        self._feed.changed.connect(self._on_changes)
        self._watching = True
        self.refresh(open_checklist=True)

    def _build(self, title: str) -> None:
        self.name_edit = QLineEdit(saved_reviewer())
        self.name_edit.setPlaceholderText(self.tr("Who ticks (your name)"))
        heading = QLabel(self.tr("Before going live: {title}").format(title=title))
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        heading.setWordWrap(True)
        names = QFormLayout()
        names.addRow(self.tr("Your name"), self.name_edit)

        self.auto_box = QGroupBox(self.tr("Checked by the app"))
        self.auto_grid = QGridLayout(self.auto_box)
        self.price_box = QGroupBox(self.tr("Prices: confirm each product card's live price"))
        self.price_layout = QVBoxLayout(self.price_box)
        self.items_box = QGroupBox(self.tr("The studio's checklist"))
        self.items_grid = QGridLayout(self.items_box)
        self.template_button = QPushButton(self.tr("Edit template…"))
        self.template_button.clicked.connect(self.edit_template)
        content = QWidget()
        column = QVBoxLayout(content)
        for box in (self.auto_box, self.price_box, self.items_box):
            column.addWidget(box)
        column.addWidget(self.template_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)

        self.override_box = QGroupBox(self.tr("Go live anyway"))
        override = QVBoxLayout(self.override_box)
        self.blockers_label = QLabel()
        self.blockers_label.setWordWrap(True)
        self.blockers_label.setStyleSheet(f"color: {theme.FAIL};")
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("Why the show goes live over what stands (required)"))
        self.reason_edit.setMaximumHeight(80)
        self.override_button = QPushButton(self.tr("Record override and go live"))
        self.override_button.clicked.connect(self.override_and_go_live)
        override.addWidget(self.blockers_label)
        override.addWidget(self.reason_edit)
        override.addWidget(self.override_button, 0, Qt.AlignmentFlag.AlignRight)
        self.override_box.setVisible(False)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {theme.FAIL};")
        self.go_button = QPushButton(self.tr("Go live"))
        self.go_button.setVisible(self.going_live)
        self.go_button.setEnabled(False)
        self.go_button.clicked.connect(self._go)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.go_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(names)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.override_box)
        layout.addLayout(buttons)

    # ---- reading ----------------------------------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*WATCHED_TABLES):
            self.refresh()

    def refresh(self, open_checklist: bool = False) -> None:
        self._reads += 1
        read = self.service.open_checklist if open_checklist else self.service.status
        # A bound method as the callback: it is skipped once the dialog is gone.
        run_in_thread(_numbered, self._reads, read, self.show_id, on_result=self._show, on_error=self._fail)

    def _show(self, numbered: tuple[int, GateStatus]) -> None:
        number, status = numbered
        if number != self._reads:
            return
        self.status = status
        self._fill_auto(status)
        self._fill_prices(status)
        self._fill_items(status)
        blocked = not status.clear
        self.go_button.setEnabled(not blocked)
        self.override_box.setVisible(self.going_live and blocked)
        self.blockers_label.setText("\n".join(f"• {line}" for line in status.blockers))
        self.refreshed.emit()

    def _fill_auto(self, status: GateStatus) -> None:
        _clear(self.auto_grid)
        for row, item in enumerate(status.auto):
            mark = QLabel("●")
            mark.setStyleSheet(f"color: {STATE_COLOURS[item.state]}; font-size: 16pt;")
            title = QLabel(f"<b>{item.title}</b>")
            detail = QLabel(item.detail)
            detail.setWordWrap(True)
            self.auto_grid.addWidget(mark, row, 0)
            self.auto_grid.addWidget(title, row, 1)
            self.auto_grid.addWidget(detail, row, 2)
        self.auto_grid.setColumnStretch(2, 1)

    def _fill_prices(self, status: GateStatus) -> None:
        _clear(self.price_layout)
        self.price_boxes = {}
        if not status.prices:
            self.price_layout.addWidget(QLabel(self.tr("The script has no product cards.")))
        for card in status.prices:
            text = self.tr("Link {n} · {name} · live price {price}").format(
                n=card.link_no, name=card.name, price=format_price(card.live_price)
            )
            if card.confirmed and card.confirmed_at is not None:
                text += "  " + self.tr("(confirmed by {who} at {at})").format(
                    who=card.confirmed_by, at=_hhmm(card.confirmed_at)
                )
            box = QCheckBox(text)
            box.setChecked(card.confirmed)
            box.setEnabled(not card.confirmed and card.live_price is not None)
            box.toggled.connect(partial(self._price_toggled, card.link_no))
            self.price_layout.addWidget(box)
            self.price_boxes[card.link_no] = box

    def _fill_items(self, status: GateStatus) -> None:
        _clear(self.items_grid)
        self.item_combos = {}
        for row, item in enumerate(status.items):
            combo = QComboBox()
            for state in ItemState:
                combo.addItem(state.label(), state.value)
            combo.setCurrentIndex(combo.findData(item.state.value))
            combo.currentIndexChanged.connect(
                lambda _index, item_id=item.id, box=combo: self.set_item_state(
                    item_id, ItemState(box.currentData())
                )
            )
            who = ""
            if item.at is not None:
                who = self.tr("{who} at {at}").format(who=item.by, at=_hhmm(item.at))
            title = QLabel(item.title)
            title.setWordWrap(True)
            self.items_grid.addWidget(title, row, 0)
            self.items_grid.addWidget(combo, row, 1)
            self.items_grid.addWidget(QLabel(who), row, 2)
            self.item_combos[item.id] = combo
        self.items_grid.setColumnStretch(0, 1)

    # ---- ticking ------------------------------------------------------------------------------------------

    def set_item_state(self, item_id: str, state: ItemState) -> None:
        self._write(self.service.set_item_state, item_id, state, self.name_edit.text())

    def _price_toggled(self, link_no: int, on: bool) -> None:
        if on:  # a confirmation is not taken back by unticking: the box is disabled once it is stored
            self.confirm_price(link_no)

    def confirm_price(self, link_no: int) -> None:
        self._write(self.service.confirm_price, self.show_id, link_no, self.name_edit.text())

    def _write(self, fn: Callable[..., object], *args: object) -> None:
        self.message.clear()
        # The change feed brings the new state; a refused tick is read back so the box shows what is stored.
        run_in_thread(fn, *args, on_error=self._refused)

    def _refused(self, exc: BaseException) -> None:
        self._fail(exc)
        self.refresh()

    def edit_template(self) -> None:
        run_in_thread(self.service.template, on_result=self._edit_template, on_error=self._fail)

    def _edit_template(self, titles: tuple[str, ...]) -> None:
        dialog = TemplateDialog(titles, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            run_in_thread(self.service.save_template, dialog.titles(), on_error=self._fail)

    # ---- going live ---------------------------------------------------------------------------------------

    def _go(self) -> None:
        if self.status is not None and self.status.clear:
            self.go_live.emit()
            self.accept()

    def override_and_go_live(self) -> None:
        """Record who overrides and why, then go live; refused (nothing recorded) without both."""
        self.message.clear()
        self.override_button.setEnabled(False)
        run_in_thread(
            self.service.record_override,
            self.show_id,
            self.reason_edit.toPlainText(),
            self.name_edit.text(),
            on_result=self._overridden,
            on_error=self._fail,
            on_finished=self._override_finished,
        )

    def _override_finished(self) -> None:
        self.override_button.setEnabled(True)

    def _overridden(self, override: GateOverride) -> None:
        self.overridden = override
        self.go_live.emit()
        self.accept()

    def _fail(self, exc: BaseException) -> None:
        self.message.setText(str(exc))
        self.failed.emit(str(exc))

    def done(self, result: int) -> None:
        if self._watching:
            self._watching = False
            self._feed.changed.disconnect(self._on_changes)
        super().done(result)


def _numbered(number: int, read: Callable[[str], GateStatus], show_id: str) -> tuple[int, GateStatus]:
    return number, read(show_id)


def _hhmm(at: datetime) -> str:
    return at.astimezone().strftime("%H:%M")


def _clear(layout: QGridLayout | QVBoxLayout) -> None:
    while (item := layout.takeAt(0)) is not None:
        if (widget := item.widget()) is not None:
            widget.deleteLater()
