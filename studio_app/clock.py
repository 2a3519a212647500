"""Injected time.

Everything that schedules, times or stamps goes through a :class:`Clock` so that tests can
drive eight-hour shows in milliseconds and never sleep.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Wall-clock time, timezone-aware UTC. For stamps and for what a human reads."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin that never goes backwards. For durations."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that moves only when told to; wall and monotonic time advance together."""

    def __init__(self, start: datetime | None = None, monotonic_start: float = 1000.0) -> None:
        self._wall = start or datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
        self._mono = monotonic_start
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._wall

    def monotonic(self) -> float:
        with self._lock:
            return self._mono

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock does not run backwards; use set_wall() to model a skewed wall clock")
        with self._lock:
            self._wall += timedelta(seconds=seconds)
            self._mono += seconds

    def set_wall(self, when: datetime) -> None:
        """Jump the wall clock only (an NTP correction or a skewed machine); monotonic time is untouched."""
        if when.tzinfo is None:
            raise ValueError("wall time must be timezone-aware")
        with self._lock:
            self._wall = when
