"""The same export imported on two desktops of one studio is the same rows: the head office counts it once.

Samples, product rows and imports have ids made from their natural key (show, source, time / show,
product / show, file), so two desktops that import one 罗盘 download into one show, offline, push the
same rows; after syncing through a real ``studio-app serve``, the head office's review shows the show's
GMV once, not twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from platform_tables import MINUTE_CSV, PRODUCT_CSV, PRODUCT_GMV_YUAN, write_csv
from sqlalchemy import func, select
from sync_harness import Backend, assert_in_step

from studio_app.clock import Clock, SystemClock
from studio_app.metrics.service import MetricsService
from studio_app.store.db import Database
from studio_app.store.models import Show
from studio_app.store.models.data import MetricImport, MetricProduct, MetricSample
from studio_app.store.writer import Writer
from studio_app.sync.client import Backoff, SyncClient
from studio_app.sync.conflicts import open_conflicts
from studio_app.workspace import Workspace

SHOW_DAY = date(2026, 11, 20)


@dataclass
class Desk:
    """What a service needs of a desktop (``StoreHandle``), with the writer its sync client uses."""

    workspace: Workspace
    db: Database
    writer: Writer
    clock: Clock


def _desk(tmp_path: Path, name: str, desktop) -> Desk:  # type: ignore[no-untyped-def]
    db = desktop(name)
    return Desk(Workspace(tmp_path / name), db, Writer(db), SystemClock())


def _client(desk: Desk, backend: Backend, studio: str) -> SyncClient:
    return SyncClient(
        desk.writer,
        backend.server.url,
        backend.tokens[studio],
        backoff=Backoff(attempts=4, first_s=0.0),
        sleep=lambda _s: None,
    )


def _ids(db: Database, model: type[MetricSample] | type[MetricProduct] | type[MetricImport]) -> set[str]:
    with db.session() as s:
        return set(s.scalars(select(model.id).where(model.deleted_at.is_(None))))


def test_one_export_imported_on_two_desktops_counts_once_at_the_head_office(
    backend: Backend, desktop, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    one, two, hq = (_desk(tmp_path, n, desktop) for n in ("desk1", "desk2", "hq"))
    clients = [
        _client(one, backend, "studio_a"),
        _client(two, backend, "studio_a"),
        _client(hq, backend, "hq"),
    ]
    sync_one, sync_two, sync_hq = clients
    try:

        def add_show(session):  # type: ignore[no-untyped-def]
            show = Show(title="双机导入", started_at=datetime(2026, 11, 20, 12, 0, tzinfo=UTC))
            session.add(show)
            session.flush()
            return show.id

        show_id = one.writer.run(add_show).value
        sync_one.sync()
        sync_two.sync()  # the second desktop now has the show

        minutes = write_csv(tmp_path / "分钟趋势.csv", MINUTE_CSV, "gbk")
        products = write_csv(tmp_path / "商品明细.csv", PRODUCT_CSV, "gbk")
        for desk in (one, two):  # both import, neither has synced since
            service = MetricsService(desk)
            service.import_file(show_id, minutes, "抖音罗盘", SHOW_DAY)
            service.import_file(show_id, products, "抖音罗盘")
        for model in (MetricSample, MetricProduct, MetricImport):
            assert _ids(one.db, model) == _ids(two.db, model)

        again = MetricsService(one).import_file(show_id, minutes, "抖音罗盘", SHOW_DAY)
        assert again.written == 0

        for client in (sync_one, sync_two, sync_one, sync_hq):
            assert client.sync().checksum_ok

        review = MetricsService(hq).load_review(show_id)
        assert review.review.totals.gmv_fen == 109950  # ¥1,099.50 once, not ¥2,199.00
        assert review.breakdown.products.total_gmv_fen == round(PRODUCT_GMV_YUAN * 100)
        with hq.db.session() as s:
            assert s.scalar(select(func.count()).select_from(MetricSample)) == 5
            assert s.scalar(select(func.count()).select_from(MetricImport)) == 2  # one per file
            assert s.scalar(select(func.count()).select_from(MetricProduct)) == 5
        assert_in_step(one.db, backend, "studio_a")
        assert_in_step(two.db, backend, "studio_a")
        assert_in_step(hq.db, backend, "hq")
        # The same rows from two desktops are one row, not two concurrent edits of it.
        assert [open_conflicts(d.db.engine) for d in (one, two, hq)] == [[], [], []]
    finally:
        for client in clients:
            client.close()
        for desk in (one, two, hq):
            desk.writer.close()
