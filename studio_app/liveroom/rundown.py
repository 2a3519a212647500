"""Reordering the rest of the rundown mid-show ("move the hot product next").

Only segments after the one on air move: what has been read keeps its place, so the run log's segment
numbers and the prompter's position up to now stay true.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from studio_app.i18n import translate
from studio_app.script.model import Script


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


def segment_for_product(script: Script, current: int, link_no: int | None, name: str) -> int | None:
    """The first segment still to come that sells this product (by link number, else by name)."""
    for index in range(current + 1, len(script.segments)):
        product = script.product_for(script.segments[index])
        if product is None:
            continue
        if (link_no is not None and product.link_no == link_no) or (name and product.name in name):
            return index
    return None
