"""A show's review as one JSON object (``studio-app data review --json``), for scripts and spreadsheets.

Plain numbers only: money in yuan (two decimals), ratios as fractions (0.125), seconds as seconds, times
as ISO 8601 with the offset of ``tz``; ``null`` where the source has no such number. The keys are a
contract (issue 12): ``metrics``, ``segments``, ``promos``, ``products``, ``weak_products``,
``never_sold``, ``traffic``, ``interaction``.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from studio_app.metrics.product_review import ProductStats
from studio_app.metrics.room_review import InteractionCounts
from studio_app.metrics.service import ReviewData
from studio_app.money import fen_to_yuan

Json = dict[str, Any]


def _yuan(fen: float | None) -> float | None:
    return None if fen is None else round(fen_to_yuan(round(fen)), 2)


def _time(at: datetime, tz: tzinfo) -> str:
    return at.astimezone(tz).isoformat()


def _product(p: ProductStats) -> Json:
    return {
        "id": p.product_id,
        "name": p.name,
        "exposures": p.exposures,
        "clicks": p.clicks,
        "orders": p.orders,
        "buyers": p.buyers,
        "gmv": _yuan(p.gmv_fen),
        "refund": _yuan(p.refund_fen),
        "click_rate": p.click_rate,
        "click_to_pay": p.click_to_pay,
    }


def _interaction(c: InteractionCounts) -> Json:
    return {
        "comments": c.comments,
        "commenters": c.commenters,
        "likes": c.likes,
        "shares": c.shares,
        "fans_club": c.fans_club,
        "interaction_rate": c.interaction_rate,
        "comments_per_min": c.per_minute(c.comments),
        "likes_per_min": c.per_minute(c.likes),
        "shares_per_min": c.per_minute(c.shares),
    }


def review_json(data: ReviewData, tz: tzinfo) -> Json:
    t = data.review.totals
    gmv, refund = _yuan(t.gmv_fen), _yuan(t.refund_fen)
    products = data.breakdown.products
    traffic = data.breakdown.traffic
    interaction = data.breakdown.interaction
    return {
        "metrics": {
            "gmv": gmv,
            "refund": refund,
            "net_gmv": None if gmv is None else round(gmv - (refund or 0.0), 2),
            "orders": t.orders,
            "buyers": t.buyers,
            "viewers": t.viewers,
            "peak_online": t.peak_online,
            "avg_online": None if t.avg_online is None else round(t.avg_online, 2),
            "new_followers": t.new_fans,
        },
        "segments": [
            {
                "name": s.name,
                "start": _time(s.start, tz),
                "end": _time(s.end, tz),
                "gmv": _yuan(s.gmv_fen),
                "orders": s.orders,
                "viewers": s.viewers,
                "peak_online": s.peak_online,
                "avg_online": s.avg_online,
            }
            for s in data.review.segments
        ],
        "promos": [
            {
                "name": p.name,
                "at": _time(p.at, tz),
                "online_before": p.online_before,
                "online_after": p.online_after,
                "orders_before": p.orders_before,
                "orders_after": p.orders_after,
                "gmv_before": _yuan(p.gmv_before_fen),
                "gmv_after": _yuan(p.gmv_after_fen),
            }
            for p in data.review.promos
        ],
        "products": [_product(p) for p in products.products],
        "weak_products": [_product(p) for p in products.weak],
        "never_sold": [_product(p) for p in products.never_sold],
        "traffic": {
            "channels": [
                {
                    "channel": c.channel,
                    "paid": c.paid,
                    "viewers": c.viewers,
                    "buyers": c.buyers,
                    "orders": c.orders,
                    "gmv": _yuan(c.gmv_fen),
                    "spend": _yuan(c.spend_fen),
                    "viewer_share": c.viewer_share,
                    "gmv_share": c.gmv_share,
                }
                for c in traffic.channels
            ],
            "natural": {"viewers": traffic.natural_viewers, "gmv": _yuan(traffic.natural_gmv_fen)},
            "paid": {"viewers": traffic.paid_viewers, "gmv": _yuan(traffic.paid_gmv_fen)},
            "paid_viewer_share": traffic.paid_viewer_share,
            "paid_gmv_share": traffic.paid_gmv_share,
            "ad_spend": _yuan(traffic.spend_fen),
            "ad_roi": traffic.ad_roi,
        },
        "interaction": {
            **_interaction(interaction.totals),
            "per_minute": [
                {"at": _time(m.at, tz), "comments": m.comments, "likes": m.likes, "shares": m.shares}
                for m in interaction.per_minute
            ],
            "segments": [
                {
                    "name": s.name,
                    "start": _time(s.start, tz),
                    "end": _time(s.end, tz),
                    **_interaction(s.counts),
                }
                for s in interaction.segments
            ],
        },
    }
