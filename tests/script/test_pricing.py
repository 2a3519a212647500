from __future__ import annotations

from decimal import Decimal

import pytest

from studio_app.script.model import Product
from studio_app.script.pricing import PriceFlagKind, check_prices, check_product, unconfirmed


def _product(
    list_price: str | None, live_price: str | None, stock: int | None = 100, link_no: int = 1
) -> Product:
    return Product(
        name="保湿面霜",
        link_no=link_no,
        list_price=None if list_price is None else Decimal(list_price),
        live_price=None if live_price is None else Decimal(live_price),
        stock=stock,
    )


@pytest.mark.parametrize(
    ("list_price", "live_price", "expected"),
    [
        ("199", "89", []),  # an ordinary live deal
        ("39", "9.9", []),  # a deep but believable discount (about 4×)
        ("199", "39", []),  # about 5×: still a deal, not a slip
        ("199", "19.9", [PriceFlagKind.MISSING_ZERO]),  # 89 typed as 8.9, or 199 as 19.9
        ("899", "89", [PriceFlagKind.MISSING_ZERO]),
        ("1299", "12.99", [PriceFlagKind.MISSING_ZERO]),  # two zeros short is flagged too
        ("89", "890", [PriceFlagKind.EXTRA_ZERO]),
        ("89", "99", [PriceFlagKind.LIVE_ABOVE_LIST]),
        ("89", "89", []),
        ("0", "9.9", []),  # no usable list price: nothing to compare against
        (None, "9.9", []),
        ("99", None, [PriceFlagKind.MISSING_PRICE]),
        ("99", "0", [PriceFlagKind.ZERO_PRICE]),
    ],
)
def test_price_slips_are_flagged(list_price: str | None, live_price: str | None, expected: list) -> None:  # type: ignore[type-arg]
    assert [flag.kind for flag in check_product(_product(list_price, live_price))] == expected


@pytest.mark.parametrize(("stock", "flagged"), [(0, True), (-3, True), (1, False), (None, False)])
def test_a_link_without_stock_is_flagged(stock: int | None, flagged: bool) -> None:
    kinds = [flag.kind for flag in check_product(_product("199", "89", stock=stock))]
    assert (PriceFlagKind.NO_STOCK in kinds) == flagged


def test_flag_messages_name_the_link_and_both_prices() -> None:
    (flag,) = check_product(_product("199", "19.9", link_no=3))
    assert "Link 3" in flag.message and "¥19.9" in flag.message and "¥199" in flag.message
    assert flag.key == "3:missing_zero"


def test_each_flag_needs_its_own_second_confirmation() -> None:
    flags = check_prices([_product("89", "890", link_no=2), _product("199", "19.9", stock=0, link_no=1)])
    assert [f.key for f in flags] == ["1:missing_zero", "1:no_stock", "2:extra_zero"]
    assert [f.key for f in unconfirmed(flags, ["1:missing_zero"])] == ["1:no_stock", "2:extra_zero"]
    assert unconfirmed(flags, [f.key for f in flags]) == []
