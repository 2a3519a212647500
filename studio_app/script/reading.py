"""Reading time: how long the host takes to read a text, and whether the show is on schedule.

Chinese selling speech runs at about 240-300 字/分, so the rate is set per host in characters per minute and
everything is measured in *reading units*: one CJK character is one unit; a Latin word is
:data:`LATIN_WORD_UNITS` (English at ~160 words/min against ~260 字/分); a number is read digit group by
digit group (199 → 一百九十九), :data:`DIGIT_UNITS` per digit. Punctuation and spaces are free.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from studio_app.script.model import RunLogEvent, RunLogKind, Script

DEFAULT_RATE_CPM = 260.0
MIN_RATE_CPM = 80.0
MAX_RATE_CPM = 600.0
LATIN_WORD_UNITS = 1.6
DIGIT_UNITS = 1.5
ON_TIME_TOLERANCE_S = 30.0

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]")
_LATIN_WORD_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_DIGIT_RE = re.compile(r"\d")


@dataclass(frozen=True)
class TextUnits:
    cjk_chars: int = 0
    latin_words: int = 0
    digits: int = 0

    @property
    def units(self) -> float:
        return self.cjk_chars + self.latin_words * LATIN_WORD_UNITS + self.digits * DIGIT_UNITS

    def __add__(self, other: TextUnits) -> TextUnits:
        return TextUnits(
            self.cjk_chars + other.cjk_chars, self.latin_words + other.latin_words, self.digits + other.digits
        )


def count_units(text: str) -> TextUnits:
    return TextUnits(
        cjk_chars=len(_CJK_RE.findall(text)),
        latin_words=len(_LATIN_WORD_RE.findall(text)),
        digits=len(_DIGIT_RE.findall(text)),
    )


def reading_seconds(text: str, rate_cpm: float = DEFAULT_RATE_CPM) -> float:
    return units_to_seconds(count_units(text).units, rate_cpm)


def units_to_seconds(units: float, rate_cpm: float) -> float:
    if rate_cpm <= 0:
        raise ValueError("reading rate must be positive")
    return units * 60.0 / rate_cpm


@dataclass(frozen=True)
class SegmentEstimate:
    index: int
    title: str
    units: float
    estimated_s: float
    planned_s: float

    @property
    def over_s(self) -> float:
        """Positive when the text takes longer to read than the segment is planned to last."""
        return self.estimated_s - self.planned_s


@dataclass(frozen=True)
class ScriptEstimate:
    rate_cpm: float
    segments: tuple[SegmentEstimate, ...]

    @property
    def total_estimated_s(self) -> float:
        return sum(s.estimated_s for s in self.segments)

    @property
    def total_planned_s(self) -> float:
        return sum(s.planned_s for s in self.segments)

    @property
    def over_s(self) -> float:
        return self.total_estimated_s - self.total_planned_s


def estimate_script(script: Script, rate_cpm: float = DEFAULT_RATE_CPM) -> ScriptEstimate:
    """Each segment's reading time at the host's rate, against its planned duration."""
    estimates = []
    for index, segment in enumerate(script.segments):
        units = count_units(segment.host_text).units
        estimates.append(
            SegmentEstimate(
                index, segment.title, units, units_to_seconds(units, rate_cpm), segment.planned_seconds
            )
        )
    return ScriptEstimate(rate_cpm, tuple(estimates))


class ScheduleState(StrEnum):
    AHEAD = "ahead"
    ON_TIME = "on_time"
    BEHIND = "behind"


@dataclass(frozen=True)
class ScheduleStatus:
    behind_s: float  # positive: behind the plan; negative: ahead of it
    state: ScheduleState


def schedule_status(
    script: Script,
    segment_index: int,
    fraction_read: float,
    elapsed_s: float,
    tolerance_s: float = ON_TIME_TOLERANCE_S,
) -> ScheduleStatus:
    """Where the show is against the plan: the plan says that ``fraction_read`` of segment ``segment_index``
    should be done at ``starts[segment_index] + fraction × planned``; ``elapsed_s`` is the time since the show
    started."""
    if not script.segments:
        return ScheduleStatus(0.0, ScheduleState.ON_TIME)
    index = min(max(segment_index, 0), len(script.segments) - 1)
    fraction = min(max(fraction_read, 0.0), 1.0)
    planned_point_s = (
        script.segment_start_seconds()[index] + fraction * script.segments[index].planned_seconds
    )
    behind_s = elapsed_s - planned_point_s
    if behind_s > tolerance_s:
        state = ScheduleState.BEHIND
    elif behind_s < -tolerance_s:
        state = ScheduleState.AHEAD
    else:
        state = ScheduleState.ON_TIME
    return ScheduleStatus(behind_s, state)


def fit_rate_cpm(
    remaining_units: float,
    remaining_s: float,
    min_rate_cpm: float = MIN_RATE_CPM,
    max_rate_cpm: float = MAX_RATE_CPM,
) -> float:
    """ "Fit to time": the rate that reads ``remaining_units`` in exactly ``remaining_s``, within what a human
    can read aloud (out of time → the fastest rate)."""
    if remaining_units <= 0:
        return min_rate_cpm
    if remaining_s <= 0:
        return max_rate_cpm
    return min(max(remaining_units * 60.0 / remaining_s, min_rate_cpm), max_rate_cpm)


@dataclass(frozen=True)
class ReadingSample:
    units: float
    seconds: float

    @property
    def rate_cpm(self) -> float:
        return self.units * 60.0 / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True)
class RateCalibration:
    """A host's reading rate learnt from what they actually read, starting from a prior.

    The prior counts as ``prior_minutes`` of reading at ``prior_rate_cpm``, so the first short segment moves
    the estimate a little and an hour of reading dominates it. Samples shorter than ``MIN_SAMPLE_S`` or at an
    implausible rate (the host skipped the text, or ad-libbed over it) are ignored.
    """

    prior_rate_cpm: float = DEFAULT_RATE_CPM
    prior_minutes: float = 5.0
    units_read: float = 0.0
    minutes_read: float = 0.0

    MIN_SAMPLE_S = 20.0

    @property
    def rate_cpm(self) -> float:
        total_minutes = self.prior_minutes + self.minutes_read
        return (self.prior_rate_cpm * self.prior_minutes + self.units_read) / total_minutes

    def with_sample(self, sample: ReadingSample) -> RateCalibration:
        if sample.seconds < self.MIN_SAMPLE_S or not MIN_RATE_CPM <= sample.rate_cpm <= MAX_RATE_CPM:
            return self
        return RateCalibration(
            self.prior_rate_cpm,
            self.prior_minutes,
            self.units_read + sample.units,
            self.minutes_read + sample.seconds / 60.0,
        )

    def with_samples(self, samples: Iterable[ReadingSample]) -> RateCalibration:
        calibration = self
        for sample in samples:
            calibration = calibration.with_sample(sample)
        return calibration


def reading_samples_from_run_log(events: Iterable[RunLogEvent], script: Script) -> list[ReadingSample]:
    """What the host actually read: each segment from its ``segment_start`` to its ``segment_end``, minus
    pauses. A ``units_read`` number in the end event's payload (the prompter knows how far it scrolled)
    wins over the segment's full text."""
    samples: list[ReadingSample] = []
    current: int | None = None
    started_at = None
    paused_at = None
    paused_s = 0.0
    # At equal times an end comes before the next start (the prompter writes them in the same instant).
    order = {RunLogKind.SEGMENT_END: 0, RunLogKind.RESUME: 1, RunLogKind.SEGMENT_START: 3}
    for event in sorted(events, key=lambda e: (e.at, order.get(e.kind, 2))):
        if event.kind == RunLogKind.SEGMENT_START:
            current, started_at, paused_at, paused_s = event.segment_index, event.at, None, 0.0
        elif event.kind == RunLogKind.PAUSE and started_at is not None and paused_at is None:
            paused_at = event.at
        elif event.kind == RunLogKind.RESUME and paused_at is not None:
            paused_s += (event.at - paused_at).total_seconds()
            paused_at = None
        elif (
            event.kind == RunLogKind.SEGMENT_END and started_at is not None and event.segment_index == current
        ):
            if paused_at is not None:
                paused_s += (event.at - paused_at).total_seconds()
            seconds = (event.at - started_at).total_seconds() - paused_s
            units = event.payload.get("units_read")
            if units is None and current is not None and 0 <= current < len(script.segments):
                units = count_units(script.segments[current].host_text).units
            if units is not None and seconds > 0:
                samples.append(ReadingSample(float(units), seconds))
            current, started_at, paused_at = None, None, None
    return samples
