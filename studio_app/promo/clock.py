"""The promo clock: the rhythm of a show (a giveaway or flash sale every 15 minutes).

Every due time is computed from the show's start on a fixed grid (``start + n * interval``), never by
adding intervals to the previous promo, so eight hours of timers cannot drift and a promo done late does
not push the next one back. The elapsed time comes from the wall clock once (at construction, so a
restarted app picks up where the show is) and from the monotonic clock afterwards, so an NTP correction
in the middle of a show does not jump the countdown.

The operator's marks (done / skipped) and the announcements already made are the whole state; it
serialises to a plain dict (JSON-safe) so the app can restart mid-show and carry on.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from studio_app.clock import Clock
from studio_app.i18n import translate


class PromoPhase(enum.Enum):
    """Where a promo slot stands at a given moment."""

    UPCOMING = "upcoming"  # more than the pre-cue window away
    PRE_CUE = "pre_cue"  # within the pre-cue window (one minute by default)
    DUE = "due"  # due now (within the grace window)
    OVERDUE = "overdue"  # past the grace window, not yet marked
    DONE = "done"
    SKIPPED = "skipped"
    MISSED = "missed"  # the next slot came due before this one was marked


class PromoMarkKind(enum.Enum):
    DONE = "done"
    SKIPPED = "skipped"


class PromoEventKind(enum.Enum):
    """What the clock announces once per slot (for cues and for the run log)."""

    PRE_CUE = "promo_pre_cue"
    DUE = "promo_due"
    MISSED = "promo_missed"


@dataclass(frozen=True)
class PromoConfig:
    interval_s: float = 15 * 60
    pre_cue_s: float = 60.0
    # A promo started within this long after its due time counts as on time.
    grace_s: float = 60.0
    # The first promo is due this long after the start; None means one interval in.
    first_due_s: float | None = None

    def __post_init__(self) -> None:
        if self.interval_s <= 0:
            raise ValueError("promo interval must be positive")
        if not 0 <= self.pre_cue_s < self.interval_s:
            raise ValueError("pre-cue window must be shorter than the promo interval")
        if not 0 <= self.grace_s < self.interval_s:
            raise ValueError("grace window must be shorter than the promo interval")
        if self.first_due_s is not None and self.first_due_s < 0:
            raise ValueError("the first promo cannot be due before the show starts")

    @property
    def first_offset_s(self) -> float:
        return self.interval_s if self.first_due_s is None else self.first_due_s

    def due_offset_s(self, slot: int) -> float:
        """Seconds from the show start at which promo ``slot`` (1-based) is due."""
        if slot < 1:
            raise ValueError("promo slots are numbered from 1")
        return self.first_offset_s + (slot - 1) * self.interval_s


@dataclass(frozen=True)
class PromoMark:
    slot: int
    kind: PromoMarkKind
    marked_at: datetime


@dataclass(frozen=True)
class PromoOutcome:
    """One slot's result, for the review and the run log."""

    slot: int
    due_at: datetime
    phase: PromoPhase
    marked_at: datetime | None = None

    @property
    def late_s(self) -> float | None:
        """Seconds after the due time it was marked (negative when done early); None when not marked."""
        if self.marked_at is None:
            return None
        return (self.marked_at - self.due_at).total_seconds()


@dataclass(frozen=True)
class PromoEvent:
    kind: PromoEventKind
    slot: int
    due_at: datetime
    # When the condition became true (due time, pre-cue start, missed deadline), not when it was noticed.
    at: datetime


@dataclass(frozen=True)
class PromoSnapshot:
    """What the host and the operator see right now."""

    slot: int  # the slot the countdown is about (the earliest one still open)
    due_at: datetime
    phase: PromoPhase
    seconds_to_due: float  # negative once due
    elapsed_s: float  # since the show start

    @property
    def is_cue(self) -> bool:
        return self.phase in (PromoPhase.PRE_CUE, PromoPhase.DUE, PromoPhase.OVERDUE)

    @property
    def is_strong_cue(self) -> bool:
        return self.phase in (PromoPhase.DUE, PromoPhase.OVERDUE)

    def countdown_text(self) -> str:
        """ "03:12" before the due time, "+01:05" after it; hours are shown only when needed."""
        seconds = self.seconds_to_due
        sign = "+" if seconds < 0 else ""
        # Ceil before due so "00:00" is shown exactly at the due moment, floor after.
        whole = math.ceil(seconds) if seconds >= 0 else math.floor(-seconds)
        return sign + format_mm_ss(whole)

    def label(self) -> str:
        if self.phase in (PromoPhase.DUE, PromoPhase.OVERDUE):
            return translate("PromoClock", "Promo due now {late}").format(late=self.countdown_text())
        return translate("PromoClock", "Next promo {countdown}").format(countdown=self.countdown_text())


def format_mm_ss(total_s: int) -> str:
    total_s = max(0, int(total_s))
    hours, rest = divmod(total_s, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours:d}:{minutes:02d}:{seconds:02d}"
    return f"{minutes:02d}:{seconds:02d}"


@dataclass
class PromoState:
    """The persisted part: enough to rebuild the clock after a restart."""

    started_at: datetime
    config: PromoConfig = field(default_factory=PromoConfig)
    marks: dict[int, PromoMark] = field(default_factory=dict)
    # Highest event announced per slot, so a restart does not cue or log the same thing twice.
    announced: dict[int, set[PromoEventKind]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "started_at": self.started_at.isoformat(),
            "config": {
                "interval_s": self.config.interval_s,
                "pre_cue_s": self.config.pre_cue_s,
                "grace_s": self.config.grace_s,
                "first_due_s": self.config.first_due_s,
            },
            "marks": [
                {"slot": m.slot, "kind": m.kind.value, "marked_at": m.marked_at.isoformat()}
                for m in sorted(self.marks.values(), key=lambda m: m.slot)
            ],
            "announced": {
                str(slot): sorted(k.value for k in kinds) for slot, kinds in self.announced.items()
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PromoState:
        started_at = datetime.fromisoformat(data["started_at"])
        if started_at.tzinfo is None:
            raise ValueError("promo state has a naive start time")
        config = PromoConfig(**data.get("config", {}))
        marks = {
            int(m["slot"]): PromoMark(
                slot=int(m["slot"]),
                kind=PromoMarkKind(m["kind"]),
                marked_at=datetime.fromisoformat(m["marked_at"]),
            )
            for m in data.get("marks", [])
        }
        announced = {
            int(slot): {PromoEventKind(k) for k in kinds} for slot, kinds in data.get("announced", {}).items()
        }
        return cls(started_at=started_at, config=config, marks=marks, announced=announced)


class PromoClock:
    """Computes the promo schedule from the show start, the clock and the operator's marks."""

    def __init__(self, clock: Clock, state: PromoState) -> None:
        self._clock = clock
        self._state = state
        # Anchor: wall time once, monotonic afterwards (see the module docstring).
        self._anchor_elapsed_s = (clock.now() - state.started_at).total_seconds()
        self._anchor_mono = clock.monotonic()

    @classmethod
    def start(cls, clock: Clock, config: PromoConfig | None = None) -> PromoClock:
        return cls(clock, PromoState(started_at=clock.now(), config=config or PromoConfig()))

    @property
    def state(self) -> PromoState:
        return self._state

    @property
    def config(self) -> PromoConfig:
        return self._state.config

    @property
    def started_at(self) -> datetime:
        return self._state.started_at

    def elapsed_s(self) -> float:
        return self._anchor_elapsed_s + (self._clock.monotonic() - self._anchor_mono)

    def now(self) -> datetime:
        """The show's notion of now: start + elapsed (immune to wall-clock jumps during the run)."""
        return self._state.started_at + timedelta(seconds=self.elapsed_s())

    def due_at(self, slot: int) -> datetime:
        return self._state.started_at + timedelta(seconds=self.config.due_offset_s(slot))

    def _last_slot_due_by(self, elapsed_s: float) -> int:
        """The highest slot whose due time is <= elapsed (0 when none is due yet)."""
        cfg = self.config
        if elapsed_s < cfg.first_offset_s:
            return 0
        return int((elapsed_s - cfg.first_offset_s) // cfg.interval_s) + 1

    def phase_of(self, slot: int, elapsed_s: float | None = None) -> PromoPhase:
        elapsed = self.elapsed_s() if elapsed_s is None else elapsed_s
        mark = self._state.marks.get(slot)
        if mark is not None:
            return PromoPhase.DONE if mark.kind is PromoMarkKind.DONE else PromoPhase.SKIPPED
        cfg = self.config
        due = cfg.due_offset_s(slot)
        if elapsed >= due + cfg.interval_s:
            return PromoPhase.MISSED
        if elapsed >= due + cfg.grace_s:
            return PromoPhase.OVERDUE
        if elapsed >= due:
            return PromoPhase.DUE
        if elapsed >= due - cfg.pre_cue_s:
            return PromoPhase.PRE_CUE
        return PromoPhase.UPCOMING

    def current_slot(self, elapsed_s: float | None = None) -> int:
        """The earliest slot still open (not marked, not missed): the one the countdown shows."""
        elapsed = self.elapsed_s() if elapsed_s is None else elapsed_s
        # Only the last due slot can still be open among the due ones (older ones are missed or marked).
        slot = max(1, self._last_slot_due_by(elapsed))
        while self.phase_of(slot, elapsed) in (PromoPhase.DONE, PromoPhase.SKIPPED, PromoPhase.MISSED):
            slot += 1
        return slot

    def snapshot(self) -> PromoSnapshot:
        elapsed = self.elapsed_s()
        slot = self.current_slot(elapsed)
        due_offset = self.config.due_offset_s(slot)
        return PromoSnapshot(
            slot=slot,
            due_at=self.due_at(slot),
            phase=self.phase_of(slot, elapsed),
            seconds_to_due=due_offset - elapsed,
            elapsed_s=elapsed,
        )

    def mark(self, kind: PromoMarkKind, slot: int | None = None) -> PromoOutcome:
        """The operator marks the current promo (or a given one) done or skipped."""
        target = self.current_slot() if slot is None else slot
        if target in self._state.marks:
            raise PromoError(translate("PromoClock", "Promo {slot} is already marked.").format(slot=target))
        if self.phase_of(target) is PromoPhase.MISSED:
            raise PromoError(
                translate("PromoClock", "Promo {slot} was missed and can no longer be marked.").format(
                    slot=target
                )
            )
        marked = PromoMark(slot=target, kind=kind, marked_at=self.now())
        self._state.marks[target] = marked
        return self.outcome(target)

    def mark_done(self, slot: int | None = None) -> PromoOutcome:
        return self.mark(PromoMarkKind.DONE, slot)

    def mark_skipped(self, slot: int | None = None) -> PromoOutcome:
        return self.mark(PromoMarkKind.SKIPPED, slot)

    def outcome(self, slot: int) -> PromoOutcome:
        mark = self._state.marks.get(slot)
        return PromoOutcome(
            slot=slot,
            due_at=self.due_at(slot),
            phase=self.phase_of(slot),
            marked_at=mark.marked_at if mark else None,
        )

    def history(self) -> list[PromoOutcome]:
        """Every slot due so far (and any marked early), in order."""
        last = max(self._last_slot_due_by(self.elapsed_s()), max(self._state.marks, default=0))
        return [self.outcome(slot) for slot in range(1, last + 1)]

    def poll(self) -> list[PromoEvent]:
        """Events that became true since the last poll (each announced once, even across restarts).

        Call it a few times a second; a long gap (the app was closed) reports what happened meanwhile
        with the times it happened, e.g. the promos missed while the app was down.
        """
        elapsed = self.elapsed_s()
        cfg = self.config
        events: list[PromoEvent] = []
        first_open = min(
            (s for s in range(1, self._last_slot_due_by(elapsed) + 2) if not self._fully_announced(s)),
            default=None,
        )
        if first_open is None:
            return events
        for slot in range(first_open, self._last_slot_due_by(elapsed + cfg.pre_cue_s) + 1):
            due = cfg.due_offset_s(slot)
            marked = slot in self._state.marks
            candidates = [
                (PromoEventKind.PRE_CUE, due - cfg.pre_cue_s),
                (PromoEventKind.DUE, due),
                (PromoEventKind.MISSED, due + cfg.interval_s),
            ]
            seen = self._state.announced.setdefault(slot, set())
            for kind, offset in candidates:
                if kind in seen or elapsed < offset:
                    continue
                seen.add(kind)
                # A marked promo needs no cue and is not missed; remember it as settled all the same.
                if marked:
                    continue
                events.append(
                    PromoEvent(
                        kind=kind,
                        slot=slot,
                        due_at=self.due_at(slot),
                        at=self._state.started_at + timedelta(seconds=offset),
                    )
                )
        events.sort(key=lambda e: e.at)
        return events

    def _fully_announced(self, slot: int) -> bool:
        return len(self._state.announced.get(slot, ())) == len(PromoEventKind)


class PromoError(ValueError):
    """An operator action that does not apply (already marked, missed); the message is translated."""
