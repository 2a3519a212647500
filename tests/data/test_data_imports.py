from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from data_example import CSV_TEXT, HEADER, ROWS
from openpyxl import Workbook

from studio_app.metrics.imports import (
    ColumnMapping,
    MetricImportError,
    detect_mapping,
    load_export,
    read_table,
)
from studio_app.metrics.samples import MetricField


def test_utf8_csv_with_chinese_headers_imports_every_row(tmp_path: Path) -> None:
    path = tmp_path / "罗盘.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")

    parsed = load_export(path)

    assert parsed.table.encoding == "utf-8"
    assert len(parsed.samples) == 5
    first = parsed.samples[0]
    # 20:00 China time is 12:00 UTC
    assert first.at == datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    assert first.online_viewers == 100
    assert first.watch_ucnt == 50 and first.watch_cnt == 60  # 人数 and 次数 both kept
    assert parsed.samples[1].pay_gmv_fen == 60050
    assert parsed.samples[4].pay_gmv_fen == 30000  # "￥300.00"
    assert parsed.samples[1].refund_gmv_fen == 5000
    assert first.avg_watch_seconds == 60.0


def test_gbk_csv_with_title_line_and_bom_free_excel_style(tmp_path: Path) -> None:
    path = tmp_path / "export_gbk.csv"
    text = "直播间分钟数据 2026-11-20\r\n" + CSV_TEXT.replace("\n", "\r\n")
    path.write_bytes(text.encode("gbk"))

    parsed = load_export(path)

    assert parsed.table.encoding == "gb18030"
    assert parsed.table.header_line == 2
    assert [s.online_viewers for s in parsed.samples] == [100, 150, 200, 120, 80]


def test_utf8_sig_csv(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(CSV_TEXT.encode("utf-8-sig"))
    parsed = load_export(path)
    assert parsed.table.encoding == "utf-8-sig"
    assert parsed.table.headers[0] == "时间"


def test_english_api_names_and_wan_units(tmp_path: Path) -> None:
    path = tmp_path / "api.csv"
    path.write_text(
        "stat_time,pcu,watch_ucnt,watch_cnt,product_click_ucnt,pay_ucnt,pay_order_cnt,pay_gmv,incr_fans_cnt\n"
        '2026-11-20 20:00:00,1.2万,300,350,40,8,9,"1,234.5",7\n',
        encoding="utf-8",
    )
    parsed = load_export(path)
    s = parsed.samples[0]
    assert s.online_viewers == 12000
    assert s.pay_gmv_fen == 123450
    assert s.incr_fans_cnt == 7


def test_malformed_row_names_its_line_and_nothing_is_returned(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    rows = list(ROWS)
    rows[2] = rows[2].replace(",200,", ",二百,")  # line 4 of the file (header is line 1)
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")

    with pytest.raises(MetricImportError) as info:
        load_export(path)

    assert "Line 4" in str(info.value)
    assert "在线人数" in str(info.value)
    assert info.value.errors[0].line == 4


def test_every_bad_line_is_listed(tmp_path: Path) -> None:
    path = tmp_path / "broken2.csv"
    rows = list(ROWS)
    rows[0] = "not a time" + rows[0][16:]
    rows[3] = rows[3] + ",1,2"  # extra cells
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")
    with pytest.raises(MetricImportError) as info:
        load_export(path)
    assert [e.line for e in info.value.errors] == [2, 5]


def test_duplicate_minute_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("\n".join((HEADER, ROWS[0], ROWS[0])) + "\n", encoding="utf-8")
    with pytest.raises(MetricImportError) as info:
        load_export(path)
    assert info.value.errors[0].line == 3


def test_times_without_date_need_the_show_day_and_roll_past_midnight(tmp_path: Path) -> None:
    path = tmp_path / "times.csv"
    path.write_text("时间,在线人数\n23:59,10\n00:00,12\n", encoding="utf-8")
    with pytest.raises(MetricImportError, match="date"):
        load_export(path)
    parsed = load_export(path, day=date(2026, 11, 20))
    assert [s.at for s in parsed.samples] == [
        datetime(2026, 11, 20, 15, 59, tzinfo=UTC),
        datetime(2026, 11, 20, 16, 0, tzinfo=UTC),
    ]


def test_xlsx_with_datetime_cells_and_row_numbers_in_errors(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["巨量百应 分钟明细"])
    ws.append(["时间", "在线人数", "成交金额", "成交订单数", "平均停留时长"])
    ws.append([datetime(2026, 11, 20, 20, 0), 100, 99.9, 1, "1分30秒"])
    ws.append([datetime(2026, 11, 20, 20, 1), 120, 0, 0, "00:45"])
    good = tmp_path / "good.xlsx"
    wb.save(good)

    parsed = load_export(good)
    assert parsed.table.encoding == "xlsx"
    assert [s.pay_gmv_fen for s in parsed.samples] == [9990, 0]
    assert [s.avg_watch_seconds for s in parsed.samples] == [90.0, 45.0]

    ws.append([datetime(2026, 11, 20, 20, 2), "很多", 0, 0, 10])
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    with pytest.raises(MetricImportError) as info:
        load_export(bad)
    assert info.value.errors[0].line == 5


def test_not_an_export_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("hello,world\n1,2\n", encoding="utf-8")
    with pytest.raises(MetricImportError, match="No header row"):
        read_table(path)
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(MetricImportError, match="Excel"):
        read_table(fake)


def test_remembered_mapping_wins_over_recognised_names(tmp_path: Path) -> None:
    path = tmp_path / "custom.csv"
    path.write_text("分钟,观众,销售额(元),在线人数\n2026-11-20 20:00,5,10,7\n", encoding="utf-8")
    table = read_table(path)
    auto = detect_mapping(table.headers)
    assert auto.time_column == "分钟"
    assert auto.field_for("在线人数") is MetricField.ONLINE_VIEWERS
    assert auto.field_for("观众") is None

    remembered = ColumnMapping(
        time_column="分钟",
        fields=(("观众", MetricField.ONLINE_VIEWERS), ("销售额(元)", MetricField.PAY_GMV_FEN)),
    )
    restored = ColumnMapping.from_json(remembered.to_json())
    mapping = detect_mapping(table.headers, restored)
    assert mapping.field_for("观众") is MetricField.ONLINE_VIEWERS
    assert mapping.field_for("在线人数") is None  # the field is taken by the remembered column
    parsed = load_export(path, mapping=mapping)
    assert parsed.samples[0].online_viewers == 5
    assert parsed.samples[0].pay_gmv_fen == 1000


def test_money_and_seconds_read_the_same_by_the_short_way_and_the_decimal_way(tmp_path: Path) -> None:
    """Plain cells ("89.9") take a short way; decorated ones ("¥89.90", " 89.9 ") the Decimal one."""
    from decimal import ROUND_HALF_UP, Decimal

    amounts = [f"{n // 100}.{n % 100:02d}" for n in range(0, 200_001, 997)] + ["0.5", "7", "12.3", "0.05"]
    lines = ["时间,成交金额(元),平均停留时长(秒)"]
    for i, amount in enumerate(amounts):
        minute, second = divmod(i, 60)
        decorated = f"¥{amount}" if i % 2 else amount  # every other row through the Decimal way
        lines.append(f"2026-11-20 20:{minute:02d}:{second:02d},{decorated},{i % 7}.5")
    path = tmp_path / "money.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    parsed = load_export(path)

    expected = [int((Decimal(a) * 100).quantize(Decimal(1), ROUND_HALF_UP)) for a in amounts]
    assert [s.pay_gmv_fen for s in parsed.samples] == expected
    assert [s.avg_watch_seconds for s in parsed.samples] == [i % 7 + 0.5 for i in range(len(amounts))]
