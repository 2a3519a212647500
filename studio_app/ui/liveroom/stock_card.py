"""The flash-sale stock card: the live count of the product on air, big, with the buttons to change it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QSpinBox, QWidget

from studio_app.script.model import Product


class StockCard(QGroupBox):
    stock_set = Signal(int, int)  # link number, new count
    sold_out_cue = Signal(int)  # link number

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Live stock"))
        self.product_label = QLabel(self.tr("No product on air."))
        self.product_label.setStyleSheet("font-size: 13pt;")
        self.product_label.setWordWrap(True)
        self.count_label = QLabel("—")
        self.count_label.setObjectName("stockCount")
        self.count_label.setStyleSheet("font-size: 34pt; font-weight: 600;")
        self.countdown_label = QLabel()
        self.countdown_label.setStyleSheet("font-size: 14pt; color: #e0a33a;")
        self.minus_one = QPushButton("−1")
        self.minus_ten = QPushButton("−10")
        self.plus_ten = QPushButton("+10")
        self.spin = QSpinBox()
        self.spin.setRange(0, 1_000_000)
        self.set_button = QPushButton(self.tr("Set"))
        self.sold_out_button = QPushButton(self.tr("Sold out cue"))
        layout = QGridLayout(self)
        layout.addWidget(self.product_label, 0, 0, 1, 4)
        layout.addWidget(self.count_label, 1, 0, 1, 2)
        layout.addWidget(self.countdown_label, 1, 2, 1, 2)
        for column, button in enumerate((self.minus_one, self.minus_ten, self.plus_ten)):
            layout.addWidget(button, 2, column)
        layout.addWidget(self.sold_out_button, 2, 3)
        layout.addWidget(self.spin, 3, 0, 1, 2)
        layout.addWidget(self.set_button, 3, 2)
        self._product: Product | None = None
        self._count: int | None = None
        self.minus_one.clicked.connect(lambda: self._step(-1))
        self.minus_ten.clicked.connect(lambda: self._step(-10))
        self.plus_ten.clicked.connect(lambda: self._step(10))
        self.set_button.clicked.connect(lambda: self._emit(self.spin.value()))
        self.sold_out_button.clicked.connect(self._sold_out)
        self.show_product(None, None, "")

    def show_product(self, product: Product | None, count: int | None, countdown: str) -> None:
        changed = product != self._product or count != self._count
        self._product, self._count = product, count
        for widget in (self.minus_one, self.minus_ten, self.plus_ten, self.set_button, self.sold_out_button):
            widget.setEnabled(product is not None)
        if product is None:
            self.product_label.setText(self.tr("No product on air."))
            self.count_label.setText("—")
            self.countdown_label.setText("")
            return
        self.product_label.setText(self.tr("Link {n} · {name}").format(n=product.link_no, name=product.name))
        self.count_label.setText(
            self.tr("SOLD OUT") if count == 0 else ("—" if count is None else f"{count:,}")
        )
        self.countdown_label.setText(countdown)
        if changed and count is not None and not self.spin.hasFocus():
            self.spin.setValue(count)

    def _step(self, delta: int) -> None:
        if self._count is not None:
            self._emit(self._count + delta)

    def _emit(self, count: int) -> None:
        if self._product is not None:
            self.stock_set.emit(self._product.link_no, count)

    def _sold_out(self) -> None:
        if self._product is not None:
            self.sold_out_cue.emit(self._product.link_no)
