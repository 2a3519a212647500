"""Product review (商品复盘): every product's funnel and rates, then the weak and the never-sold products.

A view over ``metrics.product_review.ProductReview``; the rules (what is weak, how products link to the
script's cards) live there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from studio_app.metrics.product_review import WEAK_MIN_CLICKS, ProductReview, ProductStats
from studio_app.metrics.review import format_seconds
from studio_app.ui.data.tables import cell, count_text, fill_table, make_table, ratio_text, yuan_text

WEAK_COLOR = "#ff8080"


class ProductReviewView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.products_table = make_table(
            [
                self.tr("Product"),
                self.tr("Script card"),
                self.tr("Exposed"),
                self.tr("Clicked"),
                self.tr("Click rate"),
                self.tr("Buyers"),
                self.tr("Click-to-pay"),
                self.tr("Orders"),
                self.tr("GMV"),
                self.tr("Share"),
                self.tr("Refund rate"),
                self.tr("On air"),
                self.tr("GMV / min on air"),
            ],
            stretch_column=0,
        )
        self.weak_table = make_table(
            [
                self.tr("Product"),
                self.tr("Clicked"),
                self.tr("Buyers"),
                self.tr("Click-to-pay"),
                self.tr("GMV"),
            ],
            stretch_column=0,
        )
        self.never_table = make_table(
            [
                self.tr("Product"),
                self.tr("Exposed"),
                self.tr("Clicked"),
                self.tr("Click rate"),
                self.tr("On air"),
            ],
            stretch_column=0,
        )
        weak_box = QGroupBox(
            self.tr("Weak products: sold, {n}+ clicks, lowest click-to-pay first").format(n=WEAK_MIN_CLICKS)
        )
        QVBoxLayout(weak_box).addWidget(self.weak_table)
        never_box = QGroupBox(self.tr("Never sold: clicked, no buyer"))
        QVBoxLayout(never_box).addWidget(self.never_table)
        lists = QWidget()
        lists_layout = QHBoxLayout(lists)
        lists_layout.setContentsMargins(0, 0, 0, 0)
        lists_layout.addWidget(weak_box)
        lists_layout.addWidget(never_box)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.products_table)
        splitter.addWidget(lists)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter, 1)

    def _name(self, p: ProductStats) -> str:
        return p.name if not p.product_id or p.product_id == p.name else f"{p.name}  ·  {p.product_id}"

    def show_products(self, review: ProductReview) -> None:
        if review.is_empty:
            self.summary_label.setText(
                self.tr(
                    "No product table for this show yet. Import the platform's product export "
                    "(商品明细: 商品ID, 商品名称, 商品点击人数, 成交金额 …) with Import export file."
                )
            )
        else:
            self.summary_label.setText(
                self.tr("{n} products · GMV {gmv} · {weak} weak · {never} never sold").format(
                    n=len(review.products),
                    gmv=yuan_text(review.total_gmv_fen),
                    weak=len(review.weak),
                    never=len(review.never_sold),
                )
            )
        rows = []
        for p in review.products:
            card = "—" if p.card is None else f"{p.card.link_no}# {p.card.name}"
            to_pay = cell(ratio_text(p.click_to_pay), True)
            if review.converts_below_average(p):
                to_pay.setForeground(QColor(WEAK_COLOR))
            rows.append(
                [
                    cell(self._name(p), tooltip=self._name(p)),
                    cell(card),
                    cell(count_text(p.exposures), True),
                    cell(count_text(p.clicks), True),
                    cell(ratio_text(p.click_rate), True),
                    cell(count_text(p.buyers), True),
                    to_pay,
                    cell(count_text(p.orders), True),
                    cell(yuan_text(p.gmv_fen), True),
                    cell(ratio_text(p.gmv_share), True),
                    cell(ratio_text(p.refund_rate), True),
                    cell(format_seconds(p.explained_s), True),
                    cell(yuan_text(p.gmv_per_explained_min_fen), True),
                ]
            )
        fill_table(self.products_table, rows)
        fill_table(
            self.weak_table,
            [
                [
                    cell(self._name(p), tooltip=self._name(p)),
                    cell(count_text(p.clicks), True),
                    cell(count_text(p.buyers), True),
                    cell(ratio_text(p.click_to_pay), True),
                    cell(yuan_text(p.gmv_fen), True),
                ]
                for p in review.weak
            ],
        )
        fill_table(
            self.never_table,
            [
                [
                    cell(self._name(p), tooltip=self._name(p)),
                    cell(count_text(p.exposures), True),
                    cell(count_text(p.clicks), True),
                    cell(ratio_text(p.click_rate), True),
                    cell(format_seconds(p.explained_s), True),
                ]
                for p in review.never_sold
            ],
        )
