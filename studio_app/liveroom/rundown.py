"""Reordering the rest of the rundown mid-show ("move the hot product next").

Only segments after the one on air move: what has been read keeps its place, so the run log's segment
numbers and the prompter's position up to now stay true.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from studio_app.i18n import translate
from studio_app.metrics.product_review import CardRef, link_card
from studio_app.script.model import Product, Script


class RundownError(ValueError):
    """A reorder that is not allowed now (translated)."""


def reorder_remaining(script: Script, current: int, order: Sequence[int]) -> Script:
    """``order`` lists the indices of the segments after ``current`` in their new order."""
    remaining = list(range(current + 1, len(script.segments)))
    if sorted(order) != remaining:
        raise RundownError(translate("LiveRoom", "Only the segments still to come can be reordered."))
    segments = script.segments[: current + 1] + tuple(script.segments[i] for i in order)
    return replace(script, segments=segments)


def move_next(script: Script, current: int, index: int) -> Script:
    """Move segment ``index`` (still to come) right after the one on air."""
    if index <= current:
        raise RundownError(translate("LiveRoom", "That segment has already been on air."))
    rest = [i for i in range(current + 1, len(script.segments)) if i != index]
    return reorder_remaining(script, current, [index, *rest])


def move_by(script: Script, current: int, index: int, step: int) -> Script:
    """Move a segment still to come one place up (-1) or down (+1) among the remaining ones."""
    order = list(range(current + 1, len(script.segments)))
    if index not in order:
        raise RundownError(translate("LiveRoom", "That segment has already been on air."))
    position = order.index(index)
    target = max(0, min(len(order) - 1, position + step))
    order.insert(target, order.pop(position))
    return reorder_remaining(script, current, order)


def move_product_next(script: Script, current: int, link_no: int) -> Script:
    """Move every segment still to come that sells this link (讲品, 答疑, 秒杀 ...) right after the one on
    air, in their own order: the hot product's block comes next."""
    rest = range(current + 1, len(script.segments))
    mine = [i for i in rest if _link_of(script, i) == link_no]
    if not mine:
        raise RundownError(
            translate("LiveRoom", "No segment of link {n} is still to come.").format(n=link_no)
        )
    return reorder_remaining(script, current, mine + [i for i in rest if i not in mine])


def _link_of(script: Script, index: int) -> int | None:
    product = script.product_for(script.segments[index])
    return None if product is None else product.link_no


def script_product(script: Script, product_id: str, name: str) -> Product | None:
    """The script's product card for a product-table row, linked as the product review links them: by
    the platform id on the card, else by name."""
    cards = [CardRef(p.link_no, p.name, p.platform_id) for p in script.products]
    card = link_card(product_id, name, cards)
    return None if card is None else script.product(card.link_no)
