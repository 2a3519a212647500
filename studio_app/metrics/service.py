"""The data area's use-cases, for the data panel, the import dialog and ``studio-app data``: Qt-free.

Reads open a session on the calling thread (WAL lets them run beside a write); every write goes through
the handle's writer, one transaction per use-case, so an import is all rows or none. Values handed out are
frozen dataclasses, never ORM rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from studio_app.metrics import repo
from studio_app.metrics.columns import TableKind
from studio_app.metrics.imports import (
    CHINA_TZ,
    ColumnMapping,
    RawTable,
    detect_mapping,
    detect_table_kind,
    parse_samples,
    read_table,
)
from studio_app.metrics.keyed import KeyedMapping
from studio_app.metrics.product_review import ProductReview, product_review
from studio_app.metrics.products import detect_product_mapping, parse_products
from studio_app.metrics.review import MetricComparison, ShowReview, compare_reviews, review_show
from studio_app.metrics.room_review import (
    InteractionReview,
    TrafficReview,
    interaction_review,
    traffic_review,
)
from studio_app.metrics.samples import Sample
from studio_app.metrics.traffic import detect_traffic_mapping, parse_traffic
from studio_app.money import yuan_to_fen
from studio_app.shows import ShowSummary, find_show, show_rows, shows_between
from studio_app.store.handle import StoreHandle
from studio_app.store.live import get_live
from studio_app.store.models import Show
from studio_app.store.models.data import MetricImport

if TYPE_CHECKING:
    from studio_app.metrics.export import ReportInput

HISTORY_DAYS = 30

# What the data panel shows: a change to any of these is a reason to reload it.
DATA_TABLES = (
    "shows",
    "metric_samples",
    "metric_imports",
    "metric_manual_entries",
    "incidents",
    "ad_spend",
    "metric_products",
    "metric_traffic",
    "script_products",
    "run_log_events",
    "check_runs",
    "check_probe_results",
    "onair_alerts",  # shown among the review's incidents
)


@dataclass(frozen=True)
class ImportResult:
    import_id: str
    rows: int  # rows in the file
    written: int  # rows inserted or changed (0 when the same file is imported again)
    file_name: str
    encoding: str
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class IncidentRow:
    at: datetime
    kind: str
    description: str
    fix: str


@dataclass(frozen=True)
class ShowBreakdown:
    """The show's products, traffic sources and interaction (empty parts when no table gave them)."""

    products: ProductReview
    traffic: TrafficReview
    interaction: InteractionReview


def empty_breakdown() -> ShowBreakdown:
    return ShowBreakdown(product_review(()), traffic_review(()), interaction_review(()))


@dataclass(frozen=True)
class ReviewData:
    """One show's review: where its numbers come from, the numbers, and the run log's timeline."""

    show_id: str
    title: str
    source: str | None
    samples: tuple[Sample, ...]
    review: ShowReview
    timeline: repo.ShowTimeline
    incidents: tuple[IncidentRow, ...]
    breakdown: ShowBreakdown = field(default_factory=empty_breakdown)


@dataclass(frozen=True)
class ShowBundle:
    """Everything the data panel shows for one show."""

    show_id: str
    source: str | None
    samples: tuple[Sample, ...]
    review: ShowReview
    timeline: repo.ShowTimeline
    comparison: tuple[MetricComparison, ...]
    incidents: tuple[IncidentRow, ...]
    breakdown: ShowBreakdown = field(default_factory=empty_breakdown)


def empty_bundle() -> ShowBundle:
    """No show: empty charts and review."""
    return ShowBundle("", None, (), review_show(()), repo.ShowTimeline((), ()), (), ())


def week_start(at: datetime, tz: tzinfo) -> datetime:
    local = at.astimezone(tz)
    return (local - timedelta(days=local.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)


class MetricsService:
    def __init__(self, handle: StoreHandle) -> None:
        self._handle = handle

    # -- shows -------------------------------------------------------------------------------------------
    def list_shows(self) -> list[ShowSummary]:
        with self._handle.db.session() as s:
            return [ShowSummary.of(show) for show in show_rows(s)]

    def show_counts(self) -> list[tuple[ShowSummary, int]]:
        """Each live show with how many samples it holds (``studio-app data shows``)."""
        with self._handle.db.session() as s:
            return [(ShowSummary.of(show), repo.sample_count(s, show.id)) for show in show_rows(s)]

    def resolve_show(self, wanted: str | None) -> str | None:
        """``wanted`` if it is a live show; without it the most recent show; ``None`` when there is none."""
        show = find_show(self._handle.db, wanted or None)
        return show.id if show is not None else None

    def sample_count(self, show_id: str) -> int:
        with self._handle.db.session() as s:
            return repo.sample_count(s, show_id)

    # -- import ------------------------------------------------------------------------------------------
    def known_sources(self) -> list[str]:
        with self._handle.db.session() as s:
            return repo.known_sources(s)

    def remembered_mapping(self, source_name: str) -> ColumnMapping | None:
        with self._handle.db.session() as s:
            return repo.remembered_mapping(s, source_name)

    def import_table(
        self,
        show_id: str,
        table: RawTable,
        mapping: ColumnMapping,
        source_name: str,
        day: date | None = None,
        tz: tzinfo = CHINA_TZ,
    ) -> ImportResult:
        """Parse every row (``MetricImportError`` names the first bad line), then store all in one write."""
        parsed = parse_samples(table, mapping, day=day, tz=tz)

        import_id, written = self._handle.writer.run(
            lambda s: _record_id(repo.save_import(s, show_id, parsed, source_name))
        ).value
        return ImportResult(
            import_id, len(parsed.samples), written, table.file_name, table.encoding, parsed.warnings
        )

    def remembered_keyed_mapping(self, source_name: str, kind: TableKind) -> KeyedMapping | None:
        """The mapping last confirmed for a source's product or traffic table."""
        with self._handle.db.session() as s:
            text = repo.remembered_mapping_json(s, repo.keyed_mapping_source(source_name, kind))
        try:
            return None if text is None else KeyedMapping.from_json(text)
        except (ValueError, KeyError, TypeError):
            return None  # written by a newer version with a kind this one does not know

    def propose_keyed_mapping(self, table: RawTable, kind: TableKind, source_name: str) -> KeyedMapping:
        remembered = self.remembered_keyed_mapping(source_name, kind)
        detect = detect_product_mapping if kind is TableKind.PRODUCTS else detect_traffic_mapping
        return detect(table.headers, remembered)

    def import_keyed(
        self, show_id: str, table: RawTable, mapping: KeyedMapping, source_name: str
    ) -> ImportResult:
        """A product or traffic-source table (``mapping.kind``): parse every row (``MetricImportError``
        names the first bad line), then store all in one write."""
        parse = parse_products if mapping.kind is TableKind.PRODUCTS else parse_traffic
        parsed = parse(table, mapping)
        record_id, written = self._handle.writer.run(
            lambda s: _record_id(repo.save_keyed(s, show_id, parsed, source_name))
        ).value
        return ImportResult(
            record_id, len(parsed.rows), written, table.file_name, table.encoding, parsed.warnings
        )

    def import_file(
        self,
        show_id: str,
        path: Path,
        source_name: str,
        day: date | None = None,
        mapping: ColumnMapping | None = None,
    ) -> ImportResult:
        """Read, tell the table's kind from its header (minutes, products, traffic sources), map (the
        mapping remembered for the source, else the usual column names) and import."""
        table = read_table(path)
        kind = detect_table_kind(table.headers) if mapping is None else TableKind.MINUTES
        if kind is not TableKind.MINUTES:
            keyed = self.propose_keyed_mapping(table, kind, source_name)
            return self.import_keyed(show_id, table, keyed, source_name)
        chosen = mapping or detect_mapping(table.headers, self.remembered_mapping(source_name))
        return self.import_table(show_id, table, chosen, source_name, day)

    # -- review ------------------------------------------------------------------------------------------
    def load_review(self, show_id: str) -> ReviewData:
        with self._handle.db.session() as s:
            return _review_data(s, show_id)

    def load_show(self, show_id: str, tz: tzinfo) -> ShowBundle:
        """Everything the data panel shows for one show, read in one session; this week's shows are
        compared with last week's (weeks start on Monday in ``tz``)."""
        with self._handle.db.session() as s:
            data = _review_data(s, show_id)
            show = get_live(s, Show, show_id)
            comparison: tuple[MetricComparison, ...] = ()
            if show is not None:
                this_week = week_start(show.started_at or show.planned_start or show.created_at, tz)
                current = [sh.id for sh in shows_between(s, this_week, this_week + timedelta(days=7))]
                previous = [sh.id for sh in shows_between(s, this_week - timedelta(days=7), this_week)]
                comparison = compare_reviews(
                    repo.review_of_shows(s, current), repo.review_of_shows(s, previous)
                )
        return ShowBundle(
            show_id,
            data.source,
            data.samples,
            data.review,
            data.timeline,
            comparison,
            data.incidents,
            data.breakdown,
        )

    def report_input(
        self, show_id: str, source_label: str | None = None, tz: tzinfo = CHINA_TZ
    ) -> ReportInput:
        data = self.load_review(show_id)
        return report_input_of(data.title, data, source_label, tz)

    def export_review(self, show_id: str, path: Path, kind: str) -> Path:
        """The review as ``csv`` or ``html`` (with charts); ``OSError`` when the file cannot be written."""
        from studio_app.metrics.export import write_review_csv, write_review_html

        report = self.report_input(show_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        return (write_review_csv if kind == "csv" else write_review_html)(path, report)

    # -- live numbers ------------------------------------------------------------------------------------
    def add_manual_entry(
        self,
        show_id: str,
        at: datetime,
        online_viewers: int | None,
        gmv_total_yuan: float | None,
        orders_total: int | None = None,
        note: str = "",
    ) -> None:
        gmv_fen = None if gmv_total_yuan is None else yuan_to_fen(gmv_total_yuan)
        self._handle.writer.run(
            lambda s: repo.add_manual_entry(s, show_id, at, online_viewers, gmv_fen, orders_total, note).id
        )

    def incidents(self, show_id: str) -> tuple[IncidentRow, ...]:
        with self._handle.db.session() as s:
            return _incidents(s, show_id)

    def log_incident(self, show_id: str, at: datetime, kind: str, description: str = "") -> None:
        self._handle.writer.run(lambda s: repo.add_incident(s, show_id, at, kind, description).id)

    def add_ad_spend(self, show_id: str, channel: str, amount_yuan: float) -> None:
        amount_fen = yuan_to_fen(amount_yuan)
        self._handle.writer.run(lambda s: repo.add_ad_spend(s, show_id, channel, amount_fen).id)

    def add_feed_samples(self, show_id: str, samples: Sequence[Sample]) -> int:
        """Store pushed samples; ``FeedError`` when the show does not exist or was deleted."""
        self._handle.writer.run(lambda s: repo.add_feed_samples(s, show_id, samples))
        return len(samples)


def _record_id(saved: tuple[MetricImport, int]) -> tuple[str, int]:
    return saved[0].id, saved[1]


def _review_data(session: Session, show_id: str) -> ReviewData:
    source, review, timeline = repo.load_review(session, show_id)
    _, samples = repo.review_samples(session, show_id)
    show = get_live(session, Show, show_id)
    incidents = _incidents(session, show_id)
    breakdown = _breakdown(session, show_id, samples, timeline, review.totals.gmv_fen)
    return ReviewData(
        show_id, show.title if show else "", source, samples, review, timeline, incidents, breakdown
    )


def _breakdown(
    session: Session,
    show_id: str,
    samples: Sequence[Sample],
    timeline: repo.ShowTimeline,
    show_gmv_fen: int | None,
) -> ShowBreakdown:
    cards, sells = repo.script_cards(session, show_id)
    products = product_review(
        repo.product_rows(session, show_id), cards, repo.explained_seconds(timeline, sells)
    )
    traffic = traffic_review(
        repo.traffic_rows(session, show_id), repo.ad_spend_total_fen(session, show_id), show_gmv_fen
    )
    return ShowBreakdown(products, traffic, interaction_review(samples, timeline.segments))


def _incidents(session: Session, show_id: str) -> tuple[IncidentRow, ...]:
    return tuple(IncidentRow(i.at, i.kind, i.description, i.fix) for i in repo.incidents(session, show_id))


def report_input_of(
    title: str,
    data: ReviewData | ShowBundle,
    source_label: str | None = None,
    tz: tzinfo = CHINA_TZ,
) -> ReportInput:
    """What the CSV, HTML and PDF reports are written from."""
    from studio_app.metrics.export import ReportInput

    return ReportInput(
        title=title,
        review=data.review,
        samples=data.samples,
        segments=data.timeline.segments,
        promos=data.timeline.promos,
        source=source_label if source_label is not None else data.source or "",
        incidents=tuple((i.at, i.kind, i.description) for i in data.incidents),
        tz=tz,
    )
