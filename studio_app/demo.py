"""The demo show loaded on a workspace's first run, so that no screen starts empty."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from studio_app.i18n import translate
from studio_app.store.handle import StoreHandle
from studio_app.store.live import not_deleted
from studio_app.store.models import AppMeta, Show

log = logging.getLogger(__name__)

DEMO_SEEDED_KEY = "demo_seeded"


def seed_demo_once(context: StoreHandle) -> Show | None:
    """Seed on first run only; deleting the demo show later must not bring it back."""
    # A read first: every later start (and command) knows without a round trip through the writer.
    with context.db.session() as session:
        if session.get(AppMeta, DEMO_SEEDED_KEY) is not None:
            return None
    show = context.writer.run(lambda session: _seed(context, session)).value
    if show is not None:
        log.info("demo show seeded in %s", context.workspace.root)
    return show


def _seed(context: StoreHandle, session: Session) -> Show | None:
    if session.get(AppMeta, DEMO_SEEDED_KEY) is not None:
        return None
    now = context.clock.now()
    show = Show(
        title=translate("Demo", "Demo show: autumn skincare and snacks special"),
        platform="douyin",
        planned_start=now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1),
        planned_minutes=120,
        host_name=translate("Demo", "Xiao Lin"),
        notes=translate("Demo", "A demo show to explore Studio Console. Delete it when you like."),
        is_demo=True,
        created_at=now,
        updated_at=now,
    )
    session.add(show)
    session.flush()
    for seed in _area_seeders():
        seed(session, show)
    session.add(AppMeta(key=DEMO_SEEDED_KEY, value=now.isoformat()))
    return show


def _area_seeders() -> list[Callable[[Session, Show], object]]:
    """Each area adds its part of the demo: the script with products, then the numbers and run log."""
    from studio_app.metrics.repo import seed_metrics_demo
    from studio_app.script.repo import seed_script_demo

    return [seed_script_demo, seed_metrics_demo]


def demo_show(session: Session) -> Show | None:
    """The demo show, unless the user (or the head office) deleted it."""
    return session.scalars(
        select(Show).where(not_deleted(Show), Show.is_demo.is_(True)).order_by(Show.created_at)
    ).first()
