"""The remote's Qt-free parts: command parsing, pairing tokens and codes, the rate limit, the motion curve."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from studio_app.clock import FakeClock
from studio_app.context import AppContext
from studio_app.remote.commands import CommandError, RemoteAction, parse_command
from studio_app.remote.pairing import CODE_LIFETIME, PairingService, RateLimiter, secret_hash
from studio_app.remote.state import FollowMotion, script_blocks
from studio_app.script.model import EmergencyKind, Script, Segment, SegmentKind
from studio_app.ui.prompter.motion import ScrollMotion


def test_commands_parse_with_their_arguments() -> None:
    assert parse_command(b'{"action": "next_segment"}').action is RemoteAction.NEXT_SEGMENT
    assert parse_command('{"action": "gear", "gear": 9}').gear == 9
    assert parse_command('{"action": "emergency", "kind": "network_drop"}').kind is EmergencyKind.NETWORK_DROP
    assert parse_command('{"action": "cue", "text": "  讲3号链接 "}').text == "讲3号链接"
    assert parse_command('{"action": "blank", "on": false}').on is False


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("{oops", "JSON"),
        ("[1, 2]", "object"),
        ('{"action": "launch"}', "Unknown action"),
        ('{"action": "gear", "gear": 0}', "gear"),
        ('{"action": "gear", "gear": "5"}', "gear"),
        ('{"action": "go_to_segment", "index": -1}', "index"),
        ('{"action": "blank", "on": "yes"}', "on"),
        ('{"action": "emergency"}', "kind"),
        (json.dumps({"action": "cue", "text": "字" * 121}), "120"),
    ],
)
def test_bad_commands_are_refused_with_a_message(body: str, words: str) -> None:
    with pytest.raises(CommandError, match=words):
        parse_command(body)


def test_a_token_works_until_revoked_and_only_its_hash_is_stored(app_context: AppContext) -> None:
    service = PairingService(app_context)
    made = service.create_token("phone")
    assert service.authenticate(made.secret) == made.pairing_id
    assert service.authenticate("wrong") is None
    assert service.authenticate("") is None
    dump = "\n".join(app_context.db.engine.raw_connection().iterdump())  # type: ignore[attr-defined]
    assert made.secret not in dump and secret_hash(made.secret) in dump
    service.revoke(made.pairing_id)
    assert service.authenticate(made.secret) is None
    (row,) = service.pairings()
    assert row.revoked_at is not None and not row.active


def test_a_pairing_code_works_once_and_expires(app_context: AppContext, fake_clock: FakeClock) -> None:
    service = PairingService(app_context)
    link = service.create_link("tablet")
    redeemed = service.redeem(link.secret)
    assert redeemed is not None and redeemed.pairing_id == link.pairing_id
    assert service.authenticate(redeemed.secret) == link.pairing_id
    assert service.redeem(link.secret) is None  # once only
    late = service.create_link("late tablet")
    fake_clock.advance((CODE_LIFETIME + timedelta(seconds=1)).total_seconds())
    assert service.redeem(late.secret) is None


def test_the_rate_limit_counts_failures_per_client_in_a_sliding_window(fake_clock: FakeClock) -> None:
    limiter = RateLimiter(fake_clock, limit=3, window_s=60)
    for _ in range(3):
        assert not limiter.blocked("10.0.0.7")
        limiter.failed("10.0.0.7")
    assert limiter.blocked("10.0.0.7")
    assert not limiter.blocked("10.0.0.8")
    assert limiter.retry_after_s("10.0.0.7") == pytest.approx(60)
    fake_clock.advance(61)
    assert not limiter.blocked("10.0.0.7")


def test_the_follower_curve_is_the_prompters_curve() -> None:
    motion = ScrollMotion(ramp_s=0.2, min_px=0, max_px=5000)
    motion.set_velocity(10.0, 120.0)
    motion.set_velocity(12.05, 40.0)  # a speed change in the middle: a ramp from 120 to 40 px/s
    piece = motion.piece()
    offset = 1_700_000_000.0  # the same curve on wall time
    follow = FollowMotion(
        piece.t0_s + offset, piece.p0_px, piece.v0_px_s, piece.v1_px_s, piece.ramp_s, 0, 5000, (), 5000, 0.35
    )
    for t in (12.05, 12.1, 12.2, 12.25, 13.0, 200.0):
        assert follow.position(t + offset) == pytest.approx(
            motion.position(t), abs=1e-4
        )  # wall-clock seconds near 1.7e9 keep 0.2 µs


def test_the_script_is_split_into_blocks_as_the_prompter_lays_it_out() -> None:
    script = Script(
        title="秋季护肤专场",
        segments=(
            Segment(SegmentKind.OPENING, "开场", 3, "家人们晚上好！\n\n先点个关注。"),
            Segment(SegmentKind.PRODUCT, "1号链接", 8, ""),
        ),
    )
    blocks = script_blocks(script)
    assert [(b.segment_index, b.heading) for b in blocks] == [
        (0, True),
        (0, False),
        (0, False),
        (1, True),
        (1, False),
    ]
    assert blocks[3].text == f"2. {SegmentKind.PRODUCT.label_zh} · 1号链接"
    assert blocks[2].text == "先点个关注。"
