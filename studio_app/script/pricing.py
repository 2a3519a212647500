"""Price sanity before the show: the mistakes that cost a studio money in one minute on air.

A live price about a tenth of the list price (or less) smells of a missing zero; one about ten times the list
price of an extra zero; a live price above the list price makes the "deal" a lie; no stock means the link
sells nothing or oversells. None of these is necessarily wrong (a 1折 deal exists), so each flag asks for a
second confirmation rather than blocking; the confirmation is recorded with the show.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from studio_app.i18n import translate
from studio_app.script.model import Product, format_price

# A price off by a factor of ten is "about ten": 7.5 catches 199 → 25 and 99 → 12.9 as suspicious while
# leaving ordinary deep discounts such as 199 → 39 (about 5×) alone.
ZERO_SLIP_RATIO = Decimal("7.5")


class PriceFlagKind(StrEnum):
    MISSING_ZERO = "missing_zero"  # live price ≲ list / 10
    EXTRA_ZERO = "extra_zero"  # live price ≳ list × 10
    LIVE_ABOVE_LIST = "live_above_list"
    NO_STOCK = "no_stock"  # stock ≤ 0
    ZERO_PRICE = "zero_price"  # live price 0 (a giveaway must say so)
    MISSING_PRICE = "missing_price"  # a product card without a live price


@dataclass(frozen=True)
class PriceFlag:
    link_no: int
    kind: PriceFlagKind
    message: str  # in the UI language

    @property
    def key(self) -> str:
        """Stable id of this flag for recording its confirmation: ``"1:missing_zero"``."""
        return f"{self.link_no}:{self.kind.value}"


def check_product(product: Product, ratio: Decimal = ZERO_SLIP_RATIO) -> list[PriceFlag]:
    flags: list[PriceFlag] = []
    name, link_no = product.name, product.link_no
    live, listed = product.live_price, product.list_price
    if live is None:
        flags.append(
            PriceFlag(
                link_no,
                PriceFlagKind.MISSING_PRICE,
                translate("Pricing", "Link {n} ({name}) has no live price.").format(n=link_no, name=name),
            )
        )
    elif live == 0:
        flags.append(
            PriceFlag(
                link_no,
                PriceFlagKind.ZERO_PRICE,
                translate(
                    "Pricing", "Link {n} ({name}) sells at ¥0; confirm it is meant as a free giveaway."
                ).format(n=link_no, name=name),
            )
        )
    elif listed is not None and listed > 0:
        if listed / live >= ratio:
            flags.append(
                PriceFlag(
                    link_no,
                    PriceFlagKind.MISSING_ZERO,
                    translate(
                        "Pricing",
                        "Link {n} ({name}): live price {live} is about a tenth of the list price {list} "
                        "or less — a missing zero?",
                    ).format(n=link_no, name=name, live=format_price(live), list=format_price(listed)),
                )
            )
        elif live / listed >= ratio:
            flags.append(
                PriceFlag(
                    link_no,
                    PriceFlagKind.EXTRA_ZERO,
                    translate(
                        "Pricing",
                        "Link {n} ({name}): live price {live} is about ten times the list price {list} "
                        "— an extra zero?",
                    ).format(n=link_no, name=name, live=format_price(live), list=format_price(listed)),
                )
            )
        elif live > listed:
            flags.append(
                PriceFlag(
                    link_no,
                    PriceFlagKind.LIVE_ABOVE_LIST,
                    translate(
                        "Pricing", "Link {n} ({name}): live price {live} is above the list price {list}."
                    ).format(n=link_no, name=name, live=format_price(live), list=format_price(listed)),
                )
            )
    if product.stock is not None and product.stock <= 0:
        flags.append(
            PriceFlag(
                link_no,
                PriceFlagKind.NO_STOCK,
                translate("Pricing", "Link {n} ({name}) has no stock ({stock}).").format(
                    n=link_no, name=name, stock=product.stock
                ),
            )
        )
    return flags


def check_prices(products: Iterable[Product], ratio: Decimal = ZERO_SLIP_RATIO) -> list[PriceFlag]:
    """Every flag of every product, in link order."""
    flags: list[PriceFlag] = []
    for product in sorted(products, key=lambda p: p.link_no):
        flags.extend(check_product(product, ratio))
    return flags


def unconfirmed(flags: Iterable[PriceFlag], confirmed_keys: Iterable[str]) -> list[PriceFlag]:
    """The flags nobody has confirmed yet; the show should not start while this is non-empty."""
    done = set(confirmed_keys)
    return [flag for flag in flags if flag.key not in done]
