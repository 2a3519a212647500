"""The on-air alerts of a show on its review timeline (事故记录): each stored alert becomes an incident
line (when, which device, what, how long, whether someone acknowledged it) so nobody has to type it in.

The data room's review lists the metrics area's incidents; the alerts are the device check's. This sits
above both and merges them, by time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from studio_app.i18n import translate
from studio_app.metrics.service import IncidentRow, ShowBundle
from studio_app.probes.labels import alert_label
from studio_app.probes.repo import AlertSpan


def alert_incident(alert: AlertSpan) -> IncidentRow:
    if alert.cleared_at is None:
        lasted = translate("AlertTimeline", "not cleared")
    else:
        seconds = round((alert.cleared_at - alert.raised_at).total_seconds())
        lasted = translate("AlertTimeline", "lasted {m} min {s} s").format(m=seconds // 60, s=seconds % 60)
    heeded = (
        translate("AlertTimeline", "acknowledged")
        if alert.acknowledged_at is not None
        else translate("AlertTimeline", "not acknowledged")
    )
    return IncidentRow(
        at=alert.raised_at,
        kind=translate("AlertTimeline", "⚠ Alert: {device}").format(device=alert_label(alert.kind)),
        description=f"{alert.message} · {lasted} · {heeded}",
        fix="",
    )


def with_alert_incidents(bundle: ShowBundle, alerts: Sequence[AlertSpan]) -> ShowBundle:
    """The bundle with the show's alerts among its incidents, oldest first."""
    merged = sorted((*bundle.incidents, *map(alert_incident, alerts)), key=lambda incident: incident.at)
    return replace(bundle, incidents=tuple(merged))
