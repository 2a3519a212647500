"""The live room's service on a real SQLite workspace: questions through a Q&A slot, stock, the rundown."""

from __future__ import annotations

from pathlib import Path

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.liveroom.questions import QuestionStatus
from studio_app.liveroom.rundown import move_next
from studio_app.liveroom.service import LiveRoomService
from studio_app.liveroom.watch import DropFolderWatcher
from studio_app.metrics import repo as metrics_repo
from studio_app.script.model import RunLogKind
from studio_app.script.service import ScriptService
from studio_app.showday.report import build_show_report
from studio_app.shows import list_shows


def test_pasted_questions_starred_shown_in_qa_answered_or_not_and_in_the_report(
    app_context: AppContext, fake_clock: FakeClock
) -> None:
    show_id = list_shows(app_context.db)[0].id
    service = LiveRoomService(app_context)
    added = service.add_questions(show_id, "适合油皮吗？\n敏感肌能用吗\n\n有小样吗")
    assert [q.text for q in added] == ["适合油皮吗？", "敏感肌能用吗", "有小样吗"]
    assert service.add_questions(show_id, "有小样吗") == ()  # already queued
    oily, sensitive, sample = added
    service.set_starred(sensitive.id, True)
    service.set_starred(oily.id, True)

    fake_clock.advance(60)
    first = service.start_qa(show_id, 2)
    assert first is not None and first.text == "适合油皮吗？" and first.status is QuestionStatus.SHOWN
    fake_clock.advance(20)
    answered = service.resolve_question(first.id, answered=True)
    assert answered is not None and answered.status is QuestionStatus.ANSWERED
    assert service.end_qa(show_id) is None  # nothing left up

    fake_clock.advance(600)
    second = service.start_qa(show_id, 4)
    assert second is not None and second.text == "敏感肌能用吗"
    fake_clock.advance(30)
    left = service.end_qa(show_id)  # the slot ended with the question unanswered
    assert left is not None and left.status is QuestionStatus.UNANSWERED
    assert service.start_qa(show_id, 6) is None  # no starred question waits

    log = ScriptService(app_context).run_log(show_id)
    lines = [(e.kind, e.payload["text"], e.segment_index) for e in log if e.kind.value.startswith("question")]
    assert lines == [
        (RunLogKind.QUESTION_SHOWN, "适合油皮吗？", 2),
        (RunLogKind.QUESTION_ANSWERED, "适合油皮吗？", 2),
        (RunLogKind.QUESTION_SHOWN, "敏感肌能用吗", 4),
        (RunLogKind.QUESTION_UNANSWERED, "敏感肌能用吗", 4),
    ]
    report = build_show_report(app_context, show_id).to_json()
    by_text = {q["text"]: q for q in report["questions"]}
    assert by_text["适合油皮吗？"]["status"] == "answered"
    assert by_text["敏感肌能用吗"]["status"] == "unanswered"
    assert by_text["有小样吗"] == {
        **by_text["有小样吗"],
        "status": "queued",
        "starred": False,
        "shown_at": None,
    }
    assert sample.id  # stays queued, unstarred

    service.set_starred(sensitive.id, True)  # starred again: back in the queue for the next slot
    again = service.start_qa(show_id, 8)
    assert again is not None and again.text == "敏感肌能用吗"


def test_stock_is_kept_per_link_and_sells_out_once(app_context: AppContext) -> None:
    show_id = list_shows(app_context.db)[0].id
    service = LiveRoomService(app_context)
    assert service.set_stock(show_id, 5, 3).sold_out_now is False
    assert service.set_stock(show_id, 5, 0, source="feed").sold_out_now is True
    assert service.set_stock(show_id, 5, -1).sold_out_now is False
    assert service.stock(show_id) == {5: 0}


def test_a_reordered_rundown_is_the_shows_script_from_now_on(app_context: AppContext) -> None:
    show_id = list_shows(app_context.db)[0].id
    scripts = ScriptService(app_context)
    script = scripts.load_show(show_id).script
    assert script is not None
    moved = move_next(script, 1, len(script.segments) - 2)
    LiveRoomService(app_context).save_rundown(show_id, moved, 1)
    reloaded = scripts.load_show(show_id).script
    assert reloaded is not None
    assert [s.title for s in reloaded.segments] == [s.title for s in moved.segments]
    (line,) = [e for e in scripts.run_log(show_id) if e.kind is RunLogKind.RUNDOWN_REORDERED]
    assert line.payload["order"][0] == script.segments[-2].title


def test_a_dropped_product_table_sets_live_stock_and_a_minute_table_becomes_the_shows_samples(
    app_context: AppContext, fake_clock: FakeClock, tmp_path: Path
) -> None:
    show_id = list_shows(app_context.db)[0].id
    script = ScriptService(app_context).load_show(show_id).script
    assert script is not None
    folder = tmp_path / "drop"
    folder.mkdir()
    table = "商品ID,商品名称,商品曝光人数,商品点击人数,成交订单数,成交金额(元),库存\r\n"
    # The card says 每日坚果 30袋装; the shop's title says more: the card's name inside it links them.
    table += "3612345678901234563,【直播专享】每日坚果 30袋装 混合果仁,1000,100,10,699,0\r\n"
    (folder / "商品.csv").write_bytes(table.encode("gbk"))
    (folder / "trend.csv").write_text(
        "时间,在线人数,成交金额(元)\n2026-11-25 20:01,812,1299.00\n", encoding="utf-8"
    )
    service = LiveRoomService(app_context)
    watcher = DropFolderWatcher(folder, fake_clock)
    assert service.take_drops(watcher, show_id, script).outcomes == ()  # seen, not yet settled
    fake_clock.advance(3)
    result = service.take_drops(watcher, show_id, script)
    assert sorted(o.name for o in result.outcomes) == ["trend.csv", "商品.csv"]
    (change,) = result.stock
    assert (change.link_no, change.count, change.sold_out_now) == (3, 0, True)
    assert service.stock(show_id) == {3: 0}
    with app_context.db.session() as s:
        stored = metrics_repo.samples_by_source(s, show_id)["feed"]
        (reviewed,) = metrics_repo.product_rows(s, show_id)  # the product review has the table too
    assert [(x.online_viewers, x.pay_gmv_fen) for x in stored] == [(812, 129_900)]
    assert (reviewed.product_id, reviewed.pay_gmv_fen) == ("3612345678901234563", 69_900)
