"""The prompter drawn with a host's profile, offscreen: colours, margins, spacing and the reading line land
where the profile says; the appearance dialog and the show bar edit the profile and the prompter follows."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterator
from dataclasses import replace

import pytest
from onair_fixtures import onair_script
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QTextDocument
from pytestqt.qtbot import QtBot

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.promo.session import OnAirSession
from studio_app.script import host_profile as hp
from studio_app.script.host_profile import HostProfile, ProfileBook, ReadingMarker, load_profiles
from studio_app.ui.prompter.appearance_dialog import AppearanceDialog
from studio_app.ui.prompter.controller import OnAirController
from studio_app.ui.prompter.layout import lay_out_script
from studio_app.ui.prompter.view import PrompterView
from studio_app.ui.script.show_bar import ShowBar
from studio_app.ui.script_panel import ScriptPanel

BACKGROUND = "#203040"
PLAIN = HostProfile(
    font_px=32,
    text_color="#ffee00",
    heading_color="#ff8800",
    background=BACKGROUND,
    reading_marker=ReadingMarker.NONE,
)


@pytest.fixture
def controller(fake_clock: FakeClock) -> Iterator[OnAirController]:
    ctl = OnAirController(OnAirSession(fake_clock, onair_script(paragraphs=4), "show-1"))
    yield ctl
    ctl.shutdown()


@pytest.fixture
def view(qtbot: QtBot, controller: OnAirController) -> PrompterView:
    widget = PrompterView(controller, style=PLAIN, frame_time=lambda: 100.0)
    qtbot.addWidget(widget)
    widget.resize(960, 540)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _grab(view: PrompterView) -> QImage:
    return view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _is_text(image: QImage, x: int, y: int) -> bool:
    return QColor(image.pixel(x, y)).red() > 150  # text and headings are yellow/orange, the rest is not


def _text_rows(image: QImage, top: int, bottom: int) -> list[int]:
    return [y for y in range(top, bottom) if any(_is_text(image, x, y) for x in range(0, image.width(), 2))]


def test_the_background_and_text_take_the_profiles_colours(view: PrompterView) -> None:
    image = _grab(view)
    assert QColor(image.pixel(3, image.height() - 5)).name() == BACKGROUND
    below = int(view.reading_line_y()) + 20
    colours = {QColor(image.pixel(x, below + dy)).name() for x in range(image.width()) for dy in range(30)}
    assert "#ffee00" in colours
    view.set_style(replace(PLAIN, text_color="#00ff66"))  # live: the laid-out text is recoloured
    image = _grab(view)
    colours = {QColor(image.pixel(x, below + dy)).name() for x in range(image.width()) for dy in range(30)}
    assert "#00ff66" in colours and "#ffee00" not in colours


@pytest.mark.parametrize("margin_pct", [5.0, 20.0])
def test_text_starts_at_the_side_margin(view: PrompterView, margin_pct: float) -> None:
    view.set_style(replace(PLAIN, margin_pct=margin_pct))
    image = _grab(view)
    margin_px = image.width() * margin_pct / 100.0
    top = int(view.reading_line_y()) + 5
    text_xs = [
        x for y in range(top, image.height() - 5, 3) for x in range(image.width()) if _is_text(image, x, y)
    ]
    # Full-width CJK lines start right at the column's edge and end within one glyph of the other edge.
    assert margin_px - 1 <= min(text_xs) <= margin_px + 4
    assert image.width() - margin_px - PLAIN.font_px <= max(text_xs) <= image.width() - margin_px + 1


def _line_pitch(view: PrompterView) -> float:
    """The median distance between the tops of consecutive body lines below the reading line."""
    image = _grab(view)
    rows = set(_text_rows(image, int(view.reading_line_y()) + 2, image.height() - 2))
    tops = [y for y in sorted(rows) if y - 1 not in rows]
    return statistics.median(b - a for a, b in itertools.pairwise(tops))


def test_line_spacing_sets_the_distance_between_lines(view: PrompterView) -> None:
    natural = QFontMetricsF(_body_font(PLAIN)).height()
    for pct in (150, 250):
        view.set_style(replace(PLAIN, line_spacing_pct=pct))
        assert _line_pitch(view) == pytest.approx(natural * pct / 100, abs=2)


def _body_font(profile: HostProfile) -> QFont:
    font = QFont(profile.font_family)
    font.setPixelSize(profile.font_px)
    return font


def test_the_font_family_and_size_are_those_of_the_profile(controller: OnAirController) -> None:
    doc = QTextDocument()
    profile = replace(PLAIN, font_family="Noto Serif CJK SC", font_px=44)
    lay_out_script(doc, controller.session.script, profile, 600.0)
    assert (doc.defaultFont().family(), doc.defaultFont().pixelSize()) == ("Noto Serif CJK SC", 44)


def _marker_rows(image: QImage, x: int, top: int) -> list[int]:
    """Rows at column ``x`` (in the margin, where no text is) painted over the background."""
    return [y for y in range(top, image.height()) if QColor(image.pixel(x, y)).name() != BACKGROUND]


@pytest.mark.parametrize("reading_line_pct", [30.0, 60.0])
def test_the_reading_line_is_drawn_where_the_profile_puts_it(
    view: PrompterView, reading_line_pct: float
) -> None:
    view.set_style(replace(PLAIN, reading_line_pct=reading_line_pct, reading_marker=ReadingMarker.LINE))
    image = _grab(view)
    hud_h = 72  # 13 % of 540 px, but never under 72 px
    expected = hud_h + (image.height() - hud_h) * reading_line_pct / 100
    assert view.reading_line_y() == pytest.approx(expected)
    rows = _marker_rows(image, 30, hud_h + 2)  # in the left margin, clear of the text
    assert rows and all(abs(y - expected) <= 1.5 for y in rows)


def test_the_marker_can_be_a_line_an_arrow_both_or_nothing(view: PrompterView) -> None:
    seen: dict[ReadingMarker, tuple[bool, bool]] = {}
    for marker in ReadingMarker:
        view.set_style(replace(PLAIN, reading_marker=marker))
        image = _grab(view)
        y = round(view.reading_line_y())
        arrow = QColor(image.pixel(1, y)).name() != BACKGROUND
        line = QColor(image.pixel(30, y)).name() != BACKGROUND
        seen[marker] = (line, arrow)
    assert seen == {
        ReadingMarker.LINE_AND_ARROW: (True, True),
        ReadingMarker.LINE: (True, False),
        ReadingMarker.ARROW: (False, True),
        ReadingMarker.NONE: (False, False),
    }


def test_the_dialog_creates_edits_renames_and_deletes_profiles(qtbot: QtBot) -> None:
    dialog = AppearanceDialog(ProfileBook())
    qtbot.addWidget(dialog)
    assert not dialog.delete_button.isEnabled()  # the last profile stays
    dialog.create_profile("小林")
    assert [dialog.profile_combo.itemText(i) for i in range(dialog.profile_combo.count())] == [
        "Default",
        "小林",
    ]
    with qtbot.waitSignal(dialog.book_changed) as changed:
        dialog.reading_line.setValue(55.0)
    assert changed.args[0].current == HostProfile(name="小林", reading_line_pct=55.0)
    dialog.line_spacing.setValue(180)
    dialog.margin.setValue(15.0)
    dialog.marker_combo.setCurrentIndex(dialog.marker_combo.findData(ReadingMarker.ARROW))
    dialog.mirror_v.setChecked(True)
    dialog.edit(background="#112233")
    assert dialog.colour_buttons["background"].text() == "#112233"
    dialog.rename_profile("Lin")
    current = dialog.book.current
    assert (current.name, current.line_spacing_pct, current.margin_pct) == ("Lin", 180, 15.0)
    assert (current.reading_marker, current.mirror_vertical) == (ReadingMarker.ARROW, True)
    dialog.profile_combo.setCurrentIndex(0)
    assert dialog.book.chosen == "Default" and dialog.reading_line.value() == 38.0
    dialog.delete_profile()
    assert dialog.book.names() == ["Lin"]


def test_the_host_picks_her_profile_in_the_show_bar_and_the_prompter_follows_live(
    qtbot: QtBot, view: PrompterView
) -> None:
    bar = ShowBar(load_profiles())
    qtbot.addWidget(bar)
    bar.style_changed.connect(lambda: view.set_style(bar.prompter_style()))
    dialog = bar.open_appearance()
    dialog.create_profile("小林")
    dialog.edit(background="#402010", margin_pct=20.0)
    assert view.prompter_style.background == "#402010"
    assert QColor(_grab(view).pixel(3, view.height() - 5)).name() == "#402010"
    bar.font_spin.setValue(80)  # the quick size box edits the same profile, and the dialog shows it
    assert dialog.font_px.value() == 80 and view.prompter_style.font_px == 80
    assert load_profiles().current == replace(
        HostProfile(name="小林"), background="#402010", margin_pct=20.0, font_px=80
    )
    bar.profile_combo.setCurrentIndex(bar.profile_combo.findData(hp.DEFAULT_PROFILE_NAME))
    assert view.prompter_style == HostProfile() and dialog.book.chosen == hp.DEFAULT_PROFILE_NAME
    assert load_profiles().chosen == hp.DEFAULT_PROFILE_NAME


def test_the_open_prompter_follows_the_dialog_from_the_script_runner(
    qtbot: QtBot, app_context: AppContext
) -> None:
    panel = ScriptPanel(app_context)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.controller is not None, timeout=10000)
    try:
        panel.toggle_prompter()
        assert panel.prompter is not None
        dialog = panel.bar.open_appearance()
        dialog.create_profile("小林")
        dialog.edit(text_color="#ffee00", reading_marker=ReadingMarker.LINE)
        assert panel.prompter.view.prompter_style == panel.bar.prompter_style()
        assert panel.prompter.view.prompter_style.name == "小林"
        assert panel.prompter.view.prompter_style.text_color == "#ffee00"
    finally:
        panel.shutdown()
