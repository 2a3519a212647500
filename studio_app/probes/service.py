"""The device check's use-cases, as the panel and the command call them: profiles, runs, history, alerts.

Reads open a session of their own on the calling thread (WAL lets them run beside a write); every write
goes through the store's one writer. Blocking by design: the panel calls these from a pool thread
(``ui.workers.run_in_thread``), the command from its main thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from studio_app.i18n import translate
from studio_app.probes import repo
from studio_app.probes.drill import DrillConfig, run_failover_drill
from studio_app.probes.plan import DEFAULT_DURATION_S, plan_tasks
from studio_app.probes.profile import StudioProfile
from studio_app.probes.repo import AlertSpan, MetricPoint, RunSummary, ShowCheck, ShowDrill
from studio_app.probes.runner import CheckRun, Progress, run_checks
from studio_app.probes.watch import WatchEvents
from studio_app.store.handle import StoreHandle
from studio_app.store.live import get_live
from studio_app.store.models.checks import CheckProfile, CheckRunRow, OnAirAlert, ProbeResultRow
from studio_app.store.models.core import Show
from studio_app.store.writer import Changes

HISTORY_DAYS = 30
HISTORY_RUNS = 200

# What a view of profiles or of the history shows; it reloads when a write (or a sync round) touches one.
PROFILE_TABLES = (CheckProfile.__tablename__,)
RUN_TABLES = (CheckRunRow.__tablename__, ProbeResultRow.__tablename__)
ALERT_TABLES = (OnAirAlert.__tablename__,)


@dataclass(frozen=True)
class Profiles:
    """The stored profiles (the built-in default first) and the one marked as default."""

    profiles: tuple[StudioProfile, ...]
    default: StudioProfile


class DrillSetupError(ValueError):
    """The drill cannot start (no hotspot or no ingest named); the message says what to set."""


@dataclass(frozen=True)
class SavedRun:
    run: CheckRun
    run_id: str


@dataclass(frozen=True)
class DeviceTrends:
    noise_floor_dbfs: tuple[tuple[float, float], ...] = ()
    upload_mbps: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class CheckHistory:
    """The history table's runs (newest first) and the uplink graph's series, (epoch seconds, value)."""

    runs: tuple[RunSummary, ...]
    rtt_ms: tuple[tuple[float, float], ...]
    upload_mbps: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class OpenAlert:
    """An on-air alert that stands and that nobody acknowledged yet."""

    id: str
    kind: str
    message: str
    raised_at: datetime
    show_id: str | None


class CheckService:
    def __init__(self, handle: StoreHandle) -> None:
        self._handle = handle

    # ------------------------------------------------------------ profiles

    def _ensure_default_profile(self) -> None:
        # The built-in default is stored on first use; that first use is a write, so it goes to the writer.
        with self._handle.db.session() as s:
            present = repo.has_default_profile(s)
        if not present:
            self._handle.writer.run(repo.ensure_default_profile)

    def load_profiles(self) -> Profiles:
        self._ensure_default_profile()
        with self._handle.db.session() as s:
            return Profiles(tuple(repo.list_profiles(s)), repo.get_profile(s, None))

    def profile(self, name: str | None = None) -> StudioProfile:
        """The named profile, or the default; a ProfileError names the known ones when it is unknown."""
        self._ensure_default_profile()
        with self._handle.db.session() as s:
            return repo.get_profile(s, name)

    def save_profile(self, profile: StudioProfile, *, make_default: bool = False) -> Changes:
        def op(s: Session) -> None:
            repo.save_profile(s, profile, make_default=make_default)

        return self._handle.writer.run(op).changes

    def delete_profile(self, name: str) -> Changes:
        """Tombstones the profile (``deleted_at``), so the deletion reaches the other desktops by sync."""
        now = self._handle.clock.now()

        def op(s: Session) -> None:
            repo.delete_profile(s, name, now)

        return self._handle.writer.run(op).changes

    # ------------------------------------------------------------ runs

    def run_check(
        self,
        profile: StudioProfile,
        selection: Collection[str],
        *,
        source: str,
        duration_s: float = DEFAULT_DURATION_S,
        cancel: threading.Event | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        show_id: str | None = None,
    ) -> SavedRun:
        """Run the selected probes, keep the results of the selected ones only, and store the run.

        Selecting ``camera`` runs the camera task, which measures lighting too; ``lighting`` is kept only
        when it was selected.
        """
        tasks = plan_tasks(profile, selection, duration_s)
        run = run_checks(
            profile, tasks, clock=self._handle.clock, cancel=cancel, on_progress=on_progress, source=source
        )
        run = replace(run, results=tuple(r for r in run.results if r.probe in selection))
        return SavedRun(run, self.save_run(run, show_id=show_id))

    def run_drill(
        self,
        profile: StudioProfile,
        *,
        source: str,
        show_id: str | None = None,
        cancel: threading.Event | None = None,
        allow_route_change: bool = True,
        switch_timeout_s: float = 15.0,
    ) -> SavedRun:
        """The failover drill over the profile's hotspot to its ingest, stored as a run of its own (one
        ``failover`` result, linked to the show when given). Blocks for up to ~25 s: call it off the GUI
        thread. Raises :class:`DrillSetupError` when the profile names no hotspot or no ingest."""
        if not profile.hotspot_interface.strip():
            raise DrillSetupError(
                translate(
                    "Drill", "Name the backup hotspot's network interface first (profile or --hotspot)."
                )
            )
        if not profile.ingest_url.strip():
            raise DrillSetupError(translate("Drill", "Name the ingest address first (profile or --ingest)."))
        config = DrillConfig(
            ingest=profile.ingest_url,
            hotspot=profile.hotspot_interface.strip(),
            upload_target=profile.upload_target or None,
            push_bitrate_mbps=profile.push_bitrate_mbps,
            thresholds=profile.thresholds,
            switch_timeout_s=switch_timeout_s,
            allow_route_change=allow_route_change,
        )
        started_at = self._handle.clock.now()
        result = run_failover_drill(config, cancel)
        cancelled = cancel is not None and cancel.is_set()
        run = CheckRun(profile, started_at, result.duration_s, (result,), source, cancelled)
        return SavedRun(run, self.save_run(run, show_id=show_id))

    def save_run(self, run: CheckRun, *, show_id: str | None = None) -> str:
        def op(s: Session) -> str:
            return repo.save_run(s, run, show_id=show_id)

        return self._handle.writer.run(op).value

    def load_run(self, run_id: str) -> CheckRun:
        """Raises :class:`~studio_app.probes.repo.RunNotFoundError` when it was deleted (here or by sync)."""
        with self._handle.db.session() as s:
            return repo.load_run(s, run_id)

    def show_exists(self, show_id: str) -> bool:
        with self._handle.db.session() as s:
            return get_live(s, Show, show_id) is not None

    def show_checks(self, show_id: str) -> tuple[ShowCheck, ...]:
        with self._handle.db.session() as s:
            return tuple(repo.show_checks(s, show_id))

    def show_drills(self, show_id: str) -> tuple[ShowDrill, ...]:
        with self._handle.db.session() as s:
            return tuple(repo.show_drills(s, show_id))

    def show_alerts(self, show_id: str) -> tuple[AlertSpan, ...]:
        with self._handle.db.session() as s:
            return tuple(repo.show_alerts(s, show_id))

    def list_runs(self, limit: int = HISTORY_RUNS) -> tuple[RunSummary, ...]:
        with self._handle.db.session() as s:
            return tuple(repo.list_runs(s, limit=limit))

    def metric_series(
        self, probe: str, metric: str, since: datetime | None = None
    ) -> tuple[MetricPoint, ...]:
        """One metric of one probe, oldest first; the last :data:`HISTORY_DAYS` days unless ``since``."""
        start = since if since is not None else self._handle.clock.now() - timedelta(days=HISTORY_DAYS)
        with self._handle.db.session() as s:
            return tuple(repo.metric_history(s, probe, metric, start))

    def plotted_series(
        self, probe: str, metric: str, since: datetime | None = None
    ) -> tuple[tuple[float, float], ...]:
        """:meth:`metric_series` as (epoch seconds, value) pairs, what a chart plots."""
        return tuple((p.at.timestamp(), p.value) for p in self.metric_series(probe, metric, since))

    def history(self) -> CheckHistory:
        return CheckHistory(
            self.list_runs(),
            self.plotted_series("network", "rtt_ms"),
            self.plotted_series("network", "upload_mbps"),
        )

    def device_trends(self) -> DeviceTrends:
        """The microphone's noise floor and the upload over the history window (the data room's tab)."""
        return DeviceTrends(
            self.plotted_series("mic", "noise_floor_dbfs"), self.plotted_series("network", "upload_mbps")
        )

    # ------------------------------------------------------------ on-air watch

    def record_watch_events(
        self, events: WatchEvents, open_alerts: Mapping[str, str], *, show_id: str | None = None
    ) -> dict[str, str]:
        """Store the alerts a watch tick raised (with the show on air, if any) and mark those it cleared;
        returns the stored ids of the alerts still open, by kind (pass it to the next call)."""
        still_open = dict(open_alerts)
        if not (events.raised or events.cleared):
            return still_open
        now = self._handle.clock.now()

        def op(s: Session) -> dict[str, str]:
            for alert in events.raised:
                still_open[alert.kind] = repo.save_alert(
                    s,
                    kind=alert.kind,
                    status=alert.status,
                    raised_at=alert.raised_at,
                    message=alert.message,
                    fix=alert.fix,
                    value=alert.value,
                    show_id=show_id,
                )
            for alert in events.cleared:
                alert_id = still_open.pop(alert.kind, None)
                if alert_id:
                    repo.clear_alert(s, alert_id, alert.cleared_at or now)
            return still_open

        return self._handle.writer.run(op).value

    def close_alerts(self, open_alerts: Mapping[str, str]) -> Changes:
        """The watch was switched off (or the show ended): the alerts it still held end now."""
        now = self._handle.clock.now()

        def op(s: Session) -> None:
            for alert_id in open_alerts.values():
                repo.clear_alert(s, alert_id, now)

        return self._handle.writer.run(op).changes

    def open_alerts(self) -> tuple[OpenAlert, ...]:
        with self._handle.db.session() as s:
            return tuple(
                OpenAlert(row.id, row.kind, row.message, row.raised_at, row.show_id)
                for row in repo.list_open_alerts(s)
            )

    def acknowledge_alert(self, alert_id: str) -> Changes:
        """Someone saw the alert: it is stored with the time, and it leaves the open ones."""
        now = self._handle.clock.now()

        def op(s: Session) -> None:
            repo.acknowledge_alert(s, alert_id, now)

        return self._handle.writer.run(op).changes
