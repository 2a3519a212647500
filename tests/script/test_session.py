"""The on-air session: segments, speed, cues, promos and the run log it writes, across a restart."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

import pytest
from onair_fixtures import onair_script

from studio_app.clock import FakeClock
from studio_app.promo.clock import PromoMarkKind, PromoPhase
from studio_app.promo.session import (
    GEAR_NEUTRAL,
    OnAirSession,
    OnAirSnapshot,
    SessionError,
    SessionPhase,
    gear_speed_cpm,
    open_session,
)
from studio_app.script.model import EmergencyKind, RunLogEvent, RunLogKind
from studio_app.script.repo import load_promo_state, save_promo_state
from studio_app.store.db import Database
from studio_app.store.models import Show


class RunLog:
    def __init__(self) -> None:
        self.events: list[RunLogEvent] = []

    def __call__(self, event: RunLogEvent) -> None:
        self.events.append(event)

    def kinds(self) -> list[RunLogKind]:
        return [e.kind for e in self.events]


def new_session(
    clock: FakeClock, log: RunLog, save: Callable[[OnAirSnapshot], None] | None = None
) -> OnAirSession:
    return OnAirSession(clock, onair_script(), "show-1", log=log, save_state=save)


def test_starting_the_show_logs_the_start_and_the_first_segment(fake_clock: FakeClock) -> None:
    log = RunLog()
    session = new_session(fake_clock, log)
    assert session.phase is SessionPhase.READY and session.paused
    session.start_show()
    assert log.kinds() == [RunLogKind.SHOW_START, RunLogKind.SEGMENT_START]
    assert log.events[1].segment_index == 0
    assert log.events[1].payload["title"] == "开场 欢迎"
    assert log.events[0].at == fake_clock.now()
    assert not session.paused
    with pytest.raises(SessionError):
        session.start_show()


def test_segments_have_actual_durations_and_a_product_segment_starts_q_and_a(fake_clock: FakeClock) -> None:
    log = RunLog()
    session = new_session(fake_clock, log)
    session.start_show()
    fake_clock.advance(200)
    assert session.next_segment()
    fake_clock.advance(480)
    assert session.next_segment()  # leaving the product segment
    ends = [e for e in log.events if e.kind is RunLogKind.SEGMENT_END]
    assert [e.payload["duration_s"] for e in ends] == [200.0, 480.0]
    assert log.kinds()[-3:] == [RunLogKind.SEGMENT_END, RunLogKind.QA_START, RunLogKind.SEGMENT_START]
    assert session.qa.snapshot(session.elapsed_s()).running
    fake_clock.advance(30)
    events = session.tick()
    assert [e.kind for e in events] == [RunLogKind.QA_END]
    assert events[0].payload == {"cut_short": False}
    assert session.runs[1].duration_s == 480


def test_gears_change_speed_in_characters_per_minute_and_are_logged(fake_clock: FakeClock) -> None:
    log = RunLog()
    session = new_session(fake_clock, log)
    session.start_show()
    assert session.speed_cpm == 270
    session.gear_up()
    assert session.gear == GEAR_NEUTRAL + 1
    assert session.speed_cpm == pytest.approx(270 * 1.12)
    session.set_gear(99)
    assert session.gear == 9
    session.set_gear(9)  # no change, no log line
    speeds = [e for e in log.events if e.kind is RunLogKind.SPEED]
    assert [e.payload["gear"] for e in speeds] == [6, 9]
    session.set_speed_cpm(240)
    assert session.speed_cpm == 240 and session.gear == 4
    assert gear_speed_cpm(270, 4) == pytest.approx(270 / 1.12)
    session.toggle_pause()
    assert session.paused and log.kinds()[-1] is RunLogKind.PAUSE


def test_operator_cues_queue_until_dismissed(fake_clock: FakeClock) -> None:
    log = RunLog()
    session = new_session(fake_clock, log)
    session.start_show()
    session.send_cue("讲3号链接")
    session.send_cue("  库存剩50 ")
    assert [c.text for c in session.active_cues()] == ["讲3号链接", "库存剩50"]
    dismissed = session.dismiss_cue()
    assert dismissed is not None and dismissed.text == "库存剩50"
    assert [c.text for c in session.active_cues()] == ["讲3号链接"]
    with pytest.raises(SessionError, match="Type a message"):
        session.send_cue("   ")
    with pytest.raises(SessionError, match="at most"):
        session.send_cue("字" * 61)
    cue_lines = [(e.kind, e.payload.get("text")) for e in log.events if e.kind.value.startswith("cue")]
    assert cue_lines == [
        (RunLogKind.CUE, "讲3号链接"),
        (RunLogKind.CUE, "库存剩50"),
        (RunLogKind.CUE_DISMISSED, None),
    ]


def test_emergency_scripts_and_corrections_are_logged(fake_clock: FakeClock) -> None:
    log = RunLog()
    session = new_session(fake_clock, log)
    session.start_show()
    script = session.use_emergency(EmergencyKind.NETWORK_DROP)
    assert "网络" in script.text
    with pytest.raises(SessionError, match="no emergency text"):
        session.use_emergency(EmergencyKind.HOST_BREAK)
    session.log_correction("刚才价格说错了，到手价是89元")
    assert log.kinds()[-2:] == [RunLogKind.EMERGENCY, RunLogKind.CORRECTION]
    assert log.events[-2].payload["emergency"] == "network_drop"
    assert session.corrections()[0][0] == "刚才价格说错了，到手价是89元"


def test_promo_cues_and_marks_go_to_the_run_log(fake_clock: FakeClock) -> None:
    log = RunLog()
    session = new_session(fake_clock, log)
    session.start_show()
    fake_clock.advance(14 * 60)
    assert [e.kind for e in session.tick()] == [RunLogKind.PROMO_PRECUE]
    fake_clock.advance(60 + 45)
    assert [e.kind for e in session.tick()] == [RunLogKind.PROMO_DUE]
    session.mark_promo(PromoMarkKind.DONE)
    done = log.events[-1]
    assert done.kind is RunLogKind.PROMO_DONE and done.payload["late_s"] == 45.0
    fake_clock.advance(30 * 60)
    kinds = [e.kind for e in session.tick()]
    # Slot 2 cued, due and missed; slot 3 cued and due, in the order they happened.
    assert kinds == [
        RunLogKind.PROMO_PRECUE,
        RunLogKind.PROMO_DUE,
        RunLogKind.PROMO_PRECUE,
        RunLogKind.PROMO_MISSED,
        RunLogKind.PROMO_DUE,
    ]


def test_a_restart_mid_show_resumes_segment_speed_cues_and_promos(
    fake_clock: FakeClock, db: Database
) -> None:
    with db.session() as s:
        show = Show(title="秋季护肤专场")
        s.add(show)
        s.flush()
        show_id = show.id

    def save(state: OnAirSnapshot) -> None:
        with db.session() as s:
            save_promo_state(s, show_id, state.to_dict(), fake_clock.now())

    log = RunLog()
    session = OnAirSession(fake_clock, onair_script(), show_id, log=log, save_state=save)
    session.start_show()
    session.next_segment()
    session.gear_up()
    session.send_cue("库存剩50")
    fake_clock.advance(15 * 60)
    session.tick()
    session.mark_promo(PromoMarkKind.SKIPPED)
    session.note_reading_position(1234)

    # The app crashes; a new process, with its own monotonic origin, comes back 2 minutes later.
    later = FakeClock(start=fake_clock.now(), monotonic_start=3.0)
    later.advance(120)
    with db.session() as s:
        saved = load_promo_state(s, show_id)
    assert saved is not None
    log2 = RunLog()
    resumed = OnAirSession.resume(later, onair_script(), saved, log=log2)
    assert resumed.phase is SessionPhase.ON_AIR
    assert resumed.segment_index == 1 and resumed.gear == GEAR_NEUTRAL + 1
    assert [c.text for c in resumed.active_cues()] == ["库存剩50"]
    assert resumed.reading_char == 1234
    assert resumed.elapsed_s() == pytest.approx(15 * 60 + 120)
    assert resumed.promo is not None and resumed.promo.history()[0].phase is PromoPhase.SKIPPED
    assert resumed.tick() == []  # nothing announced twice
    resumed.next_segment()
    assert log2.events[0].kind is RunLogKind.SEGMENT_END
    assert log2.events[0].payload["duration_s"] == 15 * 60 + 120


def test_ahead_behind_follows_the_rundown(fake_clock: FakeClock) -> None:
    session = new_session(fake_clock, RunLog())
    session.start_show()
    fake_clock.advance(60)
    assert session.schedule().label() == "On time"
    fake_clock.advance(5 * 60)  # opening planned 3 min, still in it after 6
    status = session.schedule()
    assert status.behind_s == pytest.approx(180)
    assert status.label() == "3.0 min behind"
    session.go_to_segment(3)  # jump ahead to the second product (planned start 15 min)
    assert session.schedule().behind_s == pytest.approx(6 * 60 - 15 * 60)
    assert "ahead" in session.schedule().label()


def test_a_damaged_saved_state_gives_a_clear_error(fake_clock: FakeClock) -> None:
    with pytest.raises(SessionError, match="could not be read"):
        OnAirSession.resume(fake_clock, onair_script(), json.loads('{"show_id": "x"}'))


def test_ending_the_show_closes_the_last_segment(fake_clock: FakeClock) -> None:
    log = RunLog()
    session = new_session(fake_clock, log)
    session.start_show()
    fake_clock.advance(10)
    session.end_show()
    assert log.kinds()[-2:] == [RunLogKind.SEGMENT_END, RunLogKind.SHOW_END]
    assert session.phase is SessionPhase.ENDED
    assert session.tick() == []


def test_a_calibrated_base_rate_keeps_the_gear(fake_clock: FakeClock) -> None:
    log = RunLog()
    session = new_session(fake_clock, log)
    session.start_show()
    session.gear_up()
    session.set_base_cpm(200)
    assert session.base_cpm == 200 and session.gear == GEAR_NEUTRAL + 1
    assert session.speed_cpm == pytest.approx(200 * 1.12)
    assert log.events[-1].kind is RunLogKind.SPEED
    with pytest.raises(SessionError):
        session.set_base_cpm(0)


def test_opening_a_show_resumes_it_only_while_it_is_on_air(fake_clock: FakeClock) -> None:
    log = RunLog()
    assert not open_session(fake_clock, onair_script(), "show-1", None).resumed
    session = new_session(fake_clock, log)
    session.start_show()
    session.next_segment()
    on_air = open_session(fake_clock, onair_script(), "show-1", session.snapshot())
    assert on_air.resumed and on_air.session.segment_index == 1 and not on_air.resume_problem
    # Another show's state, or one that ended, gives a fresh session ready to start.
    other = open_session(fake_clock, onair_script(), "show-2", session.snapshot())
    assert not other.resumed and other.session.phase is SessionPhase.READY
    session.end_show()
    ended = open_session(fake_clock, onair_script(), "show-1", session.snapshot())
    assert not ended.resumed and ended.session.phase is SessionPhase.READY


def test_a_state_that_cannot_be_read_is_reported_and_a_fresh_session_opened(fake_clock: FakeClock) -> None:
    session = new_session(fake_clock, RunLog())
    session.start_show()
    broken = replace(session.snapshot(), qa={"bogus": True}, promo={"nonsense": 1})
    opened = open_session(fake_clock, onair_script(), "show-1", broken)
    assert opened.resume_problem and opened.session.phase is SessionPhase.READY
    assert OnAirSnapshot.from_dict(session.snapshot().to_dict()) == session.snapshot()
