from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from data_example import CSV_TEXT
from sqlalchemy.orm import Session

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.liveroom.service import LiveRoomService
from studio_app.liveroom.watch import DropFolderWatcher, FileState
from studio_app.metrics import repo
from studio_app.metrics.feed import FeedError, MetricsFeedServer
from studio_app.metrics.samples import Sample
from studio_app.shows import list_shows
from studio_app.store.db import Database
from studio_app.store.models import Show


@pytest.fixture
def show_id(db: Database) -> str:
    with db.session() as s:
        show = Show(title="直播中")
        s.add(show)
        s.flush()
        return show.id


class StoreSink:
    """The app's sink: store the samples for the show on air (or the one the request names)."""

    def __init__(self, db: Database, show_id: str | None) -> None:
        self.db, self.show_id = db, show_id
        self.stored = threading.Event()

    def __call__(self, show_id: str | None, samples: Sequence[Sample]) -> int:
        target = show_id or self.show_id
        if target is None:
            raise FeedError("no show is on air")
        with self.db.session() as s:
            n = repo.add_feed_samples(s, target, samples)
        self.stored.set()
        return n


@pytest.fixture
def feed(db: Database, show_id: str, fake_clock: FakeClock) -> Iterator[tuple[MetricsFeedServer, StoreSink]]:
    sink = StoreSink(db, show_id)
    server = MetricsFeedServer(sink, fake_clock, port=0, token="s3cret")
    server.start()
    yield server, sink
    server.stop()


def test_pushed_samples_over_loopback_http_are_stored(
    feed: tuple[MetricsFeedServer, StoreSink], db: Database, show_id: str, fake_clock: FakeClock
) -> None:
    server, _sink = feed
    fake_clock.advance(60)  # "now" a minute after the first sample: two times, two rows
    body = {
        "samples": [
            {"at": "2026-11-25T20:00:00+08:00", "online_viewers": 812, "pay_gmv": 1234.5, "pay_order_cnt": 7},
            {"online_viewers": 830},  # no time: the feed stamps it with now
        ]
    }
    headers = {"Authorization": "Bearer s3cret"}
    response = httpx.post(f"{server.url}/v1/samples", json=body, headers=headers, timeout=5)

    assert response.status_code == 200, response.text
    assert response.json() == {"accepted": 2}
    with db.session() as s:
        source, samples = repo.review_samples(s, show_id)
    assert source == "feed"
    assert samples[0].at == datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert samples[0].pay_gmv_fen == 123450
    assert samples[1].at == fake_clock.now()
    assert httpx.get(f"{server.url}/v1/health", timeout=5).json() == {"ok": True, "received": 2}


def test_bad_pushes_get_clear_errors_and_store_nothing(
    feed: tuple[MetricsFeedServer, StoreSink], db: Database, show_id: str
) -> None:
    server, _ = feed
    url = f"{server.url}/v1/samples"
    auth = {"Authorization": "Bearer s3cret"}

    assert httpx.post(url, json={"online_viewers": 1}, timeout=5).status_code == 401
    typo = httpx.post(url, json={"samples": [{"online_viewer": 5}]}, headers=auth, timeout=5)
    assert typo.status_code == 400 and "online_viewer" in typo.json()["error"]
    naive = httpx.post(url, json={"at": "2026-11-25T20:00:00", "online_viewers": 5}, headers=auth, timeout=5)
    assert naive.status_code == 400 and "time zone" in naive.json()["error"]
    negative = httpx.post(url, json={"online_viewers": -5}, headers=auth, timeout=5)
    assert negative.status_code == 400
    garbage = httpx.post(url, content=b"{not json", headers=auth, timeout=5)
    assert garbage.status_code == 400
    with db.session() as s:
        assert repo.sample_count(s, show_id) == 0


def test_no_show_on_air_is_a_conflict(db: Database, fake_clock: FakeClock) -> None:
    server = MetricsFeedServer(StoreSink(db, None), fake_clock, port=0)
    server.start()
    try:
        response = httpx.post(f"{server.url}/v1/samples", json={"online_viewers": 3}, timeout=5)
        assert response.status_code == 409
    finally:
        server.stop()


def test_feed_refuses_to_listen_beyond_loopback(db: Database, fake_clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="loopback"):
        MetricsFeedServer(StoreSink(db, None), fake_clock, host="0.0.0.0", port=0)


def _new_show(session: Session) -> str:
    show = Show(title="另一场")
    session.add(show)
    session.flush()
    return show.id


def test_the_drop_folder_routes_feed_json_minute_and_traffic_tables_and_sets_bad_files_aside(
    tmp_path: Path, app_context: AppContext, fake_clock: FakeClock
) -> None:
    """The workspace's one drop folder (read by the live room's watcher) takes what the feed's folder took."""
    show_id = list_shows(app_context.db)[0].id
    other_show = app_context.writer.run(_new_show).value
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps({"online_viewers": 10, "pay_gmv_fen": 500}), encoding="utf-8")
    named = {"show_id": other_show, "samples": [{"online_viewers": 7}]}
    (folder / "a2.json").write_text(json.dumps(named), encoding="utf-8")
    (folder / "b.csv").write_text(CSV_TEXT, encoding="utf-8")
    (folder / "c.json").write_text('{"samples": [{"gmv": 1}]}', encoding="utf-8")
    (folder / "d.json.tmp").write_text("half-writ", encoding="utf-8")
    (folder / "流量来源.csv").write_bytes("渠道,观看人数,成交金额(元)\r\n自然推荐,1000,500\r\n".encode("gbk"))
    watcher = DropFolderWatcher(folder, fake_clock, give_up_s=5)
    service = LiveRoomService(app_context)
    with app_context.db.session() as s:
        before = {show: repo.sample_count(s, show) for show in (show_id, other_show)}

    outcomes = {}
    for _ in range(4):
        outcomes.update({o.name: o for o in service.take_drops(watcher, show_id, None).outcomes})
        fake_clock.advance(3)

    assert len(outcomes["b.csv"].content.samples) == 5
    assert outcomes["c.json"].state is FileState.FAILED and "gmv" in outcomes["c.json"].error
    assert "d.json.tmp" not in outcomes
    assert (folder / "done" / "a.json").exists()
    assert (folder / "failed" / "c.json.error.txt").read_text(encoding="utf-8")
    assert (folder / "d.json.tmp").exists()
    with app_context.db.session() as s:
        assert repo.sample_count(s, show_id) == before[show_id] + 6
        assert repo.sample_count(s, other_show) == before[other_show] + 1  # the file named its show
        (channel,) = repo.traffic_rows(s, show_id)
    assert (channel.channel, channel.watch_ucnt, channel.pay_gmv_fen) == ("自然推荐", 1000, 50_000)
