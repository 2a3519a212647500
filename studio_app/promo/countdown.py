"""The countdown to a show's planned start (开播倒计时), for the host's prompter and the operator.

It counts down on the session's clock to the planned start; once that has passed it counts how late the
show is instead of stopping at zero, so a late start is plain to everyone in the room.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from studio_app.promo.clock import format_mm_ss


@dataclass(frozen=True)
class StartCountdown:
    remaining_s: float  # below zero once the planned start has passed

    @property
    def late(self) -> bool:
        return self.remaining_s < 0

    def clock_text(self) -> str:
        """Minutes and seconds to the start (rounded up, so 00:00 means now), then the time late."""
        if self.late:
            return format_mm_ss(math.floor(-self.remaining_s))
        return format_mm_ss(math.ceil(self.remaining_s))


def start_countdown(planned_start: datetime | None, now: datetime) -> StartCountdown | None:
    """None when the show has no planned start."""
    if planned_start is None:
        return None
    return StartCountdown((planned_start - now).total_seconds())
