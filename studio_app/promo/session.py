"""The on-air session: what is happening in the show right now, and the run log it writes.

Pure Python: the prompter window and the operator's panel both drive one :class:`OnAirSession`; every
action on air becomes a :class:`~studio_app.script.model.RunLogEvent` handed to the ``log`` callback
(the UI writes it to the store off the GUI thread), and after each change the whole state is handed on as
an :class:`OnAirSnapshot` (kept with the show, as JSON, through ``promo.service``), so an app restart
mid-show resumes at the same segment, speed, promo and cues.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from studio_app.clock import Clock
from studio_app.i18n import translate
from studio_app.promo.clock import PromoClock, PromoConfig, PromoEventKind, PromoMarkKind, PromoState
from studio_app.promo.countdown import StartCountdown, start_countdown
from studio_app.promo.qa_timer import QA_DEFAULT_S, QaTimer
from studio_app.script.model import (
    EmergencyKind,
    EmergencyScript,
    RunLogEvent,
    RunLogKind,
    Script,
    Segment,
    SegmentKind,
)
from studio_app.script.reading import DEFAULT_RATE_CPM, ON_TIME_TOLERANCE_S, schedule_status

GEAR_MIN = 1
GEAR_MAX = 9
GEAR_NEUTRAL = 5  # the host's own rate
GEAR_STEP_FACTOR = 1.12  # each gear is 12 % faster than the one below: gear 1 ≈ 0.64×, gear 9 ≈ 1.57×
MAX_CUE_CHARS = 60

LogSink = Callable[[RunLogEvent], None]
StateSink = Callable[["OnAirSnapshot"], None]


def gear_speed_cpm(base_cpm: float, gear: int) -> float:
    if not GEAR_MIN <= gear <= GEAR_MAX:
        raise ValueError(f"gear {gear} out of range {GEAR_MIN}..{GEAR_MAX}")
    return base_cpm * GEAR_STEP_FACTOR ** (gear - GEAR_NEUTRAL)


class SessionError(ValueError):
    """An operator action that does not apply right now; the message is translated."""


class SessionPhase(enum.Enum):
    READY = "ready"
    ON_AIR = "on_air"
    ENDED = "ended"


@dataclass(frozen=True)
class OperatorCue:
    """A message typed by the operator, shown on the prompter as a banner until dismissed."""

    cue_id: int
    text: str
    sent_at: datetime
    dismissed_at: datetime | None = None


@dataclass(frozen=True)
class HostBoard:
    """What the operator's live room puts before the host besides cues: the question of this Q&A slot and
    the live stock counts (link number → pieces left). Not saved with the session: the live room keeps its
    own record and sets the board again."""

    question: str = ""
    stock: Mapping[int, int] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class SegmentRun:
    """When a segment actually started and ended (show-elapsed seconds)."""

    index: int
    started_s: float
    ended_s: float | None = None

    @property
    def duration_s(self) -> float | None:
        return None if self.ended_s is None else self.ended_s - self.started_s


@dataclass(frozen=True)
class ScheduleStatus:
    """Live ahead/behind: positive ``behind_s`` means the show runs late against the rundown."""

    segment_index: int
    in_segment_s: float
    planned_segment_s: float
    behind_s: float

    def label(self) -> str:
        minutes = abs(self.behind_s) / 60
        if abs(self.behind_s) <= ON_TIME_TOLERANCE_S:
            return translate("OnAirSession", "On time")
        if self.behind_s > 0:
            return translate("OnAirSession", "{m:.1f} min behind").format(m=minutes)
        return translate("OnAirSession", "{m:.1f} min ahead").format(m=minutes)


@dataclass(frozen=True)
class OnAirSnapshot:
    """The whole on-air state at one moment: saved after each change, resumed after a restart."""

    show_id: str
    phase: SessionPhase
    base_cpm: float
    gear: int
    speed_cpm: float
    paused: bool
    segment_index: int
    runs: tuple[SegmentRun, ...] = ()
    cues: tuple[OperatorCue, ...] = ()
    emergencies_used: tuple[tuple[str, datetime], ...] = ()
    corrections: tuple[tuple[str, datetime], ...] = ()
    reading_char: int = 0
    promo: Mapping[str, Any] | None = None  # PromoState.to_dict(): its shape belongs to promo.clock
    qa: Mapping[str, Any] = field(default_factory=dict)  # QaTimer.to_dict()

    def to_dict(self) -> dict[str, Any]:
        """The JSON-safe form kept in the store."""
        return {
            "version": 1,
            "show_id": self.show_id,
            "phase": self.phase.value,
            "base_cpm": self.base_cpm,
            "gear": self.gear,
            "speed_cpm": self.speed_cpm,
            "paused": self.paused,
            "segment_index": self.segment_index,
            "runs": [[r.index, r.started_s, r.ended_s] for r in self.runs],
            "cues": [
                {
                    "cue_id": c.cue_id,
                    "text": c.text,
                    "sent_at": c.sent_at.isoformat(),
                    "dismissed_at": c.dismissed_at.isoformat() if c.dismissed_at else None,
                }
                for c in self.cues
            ],
            "emergencies_used": [[k, at.isoformat()] for k, at in self.emergencies_used],
            "corrections": [[t, at.isoformat()] for t, at in self.corrections],
            "reading_char": self.reading_char,
            "promo": dict(self.promo) if self.promo else None,
            "qa": dict(self.qa),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OnAirSnapshot:
        """Read :meth:`to_dict`'s form back. Raises SessionError on a bad state."""
        try:
            return cls(
                show_id=str(data["show_id"]),
                phase=SessionPhase(data["phase"]),
                base_cpm=float(data["base_cpm"]),
                gear=int(data["gear"]),
                speed_cpm=float(data["speed_cpm"]),
                paused=bool(data["paused"]),
                segment_index=int(data["segment_index"]),
                runs=tuple(
                    SegmentRun(int(i), float(a), None if b is None else float(b)) for i, a, b in data["runs"]
                ),
                cues=tuple(
                    OperatorCue(
                        cue_id=int(c["cue_id"]),
                        text=str(c["text"]),
                        sent_at=datetime.fromisoformat(c["sent_at"]),
                        dismissed_at=datetime.fromisoformat(c["dismissed_at"]) if c["dismissed_at"] else None,
                    )
                    for c in data["cues"]
                ),
                emergencies_used=tuple((k, datetime.fromisoformat(at)) for k, at in data["emergencies_used"]),
                corrections=tuple((t, datetime.fromisoformat(at)) for t, at in data["corrections"]),
                reading_char=int(data.get("reading_char", 0)),
                promo=dict(data["promo"]) if data.get("promo") else None,
                qa=dict(data.get("qa", {})),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise _unreadable(exc) from exc


def _unreadable(exc: Exception) -> SessionError:
    return SessionError(
        translate("OnAirSession", "The saved on-air state could not be read: {error}").format(error=exc)
    )


@dataclass
class _State:
    phase: SessionPhase = SessionPhase.READY
    base_cpm: float = DEFAULT_RATE_CPM
    gear: int = GEAR_NEUTRAL
    speed_cpm: float = DEFAULT_RATE_CPM
    paused: bool = True
    segment_index: int = 0
    runs: list[SegmentRun] = field(default_factory=list)
    cues: list[OperatorCue] = field(default_factory=list)
    emergencies_used: list[tuple[str, datetime]] = field(default_factory=list)
    corrections: list[tuple[str, datetime]] = field(default_factory=list)
    reading_char: int = 0  # where the reading line is, in characters of the whole prompter text
    promo: PromoState | None = None
    qa: QaTimer = field(default_factory=QaTimer)


class OnAirSession:
    def __init__(
        self,
        clock: Clock,
        script: Script,
        show_id: str,
        log: LogSink | None = None,
        save_state: StateSink | None = None,
        promo_config: PromoConfig | None = None,
        base_cpm: float | None = None,
        qa_duration_s: float = QA_DEFAULT_S,
    ) -> None:
        if not script.segments:
            raise SessionError(translate("OnAirSession", "The script has no segments to run."))
        self._clock = clock
        self.script = script
        self.show_id = show_id
        self._log = log or (lambda event: None)
        self._save_state = save_state or (lambda data: None)
        rate = base_cpm if base_cpm is not None else float(script.meta_int("rate", int(DEFAULT_RATE_CPM)))
        if rate <= 0:
            raise SessionError(translate("OnAirSession", "The reading rate must be above zero."))
        self._promo_config = promo_config or PromoConfig(interval_s=60.0 * script.meta_int("promo_every", 15))
        self._s = _State(base_cpm=rate, speed_cpm=rate, qa=QaTimer(duration_s=qa_duration_s))
        self._promo: PromoClock | None = None
        # When the show is planned to go on air (from the show, not the script); the countdown counts to it.
        self.planned_start: datetime | None = None
        self.board = HostBoard()

    # ---- reading the state -------------------------------------------------------------------------

    @property
    def phase(self) -> SessionPhase:
        return self._s.phase

    @property
    def segment_index(self) -> int:
        return self._s.segment_index

    @property
    def segment(self) -> Segment:
        return self.script.segments[self._s.segment_index]

    @property
    def gear(self) -> int:
        return self._s.gear

    @property
    def base_cpm(self) -> float:
        return self._s.base_cpm

    @property
    def speed_cpm(self) -> float:
        return self._s.speed_cpm

    @property
    def paused(self) -> bool:
        return self._s.paused

    @property
    def promo_interval_s(self) -> float:
        return self._promo_config.interval_s

    @property
    def promo(self) -> PromoClock | None:
        return self._promo

    @property
    def qa(self) -> QaTimer:
        return self._s.qa

    @property
    def runs(self) -> tuple[SegmentRun, ...]:
        return tuple(self._s.runs)

    @property
    def reading_char(self) -> int:
        return self._s.reading_char

    def active_cues(self) -> list[OperatorCue]:
        return [c for c in self._s.cues if c.dismissed_at is None]

    def emergencies_used(self) -> list[tuple[str, datetime]]:
        return list(self._s.emergencies_used)

    def corrections(self) -> list[tuple[str, datetime]]:
        return list(self._s.corrections)

    def elapsed_s(self) -> float:
        return self._promo.elapsed_s() if self._promo is not None else 0.0

    def schedule(self) -> ScheduleStatus:
        index = self._s.segment_index
        planned = self.script.segments[index].planned_seconds
        run = self._current_run()
        in_segment = self.elapsed_s() - run.started_s if run else 0.0
        # The plan expects the segment to be read evenly over its planned time.
        fraction = min(in_segment / planned, 1.0) if planned > 0 else 1.0
        status = schedule_status(self.script, index, fraction, self.elapsed_s())
        return ScheduleStatus(index, in_segment, planned, status.behind_s)

    # ---- actions -----------------------------------------------------------------------------------

    def start_show(self) -> None:
        if self._s.phase is not SessionPhase.READY:
            raise SessionError(translate("OnAirSession", "The show has already started."))
        self._promo = PromoClock.start(self._clock, self._promo_config)
        self._s.promo = self._promo.state
        self._s.phase = SessionPhase.ON_AIR
        self._s.paused = False
        self._emit(RunLogKind.SHOW_START, payload={"speed_cpm": round(self._s.speed_cpm, 1)})
        self._begin_segment(0, reason="start")
        self._changed()

    def end_show(self) -> None:
        self._require_on_air()
        self._finish_segment()
        self._s.phase = SessionPhase.ENDED
        self._s.paused = True
        self._emit(RunLogKind.SHOW_END)
        self._changed()

    def go_to_segment(self, index: int, reason: str = "key") -> bool:
        """Move to segment ``index``; False when already there or out of range (nothing logged)."""
        if not 0 <= index < len(self.script.segments) or index == self._s.segment_index:
            return False
        if self._s.phase is not SessionPhase.ON_AIR:
            self._s.segment_index = index
            self._changed()
            return True
        left = self.segment
        self._finish_segment()
        if left.kind is SegmentKind.PRODUCT and self._promo is not None:
            self._s.qa.start(self.elapsed_s(), self._s.segment_index)
            self._emit(RunLogKind.QA_START, payload={"duration_s": self._s.qa.duration_s})
        elif self._s.qa.snapshot(self.elapsed_s()).running:
            self._s.qa.stop()
            self._emit(RunLogKind.QA_END, payload={"cut_short": True})
        self._begin_segment(index, reason)
        self._changed()
        return True

    def next_segment(self) -> bool:
        return self.go_to_segment(self._s.segment_index + 1)

    def previous_segment(self) -> bool:
        return self.go_to_segment(self._s.segment_index - 1)

    def set_gear(self, gear: int) -> None:
        gear = max(GEAR_MIN, min(GEAR_MAX, gear))
        self._set_speed(gear_speed_cpm(self._s.base_cpm, gear), gear)

    def gear_up(self) -> None:
        self.set_gear(self._s.gear + 1)

    def gear_down(self) -> None:
        self.set_gear(self._s.gear - 1)

    def set_speed_cpm(self, speed_cpm: float) -> None:
        """An exact speed (fit to time); the gear shown is the nearest one."""
        if speed_cpm <= 0:
            raise SessionError(translate("OnAirSession", "The reading rate must be above zero."))
        nearest = min(
            range(GEAR_MIN, GEAR_MAX + 1),
            key=lambda g: abs(gear_speed_cpm(self._s.base_cpm, g) - speed_cpm),
        )
        self._set_speed(speed_cpm, nearest)

    def set_base_cpm(self, base_cpm: float) -> None:
        """The host's own rate (gear 5), e.g. calibrated from what they actually read; the gear is kept."""
        if base_cpm <= 0:
            raise SessionError(translate("OnAirSession", "The reading rate must be above zero."))
        self._s.base_cpm = base_cpm
        self._set_speed(gear_speed_cpm(base_cpm, self._s.gear), self._s.gear)
        self._changed()

    def set_paused(self, paused: bool) -> None:
        if paused == self._s.paused:
            return
        self._s.paused = paused
        if self._s.phase is SessionPhase.ON_AIR:
            self._emit(RunLogKind.PAUSE if paused else RunLogKind.RESUME)
        self._changed()

    def toggle_pause(self) -> None:
        self.set_paused(not self._s.paused)

    def send_cue(self, text: str) -> OperatorCue:
        text = " ".join(text.split())
        if not text:
            raise SessionError(translate("OnAirSession", "Type a message for the host first."))
        if len(text) > MAX_CUE_CHARS:
            raise SessionError(
                translate(
                    "OnAirSession", "A cue is at most {n} characters; the host reads it at a glance."
                ).format(n=MAX_CUE_CHARS)
            )
        next_id = max((c.cue_id for c in self._s.cues), default=0) + 1
        cue = OperatorCue(cue_id=next_id, text=text, sent_at=self._now())
        self._s.cues.append(cue)
        self._emit(RunLogKind.CUE, payload={"cue_id": next_id, "text": text})
        self._changed()
        return cue

    def dismiss_cue(self, cue_id: int | None = None) -> OperatorCue | None:
        """Dismiss a cue (the newest active one by default); None when nothing is showing."""
        active = self.active_cues()
        if not active:
            return None
        target = active[-1] if cue_id is None else next((c for c in active if c.cue_id == cue_id), None)
        if target is None:
            return None
        dismissed = replace(target, dismissed_at=self._now())
        self._s.cues = [dismissed if c.cue_id == target.cue_id else c for c in self._s.cues]
        self._emit(RunLogKind.CUE_DISMISSED, payload={"cue_id": target.cue_id})
        self._changed()
        return dismissed

    def replace_script(self, script: Script) -> None:
        """The rest of the rundown was reordered mid-show: what has been on air must stay as it is."""
        keep = self._s.segment_index + 1
        if script.segments[:keep] != self.script.segments[:keep] or sorted(
            script.segments, key=repr
        ) != sorted(self.script.segments, key=repr):
            raise SessionError(translate("OnAirSession", "Only the segments still to come can be reordered."))
        self.script = script
        self._changed()

    def use_emergency(self, kind: EmergencyKind) -> EmergencyScript:
        script = self.script.emergency(kind)
        if script is None:
            raise SessionError(
                translate("OnAirSession", "This script has no emergency text for “{name}”.").format(
                    name=kind.display_name()
                )
            )
        self._s.emergencies_used.append((kind.value, self._now()))
        self._emit(RunLogKind.EMERGENCY, payload={"emergency": kind.value, "title": script.title})
        self._changed()
        return script

    def log_correction(self, text: str = "") -> None:
        """The host corrected something said on air (one key); the record is kept for review."""
        note = text.strip() or translate("OnAirSession", "Correction made on air")
        self._s.corrections.append((note, self._now()))
        self._emit(RunLogKind.CORRECTION, payload={"text": note})
        self._changed()

    def mark_promo(self, kind: PromoMarkKind) -> None:
        promo = self._require_promo()
        outcome = promo.mark(kind)
        log_kind = RunLogKind.PROMO_DONE if kind is PromoMarkKind.DONE else RunLogKind.PROMO_SKIPPED
        self._emit(
            log_kind,
            payload={
                "slot": outcome.slot,
                "due_at": outcome.due_at.isoformat(),
                "late_s": round(outcome.late_s or 0.0, 1),
            },
        )
        self._changed()

    def note_reading_position(self, char_offset: int) -> None:
        """Where the reading line is; kept for a restart, not logged (it changes every frame)."""
        if char_offset != self._s.reading_char:
            self._s.reading_char = char_offset
            self._changed()

    def tick(self) -> list[RunLogEvent]:
        """Call a few times a second: logs promo cues, missed promos and the end of Q&A."""
        if self._s.phase is not SessionPhase.ON_AIR or self._promo is None:
            return []
        events: list[RunLogEvent] = []
        kinds = {
            PromoEventKind.PRE_CUE: RunLogKind.PROMO_PRECUE,
            PromoEventKind.DUE: RunLogKind.PROMO_DUE,
            PromoEventKind.MISSED: RunLogKind.PROMO_MISSED,
        }
        for promo_event in self._promo.poll():
            events.append(
                self._emit(
                    kinds[promo_event.kind],
                    at=promo_event.at,
                    payload={"slot": promo_event.slot, "due_at": promo_event.due_at.isoformat()},
                )
            )
        qa = self._s.qa
        if qa.poll_finished(self.elapsed_s()):
            assert qa.started_at_s is not None
            end_at = self._promo.started_at + timedelta(seconds=qa.started_at_s + qa.duration_s)
            events.append(self._emit(RunLogKind.QA_END, at=end_at, payload={"cut_short": False}))
        if events:
            self._changed()
        return events

    # ---- persistence -------------------------------------------------------------------------------

    def snapshot(self) -> OnAirSnapshot:
        s = self._s
        return OnAirSnapshot(
            show_id=self.show_id,
            phase=s.phase,
            base_cpm=s.base_cpm,
            gear=s.gear,
            speed_cpm=s.speed_cpm,
            paused=s.paused,
            segment_index=s.segment_index,
            runs=tuple(s.runs),
            cues=tuple(s.cues),
            emergencies_used=tuple(s.emergencies_used),
            corrections=tuple(s.corrections),
            reading_char=s.reading_char,
            promo=s.promo.to_dict() if s.promo else None,
            qa=s.qa.to_dict(),
        )

    @classmethod
    def resume(
        cls,
        clock: Clock,
        script: Script,
        saved: OnAirSnapshot | Mapping[str, Any],
        log: LogSink | None = None,
        save_state: StateSink | None = None,
    ) -> OnAirSession:
        """Rebuild a session from :meth:`snapshot` (or its stored form) after a restart. Raises
        SessionError on a bad state."""
        snap = saved if isinstance(saved, OnAirSnapshot) else OnAirSnapshot.from_dict(saved)
        session = cls(clock, script, snap.show_id, log=log, save_state=save_state)
        s = session._s
        s.phase = snap.phase
        s.base_cpm = snap.base_cpm
        s.gear = snap.gear
        s.speed_cpm = snap.speed_cpm
        s.paused = snap.paused
        s.segment_index = min(snap.segment_index, len(script.segments) - 1)
        s.runs = list(snap.runs)
        s.cues = list(snap.cues)
        s.emergencies_used = list(snap.emergencies_used)
        s.corrections = list(snap.corrections)
        s.reading_char = snap.reading_char
        try:
            if snap.promo:
                s.promo = PromoState.from_dict(dict(snap.promo))
                session._promo = PromoClock(clock, s.promo)
            s.qa = QaTimer.from_dict(dict(snap.qa))
        except (KeyError, TypeError, ValueError) as exc:
            raise _unreadable(exc) from exc
        return session

    # ---- internals ---------------------------------------------------------------------------------

    def start_countdown(self) -> StartCountdown | None:
        """Time to the planned start while the show has not started; None without a planned start."""
        if self.phase is not SessionPhase.READY:
            return None
        return start_countdown(self.planned_start, self._clock.now())

    def _now(self) -> datetime:
        return self._promo.now() if self._promo is not None else self._clock.now()

    def _current_run(self) -> SegmentRun | None:
        for run in reversed(self._s.runs):
            if run.index == self._s.segment_index and run.ended_s is None:
                return run
        return None

    def _begin_segment(self, index: int, reason: str) -> None:
        self._s.segment_index = index
        self._s.runs.append(SegmentRun(index=index, started_s=self.elapsed_s()))
        segment = self.script.segments[index]
        self._emit(
            RunLogKind.SEGMENT_START,
            payload={
                "title": segment.title,
                "segment_kind": segment.kind.value,
                "planned_s": segment.planned_seconds,
                "reason": reason,
            },
        )

    def _finish_segment(self) -> None:
        run = self._current_run()
        if run is None:
            return
        ended = replace(run, ended_s=self.elapsed_s())
        self._s.runs = [ended if r is run else r for r in self._s.runs]
        self._emit(RunLogKind.SEGMENT_END, payload={"duration_s": round(ended.duration_s or 0.0, 1)})

    def _set_speed(self, speed_cpm: float, gear: int) -> None:
        if speed_cpm == self._s.speed_cpm and gear == self._s.gear:
            return
        self._s.speed_cpm = speed_cpm
        self._s.gear = gear
        if self._s.phase is SessionPhase.ON_AIR:
            self._emit(RunLogKind.SPEED, payload={"speed_cpm": round(speed_cpm, 1), "gear": gear})
        self._changed()

    def _require_on_air(self) -> None:
        if self._s.phase is not SessionPhase.ON_AIR:
            raise SessionError(translate("OnAirSession", "The show is not on air."))

    def _require_promo(self) -> PromoClock:
        self._require_on_air()
        assert self._promo is not None
        return self._promo

    def _emit(
        self, kind: RunLogKind, at: datetime | None = None, payload: dict[str, Any] | None = None
    ) -> RunLogEvent:
        event = RunLogEvent(
            show_id=self.show_id,
            kind=kind,
            at=at or self._now(),
            segment_index=self._s.segment_index,
            payload=payload or {},
        )
        self._log(event)
        return event

    def _changed(self) -> None:
        self._save_state(self.snapshot())


@dataclass(frozen=True)
class OpenedSession:
    session: OnAirSession
    resumed: bool  # a show on air was picked up where it was
    resume_problem: str  # the saved state could not be used (translated); the session is a fresh one


def open_session(
    clock: Clock,
    script: Script,
    show_id: str,
    saved: OnAirSnapshot | None,
    log: LogSink | None = None,
    save_state: StateSink | None = None,
) -> OpenedSession:
    """The show's session: the saved one while the show is on air, else a fresh one ready to start (a show
    that ended can be run again). Raises SessionError when the script cannot be run at all."""
    problem = ""
    if saved is not None and saved.show_id == show_id and saved.phase is not SessionPhase.READY:
        try:
            session = OnAirSession.resume(clock, script, saved, log=log, save_state=save_state)
        except SessionError as exc:
            problem = str(exc)
        else:
            if session.phase is not SessionPhase.ENDED:
                return OpenedSession(session, session.phase is SessionPhase.ON_AIR, "")
    fresh = OnAirSession(clock, script, show_id, log=log, save_state=save_state)
    return OpenedSession(fresh, False, problem)
