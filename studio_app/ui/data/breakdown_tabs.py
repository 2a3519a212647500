"""The data panel's product review and interaction/traffic tabs, placed after its review tab."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget

from studio_app.metrics.service import ShowBreakdown
from studio_app.ui.data.product_view import ProductReviewView
from studio_app.ui.data.room_view import RoomView


class BreakdownTabs:
    def __init__(
        self, tabs: QTabWidget, after: int, tz: tzinfo, on_spend: Callable[[str, float], None]
    ) -> None:
        self.product_view = ProductReviewView()
        self.room_view = RoomView(tz=tz)
        tabs.insertTab(after + 1, self.product_view, QCoreApplication.translate("BreakdownTabs", "Products"))
        tabs.insertTab(
            after + 2, self.room_view, QCoreApplication.translate("BreakdownTabs", "Interaction & traffic")
        )
        self.room_view.spend_requested.connect(on_spend)

    def show_breakdown(self, breakdown: ShowBreakdown) -> None:
        self.product_view.show_products(breakdown.products)
        self.room_view.show_room(breakdown.interaction, breakdown.traffic)
