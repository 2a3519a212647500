"""The prompter widget, offscreen: keys drive speed and segments, mirroring flips, banners show."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import replace

import pytest
from onair_fixtures import onair_script
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QKeySequence
from pytestqt.qtbot import QtBot

from studio_app.clock import FakeClock
from studio_app.promo.session import GEAR_NEUTRAL, OnAirSession
from studio_app.script.model import RunLogEvent, RunLogKind
from studio_app.ui.prompter.controller import OnAirController
from studio_app.ui.prompter.keys import KeyMap, PrompterAction
from studio_app.ui.prompter.keys_dialog import KeyBindingsDialog
from studio_app.ui.prompter.motion import speed_px_per_s
from studio_app.ui.prompter.view import PrompterView
from studio_app.ui.prompter.window import PrompterWindow


class FrameTime:
    """The view's frame clock, stepped by hand so pixels can be compared."""

    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def frame_time() -> FrameTime:
    return FrameTime()


@pytest.fixture
def logged() -> list[RunLogEvent]:
    return []


@pytest.fixture
def controller(fake_clock: FakeClock, logged: list[RunLogEvent]) -> Iterator[OnAirController]:
    session = OnAirSession(fake_clock, onair_script(paragraphs=4), "show-1", log=logged.append)
    ctl = OnAirController(session)
    yield ctl
    ctl.shutdown()


@pytest.fixture
def view(qtbot: QtBot, controller: OnAirController, frame_time: FrameTime) -> PrompterView:
    widget = PrompterView(controller, frame_time=frame_time)
    qtbot.addWidget(widget)
    widget.resize(960, 540)
    widget.show()
    qtbot.waitExposed(widget)
    widget.setFocus()
    return widget


def test_space_starts_the_show_and_the_text_scrolls_at_the_set_rate(
    qtbot: QtBot, view: PrompterView, frame_time: FrameTime
) -> None:
    assert view.target_velocity_px_s() == 0
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.session.phase.value == "on_air"
    expected = speed_px_per_s(270, view.px_per_char)
    assert view.target_velocity_px_s() == pytest.approx(expected)
    start = view.position_px()
    frame_time.t += 10.0
    # Ramp of 0.2 s at the start, then linear: 10 s at the reading speed minus half the ramp.
    assert view.position_px() - start == pytest.approx(expected * (10.0 - 0.1), rel=1e-6)


def test_chars_per_minute_do_not_depend_on_font_size(qtbot: QtBot, view: PrompterView) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Space)
    small_px_per_char = view.px_per_char
    small_chars_per_s = view.target_velocity_px_s() / small_px_per_char
    view.set_style(replace(view.prompter_style, font_px=90))
    # Bigger glyphs: fewer per line and taller lines, so many more pixels per character...
    assert view.px_per_char > 2 * small_px_per_char
    # ...and the same characters per minute.
    big_chars_per_s = view.target_velocity_px_s() / view.px_per_char
    assert big_chars_per_s == pytest.approx(small_chars_per_s) == pytest.approx(270 / 60)


def test_arrow_keys_and_digits_change_the_gear(qtbot: QtBot, view: PrompterView) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Space)
    slow = view.target_velocity_px_s()
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.session.gear == GEAR_NEUTRAL + 1
    assert view.target_velocity_px_s() == pytest.approx(slow * 1.12)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.session.gear == GEAR_NEUTRAL - 1
    qtbot.keyClick(view, Qt.Key.Key_8)
    assert view.session.gear == 8
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.session.paused and view.target_velocity_px_s() == 0


def test_page_keys_move_between_segments_and_are_logged(
    qtbot: QtBot, view: PrompterView, logged: list[RunLogEvent]
) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.session.segment_index == 1
    assert view.position_px() == pytest.approx(view.segment_start_px(1))
    assert view.segment_at(view.position_px()) == 1
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.session.segment_index == 4
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.session.segment_index == 3
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.session.segment_index == 0
    starts = [e.segment_index for e in logged if e.kind is RunLogKind.SEGMENT_START]
    assert starts == [0, 1, 4, 3, 0]


def test_scrolling_past_a_heading_advances_the_segment(
    qtbot: QtBot, view: PrompterView, frame_time: FrameTime
) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Space)
    seconds_to_next = (view.segment_top_px(1) + 2 - view.position_px()) / view.target_velocity_px_s() + 0.2
    frame_time.t += seconds_to_next
    view.repaint()
    assert view.session.segment_index == 1


def test_holding_rewind_runs_backwards_until_released(qtbot: QtBot, view: PrompterView) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Space)
    forward = view.target_velocity_px_s()
    qtbot.keyPress(view, Qt.Key.Key_Left)
    assert view.target_velocity_px_s() == pytest.approx(-3 * forward)
    qtbot.keyRelease(view, Qt.Key.Key_Left)
    assert view.target_velocity_px_s() == pytest.approx(forward)


def _grab(view: PrompterView) -> QImage:
    return view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _mean_abs_difference(a: QImage, b: QImage) -> float:
    assert a.size() == b.size()
    total = 0
    step = 4
    count = 0
    for y in range(0, a.height(), step):
        for x in range(0, a.width(), step):
            ca, cb = QColor(a.pixel(x, y)), QColor(b.pixel(x, y))
            total += abs(ca.red() - cb.red()) + abs(ca.green() - cb.green()) + abs(ca.blue() - cb.blue())
            count += 1
    return total / count / 3


def test_mirroring_flips_the_whole_picture(view: PrompterView) -> None:
    normal = _grab(view)
    view.set_mirror(horizontal=True, vertical=False)
    mirrored = _grab(view)
    assert _mean_abs_difference(normal, mirrored) > 5  # it really changed
    assert _mean_abs_difference(normal.flipped(Qt.Orientation.Horizontal), mirrored) < 2
    view.set_mirror(horizontal=False, vertical=True)
    flipped = _grab(view)
    assert _mean_abs_difference(normal.flipped(Qt.Orientation.Vertical), flipped) < 2


def _bottom_colour(view: PrompterView) -> QColor:
    image = _grab(view)
    return QColor(image.pixel(5, image.height() - 5))


def test_operator_cue_banner_shows_until_dismissed(
    qtbot: QtBot, view: PrompterView, controller: OnAirController
) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert _bottom_colour(view).name() == "#000000"
    controller.send_cue("讲3号链接")
    assert _bottom_colour(view).name() == "#ffe14d"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.session.active_cues()
    assert _bottom_colour(view).name() == "#000000"


def test_promo_strong_cue_turns_the_banner_red(
    qtbot: QtBot, view: PrompterView, controller: OnAirController, fake_clock: FakeClock
) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Space)
    fake_clock.advance(14 * 60 + 5)
    controller.tick()
    assert _bottom_colour(view).name() == "#ffb020"
    fake_clock.advance(60)
    controller.tick()
    assert _bottom_colour(view).name() == "#d7263d"
    qtbot.keyClick(view, Qt.Key.Key_G)
    assert view.session.promo is not None and view.session.promo.history()[0].phase.value == "done"
    assert _bottom_colour(view).name() == "#000000"


def test_emergency_key_shows_the_standard_reply_and_esc_closes_it(
    qtbot: QtBot, view: PrompterView, logged: list[RunLogEvent]
) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Space)
    before = _grab(view)
    qtbot.keyClick(view, Qt.Key.Key_F2, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F2 = network drop
    assert logged[-1].kind is RunLogKind.EMERGENCY
    shown = _grab(view)
    assert _mean_abs_difference(before, shown) > 5
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert _mean_abs_difference(before, _grab(view)) < 1


def test_blank_key_hides_everything(qtbot: QtBot, view: PrompterView) -> None:
    qtbot.keyClick(view, Qt.Key.Key_B)
    image = _grab(view)
    colours = {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    assert colours == {"#000000"}
    qtbot.keyClick(view, Qt.Key.Key_Period)
    assert not view._controller.blank


def test_frames_keep_coming_while_scrolling(qtbot: QtBot, controller: OnAirController) -> None:
    """With the real clock: the frame clock repaints by itself and the text moves forward."""
    view = PrompterView(controller)
    qtbot.addWidget(view)
    view.resize(640, 400)
    view.show()
    qtbot.waitExposed(view)
    controller.start_show()
    positions: list[float] = []
    view.frame_painted.connect(positions.append)
    qtbot.waitUntil(lambda: len(positions) >= 10, timeout=5000)
    assert positions[-1] > positions[0]
    assert all(b >= a for a, b in itertools.pairwise(positions))


def test_keys_can_be_rebound_and_saved(qtbot: QtBot, controller: OnAirController) -> None:
    keymap = KeyMap()
    keymap.bind(PrompterAction.FASTER, ["W"])
    keymap.save()
    loaded = KeyMap.load()
    assert loaded.sequences(PrompterAction.FASTER) == ("W",)
    view = PrompterView(controller, keymap=loaded)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.keyClick(view, Qt.Key.Key_W)
    assert controller.session.gear == GEAR_NEUTRAL + 1
    qtbot.keyClick(view, Qt.Key.Key_Up)  # no longer bound
    assert controller.session.gear == GEAR_NEUTRAL + 1


def test_the_window_goes_full_screen_on_the_chosen_screen(qtbot: QtBot, controller: OnAirController) -> None:
    window = PrompterWindow(controller)
    qtbot.addWidget(window)
    screen = window.screen()
    window.show_on(screen)
    qtbot.waitExposed(window)
    assert window.isFullScreen()
    assert window.screen() is screen


def test_a_reopened_prompter_returns_to_the_saved_reading_position(
    qtbot: QtBot, view: PrompterView, controller: OnAirController, frame_time: FrameTime
) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    frame_time.t += 20.0  # read on for a while
    where = view.position_px()
    controller.tick()  # the 4 Hz tick stores the reading position in the session state
    saved = controller.session.reading_char
    assert saved > 0
    reopened = PrompterView(controller, frame_time=frame_time)
    qtbot.addWidget(reopened)
    reopened.resize(view.size())
    reopened.show()
    qtbot.waitExposed(reopened)
    reopened.scroll_to_char(saved)
    line_px = view.prompter_style.font_px * 2
    assert abs(reopened.position_px() - where) < line_px


def test_the_key_dialog_rebinds_an_action(qtbot: QtBot) -> None:
    keymap = KeyMap()
    dialog = KeyBindingsDialog(keymap)
    qtbot.addWidget(dialog)
    first, _second = dialog.edits[PrompterAction.FASTER]
    assert first.keySequence().toString() == "Up"
    first.setKeySequence(QKeySequence("W"))
    dialog.apply()
    assert keymap.action_for_sequence("W") is PrompterAction.FASTER
    assert keymap.action_for_sequence("Up") is None
    assert keymap.action_for_sequence("PgDown") is PrompterAction.NEXT_SEGMENT  # others untouched
