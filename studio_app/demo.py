"""The demo show loaded on a workspace's first run, so that no screen starts empty."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select

from studio_app.i18n import translate
from studio_app.store.models import AppMeta, Show

log = logging.getLogger(__name__)

DEMO_SEEDED_KEY = "demo_seeded"


def seed_demo_once(context: object) -> Show | None:
    """Seed on first run only; deleting the demo show later must not bring it back."""
    from studio_app.context import AppContext

    assert isinstance(context, AppContext)
    with context.db.session() as session:
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
    log.info("demo show seeded in %s", context.workspace.root)
    return show


def _area_seeders() -> list:  # type: ignore[type-arg]
    """Each area adds its part of the demo (script and products, metrics); imported lazily."""
    seeders = []
    try:
        from studio_app.script.repo import seed_script_demo

        seeders.append(seed_script_demo)
    except ImportError:
        log.debug("script demo not available")
    try:
        from studio_app.metrics.repo import seed_metrics_demo

        seeders.append(seed_metrics_demo)
    except ImportError:
        log.debug("metrics demo not available")
    return seeders


def demo_show(session: object) -> Show | None:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    return session.scalars(select(Show).where(Show.is_demo.is_(True)).order_by(Show.created_at)).first()
