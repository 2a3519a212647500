"""Question queue, stock counts and the mid-show rundown: the pure parts."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from studio_app.clock import FakeClock
from studio_app.liveroom.questions import Question, QuestionStatus, next_for_qa, split_pasted
from studio_app.liveroom.rundown import RundownError, move_by, move_next, move_product_next, script_product
from studio_app.liveroom.stock import change_stock, flash_sale_product, initial_stock
from studio_app.script.format import parse_script
from studio_app.script.repo import demo_script_text


def test_a_paste_of_many_lines_is_many_questions_without_numbers_blanks_or_repeats() -> None:
    pasted = "1. 这个适合油皮吗？\r\n\r\n2、敏感肌能用吗\n- 有没有小样\n这个适合油皮吗？\n  \n"
    assert split_pasted(pasted, already=["有没有小样"]) == ["这个适合油皮吗？", "敏感肌能用吗"]
    assert len(split_pasted("问" * 100)[0]) == 60


def test_the_oldest_starred_waiting_question_goes_up(fake_clock: FakeClock) -> None:
    now = fake_clock.now()
    questions = [
        Question("a", "不加星", now),
        Question("b", "已答", now, starred=True, status=QuestionStatus.ANSWERED),
        Question("c", "后加星", now + timedelta(seconds=5), starred=True),
        Question("d", "先加星", now + timedelta(seconds=1), starred=True),
    ]
    assert next_for_qa(questions) == questions[3]
    assert next_for_qa(questions[:2]) is None


def test_stock_counts_never_go_below_zero_and_sell_out_once() -> None:
    first = change_stock({5: 3}, 5, 0)
    assert first.sold_out_now and first.count == 0
    assert not change_stock({5: 0}, 5, -2).sold_out_now  # already gone: no second cue
    assert change_stock({5: 0}, 5, -2).count == 0
    assert not change_stock({5: 3}, 5, 2).sold_out_now


def test_script_cards_give_the_starting_stock_and_the_flash_sale_product() -> None:
    script = parse_script(demo_script_text())
    stock = initial_stock(script)
    assert stock and all(count >= 0 for count in stock.values())
    flash = [s for s in script.segments if flash_sale_product(script, s) is not None]
    assert flash, "the demo show has a 秒杀 segment with a product"


def test_moving_the_hot_product_next_keeps_what_was_read() -> None:
    script = parse_script(demo_script_text())
    current = 1
    later = [
        i for i, s in enumerate(script.segments) if i > current + 1 and script.product_for(s) is not None
    ]
    index = later[-1]
    moved = move_next(script, current, index)
    assert moved.segments[: current + 1] == script.segments[: current + 1]
    assert moved.segments[current + 1] == script.segments[index]
    assert sorted(map(repr, moved.segments)) == sorted(map(repr, script.segments))
    with pytest.raises(RundownError):
        move_next(script, current, 0)


def test_the_hot_products_whole_block_moves_next_in_its_own_order() -> None:
    script = parse_script(demo_script_text())
    nuts = script_product(script, "", "每日坚果 30袋装 混合果仁")  # the shop's title holds the card's name
    assert nuts is not None and nuts.link_no == 3
    moved = move_product_next(script, 2, nuts.link_no)
    block = [s.title for s in script.segments if script.product_for(s) == nuts]
    assert len(block) >= 4  # 讲品, 答疑, 秒杀, 逼单 ...
    assert [s.title for s in moved.segments[3 : 3 + len(block)]] == block
    assert moved.segments[:3] == script.segments[:3]
    with pytest.raises(RundownError):
        move_product_next(moved, 2 + len(block), nuts.link_no)  # its block has been on air


def test_a_product_links_to_its_card_by_the_platform_id_before_the_name() -> None:
    script = parse_script(demo_script_text())
    beef = script.product(4)
    assert beef is not None
    script = replace(
        script,
        products=tuple(
            replace(p, platform_id="3612345678901234564") if p is beef else p for p in script.products
        ),
    )
    # The table's title names another card; the id on the card wins.
    found = script_product(script, "3612345678901234564", "每日坚果 30袋装 牛肉干味")
    assert found is not None and found.link_no == 4
    assert script_product(script, "999", "没有这个商品") is None


def test_moving_a_segment_up_and_down_among_the_rest() -> None:
    script = parse_script(demo_script_text())
    down = move_by(script, 0, 1, +1)
    assert down.segments[1:3] == (script.segments[2], script.segments[1])
    assert move_by(down, 0, 2, -1) == script
    assert move_by(script, 0, len(script.segments) - 1, +1) == script  # the last stays last
