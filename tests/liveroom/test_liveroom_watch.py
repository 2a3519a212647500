"""The watched folder with real files: GBK and UTF-8 exports, a file still being copied, a broken file."""

from __future__ import annotations

import json
from pathlib import Path

from studio_app.clock import FakeClock
from studio_app.liveroom.watch import DropFolderWatcher, FileState, drop_folder, earlier_drop_folders

PRODUCT_TABLE = (  # 商品链接 is the page's address, not the link number
    "商品ID,商品名称,商品链接,商品曝光人数,商品点击人数,商品点击率,成交订单数,成交金额(元),库存\r\n"
    '3612345678901234567,保湿面霜,https://haohuo.example/1,"1.2万","1,300",10.8%,120,"10,680.00",38\r\n'
    "3612345678901234568,每日坚果,https://haohuo.example/2,5000,400,8%,-,0,-\r\n"
    "合计,,,17000,1700,,120,10680,\r\n"
)
MINUTE_TABLE = (
    "时间,在线人数,平均停留时长(秒),成交金额(元),成交订单数\r\n2026-11-25 20:01,812,61,1299.00,12\r\n"
)


def _settle(watcher: DropFolderWatcher, clock: FakeClock) -> list:
    """Two polls a few seconds apart: the first sees the file, the second reads it once it stayed put."""
    first = watcher.poll()
    clock.advance(3)
    return first + watcher.poll()


def test_gbk_product_table_is_read_and_moved_to_done(tmp_path: Path, fake_clock: FakeClock) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "商品列表.csv").write_bytes(PRODUCT_TABLE.encode("gbk"))
    watcher = DropFolderWatcher(folder, fake_clock)
    (outcome,) = _settle(watcher, fake_clock)
    assert outcome.state is FileState.READ
    table = outcome.content.products
    assert table is not None and table.at == fake_clock.now()
    cream, nuts = table.products
    assert cream.key == "3612345678901234567"  # 19 digits kept as text
    assert (cream.name, cream.exposures, cream.clicks, cream.orders, cream.gmv_fen, cream.stock) == (
        "保湿面霜",
        12000,
        1300,
        120,
        1_068_000,
        38,
    )
    assert (nuts.orders, nuts.stock, nuts.product_id) == (0, None, "3612345678901234568")
    assert (folder / "done" / "商品列表.csv").exists() and not (folder / "商品列表.csv").exists()


def test_utf8_minute_table_and_room_json_are_read(tmp_path: Path, fake_clock: FakeClock) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "trend.csv").write_text("\ufeff" + MINUTE_TABLE, encoding="utf-8")
    room = {"at": "2026-11-25T20:02:00+08:00", "online_viewers": 820, "avg_watch_seconds": 58,
            "comments": 40, "likes": 300, "shares": 5,
            "products": [{"id": "1", "name": "护手霜", "exposures": "1.2万", "clicks": 90,
                          "orders": 9, "gmv": 89.1, "stock": 11}]}  # fmt: skip
    (folder / "room.json").write_text(json.dumps(room, ensure_ascii=False), encoding="utf-8")
    outcomes = {o.name: o for o in _settle(DropFolderWatcher(folder, fake_clock), fake_clock)}
    (sample,) = outcomes["trend.csv"].content.samples
    assert (sample.online_viewers, sample.avg_watch_seconds, sample.pay_gmv_fen) == (812, 61.0, 129_900)
    (point,) = outcomes["room.json"].content.points
    assert (point.online_viewers, point.avg_watch_seconds, point.interactions) == (820, 58.0, 345)
    products = outcomes["room.json"].content.products
    assert products is not None
    (hand_cream,) = products.products
    assert (hand_cream.product_id, hand_cream.exposures, hand_cream.gmv_fen, hand_cream.stock) == (
        "1",
        12000,  # "1.2万" read as an import reads the cell
        8910,
        11,
    )


def test_a_file_still_being_written_waits_and_is_read_whole(tmp_path: Path, fake_clock: FakeClock) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    path = folder / "商品列表.csv"
    data = PRODUCT_TABLE.encode("gbk")
    path.write_bytes(data[:40])  # the copy has begun: half a header line
    watcher = DropFolderWatcher(folder, fake_clock)
    assert watcher.poll() == []
    for chunk_end in (90, 150):  # it keeps growing, a poll at a time
        fake_clock.advance(3)
        path.write_bytes(data[:chunk_end])
        assert watcher.poll() == []
        assert path.exists()
    fake_clock.advance(3)
    path.write_bytes(data)
    assert watcher.poll() == []  # changed since the last poll: not settled yet
    fake_clock.advance(3)
    (outcome,) = watcher.poll()
    assert outcome.state is FileState.READ and outcome.content.products is not None
    assert len(outcome.content.products.products) == 2


def test_a_broken_file_is_retried_then_named_moved_aside_and_the_rest_still_read(
    tmp_path: Path, fake_clock: FakeClock
) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "bad.json").write_text('{"online_viewers": "lots"', encoding="utf-8")
    (folder / "good.json").write_text('{"online_viewers": 700}', encoding="utf-8")
    (folder / "copying.csv.part").write_text("时间,在线", encoding="utf-8")
    watcher = DropFolderWatcher(folder, fake_clock, give_up_s=20)
    outcomes = _settle(watcher, fake_clock)
    assert [o.name for o in outcomes] == ["good.json"]  # bad.json is retried for a while
    assert (folder / "bad.json").exists()
    failed = []
    for _ in range(8):
        fake_clock.advance(3)
        failed += watcher.poll()
    (outcome,) = failed
    assert outcome.state is FileState.FAILED and outcome.name == "bad.json"
    assert "bad.json" in outcome.error
    assert (folder / "failed" / "bad.json").read_text(encoding="utf-8") == '{"online_viewers": "lots"'
    assert "bad.json" in (folder / "failed" / "bad.json.error.txt").read_text(encoding="utf-8")
    assert (folder / "copying.csv.part").exists()  # a partial download is never touched


def test_a_19_digit_id_in_a_gbk_csv_drop_arrives_exact_and_a_bad_stock_cell_names_its_line(
    tmp_path: Path, fake_clock: FakeClock
) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    ids = ("9007199254740993123", "3612345678901234567")  # beyond a float's 2**53: a float would round
    header = "序号,商品ID,商品名称,商品曝光人数,商品点击人数,成交订单数,成交金额(元),剩余库存\r\n"
    rows = f'1,="{ids[0]}",商品甲,100,10,1,9.9,5\r\n2,{ids[1]},商品乙,100,10,1,9.9,5\r\n'
    (folder / "商品.csv").write_bytes((header + rows).encode("gbk"))
    (folder / "坏库存.csv").write_bytes((header + f"1,{ids[1]},坏,100,10,1,9.9,很多\r\n").encode("gbk"))
    watcher = DropFolderWatcher(folder, fake_clock, give_up_s=3)
    outcomes = {o.name: o for o in _settle(watcher, fake_clock)}
    fake_clock.advance(3)
    outcomes.update({o.name: o for o in watcher.poll()})
    table = outcomes["商品.csv"].content.products
    assert table is not None
    assert [(p.product_id, p.key, p.stock) for p in table.products] == [(i, i, 5) for i in ids]
    parsed = outcomes["商品.csv"].content.parsed_products
    assert parsed is not None and [r.product_id for r in parsed.rows] == list(ids)
    bad = outcomes["坏库存.csv"]
    assert bad.state is FileState.FAILED
    assert "2" in bad.error and "剩余库存" in bad.error and "很多" in bad.error


def test_a_file_written_to_an_earlier_versions_folder_is_carried_in_and_read(
    tmp_path: Path, fake_clock: FakeClock
) -> None:
    # An exporter set up for the data panel's old metrics-drop folder keeps working.
    old = earlier_drop_folders(tmp_path)[0]
    old.mkdir()
    (old / "商品列表.csv").write_bytes(PRODUCT_TABLE.encode("gbk"))
    folder = drop_folder(tmp_path)
    watcher = DropFolderWatcher(folder, fake_clock, carry_from=earlier_drop_folders(tmp_path))
    (outcome,) = _settle(watcher, fake_clock)
    assert outcome.state is FileState.READ and outcome.content.products is not None
    assert (folder / "done" / "商品列表.csv").exists() and not any(old.iterdir())
