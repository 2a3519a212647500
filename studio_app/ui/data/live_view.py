"""Live mode: the numbers now, manual entry every few minutes, the live feed, incidents and ad spend."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class NumberTile(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numberTile")
        self.setStyleSheet(
            "QFrame#numberTile { background: #20242e; border-radius: 8px; }"
            "QLabel[role='tile-value'] { font-size: 20pt; font-weight: 600; color: #ffffff; }"
        )
        self.title = QLabel(title)
        self.title.setProperty("role", "muted")
        self.value = QLabel("—")
        self.value.setProperty("role", "tile-value")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.value)

    def set_text(self, text: str) -> None:
        self.value.setText(text)


class LiveView(QWidget):
    manual_entry_requested = Signal(
        object, float, object, str
    )  # viewers, GMV total yuan, orders or None, note
    incident_requested = Signal(str, str)  # kind, description
    ad_spend_requested = Signal(str, float)  # channel, yuan
    feed_toggled = Signal(bool)

    INCIDENT_KINDS = ("stutter", "av_desync", "audio", "network", "stock", "comment", "other")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.online_tile = NumberTile(self.tr("Online now"))
        self.gmv_tile = NumberTile(self.tr("GMV so far"))
        self.orders_tile = NumberTile(self.tr("Orders"))
        self.updated_tile = NumberTile(self.tr("Last update"))
        tiles = QHBoxLayout()
        for tile in (self.online_tile, self.gmv_tile, self.orders_tile, self.updated_tile):
            tiles.addWidget(tile)

        # Manual entry: what the operator reads off the platform's screen.
        self.viewers_spin = QSpinBox()
        self.viewers_spin.setRange(0, 10_000_000)
        self.viewers_spin.setGroupSeparatorShown(True)
        self.gmv_spin = QDoubleSpinBox()
        self.gmv_spin.setRange(0, 1_000_000_000)
        self.gmv_spin.setDecimals(2)
        self.gmv_spin.setPrefix("¥ ")
        self.gmv_spin.setGroupSeparatorShown(True)
        self.orders_spin = QSpinBox()
        self.orders_spin.setRange(-1, 10_000_000)
        self.orders_spin.setSpecialValueText(self.tr("not entered"))
        self.orders_spin.setValue(-1)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Note (optional)"))
        self.add_button = QPushButton(self.tr("Add numbers"))
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self._emit_manual)
        self.entry_message = QLabel()
        self.entry_message.setProperty("role", "muted")
        manual = QGroupBox(self.tr("Manual entry (every few minutes)"))
        grid = QGridLayout(manual)
        grid.addWidget(QLabel(self.tr("Online viewers")), 0, 0)
        grid.addWidget(self.viewers_spin, 0, 1)
        grid.addWidget(QLabel(self.tr("GMV so far")), 0, 2)
        grid.addWidget(self.gmv_spin, 0, 3)
        grid.addWidget(QLabel(self.tr("Orders so far")), 1, 0)
        grid.addWidget(self.orders_spin, 1, 1)
        grid.addWidget(self.note_edit, 1, 2, 1, 2)
        grid.addWidget(self.add_button, 0, 4, 2, 1)
        grid.addWidget(self.entry_message, 2, 0, 1, 5)

        # Live feed for other tools.
        self.feed_button = QPushButton(self.tr("Start live feed"))
        self.feed_button.setCheckable(True)
        self.feed_button.toggled.connect(self._feed_toggled)
        self.feed_label = QLabel(
            self.tr("Off. Other tools can push numbers once it runs (docs/metrics_feed.md).")
        )
        self.feed_label.setWordWrap(True)
        self.feed_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        feed = QGroupBox(self.tr("Live feed"))
        feed_layout = QHBoxLayout(feed)
        feed_layout.addWidget(self.feed_button)
        feed_layout.addWidget(self.feed_label, 1)

        # Incidents and ad spend, for the review.
        self.incident_kind = QComboBox()
        kind_names = {
            "stutter": self.tr("Stutter"),
            "av_desync": self.tr("Audio/video out of sync"),
            "audio": self.tr("Audio problem"),
            "network": self.tr("Network drop"),
            "stock": self.tr("Stock or price error"),
            "comment": self.tr("Hostile comment"),
            "other": self.tr("Other"),
        }
        for kind in self.INCIDENT_KINDS:
            self.incident_kind.addItem(kind_names[kind], kind)
        self.incident_text = QLineEdit()
        self.incident_text.setPlaceholderText(self.tr("What happened"))
        incident_button = QPushButton(self.tr("Log incident"))
        incident_button.clicked.connect(self._emit_incident)
        self.spend_channel = QLineEdit()
        self.spend_channel.setPlaceholderText(self.tr("Channel, e.g. 千川"))
        self.spend_amount = QDoubleSpinBox()
        self.spend_amount.setRange(0, 100_000_000)
        self.spend_amount.setDecimals(2)
        self.spend_amount.setPrefix("¥ ")
        spend_button = QPushButton(self.tr("Add ad spend"))
        spend_button.clicked.connect(self._emit_spend)
        extra = QGroupBox(self.tr("Incidents and ad spend"))
        extra_grid = QGridLayout(extra)
        extra_grid.addWidget(self.incident_kind, 0, 0)
        extra_grid.addWidget(self.incident_text, 0, 1)
        extra_grid.addWidget(incident_button, 0, 2)
        extra_grid.addWidget(self.spend_channel, 1, 0)
        extra_grid.addWidget(self.spend_amount, 1, 1)
        extra_grid.addWidget(spend_button, 1, 2)
        extra_grid.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(tiles)
        row = QHBoxLayout()
        row.addWidget(manual, 3)
        right = QVBoxLayout()
        right.addWidget(feed)
        right.addWidget(extra)
        row.addLayout(right, 2)
        layout.addLayout(row)
        layout.addStretch(1)

    def _emit_manual(self) -> None:
        orders = self.orders_spin.value()
        self.manual_entry_requested.emit(
            self.viewers_spin.value(),
            self.gmv_spin.value(),
            None if orders < 0 else orders,
            self.note_edit.text(),
        )
        self.note_edit.clear()

    def _emit_incident(self) -> None:
        self.incident_requested.emit(str(self.incident_kind.currentData()), self.incident_text.text().strip())
        self.incident_text.clear()

    def _emit_spend(self) -> None:
        channel = self.spend_channel.text().strip() or self.tr("Ads")
        if self.spend_amount.value() > 0:
            self.ad_spend_requested.emit(channel, self.spend_amount.value())
            self.spend_amount.setValue(0)

    def _feed_toggled(self, on: bool) -> None:
        self.feed_button.setText(self.tr("Stop live feed") if on else self.tr("Start live feed"))
        self.feed_toggled.emit(on)
