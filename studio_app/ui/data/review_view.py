"""Review mode (复盘): every metric with its value and formula, the funnel, segments, promos, the week."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import tzinfo

import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio_app.metrics.imports import CHINA_TZ
from studio_app.metrics.review import (
    FunnelStep,
    MetricComparison,
    ShowReview,
    Unit,
    format_metric_value,
    format_seconds,
)
from studio_app.metrics.service import IncidentRow
from studio_app.money import fen_to_yuan
from studio_app.ui.data.tables import cell as _item
from studio_app.ui.data.tables import fill_table as _fill
from studio_app.ui.data.tables import make_table as _table
from studio_app.ui.data.timeseries import BACKGROUND
from studio_app.ui.liveroom.questions_review import QuestionsReview

UP, DOWN = "#2ecc71", "#e74c3c"


def _whole(value: float | None) -> str:
    return format_metric_value(None if value is None else round(value), Unit.COUNT)


class FunnelChart(pg.PlotWidget):
    """Horizontal bars, widest at the top: room exposure → entered → product exposure → click → paid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent, background=BACKGROUND)
        plot = self.getPlotItem()
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.setMenuEnabled(False)
        plot.hideButtons()
        self.setMouseEnabled(x=False, y=False)
        self._items: list[pg.GraphicsObject] = []
        self.setMinimumHeight(180)

    def set_steps(self, steps: Sequence[FunnelStep]) -> None:
        plot = self.getPlotItem()
        for item in self._items:
            plot.removeItem(item)
        self._items.clear()
        if not steps:
            return
        # Widths on a log scale: room exposure is often a hundred times the buyers, and a linear funnel
        # would shrink the last steps to slivers. The numbers and step rates are printed on each bar.
        top = math.log10(max(max(s.people for s in steps), 10))
        colors = ("#3b5bdb", "#4c6ef5", "#5c7cfa", "#748ffc", "#ff4d6d")
        for i, step in enumerate(steps):
            y = len(steps) - 1 - i
            width = max(math.log10(max(step.people, 1)) / top, 0.08)
            bar = pg.BarGraphItem(
                x=[0], y=[y], width=width, height=0.7, brush=colors[i % len(colors)], pen=None
            )
            plot.addItem(bar)
            rate = (
                ""
                if step.rate_from_previous is None
                else f"  ({format_metric_value(step.rate_from_previous, Unit.RATIO)})"
            )
            text = pg.TextItem(f"{step.label}  {step.people:,}{rate}", color="#e8eaf0", anchor=(0.5, 0.5))
            text.setPos(0, y)
            plot.addItem(text)
            self._items += [bar, text]
        plot.setXRange(-0.52, 0.52, padding=0)
        plot.setYRange(-0.6, len(steps) - 0.4, padding=0)


class ReviewView(QWidget):
    def __init__(self, parent: QWidget | None = None, tz: tzinfo = CHINA_TZ) -> None:
        super().__init__(parent)
        self._tz = tz
        self.metrics_table = _table(
            [self.tr("Metric"), self.tr("Value"), self.tr("Formula"), self.tr("Worked")]
        )
        self.funnel = FunnelChart()
        self.no_order_label = QLabel()
        self.no_order_label.setWordWrap(True)
        self.source_label = QLabel()
        self.source_label.setProperty("role", "muted")
        self.source_label.setWordWrap(True)

        self.segments_table = _table(
            [
                self.tr("Segment"),
                self.tr("Time"),
                self.tr("GMV"),
                self.tr("Orders"),
                self.tr("Viewers"),
                self.tr("Peak online"),
                self.tr("UV value"),
            ]
        )
        self.promos_table = _table(
            [
                self.tr("Promo"),
                self.tr("Time"),
                self.tr("Online before → after"),
                self.tr("Entered before → after"),
                self.tr("Orders before → after"),
            ]
        )
        self.compare_table = _table(
            [self.tr("Metric"), self.tr("This week"), self.tr("Last week"), self.tr("Change")]
        )
        self.incidents_table = _table(
            [self.tr("Time"), self.tr("Kind"), self.tr("What happened"), self.tr("Fix")]
        )

        self.detail_tabs = QTabWidget()
        self.detail_tabs.addTab(self.segments_table, self.tr("Segments"))
        self.detail_tabs.addTab(self.promos_table, self.tr("Promos (3 min before / after)"))
        self.detail_tabs.addTab(self.compare_table, self.tr("This week vs last"))
        self.detail_tabs.addTab(self.incidents_table, self.tr("Incidents"))
        self.questions_review = QuestionsReview(tz)  # the live room's question queue, answered or not
        self.detail_tabs.addTab(self.questions_review, self.questions_review.title())

        left = QVBoxLayout()
        left.addWidget(self.source_label)
        left.addWidget(self.metrics_table, 1)
        right = QVBoxLayout()
        funnel_title = QLabel(self.tr("Funnel: exposure → entry → click → pay (bar widths on a log scale)"))
        funnel_title.setProperty("role", "muted")
        right.addWidget(funnel_title)
        right.addWidget(self.funnel, 2)
        right.addWidget(self.no_order_label)
        right.addWidget(self.detail_tabs, 3)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(left, 5)
        layout.addLayout(right, 4)

    def _t(self, at: object) -> str:
        from datetime import datetime

        assert isinstance(at, datetime)
        return at.astimezone(self._tz).strftime("%H:%M")

    def show_review(
        self,
        review: ShowReview,
        source_text: str,
        comparison: Sequence[MetricComparison] = (),
        incidents: Sequence[IncidentRow] = (),
    ) -> None:
        self.source_label.setText(source_text)
        _fill(
            self.metrics_table,
            [
                [
                    _item(m.label),
                    _item(format_metric_value(m.value, m.unit), align_right=True),
                    _item(m.formula, tooltip=m.formula),
                    _item(m.detail, tooltip=m.detail),
                ]
                for m in review.metrics
            ],
        )
        self.funnel.set_steps(review.funnel)
        stretch = review.longest_no_order
        self.no_order_label.setText(
            self.tr("Longest stretch with no order: {start}–{end} ({duration})").format(
                start=self._t(stretch.start),
                end=self._t(stretch.end),
                duration=format_seconds(stretch.duration_s),
            )
            if stretch
            else self.tr("Longest stretch with no order: — (no order data)")
        )
        _fill(
            self.segments_table,
            [
                [
                    _item(s.name),
                    _item(f"{self._t(s.start)}–{self._t(s.end)}"),
                    _item(format_metric_value(fen_to_yuan(s.gmv_fen), Unit.YUAN), True),
                    _item(f"{s.orders:,}", True),
                    _item(format_metric_value(s.viewers, Unit.COUNT), True),
                    _item(format_metric_value(s.peak_online, Unit.COUNT), True),
                    _item(format_metric_value(s.uv_value_yuan, Unit.YUAN), True),
                ]
                for s in review.segments
            ],
        )
        _fill(
            self.promos_table,
            [
                [
                    _item(p.name),
                    _item(self._t(p.at)),
                    _item(
                        f"{_whole(p.online_before)} → {_whole(p.online_after)}",
                        True,
                    ),
                    _item(
                        f"{format_metric_value(p.viewers_before, Unit.COUNT)} → "
                        f"{format_metric_value(p.viewers_after, Unit.COUNT)}",
                        True,
                    ),
                    _item(f"{p.orders_before} → {p.orders_after}", True),
                ]
                for p in review.promos
            ],
        )
        rows = []
        for c in comparison:
            change = c.change
            change_item = _item("—" if change is None else f"{change * 100:+.1f}%", True)
            if change is not None and change != 0:
                change_item.setForeground(QColor(UP if change > 0 else DOWN))
            rows.append(
                [
                    _item(c.label),
                    _item(format_metric_value(c.current, c.unit), True),
                    _item(format_metric_value(c.previous, c.unit), True),
                    change_item,
                ]
            )
        _fill(self.compare_table, rows)
        _fill(
            self.incidents_table,
            [[_item(self._t(i.at)), _item(i.kind), _item(i.description), _item(i.fix)] for i in incidents],
        )
