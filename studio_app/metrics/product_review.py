"""Product review (商品复盘): per product the funnel, its rates and share, and the products to work on.

Pure functions over the product table's rows, the time each product was explained on air (from the run
log's segments) and the script's product cards. Conventions, as in ``metrics.review``:

- click rate = 商品点击人数 / 商品曝光人数; click-to-pay = 成交人数 / 商品点击人数; refund rate =
  退款金额 / 成交金额; GMV share = the product's GMV / the GMV of all products in the table; average order
  value = GMV / 成交订单数. A ratio whose denominator is missing or zero is ``None``.
- **weak products**: sold (buyers > 0) with at least :data:`WEAK_MIN_CLICKS` clicks, ranked by
  click-to-pay from the lowest: people were interested and did not buy.
- **never sold**: clicks and no buyer, the most clicked first.
- A product links to a script card by the platform id written on the card, else by name (the same name
  after removing spaces and case, else the longest card name inside the product's title).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from studio_app.metrics.products import ProductRow
from studio_app.metrics.review import ratio

WEAK_MIN_CLICKS = 100


@dataclass(frozen=True)
class CardRef:
    """A script product card, as far as linking needs it."""

    link_no: int
    name: str
    product_id: str = ""  # the platform's 商品ID when the card names it


@dataclass(frozen=True)
class ProductStats:
    product_id: str
    name: str
    explain_cnt: int | None
    exposures: int | None
    clicks: int | None
    orders: int | None
    items: int | None
    buyers: int | None
    gmv_fen: int
    refund_fen: int | None
    click_rate: float | None
    click_to_pay: float | None
    gmv_share: float | None
    refund_rate: float | None
    aov_fen: float | None
    explained_s: float | None  # time on air in the segments that sold it (None: no card or no run log)
    gmv_per_explained_min_fen: float | None
    card: CardRef | None


@dataclass(frozen=True)
class ProductReview:
    products: tuple[ProductStats, ...]  # best-selling first
    weak: tuple[ProductStats, ...]  # lowest click-to-pay first
    never_sold: tuple[ProductStats, ...]  # most clicked first
    total_gmv_fen: int
    click_to_pay: float | None  # of all products together: buyers / clicks

    @property
    def is_empty(self) -> bool:
        return not self.products

    def converts_below_average(self, product: ProductStats) -> bool:
        """A weak product whose click-to-pay is below the show's (the ones worth a word with the host)."""
        return (
            product in self.weak
            and self.click_to_pay is not None
            and product.click_to_pay is not None
            and product.click_to_pay < self.click_to_pay
        )


def _plain(name: str) -> str:
    return re.sub(r"\s+", "", name).lower()


def link_card(product_id: str, name: str, cards: Sequence[CardRef]) -> CardRef | None:
    """The card a product (a table row, the live room's numbers) is about: by platform id, then the same
    name, then the longest card name found inside the product's title (tables carry the shop's full
    title, the card a short name)."""
    if product_id:
        for card in cards:
            if card.product_id and card.product_id == product_id:
                return card
    title = _plain(name)
    for card in cards:
        if _plain(card.name) == title:
            return card
    inside = [card for card in cards if _plain(card.name) and _plain(card.name) in title]
    return max(inside, key=lambda c: len(_plain(c.name)), default=None)


def product_review(
    rows: Sequence[ProductRow],
    cards: Sequence[CardRef] = (),
    explained_s_by_link: Mapping[int, float] | None = None,
) -> ProductReview:
    """``explained_s_by_link``: seconds on air per card link number, from the run log (``None`` when the
    show has no run log; a card missing from it then has 0 s)."""
    total = sum(r.pay_gmv_fen or 0 for r in rows)
    stats = []
    for row in rows:
        card = link_card(row.product_id, row.name, cards)
        gmv = row.pay_gmv_fen or 0
        explained: float | None = None
        if card is not None and explained_s_by_link is not None:
            explained = explained_s_by_link.get(card.link_no, 0.0)
        stats.append(
            ProductStats(
                product_id=row.product_id,
                name=row.name,
                explain_cnt=row.explain_cnt,
                exposures=row.exposure_ucnt,
                clicks=row.click_ucnt,
                orders=row.pay_order_cnt,
                items=row.pay_item_cnt,
                buyers=row.pay_ucnt,
                gmv_fen=gmv,
                refund_fen=row.refund_gmv_fen,
                click_rate=ratio(row.click_ucnt, row.exposure_ucnt),
                click_to_pay=ratio(row.pay_ucnt, row.click_ucnt),
                gmv_share=ratio(gmv, total),
                refund_rate=ratio(row.refund_gmv_fen, gmv) if row.refund_gmv_fen is not None else None,
                aov_fen=ratio(gmv, row.pay_order_cnt),
                explained_s=explained,
                gmv_per_explained_min_fen=ratio(gmv, explained / 60.0) if explained else None,
                card=card,
            )
        )
    ordered = tuple(sorted(stats, key=lambda p: (-p.gmv_fen, p.name)))
    weak = tuple(
        sorted(
            (p for p in ordered if (p.buyers or 0) > 0 and (p.clicks or 0) >= WEAK_MIN_CLICKS),
            key=lambda p: (p.click_to_pay if p.click_to_pay is not None else 0.0, -(p.clicks or 0)),
        )
    )
    never = tuple(
        sorted(
            (p for p in ordered if (p.clicks or 0) > 0 and not p.buyers),
            key=lambda p: (-(p.clicks or 0), p.name),
        )
    )
    clicks = sum(r.click_ucnt or 0 for r in rows)
    buyers = sum(r.pay_ucnt or 0 for r in rows)
    return ProductReview(ordered, weak, never, total, ratio(buyers, clicks))
