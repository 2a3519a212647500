"""`studio-app show report`: a demo show driven through the real services and commands, then its record."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from studio_app.cli import main
from studio_app.context import AppContext
from studio_app.liveroom.service import LiveRoomService
from studio_app.metrics.service import MetricsService
from studio_app.probes import repo as checks_repo
from studio_app.probes.result import ProbeStatus
from studio_app.probes.service import CheckService
from studio_app.script import repo as script_repo
from studio_app.script.model import RunLogKind
from studio_app.script.service import ScriptService
from studio_app.showday.gate import ItemState
from studio_app.showday.report import segment_durations
from studio_app.showday.service import GateService
from studio_app.shows import list_shows


def _cli(context: AppContext, *argv: str) -> int:
    return main(["--workspace", str(context.workspace.root), "--lang", "en", *argv])


def _drive_show(context: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """The demo show with a linked check, a signed review, a missed promo, a cue, an alert and an incident;
    returns the show id and the check's verdict as ``check --json`` printed it."""
    show = list_shows(context.db)[0]
    start = show.planned_start
    assert start is not None

    _cli(context, "check", "--show", show.id, "--only", "camera", "--camera", str(tmp_path / "no.mp4"),
         "--duration", "0.5", "--json")  # fmt: skip
    verdict = json.loads(capsys.readouterr().out)["verdict"]

    draft = tmp_path / "draft.txt"
    draft.write_text("加一句：全网最低价", encoding="utf-8")
    _cli(context, "script", "lint", str(draft), "--record", show.id, "--checked-by", "阿杰", "--accept",
         "--note", "平台比价截图为证")  # fmt: skip
    capsys.readouterr()

    def op(s: Session) -> None:
        script_repo.append_run_log(
            s, show.id, RunLogKind.PROMO_DUE, start + timedelta(minutes=100), None, {"slot": 8}
        )
        script_repo.append_run_log(
            s, show.id, RunLogKind.PROMO_MISSED, start + timedelta(minutes=101), None, {"slot": 8}
        )
        script_repo.append_run_log(
            s, show.id, RunLogKind.CUE, start + timedelta(minutes=20), None, {"cue_id": 1, "text": "上福袋"}
        )
        alert = checks_repo.save_alert(
            s,
            kind="upload",
            status=ProbeStatus.FAIL,
            raised_at=start + timedelta(minutes=46),
            message="upload dropped",
            fix="",
            value=1.2,
            show_id=show.id,
        )
        checks_repo.acknowledge_alert(s, alert, start + timedelta(minutes=47))
        checks_repo.clear_alert(s, alert, start + timedelta(minutes=48))
        unheeded = checks_repo.save_alert(
            s,
            kind="mic.silent",
            status=ProbeStatus.FAIL,
            raised_at=start + timedelta(minutes=60),
            message="no sound",
            fix="",
            value=None,
            show_id=show.id,
        )
        checks_repo.clear_alert(s, unheeded, start + timedelta(minutes=61))

    context.writer.run(op)
    gate = GateService(context)
    first = gate.open_checklist(show.id).items[0]
    gate.set_item_state(first.id, ItemState.DONE, "运营 小王")
    gate.confirm_price(show.id, 1, "主播 小林")
    gate.record_override(show.id, "备用机位已就绪", "场控 阿杰")
    MetricsService(context).log_incident(show.id, start + timedelta(minutes=90), "stock", "库存显示错误")
    return show.id, verdict


def test_report_json_gathers_every_area(
    app_context: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    show_id, verdict = _drive_show(app_context, tmp_path, capsys)
    show = list_shows(app_context.db)[0]
    assert show.planned_start is not None

    assert _cli(app_context, "show", "report", show_id, "--json") == 0
    out = json.loads(capsys.readouterr().out)

    assert list(out) == [
        "show", "checks", "checklist", "compliance", "promos", "cues", "alerts", "incidents", "segments",
        "questions",
        "drills",
    ]  # fmt: skip
    assert out["drills"] == []  # no failover drill was run for this show
    assert out["show"]["title"] == show.title
    assert out["show"]["planned_start"] == show.planned_start.isoformat()
    assert (
        out["show"]["planned_end"]
        == (show.planned_start + timedelta(minutes=show.planned_minutes)).isoformat()
    )
    assert (out["show"]["actual_start"], out["show"]["actual_end"]) == (None, None)

    (check,) = out["checks"]
    assert check["verdict"] == verdict and check["at"]
    checklist = out["checklist"]
    assert list(checklist) == ["clear", "automatic", "items", "prices", "overrides"]
    assert checklist["clear"] is False
    assert [a["kind"] for a in checklist["automatic"]] == ["device_check", "compliance", "prices"]
    assert checklist["automatic"][1]["state"] == "blocked"  # the review signed a file, not the show's script
    # Opened at the gate: the show's copy of the template, one item ticked, then an override.
    assert [i["state"] for i in checklist["items"]] == ["done", "open", "open", "open", "open"]
    assert (
        checklist["items"][0]["by"] == "运营 小王"
        and checklist["items"][0]["at"] == show.created_at.isoformat()
    )
    (override,) = checklist["overrides"]
    assert override["reason"] == "备用机位已就绪" and override["by"] == "场控 阿杰" and override["at"]
    assert "Not done: " + checklist["items"][1]["title"] in override["blockers"]
    assert checklist["prices"][0] == {
        "link_no": 1, "name": checklist["prices"][0]["name"], "live_price": "89", "confirmed_by": "主播 小林",
        "at": show.created_at.isoformat(),
    }  # fmt: skip

    (review,) = out["compliance"]
    assert review["checked_by"] == "阿杰"
    assert review["accepted"] is True
    assert review["forbidden"] == 1
    assert review["note"] == "平台比价截图为证"
    assert review["at"]

    start = show.planned_start
    assert len(out["promos"]["done"]) == 7  # the demo run log marks one every 15 minutes
    assert out["promos"]["due"] == [{"at": (start + timedelta(minutes=100)).isoformat(), "text": "8"}]
    assert out["promos"]["missed"] == [{"at": (start + timedelta(minutes=101)).isoformat(), "text": "8"}]
    assert out["cues"] == [{"at": (start + timedelta(minutes=20)).isoformat(), "text": "上福袋"}]

    assert out["alerts"] == [
        {
            "kind": "upload",
            "start": (start + timedelta(minutes=46)).isoformat(),
            "end": (start + timedelta(minutes=48)).isoformat(),
            "acknowledged": True,
        },
        {
            "kind": "mic.silent",
            "start": (start + timedelta(minutes=60)).isoformat(),
            "end": (start + timedelta(minutes=61)).isoformat(),
            "acknowledged": False,  # it cleared by itself: nobody acknowledged it
        },
    ]
    assert [i["kind"] for i in out["incidents"]] == ["stutter", "stock"]
    assert out["incidents"][1]["description"] == "库存显示错误"

    segments = out["segments"]
    assert segments and segments[0]["index"] == 0 and segments[0]["title"]
    assert all(s["planned_s"] > 0 for s in segments)
    # The demo run log plays the rundown over two hours, every segment in turn.
    assert sum(s["actual_s"] for s in segments) == pytest.approx(120 * 60)


def test_the_most_recent_show_is_the_default_and_text_names_it(
    app_context: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    show = list_shows(app_context.db)[0]
    assert _cli(app_context, "show", "report") == 0
    text = capsys.readouterr().out
    assert show.title in text
    assert "Incidents: 1" in text
    assert "Pre-show checklist: not clear" in text and "[blocked] Device check" in text


def test_an_unknown_show_exits_1(app_context: AppContext, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli(app_context, "show", "report", "no-such-show") == 1
    assert "no-such-show" in capsys.readouterr().err
    assert _cli(app_context, "show", "report", "no-such-show", "--json") == 1


def test_no_show_at_all_exits_1(app_context: AppContext) -> None:
    # Deleted, the demo show is not seeded again, and a deleted show has no report.
    ScriptService(app_context).delete_show(list_shows(app_context.db)[0].id)
    assert _cli(app_context, "show", "report") == 1


def test_check_refuses_an_unknown_show_with_exit_2(
    empty_app_context: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(empty_app_context, "check", "--show", "no-such-show", "--only", "camera") == 2
    assert "no-such-show" in capsys.readouterr().err
    assert CheckService(empty_app_context).list_runs() == ()


def test_segment_times_run_to_the_next_start_or_the_show_end() -> None:
    from datetime import UTC, datetime

    from studio_app.script.model import RunLogEvent, Script, Segment, SegmentKind

    t0 = datetime(2026, 12, 4, 12, tzinfo=UTC)
    kinds = list(SegmentKind)
    script = Script(
        title="t",
        segments=(Segment(kinds[0], "a", 2.0), Segment(kinds[0], "b", 3.0), Segment(kinds[0], "c", 1.0)),
    )
    log = (
        RunLogEvent("s", RunLogKind.SEGMENT_START, t0, 0),
        RunLogEvent("s", RunLogKind.SEGMENT_START, t0 + timedelta(minutes=3), 1),
    )
    a, b, c = segment_durations(script, log, t0 + timedelta(minutes=5))
    assert (a.planned_s, a.actual_s) == (120.0, 180.0)
    assert (b.planned_s, b.actual_s) == (180.0, 120.0)
    assert (c.planned_s, c.actual_s) == (60.0, None)


def test_text_lists_the_viewer_questions_with_star_and_outcome(
    app_context: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    show = list_shows(app_context.db)[0]
    rooms = LiveRoomService(app_context)
    good, _waiting = rooms.add_questions(show.id, "孩子能吃吗？\n保质期多久？")
    rooms.set_starred(good.id, True)
    shown = rooms.start_qa(show.id, 3)
    assert shown is not None and shown.id == good.id
    rooms.resolve_question(good.id, True)
    assert _cli(app_context, "show", "report", show.id) == 0
    text = capsys.readouterr().out
    assert "Viewer questions: 2, 1 answered" in text
    assert "★ 孩子能吃吗？  (answered)" in text
    assert "☆ 保质期多久？  (waiting)" in text
