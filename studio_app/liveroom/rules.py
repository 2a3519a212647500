"""The live room's rules: the show against its own baseline, a product's click rate, the hot products.

Every rule compares the show with itself (a rolling median of the last hour), never with a fixed number:
a small room's 40 s dwell is as normal for it as a big room's 90 s. Each alert carries the action the
operator can send to the host as a cue with one click. One place for the thresholds: :class:`Thresholds`.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import median

from studio_app.i18n import translate
from studio_app.liveroom.numbers import ProductNumbers, ProductTable, RoomPoint


@dataclass(frozen=True)
class Thresholds:
    baseline_window_s: float = 3600.0  # the baseline is the median of the hour before the recent window
    recent_window_s: float = 180.0  # "now" is the median of the last three minutes
    min_baseline_points: int = 5  # no alert before the show has a baseline
    drop_ratio: float = 0.75  # dwell or interaction below 75 % of the baseline raises an alert
    click_collapse_ratio: float = 0.5  # a product's recent click rate below half its own earlier rate
    min_recent_exposures: int = 200  # ... measured on at least this many new exposures
    hot_window_s: float = 600.0  # the hot-product ranking looks at the last ten minutes


class AlertKind(enum.StrEnum):
    DWELL = "dwell"
    INTERACTION = "interaction"
    CLICK_RATE = "click_rate"


@dataclass(frozen=True)
class DataAlert:
    key: str  # one alert per key stands at a time: the kind, or the kind and the product
    kind: AlertKind
    message: str  # for the operator (translated)
    cue: str  # the suggested action, as the host reads it on the prompter (translated, short)
    value: float
    baseline: float
    product: str = ""


@dataclass(frozen=True)
class Baseline:
    recent: float | None
    baseline: float | None

    @property
    def ratio(self) -> float | None:
        if self.recent is None or not self.baseline:
            return None
        return self.recent / self.baseline


def baseline_of(
    points: Sequence[tuple[datetime, float]], now: datetime, thresholds: Thresholds = Thresholds()
) -> Baseline:
    """The median of the recent window against the median of the hour before it."""
    recent_from = now - timedelta(seconds=thresholds.recent_window_s)
    base_from = recent_from - timedelta(seconds=thresholds.baseline_window_s)
    recent = [v for at, v in points if recent_from < at <= now]
    base = [v for at, v in points if base_from < at <= recent_from]
    return Baseline(
        median(recent) if recent else None,
        median(base) if len(base) >= thresholds.min_baseline_points else None,
    )


def room_baselines(
    points: Sequence[RoomPoint], now: datetime, thresholds: Thresholds = Thresholds()
) -> tuple[Baseline, Baseline]:
    """Dwell and interaction: now against the show's own baseline."""
    dwell = baseline_of(
        [(p.at, p.avg_watch_seconds) for p in points if p.avg_watch_seconds is not None], now, thresholds
    )
    interaction = baseline_of(
        [(p.at, float(p.interactions)) for p in points if p.interactions is not None], now, thresholds
    )
    return dwell, interaction


def room_alerts(
    dwell: Baseline, interaction: Baseline, thresholds: Thresholds = Thresholds()
) -> list[DataAlert]:
    """An alert for each of dwell and interaction below its baseline."""
    checks = (
        (
            AlertKind.DWELL,
            dwell,
            translate("LiveRoom", "Dwell fell to {now:.0f} s (the show's usual {base:.0f} s)"),
            translate("LiveRoom", "Viewers leaving: switch the demo / bring out an offer"),
        ),
        (
            AlertKind.INTERACTION,
            interaction,
            translate("LiveRoom", "Interaction fell to {now:.0f}/min (the show's usual {base:.0f}/min)"),
            translate("LiveRoom", "Room is quiet: ask a question / start a lucky draw"),
        ),
    )
    alerts = []
    for kind, line, message, cue in checks:
        ratio = line.ratio
        if ratio is not None and ratio < thresholds.drop_ratio:
            assert line.recent is not None and line.baseline is not None
            alerts.append(
                DataAlert(
                    key=kind.value,
                    kind=kind,
                    message=message.format(now=line.recent, base=line.baseline),
                    cue=cue,
                    value=line.recent,
                    baseline=line.baseline,
                )
            )
    return alerts


def _at_or_before(tables: Sequence[ProductTable], when: datetime) -> ProductTable | None:
    earlier = [t for t in tables if t.at <= when]
    return max(earlier, key=lambda t: t.at) if earlier else None


def click_rate_alerts(
    tables: Sequence[ProductTable], now: datetime, thresholds: Thresholds = Thresholds()
) -> list[DataAlert]:
    """A product whose click rate over the recent window collapsed against its own rate before it."""
    latest = _at_or_before(tables, now)
    before = _at_or_before(tables, now - timedelta(seconds=thresholds.recent_window_s))
    if latest is None or before is None or before is latest:
        return []
    earlier = {p.key: p for p in before.products}
    alerts = []
    for product in latest.products:
        old = earlier.get(product.key)
        if old is None or old.click_rate is None:
            continue
        new_exposures = product.exposures - old.exposures
        if new_exposures < thresholds.min_recent_exposures:
            continue
        recent_rate = (product.clicks - old.clicks) / new_exposures
        if recent_rate < old.click_rate * thresholds.click_collapse_ratio:
            alerts.append(
                DataAlert(
                    key=f"{AlertKind.CLICK_RATE.value}:{product.key}",
                    kind=AlertKind.CLICK_RATE,
                    message=translate(
                        "LiveRoom", "{name}: click rate fell to {now:.1%} (was {base:.1%})"
                    ).format(name=product.name, now=recent_rate, base=old.click_rate),
                    cue=translate("LiveRoom", "{name} not clicked: show it again / name the offer").format(
                        name=product.name[:12]
                    ),
                    value=recent_rate,
                    baseline=old.click_rate,
                    product=product.name,
                )
            )
    return alerts


@dataclass(frozen=True)
class HotProduct:
    product: ProductNumbers  # totals so far
    recent_clicks: int
    recent_orders: int
    recent_gmv_fen: int


def hot_products(
    tables: Sequence[ProductTable], now: datetime, thresholds: Thresholds = Thresholds()
) -> list[HotProduct]:
    """Products by what they sold in the last ten minutes, then by clicks; the whole show so far when
    there is only one table."""
    latest = _at_or_before(tables, now)
    if latest is None:
        return []
    before = _at_or_before(tables, now - timedelta(seconds=thresholds.hot_window_s))
    earlier = {p.key: p for p in before.products} if before is not None and before is not latest else {}
    ranked = []
    for product in latest.products:
        old = earlier.get(product.key, ProductNumbers(product.key, product.name))
        ranked.append(
            HotProduct(
                product,
                recent_clicks=product.clicks - old.clicks,
                recent_orders=product.orders - old.orders,
                recent_gmv_fen=product.gmv_fen - old.gmv_fen,
            )
        )
    ranked.sort(key=lambda h: (-h.recent_gmv_fen, -h.recent_clicks, h.product.name))
    return ranked


@dataclass
class AlertBook:
    """The alerts standing now: a condition raises its alert once and clears it when it passes."""

    standing: dict[str, DataAlert] = field(default_factory=dict)

    def update(self, current: Sequence[DataAlert]) -> tuple[list[DataAlert], list[DataAlert]]:
        """Take the conditions true now; returns (newly raised, cleared)."""
        now_keys = {a.key: a for a in current}
        raised = [a for key, a in now_keys.items() if key not in self.standing]
        cleared = [a for key, a in self.standing.items() if key not in now_keys]
        self.standing = now_keys
        return raised, cleared
