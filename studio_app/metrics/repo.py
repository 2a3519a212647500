"""Queries of the data area: the only place that reads and writes the data tables.

Writes go through ORM statements (objects or ``session.execute(insert(Model), rows)``) so the sync's
outbox hooks see every change; synced rows are never hard-deleted, only tombstoned with ``deleted_at``.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Row, String, Table, func, insert, select, type_coerce
from sqlalchemy.orm import Session

from studio_app.i18n import translate
from studio_app.metrics.columns import TableKind
from studio_app.metrics.imports import ColumnMapping, ParsedExport, RawTable
from studio_app.metrics.keys import import_id, product_row_id, sample_ids, traffic_row_id
from studio_app.metrics.product_review import CardRef
from studio_app.metrics.products import ParsedProducts, ProductRow
from studio_app.metrics.review import PromoMark, SegmentSpan, ShowReview, review_show, samples_from_manual
from studio_app.metrics.samples import SAMPLE_FIELD_NAMES, Sample
from studio_app.metrics.traffic import ParsedTraffic, TrafficRow
from studio_app.store.live import get_live, not_deleted
from studio_app.store.models.base import bind_processor
from studio_app.store.models.core import Show
from studio_app.store.models.data import (
    AdSpend,
    Incident,
    ManualEntry,
    MetricColumnMapping,
    MetricImport,
    MetricProduct,
    MetricSample,
    MetricTraffic,
)


class SampleSource:
    IMPORT = "import"
    FEED = "feed"
    MANUAL = "manual"


# The review counts one source, so a show that was fed live and imported afterwards is not counted twice:
# the platform's export is the reference, then the live feed, then what the operator typed.
SOURCE_PRIORITY = (SampleSource.IMPORT, SampleSource.FEED, SampleSource.MANUAL)

_SAMPLE_COLUMNS = [getattr(MetricSample, name) for name in SAMPLE_FIELD_NAMES]
_sample_values = operator.attrgetter(*SAMPLE_FIELD_NAMES)  # a sample's numbers as a tuple, in column order


# --------------------------------------------------------------------------------------------- samples


def _sample_rows(session: Session, show_id: str, source: str) -> list[Sample]:
    rows = session.execute(
        select(MetricSample.at, *_SAMPLE_COLUMNS)
        .where(
            MetricSample.show_id == show_id,
            MetricSample.source == source,
            not_deleted(MetricSample),
        )
        .order_by(MetricSample.at)
    ).all()
    return [Sample(row[0], *row[1:]) for row in rows]


def _show_is_live(session: Session, show_id: str) -> bool:
    """A deleted show's numbers stay in the store (for sync) but are shown nowhere."""
    return get_live(session, Show, show_id) is not None


def samples_by_source(session: Session, show_id: str) -> dict[str, tuple[Sample, ...]]:
    out: dict[str, tuple[Sample, ...]] = {}
    if not _show_is_live(session, show_id):
        return out
    for source in (SampleSource.IMPORT, SampleSource.FEED):
        rows = _sample_rows(session, show_id, source)
        if rows:
            out[source] = tuple(rows)
    manual = manual_samples(session, show_id)
    if manual:
        out[SampleSource.MANUAL] = manual
    return out


def review_samples(session: Session, show_id: str) -> tuple[str | None, tuple[Sample, ...]]:
    """The samples the review counts and where they came from (``None`` when the show has none)."""
    available = samples_by_source(session, show_id)
    for source in SOURCE_PRIORITY:
        if source in available:
            return source, available[source]
    return None, ()


def _stored_samples(
    session: Session, show_id: str, source: str, first: datetime, last: datetime, as_text: bool
) -> dict[object, Row[Any]]:
    """(id, at, fields…) of the live rows in ``[first, last]``, by their time (as stored, or a datetime)."""
    at_column = type_coerce(MetricSample.at, String) if as_text else MetricSample.at
    # Plain rows through the connection: the ORM's row loading doubles the cost for 28,800 of them.
    rows = (
        session.connection()
        .execute(
            select(MetricSample.id, at_column, *_SAMPLE_COLUMNS).where(
                MetricSample.show_id == show_id,
                MetricSample.source == source,
                not_deleted(MetricSample),
                MetricSample.at >= first,
                MetricSample.at <= last,
            )
        )
        .all()
    )
    return {row[1]: row for row in rows}


def _one_per_time(samples: Sequence[Sample]) -> Sequence[Sample]:
    """A time is a sample's key: two in one feed batch naming the same second become one, the later
    one's numbers over the earlier's (an import refuses a file with a time twice)."""
    by_time: dict[datetime, Sample] = {}
    for s in samples:
        before = by_time.get(s.at)
        by_time[s.at] = s if before is None else replace(before, **s.values_by_name())  # type: ignore[arg-type]
    return samples if len(by_time) == len(samples) else list(by_time.values())


def _upsert_samples(
    session: Session, show_id: str, source: str, samples: Sequence[Sample], import_id: str | None = None
) -> int:
    """Insert samples, or update the row already there for the same (show, source, time); returns how
    many rows were written.

    A row whose stored numbers already equal the new ones is left alone, so re-importing the same file
    writes (and queues for sync) nothing. New rows go in as one ORM bulk insert (the sync's hook writes
    their outbox entries in bulk too); only changed rows are loaded as objects.
    """
    if not samples:
        return 0
    first, last = min(s.at for s in samples), max(s.at for s in samples)
    # Matched on the time as stored (text in SQLite), made by the column's own bind processor: turning
    # 28,800 stored times back into datetimes costs more than the rest of a re-import's comparison.
    dialect = session.get_bind().dialect
    stored_form = bind_processor(cast(Table, MetricSample.__table__).c.at, dialect)
    stored = _stored_samples(session, show_id, source, first, last, as_text=stored_form is not None)
    # Nothing stored (a first import): nothing to match, so no time is turned into its stored form.
    if stored and stored_form is not None:
        keys: list[Any] = [stored_form(s.at) for s in samples]
    else:
        keys = [s.at for s in samples]
    if stored and sum(1 for k in keys if k in stored) < len(stored):
        # A stored row nobody matched: a time missing from the file, or one written in another text
        # form; match on datetimes then, so no row is ever stored twice.
        stored = _stored_samples(session, show_id, source, first, last, as_text=False)
        keys = [s.at for s in samples]
    new_rows = []
    changed: dict[str, dict[str, int | float | None]] = {}
    tombstoned = _tombstoned_sample_ids(session, show_id, source, first, last)
    make_id = sample_ids(show_id, source)
    for s, k in zip(samples, keys, strict=True):
        values = _sample_values(s)
        row = stored.get(k)
        if row is None:
            row_id = make_id(s.at)
            if row_id in tombstoned:
                # Deleted once (its show was removed and restored, or a sync carried a deletion): the
                # same key is the same row, so it comes back rather than being stored twice.
                changed[row_id] = {**dict(zip(SAMPLE_FIELD_NAMES, values, strict=True)), "deleted_at": None}
                continue
            new_rows.append(
                {
                    "id": row_id,
                    "show_id": show_id,
                    "at": s.at,
                    "source": source,
                    "import_id": import_id,
                    **dict(zip(SAMPLE_FIELD_NAMES, values, strict=True)),
                }
            )
            continue
        old: tuple[int | float | None, ...] = tuple(row[2:])
        if values == old:
            continue
        # None means "not in this file": it keeps what is stored rather than erasing it.
        updates = {
            name: value
            for name, value, was in zip(SAMPLE_FIELD_NAMES, values, old, strict=True)
            if value is not None and value != was
        }
        if updates:
            changed[row[0]] = updates
    if new_rows:
        session.execute(insert(MetricSample), new_rows)
    if changed:
        ids = list(changed)
        for start in range(0, len(ids), 500):
            for obj in session.scalars(
                select(MetricSample).where(MetricSample.id.in_(ids[start : start + 500]))
            ):
                for name, value in changed[obj.id].items():
                    setattr(obj, name, value)
                if import_id is not None:
                    obj.import_id = import_id
    session.flush()
    return len(new_rows) + len(changed)


def _tombstoned_sample_ids(
    session: Session, show_id: str, source: str, first: datetime, last: datetime
) -> set[str]:
    return set(
        session.scalars(
            select(MetricSample.id).where(
                MetricSample.show_id == show_id,
                MetricSample.source == source,
                MetricSample.deleted_at.is_not(None),
                MetricSample.at >= first,
                MetricSample.at <= last,
            )
        )
    )


def import_record(
    session: Session, show_id: str, table: RawTable, source_name: str, row_count: int, mapping_json: str
) -> MetricImport:
    """The import's record, one per (show, file): the same file imported again, here or on another
    desktop, is the same record (its id comes from the file's digest), so it adds no row."""
    record_id = import_id(show_id, table.sha256)
    record = session.get(MetricImport, record_id)
    if record is None:
        record = MetricImport(
            id=record_id,
            show_id=show_id,
            source=source_name,
            file_name=table.file_name,
            file_sha256=table.sha256,
            encoding=table.encoding,
            row_count=row_count,
            mapping_json=mapping_json,
        )
        session.add(record)
    else:
        updates = {"source": source_name, "row_count": row_count, "mapping_json": mapping_json}
        for name, value in updates.items():
            if getattr(record, name) != value:
                setattr(record, name, value)
        if record.deleted_at is not None:
            record.deleted_at = None
    session.flush()
    return record


def save_import(
    session: Session, show_id: str, parsed: ParsedExport, source_name: str
) -> tuple[MetricImport, int]:
    """Store a parsed export in the caller's transaction (all or nothing) and remember its mapping;
    returns the import's record and how many sample rows were inserted or changed."""
    record = import_record(
        session, show_id, parsed.table, source_name, len(parsed.samples), parsed.mapping.to_json()
    )
    written = _upsert_samples(session, show_id, SampleSource.IMPORT, parsed.samples, import_id=record.id)
    remember_mapping(session, source_name, parsed.mapping.to_json())
    return record, written


def add_feed_samples(session: Session, show_id: str, samples: Sequence[Sample]) -> int:
    """Store pushed samples; FeedError (the feed answers 409) when the show does not exist or was deleted,
    rather than keeping numbers that no screen would show."""
    from studio_app.metrics.feed import FeedError  # the HTTP server's module: not for `data import`

    if not _show_is_live(session, show_id):
        raise FeedError(
            translate("MetricsFeed", "There is no show with id {id}; it may have been deleted.").format(
                id=show_id
            )
        )
    _upsert_samples(session, show_id, SampleSource.FEED, _one_per_time(samples))
    return len(samples)


def list_imports(session: Session, show_id: str) -> list[MetricImport]:
    return list(
        session.scalars(
            select(MetricImport)
            .where(MetricImport.show_id == show_id, not_deleted(MetricImport))
            .order_by(MetricImport.created_at)
        )
    )


def sample_count(session: Session, show_id: str) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(MetricSample)
            .where(MetricSample.show_id == show_id, not_deleted(MetricSample))
        )
        or 0
    )


# --------------------------------------------------------------------------------------------- mappings


def remember_mapping(session: Session, source_name: str, mapping_json: str) -> None:
    """Keep the mapping confirmed for a source (a product or traffic table's under its own key)."""
    row = session.scalars(
        select(MetricColumnMapping)
        .where(MetricColumnMapping.source == source_name, not_deleted(MetricColumnMapping))
        .order_by(MetricColumnMapping.updated_at.desc())
    ).first()
    if row is None:
        session.add(MetricColumnMapping(source=source_name, mapping_json=mapping_json))
    elif row.mapping_json != mapping_json:
        row.mapping_json = mapping_json


def remembered_mapping_json(session: Session, source_name: str) -> str | None:
    row = session.scalars(
        select(MetricColumnMapping)
        .where(MetricColumnMapping.source == source_name, not_deleted(MetricColumnMapping))
        .order_by(MetricColumnMapping.updated_at.desc())
    ).first()
    return None if row is None else row.mapping_json


def remembered_mapping(session: Session, source_name: str) -> ColumnMapping | None:
    text = remembered_mapping_json(session, source_name)
    if text is None:
        return None
    try:
        return ColumnMapping.from_json(text)
    except (ValueError, KeyError, TypeError):
        return None  # a mapping written by a newer version with a field this one does not know


def keyed_mapping_source(source_name: str, kind: TableKind) -> str:
    """Where a product or traffic table's mapping is remembered: beside the source's minute mapping."""
    return f"{source_name}#{kind.value}"


def known_sources(session: Session) -> list[str]:
    names = session.scalars(select(MetricColumnMapping.source).where(not_deleted(MetricColumnMapping)))
    return sorted({name.rsplit("#", 1)[0] for name in names})


# --------------------------------------------------------------------------------------------- products


def _upsert_keyed(
    session: Session, model: type[MetricProduct] | type[MetricTraffic], rows: Sequence[dict[str, Any]]
) -> int:
    """Insert or update rows by their (natural-key) id; a row equal to what is stored is left alone, a
    tombstoned one comes back. Returns how many rows were written."""
    written = 0
    for values in rows:
        row = cast(MetricProduct | MetricTraffic | None, session.get(model, values["id"]))
        if row is None:
            session.add(model(**values))
            written += 1
            continue
        changed = {k: v for k, v in values.items() if getattr(row, k) != v}
        if row.deleted_at is not None:
            row.deleted_at = None
            written += 1
        elif changed:
            written += 1
        for name, value in changed.items():
            setattr(row, name, value)
    session.flush()
    return written


def save_keyed(
    session: Session, show_id: str, parsed: ParsedProducts | ParsedTraffic, source_name: str
) -> tuple[MetricImport, int]:
    """Store a product or traffic-source table (all rows or none): one row per (show, product) or
    (show, channel), updated by a newer export of the same show; returns the import and the rows written."""
    record = import_record(
        session, show_id, parsed.table, source_name, len(parsed.rows), parsed.mapping.to_json()
    )
    model: type[MetricProduct] | type[MetricTraffic]
    if isinstance(parsed, ParsedProducts):
        model, ids = MetricProduct, [product_row_id(show_id, p.key) for p in parsed.rows]
    else:
        model, ids = MetricTraffic, [traffic_row_id(show_id, t.channel) for t in parsed.rows]
    items: Sequence[ProductRow | TrafficRow] = parsed.rows
    rows = [
        {"id": row_id, "show_id": show_id, "import_id": record.id, **asdict(row)}
        for row_id, row in zip(ids, items, strict=True)
    ]
    written = _upsert_keyed(session, model, rows)
    remember_mapping(
        session, keyed_mapping_source(source_name, parsed.mapping.kind), parsed.mapping.to_json()
    )
    return record, written


def product_rows(session: Session, show_id: str) -> tuple[ProductRow, ...]:
    """The show's products, best-selling first (then by name)."""
    if not _show_is_live(session, show_id):
        return ()
    names = [f.name for f in fields(ProductRow)]
    stored = session.scalars(
        select(MetricProduct).where(MetricProduct.show_id == show_id, not_deleted(MetricProduct))
    )
    rows = [ProductRow(**{n: getattr(r, n) for n in names}) for r in stored]
    return tuple(sorted(rows, key=lambda p: (-(p.pay_gmv_fen or 0), p.name)))


def traffic_rows(session: Session, show_id: str) -> tuple[TrafficRow, ...]:
    if not _show_is_live(session, show_id):
        return ()
    names = [f.name for f in fields(TrafficRow)]
    stored = session.scalars(
        select(MetricTraffic).where(MetricTraffic.show_id == show_id, not_deleted(MetricTraffic))
    )
    rows = [TrafficRow(**{n: getattr(r, n) for n in names}) for r in stored]
    return tuple(sorted(rows, key=lambda t: (-(t.watch_ucnt or 0), t.channel)))


# --------------------------------------------------------------------------------------------- manual etc.


def add_manual_entry(
    session: Session,
    show_id: str,
    at: datetime,
    online_viewers: int | None,
    gmv_total_fen: int | None,
    orders_total: int | None = None,
    note: str = "",
) -> ManualEntry:
    entry = ManualEntry(
        show_id=show_id,
        at=at,
        online_viewers=online_viewers,
        gmv_total_fen=gmv_total_fen,
        orders_total=orders_total,
        note=note,
    )
    session.add(entry)
    session.flush()
    return entry


def manual_entries(session: Session, show_id: str) -> list[ManualEntry]:
    return list(
        session.scalars(
            select(ManualEntry)
            .where(ManualEntry.show_id == show_id, not_deleted(ManualEntry))
            .order_by(ManualEntry.at)
        )
    )


def manual_samples(session: Session, show_id: str) -> tuple[Sample, ...]:
    return samples_from_manual(
        [(e.at, e.online_viewers, e.gmv_total_fen, e.orders_total) for e in manual_entries(session, show_id)]
    )


def add_incident(
    session: Session,
    show_id: str,
    at: datetime,
    kind: str,
    description: str = "",
    fix: str = "",
    duration_s: float | None = None,
) -> Incident:
    incident = Incident(
        show_id=show_id, at=at, kind=kind, description=description, fix=fix, duration_s=duration_s
    )
    session.add(incident)
    session.flush()
    return incident


def incidents(session: Session, show_id: str) -> list[Incident]:
    if not _show_is_live(session, show_id):
        return []
    return list(
        session.scalars(
            select(Incident).where(Incident.show_id == show_id, not_deleted(Incident)).order_by(Incident.at)
        )
    )


def add_ad_spend(session: Session, show_id: str, channel: str, amount_fen: int, note: str = "") -> AdSpend:
    spend = AdSpend(show_id=show_id, channel=channel, amount_fen=amount_fen, note=note)
    session.add(spend)
    session.flush()
    return spend


def ad_spend_total_fen(session: Session, show_id: str) -> int | None:
    if not _show_is_live(session, show_id):
        return None
    total = session.scalar(
        select(func.sum(AdSpend.amount_fen)).where(AdSpend.show_id == show_id, not_deleted(AdSpend))
    )
    return None if total is None else int(total)


# --------------------------------------------------------------------------------------------- run log


@dataclass(frozen=True)
class ShowTimeline:
    segments: tuple[SegmentSpan, ...]
    promos: tuple[PromoMark, ...]


def _event_name(event: object) -> str:
    for attr in ("title", "name", "label", "segment_title", "detail"):
        value = getattr(event, attr, None)
        if isinstance(value, str) and value:
            return value
    payload = getattr(event, "payload", None)
    if isinstance(payload, str):
        try:
            payload = json.loads(payload)
        except ValueError:
            payload = None
    if isinstance(payload, dict):
        for key in ("title", "name", "label", "segment", "promo"):
            if payload.get(key):
                return str(payload[key])
        if payload.get("slot") is not None:
            return translate("DataTimeline", "Promo {slot}").format(slot=payload["slot"])
    return ""


def timeline_from_events(events: Sequence[object], show_end: datetime | None = None) -> ShowTimeline:
    """Segments and promos from run-log events (objects with ``kind`` and ``at``, and a title somewhere).

    A segment runs from its ``segment_start`` to its ``segment_end``, or to the next segment's start, or to
    ``show_end``; a promo is marked at its ``promo_done`` time (skipped and missed promos are not).
    """
    ordered = sorted(events, key=lambda e: getattr(e, "at"))  # noqa: B009
    segments: list[SegmentSpan] = []
    promos: list[PromoMark] = []
    open_name: str | None = None
    open_start: datetime | None = None
    open_index: int | None = None
    for event in ordered:
        kind = str(getattr(event, "kind", "")).lower()
        at: datetime = getattr(event, "at")  # noqa: B009
        if kind.endswith("segment_start"):
            if open_start is not None and open_name is not None:
                segments.append(SegmentSpan(open_name, open_start, at, open_index))
            open_name, open_start = _event_name(event) or f"#{len(segments) + 1}", at
            open_index = getattr(event, "segment_index", None)
        elif kind.endswith("segment_end") or kind == "show_end":
            if open_start is not None and open_name is not None:
                segments.append(SegmentSpan(open_name, open_start, at, open_index))
            open_name, open_start = None, None
        elif kind in ("promo_done", "promo"):
            promos.append(PromoMark(_event_name(event) or kind, at))
    if open_start is not None and open_name is not None:
        last_at: datetime = getattr(ordered[-1], "at")  # noqa: B009
        end = show_end if show_end and show_end > open_start else last_at
        if end > open_start:
            segments.append(SegmentSpan(open_name, open_start, end, open_index))
    return ShowTimeline(tuple(segments), tuple(promos))


def show_timeline(session: Session, show_id: str) -> ShowTimeline:
    """The run log's segments and promos."""
    from studio_app.script import repo as script_repo  # the script area's parsers: not for `data import`

    show = get_live(session, Show, show_id)
    if show is None:
        return ShowTimeline((), ())
    events = list(script_repo.list_run_log(session, show_id))
    return timeline_from_events(events, show.ended_at)


def script_cards(session: Session, show_id: str) -> tuple[tuple[CardRef, ...], dict[int, int]]:
    """The show's script product cards, and the card (link number) each rundown position sells."""
    from studio_app.script import repo as script_repo

    script = script_repo.load_script(session, show_id)
    if script is None:
        return (), {}
    cards = tuple(CardRef(p.link_no, p.name, p.platform_id) for p in script.products)
    sells = {i: seg.product_ref for i, seg in enumerate(script.segments) if seg.product_ref is not None}
    return cards, sells


def explained_seconds(timeline: ShowTimeline, sells: dict[int, int]) -> dict[int, float] | None:
    """Seconds on air per card link number, from the run log's segments (None without a run log)."""
    if not timeline.segments:
        return None
    out: dict[int, float] = {}
    for seg in timeline.segments:
        link = sells.get(seg.index) if seg.index is not None else None
        if link is not None:
            out[link] = out.get(link, 0.0) + (seg.end - seg.start).total_seconds()
    return out


def load_review(session: Session, show_id: str) -> tuple[str | None, ShowReview, ShowTimeline]:
    source, samples = review_samples(session, show_id)
    timeline = show_timeline(session, show_id)
    review = review_show(samples, timeline.segments, timeline.promos, ad_spend_total_fen(session, show_id))
    return source, review, timeline


def review_of_shows(session: Session, show_ids: Sequence[str]) -> ShowReview:
    """One review over several shows (a week's), summing their samples and ad spend."""
    samples: list[Sample] = []
    spend = 0
    for show_id in show_ids:
        samples.extend(review_samples(session, show_id)[1])
        spend += ad_spend_total_fen(session, show_id) or 0
    return review_show(samples, ad_spend_fen=spend or None)


# --------------------------------------------------------------------------------------------- demo


def seed_metrics_demo(session: Session, show: Show) -> None:
    """The demo show's numbers: a two-hour minute table as if imported, some ad spend and an incident."""
    from studio_app.metrics.demo import demo_samples

    start = show.started_at or show.planned_start or show.created_at
    record = MetricImport(
        show_id=show.id,
        source=translate("DataDemo", "Douyin Compass (demo)"),
        file_name="douyin_compass_minutes.csv",
        file_sha256="",
        encoding="utf-8-sig",
        row_count=0,
        mapping_json="{}",
    )
    session.add(record)
    session.flush()
    samples = demo_samples(start)
    record.row_count = len(samples)
    _upsert_samples(session, show.id, SampleSource.IMPORT, samples, import_id=record.id)
    add_ad_spend(session, show.id, translate("DataDemo", "Qianchuan"), 80000)
    _seed_demo_run_log(session, show, start)
    add_incident(
        session,
        show.id,
        start + timedelta(minutes=47),
        "stutter",
        translate("DataDemo", "Stream stuttered for about 20 s; upload dropped on the main line."),
        translate("DataDemo", "Switched the encoder to the backup line."),
        20.0,
    )


def _seed_demo_run_log(session: Session, show: Show, start: datetime) -> None:
    """As if the demo script had run: its segments one after another over the two hours, and a promo
    marked done every 15 minutes (the demo numbers rise after each). Written through the script area's
    own API; skipped when the show has no script."""
    from studio_app.metrics.demo import DEMO_MINUTES, PROMO_EVERY_MIN
    from studio_app.script import repo as script_repo
    from studio_app.script.model import RunLogKind

    script = script_repo.load_script(session, show.id)
    if script is None or not script.segments:
        return
    kinds = RunLogKind
    planned = [max(float(seg.planned_seconds or 60.0), 1.0) for seg in script.segments]
    scale = DEMO_MINUTES * 60.0 / sum(planned)
    at = start
    for index, (segment, seconds) in enumerate(zip(script.segments, planned, strict=True)):
        script_repo.append_run_log(
            session, show.id, kinds.SEGMENT_START, at, index, {"title": segment.title, "reason": "demo"}
        )
        at = at + timedelta(seconds=seconds * scale)
        script_repo.append_run_log(session, show.id, kinds.SEGMENT_END, at, index, {})
    for slot, minute in enumerate(range(PROMO_EVERY_MIN, DEMO_MINUTES, PROMO_EVERY_MIN), start=1):
        script_repo.append_run_log(
            session, show.id, kinds.PROMO_DONE, start + timedelta(minutes=minute), None, {"slot": slot}
        )
