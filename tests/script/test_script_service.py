"""The script area's use-cases against a real workspace: what the panel and ``studio-app script`` call."""

from __future__ import annotations

from onair_fixtures import onair_script

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.promo.service import OnAirService
from studio_app.promo.session import OnAirSession, OnAirSnapshot, SessionPhase
from studio_app.script import repo
from studio_app.script.format import format_script, parse_script
from studio_app.script.lint import lint_text
from studio_app.script.model import RunLogEvent, RunLogKind
from studio_app.script.repo import DeleteShowOutcome
from studio_app.script.service import ScriptService, check_script_text
from studio_app.shows import list_shows


def test_a_new_script_is_imported_as_a_show_then_loaded_and_exported(empty_app_context: AppContext) -> None:
    service = ScriptService(empty_app_context)
    assert service.list_shows() == []
    text = repo.demo_script_text()
    script = parse_script(text)
    saved = service.import_script(script, text, "demo_show.md")
    assert saved is not None and saved.revision == 1
    assert [show.id for show in service.list_shows()] == [saved.show_id]
    loaded = service.load_show(saved.show_id)
    assert loaded.title == script.title and loaded.script == script and loaded.source == text
    assert service.script_source(saved.show_id) == text
    assert service.import_script(script, text, "again.md", show_id=saved.show_id) is not None
    assert service.import_script(script, text, "x.md", show_id="no-such-show") is None


def test_saving_from_the_editor_signs_no_review(app_context: AppContext) -> None:
    # Issue 10: a saved script used to be "accepted" by checked_by="studio-app"; only a person signs now.
    service = ScriptService(app_context)
    show = service.list_shows()[0]
    text = repo.demo_script_text()
    with app_context.db.session() as s:
        before = len(repo.list_compliance_records(s, show.id))
    written = service.save_script(show.id, parse_script(text), text)
    assert written.changes.touches("scripts") and not written.changes.touches("compliance_records")
    with app_context.db.session() as s:
        assert len(repo.list_compliance_records(s, show.id)) == before
        current = repo.current_script_row(s, show.id)
    assert current is not None and current.id == written.value.script_id


def test_a_review_of_a_file_is_refused_for_an_unknown_show(app_context: AppContext) -> None:
    service = ScriptService(app_context)
    show = service.list_shows()[0]
    text = "家人们好"
    wordlist = service.wordlist()

    def review(show_id: str, accepted: bool) -> bool:
        return service.record_review(
            show_id, text, hits=[], wordlist=wordlist, price_flags=[], checked_by="qa", accepted=accepted
        ).found

    assert not review("nope", True)
    assert review(show.id, False)


def test_deleting_a_show_is_refused_while_on_air_and_leaves_the_list(
    app_context: AppContext, fake_clock: FakeClock
) -> None:
    service, onair = ScriptService(app_context), OnAirService(app_context)
    show_id = service.list_shows()[0].id
    on_air = OnAirSnapshot(show_id, SessionPhase.ON_AIR, 260.0, 5, 260.0, False, 0)
    onair.record(show_id, [], on_air)
    assert service.delete_show(show_id) is DeleteShowOutcome.ON_AIR
    onair.record(show_id, [], OnAirSnapshot(show_id, SessionPhase.ENDED, 260.0, 5, 260.0, True, 0))
    assert service.delete_show(show_id) is DeleteShowOutcome.DELETED
    assert service.delete_show(show_id) is DeleteShowOutcome.NOT_FOUND
    assert show_id not in [show.id for show in list_shows(app_context.db)]


def test_the_hosts_rate_is_learnt_from_the_run_log(app_context: AppContext, fake_clock: FakeClock) -> None:
    service, onair = ScriptService(app_context), OnAirService(app_context)
    script = onair_script()
    saved = service.import_script(script, format_script(script), "onair.md")
    assert saved is not None
    show_id = saved.show_id
    assert service.calibrate_rate(show_id, script, 270.0).samples_used == 0
    events: list[RunLogEvent] = []
    session = OnAirSession(fake_clock, script, show_id, log=events.append)
    session.start_show()
    for index in range(1, 4):
        # Each segment read in twice the time its text takes at the assumed rate: the host reads slower.
        fake_clock.advance(2 * len(script.segments[index - 1].host_text) / 270.0 * 60)
        session.go_to_segment(index)
    onair.record(show_id, events, session.snapshot())
    calibration = service.calibrate_rate(show_id, script, 270.0)
    assert calibration.samples_used == 3 and calibration.rate_cpm < 270.0 * 0.95


def test_the_on_air_state_is_kept_typed_and_resumed(app_context: AppContext, fake_clock: FakeClock) -> None:
    onair = OnAirService(app_context)
    show_id = ScriptService(app_context).list_shows()[0].id
    assert onair.saved_snapshot(show_id) is None
    events: list[RunLogEvent] = []
    session = OnAirSession(fake_clock, onair_script(), show_id, log=events.append)
    session.start_show()
    session.send_cue("库存剩50")
    written = onair.record(show_id, events, session.snapshot())
    assert written.value == len(events) and written.changes.touches("run_log_events", "promo_states")
    saved = onair.saved_snapshot(show_id)
    assert saved == session.snapshot()
    with app_context.db.session() as s:
        assert [e.kind for e in repo.list_run_log(s, show_id)][:2] == [
            RunLogKind.SHOW_START,
            RunLogKind.SEGMENT_START,
        ]


def test_the_editors_check_names_the_bad_line_the_prices_and_the_wording(app_context: AppContext) -> None:
    wordlist = ScriptService(app_context).wordlist()
    text = repo.demo_script_text()
    good = check_script_text(text, wordlist)
    assert good.script == parse_script(text) and good.error_line is None
    assert good.hits == tuple(lint_text(text, wordlist))
    suspicious = text.replace("live_price: 89", "live_price: 8.9")
    assert suspicious != text and check_script_text(suspicious, wordlist).price_flags
    broken = check_script_text("no title here\n", None)
    assert broken.script is None and broken.error_line == 1 and broken.error_message
    assert broken.hits == ()  # no word list yet: the wording waits for it
