"""Product, interaction and traffic review of a show: from the imported tables to the numbers and JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from platform_tables import (
    FACE_CREAM_ID,
    LIPSTICK_ID,
    MASK_ID,
    PRODUCT_CSV,
    PRODUCT_GMV_YUAN,
    SCRIPT_TEXT,
    SERUM_ID,
    add_show_with_script,
    import_all,
    write_csv,
)
from sqlalchemy import func, select

from studio_app.context import AppContext
from studio_app.metrics.product_review import WEAK_MIN_CLICKS
from studio_app.metrics.service import MetricsService
from studio_app.script import repo as script_repo
from studio_app.script.format import format_script, parse_script
from studio_app.store.models.data import MetricImport, MetricProduct
from studio_app.workspace import Workspace


@pytest.fixture
def service(empty_app_context: AppContext) -> MetricsService:
    return MetricsService(empty_app_context)


def test_product_review_funnel_weak_and_never_sold(
    service: MetricsService, empty_app_context: AppContext, tmp_path: Path
) -> None:
    show_id = add_show_with_script(empty_app_context)
    import_all(service, show_id, tmp_path)

    products = service.load_review(show_id).breakdown.products

    by_id = {p.product_id: p for p in products.products}
    assert products.total_gmv_fen == round(PRODUCT_GMV_YUAN * 100)
    cream = by_id[FACE_CREAM_ID]
    assert (cream.exposures, cream.clicks, cream.buyers) == (12000, 1000, 50)
    assert cream.click_rate == pytest.approx(1000 / 12000)
    assert cream.click_to_pay == pytest.approx(0.05)
    assert cream.gmv_share == pytest.approx(4990 / 8457)
    assert cream.refund_rate == pytest.approx(99.8 / 4990)
    # Linked by the id on the card (whose name differs), and on air for the 2 minutes of its segment.
    assert cream.card is not None and cream.card.link_no == 1
    assert cream.explained_s == 120.0
    assert cream.gmv_per_explained_min_fen == pytest.approx(499000 / 2)
    serum_card = by_id[SERUM_ID].card
    assert serum_card is not None and serum_card.link_no == 2  # by name
    assert by_id[LIPSTICK_ID].explained_s == 60.0
    assert by_id[MASK_ID].card is None and by_id[MASK_ID].explained_s is None  # no card for the mask
    # Sold with >= 100 clicks, lowest click-to-pay first: serum 1 %, cream 5 %, mask 25 %; the toner
    # (50 clicks) is not ranked.
    assert WEAK_MIN_CLICKS == 100
    assert [p.product_id for p in products.weak] == [SERUM_ID, FACE_CREAM_ID, MASK_ID]
    assert [p.product_id for p in products.never_sold] == [LIPSTICK_ID]
    # All products: 83 buyers of 1,450 clickers; the serum and the cream convert below that.
    assert products.click_to_pay == pytest.approx(83 / 1450)
    assert [p.product_id for p in products.weak if products.converts_below_average(p)] == [
        SERUM_ID,
        FACE_CREAM_ID,
    ]


def test_interaction_and_traffic_review(
    service: MetricsService, empty_app_context: AppContext, tmp_path: Path
) -> None:
    show_id = add_show_with_script(empty_app_context)
    import_all(service, show_id, tmp_path)
    service.add_ad_spend(show_id, "千川", 1250.0)

    breakdown = service.load_review(show_id).breakdown

    room = breakdown.interaction
    assert (room.totals.comments, room.totals.commenters, room.totals.likes, room.totals.shares) == (
        80,
        50,
        800,
        10,
    )
    assert room.totals.fans_club == 6
    assert room.totals.interaction_rate == pytest.approx(50 / 240)
    assert [m.comments for m in room.per_minute] == [10, 20, 30, 5, 15]
    cream, serum, lipstick = room.segments
    assert (cream.counts.comments, serum.counts.comments, lipstick.counts.comments) == (30, 35, 15)
    assert cream.counts.per_minute(cream.counts.likes) == pytest.approx(150.0)
    traffic = breakdown.traffic
    assert (traffic.natural_viewers, traffic.paid_viewers) == (8000, 2000)
    assert (traffic.natural_gmv_fen, traffic.paid_gmv_fen) == (595700, 250000)
    assert traffic.paid_gmv_share == pytest.approx(2500 / 8457)
    # The spend entered for the show (¥1,250) wins over the table's 消耗 (¥1,000).
    assert traffic.spend_entered and traffic.spend_fen == 125000
    assert traffic.ad_roi == pytest.approx(2500 / 1250)


def test_reimporting_a_product_table_writes_nothing_and_adds_no_import_row(
    service: MetricsService, empty_app_context: AppContext, tmp_path: Path
) -> None:
    show_id = add_show_with_script(empty_app_context)
    path = write_csv(tmp_path / "商品明细.csv", PRODUCT_CSV, "gbk")
    first = service.import_file(show_id, path, "抖音罗盘")
    again = service.import_file(show_id, path, "抖音罗盘")

    assert (first.rows, first.written) == (5, 5)
    assert (again.rows, again.written) == (5, 0)
    assert again.import_id == first.import_id
    with empty_app_context.db.session() as s:
        assert s.scalar(select(func.count()).select_from(MetricImport)) == 1
        assert s.scalar(select(func.count()).select_from(MetricProduct)) == 5


def test_cli_review_json_has_the_issue_keys_and_plain_numbers(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    context = AppContext.open(Workspace(ws), seed_demo=False)
    show_id = add_show_with_script(context)
    import_all(MetricsService(context), show_id, tmp_path)
    context.close()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "studio_app", "--workspace", str(ws), "--lang", "en", "data", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=120)

    spent = run("spend", "--show", show_id, "--amount", "1250", "--channel", "千川")
    assert spent.returncode == 0, spent.stderr
    result = run("review", "--show", show_id, "--json")
    assert result.returncode == 0, result.stderr
    review = json.loads(result.stdout)

    assert set(review) == {
        "metrics",
        "segments",
        "promos",
        "products",
        "weak_products",
        "never_sold",
        "traffic",
        "interaction",
    }
    assert review["metrics"] == {
        "gmv": 1099.5,
        "refund": None,
        "net_gmv": 1099.5,
        "orders": 11,
        "buyers": 10,
        "viewers": 240,
        "peak_online": 200,
        "avg_online": 130.0,
        "new_followers": None,
    }
    assert set(review["products"][0]) == {
        "id",
        "name",
        "exposures",
        "clicks",
        "orders",
        "buyers",
        "gmv",
        "refund",
        "click_rate",
        "click_to_pay",
    }
    assert review["products"][0]["id"] == FACE_CREAM_ID and review["products"][0]["gmv"] == 4990.0
    assert [p["id"] for p in review["weak_products"]] == [SERUM_ID, FACE_CREAM_ID, MASK_ID]
    assert [p["id"] for p in review["never_sold"]] == [LIPSTICK_ID]
    assert [s["name"] for s in review["segments"]] == ["面霜", "精华", "口红"]
    assert review["traffic"]["ad_roi"] == pytest.approx(2.0)
    assert review["interaction"]["comments"] == 80
    assert run("review", "--show", "no-such-show", "--json").returncode == 1


def test_a_script_card_keeps_its_platform_id_through_the_file_format_and_the_store(
    empty_app_context: AppContext,
) -> None:
    script = parse_script(SCRIPT_TEXT)
    assert script.products[0].platform_id == FACE_CREAM_ID and script.products[1].platform_id == ""
    assert parse_script(format_script(script)).products == script.products
    show_id = add_show_with_script(empty_app_context)
    with empty_app_context.db.session() as s:
        stored = script_repo.load_script(s, show_id)
    assert stored is not None and stored.products[0].platform_id == FACE_CREAM_ID
