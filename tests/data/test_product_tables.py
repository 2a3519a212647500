"""Product and traffic-source tables: read from the files a studio downloads, all rows or none."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from platform_tables import (
    FACE_CREAM_ID,
    LIPSTICK_ID,
    PRODUCT_CSV,
    PRODUCT_HEADER,
    PRODUCT_ROWS,
    SERUM_ID,
    TRAFFIC_CSV,
    write_csv,
    write_product_xlsx,
)

from studio_app.metrics.columns import TableKind
from studio_app.metrics.imports import MetricImportError, detect_table_kind, read_table
from studio_app.metrics.products import load_product_table
from studio_app.metrics.traffic import load_traffic_table


def test_gbk_product_table_with_crlf_title_line_and_odd_cells(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "商品明细.csv", PRODUCT_CSV, "gbk")

    parsed = load_product_table(path)

    assert parsed.table.encoding == "gb18030"
    assert parsed.table.header_line == 2
    assert [p.product_id for p in parsed.rows][:2] == [FACE_CREAM_ID, SERUM_ID]  # a leading tab dropped
    cream, serum, mask, lipstick, _toner = parsed.rows
    assert cream.name == "面霜 50g"
    assert cream.exposure_ucnt == 12000  # "12,000"
    assert cream.pay_gmv_fen == 499000  # "4,990.00" yuan
    assert cream.refund_gmv_fen == 9980  # printed as -99.80
    assert serum.exposure_ucnt == 5000  # "0.5万"
    assert mask.refund_gmv_fen is None  # "-": not in the file, not zero
    assert lipstick.pay_ucnt == 0 and lipstick.pay_gmv_fen is None
    assert parsed.warnings == ("Line 8: summary row skipped.",)


def test_utf8_product_table_with_units_and_api_names(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "api.csv",
        "product_id,product_name,product_click_ucnt,pay_ucnt,pay_gmv\n"
        f'{FACE_CREAM_ID},Face cream,"1,200",12,"1,234.5"\n',
    )
    (row,) = load_product_table(path).rows
    assert (row.product_id, row.click_ucnt, row.pay_ucnt, row.pay_gmv_fen) == (
        FACE_CREAM_ID,
        1200,
        12,
        123450,
    )


def test_the_header_tells_the_kind_of_table(tmp_path: Path) -> None:
    products = read_table(write_csv(tmp_path / "p.csv", PRODUCT_CSV))
    traffic = read_table(write_csv(tmp_path / "t.csv", TRAFFIC_CSV))
    minutes = read_table(write_csv(tmp_path / "m.csv", "时间,在线人数,评论次数,点赞次数\n20:00,100,5,30\n"))
    assert detect_table_kind(products.headers) is TableKind.PRODUCTS
    assert detect_table_kind(traffic.headers) is TableKind.TRAFFIC
    assert detect_table_kind(minutes.headers) is TableKind.MINUTES
    # Product and traffic tables may carry the day in a 日期 column; a minute table has 在线人数.
    dated = read_table(write_csv(tmp_path / "d.csv", "日期,渠道,观看人数\n2026-11-20,关注,300\n"))
    assert detect_table_kind(dated.headers) is TableKind.TRAFFIC
    assert detect_table_kind(("时间", "在线人数", "来源")) is TableKind.MINUTES


def test_xlsx_keeps_nineteen_digit_ids_exactly(tmp_path: Path) -> None:
    parsed = load_product_table(write_product_xlsx(tmp_path / "商品.xlsx"))
    assert [p.product_id for p in parsed.rows] == [FACE_CREAM_ID, SERUM_ID]
    assert parsed.rows[0].pay_gmv_fen == 499000


def test_an_id_a_spreadsheet_rounded_is_refused_with_its_line(tmp_path: Path) -> None:
    rows = list(PRODUCT_ROWS)
    rows[1] = rows[1].replace(SERUM_ID, "3.71235E+18")
    path = write_csv(tmp_path / "excel.csv", "\n".join((PRODUCT_HEADER, *rows)) + "\n")
    with pytest.raises(MetricImportError) as info:
        load_product_table(path)
    assert str(info.value).startswith("Line 3: 商品ID: the product id 3.71235E+18 was turned into a number")
    assert "Nothing was imported" in str(info.value)


def test_an_id_in_a_number_cell_of_a_workbook_is_refused_but_a_short_one_is_kept(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["商品ID", "商品名称", "商品点击人数"])
    sheet.append([123456789012, "面霜", 10])
    book.save(tmp_path / "short.xlsx")
    assert load_product_table(tmp_path / "short.xlsx").rows[0].product_id == "123456789012"
    sheet.delete_rows(2)
    sheet.append([int(FACE_CREAM_ID), "面霜", 10])  # stored as 3.712345678901235e+18, as Excel does
    book.save(tmp_path / "float.xlsx")
    with pytest.raises(MetricImportError, match="Line 2: 商品ID: the product id"):
        load_product_table(tmp_path / "float.xlsx")


def test_bad_number_and_repeated_product_name_their_lines(tmp_path: Path) -> None:
    rows = list(PRODUCT_ROWS)
    rows[2] = rows[2].replace(",120,", ",一百二,")
    rows[3] = rows[3].replace(LIPSTICK_ID, FACE_CREAM_ID)
    path = write_csv(tmp_path / "bad.csv", "\n".join((PRODUCT_HEADER, *rows)) + "\n")
    with pytest.raises(MetricImportError) as info:
        load_product_table(path)
    assert str(info.value).startswith("Line 4: 商品点击人数: not a number: 一百二.")
    assert [(e.line, e.column) for e in info.value.errors] == [(4, "商品点击人数")]


def test_traffic_table_splits_natural_and_paid_channels(tmp_path: Path) -> None:
    parsed = load_traffic_table(write_csv(tmp_path / "流量来源.csv", TRAFFIC_CSV, "gbk"))
    by_channel = {row.channel: row for row in parsed.rows}
    assert set(by_channel) == {"自然推荐", "关注", "搜索", "短视频引流", "千川付费", "随心推"}
    assert [c for c, row in by_channel.items() if row.paid] == ["千川付费", "随心推"]
    assert by_channel["自然推荐"].watch_cnt == 6100
    assert by_channel["千川付费"].spend_fen == 80000
    assert by_channel["关注"].spend_fen is None
