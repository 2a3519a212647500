"""Hybrid logical clock (Kulkarni et al., 2014): wall time where clocks agree, causality where they do not.

A stamp is ``(wall_ms, counter, node_id)``; every copy orders edits by that triple, so every copy picks the
same winner. On a local event ``l = max(l, now)`` and the counter restarts when ``l`` moved; on receipt of a
remote stamp ``l = max(l, l_msg, now)``. A remote stamp further ahead of our wall clock than ``max_drift_ms``
is refused (:class:`ClockDriftError`) instead of dragging our clock into the future for good.

The state (``wall_ms``, ``counter``) is persisted by the outbox in ``sync_state`` in the same transaction as
the changes it stamps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from studio_app.clock import Clock
from studio_app.i18n import translate

# A day either way is the skew the tests cover; beyond 36 h a clock is broken, not skewed.
DEFAULT_MAX_DRIFT_MS = 36 * 3600 * 1000
# Skew worth telling the operator about (their clock is wrong, edits still order correctly).
SKEW_WARNING_MS = 5 * 60 * 1000
_COUNTER_LIMIT = 99_999
# The one spelling of a stamp: 15-digit wall time, 5-digit counter, a node id made of lowercase letters,
# digits and dashes (a UUID, as ``new_id`` makes). Fixed widths make text order equal stamp order, which the
# server's SQL relies on; anything else (``9:00000:x``) would sort wrongly and is refused on both sides.
NODE_ID_PATTERN = r"[0-9a-z][0-9a-z-]{0,35}"
_STAMP = re.compile(rf"(\d{{15}}):(\d{{5}}):({NODE_ID_PATTERN})")
_NODE_ID = re.compile(NODE_ID_PATTERN)


class ClockDriftError(ValueError):
    """A stamp too far in the future to trust. ``str()`` is a message for the user."""


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int
    node_id: str

    def encode(self) -> str:
        """Fixed-width text whose string order is the stamp order (so SQL can compare it)."""
        return f"{self.wall_ms:015d}:{self.counter:05d}:{self.node_id}"

    @staticmethod
    def decode(text: str) -> Hlc:
        """The stamp spelled by ``text``; ValueError unless it is exactly in :meth:`encode`'s format."""
        match = _STAMP.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise ValueError(f"not a hybrid logical clock stamp: {text!r}")
        return Hlc(int(match[1]), int(match[2]), match[3])


def is_stamp(text: str) -> bool:
    return bool(_STAMP.fullmatch(text))


def valid_node_id(node_id: str) -> bool:
    return bool(_NODE_ID.fullmatch(node_id))


def wall_ms(clock: Clock) -> int:
    return int(clock.now().timestamp() * 1000)


class HybridLogicalClock:
    """Not thread-safe by itself: the outbox uses it inside a write transaction, which serialises writers."""

    def __init__(
        self,
        clock: Clock,
        node_id: str,
        wall_ms_state: int = 0,
        counter: int = 0,
        max_drift_ms: int = DEFAULT_MAX_DRIFT_MS,
    ) -> None:
        self._clock = clock
        self.node_id = node_id
        self.wall_ms = wall_ms_state
        self.counter = counter
        self.max_drift_ms = max_drift_ms

    def now(self) -> Hlc:
        """Stamp a local event (an edit, a send)."""
        physical = wall_ms(self._clock)
        if physical > self.wall_ms:
            self.wall_ms, self.counter = physical, 0
        else:
            self._bump_counter()
        return Hlc(self.wall_ms, self.counter, self.node_id)

    def stamps(self, n: int) -> list[str]:
        """``n`` encoded stamps for local events of one transaction, as ``n`` calls of :meth:`now` made
        within one millisecond (a bulk write reads the wall clock once, not once per row)."""
        physical = wall_ms(self._clock)
        out = []
        for _ in range(n):
            if physical > self.wall_ms:
                self.wall_ms, self.counter = physical, 0
            else:
                self._bump_counter()
            out.append(Hlc(self.wall_ms, self.counter, self.node_id).encode())
        return out

    def receive(self, remote: Hlc) -> Hlc:
        """Merge a stamp seen on the wire; raises :class:`ClockDriftError` for one too far ahead."""
        physical = wall_ms(self._clock)
        ahead_ms = remote.wall_ms - physical
        if ahead_ms > self.max_drift_ms:
            raise ClockDriftError(drift_message(ahead_ms))
        top = max(self.wall_ms, remote.wall_ms, physical)
        if top == self.wall_ms and top == remote.wall_ms:
            self.counter = max(self.counter, remote.counter)
            self._bump_counter()
        elif top == self.wall_ms:
            self._bump_counter()
        elif top == remote.wall_ms:
            self.wall_ms, self.counter = top, remote.counter
            self._bump_counter()
        else:
            self.wall_ms, self.counter = top, 0
        return Hlc(self.wall_ms, self.counter, self.node_id)

    def _bump_counter(self) -> None:
        if self.counter >= _COUNTER_LIMIT:
            # The counter has a fixed width; borrowing a millisecond keeps the order and the encoding.
            self.wall_ms += 1
            self.counter = 0
        else:
            self.counter += 1


def check_drift(stamp: Hlc, now_ms: int, max_drift_ms: int = DEFAULT_MAX_DRIFT_MS) -> str | None:
    """The message for a stamp too far ahead of ``now_ms``, or None when it is acceptable.

    Judged on the decoded wall time, never on the text: only a stamp that passed :meth:`Hlc.decode` gets here.
    """
    ahead_ms = stamp.wall_ms - now_ms
    if ahead_ms > max_drift_ms:
        return drift_message(ahead_ms)
    return None


def drift_message(ahead_ms: int) -> str:
    return translate(
        "Sync",
        "A change is stamped {hours:.1f} hours in the future. Check the date and time of the computer "
        "that made it; the change was not applied.",
    ).format(hours=ahead_ms / 3_600_000)


def skew_message(offset_ms: int) -> str:
    """Told to the operator when this computer's clock is more than a few minutes off the server's."""
    if offset_ms > 0:
        return translate(
            "Sync",
            "This computer's clock is {minutes:.0f} minutes behind the server. Set the time correctly.",
        ).format(minutes=offset_ms / 60_000)
    return translate(
        "Sync", "This computer's clock is {minutes:.0f} minutes ahead of the server. Set the time correctly."
    ).format(minutes=-offset_ms / 60_000)
