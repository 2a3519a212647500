"""A show day through the real main window on a fake clock: going live starts the on-air watch for the
show, a silent microphone raises an alert stored with the show and shown in the strip above every tab,
and as a banner on the host's prompter; acknowledging it is stored; ending the show stops the watch."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.probes import repo as checks_repo
from studio_app.probes.watch import MIC_RMS, WatchSensor
from studio_app.promo.onair_text import onair_text
from studio_app.promo.session import SessionPhase
from studio_app.store.models.checks import OnAirAlert
from studio_app.ui.check_panel import CheckPanel
from studio_app.ui.main_window import MainWindow
from studio_app.ui.prompter.hud import render_banners
from studio_app.ui.script_panel import ScriptPanel
from studio_app.ui.workers import running_count

SILENCE_DBFS = -90.0


@pytest.fixture
def window(qtbot: QtBot, app_context: AppContext) -> Iterator[MainWindow]:
    win = MainWindow(app_context)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    qtbot.waitUntil(lambda: running_count() == 0, timeout=5000)


def _stored_alerts(context: AppContext) -> list[tuple[str, str | None]]:
    return [(a.kind, a.show_id) for a in _alert_rows(context)]


def _alert_cleared(context: AppContext, alert_id: str) -> bool:
    return any(a.id == alert_id and a.cleared_at is not None for a in _alert_rows(context))


def _alert_rows(context: AppContext) -> list[OnAirAlert]:
    with context.db.session() as s:
        return checks_repo.list_alerts(s, since=context.clock.now().replace(year=2000))


def _phase(script: ScriptPanel) -> SessionPhase | None:
    return script.controller.session.phase if script.controller is not None else None


def test_going_live_watches_the_show_and_ending_it_stops_the_watch(
    qtbot: QtBot,
    window: MainWindow,
    app_context: AppContext,
    fake_clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    checks = window.panel("checks")
    assert isinstance(checks, CheckPanel)
    # The studio's microphone, muted: the watch reads it through the same sensor interface as a real one.
    checks.watch.sensors_for = lambda profile, sources: [WatchSensor(MIC_RMS, 0.25, lambda: SILENCE_DBFS)]
    window.show_area("script")
    script = window.panel("script")
    assert isinstance(script, ScriptPanel)
    qtbot.waitUntil(lambda: script.controller is not None, timeout=10000)
    assert not checks.watch_toggle.isChecked()

    script.toggle_prompter()  # the host's screen
    script.start_button.click()  # 开播: the demo show's pre-show gate is not clear, so it asks first
    assert script.controller is not None
    show_id = script.controller.session.show_id
    gate = window.showday.gate
    qtbot.waitUntil(lambda: gate is not None and gate.dialog is not None, timeout=5000)
    assert gate is not None and gate.dialog is not None
    gate.dialog.name_edit.setText("场控 阿杰")
    gate.dialog.reason_edit.setPlainText("设备由技术人工确认")
    gate.dialog.override_button.click()
    qtbot.waitUntil(lambda: _phase(script) is SessionPhase.ON_AIR, timeout=5000)
    assert checks.watch_toggle.isChecked() and "mic level" in checks.watch_status.text()
    assert checks.watch.show_id == show_id

    window.show_area("data")

    def silent_long_enough() -> bool:
        fake_clock.advance(0.5)
        return bool(_stored_alerts(app_context))

    qtbot.waitUntil(silent_long_enough, timeout=10000)
    assert _stored_alerts(app_context) == [("mic.silent", show_id)]
    # The host reads it on the prompter, in the banner the operator's cues use.
    session = script.controller.session
    qtbot.waitUntil(lambda: bool(session.active_cues()), timeout=5000)
    banner = onair_text(session).cue
    assert banner.startswith("⚠") and "microphone" in banner
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
    assert script.controller.session.phase is SessionPhase.ENDED
    assert not checks.watch_toggle.isChecked() and checks.watch.show_id is None
    # The alert the watch still held ends with the show.
    qtbot.waitUntil(lambda: _alert_cleared(app_context, alert.id), timeout=5000)
