"""A whole show day through the real main window on a fake clock: a device check from its tab linked to the
show, the review signed in the script editor, the pre-show gate ticked by people and clear, going live
(which starts the on-air watch), a promo done and one missed, a cue, a silent microphone that raises an
alert on the host's prompter, in the strip above every tab and in the show's record, and the end of the
show, which stops the watch."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.probes import repo as checks_repo
from studio_app.probes.profile import StudioProfile
from studio_app.probes.result import ProbeStatus
from studio_app.probes.verdict import Verdict
from studio_app.probes.watch import MIC_RMS, WatchSensor
from studio_app.promo.clock import PromoMarkKind
from studio_app.promo.onair_text import onair_text
from studio_app.promo.session import SessionPhase
from studio_app.script.compliance import SignedReview, TermReview
from studio_app.script.lint import LintHit
from studio_app.script.service import ScriptService
from studio_app.showday.gate import ItemState
from studio_app.showday.report import build_show_report
from studio_app.store.models.checks import OnAirAlert
from studio_app.ui.check_panel import CheckPanel
from studio_app.ui.gate.dialog import GateDialog
from studio_app.ui.main_window import MainWindow
from studio_app.ui.prompter.hud import render_banners
from studio_app.ui.script.compliance_dialog import ComplianceDialog
from studio_app.ui.script_panel import ScriptPanel

SILENCE_DBFS = -90.0
SPEECH_DBFS = -22.0


def _stored_alerts(context: AppContext) -> list[tuple[str, str | None]]:
    return [(a.kind, a.show_id) for a in _alert_rows(context)]


def _alert_cleared(context: AppContext, alert_id: str) -> bool:
    return any(a.id == alert_id and a.cleared_at is not None for a in _alert_rows(context))


def _alert_rows(context: AppContext) -> list[OnAirAlert]:
    with context.db.session() as s:
        return checks_repo.list_alerts(s, since=context.clock.now().replace(year=2000))


def _phase(script: ScriptPanel) -> SessionPhase | None:
    return script.controller.session.phase if script.controller is not None else None


def _run_a_camera_check(
    qtbot: QtBot, window: MainWindow, app_context: AppContext, profile: StudioProfile
) -> str:
    """The technician's check from the device tab, with the studio camera as a video file; the run id."""
    app_context.writer.run(lambda s: checks_repo.save_profile(s, profile, make_default=True))
    window.show_area("checks")
    checks = window.panel("checks")
    assert isinstance(checks, CheckPanel)
    qtbot.waitUntil(lambda: checks.profile_combo.findText(profile.name) >= 0, timeout=5000)
    checks.profile_combo.setCurrentIndex(checks.profile_combo.findText(profile.name))
    qtbot.waitUntil(lambda: checks.profile.name == profile.name, timeout=5000)
    checks.set_selection({"camera"})
    with qtbot.waitSignal(checks.check_finished, timeout=15000) as finished:
        qtbot.mouseClick(checks.run_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].verdict is Verdict.GO
    assert checks.last_run_id is not None
    return checks.last_run_id


def _sign_the_script(
    qtbot: QtBot, script: ScriptPanel, monkeypatch: pytest.MonkeyPatch, reviewer: str
) -> None:
    """The reviewer signs the script as it stands in the editor, giving a reason for each flagged term."""
    qtbot.waitUntil(lambda: script.editor_page.wordlist is not None, timeout=10000)

    def fill_and_sign(hits: list[LintHit], earlier: list[TermReview]) -> SignedReview | None:
        dialog = ComplianceDialog(hits, reviewer, earlier, script)
        for edit in dialog.reason_edits.values():
            edit.setText("品牌原话，质检报告已存档")
        dialog.sign()
        return dialog.signed

    monkeypatch.setattr(script.editor_page, "_ask_signature", fill_and_sign)
    script.sign_review()
    qtbot.waitUntil(lambda: f"signed by {reviewer}" in script.status.text(), timeout=10000)


def _tick_the_gate(qtbot: QtBot, dialog: GateDialog, name: str) -> None:
    """Every price confirmed and every item of the studio's checklist done (the last one n/a)."""
    dialog.name_edit.setText(name)
    for link_no in list(dialog.price_boxes):
        with qtbot.waitSignal(dialog.refreshed, timeout=5000):
            dialog.price_boxes[link_no].setChecked(True)
    for n, item_id in enumerate(list(dialog.item_combos)):
        state = ItemState.NOT_APPLICABLE if n == len(dialog.item_combos) - 1 else ItemState.DONE
        combo = dialog.item_combos[item_id]
        with qtbot.waitSignal(dialog.refreshed, timeout=5000):
            combo.setCurrentIndex(combo.findData(state.value))


def test_a_whole_show_day_through_the_real_panels(
    qtbot: QtBot,
    window: MainWindow,
    app_context: AppContext,
    fake_clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    good_video: Path,
    test_profile: StudioProfile,
) -> None:
    # Tonight's show: a new one with the demo's script (the demo show has a run log of its own already).
    scripts = ScriptService(app_context)
    demo = scripts.load_show(scripts.list_shows()[0].id)
    assert demo.script is not None
    saved = scripts.import_script(replace(demo.script, title="周五晚场"), demo.source, "周五晚场.txt")
    assert saved is not None
    show_id = saved.show_id
    window.show_area("script")
    script = window.panel("script")
    assert isinstance(script, ScriptPanel)
    qtbot.waitUntil(lambda: script.show_combo.findData(show_id) >= 0, timeout=10000)
    script.show_combo.setCurrentIndex(script.show_combo.findData(show_id))
    qtbot.waitUntil(
        lambda: script.controller is not None and script.controller.session.show_id == show_id, timeout=10000
    )
    assert script.controller is not None

    run_id = _run_a_camera_check(
        qtbot, window, app_context, test_profile.with_overrides(name="A 间", camera_source=str(good_video))
    )
    checks = window.panel("checks")
    assert isinstance(checks, CheckPanel)
    level = {"dbfs": SPEECH_DBFS}  # the studio's microphone, read through the same interface as a real one
    checks.watch.sensors_for = lambda profile, sources: [WatchSensor(MIC_RMS, 0.25, lambda: level["dbfs"])]
    assert not checks.watch_toggle.isChecked()

    window.show_area("script")
    _sign_the_script(qtbot, script, monkeypatch, "运营 小林")

    gate = window.showday.gate
    assert gate is not None
    qtbot.mouseClick(gate.button, Qt.MouseButton.LeftButton)  # prepared ahead of the show
    qtbot.waitUntil(lambda: gate.dialog is not None and gate.dialog.status is not None, timeout=5000)
    assert gate.dialog is not None
    _tick_the_gate(qtbot, gate.dialog, "场控 阿杰")
    ready = gate.dialog.status
    assert ready is not None and ready.clear, ready
    gate.dialog.close()

    script.toggle_prompter()  # the host's screen
    fake_clock.advance(20 * 60)  # the check is 20 minutes old at 开播: recent enough
    script.start_button.click()  # 开播: the gate is clear, so the show goes straight on air
    qtbot.waitUntil(lambda: _phase(script) is SessionPhase.ON_AIR, timeout=5000)
    assert gate.dialog is None  # nothing was asked
    session = script.controller.session
    assert checks.watch_toggle.isChecked() and checks.watch.show_id == show_id

    def advance(minutes: float) -> None:
        for _ in range(int(minutes * 2)):  # in half-minute steps, each seen by the promo clock and the watch
            fake_clock.advance(30)
            qtbot.wait(5)
        qtbot.wait(300)  # a controller tick (4 Hz) after the last step

    advance(15)  # the first promo slot comes due, and the operator marks it done
    script.on_air_page.mark_promo(PromoMarkKind.DONE)
    advance(30.5)  # the second is never marked: the third coming due makes it missed
    script.cue_edit.setText("上福袋")
    script.cue_edit.returnPressed.emit()  # the operator's cue to the host
    qtbot.waitUntil(lambda: any(c.text == "上福袋" for c in session.active_cues()), timeout=5000)
    script.on_air_page.dismiss()

    window.show_area("data")
    level["dbfs"] = SILENCE_DBFS  # the host's microphone goes silent

    def silent_long_enough() -> bool:
        fake_clock.advance(0.5)
        return bool(_stored_alerts(app_context))

    qtbot.waitUntil(silent_long_enough, timeout=10000)
    assert _stored_alerts(app_context) == [("mic.silent", show_id)]
    # The host reads it on the prompter, in the banner the operator's cues use.
    qtbot.waitUntil(lambda: onair_text(session).cue.startswith("⚠"), timeout=5000)
    banner = onair_text(session).cue
    assert "microphone" in banner
    assert script.prompter is not None
    assert render_banners(onair_text(session), script.prompter.view.prompter_style, 1280, 720) is not None
    # The strip above every tab shows it while the data tab is up; one click acknowledges it.
    strip = window.alert_strip
    qtbot.waitUntil(lambda: [a.kind for a in strip.alerts] == ["mic.silent"], timeout=5000)
    assert window.stack.currentWidget() is window.panel("data") and strip.isVisible()
    (alert,) = strip.alerts
    qtbot.mouseClick(strip.ack_buttons[alert.id], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not strip.alerts and not strip.isVisible(), timeout=5000)
    with app_context.db.session() as s:
        (stored,) = checks_repo.list_alerts(s, since=alert.raised_at)
        assert stored.acknowledged_at == fake_clock.now() and stored.cleared_at is None

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    window.show_area("script")
    script.start_button.click()  # the show ends
    assert session.phase is SessionPhase.ENDED
    assert not checks.watch_toggle.isChecked() and checks.watch.show_id is None
    # The alert the watch still held ends with the show.
    qtbot.waitUntil(lambda: _alert_cleared(app_context, alert.id), timeout=5000)

    # The show's record has all of it, as `studio-app show report --json` prints it.
    qtbot.waitUntil(lambda: build_show_report(app_context, show_id).show.ended_at is not None, timeout=5000)
    record = build_show_report(app_context, show_id).to_json()
    assert record["show"]["actual_start"] and record["show"]["actual_end"]
    assert [c["run_id"] for c in record["checks"]] == [run_id] and record["checks"][0]["verdict"] == "go"
    (review,) = record["compliance"]
    assert review["checked_by"] == "运营 小林" and review["accepted"] is True
    checklist = record["checklist"]
    assert checklist["clear"] is True and checklist["overrides"] == []
    assert [a["state"] for a in checklist["automatic"]] == ["clear", "clear", "clear"]
    assert {i["by"] for i in checklist["items"]} == {"场控 阿杰"}
    assert [i["state"] for i in checklist["items"]][-1] == "n/a"
    assert len(record["promos"]["done"]) == 1 and len(record["promos"]["missed"]) == 1
    # The operator's cue, then the alert as the host's prompter showed it.
    assert [c["text"] for c in record["cues"]] == ["上福袋", banner]
    (stored_alert,) = record["alerts"]
    assert (
        stored_alert["kind"] == "mic.silent" and stored_alert["acknowledged"] is True and stored_alert["end"]
    )


def test_a_drill_from_the_check_tab_is_stored_with_the_script_runners_show_and_never_runs_on_air(
    qtbot: QtBot, window: MainWindow, app_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks = window.panel("checks")
    assert isinstance(checks, CheckPanel)
    qtbot.waitUntil(lambda: bool(checks.profiles), timeout=5000)
    checks.save_profile(
        StudioProfile(name="B 间", ingest_url="rtmp://127.0.0.1:9/live", hotspot_interface="nosuchif5")
    )
    qtbot.waitUntil(lambda: "B 间" in [p.name for p in checks.profiles], timeout=5000)
    window.show_area("script")
    script = window.panel("script")
    assert isinstance(script, ScriptPanel)
    qtbot.waitUntil(lambda: script.controller is not None, timeout=10000)
    assert script.controller is not None
    show_id = script.controller.session.show_id

    with qtbot.waitSignal(checks.drill.finished, timeout=15000) as done:
        checks.drill.click()
    assert done.args[0].run.verdict is Verdict.NO_GO  # no such hotspot: refused before anything changed
    with app_context.db.session() as s:
        drills = checks_repo.show_drills(s, show_id)
    assert [(d.run_id, d.kind, d.status) for d in drills] == [
        (done.args[0].run_id, "failover", ProbeStatus.FAIL)
    ]

    assert script.controller is not None
    script.controller.start_show()  # 开播 past the gate (tested on its own): the drill would take the line
    with qtbot.waitSignal(checks.drill.failed, timeout=2000) as refused:
        checks.drill.click()
    assert "on air" in refused.args[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    script.start_button.click()  # end the show
    assert not checks.watch_toggle.isChecked()
