"""A show's record (issue 10, item 9): its checks, compliance, promos, cues, alerts, incidents and segments.

Each area hands over its part through its own service; this module only gathers and shapes them, so it sits
above the areas (which must not import each other) and below the context. No Qt: the command prints it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from studio_app.i18n import translate
from studio_app.liveroom.service import LiveRoomService
from studio_app.metrics.service import MetricsService
from studio_app.probes.service import CheckService
from studio_app.script.model import RunLogEvent, RunLogKind, Script
from studio_app.script.service import ScriptService
from studio_app.showday.gate import GateStatus
from studio_app.showday.service import GateService
from studio_app.shows import ShowSummary, find_show
from studio_app.store.handle import StoreHandle


class ShowNotFoundError(LookupError):
    """No live show of that id (or no show at all when the newest was asked for)."""


@dataclass(frozen=True)
class CheckEntry:
    run_id: str
    verdict: str  # as ``check --json`` prints it
    at: datetime


@dataclass(frozen=True)
class DrillEntry:
    """A failover drill run for the show: whether the backup line carried the stream path, and how fast."""

    run_id: str
    kind: str  # "failover"
    verdict: str  # as ``check --json`` prints it
    at: datetime
    mode: str | None  # "route": the main line was taken away; "bound": sockets bound to the hotspot
    interface: str | None
    switch_s: float | None
    upload_mbps: float | None

    def to_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "kind": self.kind,
            "verdict": self.verdict,
            "at": _iso(self.at),
            "mode": self.mode,
            "interface": self.interface,
            "switch_s": self.switch_s,
            "upload_mbps": self.upload_mbps,
        }


@dataclass(frozen=True)
class ComplianceEntry:
    checked_by: str
    at: datetime
    accepted: bool
    forbidden: int
    note: str


@dataclass(frozen=True)
class LogMark:
    """A run-log event the record lists by time: a promo or a cue."""

    at: datetime
    text: str


@dataclass(frozen=True)
class AlertEntry:
    kind: str
    start: datetime
    end: datetime | None
    acknowledged: bool


@dataclass(frozen=True)
class IncidentEntry:
    at: datetime
    kind: str
    description: str
    fix: str


@dataclass(frozen=True)
class SegmentEntry:
    index: int
    title: str
    planned_s: float
    actual_s: float | None  # None: never went on air


@dataclass(frozen=True)
class QuestionEntry:
    text: str
    starred: bool
    status: str  # queued, shown, answered, unanswered
    asked_at: datetime
    shown_at: datetime | None
    segment_index: int | None


@dataclass(frozen=True)
class ShowReport:
    show: ShowSummary
    checks: tuple[CheckEntry, ...]
    compliance: tuple[ComplianceEntry, ...]
    promos_due: tuple[LogMark, ...]
    promos_done: tuple[LogMark, ...]
    promos_missed: tuple[LogMark, ...]
    cues: tuple[LogMark, ...]
    alerts: tuple[AlertEntry, ...]
    incidents: tuple[IncidentEntry, ...]
    segments: tuple[SegmentEntry, ...]
    checklist: GateStatus  # the pre-show gate, its automatic items as of going live (or now)
    questions: tuple[QuestionEntry, ...] = ()
    drills: tuple[DrillEntry, ...] = ()

    @property
    def planned_end(self) -> datetime | None:
        if self.show.planned_start is None:
            return None
        return self.show.planned_start + timedelta(minutes=self.show.planned_minutes)

    def to_json(self) -> dict[str, Any]:
        """The ``show report --json`` object; times in ISO 8601."""
        return {
            "show": {
                "id": self.show.id,
                "title": self.show.title,
                "planned_start": _iso(self.show.planned_start),
                "planned_end": _iso(self.planned_end),
                "actual_start": _iso(self.show.started_at),
                "actual_end": _iso(self.show.ended_at),
            },
            "checks": [{"run_id": c.run_id, "verdict": c.verdict, "at": _iso(c.at)} for c in self.checks],
            "checklist": _checklist_json(self.checklist),
            "compliance": [
                {
                    "checked_by": c.checked_by,
                    "at": _iso(c.at),
                    "accepted": c.accepted,
                    "forbidden": c.forbidden,
                    "note": c.note,
                }
                for c in self.compliance
            ],
            "promos": {
                "due": [_mark(m) for m in self.promos_due],
                "done": [_mark(m) for m in self.promos_done],
                "missed": [_mark(m) for m in self.promos_missed],
            },
            "cues": [_mark(m) for m in self.cues],
            "alerts": [
                {"kind": a.kind, "start": _iso(a.start), "end": _iso(a.end), "acknowledged": a.acknowledged}
                for a in self.alerts
            ],
            "incidents": [
                {"at": _iso(i.at), "kind": i.kind, "description": i.description, "fix": i.fix}
                for i in self.incidents
            ],
            "segments": [
                {"index": s.index, "title": s.title, "planned_s": s.planned_s, "actual_s": s.actual_s}
                for s in self.segments
            ],
            "questions": [
                {
                    "text": q.text,
                    "starred": q.starred,
                    "status": q.status,
                    "asked_at": _iso(q.asked_at),
                    "shown_at": _iso(q.shown_at),
                    "segment_index": q.segment_index,
                }
                for q in self.questions
            ],
            # Failover drills of the backup line (issue 10, item 7); also listed under "checks" as runs.
            "drills": [d.to_json() for d in self.drills],
        }


def _iso(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat()


def _checklist_json(gate: GateStatus) -> dict[str, Any]:
    return {
        "clear": gate.clear,
        "automatic": [{"kind": a.kind.value, "state": a.state.value, "detail": a.detail} for a in gate.auto],
        "items": [
            {"title": i.title, "state": i.state.value, "by": i.by, "at": _iso(i.at)} for i in gate.items
        ],
        "prices": [
            {
                "link_no": p.link_no,
                "name": p.name,
                "live_price": None if p.live_price is None else str(p.live_price),
                "confirmed_by": p.confirmed_by,
                "at": _iso(p.confirmed_at),
            }
            for p in gate.prices
        ],
        "overrides": [
            {"reason": o.reason, "by": o.by, "at": _iso(o.at), "blockers": list(o.blockers)}
            for o in gate.overrides
        ],
    }


def checklist_lines(gate: GateStatus) -> list[str]:
    """The gate in the text report, in the UI language."""
    state = translate("ShowReport", "clear") if gate.clear else translate("ShowReport", "not clear")
    lines = [translate("ShowReport", "Pre-show checklist: {state}").format(state=state)]
    lines += [f"  [{a.state.value}] {a.title}: {a.detail}" for a in gate.auto]
    for item in gate.items:
        who = f"  {item.by} {item.at:%H:%M}" if item.at is not None else ""
        lines.append(f"  [{item.state.value}] {item.title}{who}")
    for o in gate.overrides:
        lines.append(
            "  "
            + translate("ShowReport", "Override by {who} at {at}: {reason}").format(
                who=o.by, at=f"{o.at:%Y-%m-%d %H:%M}", reason=o.reason
            )
        )
    return lines


def _mark(mark: LogMark) -> dict[str, Any]:
    return {"at": _iso(mark.at), "text": mark.text}


def build_show_report(handle: StoreHandle, show_id: str | None = None) -> ShowReport:
    show = find_show(handle.db, show_id)
    if show is None:
        raise ShowNotFoundError(show_id or "")
    script_service = ScriptService(handle)
    checks = CheckService(handle)
    log = script_service.run_log(show.id)
    show = _on_air_times(show, log)
    return ShowReport(
        show=show,
        checks=tuple(CheckEntry(c.id, c.verdict.value, c.started_at) for c in checks.show_checks(show.id)),
        compliance=tuple(
            ComplianceEntry(r.checked_by, r.checked_at, r.accepted, r.forbidden, r.note)
            for r in script_service.list_records(show.id)
        ),
        promos_due=_marks(log, RunLogKind.PROMO_DUE),
        promos_done=_marks(log, RunLogKind.PROMO_DONE),
        promos_missed=_marks(log, RunLogKind.PROMO_MISSED),
        cues=_marks(log, RunLogKind.CUE),
        # The watch has no acknowledge button: an alert is dealt with once its condition cleared.
        alerts=tuple(
            AlertEntry(a.kind, a.raised_at, a.cleared_at, a.acknowledged_at is not None)
            for a in checks.show_alerts(show.id)
        ),
        incidents=tuple(
            IncidentEntry(i.at, i.kind, i.description, i.fix)
            for i in MetricsService(handle).incidents(show.id)
        ),
        segments=segment_durations(script_service.load_show(show.id).script, log, show.ended_at),
        checklist=GateService(handle).status(show.id, show.started_at),
        questions=tuple(
            QuestionEntry(q.text, q.starred, q.status.value, q.asked_at, q.shown_at, q.segment_index)
            for q in LiveRoomService(handle).questions(show.id)
        ),
        drills=tuple(
            DrillEntry(
                d.run_id,
                d.kind,
                d.verdict.value,
                d.at,
                _text(d.metrics.get("mode")),
                _text(d.metrics.get("interface")),
                _number(d.metrics.get("switch_s")),
                _number(d.metrics.get("upload_mbps")),
            )
            for d in checks.show_drills(show.id)
        ),
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _on_air_times(show: ShowSummary, log: tuple[RunLogEvent, ...]) -> ShowSummary:
    """The show with its actual start and end from the run log where its row has none: going live in the
    script runner logs them, it does not edit the show."""
    starts = [e.at for e in log if e.kind is RunLogKind.SHOW_START]
    ends = [e.at for e in log if e.kind is RunLogKind.SHOW_END]
    return replace(
        show,
        started_at=show.started_at or (starts[0] if starts else None),
        ended_at=show.ended_at or (ends[-1] if ends else None),
    )


def _marks(log: tuple[RunLogEvent, ...], kind: RunLogKind) -> tuple[LogMark, ...]:
    return tuple(LogMark(e.at, _event_text(e)) for e in log if e.kind is kind)


def _event_text(event: RunLogEvent) -> str:
    for key in ("text", "title", "slot", "promo"):
        if event.payload.get(key) is not None:
            return str(event.payload[key])
    return ""


def segment_durations(
    script: Script | None, log: tuple[RunLogEvent, ...], show_end: datetime | None
) -> tuple[SegmentEntry, ...]:
    """Each rundown segment's planned time against its time on air (summed when it was run twice).

    A segment on air runs until its end, the next segment's start or the end of the show, whichever
    the log has first.
    """
    actual: dict[int, float] = {}
    open_index: int | None = None
    open_at: datetime | None = None

    def close(at: datetime | None) -> None:
        nonlocal open_index, open_at
        if open_index is not None and open_at is not None and at is not None:
            actual[open_index] = actual.get(open_index, 0.0) + (at - open_at).total_seconds()
        open_index, open_at = None, None

    for event in log:
        if event.kind is RunLogKind.SEGMENT_START and event.segment_index is not None:
            close(event.at)
            open_index, open_at = event.segment_index, event.at
        elif event.kind in (RunLogKind.SEGMENT_END, RunLogKind.SHOW_END):
            close(event.at)
    close(show_end)
    segments = script.segments if script is not None else ()
    return tuple(
        SegmentEntry(index, segment.title, segment.planned_seconds, actual.get(index))
        for index, segment in enumerate(segments)
    )
