"""Review metrics (复盘): pure functions from samples, segments and promos to numbers with their formulas.

Conventions, shown to the user with every number:

- Counts and money are summed over the samples; ``online_viewers`` is a snapshot, so peak is its maximum
  and average online is its mean over the samples (equal intervals).
- "Viewers" are people who entered (进入人数, ``watch_ucnt``), "views" are entries (进入次数,
  ``watch_cnt``). Minute tables count a person again in every minute they act in, so summed buyers and
  viewers can be higher than the platform's de-duplicated show totals; the formula text says so.
- A sample belongs to a segment when its start time is inside ``[segment start, segment end)``.
- A ratio whose denominator is missing or zero is ``None`` ("—" in the UI), never 0 or infinity.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from studio_app.i18n import translate
from studio_app.metrics.samples import MetricField, Sample
from studio_app.money import fen_to_yuan

PROMO_WINDOW = timedelta(minutes=3)
DEFAULT_INTERVAL_S = 60.0


class Unit(StrEnum):
    YUAN = "yuan"
    COUNT = "count"
    RATIO = "ratio"
    SECONDS = "seconds"
    MULTIPLE = "multiple"  # ROI: yuan of sales per yuan spent


class MetricKey(StrEnum):
    GMV = "gmv"
    REFUND_GMV = "refund_gmv"
    NET_GMV = "net_gmv"
    BUYERS = "buyers"
    ORDERS = "orders"
    AOV = "aov"
    VIEWERS = "viewers"
    VIEWS = "views"
    GPM = "gpm"
    UV_VALUE = "uv_value"
    EXPOSURES = "exposures"
    CLICKS = "clicks"
    CLICK_RATE = "click_rate"
    CLICK_TO_PAY = "click_to_pay"
    VIEW_TO_PAY = "view_to_pay"
    AVG_DWELL = "avg_dwell"
    PEAK_ONLINE = "peak_online"
    AVG_ONLINE = "avg_online"
    NEW_FANS = "new_fans"
    NEW_FAN_RATE = "new_fan_rate"
    REFUND_RATE = "refund_rate"
    AD_SPEND = "ad_spend"
    AD_ROI = "ad_roi"


@dataclass(frozen=True)
class ReviewMetric:
    key: MetricKey
    label: str  # translated
    value: float | None  # yuan for money; a fraction (0.12) for ratios; None when it cannot be computed
    unit: Unit
    formula: str  # translated, in words: "GMV × 1000 / views (进入次数)"
    detail: str = ""  # the formula with this show's numbers, or why it is missing


@dataclass(frozen=True)
class SegmentSpan:
    name: str
    start: datetime
    end: datetime
    index: int | None = None  # its place in the script's rundown, when the run log says


@dataclass(frozen=True)
class PromoMark:
    name: str
    at: datetime


@dataclass(frozen=True)
class Totals:
    """Sums and snapshots over a set of samples; ``None`` when no sample had the field."""

    sample_count: int
    interval_s: float
    gmv_fen: int | None
    refund_fen: int | None
    buyers: int | None
    orders: int | None
    viewers: int | None
    views: int | None
    room_exposures: int | None
    exposures: int | None
    clicks: int | None
    new_fans: int | None
    peak_online: int | None
    avg_online: float | None
    avg_dwell_s: float | None
    dwell_from_online: bool  # the dwell was estimated from online viewers, not read from the file


@dataclass(frozen=True)
class SegmentStats:
    name: str
    start: datetime
    end: datetime
    gmv_fen: int
    orders: int
    viewers: int | None
    peak_online: int | None
    avg_online: float | None
    uv_value_yuan: float | None


@dataclass(frozen=True)
class PromoEffect:
    name: str
    at: datetime
    online_before: float | None  # average online in the 3 minutes before
    online_after: float | None
    viewers_before: int | None  # people who entered
    viewers_after: int | None
    orders_before: int
    orders_after: int
    gmv_before_fen: int
    gmv_after_fen: int


@dataclass(frozen=True)
class NoOrderStretch:
    start: datetime
    end: datetime

    @property
    def duration_s(self) -> float:
        return (self.end - self.start).total_seconds()


@dataclass(frozen=True)
class FunnelStep:
    label: str
    people: int
    rate_from_previous: float | None


@dataclass(frozen=True)
class ShowReview:
    totals: Totals
    metrics: tuple[ReviewMetric, ...]
    segments: tuple[SegmentStats, ...]
    promos: tuple[PromoEffect, ...]
    longest_no_order: NoOrderStretch | None
    funnel: tuple[FunnelStep, ...]

    def metric(self, key: MetricKey) -> ReviewMetric:
        for m in self.metrics:
            if m.key is key:
                return m
        raise KeyError(key)


@dataclass(frozen=True)
class MetricComparison:
    key: MetricKey
    label: str
    unit: Unit
    current: float | None
    previous: float | None

    @property
    def change(self) -> float | None:
        """Relative change (0.25 = up 25 %); None when either side is missing or the previous is zero."""
        if self.current is None or self.previous is None or self.previous == 0:
            return None
        return (self.current - self.previous) / abs(self.previous)


# --------------------------------------------------------------------------------------------- helpers


def sum_field(samples: Sequence[Sample], field: MetricField) -> int | None:
    values = [v for s in samples if (v := s.get(field)) is not None]
    return int(sum(values)) if values else None


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


def sample_interval_s(samples: Sequence[Sample]) -> float:
    """The typical spacing of samples (median), 60 s for a single minute row."""
    if len(samples) < 2:
        return DEFAULT_INTERVAL_S
    gaps = [(b.at - a.at).total_seconds() for a, b in itertools.pairwise(samples)]
    positive = [g for g in gaps if g > 0]
    return statistics.median(positive) if positive else DEFAULT_INTERVAL_S


def totals(samples: Sequence[Sample]) -> Totals:
    samples = sorted(samples, key=lambda s: s.at)
    interval_s = sample_interval_s(samples)
    online = [s.online_viewers for s in samples if s.online_viewers is not None]
    viewers = sum_field(samples, MetricField.WATCH_UCNT)
    # Dwell: the file's per-interval average weighted by the people who entered in that interval; without
    # it, Little's law: viewer-seconds online / people who entered.
    weighted = [(s.avg_watch_seconds, s.watch_ucnt or 0) for s in samples if s.avg_watch_seconds is not None]
    dwell: float | None = None
    from_online = False
    if weighted:
        weight = sum(w for _, w in weighted)
        dwell = (
            sum(d * w for d, w in weighted) / weight if weight else statistics.fmean(d for d, _ in weighted)
        )
    elif online and viewers:
        dwell = sum(online) * interval_s / viewers
        from_online = True
    return Totals(
        sample_count=len(samples),
        interval_s=interval_s,
        gmv_fen=sum_field(samples, MetricField.PAY_GMV_FEN),
        refund_fen=sum_field(samples, MetricField.REFUND_GMV_FEN),
        buyers=sum_field(samples, MetricField.PAY_UCNT),
        orders=sum_field(samples, MetricField.PAY_ORDER_CNT),
        viewers=viewers,
        views=sum_field(samples, MetricField.WATCH_CNT),
        room_exposures=sum_field(samples, MetricField.ROOM_SHOW_UCNT),
        exposures=sum_field(samples, MetricField.PRODUCT_SHOW_UCNT),
        clicks=sum_field(samples, MetricField.PRODUCT_CLICK_UCNT),
        new_fans=sum_field(samples, MetricField.INCR_FANS_CNT),
        peak_online=max(online) if online else None,
        avg_online=statistics.fmean(online) if online else None,
        avg_dwell_s=dwell,
        dwell_from_online=from_online,
    )


def _yuan(fen: int | None) -> float | None:
    return None if fen is None else fen_to_yuan(fen)


def _n(value: float | None, money: bool = False) -> str:
    if value is None:
        return "—"
    if money:
        return f"¥{value:,.2f}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


# --------------------------------------------------------------------------------------------- metrics


def review_metrics(t: Totals, ad_spend_fen: int | None = None) -> tuple[ReviewMetric, ...]:

    gmv, refund = _yuan(t.gmv_fen), _yuan(t.refund_fen)
    net = None if gmv is None else gmv - (refund or 0.0)
    spend = _yuan(ad_spend_fen) if ad_spend_fen else None
    gpm_base, gpm_base_name = (
        (t.views, translate("Review", "views (进入次数)"))
        if t.views
        else (t.viewers, translate("Review", "viewers (进入人数), as the file has no views"))
    )
    summed = translate("Review", "summed over the minutes")

    def m(
        key: MetricKey, label: str, value: float | None, unit: Unit, formula: str, detail: str
    ) -> ReviewMetric:
        return ReviewMetric(key, label, value, unit, formula, detail)

    dwell_formula = (
        translate(
            "Review", "online viewers × sample interval / viewers (estimated: the file has no dwell column)"
        )
        if t.dwell_from_online
        else translate("Review", "average of 平均停留时长, weighted by the viewers of each minute")
    )
    return (
        m(
            MetricKey.GMV,
            translate("Review", "GMV"),
            gmv,
            Unit.YUAN,
            translate("Review", "sum of 成交金额"),
            _n(gmv, True),
        ),
        m(
            MetricKey.REFUND_GMV,
            translate("Review", "Refunds"),
            refund,
            Unit.YUAN,
            translate("Review", "sum of 退款金额"),
            _n(refund, True),
        ),
        m(
            MetricKey.NET_GMV,
            translate("Review", "Net GMV"),
            net,
            Unit.YUAN,
            translate("Review", "GMV − refunds"),
            f"{_n(gmv, True)} − {_n(refund or 0.0, True)}",
        ),
        m(
            MetricKey.BUYERS,
            translate("Review", "Buyers"),
            t.buyers,
            Unit.COUNT,
            translate("Review", "sum of 成交人数") + f" ({summed})",
            _n(t.buyers),
        ),
        m(
            MetricKey.ORDERS,
            translate("Review", "Orders"),
            t.orders,
            Unit.COUNT,
            translate("Review", "sum of 成交订单数"),
            _n(t.orders),
        ),
        m(
            MetricKey.AOV,
            translate("Review", "Average order value"),
            ratio(gmv, t.buyers),
            Unit.YUAN,
            translate("Review", "GMV / buyers"),
            f"{_n(gmv, True)} / {_n(t.buyers)}",
        ),
        m(
            MetricKey.VIEWERS,
            translate("Review", "Viewers"),
            t.viewers,
            Unit.COUNT,
            translate("Review", "sum of 进入人数") + f" ({summed})",
            _n(t.viewers),
        ),
        m(
            MetricKey.VIEWS,
            translate("Review", "Views"),
            t.views,
            Unit.COUNT,
            translate("Review", "sum of 进入次数"),
            _n(t.views),
        ),
        m(
            MetricKey.GPM,
            translate("Review", "GPM"),
            None if gmv is None else ratio(gmv * 1000, gpm_base),
            Unit.YUAN,
            translate("Review", "GMV × 1000 / {base}").format(base=gpm_base_name),
            f"{_n(gmv, True)} × 1000 / {_n(gpm_base)}",
        ),
        m(
            MetricKey.UV_VALUE,
            translate("Review", "UV value"),
            ratio(gmv, t.viewers),
            Unit.YUAN,
            translate("Review", "GMV / viewers (进入人数)"),
            f"{_n(gmv, True)} / {_n(t.viewers)}",
        ),
        m(
            MetricKey.CLICK_RATE,
            translate("Review", "Click rate"),
            ratio(t.clicks, t.exposures),
            Unit.RATIO,
            translate("Review", "product clicks (商品点击人数) / product exposures (商品曝光人数)"),
            f"{_n(t.clicks)} / {_n(t.exposures)}",
        ),
        m(
            MetricKey.CLICK_TO_PAY,
            translate("Review", "Click-to-pay conversion"),
            ratio(t.buyers, t.clicks),
            Unit.RATIO,
            translate("Review", "buyers / product clicks"),
            f"{_n(t.buyers)} / {_n(t.clicks)}",
        ),
        m(
            MetricKey.VIEW_TO_PAY,
            translate("Review", "View-to-pay conversion"),
            ratio(t.buyers, t.viewers),
            Unit.RATIO,
            translate("Review", "buyers / viewers"),
            f"{_n(t.buyers)} / {_n(t.viewers)}",
        ),
        m(
            MetricKey.AVG_DWELL,
            translate("Review", "Average dwell"),
            t.avg_dwell_s,
            Unit.SECONDS,
            dwell_formula,
            format_seconds(t.avg_dwell_s),
        ),
        m(
            MetricKey.PEAK_ONLINE,
            translate("Review", "Peak online"),
            t.peak_online,
            Unit.COUNT,
            translate("Review", "maximum of 在线人数"),
            _n(t.peak_online),
        ),
        m(
            MetricKey.AVG_ONLINE,
            translate("Review", "Average online"),
            t.avg_online,
            Unit.COUNT,
            translate("Review", "mean of 在线人数 over the samples"),
            _n(t.avg_online),
        ),
        m(
            MetricKey.NEW_FANS,
            translate("Review", "New followers"),
            t.new_fans,
            Unit.COUNT,
            translate("Review", "sum of 新增粉丝"),
            _n(t.new_fans),
        ),
        m(
            MetricKey.NEW_FAN_RATE,
            translate("Review", "New-follower rate"),
            ratio(t.new_fans, t.viewers),
            Unit.RATIO,
            translate("Review", "new followers / viewers"),
            f"{_n(t.new_fans)} / {_n(t.viewers)}",
        ),
        m(
            MetricKey.REFUND_RATE,
            translate("Review", "Refund rate"),
            ratio(refund, gmv),
            Unit.RATIO,
            translate("Review", "refunds / GMV"),
            f"{_n(refund, True)} / {_n(gmv, True)}",
        ),
        m(
            MetricKey.AD_SPEND,
            translate("Review", "Ad spend"),
            spend,
            Unit.YUAN,
            translate("Review", "sum of the spend entered for the show"),
            _n(spend, True),
        ),
        m(
            MetricKey.AD_ROI,
            translate("Review", "Ad ROI"),
            ratio(gmv, spend),
            Unit.MULTIPLE,
            translate("Review", "GMV / ad spend"),
            f"{_n(gmv, True)} / {_n(spend, True)}" if spend else translate("Review", "no ad spend entered"),
        ),
    )


def format_seconds(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    whole = round(seconds)
    minutes, secs = divmod(whole, 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return translate("Review", "{h} h {m} min").format(h=hours, m=minutes)
    if minutes:
        return translate("Review", "{m} min {s} s").format(m=minutes, s=secs)
    return translate("Review", "{s} s").format(s=secs)


def format_metric_value(value: float | None, unit: Unit) -> str:
    if value is None:
        return "—"
    if unit is Unit.YUAN:
        return f"¥{value:,.2f}"
    if unit is Unit.RATIO:
        return f"{value * 100:.2f}%"
    if unit is Unit.SECONDS:
        return format_seconds(value)
    if unit is Unit.MULTIPLE:
        return f"{value:.2f}×"
    return _n(round(value, 1))


# --------------------------------------------------------------------------------------------- per segment


def _between(samples: Sequence[Sample], start: datetime, end: datetime) -> list[Sample]:
    return [s for s in samples if start <= s.at < end]


def segment_stats(samples: Sequence[Sample], segments: Sequence[SegmentSpan]) -> tuple[SegmentStats, ...]:
    out = []
    for seg in segments:
        inside = _between(samples, seg.start, seg.end)
        t = totals(inside)
        out.append(
            SegmentStats(
                name=seg.name,
                start=seg.start,
                end=seg.end,
                gmv_fen=t.gmv_fen or 0,
                orders=t.orders or 0,
                viewers=t.viewers,
                peak_online=t.peak_online,
                avg_online=t.avg_online,
                uv_value_yuan=ratio(_yuan(t.gmv_fen), t.viewers),
            )
        )
    return tuple(out)


def promo_effects(
    samples: Sequence[Sample], promos: Sequence[PromoMark], window: timedelta = PROMO_WINDOW
) -> tuple[PromoEffect, ...]:
    """Viewers and orders in the ``window`` before a promo, ``[at − w, at)``, vs after, ``[at, at + w)``."""
    out = []
    for promo in promos:
        before = totals(_between(samples, promo.at - window, promo.at))
        after = totals(_between(samples, promo.at, promo.at + window))
        out.append(
            PromoEffect(
                name=promo.name,
                at=promo.at,
                online_before=before.avg_online,
                online_after=after.avg_online,
                viewers_before=before.viewers,
                viewers_after=after.viewers,
                orders_before=before.orders or 0,
                orders_after=after.orders or 0,
                gmv_before_fen=before.gmv_fen or 0,
                gmv_after_fen=after.gmv_fen or 0,
            )
        )
    return tuple(out)


def longest_no_order(samples: Sequence[Sample]) -> NoOrderStretch | None:
    """The longest time with no order: from the end of an interval with orders (or the start of the data)
    to the start of the next interval with orders (or the end of the data).

    Only samples that report orders count; ``None`` when no sample reports orders.
    """
    known = sorted((s for s in samples if s.pay_order_cnt is not None), key=lambda s: s.at)
    if not known:
        return None
    step = timedelta(seconds=sample_interval_s(known))
    best: NoOrderStretch | None = None
    stretch_start = known[0].at
    for s in known:
        if s.pay_order_cnt:
            if s.at > stretch_start and (best is None or s.at - stretch_start > best.end - best.start):
                best = NoOrderStretch(stretch_start, s.at)
            stretch_start = s.at + step
    data_end = known[-1].at + step
    if data_end > stretch_start and (best is None or data_end - stretch_start > best.end - best.start):
        best = NoOrderStretch(stretch_start, data_end)
    return best


def funnel(t: Totals) -> tuple[FunnelStep, ...]:
    """Room exposure → entry → product exposure → click → pay, with the steps the data has."""

    raw = [
        (translate("Review", "Room exposure"), t.room_exposures),
        (translate("Review", "Entered"), t.viewers),
        (translate("Review", "Product exposure"), t.exposures),
        (translate("Review", "Product click"), t.clicks),
        (translate("Review", "Paid"), t.buyers),
    ]
    steps: list[FunnelStep] = []
    previous: int | None = None
    for label, people in raw:
        if people is None:
            continue
        steps.append(FunnelStep(label, people, ratio(people, previous)))
        previous = people
    return tuple(steps)


def review_show(
    samples: Sequence[Sample],
    segments: Sequence[SegmentSpan] = (),
    promos: Sequence[PromoMark] = (),
    ad_spend_fen: int | None = None,
) -> ShowReview:
    ordered = sorted(samples, key=lambda s: s.at)
    t = totals(ordered)
    return ShowReview(
        totals=t,
        metrics=review_metrics(t, ad_spend_fen),
        segments=segment_stats(ordered, segments),
        promos=promo_effects(ordered, promos),
        longest_no_order=longest_no_order(ordered),
        funnel=funnel(t),
    )


# --------------------------------------------------------------------------------------------- comparison

COMPARED = (
    MetricKey.GMV,
    MetricKey.NET_GMV,
    MetricKey.ORDERS,
    MetricKey.BUYERS,
    MetricKey.AOV,
    MetricKey.VIEWERS,
    MetricKey.GPM,
    MetricKey.UV_VALUE,
    MetricKey.CLICK_RATE,
    MetricKey.VIEW_TO_PAY,
    MetricKey.PEAK_ONLINE,
    MetricKey.AVG_ONLINE,
    MetricKey.AVG_DWELL,
    MetricKey.REFUND_RATE,
    MetricKey.AD_ROI,
)


def compare_reviews(current: ShowReview, previous: ShowReview) -> tuple[MetricComparison, ...]:
    """Metric by metric, e.g. this week's shows against last week's (each a :func:`review_show` of the
    samples of all shows in the week)."""
    out = []
    for key in COMPARED:
        now, before = current.metric(key), previous.metric(key)
        out.append(MetricComparison(key, now.label, now.unit, now.value, before.value))
    return tuple(out)


# --------------------------------------------------------------------------------------------- sources


def samples_from_manual(
    entries: Sequence[tuple[datetime, int | None, int | None, int | None]],
) -> tuple[Sample, ...]:
    """Turn manual entries ``(at, online viewers, running GMV in fen, running orders)`` into samples.

    The GMV (and orders) typed at a time minus the previous total is what sold since the previous entry;
    it is put on the sample at the later time.
    """
    out = []
    last_gmv: int | None = None
    last_orders: int | None = None
    for at, online, gmv_total, orders_total in sorted(entries, key=lambda e: e[0]):
        gmv = None if gmv_total is None else max(0, gmv_total - (last_gmv or 0))
        orders = None if orders_total is None else max(0, orders_total - (last_orders or 0))
        out.append(Sample(at=at, online_viewers=online, pay_gmv_fen=gmv, pay_order_cnt=orders))
        if gmv_total is not None:
            last_gmv = gmv_total
        if orders_total is not None:
            last_orders = orders_total
    return tuple(out)
