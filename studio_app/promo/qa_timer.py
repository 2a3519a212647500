"""The 30-second Q&A timer that runs after each product segment.

Like the promo clock it stores only its start (as show-elapsed seconds) and computes the rest, so it
survives a restart and never accumulates tick errors.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from studio_app.i18n import translate
from studio_app.promo.clock import format_mm_ss

QA_DEFAULT_S = 30.0


@dataclass(frozen=True)
class QaSnapshot:
    running: bool
    remaining_s: float  # 0 when finished or not running
    segment_index: int | None  # the product segment the questions are about

    def label(self) -> str:
        if not self.running:
            return ""
        return translate("QaTimer", "Q&A {remaining}").format(
            remaining=format_mm_ss(math.ceil(self.remaining_s))
        )


@dataclass
class QaTimer:
    """Times Q&A in show-elapsed seconds (whatever the caller measures elapsed time with)."""

    duration_s: float = QA_DEFAULT_S
    started_at_s: float | None = None
    segment_index: int | None = None
    # Set when the end was reported, so the end is reported once (and once across a restart).
    ended: bool = False

    def start(self, elapsed_s: float, segment_index: int | None) -> None:
        if self.duration_s <= 0:
            raise ValueError("Q&A duration must be positive")
        self.started_at_s = elapsed_s
        self.segment_index = segment_index
        self.ended = False

    def stop(self) -> None:
        """Cut the Q&A short (the host moved on)."""
        self.started_at_s = None
        self.ended = True

    def remaining_s(self, elapsed_s: float) -> float:
        if self.started_at_s is None:
            return 0.0
        return max(0.0, self.started_at_s + self.duration_s - elapsed_s)

    def snapshot(self, elapsed_s: float) -> QaSnapshot:
        remaining = self.remaining_s(elapsed_s)
        return QaSnapshot(
            running=self.started_at_s is not None and remaining > 0,
            remaining_s=remaining,
            segment_index=self.segment_index,
        )

    def poll_finished(self, elapsed_s: float) -> bool:
        """True once, when the time is up."""
        if self.started_at_s is None or self.ended:
            return False
        if elapsed_s >= self.started_at_s + self.duration_s:
            self.ended = True
            return True
        return False

    def to_dict(self) -> dict[str, Any]:
        return {
            "duration_s": self.duration_s,
            "started_at_s": self.started_at_s,
            "segment_index": self.segment_index,
            "ended": self.ended,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QaTimer:
        return cls(
            duration_s=float(data.get("duration_s", QA_DEFAULT_S)),
            started_at_s=data.get("started_at_s"),
            segment_index=data.get("segment_index"),
            ended=bool(data.get("ended", False)),
        )
