"""The live room panel beside the real script runner on the demo show, on a fake clock."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.liveroom.questions import QuestionStatus
from studio_app.liveroom.service import LiveRoomService
from studio_app.promo.onair_text import onair_text
from studio_app.promo.session import OnAirSession
from studio_app.script import repo as script_repo
from studio_app.script.model import RunLogKind, SegmentKind
from studio_app.shows import list_shows
from studio_app.ui.data_panel import DataPanel
from studio_app.ui.liveroom.panel import POLL_S, LiveRoomPanel
from studio_app.ui.prompter.controller import OnAirController
from studio_app.ui.prompter.keys import PrompterAction
from studio_app.ui.script_panel import ScriptPanel


@pytest.fixture
def panels(qtbot: QtBot, app_context: AppContext) -> Iterator[tuple[ScriptPanel, LiveRoomPanel]]:
    script = ScriptPanel(app_context)
    qtbot.addWidget(script)
    qtbot.waitUntil(lambda: script.controller is not None, timeout=10000)
    room = LiveRoomPanel(app_context)
    qtbot.addWidget(room)
    room.resize(1600, 950)
    room.show()
    room.set_onair_source(lambda: script.controller)
    assert script.controller is not None
    script.controller.start_show()
    yield script, room
    room.shutdown()
    script.shutdown()


def _controller(script: ScriptPanel) -> OnAirController:
    assert script.controller is not None
    return script.controller


def _settle_drop(room: LiveRoomPanel, qtbot: QtBot, clock: FakeClock) -> None:
    """Two polls of the folder POLL_S apart: the file is seen, then read once it stayed the same."""
    for _ in range(2):
        clock.advance(POLL_S)
        with qtbot.waitSignal(room.drops_taken, timeout=5000):
            room.tick()


def test_a_dwell_drop_in_a_dropped_file_raises_an_alert_the_operator_sends_as_a_cue(
    qtbot: QtBot, panels: tuple[ScriptPanel, LiveRoomPanel], fake_clock: FakeClock
) -> None:
    script, room = panels
    start = fake_clock.now()
    minutes = [
        {"at": (start + timedelta(minutes=m)).isoformat(), "online_viewers": 900 - m,
         "avg_watch_seconds": 62 if m < 30 else 38, "comments": 80, "likes": 400, "shares": 6}
        for m in range(34)
    ]  # fmt: skip
    room.drop_folder().mkdir(parents=True, exist_ok=True)
    (room.drop_folder() / "room.json").write_text(json.dumps(minutes), encoding="utf-8")
    fake_clock.advance(33 * 60)
    _settle_drop(room, qtbot, fake_clock)
    with qtbot.waitSignal(room.refreshed) as blocker:
        room.tick()
    view = blocker.args[0]
    assert [a.key for a in view.alerts] == ["dwell"]
    assert room.dwell_tile.value.text() == "38s" and "62" in room.dwell_tile.base.text()
    assert room.online_tile.value.text() == "867"
    (card,) = room.alerts.cards
    qtbot.mouseClick(card.button, Qt.MouseButton.LeftButton)
    cues = _controller(script).session.active_cues()
    assert cues[-1].text == "Viewers leaving: switch the demo / bring out an offer"
    assert onair_text(_controller(script).session).cue.startswith("Viewers leaving")
    assert (room.drop_folder() / "done" / "room.json").exists()


def _go_to(session: OnAirSession, controller: OnAirController, kind: SegmentKind) -> int:
    index = next(
        i for i, s in enumerate(session.script.segments) if s.kind is kind and i > session.segment_index
    )
    controller.go_to_segment(index)
    return index


def test_pasted_questions_starred_one_shows_in_qa_and_its_answer_is_logged(
    qtbot: QtBot, panels: tuple[ScriptPanel, LiveRoomPanel], app_context: AppContext
) -> None:
    script, room = panels
    controller = _controller(script)
    session = controller.session
    view = room.questions
    view.edit.setPlainText("1. 适合油皮吗？\n2. 敏感肌能用吗\n3. 有小样吗")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.list.count() == 3, timeout=5000)
    assert [b.text() for b in view.star_buttons] == ["☆", "☆", "☆"]
    qtbot.mouseClick(view.star_buttons[1], Qt.MouseButton.LeftButton)  # the operator stars the good one
    qtbot.waitUntil(lambda: any(q.starred for q in room._questions), timeout=5000)
    assert [b.text() for b in view.star_buttons] == ["☆", "★", "☆"]

    product = _go_to(session, controller, SegmentKind.PRODUCT)
    controller.go_to_segment(product + 1)  # leaving the product: its Q&A slot starts
    qtbot.waitUntil(lambda: "敏感肌能用吗" in view.up_label.text(), timeout=5000)
    room.tick()
    assert onair_text(session).question == "Q: 敏感肌能用吗"
    qtbot.mouseClick(view.answered_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.row_labels[1].text() == "敏感肌能用吗  · answered", timeout=5000)
    room.tick()
    assert onair_text(session).question == ""
    with app_context.db.session() as s:
        log = script_repo.list_run_log(s, session.show_id)
    answered = [e for e in log if e.kind is RunLogKind.QUESTION_ANSWERED]
    assert [e.payload["text"] for e in answered] == ["敏感肌能用吗"]
    assert answered[0].segment_index == product
    assert [q.status for q in room._questions] == [
        QuestionStatus.QUEUED, QuestionStatus.ANSWERED, QuestionStatus.QUEUED
    ]  # fmt: skip


def test_flash_sale_stock_counts_down_by_hand_and_sold_out_cues_the_host(
    qtbot: QtBot, panels: tuple[ScriptPanel, LiveRoomPanel]
) -> None:
    script, room = panels
    controller = _controller(script)
    session = controller.session
    _go_to(session, controller, SegmentKind.FLASH_SALE)
    room.tick()
    card = room.stock_card
    product = session.script.product_for(session.segment)
    assert product is not None and product.stock is not None
    stock = product.stock
    assert card.count_label.text() == f"{product.stock:,}"
    assert card.countdown_label.text().startswith("Flash sale 03:00")
    qtbot.mouseClick(card.minus_ten, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: room._stock.get(product.link_no) == stock - 10, timeout=5000)
    room.tick()
    assert onair_text(session).flash_sale.endswith(f"{stock - 10} left")
    card.spin.setValue(0)
    qtbot.mouseClick(card.set_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(session.active_cues()), timeout=5000)
    assert "SOLD OUT" in session.active_cues()[-1].text
    room.tick()
    assert card.count_label.text() == "SOLD OUT"
    assert onair_text(session).flash_sale.endswith("SOLD OUT")


def _product_table(path: Path, rows: list[tuple[str, str, int, int, float]]) -> None:
    lines = ["商品ID,商品名称,商品曝光人数,商品点击人数,成交金额(元)"]
    lines += [f"{pid},{name},{e},{c},{g}" for pid, name, e, c, g in rows]
    path.write_bytes("\r\n".join(lines).encode("gbk"))


def test_the_hot_product_moves_next_and_the_prompter_follows(
    qtbot: QtBot, panels: tuple[ScriptPanel, LiveRoomPanel], fake_clock: FakeClock, app_context: AppContext
) -> None:
    script, room = panels
    script.toggle_prompter()
    assert script.prompter is not None
    prompter = script.prompter.view
    controller = _controller(script)
    session = controller.session
    controller.go_to_segment(2)  # the host reads segment 3 ...
    controller.perform(PrompterAction.PAUSE)  # ... and holds still, so the place can be compared
    qtbot.waitUntil(lambda: prompter.velocity_px_s() == 0, timeout=5000)
    position = prompter.position_px()
    assert position >= prompter.segment_start_px(2) > 0
    room.drop_folder().mkdir(parents=True, exist_ok=True)
    cream, beef_name = "玻尿酸保湿面霜 50g", "风干牛肉干 原味 250g 手撕"
    _product_table(room.drop_folder() / "p1.csv", [("1001", cream, 900, 90, 890.0),
                                                  ("1004", beef_name, 800, 60, 500.0)])  # fmt: skip
    _settle_drop(room, qtbot, fake_clock)
    fake_clock.advance(600)
    _product_table(room.drop_folder() / "p2.csv", [("1001", cream, 1500, 120, 1200.0),
                                                  ("1004", beef_name, 4000, 700, 9000.0)])  # fmt: skip
    _settle_drop(room, qtbot, fake_clock)
    room.tick()
    assert room.hot.rows[0].product.name == beef_name
    room.hot.selectRow(0)
    qtbot.mouseClick(room.hot_next_button, Qt.MouseButton.LeftButton)
    after = session.script.segments[session.segment_index + 1]
    beef = session.script.product(4)
    assert beef is not None and session.script.product_for(after) == beef
    text = prompter._doc.toPlainText()
    assert text.index(after.title) < text.index("过到洁面")  # the prompter's text is in the new order
    assert prompter.position_px() == position  # and the host's place did not move
    assert room.rundown.list.item(0).text().endswith(after.title)
    qtbot.waitUntil(
        lambda: (
            [s.title for s in script.service.load_show(session.show_id).script.segments]  # type: ignore[union-attr]
            == [s.title for s in session.script.segments]
        ),
        timeout=5000,
    )
    cell = script.rundown.item(session.segment_index + 1, 2)
    assert cell is not None and cell.text() == after.title


def test_the_data_rooms_review_lists_the_questions_and_their_outcome(
    qtbot: QtBot, app_context: AppContext
) -> None:
    show_id = list_shows(app_context.db)[0].id
    service = LiveRoomService(app_context)
    asked = service.add_questions(show_id, "适合油皮吗？\n有小样吗")
    service.set_starred(asked[0].id, True)
    shown = service.start_qa(show_id, 2)
    assert shown is not None
    service.resolve_question(shown.id, answered=False)
    panel = DataPanel(app_context, feed_port=0)
    qtbot.addWidget(panel)
    review = panel.review_view.questions_review
    qtbot.waitUntil(lambda: review.rowCount() == 2, timeout=10000)
    rows = [[review.item(r, c).text() for c in range(3)] for r in range(2)]  # type: ignore[union-attr]
    assert rows == [["适合油皮吗？", "★", "not answered"], ["有小样吗", "", "not put up"]]
    panel.shutdown()


def test_the_room_follows_a_new_controller_when_the_script_runner_replaces_its_own(
    qtbot: QtBot, panels: tuple[ScriptPanel, LiveRoomPanel]
) -> None:
    script, room = panels
    old = _controller(script)
    assert script._script is not None
    script._on_saved(script._script)  # a script saved mid-show: the old controller is deleted, a new one
    qtbot.wait(50)  # picks the show up where it was
    room.tick()
    new = _controller(script)
    assert room.controller is new is not old
    new.send_cue("测试")
    room.send_cue("讲福利")
    assert [c.text for c in new.session.active_cues()] == ["测试", "讲福利"]


def test_the_editor_follows_a_mid_show_reorder_and_an_edit_on_the_old_order_is_not_saved_over_it(
    qtbot: QtBot,
    panels: tuple[ScriptPanel, LiveRoomPanel],
    app_context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    script, room = panels
    room.rundown_saved.connect(script.editor_page.follow_new_revision)  # as ShowDay wires them
    monkeypatch.setattr(script.editor_page, "_confirm_prices", lambda flags: True)
    session = _controller(script).session
    page = script.editor_page
    opened = page.base_revision
    assert opened is not None and opened > 0

    def stored_titles() -> list[str]:
        loaded = script.service.load_show(session.show_id).script
        assert loaded is not None
        return [s.title for s in loaded.segments]

    # Not edited: the editor takes the reordered text, and saving it keeps the new order.
    last = len(session.script.segments) - 1
    with qtbot.waitSignal(room.rundown_saved, timeout=5000):
        room.move_segment(last, 0)
    moved = [s.title for s in session.script.segments]
    qtbot.waitUntil(lambda: page.base_revision == opened + 1, timeout=5000)
    assert page.editor.toPlainText().index(
        moved[session.segment_index + 1]
    ) < page.editor.toPlainText().index(moved[session.segment_index + 2])
    with qtbot.waitSignal(page.saved, timeout=5000):
        script.save_editor()
    assert stored_titles() == moved

    # Edited, then the rundown is reordered again: the edit on the old order is refused, nothing lost.
    page.editor.appendPlainText("")
    edited = page.editor.toPlainText()
    with qtbot.waitSignal(room.rundown_saved, timeout=5000):
        room.move_segment(len(session.script.segments) - 1, 0)
    reordered = [s.title for s in session.script.segments]
    assert reordered != moved
    qtbot.waitUntil(lambda: stored_titles() == reordered, timeout=5000)
    with qtbot.waitSignal(page.message, timeout=5000) as refused:
        script.save_editor()
    assert refused.args[1] is True and "changed since the editor opened it" in refused.args[0]
    assert stored_titles() == reordered  # the old order did not come back
    assert page.editor.toPlainText() == edited  # and the operator's text is still there
