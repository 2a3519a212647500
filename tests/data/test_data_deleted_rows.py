"""Deleted (tombstoned) shows and metric rows stay out of the review, the data panel and `studio-app data`.

A deletion made at the head office or on another desktop arrives through sync as ``deleted_at`` set on the
row; the tests set it the same way, on the real workspace database.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from studio_app.cli import main
from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.metrics import repo
from studio_app.metrics.feed import FeedError, MetricsFeedServer
from studio_app.metrics.imports import local_tz
from studio_app.metrics.samples import Sample
from studio_app.metrics.service import MetricsService
from studio_app.probes import repo as checks_repo
from studio_app.probes.profile import StudioProfile
from studio_app.probes.result import ProbeResult, ProbeStatus
from studio_app.probes.runner import CheckRun
from studio_app.probes.service import CheckService
from studio_app.shows import show_rows, shows_between
from studio_app.store.live import get_live, tombstone
from studio_app.store.models import Show
from studio_app.store.models.checks import CheckRunRow
from studio_app.store.models.data import Incident, MetricSample
from studio_app.ui.data_panel import DataPanel
from studio_app.workspace import Workspace

START = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
WAIT_MS = 15_000


def _samples(minutes: int, viewers: int) -> list[Sample]:
    return [
        Sample(START + timedelta(minutes=m), online_viewers=viewers, pay_gmv_fen=1000 * (m + 1))
        for m in range(minutes)
    ]


def _add_show(context: AppContext, title: str, viewers: int) -> str:
    with context.db.session() as s:
        show = Show(title=title, started_at=START)
        s.add(show)
        s.flush()
        repo.add_feed_samples(s, show.id, _samples(5, viewers))
        repo.add_incident(s, show.id, START + timedelta(minutes=2), "stutter", "卡顿")
        repo.add_ad_spend(s, show.id, "千川", 5000)
        return show.id


def _tombstone_show(context: AppContext, show_id: str, clock: FakeClock) -> None:
    with context.db.session() as s:
        show = s.get(Show, show_id)
        assert show is not None
        tombstone(show, clock.now())


@pytest.fixture
def two_shows(empty_app_context: AppContext, fake_clock: FakeClock) -> tuple[str, str]:
    kept = _add_show(empty_app_context, "留下的场次", 100)
    gone = _add_show(empty_app_context, "已删除的场次", 300)
    _tombstone_show(empty_app_context, gone, fake_clock)
    return kept, gone


def test_a_deleted_show_and_its_numbers_are_shown_nowhere(
    empty_app_context: AppContext, two_shows: tuple[str, str]
) -> None:
    kept, gone = two_shows
    week = (START - timedelta(days=1), START + timedelta(days=1))
    with empty_app_context.db.session() as s:
        assert [sh.id for sh in show_rows(s)] == [kept]
        assert [sh.id for sh in shows_between(s, *week)] == [kept]
        assert repo.review_samples(s, gone) == (None, ())
        assert repo.incidents(s, gone) == [] and repo.ad_spend_total_fen(s, gone) is None
        assert repo.show_timeline(s, gone).segments == ()
        assert repo.review_samples(s, kept)[0] == "feed" and len(repo.incidents(s, kept)) == 1
        assert s.get(Show, gone) is not None  # still stored, for sync
        assert get_live(s, Show, gone) is None


def test_deleted_samples_incidents_and_spend_leave_the_review(
    empty_app_context: AppContext, fake_clock: FakeClock
) -> None:
    show_id = _add_show(empty_app_context, "场次", 100)
    with empty_app_context.db.session() as s:
        peak = s.scalars(
            select(MetricSample).where(MetricSample.show_id == show_id, MetricSample.at == START)
        ).one()
        tombstone(peak, fake_clock.now())
        for incident in s.scalars(select(Incident).where(Incident.show_id == show_id)):
            tombstone(incident, fake_clock.now())
    with empty_app_context.db.session() as s:
        _, samples = repo.review_samples(s, show_id)
        assert [x.at for x in samples] == [START + timedelta(minutes=m) for m in range(1, 5)]
        assert repo.sample_count(s, show_id) == 4
        assert repo.incidents(s, show_id) == []


def test_a_deleted_check_run_leaves_the_device_history(
    empty_app_context: AppContext, fake_clock: FakeClock
) -> None:
    since = fake_clock.now() - timedelta(days=1)
    with empty_app_context.db.session() as s:
        ids = []
        for upload in (8.0, 12.0):
            run = CheckRun(
                StudioProfile(name="A 间"),
                fake_clock.now(),
                1.0,
                (ProbeResult("network", ProbeStatus.PASS, {"upload_mbps": upload}),),
                source="cli",
            )
            ids.append(checks_repo.save_run(s, run))
            fake_clock.advance(60)
        row = s.get(CheckRunRow, ids[1])
        assert row is not None
        tombstone(row, fake_clock.now())
    upload_series = CheckService(empty_app_context).plotted_series("network", "upload_mbps", since)
    assert [value for _, value in upload_series] == [8.0]


def test_cli_data_lists_and_reviews_live_shows_only(
    tmp_path: Path, fake_clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "ws"
    context = AppContext.open(Workspace(ws), clock=fake_clock, seed_demo=False)
    kept = _add_show(context, "留下的场次", 100)
    gone = _add_show(context, "已删除的场次", 300)
    _tombstone_show(context, gone, fake_clock)
    context.close()

    assert main(["--workspace", str(ws), "--lang", "en", "data", "shows"]) == 0
    listing = capsys.readouterr().out
    assert kept in listing and gone not in listing and "已删除的场次" not in listing

    code = main(["--workspace", str(ws), "--lang", "en", "data", "review", "--show", gone])
    err = capsys.readouterr().err
    assert code == 1 and f"No show with id {gone}." in err
    out = tmp_path / "gone.csv"
    code = main(["--workspace", str(ws), "--lang", "en", "data", "export", "--show", gone, "--out", str(out)])
    assert code == 1 and not out.exists()


@pytest.fixture
def panel(qtbot: QtBot, empty_app_context: AppContext) -> Iterator[DataPanel]:
    widget = DataPanel(empty_app_context, feed_port=0)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    yield widget
    widget.shutdown()


def test_the_data_panel_offers_live_shows_only(
    qtbot: QtBot,
    panel: DataPanel,
    empty_app_context: AppContext,
    fake_clock: FakeClock,
    two_shows: tuple[str, str],
) -> None:
    kept, _gone = two_shows
    with qtbot.waitSignal(panel.bundle_loaded, timeout=WAIT_MS):
        panel.reload_shows()
    offered = [panel.show_combo.itemData(i) for i in range(panel.show_combo.count())]
    assert offered == [kept]
    bundle = panel.bundle()
    assert bundle is not None and bundle.show_id == kept and len(bundle.samples) == 5

    # Deleted elsewhere while the panel still holds it: its numbers are not shown any more.
    _tombstone_show(empty_app_context, kept, fake_clock)
    stale = MetricsService(empty_app_context).load_show(kept, local_tz())
    assert stale.samples == () and stale.incidents == () and stale.source is None
    with qtbot.waitSignal(panel.bundle_loaded, timeout=WAIT_MS):
        panel.reload_lists()
    assert panel.show_combo.count() == 0
    cleared = panel.bundle()
    assert cleared is not None and cleared.samples == () and cleared.incidents == ()
    assert "No shows yet" in panel.message_label.text()


def test_no_code_outside_sync_hard_deletes_rows() -> None:
    """Deletions must travel: outside sync's own code nothing calls ``session.delete`` or SQL ``delete``."""
    import ast

    import studio_app

    package = Path(studio_app.__file__).parent
    offenders = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package).parts
        if parts[0] in ("sync", "server") or "migrations" in parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "delete":
                offenders.append(f"{path.relative_to(package)}:{node.lineno}")
    assert offenders == []


def test_the_live_feed_refuses_samples_for_a_deleted_show_with_409(
    empty_app_context: AppContext, fake_clock: FakeClock
) -> None:
    db = empty_app_context.db
    show_id = _add_show(empty_app_context, "已删除的场次", 100)
    _tombstone_show(empty_app_context, show_id, fake_clock)

    def sink(requested: str | None, samples: object) -> int:
        with db.session() as s:
            return repo.add_feed_samples(s, requested or show_id, samples)  # type: ignore[arg-type]

    server = MetricsFeedServer(sink, fake_clock, port=0)
    server.start()
    try:
        body = {"show_id": show_id, "samples": [{"at": "2026-11-20T20:30:00+08:00", "online_viewers": 5}]}
        response = httpx.post(f"{server.url}/v1/samples", json=body, timeout=5)
    finally:
        server.stop()
    assert response.status_code == 409
    assert "may have been deleted" in response.json()["error"]
    with db.session() as s:
        stored = s.scalars(select(MetricSample).where(MetricSample.show_id == show_id)).all()
        with pytest.raises(FeedError):
            repo.add_feed_samples(s, "no-such-show", _samples(1, 1))
    assert len(stored) == 5  # only the five from before the deletion


def test_a_sync_round_that_pulled_changes_refreshes_the_open_panels(
    qtbot: QtBot, empty_app_context: AppContext, fake_clock: FakeClock, two_shows: tuple[str, str]
) -> None:
    """A round applies what it pulls through the writer, which reports the tables it changed
    (tests/sync/test_sync_writes.py); the open panels reload when those are tables they list."""
    from studio_app.store.writer import Changes
    from studio_app.ui.main_window import MainWindow

    kept, _gone = two_shows
    window = MainWindow(empty_app_context)
    qtbot.addWidget(window)
    data_panel = window.panel("data")
    assert isinstance(data_panel, DataPanel)
    try:
        qtbot.waitUntil(lambda: data_panel.show_combo.count() == 1, timeout=WAIT_MS)
        _tombstone_show(empty_app_context, kept, fake_clock)
        with qtbot.assertNotEmitted(data_panel.shows_loaded, wait=100):
            empty_app_context.writer.publish(Changes(frozenset({"sync_state"})))
        assert data_panel.show_combo.count() == 1  # nothing it lists was pulled: nothing reloads
        with qtbot.waitSignal(data_panel.shows_loaded, timeout=WAIT_MS):
            empty_app_context.writer.publish(Changes(frozenset({"shows"})))
        assert data_panel.show_combo.count() == 0
    finally:
        window.close()
