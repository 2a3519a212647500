"""What the live room puts on the prompter, through the on-air session the prompter draws (no Qt)."""

from __future__ import annotations

import pytest

from studio_app.clock import FakeClock
from studio_app.liveroom.rundown import move_next
from studio_app.promo.onair_text import onair_text
from studio_app.promo.session import HostBoard, OnAirSession, SessionError
from studio_app.script.format import parse_script
from studio_app.script.model import SegmentKind
from studio_app.script.repo import demo_script_text


@pytest.fixture
def session(fake_clock: FakeClock) -> OnAirSession:
    session = OnAirSession(fake_clock, parse_script(demo_script_text()), "show-1")
    session.start_show()
    return session


def _index(session: OnAirSession, kind: SegmentKind) -> int:
    return next(i for i, s in enumerate(session.script.segments) if s.kind is kind)


def test_the_starred_question_shows_during_qa_only(session: OnAirSession, fake_clock: FakeClock) -> None:
    session.board = HostBoard(question="敏感肌能用吗")
    assert onair_text(session).question == ""  # no Q&A slot running
    product = _index(session, SegmentKind.PRODUCT)
    session.go_to_segment(product)
    session.next_segment()  # leaving a product starts its Q&A slot
    text = onair_text(session)
    assert text.qa and text.question == "Q: 敏感肌能用吗"
    fake_clock.advance(31)
    assert onair_text(session).question == ""


def test_flash_sale_counts_down_with_live_stock_then_sold_out(
    session: OnAirSession, fake_clock: FakeClock
) -> None:
    flash = _index(session, SegmentKind.FLASH_SALE)
    session.go_to_segment(flash)
    product = session.script.product_for(session.segment)
    assert product is not None
    session.board = HostBoard(stock={product.link_no: 37})
    assert onair_text(session).flash_sale == "Flash sale 03:00 · 37 left"
    assert "Stock 37" in onair_text(session).product_detail
    fake_clock.advance(95)
    session.board = HostBoard(stock={product.link_no: 0})
    text = onair_text(session)
    assert text.flash_sale == "Flash sale 01:25 · SOLD OUT" and text.sold_out
    session.next_segment()
    assert onair_text(session).flash_sale == ""


def test_the_session_takes_a_reordered_rest_but_not_a_changed_past(session: OnAirSession) -> None:
    session.go_to_segment(2)
    last = len(session.script.segments) - 1
    moved = move_next(session.script, 2, last)
    session.replace_script(moved)
    assert session.script.segments[3] == moved.segments[3]
    rewritten = move_next(session.script, 0, 2)  # would swap two segments already read
    with pytest.raises(SessionError):
        session.replace_script(rewritten)
