"""The live room's service on a real SQLite workspace: questions through a Q&A slot, stock, the rundown."""

from __future__ import annotations

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.liveroom.questions import QuestionStatus
from studio_app.liveroom.rundown import move_next
from studio_app.liveroom.service import LiveRoomService
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
