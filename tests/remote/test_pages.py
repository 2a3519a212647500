"""The pages in Debian's chromium: a button on the phone moves the real prompter, and the follower page
scrolls where the desktop prompter is."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser import PHONE, TABLET
from playwright.sync_api import Browser, Page
from pytestqt.qtbot import QtBot

from studio_app.promo.session import SessionPhase
from studio_app.ui.prompter.keys import PrompterAction
from studio_app.ui.prompter.view import PrompterView
from studio_app.ui.remote.control import RemoteControl
from studio_app.ui.script_panel import ScriptPanel


@pytest.fixture
def prompter(qtbot: QtBot, panel: ScriptPanel) -> PrompterView:
    panel.toggle_prompter()
    assert panel.prompter is not None
    qtbot.waitExposed(panel.prompter.view)
    return panel.prompter.view


@pytest.fixture
def base(remote: RemoteControl) -> str:
    return f"http://127.0.0.1:{remote.port}"


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def tablet(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=TABLET)
    yield context.new_page()
    context.close()


def wait_page(qtbot: QtBot, page: Page, expression: str, timeout_ms: int = 10000) -> None:
    """Wait for a condition in the page while Qt keeps running (commands need the GUI thread)."""
    qtbot.waitUntil(lambda: bool(page.evaluate(expression)), timeout=timeout_ms)


def desktop_px_at(remote: RemoteControl, wall_s: float) -> float:
    """Where the desktop prompter's text was at a wall-clock instant (its motion curve on wall time)."""
    motion = remote.current_state().motion
    assert motion is not None
    return motion.position(wall_s)


def test_a_button_on_the_phone_moves_the_real_prompter(
    qtbot: QtBot, panel: ScriptPanel, prompter: PrompterView, phone: Page, base: str, token: str
) -> None:
    session = panel.controller.session  # type: ignore[union-attr]
    phone.goto(f"{base}/remote?token={token}&lang=zh_CN")
    wait_page(qtbot, phone, "document.getElementById('segment').textContent.length > 0")
    assert "token" not in phone.url  # kept in the page's storage, not in the address bar
    phone.click("#play")
    qtbot.waitUntil(lambda: session.phase is SessionPhase.ON_AIR, timeout=10000)
    phone.click("[data-action=next_segment]")
    qtbot.waitUntil(lambda: session.segment_index == 1, timeout=10000)
    qtbot.waitUntil(lambda: prompter.velocity_px_s() > 0, timeout=10000)
    assert prompter.segment_at(prompter.position_px()) == 1
    # The page shows what the desktop shows, live.
    wait_page(qtbot, phone, "document.getElementById('segment').textContent.startsWith('2/')")
    phone.click("[data-action=faster]")
    qtbot.waitUntil(lambda: session.gear == 6, timeout=10000)
    wait_page(qtbot, phone, "document.getElementById('gear').textContent === '6'")
    phone.fill("#cue-text", "讲3号链接")
    phone.click("#cue-form button[type=submit]")
    qtbot.waitUntil(lambda: [c.text for c in session.active_cues()] == ["讲3号链接"], timeout=10000)
    phone.click("#play")
    qtbot.waitUntil(lambda: session.paused, timeout=10000)
    qtbot.waitUntil(lambda: prompter.velocity_px_s() == 0, timeout=10000)


def test_an_unpaired_phone_is_told_to_pair(qtbot: QtBot, phone: Page, base: str) -> None:
    phone.goto(f"{base}/remote?lang=en")
    wait_page(qtbot, phone, "!document.getElementById('problem').hidden")
    assert "not paired" in phone.inner_text("#problem")
    assert phone.inner_text("[data-action=promo_done]") == "Promo done"
    phone.click("#lang")  # Chinese on this phone from now on
    wait_page(qtbot, phone, "document.querySelector('[data-action=promo_done]').textContent === '福利已做'")
    phone.goto(f"{base}/remote")  # no ?lang=: the choice made on the page stands
    wait_page(qtbot, phone, "document.querySelector('[data-action=promo_done]').textContent === '福利已做'")


def test_the_follower_page_scrolls_with_the_desktop_prompter(
    qtbot: QtBot,
    panel: ScriptPanel,
    prompter: PrompterView,
    remote: RemoteControl,
    tablet: Page,
    base: str,
    token: str,
) -> None:
    controller = panel.controller
    assert controller is not None
    controller.start_show()
    controller.go_to_segment(2)
    tablet.goto(f"{base}/follow?token={token}")
    wait_page(qtbot, tablet, "window.Follower.pageTops.length > 0 && Studio.state && Studio.state.motion")
    tablet.evaluate("window.Follower.log = []")
    qtbot.wait(500)  # the desktop scrolls meanwhile; the page records its frames
    t_s, page_desktop_px, _wall_s = tablet.evaluate("window.Follower.log[window.Follower.log.length - 1]")
    velocity = prompter.velocity_px_s()
    assert velocity > 0
    difference_px = abs(page_desktop_px - desktop_px_at(remote, t_s))
    # Within three frames at 60 Hz even on a loaded CI machine (bench/remote_follow.py measures it properly).
    assert difference_px <= velocity * 3 / 60 + 1.0, (difference_px, velocity)
    assert tablet.evaluate("window.Follower.segmentIndex") == prompter.segment_at(prompter.position_px()) == 2
    # The page lays the script out in the same blocks as the desktop (its paragraph-by-paragraph mapping).
    assert tablet.evaluate("window.Follower.pageTops.length") == len(prompter.follow_snapshot()[2])
    # Pausing on the desktop stops the page too.
    controller.perform(PrompterAction.PAUSE)
    qtbot.waitUntil(lambda: prompter.velocity_px_s() == 0, timeout=5000)
    qtbot.wait(400)
    first = tablet.evaluate("window.Follower.desktopPx")
    qtbot.wait(300)
    assert tablet.evaluate("window.Follower.desktopPx") == pytest.approx(first, abs=0.01)
    assert tablet.evaluate("window.Follower.desktopPx") == pytest.approx(prompter.position_px(), abs=1.0)


def test_the_follower_shows_the_banners_and_mirrors(
    qtbot: QtBot, panel: ScriptPanel, prompter: PrompterView, tablet: Page, base: str, token: str
) -> None:
    controller = panel.controller
    assert controller is not None
    tablet.goto(f"{base}/follow?token={token}&mirror=h")
    wait_page(qtbot, tablet, "window.Follower.pageTops.length > 0")
    assert "matrix(-1" in tablet.evaluate("getComputedStyle(document.getElementById('stage')).transform")
    controller.send_cue("库存剩50")
    wait_page(qtbot, tablet, "document.querySelector('.banner.cue')?.textContent === '库存剩50'")


def test_a_key_on_the_desktop_reaches_the_pages_with_the_prompters_new_motion(
    qtbot: QtBot, panel: ScriptPanel, remote: RemoteControl, prompter: PrompterView
) -> None:
    # The server was up before the prompter window opened: its state must still follow the prompter's
    # own reaction to the key (its slot runs first), not the motion from before.
    controller = panel.controller
    assert controller is not None
    controller.start_show()
    with qtbot.waitSignal(remote.published, timeout=1000) as published:
        controller.perform(PrompterAction.FASTER)
    state = published.args[0]
    assert state.gear == 6
    assert state.motion is not None
    assert state.motion.v1_px_s == pytest.approx(prompter.target_velocity_px_s()) != 0
