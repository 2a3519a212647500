from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.demo import demo_show
from studio_app.paths import resource_path
from studio_app.script.format import parse_script
from studio_app.script.lint import Severity, default_wordlist, lint_text
from studio_app.script.model import RunLogKind
from studio_app.script.pricing import check_prices
from studio_app.script.repo import (
    append_run_log,
    host_rate_calibration,
    list_compliance_records,
    list_corrections,
    list_run_log,
    load_promo_state,
    load_script,
    load_script_source,
    log_correction,
    record_compliance,
    save_promo_state,
    save_script,
)
from studio_app.store.db import Database
from studio_app.store.models.core import Show
from studio_app.store.models.script import ScriptRow

DEMO_TEXT = resource_path("demo", "demo_show.md").read_text(encoding="utf-8")


@pytest.fixture
def show_id(db: Database, fake_clock: FakeClock) -> str:
    with db.session() as s:
        show = Show(title="周五专场", created_at=fake_clock.now(), updated_at=fake_clock.now())
        s.add(show)
        s.flush()
        return show.id


def test_a_saved_script_loads_back_equal_with_its_source_text(db: Database, show_id: str) -> None:
    script = parse_script(DEMO_TEXT)
    with db.session() as s:
        row = save_script(s, show_id, script, source_text=DEMO_TEXT, source_name="demo_show.md")
        assert row.revision == 1
    with db.session() as s:
        assert load_script(s, show_id) == script
        assert load_script_source(s, show_id) == DEMO_TEXT


def test_each_save_is_a_new_revision_and_the_newest_wins(db: Database, show_id: str) -> None:
    first = parse_script("# 第一版\n## [开场] 欢迎 (5 min)\n你好\n")
    second = parse_script("# 第二版\n## [开场] 欢迎 (3 min)\n大家好\n")
    with db.session() as s:
        save_script(s, show_id, first)
    with db.session() as s:
        assert save_script(s, show_id, second).revision == 2
    with db.session() as s:
        assert load_script(s, show_id) == second
        assert load_script_source(s, show_id) == "# 第二版\n\n## [开场] 欢迎 (3 min)\n大家好\n"
        assert len(s.scalars(select(ScriptRow).where(ScriptRow.show_id == show_id)).all()) == 2


def test_a_show_without_a_script_loads_none(db: Database, show_id: str) -> None:
    with db.session() as s:
        assert load_script(s, show_id) is None
        assert load_script_source(s, "no-such-show") is None


def test_run_log_lists_the_shows_events_in_time_order(
    db: Database, show_id: str, fake_clock: FakeClock
) -> None:
    t0 = fake_clock.now()
    with db.session() as s:
        other = Show(title="另一场")
        s.add(other)
        s.flush()
        append_run_log(s, show_id, RunLogKind.SEGMENT_START, t0, 0)
        append_run_log(s, show_id, RunLogKind.SPEED, t0 + timedelta(seconds=30), 0, {"rate_cpm": 280})
        append_run_log(s, other.id, RunLogKind.SEGMENT_START, t0, 0)
        append_run_log(s, show_id, RunLogKind.PROMO_DONE, t0 + timedelta(minutes=15), 3, {"late_s": 12.5})
        append_run_log(s, show_id, RunLogKind.SEGMENT_END, t0 + timedelta(seconds=20), 0)
    with db.session() as s:
        events = list_run_log(s, show_id)
    assert [(e.kind, (e.at - t0).total_seconds(), e.segment_index) for e in events] == [
        (RunLogKind.SEGMENT_START, 0, 0),
        (RunLogKind.SEGMENT_END, 20, 0),
        (RunLogKind.SPEED, 30, 0),
        (RunLogKind.PROMO_DONE, 900, 3),
    ]
    assert events[2].payload == {"rate_cpm": 280} and events[3].payload == {"late_s": 12.5}
    assert all(e.show_id == show_id and e.id and e.at.tzinfo is not None for e in events)


def test_the_pre_stream_review_is_kept_with_the_show(
    db: Database, show_id: str, fake_clock: FakeClock
) -> None:
    text = DEMO_TEXT + "\n<!-- -->\n## [收尾] 加播 (1 min)\n全网最低价，无副作用！\n"
    script = parse_script(text)
    wordlist = default_wordlist()
    hits = lint_text(text, wordlist)
    with db.session() as s:
        script_row = save_script(s, show_id, script, source_text=text)
        record_compliance(
            s,
            show_id,
            checked_by="场控 阿杰",
            at=fake_clock.now(),
            hits=hits,
            wordlist=wordlist,
            price_flags=check_prices(script.products),
            accepted=False,
            note="两处禁用词，改稿后重审",
        )
    with db.session() as s:
        (record,) = list_compliance_records(s, show_id)
    assert record.script_id == script_row.id
    assert record.checked_by == "场控 阿杰" and record.checked_at == fake_clock.now()
    assert record.forbidden_count == 2 and not record.accepted
    assert {h["text"] for h in record.hits if h["severity"] == Severity.FORBIDDEN.value} == {
        "全网最低",
        "无副作用",
    }
    assert record.wordlist_version == wordlist.version


def test_an_on_air_correction_is_logged_and_appears_in_the_run_log(
    db: Database, show_id: str, fake_clock: FakeClock
) -> None:
    with db.session() as s:
        log_correction(
            s, show_id, fake_clock.now(), said="到手价八块九", correction="到手价89元", segment_index=4
        )
    with db.session() as s:
        (correction,) = list_corrections(s, show_id)
        (event,) = list_run_log(s, show_id)
    assert correction.correction == "到手价89元" and correction.segment_index == 4
    assert event.kind == RunLogKind.CORRECTION and event.payload["correction_id"] == correction.id


def test_promo_state_is_one_row_per_show_and_survives_reopening(
    db: Database, show_id: str, workspace, fake_clock
) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        assert load_promo_state(s, show_id) is None
        save_promo_state(
            s, show_id, {"started_at": "2026-11-25T12:00:00+00:00", "done": [1]}, fake_clock.now()
        )
    fake_clock.advance(60)
    with db.session() as s:
        save_promo_state(
            s, show_id, {"started_at": "2026-11-25T12:00:00+00:00", "done": [1, 2]}, fake_clock.now()
        )
    db.close()
    reopened = Database.open(workspace.db_path)
    try:
        with reopened.session() as s:
            assert load_promo_state(s, show_id) == {"started_at": "2026-11-25T12:00:00+00:00", "done": [1, 2]}
    finally:
        reopened.close()


def test_the_demo_workspace_has_the_demo_script(app_context: AppContext) -> None:
    with app_context.db.session() as s:
        show = demo_show(s)
        assert show is not None
        script = load_script(s, show.id)
    assert script is not None and script.title == "秋季护肤零食专场"
    assert script.planned_minutes == show.planned_minutes == 120


def test_a_hosts_reading_rate_is_learnt_from_the_shows_they_ran(db: Database, fake_clock: FakeClock) -> None:
    # 600 字 read in 120 s of speaking (plus a 60 s pause) = 300 字/分, in each of two shows.
    script = parse_script("# 专场\n## [讲品] 面霜 (3 min)\n" + "好" * 600 + "\n")
    t0 = fake_clock.now()
    with db.session() as s:
        for _ in range(2):
            show = Show(title="专场", host_name="小林")
            s.add(show)
            s.flush()
            save_script(s, show.id, script)
            append_run_log(s, show.id, RunLogKind.SEGMENT_START, t0, 0)
            append_run_log(s, show.id, RunLogKind.PAUSE, t0 + timedelta(seconds=30))
            append_run_log(s, show.id, RunLogKind.RESUME, t0 + timedelta(seconds=90))
            append_run_log(s, show.id, RunLogKind.SEGMENT_END, t0 + timedelta(seconds=180), 0)
        s.add(Show(title="别人的场", host_name="阿杰"))
    with db.session() as s:
        learnt = host_rate_calibration(s, "小林", prior_rate_cpm=260)
        nobody = host_rate_calibration(s, "阿杰", prior_rate_cpm=260)
    assert learnt.minutes_read == 4 and learnt.units_read == 1200
    assert learnt.rate_cpm == pytest.approx((260 * 5 + 1200) / 9)
    assert nobody.rate_cpm == 260
