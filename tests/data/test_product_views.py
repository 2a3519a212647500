"""The data room's product review and interaction/traffic tabs, and the import dialog for the new tables."""

from __future__ import annotations

from pathlib import Path

from platform_tables import (
    FACE_CREAM_ID,
    PRODUCT_CSV,
    SERUM_ID,
    TRAFFIC_CSV,
    add_show_with_script,
    import_all,
    write_csv,
)
from pytestqt.qtbot import QtBot

from studio_app.context import AppContext
from studio_app.metrics import repo
from studio_app.metrics.columns import TableKind
from studio_app.metrics.service import MetricsService
from studio_app.ui.data.import_dialog import ImportDialog
from studio_app.ui.data_panel import DataPanel

WAIT_MS = 15_000


def _text(table, row: int, col: int) -> str:  # type: ignore[no-untyped-def]
    item = table.item(row, col)
    return item.text() if item is not None else ""


def test_import_dialog_reads_a_gbk_product_table_and_remembers_its_mapping(
    qtbot: QtBot, empty_app_context: AppContext, tmp_path: Path
) -> None:
    show_id = add_show_with_script(empty_app_context)
    path = write_csv(tmp_path / "商品明细.csv", PRODUCT_CSV, "gbk")
    dialog = ImportDialog(empty_app_context, show_id, None)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.table_loaded, timeout=WAIT_MS):
        dialog.load_file(path)
    assert dialog.kind() is TableKind.PRODUCTS
    mapping = dialog.keyed_mapping()
    assert (
        mapping.header_for("product_id") == "商品ID" and mapping.header_for("pay_gmv_fen") == "成交金额(元)"
    )
    dialog.set_column_field("讲解次数", None)  # the user skips a column
    with qtbot.waitSignal(dialog.imported, timeout=WAIT_MS) as blocker:
        dialog.start_import()
    assert blocker.args == [5]
    with empty_app_context.db.session() as s:
        rows = {p.product_id: p for p in repo.product_rows(s, show_id)}
    assert rows[FACE_CREAM_ID].pay_gmv_fen == 499000 and rows[FACE_CREAM_ID].explain_cnt is None
    remembered = MetricsService(empty_app_context).remembered_keyed_mapping("抖音罗盘", TableKind.PRODUCTS)
    assert remembered is not None and remembered.header_for("explain_cnt") is None


def test_import_dialog_names_the_bad_line_of_a_traffic_table(
    qtbot: QtBot, empty_app_context: AppContext, tmp_path: Path
) -> None:
    show_id = add_show_with_script(empty_app_context)
    path = write_csv(tmp_path / "流量.csv", TRAFFIC_CSV.replace("1200,1500", "1200,很多"))
    dialog = ImportDialog(empty_app_context, show_id, None)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.table_loaded, timeout=WAIT_MS):
        dialog.load_file(path)
    assert dialog.kind() is TableKind.TRAFFIC
    with qtbot.waitSignal(dialog.failed, timeout=WAIT_MS) as blocker:
        dialog.start_import()
    assert blocker.args[0].startswith("Line 3: 观看次数: not a number: 很多.")
    with empty_app_context.db.session() as s:
        assert repo.traffic_rows(s, show_id) == ()


def test_panel_shows_products_interaction_traffic_and_takes_ad_spend(
    qtbot: QtBot, empty_app_context: AppContext, tmp_path: Path
) -> None:
    show_id = add_show_with_script(empty_app_context)
    import_all(MetricsService(empty_app_context), show_id, tmp_path)
    panel = DataPanel(empty_app_context, feed_port=0)
    qtbot.addWidget(panel)
    try:
        with qtbot.waitSignal(panel.bundle_loaded, timeout=WAIT_MS):
            pass
        products = panel.breakdown_tabs.product_view
        assert products.products_table.rowCount() == 5
        assert _text(products.products_table, 0, 0) == f"面霜 50g  ·  {FACE_CREAM_ID}"
        assert _text(products.products_table, 0, 1) == "1# 保湿面霜"
        assert _text(products.products_table, 0, 6) == "5.00%"  # click-to-pay
        assert _text(products.products_table, 0, 11) == "2 min 0 s"  # on air
        assert _text(products.weak_table, 0, 0) == f"精华  ·  {SERUM_ID}"
        assert products.never_table.rowCount() == 1
        assert "5 products" in products.summary_label.text()

        room = panel.breakdown_tabs.room_view
        assert room.segments_table.rowCount() == 3
        assert _text(room.segments_table, 0, 2) == "30"  # comments while the face cream was on
        assert room.comments_chart.point_count == 5
        assert "interaction rate 20.83%" in room.interaction_label.text()
        assert "Paid: 2,000 viewers (20.00%)" in room.split_label.text()
        assert "¥1,000.00 (消耗 in the table)" in room.roi_label.text()

        room.spend_channel.setText("千川")
        room.spend_amount.setValue(1250)
        with qtbot.waitSignals([panel.entry_saved, panel.bundle_loaded], timeout=WAIT_MS):
            room.spend_button.click()
        assert "¥1,250.00 (entered) · ad ROI 2.00×" in room.roi_label.text()
        with empty_app_context.db.session() as s:
            assert repo.ad_spend_total_fen(s, show_id) == 125000
    finally:
        panel.shutdown()
