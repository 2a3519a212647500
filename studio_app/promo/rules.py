"""The on-air thresholds and the fit-to-time rule: one place for the numbers the operator's screen shows.

Views ask these functions; they never compare against a number of their own.
"""

from __future__ import annotations

from studio_app.promo.session import OnAirSession
from studio_app.script.reading import SegmentEstimate, count_units, fit_rate_cpm

# A segment whose text takes this much longer to read than planned is flagged in the rundown: half a
# minute is about what a host absorbs by talking a little faster.
OVER_RUN_WARN_S = 30.0
# A promo marked more than this after its due time says how late it was in the history.
LATE_NOTE_S = 60.0


def reads_over_plan(estimate: SegmentEstimate) -> bool:
    return estimate.over_s > OVER_RUN_WARN_S


def is_notably_late(late_s: float | None) -> bool:
    return late_s is not None and late_s > LATE_NOTE_S


def fraction_read(position_px: float, top_px: float, bottom_px: float) -> float:
    """How much of a segment the reading line has passed, 0..1, from where the prompter has scrolled."""
    return min(1.0, max(0.0, (position_px - top_px) / max(1.0, bottom_px - top_px)))


def fit_to_time_cpm(session: OnAirSession, read_fraction: float | None = None) -> float:
    """The speed that reads the rest of the current segment by its planned end.

    ``read_fraction`` comes from the prompter's scroll position when it is open; without it the share of the
    planned time already spent stands in for the share already read."""
    status = session.schedule()
    units = count_units(session.segment.host_text).units
    if read_fraction is None:
        read_fraction = min(1.0, status.in_segment_s / max(1.0, status.planned_segment_s))
    remaining_s = status.planned_segment_s - status.in_segment_s
    return fit_rate_cpm(units * (1.0 - read_fraction), remaining_s)
