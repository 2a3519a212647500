"""Scroll position as a function of time (no Qt, so it is tested and benchmarked headless).

The prompter never moves "a pixel per tick": each painted frame asks :meth:`ScrollMotion.position` for
the position at the frame's own monotonic time. A speed change starts a linear ramp of the velocity over
``ramp_s`` (≈200 ms), so the position stays continuous and its slope changes smoothly; a late frame simply
lands further along the same curve instead of slowing the text down.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MotionPiece:
    """The current piece of motion, for a follower that evaluates the same curve on its own clock."""

    t0_s: float
    p0_px: float
    v0_px_s: float
    v1_px_s: float
    ramp_s: float
    min_px: float
    max_px: float


@dataclass
class ScrollMotion:
    ramp_s: float = 0.2
    min_px: float = 0.0
    max_px: float = 0.0
    _t0: float = 0.0  # start of the current piece
    _p0: float = 0.0  # position at _t0
    _v0: float = 0.0  # velocity at _t0 (px/s)
    _v1: float = 0.0  # target velocity reached at _t0 + ramp_s

    def _raw(self, t: float) -> float:
        dt = max(0.0, t - self._t0)
        ramp = self.ramp_s
        if ramp <= 0 or dt >= ramp:
            head = 0.0 if ramp <= 0 else (self._v0 + self._v1) * 0.5 * ramp
            tail = dt - max(ramp, 0.0)
            return self._p0 + head + self._v1 * tail
        # Velocity ramps linearly from v0 to v1: integrate v0 + (v1 - v0) * dt / ramp.
        return self._p0 + self._v0 * dt + (self._v1 - self._v0) * dt * dt / (2.0 * ramp)

    def piece(self) -> MotionPiece:
        return MotionPiece(self._t0, self._p0, self._v0, self._v1, self.ramp_s, self.min_px, self.max_px)

    def position(self, t: float) -> float:
        return min(self.max_px, max(self.min_px, self._raw(t)))

    def _raw_velocity(self, t: float) -> float:
        dt = max(0.0, t - self._t0)
        if self.ramp_s <= 0 or dt >= self.ramp_s:
            return self._v1
        return self._v0 + (self._v1 - self._v0) * dt / self.ramp_s

    def velocity(self, t: float) -> float:
        """Velocity of the clamped position: zero while pinned at an end."""
        raw, v = self._raw(t), self._raw_velocity(t)
        if (raw >= self.max_px and v >= 0) or (raw <= self.min_px and v <= 0):
            return 0.0
        return v

    @property
    def target_velocity(self) -> float:
        return self._v1

    def set_velocity(self, t: float, velocity_px_s: float) -> None:
        """Ramp from the current velocity to ``velocity_px_s`` starting at ``t``."""
        p = self.position(t)
        v = self.velocity(t)
        self._t0, self._p0, self._v0, self._v1 = t, p, v, velocity_px_s

    def jump(self, t: float, position_px: float, keep_velocity: bool = True) -> None:
        """Jump to a position (segment change, Home/End); motion continues at the target velocity."""
        target = self._v1 if keep_velocity else 0.0
        self._t0 = t
        self._p0 = min(self.max_px, max(self.min_px, position_px))
        self._v0 = target
        self._v1 = target

    def set_bounds(self, t: float, min_px: float, max_px: float) -> None:
        p = self.position(t)
        v = self.velocity(t)
        self.min_px, self.max_px = min_px, max(min_px, max_px)
        self._t0, self._p0, self._v0 = t, min(self.max_px, max(self.min_px, p)), v

    def rescale(self, t: float, factor: float, velocity_px_s: float) -> None:
        """Keep the same place in the text when the layout changes size (font, width)."""
        p = self.position(t) * factor
        self._t0, self._p0, self._v0, self._v1 = t, p, velocity_px_s, velocity_px_s

    def is_moving(self, t: float) -> bool:
        """True while the next frame would be drawn somewhere else (so frames must keep coming)."""
        if self.velocity(t) != 0.0:
            return True
        raw = self._raw(t)
        return (self._v1 > 0 and raw < self.max_px) or (self._v1 < 0 and raw > self.min_px)


def speed_px_per_s(speed_cpm: float, px_per_char: float) -> float:
    """字/分 to pixels per second, through the laid-out text's height per character."""
    return speed_cpm / 60.0 * px_per_char
