"""Interaction and traffic review: how lively the room was, and where the viewers and the sales came from.

Pure functions. Interaction comes from the minute table's 评论 / 点赞 / 分享 columns:

- per minute and per run-log segment: comments, likes and shares, and per segment their rate per minute;
- interaction rate = people who commented (评论人数) / viewers (进入人数); a file without 评论人数 uses
  评论次数 instead, and the formula says so.

Traffic comes from the traffic-source table: viewers and GMV of natural channels (自然推荐, 关注, 搜索,
短视频引流 ...) against paid ones (千川, 随心推 ...). Ad spend is what was entered for the show, or else the
table's 消耗 column; ad ROI = paid channels' GMV / spend (the show's GMV / spend when there is no traffic
table, as in ``metrics.review``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from studio_app.i18n import translate
from studio_app.metrics.review import SegmentSpan, ratio, sample_interval_s, sum_field
from studio_app.metrics.samples import MetricField, Sample
from studio_app.metrics.traffic import TrafficRow


@dataclass(frozen=True)
class InteractionPoint:
    at: datetime
    comments: int | None
    likes: int | None
    shares: int | None


@dataclass(frozen=True)
class InteractionCounts:
    """Sums over a stretch of the show (the whole show or a segment)."""

    comments: int | None
    commenters: int | None
    likes: int | None
    shares: int | None
    fans_club: int | None
    viewers: int | None
    minutes: float
    interaction_rate: float | None

    def per_minute(self, value: int | None) -> float | None:
        return ratio(value, self.minutes)


@dataclass(frozen=True)
class SegmentInteraction:
    name: str
    start: datetime
    end: datetime
    counts: InteractionCounts


@dataclass(frozen=True)
class InteractionReview:
    totals: InteractionCounts
    per_minute: tuple[InteractionPoint, ...]
    segments: tuple[SegmentInteraction, ...]
    rate_formula: str  # translated

    @property
    def is_empty(self) -> bool:
        return not self.per_minute


def _counts(samples: Sequence[Sample], minutes: float) -> InteractionCounts:
    commenters = sum_field(samples, MetricField.COMMENT_UCNT)
    comments = sum_field(samples, MetricField.COMMENT_CNT)
    viewers = sum_field(samples, MetricField.WATCH_UCNT)
    return InteractionCounts(
        comments=comments,
        commenters=commenters,
        likes=sum_field(samples, MetricField.LIKE_CNT),
        shares=sum_field(samples, MetricField.SHARE_CNT),
        fans_club=sum_field(samples, MetricField.FANS_CLUB_UCNT),
        viewers=viewers,
        minutes=minutes,
        interaction_rate=ratio(commenters if commenters is not None else comments, viewers),
    )


def interaction_review(samples: Sequence[Sample], segments: Sequence[SegmentSpan] = ()) -> InteractionReview:
    fields = (MetricField.COMMENT_CNT, MetricField.COMMENT_UCNT, MetricField.LIKE_CNT, MetricField.SHARE_CNT)
    ordered = sorted((s for s in samples if any(s.get(f) is not None for f in fields)), key=lambda s: s.at)
    interval_min = sample_interval_s(ordered) / 60.0
    has_commenters = any(s.comment_ucnt is not None for s in ordered)
    formula = (
        translate("RoomReview", "people who commented (评论人数) / viewers (进入人数)")
        if has_commenters
        else translate("RoomReview", "comments (评论次数, the file has no 评论人数) / viewers (进入人数)")
    )
    per_segment = []
    for seg in segments:
        inside = [s for s in ordered if seg.start <= s.at < seg.end]
        minutes = (seg.end - seg.start).total_seconds() / 60.0
        per_segment.append(SegmentInteraction(seg.name, seg.start, seg.end, _counts(inside, minutes)))
    return InteractionReview(
        totals=_counts(ordered, len(ordered) * interval_min),
        per_minute=tuple(InteractionPoint(s.at, s.comment_cnt, s.like_cnt, s.share_cnt) for s in ordered),
        segments=tuple(per_segment),
        rate_formula=formula,
    )


@dataclass(frozen=True)
class ChannelStats:
    channel: str
    paid: bool
    viewers: int | None
    buyers: int | None
    orders: int | None
    gmv_fen: int
    spend_fen: int | None
    viewer_share: float | None
    gmv_share: float | None
    roi: float | None  # the channel's GMV / its 消耗


@dataclass(frozen=True)
class TrafficReview:
    channels: tuple[ChannelStats, ...]  # most viewers first
    natural_viewers: int
    paid_viewers: int
    natural_gmv_fen: int
    paid_gmv_fen: int
    paid_viewer_share: float | None
    paid_gmv_share: float | None
    spend_fen: int | None
    spend_entered: bool  # the spend was entered for the show (else it is the table's 消耗)
    ad_roi: float | None  # paid GMV / spend (the show's GMV / spend without a traffic table)

    @property
    def is_empty(self) -> bool:
        return not self.channels


def traffic_review(
    rows: Sequence[TrafficRow], entered_spend_fen: int | None = None, show_gmv_fen: int | None = None
) -> TrafficReview:
    viewers_total = sum(r.watch_ucnt or 0 for r in rows)
    gmv_total = sum(r.pay_gmv_fen or 0 for r in rows)
    channels = tuple(
        ChannelStats(
            channel=r.channel,
            paid=r.paid,
            viewers=r.watch_ucnt,
            buyers=r.pay_ucnt,
            orders=r.pay_order_cnt,
            gmv_fen=r.pay_gmv_fen or 0,
            spend_fen=r.spend_fen,
            viewer_share=ratio(r.watch_ucnt, viewers_total),
            gmv_share=ratio(r.pay_gmv_fen or 0, gmv_total),
            roi=ratio(r.pay_gmv_fen or 0, r.spend_fen),
        )
        for r in sorted(rows, key=lambda r: (-(r.watch_ucnt or 0), r.channel))
    )
    paid_viewers = sum(c.viewers or 0 for c in channels if c.paid)
    paid_gmv = sum(c.gmv_fen for c in channels if c.paid)
    table_spend = [c.spend_fen for c in channels if c.spend_fen is not None]
    spend = entered_spend_fen if entered_spend_fen else (sum(table_spend) if table_spend else None)
    roi_gmv = paid_gmv if channels else show_gmv_fen
    return TrafficReview(
        channels=channels,
        natural_viewers=viewers_total - paid_viewers,
        paid_viewers=paid_viewers,
        natural_gmv_fen=gmv_total - paid_gmv,
        paid_gmv_fen=paid_gmv,
        paid_viewer_share=ratio(paid_viewers, viewers_total),
        paid_gmv_share=ratio(paid_gmv, gmv_total),
        spend_fen=spend,
        spend_entered=bool(entered_spend_fen),
        ad_roi=ratio(roi_gmv, spend),
    )
