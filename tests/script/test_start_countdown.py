"""The countdown to the planned start: on the session's clock, on the prompter and in the main window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from onair_fixtures import onair_script
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.promo.countdown import start_countdown
from studio_app.promo.onair_text import onair_text
from studio_app.promo.session import OnAirSession
from studio_app.ui.main_window import MainWindow
from studio_app.ui.prompter.controller import OnAirController
from studio_app.ui.prompter.view import PrompterView
from studio_app.ui.script_panel import ScriptPanel

NOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_the_countdown_rounds_up_then_counts_how_late_the_show_is() -> None:
    assert start_countdown(None, NOON) is None
    before = start_countdown(NOON + timedelta(minutes=4, seconds=59.5), NOON)
    assert before is not None and not before.late and before.clock_text() == "05:00"
    late = start_countdown(NOON - timedelta(seconds=75.5), NOON)
    assert late is not None and late.late and late.clock_text() == "01:15"
    assert start_countdown(NOON + timedelta(hours=1), NOON).clock_text() == "1:00:00"  # type: ignore[union-attr]


def test_the_session_counts_down_only_until_the_show_starts(fake_clock: FakeClock) -> None:
    session = OnAirSession(fake_clock, onair_script(), "show-1")
    assert session.start_countdown() is None and onair_text(session).start_countdown == ""
    session.planned_start = fake_clock.now() + timedelta(minutes=10)
    assert onair_text(session).start_countdown == "On air in 10:00"
    fake_clock.advance(11 * 60)
    text = onair_text(session)
    assert text.start_countdown == "01:00 past the planned start" and text.start_late
    session.start_show()
    assert session.start_countdown() is None and onair_text(session).start_countdown == ""


@pytest.fixture
def controller(fake_clock: FakeClock) -> Iterator[OnAirController]:
    ctl = OnAirController(OnAirSession(fake_clock, onair_script(), "show-1"))
    yield ctl
    ctl.shutdown()


def _hud_has(view: PrompterView, colour: str) -> bool:
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    wanted = QColor(colour).rgb()
    return any(image.pixel(x, y) == wanted for x in range(image.width()) for y in range(image.height() // 5))


def test_the_prompter_shows_the_countdown_in_its_header(
    qtbot: QtBot, controller: OnAirController, fake_clock: FakeClock
) -> None:
    view = PrompterView(controller)
    qtbot.addWidget(view)
    view.resize(960, 540)
    view.show()
    qtbot.waitExposed(view)
    controller.tick()
    assert not _hud_has(view, "#ffb020")  # no planned start: the promo note, in green
    controller.session.planned_start = fake_clock.now() + timedelta(minutes=3)
    controller.tick()
    assert _hud_has(view, "#ffb020")
    fake_clock.advance(4 * 60)
    controller.tick()
    assert _hud_has(view, "#ff4d4d") and not _hud_has(view, "#ffb020")  # late: red
    controller.start_show()
    controller.tick()
    assert not _hud_has(view, "#ff4d4d") and not _hud_has(view, "#ffb020")


def test_the_main_window_counts_down_to_the_demo_shows_planned_start(
    qtbot: QtBot, app_context: AppContext, fake_clock: FakeClock
) -> None:
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_area("script")
    panel = window.panel("script")
    assert isinstance(panel, ScriptPanel)
    try:
        qtbot.waitUntil(lambda: panel.controller is not None, timeout=10000)
        assert panel.controller is not None
        panel.controller.tick()
        countdown = panel.bar.countdown
        assert countdown.isVisible() and countdown.text() == "On air in 1:00:00"  # the demo starts at 13:00
        fake_clock.advance(60 * 60 + 30)
        panel.controller.tick()
        assert countdown.text() == "00:30 past the planned start"
        panel.controller.start_show()
        panel.controller.tick()
        assert not countdown.isVisible()
    finally:
        panel.shutdown()
