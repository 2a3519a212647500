"""Flash-sale stock (限量秒杀): the live count per link, adjusted by hand or from the feed, and sold out.

Counts are kept per link number (链接号), the key the host and the product card use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from studio_app.i18n import translate
from studio_app.script.model import Product, Script, Segment, SegmentKind


@dataclass(frozen=True)
class StockChange:
    link_no: int
    count: int
    sold_out_now: bool  # this change took the last piece: the host should say so


def initial_stock(script: Script) -> dict[int, int]:
    """What the script's product cards say before the show."""
    return {p.link_no: p.stock for p in script.products if p.stock is not None}


def change_stock(counts: Mapping[int, int], link_no: int, count: int) -> StockChange:
    """The new count (never below zero) and whether it just sold out."""
    count = max(0, count)
    before = counts.get(link_no)
    return StockChange(link_no, count, count == 0 and (before is None or before > 0))


def sold_out_cue(product: Product) -> str:
    return translate("LiveRoom", "Link {n} {name} SOLD OUT: move on / restock?").format(
        n=product.link_no, name=product.name[:10]
    )


def flash_sale_product(script: Script, segment: Segment) -> Product | None:
    """The product a 秒杀 segment sells; None for other segments."""
    if segment.kind is not SegmentKind.FLASH_SALE:
        return None
    return script.product_for(segment)
