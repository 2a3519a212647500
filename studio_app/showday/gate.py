"""The pre-show gate's rules (开播前检查单), pure: what stands between a show and going live.

Three items are worked out from what the other areas stored (the device check linked to the show, the
compliance signature of the current script, each product card's price confirmed by a person); the rest
are the studio's own items from its template, ticked by hand. The gate is clear when nothing blocks; going
live over a blocked gate takes an override with a reason and a name, both required.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from studio_app.i18n import translate
from studio_app.probes.verdict import Verdict
from studio_app.script.model import format_price


def default_template() -> tuple[str, ...]:
    """The items a studio starts with before it edits its own template."""
    return (
        translate("Gate", "Products listed in the shop (商品上架)"),
        translate("Gate", "Coupons and stacked discounts tested (优惠券/满减叠加测试)"),
        translate("Gate", "Stock counted against the cards (库存核对)"),
        translate("Gate", "Display and positions set (陈列与站位)"),
        translate("Gate", "Emergency roles assigned (应急分工)"),
    )


class ItemState(StrEnum):
    OPEN = "open"
    DONE = "done"
    NOT_APPLICABLE = "n/a"

    def label(self) -> str:
        return {
            ItemState.OPEN: translate("Gate", "Open"),
            ItemState.DONE: translate("Gate", "Done"),
            ItemState.NOT_APPLICABLE: translate("Gate", "N/A"),
        }[self]


class AutoKind(StrEnum):
    DEVICE_CHECK = "device_check"
    COMPLIANCE = "compliance"
    PRICES = "prices"


class AutoState(StrEnum):
    CLEAR = "clear"
    WARN = "warn"  # shown, does not block: a GO with warnings
    BLOCKED = "blocked"


@dataclass(frozen=True)
class AutoItem:
    kind: AutoKind
    state: AutoState
    detail: str  # in the UI language

    @property
    def title(self) -> str:
        return {
            AutoKind.DEVICE_CHECK: translate("Gate", "Device check"),
            AutoKind.COMPLIANCE: translate("Gate", "Compliance review"),
            AutoKind.PRICES: translate("Gate", "Price check"),
        }[self.kind]


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    title: str
    state: ItemState
    by: str
    at: datetime | None


@dataclass(frozen=True)
class PriceCard:
    """A product card of the current script and whether a person confirmed its live price."""

    link_no: int
    name: str
    live_price: Decimal | None
    confirmed_by: str  # "" when not confirmed (or confirmed at a price the card no longer has)
    confirmed_at: datetime | None

    @property
    def confirmed(self) -> bool:
        return bool(self.confirmed_by)


@dataclass(frozen=True)
class GateOverride:
    reason: str
    by: str
    at: datetime
    blockers: tuple[str, ...]  # what stood when it was overridden


@dataclass(frozen=True)
class GateStatus:
    show_id: str
    auto: tuple[AutoItem, ...]
    items: tuple[ChecklistItem, ...]
    prices: tuple[PriceCard, ...]
    overrides: tuple[GateOverride, ...]

    @property
    def blockers(self) -> tuple[str, ...]:
        """Each thing that stands, one line in the UI language; empty when the gate is clear."""
        lines = [
            translate("Gate", "{title}: {detail}").format(title=a.title, detail=a.detail)
            for a in self.auto
            if a.state is AutoState.BLOCKED
        ]
        lines += [
            translate("Gate", "Not done: {title}").format(title=i.title)
            for i in self.items
            if i.state is ItemState.OPEN
        ]
        return tuple(lines)

    @property
    def clear(self) -> bool:
        return not self.blockers


class GateInputError(ValueError):
    """Something a person typed (or left out) that the gate cannot take; the message says what to do."""


@dataclass(frozen=True)
class LinkedCheck:
    verdict: Verdict
    at: datetime


def device_check_item(latest: LinkedCheck | None, now: datetime, max_age: timedelta) -> AutoItem:
    kind = AutoKind.DEVICE_CHECK
    if latest is None:
        return AutoItem(kind, AutoState.BLOCKED, translate("Gate", "No device check linked to this show."))
    age_min = int((now - latest.at).total_seconds() // 60)
    if now - latest.at > max_age:
        detail = translate("Gate", "The last check is {age} min old (at most {limit} min); run it again.")
        return AutoItem(
            kind, AutoState.BLOCKED, detail.format(age=age_min, limit=int(max_age.total_seconds() // 60))
        )
    detail = translate("Gate", "{verdict}, {age} min ago.").format(
        verdict=latest.verdict.label(), age=age_min
    )
    state = {Verdict.GO: AutoState.CLEAR, Verdict.WARN: AutoState.WARN, Verdict.NO_GO: AutoState.BLOCKED}
    return AutoItem(kind, state[latest.verdict], detail)


def compliance_item(signed_by: str | None, has_script: bool) -> AutoItem:
    kind = AutoKind.COMPLIANCE
    if not has_script:
        return AutoItem(kind, AutoState.BLOCKED, translate("Gate", "The show has no script yet."))
    if signed_by is None:
        return AutoItem(
            kind,
            AutoState.BLOCKED,
            translate("Gate", "The current script is not signed; sign the review in the script editor."),
        )
    return AutoItem(kind, AutoState.CLEAR, translate("Gate", "Signed by {name}.").format(name=signed_by))


def prices_item(cards: Sequence[PriceCard]) -> AutoItem:
    kind = AutoKind.PRICES
    if not cards:
        return AutoItem(kind, AutoState.CLEAR, translate("Gate", "The script has no product cards."))
    missing = [c for c in cards if c.live_price is None]
    if missing:
        links = ", ".join(str(c.link_no) for c in missing)
        return AutoItem(
            kind, AutoState.BLOCKED, translate("Gate", "No live price on link {links}.").format(links=links)
        )
    open_cards = [c for c in cards if not c.confirmed]
    if open_cards:
        links = ", ".join(str(c.link_no) for c in open_cards)
        return AutoItem(
            kind,
            AutoState.BLOCKED,
            translate("Gate", "Price not confirmed on link {links}.").format(links=links),
        )
    return AutoItem(kind, AutoState.CLEAR, translate("Gate", "{n} price(s) confirmed.").format(n=len(cards)))


def price_text(price: Decimal) -> str:
    """The form a confirmed price is stored in: the same for 89, 89.0 and 89.00."""
    return format_price(price)


def required_text(text: str, what: str) -> str:
    """``text`` stripped; a GateInputError naming ``what`` (already translated) when it is blank."""
    stripped = text.strip()
    if not stripped:
        raise GateInputError(translate("Gate", "Enter {what}.").format(what=what))
    return stripped
