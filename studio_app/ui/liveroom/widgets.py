"""The live room's small widgets: a number tile with its baseline, the alert cards, the hot-product table.

Built for a four-hour show: large numbers, muted labels, one calm accent (amber) for what needs a look.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio_app.liveroom.rules import DataAlert, HotProduct

AMBER = "#e0a33a"
TILE_STYLE = (
    "QFrame#roomTile { background: #20242e; border-radius: 10px; }"
    "QLabel[role='room-value'] { font-size: 30pt; font-weight: 600; color: #f2f4f8; }"
    "QLabel[role='room-title'] { font-size: 12pt; color: #9aa3b5; }"
    "QLabel[role='room-base'] { font-size: 11pt; color: #7d8596; }"
)


class RoomTile(QFrame):
    """A number read from across the desk, and what it is usually (the show's own baseline)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomTile")
        self.setStyleSheet(TILE_STYLE)
        self.title = QLabel(title)
        self.title.setProperty("role", "room-title")
        self.value = QLabel("—")
        self.value.setProperty("role", "room-value")
        self.base = QLabel(" ")
        self.base.setProperty("role", "room-base")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.base)

    def show_value(self, text: str, base: str = " ", low: bool = False) -> None:
        self.value.setText(text)
        self.base.setText(base)
        # Low is amber, not red: it asks for a look, not for panic, hours into a show.
        self.value.setStyleSheet(f"color: {AMBER};" if low else "")


class AlertCard(QFrame):
    send = Signal(str)  # the cue text

    def __init__(self, alert: DataAlert, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alert = alert
        self.setObjectName("alertCard")
        self.setStyleSheet(
            f"QFrame#alertCard {{ background: #2a2620; border-left: 4px solid {AMBER}; border-radius: 6px; }}"
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 13pt; color: #f2f4f8;")
        self.cue = QLabel()
        self.cue.setWordWrap(True)
        self.cue.setStyleSheet(f"font-size: 12pt; color: {AMBER};")
        self.button = QPushButton(self.tr("Send to host"))
        self.button.setToolTip(self.tr("Shows the suggestion on the prompter as a cue"))
        self.button.clicked.connect(lambda: self.send.emit(self.alert.cue))
        self.set_alert(alert)
        text = QVBoxLayout()
        text.addWidget(self.message)
        text.addWidget(self.cue)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(text, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_alert(self, alert: DataAlert) -> None:
        """The same alert with today's numbers (it stands while the drop lasts, its values move)."""
        self.alert = alert
        self.message.setText(alert.message)
        self.cue.setText(alert.cue)


class AlertList(QWidget):
    send_cue = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.calm = QLabel(self.tr("All steady: dwell and interaction are at the show's usual level."))
        self.calm.setProperty("role", "muted")
        self.calm.setWordWrap(True)
        self._layout.addWidget(self.calm)
        self.cards: list[AlertCard] = []
        self._keys: tuple[str, ...] = ()

    def show_alerts(self, alerts: Sequence[DataAlert]) -> None:
        keys = tuple(a.key for a in alerts)
        if keys == self._keys:
            # The same alerts: keep the cards (and a button the operator is about to press), new numbers.
            for card, alert in zip(self.cards, alerts, strict=True):
                card.set_alert(alert)
            return
        self._keys = keys
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        for alert in alerts:
            card = AlertCard(alert, self)
            card.send.connect(self.send_cue)
            self.cards.append(card)
            self._layout.addWidget(card)
        self.calm.setVisible(not alerts)


class HotTable(QTableWidget):
    """The hot products, what sells now first; a double click (or the panel's button) moves one next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Product"),
                self.tr("Clicks 10 min"),
                self.tr("Click rate"),
                self.tr("GMV 10 min"),
                self.tr("Orders"),
            ]
        )
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setStyleSheet("QTableWidget { font-size: 12pt; }")
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rows: list[HotProduct] = []
        self._fit_rows(0)

    def show_products(self, hot: Sequence[HotProduct]) -> None:
        selected = self.selected()
        self.rows = list(hot)
        self.setRowCount(len(hot))
        for row, item in enumerate(hot):
            product = item.product
            rate = product.click_rate
            cells = [
                f"{row + 1}. {product.name}",
                f"{item.recent_clicks:,}",
                "—" if rate is None else f"{rate:.1%}",
                f"¥{item.recent_gmv_fen / 100:,.0f}",
                f"{product.orders:,}",
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, column, cell)
        self._fit_rows(len(hot))
        if selected is not None:
            keys = [h.product.key for h in self.rows]
            if selected.product.key in keys:
                self.selectRow(keys.index(selected.product.key))

    def _fit_rows(self, count: int) -> None:
        """As tall as its rows (at least three, at most twelve): no empty table under five products."""
        shown = max(3, min(12, count))
        row_px = self.verticalHeader().defaultSectionSize()
        self.setFixedHeight(self.horizontalHeader().height() + shown * row_px + 2 * self.frameWidth() + 2)

    def selected(self) -> HotProduct | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None
