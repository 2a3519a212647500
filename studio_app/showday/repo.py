"""Queries of the pre-show gate: the template, a show's checklist, its price confirmations and overrides."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from studio_app.store.live import not_deleted, tombstone
from studio_app.store.models.showday import GateItem, GateOverride, GatePriceTick, GateTemplateItem


def template_titles(session: Session) -> list[str] | None:
    """The template's live lines in order; None when no template was ever saved (the defaults apply)."""
    if not session.scalar(select(func.count()).select_from(GateTemplateItem)):
        return None
    rows = session.scalars(
        select(GateTemplateItem).where(not_deleted(GateTemplateItem)).order_by(GateTemplateItem.position)
    )
    return [row.title for row in rows]


def replace_template(session: Session, titles: Sequence[str], now: datetime) -> None:
    for row in session.scalars(select(GateTemplateItem).where(not_deleted(GateTemplateItem))):
        tombstone(row, now)
    session.add_all(GateTemplateItem(position=i, title=title) for i, title in enumerate(titles))


def checklist(session: Session, show_id: str) -> list[GateItem]:
    return list(
        session.scalars(
            select(GateItem)
            .where(GateItem.show_id == show_id, not_deleted(GateItem))
            .order_by(GateItem.position)
        )
    )


def copy_template(session: Session, show_id: str, titles: Sequence[str], state: str) -> None:
    session.add_all(
        GateItem(show_id=show_id, position=i, title=title, state=state) for i, title in enumerate(titles)
    )


def price_ticks(session: Session, show_id: str) -> list[GatePriceTick]:
    """The show's price confirmations, oldest first (a later one for the same link wins)."""
    return list(
        session.scalars(
            select(GatePriceTick)
            .where(GatePriceTick.show_id == show_id, not_deleted(GatePriceTick))
            .order_by(GatePriceTick.confirmed_at)
        )
    )


def overrides(session: Session, show_id: str) -> list[GateOverride]:
    return list(
        session.scalars(
            select(GateOverride)
            .where(GateOverride.show_id == show_id, not_deleted(GateOverride))
            .order_by(GateOverride.at)
        )
    )
