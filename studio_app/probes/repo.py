"""Reading and writing the device check's tables: profiles, runs, metric series, on-air alerts.

Functions take an open session (``with db.session() as s:``) so callers choose the unit of work. Values go
in and out as the domain's frozen dataclasses; rows never leave this module.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from studio_app.i18n import translate
from studio_app.probes.drill import DRILL_KINDS
from studio_app.probes.profile import (
    DEFAULT_PROFILE_NAME,
    ProfileError,
    StudioProfile,
    default_profile,
    profile_from_json,
    profile_to_json,
)
from studio_app.probes.result import Finding, ProbeResult, ProbeStatus
from studio_app.probes.runner import CheckRun
from studio_app.probes.verdict import Verdict
from studio_app.store.live import get_live, is_live, not_deleted, tombstone
from studio_app.store.models.checks import CheckProfile, CheckRunRow, OnAirAlert, ProbeResultRow


@dataclass(frozen=True)
class RunSummary:
    """One line of the history table."""

    id: str
    started_at: datetime
    verdict: Verdict
    profile_name: str
    duration_s: float
    source: str
    statuses: tuple[tuple[str, ProbeStatus], ...]


class RunNotFoundError(KeyError):
    """The run is not stored, or it was deleted (here, or elsewhere and synced)."""

    def __str__(self) -> str:  # KeyError's own str() is the bare repr of the key
        return translate(
            "ChecksStore", "This check run no longer exists; it may have been deleted on another computer."
        )


@dataclass(frozen=True)
class MetricPoint:
    at: datetime
    value: float
    run_id: str


# ---------------------------------------------------------------- profiles


# Two desktops may each create a profile of the same name offline (both make the built-in default on first
# use); after sync both rows are live. Every desktop then uses the same one: the oldest, ties by id.
_SAME_NAME_ORDER = (CheckProfile.created_at, CheckProfile.id)


def _live_profiles(session: Session) -> list[CheckProfile]:
    rows = session.scalars(
        select(CheckProfile).where(not_deleted(CheckProfile)).order_by(CheckProfile.name, *_SAME_NAME_ORDER)
    )
    return list(rows)


def list_profiles(session: Session) -> list[StudioProfile]:
    """Stored profiles by name; the built-in default is always first (stored on first use)."""
    ensure_default_profile(session)
    out: list[StudioProfile] = []
    seen: set[str] = set()
    for row in _live_profiles(session):
        if row.name in seen:
            continue  # a same-named twin from another desktop (see _SAME_NAME_ORDER)
        seen.add(row.name)
        try:
            out.append(profile_from_json(row.data_json))
        except ProfileError:
            continue  # a profile synced from a newer version; leave it to that version
    out.sort(key=lambda p: (p.name != DEFAULT_PROFILE_NAME, p.name))
    return out


def get_profile(session: Session, name: str | None) -> StudioProfile:
    """The named profile, or the default when ``name`` is None. Raises ProfileError when it is unknown."""
    ensure_default_profile(session)
    if name is None:
        row = session.scalars(
            select(CheckProfile)
            .where(not_deleted(CheckProfile), CheckProfile.is_default)
            .order_by(*_SAME_NAME_ORDER)
        ).first()
        return profile_from_json(row.data_json) if row else default_profile()
    row = session.scalars(
        select(CheckProfile)
        .where(not_deleted(CheckProfile), CheckProfile.name == name)
        .order_by(*_SAME_NAME_ORDER)
    ).first()
    if row is None:
        names = ", ".join(p.name for p in list_profiles(session))
        raise ProfileError(
            translate("ChecksStore", "There is no profile named “{name}”. Known profiles: {names}.").format(
                name=name, names=names
            )
        )
    return profile_from_json(row.data_json)


def save_profile(session: Session, profile: StudioProfile, *, make_default: bool = False) -> None:
    """Insert or replace the profile of that name."""
    row = session.scalars(
        select(CheckProfile)
        .where(not_deleted(CheckProfile), CheckProfile.name == profile.name)
        .order_by(*_SAME_NAME_ORDER)
    ).first()
    if row is None:
        row = CheckProfile(name=profile.name, data_json=profile_to_json(profile), is_default=False)
        session.add(row)
    else:
        row.data_json = profile_to_json(profile)
    if make_default:
        for other in _live_profiles(session):
            other.is_default = other is row
        row.is_default = True
    session.flush()


def delete_profile(session: Session, name: str, now: datetime) -> None:
    """Tombstone a profile (a synced row is never hard-deleted). The default profile cannot be deleted."""
    if name == DEFAULT_PROFILE_NAME:
        raise ProfileError(translate("ChecksStore", "The built-in default profile cannot be deleted."))
    for row in _live_profiles(session):
        if row.name == name:
            tombstone(row, now)
            if row.is_default:
                row.is_default = False
    session.flush()


def has_default_profile(session: Session) -> bool:
    """Whether the built-in default profile is stored (it is, once anything has listed the profiles)."""
    found = session.scalars(
        select(CheckProfile.id).where(not_deleted(CheckProfile), CheckProfile.name == DEFAULT_PROFILE_NAME)
    ).first()
    return found is not None


def ensure_default_profile(session: Session) -> None:
    if not has_default_profile(session):
        has_default = session.scalars(
            select(CheckProfile.id).where(not_deleted(CheckProfile), CheckProfile.is_default)
        ).first()
        session.add(
            CheckProfile(
                name=DEFAULT_PROFILE_NAME,
                data_json=profile_to_json(default_profile()),
                is_default=has_default is None,
            )
        )
        session.flush()


# ---------------------------------------------------------------- runs


def _json_safe(value: object) -> Any:
    """NaN and infinities are not JSON; store them as null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def save_run(session: Session, run: CheckRun, *, show_id: str | None = None) -> str:
    """Store a run with every probe's metrics and findings; returns its id."""
    row = CheckRunRow(
        show_id=show_id,
        profile_name=run.profile.name,
        profile_json=profile_to_json(run.profile),
        started_at=run.started_at,
        duration_s=run.duration_s,
        verdict=run.verdict.value,
        source=run.source,
        cancelled=run.cancelled,
    )
    for position, result in enumerate(run.results):
        row.results.append(
            ProbeResultRow(
                position=position,
                probe=result.probe,
                status=result.status.value,
                message=result.message,
                duration_s=result.duration_s,
                metrics={k: _json_safe(v) for k, v in result.metrics.items()},
                findings=[
                    {"status": f.status.value, "code": f.code, "message": f.message, "fix": f.fix}
                    for f in result.findings
                ],
            )
        )
    session.add(row)
    session.flush()
    return row.id


def list_runs(session: Session, limit: int = 100) -> list[RunSummary]:
    """Newest first."""
    rows = session.scalars(
        select(CheckRunRow)
        .where(not_deleted(CheckRunRow))
        .order_by(CheckRunRow.started_at.desc())
        .limit(limit)
        .options(selectinload(CheckRunRow.results))
    )
    return [
        RunSummary(
            row.id,
            row.started_at,
            Verdict(row.verdict),
            row.profile_name,
            row.duration_s,
            row.source,
            tuple((r.probe, ProbeStatus(r.status)) for r in row.results if is_live(r)),
        )
        for row in rows
    ]


@dataclass(frozen=True)
class ShowCheck:
    """A run linked to a show: what the show's record lists."""

    id: str
    started_at: datetime
    verdict: Verdict


def show_checks(session: Session, show_id: str) -> list[ShowCheck]:
    """The show's check runs, oldest first."""
    rows = session.execute(
        select(CheckRunRow.id, CheckRunRow.started_at, CheckRunRow.verdict)
        .where(not_deleted(CheckRunRow), CheckRunRow.show_id == show_id)
        .order_by(CheckRunRow.started_at)
    )
    return [ShowCheck(run_id, at, Verdict(verdict)) for run_id, at, verdict in rows]


@dataclass(frozen=True)
class ShowDrill:
    """A failover drill run linked to a show, with what it measured."""

    run_id: str
    at: datetime
    verdict: Verdict
    kind: str  # the probe that stored it, e.g. "failover"
    status: ProbeStatus
    metrics: dict[str, Any]


def show_drills(session: Session, show_id: str, kinds: tuple[str, ...] = DRILL_KINDS) -> list[ShowDrill]:
    """The show's drills, oldest first: runs of the show holding a drill's result."""
    rows = session.execute(
        select(CheckRunRow.id, CheckRunRow.started_at, CheckRunRow.verdict, ProbeResultRow)
        .join(ProbeResultRow, ProbeResultRow.run_id == CheckRunRow.id)
        .where(
            not_deleted(CheckRunRow),
            not_deleted(ProbeResultRow),
            CheckRunRow.show_id == show_id,
            ProbeResultRow.probe.in_(kinds),
        )
        .order_by(CheckRunRow.started_at)
    )
    return [
        ShowDrill(run_id, at, Verdict(verdict), r.probe, ProbeStatus(r.status), dict(r.metrics))
        for run_id, at, verdict, r in rows
    ]


def load_run(session: Session, run_id: str) -> CheckRun:
    """One stored run; RunNotFoundError (a KeyError) when there is none or it was deleted."""
    row = get_live(session, CheckRunRow, run_id)
    if row is None:
        raise RunNotFoundError(run_id)
    try:
        profile = profile_from_json(row.profile_json)
    except ProfileError:
        profile = StudioProfile(name=row.profile_name)
    results = tuple(
        ProbeResult(
            r.probe,
            ProbeStatus(r.status),
            dict(r.metrics),
            tuple(
                Finding(ProbeStatus(f["status"]), f["code"], f["message"], f.get("fix", ""))
                for f in r.findings
            ),
            r.duration_s,
            r.message,
        )
        for r in row.results
        if is_live(r)
    )
    return CheckRun(profile, row.started_at, row.duration_s, results, row.source, row.cancelled)


def metric_history(session: Session, probe: str, metric: str, since: datetime) -> list[MetricPoint]:
    """One metric of one probe over time, oldest first, e.g. ``("mic", "noise_floor_dbfs", 30 days ago)``.

    Runs where the probe did not measure the metric (skipped, error, non-numeric) are left out, so a
    series plots only real measurements.
    """
    stmt = (
        select(CheckRunRow.started_at, CheckRunRow.id, ProbeResultRow.metrics)
        .join(ProbeResultRow, ProbeResultRow.run_id == CheckRunRow.id)
        .where(
            not_deleted(CheckRunRow),
            CheckRunRow.started_at >= since,
            not_deleted(ProbeResultRow),
            ProbeResultRow.probe == probe,
        )
        .order_by(CheckRunRow.started_at)
    )
    points: list[MetricPoint] = []
    for started_at, run_id, metrics in session.execute(stmt):
        value = (metrics or {}).get(metric)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            continue
        points.append(MetricPoint(started_at, float(value), run_id))
    return points


# ---------------------------------------------------------------- on-air alerts


def save_alert(
    session: Session,
    *,
    kind: str,
    status: ProbeStatus,
    raised_at: datetime,
    message: str,
    fix: str,
    value: float | None,
    show_id: str | None = None,
) -> str:
    row = OnAirAlert(
        show_id=show_id,
        kind=kind,
        status=status.value,
        raised_at=raised_at,
        message=message,
        fix=fix,
        value=_json_safe(value),
    )
    session.add(row)
    session.flush()
    return row.id


def clear_alert(session: Session, alert_id: str, cleared_at: datetime) -> None:
    row = get_live(session, OnAirAlert, alert_id)
    if row is not None and row.cleared_at is None:
        row.cleared_at = cleared_at


def acknowledge_alert(session: Session, alert_id: str, at: datetime) -> None:
    row = get_live(session, OnAirAlert, alert_id)
    if row is not None and row.acknowledged_at is None:
        row.acknowledged_at = at


def list_open_alerts(session: Session) -> list[OnAirAlert]:
    """Alerts that still stand and nobody acknowledged, oldest first."""
    return list(
        session.scalars(
            select(OnAirAlert)
            .where(
                not_deleted(OnAirAlert),
                OnAirAlert.cleared_at.is_(None),
                OnAirAlert.acknowledged_at.is_(None),
            )
            .order_by(OnAirAlert.raised_at)
        )
    )


@dataclass(frozen=True)
class AlertSpan:
    kind: str
    status: ProbeStatus
    raised_at: datetime
    cleared_at: datetime | None
    message: str
    acknowledged_at: datetime | None = None  # when someone pressed Acknowledge in the alert strip


def show_alerts(session: Session, show_id: str) -> list[AlertSpan]:
    """The on-air alerts raised during the show, oldest first."""
    rows = session.scalars(
        select(OnAirAlert)
        .where(not_deleted(OnAirAlert), OnAirAlert.show_id == show_id)
        .order_by(OnAirAlert.raised_at)
    )
    return [
        AlertSpan(r.kind, ProbeStatus(r.status), r.raised_at, r.cleared_at, r.message, r.acknowledged_at)
        for r in rows
    ]


def list_alerts(session: Session, since: datetime) -> list[OnAirAlert]:
    return list(
        session.scalars(
            select(OnAirAlert)
            .where(not_deleted(OnAirAlert), OnAirAlert.raised_at >= since)
            .order_by(OnAirAlert.raised_at)
        )
    )
