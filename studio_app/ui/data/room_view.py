"""Interaction and traffic (互动与流量): comments, likes and shares per minute and per segment; natural and
paid viewers and GMV per channel; the ad spend and its ROI, with a field to enter the spend.

A view over ``metrics.room_review``; the formulas are there and shown in tooltips.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio_app.metrics.imports import CHINA_TZ
from studio_app.metrics.review import Unit, format_metric_value
from studio_app.metrics.room_review import InteractionReview, TrafficReview
from studio_app.ui.data.tables import cell, count_text, fill_table, make_table, ratio_text, yuan_text
from studio_app.ui.data.timeseries import TimeSeriesChart


class RoomView(QWidget):
    spend_requested = Signal(str, float)  # channel, yuan

    def __init__(self, parent: QWidget | None = None, tz: tzinfo = CHINA_TZ) -> None:
        super().__init__(parent)
        self._tz = tz
        # -- interaction
        self.interaction_label = QLabel()
        self.interaction_label.setWordWrap(True)
        self.comments_chart = TimeSeriesChart(self.tr("Comments per minute"), "#f59f00")
        self.segments_table = make_table(
            [
                self.tr("Segment"),
                self.tr("Time"),
                self.tr("Comments"),
                self.tr("Comments / min"),
                self.tr("Likes"),
                self.tr("Likes / min"),
                self.tr("Shares"),
                self.tr("Interaction rate"),
            ],
            stretch_column=0,
        )
        interaction = QGroupBox(self.tr("Interaction (评论 · 点赞 · 分享)"))
        left = QVBoxLayout(interaction)
        left.addWidget(self.interaction_label)
        left.addWidget(self.comments_chart, 2)
        left.addWidget(self.segments_table, 3)

        # -- traffic
        self.split_label = QLabel()
        self.split_label.setWordWrap(True)
        self.roi_label = QLabel()
        self.roi_label.setWordWrap(True)
        self.channels_table = make_table(
            [
                self.tr("Channel"),
                self.tr("Kind"),
                self.tr("Viewers"),
                self.tr("Share"),
                self.tr("Buyers"),
                self.tr("GMV"),
                self.tr("GMV share"),
                self.tr("Spend"),
                self.tr("ROI"),
            ],
            stretch_column=0,
        )
        self.spend_channel = QLineEdit()
        self.spend_channel.setPlaceholderText(self.tr("Channel, e.g. 千川"))
        self.spend_amount = QDoubleSpinBox()
        self.spend_amount.setRange(0, 100_000_000)
        self.spend_amount.setDecimals(2)
        self.spend_amount.setPrefix("¥ ")
        self.spend_button = QPushButton(self.tr("Add ad spend"))
        self.spend_button.clicked.connect(self._request_spend)
        spend_row = QHBoxLayout()
        spend_row.addWidget(QLabel(self.tr("Ad spend for this show")))
        spend_row.addWidget(self.spend_channel, 1)
        spend_row.addWidget(self.spend_amount)
        spend_row.addWidget(self.spend_button)
        traffic = QGroupBox(self.tr("Traffic sources (natural / paid)"))
        right = QVBoxLayout(traffic)
        right.addWidget(self.split_label)
        right.addWidget(self.channels_table, 1)
        right.addWidget(self.roi_label)
        right.addLayout(spend_row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(interaction)
        splitter.addWidget(traffic)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter)

    def _request_spend(self) -> None:
        amount = self.spend_amount.value()
        if amount <= 0:
            self.roi_label.setText(self.tr("Enter the amount spent, in yuan."))
            return
        self.spend_requested.emit(self.spend_channel.text().strip() or self.tr("Ads"), amount)
        self.spend_amount.setValue(0)

    def _t(self, at: object) -> str:
        from datetime import datetime

        assert isinstance(at, datetime)
        return at.astimezone(self._tz).strftime("%H:%M")

    def show_room(self, interaction: InteractionReview, traffic: TrafficReview) -> None:
        self._show_interaction(interaction)
        self._show_traffic(traffic)

    def _show_interaction(self, review: InteractionReview) -> None:
        t = review.totals
        if review.is_empty:
            self.interaction_label.setText(
                self.tr(
                    "No interaction numbers: the minute table has no 评论次数 / 点赞次数 / 分享次数 columns."
                )
            )
        else:
            self.interaction_label.setText(
                self.tr(
                    "Comments {comments} ({commenters} people) · likes {likes} · shares {shares} · "
                    "new fan-club members {club} · interaction rate {rate}"
                ).format(
                    comments=count_text(t.comments),
                    commenters=count_text(t.commenters),
                    likes=count_text(t.likes),
                    shares=count_text(t.shares),
                    club=count_text(t.fans_club),
                    rate=ratio_text(t.interaction_rate),
                )
            )
        self.interaction_label.setToolTip(
            self.tr("Interaction rate = {formula}").format(formula=review.rate_formula)
        )
        points = [(m.at.timestamp(), float(m.comments)) for m in review.per_minute if m.comments is not None]
        self.comments_chart.set_series([p[0] for p in points], [p[1] for p in points])
        bands = [(s.name, s.start.timestamp(), s.end.timestamp()) for s in review.segments]
        self.comments_chart.set_timeline(bands, [])
        self.comments_chart.getPlotItem().enableAutoRange()
        self.comments_chart.flush()
        fill_table(
            self.segments_table,
            [
                [
                    cell(s.name, tooltip=s.name),
                    cell(f"{self._t(s.start)}–{self._t(s.end)}"),
                    cell(count_text(s.counts.comments), True),
                    cell(count_text(s.counts.per_minute(s.counts.comments)), True),
                    cell(count_text(s.counts.likes), True),
                    cell(count_text(s.counts.per_minute(s.counts.likes)), True),
                    cell(count_text(s.counts.shares), True),
                    cell(ratio_text(s.counts.interaction_rate), True, review.rate_formula),
                ]
                for s in review.segments
            ],
        )

    def _show_traffic(self, review: TrafficReview) -> None:
        if review.is_empty:
            self.split_label.setText(
                self.tr(
                    "No traffic-source table for this show yet: import the 流量来源 export "
                    "(渠道, 观看人数, 成交金额)."
                )
            )
        else:
            self.split_label.setText(
                self.tr(
                    "Natural: {nv} viewers, {ng} · Paid: {pv} viewers ({pvs}), {pg} ({pgs} of GMV)"
                ).format(
                    nv=count_text(review.natural_viewers),
                    ng=yuan_text(review.natural_gmv_fen),
                    pv=count_text(review.paid_viewers),
                    pvs=ratio_text(review.paid_viewer_share),
                    pg=yuan_text(review.paid_gmv_fen),
                    pgs=ratio_text(review.paid_gmv_share),
                )
            )
        if review.spend_fen is None:
            self.roi_label.setText(self.tr("Ad ROI: — (no ad spend entered)"))
        else:
            origin = self.tr("entered") if review.spend_entered else self.tr("消耗 in the table")
            self.roi_label.setText(
                self.tr("Ad spend {spend} ({origin}) · ad ROI {roi} (paid GMV / spend)").format(
                    spend=yuan_text(review.spend_fen),
                    origin=origin,
                    roi=format_metric_value(review.ad_roi, Unit.MULTIPLE),
                )
            )
        fill_table(
            self.channels_table,
            [
                [
                    cell(c.channel),
                    cell(self.tr("paid") if c.paid else self.tr("natural")),
                    cell(count_text(c.viewers), True),
                    cell(ratio_text(c.viewer_share), True),
                    cell(count_text(c.buyers), True),
                    cell(yuan_text(c.gmv_fen), True),
                    cell(ratio_text(c.gmv_share), True),
                    cell(yuan_text(c.spend_fen), True),
                    cell(format_metric_value(c.roi, Unit.MULTIPLE), True),
                ]
                for c in review.channels
            ],
        )
