"""Saving and loading the script area's data; the only module of the area that talks to the store.

Functions take an open session (``with db.session() as s:``) so a caller can group several writes in one
transaction, and return plain values or rows that stay usable after the session closes.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from studio_app.paths import resource_path
from studio_app.script.compliance import TermReview
from studio_app.script.format import format_script, parse_script
from studio_app.script.lint import LintHit, Severity, Wordlist, count_by_severity
from studio_app.script.model import (
    Cue,
    EmergencyKind,
    EmergencyScript,
    Fab,
    FaqEntry,
    Product,
    RunLogEvent,
    RunLogKind,
    Script,
    Segment,
    SegmentKind,
)
from studio_app.script.pricing import PriceFlag
from studio_app.script.reading import DEFAULT_RATE_CPM, RateCalibration, reading_samples_from_run_log
from studio_app.store.live import get_live, is_live, not_deleted, tombstone
from studio_app.store.models.core import Show
from studio_app.store.models.script import (
    ComplianceRecordRow,
    EmergencyScriptRow,
    OnAirCorrectionRow,
    PromoStateRow,
    RunLogRow,
    ScriptProductRow,
    ScriptRow,
    ScriptSegmentRow,
)

DEMO_SCRIPT_FILE = "demo_show.md"


# ----------------------------------------------------------------------------------------------------------
# scripts


def _decimal_text(amount: Decimal | None) -> str | None:
    return None if amount is None else format(amount, "f")


def _to_rows(
    script: Script,
) -> tuple[list[ScriptSegmentRow], list[ScriptProductRow], list[EmergencyScriptRow]]:
    segments = [
        ScriptSegmentRow(
            position=index,
            kind=segment.kind.value,
            title=segment.title,
            planned_minutes=segment.planned_minutes,
            host_text=segment.host_text,
            cues=[{"role": c.role, "text": c.text, "at_char": c.at_char} for c in segment.assistant_cues],
            product_link_no=segment.product_ref,
        )
        for index, segment in enumerate(script.segments)
    ]
    products = [
        ScriptProductRow(
            position=index,
            link_no=product.link_no,
            name=product.name,
            list_price=_decimal_text(product.list_price),
            live_price=_decimal_text(product.live_price),
            price_basis=product.price_basis,
            coupon=product.coupon,
            stock=product.stock,
            details={
                "features": list(product.fab.features),
                "advantages": list(product.fab.advantages),
                "benefits": list(product.fab.benefits),
                "proof": list(product.proof),
                "faq": [{"q": entry.question, "a": entry.answer} for entry in product.faq],
                "platform_id": product.platform_id,
            },
        )
        for index, product in enumerate(script.products)
    ]
    emergencies = [
        EmergencyScriptRow(
            position=index, kind=item.kind.value, title=item.title, text=item.text, key_hint=item.key_hint
        )
        for index, item in enumerate(script.emergencies)
    ]
    return segments, products, emergencies


def _from_row(row: ScriptRow) -> Script:
    def product(p: ScriptProductRow) -> Product:
        details = p.details or {}
        return Product(
            name=p.name,
            link_no=p.link_no,
            list_price=None if p.list_price is None else Decimal(p.list_price),
            live_price=None if p.live_price is None else Decimal(p.live_price),
            price_basis=p.price_basis,
            coupon=p.coupon,
            stock=p.stock,
            fab=Fab(
                tuple(details.get("features", ())),
                tuple(details.get("advantages", ())),
                tuple(details.get("benefits", ())),
            ),
            proof=tuple(details.get("proof", ())),
            faq=tuple(FaqEntry(item["q"], item["a"]) for item in details.get("faq", ())),
            platform_id=str(details.get("platform_id", "")),
        )

    return Script(
        title=row.title,
        segments=tuple(
            Segment(
                kind=SegmentKind(s.kind),
                title=s.title,
                planned_minutes=s.planned_minutes,
                host_text=s.host_text,
                assistant_cues=tuple(Cue(c["role"], c["text"], int(c.get("at_char", 0))) for c in s.cues),
                product_ref=s.product_link_no,
            )
            for s in row.segments
            if is_live(s)
        ),
        products=tuple(product(p) for p in row.products if is_live(p)),
        emergencies=tuple(
            EmergencyScript(EmergencyKind(e.kind), e.title, e.text, e.key_hint)
            for e in row.emergencies
            if is_live(e)
        ),
        meta=dict(row.meta or {}),
    )


def save_script(
    session: Session,
    show_id: str,
    script: Script,
    *,
    source_text: str | None = None,
    source_name: str = "",
    saved_by: str = "",
) -> ScriptRow:
    """Store ``script`` as the show's newest revision. ``source_text`` is the file as written (kept for
    export); without it the canonical text of the script is stored."""
    # Deleted revisions count too: a number once given is never given again to different text.
    latest = session.scalar(select(func.max(ScriptRow.revision)).where(ScriptRow.show_id == show_id))
    segments, products, emergencies = _to_rows(script)
    row = ScriptRow(
        show_id=show_id,
        revision=(latest or 0) + 1,
        title=script.title,
        source_text=source_text if source_text is not None else format_script(script),
        source_name=source_name,
        meta=dict(script.meta),
        saved_by=saved_by,
        segments=segments,
        products=products,
        emergencies=emergencies,
    )
    session.add(row)
    session.flush()
    return row


def current_script_row(session: Session, show_id: str) -> ScriptRow | None:
    """The show's newest live revision; None when it has none or the show itself was deleted."""
    return session.scalars(
        select(ScriptRow)
        .join(Show, Show.id == ScriptRow.show_id)
        .where(ScriptRow.show_id == show_id, not_deleted(ScriptRow, Show))
        .order_by(ScriptRow.revision.desc())
        .limit(1)
    ).first()


def load_script(session: Session, show_id: str) -> Script | None:
    """The show's newest script, or None when it has none."""
    row = current_script_row(session, show_id)
    return None if row is None else _from_row(row)


def load_script_source(session: Session, show_id: str) -> str | None:
    """The newest script's text as the user wrote it, for export and for the editor."""
    row = current_script_row(session, show_id)
    return None if row is None else row.source_text


# ----------------------------------------------------------------------------------------------------------
# run log


def _event(row: RunLogRow) -> RunLogEvent:
    return RunLogEvent(
        show_id=row.show_id,
        kind=RunLogKind(row.kind),
        at=row.at,
        segment_index=row.segment_index,
        payload=dict(row.payload or {}),
        id=row.id,
    )


def append_run_log(
    session: Session,
    show_id: str,
    kind: RunLogKind,
    at: datetime,
    segment_index: int | None = None,
    payload: Mapping[str, Any] | None = None,
) -> RunLogEvent:
    """Write one event of the show's run log. ``at`` comes from the injected clock (aware UTC)."""
    row = RunLogRow(
        show_id=show_id,
        at=at,
        kind=RunLogKind(kind).value,
        segment_index=segment_index,
        payload=dict(payload or {}),
    )
    session.add(row)
    session.flush()
    return _event(row)


def list_run_log(session: Session, show_id: str) -> list[RunLogEvent]:
    """Every event of the show, oldest first (ties in the order they were written)."""
    rows = session.scalars(
        select(RunLogRow)
        .where(RunLogRow.show_id == show_id, not_deleted(RunLogRow))
        .order_by(RunLogRow.at, RunLogRow.created_at)
    )
    return [_event(row) for row in rows]


def host_rate_calibration(
    session: Session, host_name: str, prior_rate_cpm: float = DEFAULT_RATE_CPM
) -> RateCalibration:
    """A host's reading rate (字/分) learnt from every show they ran: each segment read from start to end,
    minus pauses, against the text of the show's script."""
    calibration = RateCalibration(prior_rate_cpm=prior_rate_cpm)
    show_ids = session.scalars(
        select(Show.id).where(Show.host_name == host_name, not_deleted(Show)).order_by(Show.created_at)
    ).all()
    for show_id in show_ids:
        script = load_script(session, show_id)
        if script is not None:
            calibration = calibration.with_samples(
                reading_samples_from_run_log(list_run_log(session, show_id), script)
            )
    return calibration


# ----------------------------------------------------------------------------------------------------------
# compliance, corrections


def record_compliance(
    session: Session,
    show_id: str,
    *,
    checked_by: str,
    at: datetime,
    hits: Iterable[LintHit],
    wordlist: Wordlist,
    price_flags: Iterable[PriceFlag] = (),
    confirmed_price_keys: Iterable[str] = (),
    accepted: bool,
    note: str = "",
    terms: Iterable[TermReview] = (),
    script_id: str | None = None,
    link_current_script: bool = True,
) -> ComplianceRecordRow:
    """The pre-stream review (直播前审核) of the show's script: kept with the show for three years.

    The record points at ``script_id``, or by default at the show's current script revision; pass
    ``link_current_script=False`` when what was checked is not a stored revision (a file on disk)."""
    hit_list = list(hits)
    counts = count_by_severity(hit_list)
    if script_id is None and link_current_script:
        current = current_script_row(session, show_id)
        script_id = current.id if current is not None else None
    row = ComplianceRecordRow(
        show_id=show_id,
        script_id=script_id,
        checked_by=checked_by,
        checked_at=at,
        wordlist_version=wordlist.version,
        hits=[hit.to_dict() for hit in hit_list],
        forbidden_count=counts[Severity.FORBIDDEN],
        caution_count=counts[Severity.CAUTION],
        evidence_count=counts[Severity.NEEDS_EVIDENCE],
        price_flags=[
            {"key": f.key, "link_no": f.link_no, "kind": f.kind.value, "message": f.message}
            for f in price_flags
        ],
        confirmed_price_keys=sorted(set(confirmed_price_keys)),
        accepted=accepted,
        note=note,
        terms=[term.to_dict() for term in terms],
    )
    session.add(row)
    session.flush()
    return row


def list_compliance_records(session: Session, show_id: str) -> list[ComplianceRecordRow]:
    return list(
        session.scalars(
            select(ComplianceRecordRow)
            .where(ComplianceRecordRow.show_id == show_id, not_deleted(ComplianceRecordRow))
            .order_by(ComplianceRecordRow.checked_at)
        )
    )


def find_compliance_records(
    session: Session,
    show_id: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[tuple[ComplianceRecordRow, Show]]:
    """Records with their show, oldest first, of one show and/or checked in ``[start, end)``.

    A deleted show's records are listed too (``Show.deleted_at`` tells): they are kept for three years
    whatever became of the show."""
    query = (
        select(ComplianceRecordRow, Show)
        .join(Show, Show.id == ComplianceRecordRow.show_id)
        .where(not_deleted(ComplianceRecordRow))
        .order_by(ComplianceRecordRow.checked_at, ComplianceRecordRow.created_at)
    )
    if show_id is not None:
        query = query.where(ComplianceRecordRow.show_id == show_id)
    if start is not None:
        query = query.where(ComplianceRecordRow.checked_at >= start)
    if end is not None:
        query = query.where(ComplianceRecordRow.checked_at < end)
    return [(record, show) for record, show in session.execute(query).all()]


def log_correction(
    session: Session,
    show_id: str,
    at: datetime,
    *,
    said: str = "",
    correction: str = "",
    segment_index: int | None = None,
    logged_by: str = "",
) -> OnAirCorrectionRow:
    """A correction made on air; also written to the run log so the review sees it in time order."""
    row = OnAirCorrectionRow(
        show_id=show_id,
        at=at,
        logged_by=logged_by,
        segment_index=segment_index,
        said=said,
        correction=correction,
    )
    session.add(row)
    session.flush()
    append_run_log(
        session,
        show_id,
        RunLogKind.CORRECTION,
        at,
        segment_index,
        {"correction_id": row.id, "said": said, "correction": correction},
    )
    return row


def list_corrections(session: Session, show_id: str) -> list[OnAirCorrectionRow]:
    return list(
        session.scalars(
            select(OnAirCorrectionRow)
            .where(OnAirCorrectionRow.show_id == show_id, not_deleted(OnAirCorrectionRow))
            .order_by(OnAirCorrectionRow.at)
        )
    )


# ----------------------------------------------------------------------------------------------------------
# promo state


def save_promo_state(session: Session, show_id: str, state: Mapping[str, Any], at: datetime) -> None:
    """Keep the promo clock's state (its shape belongs to ``studio_app.promo``); one live row per show."""
    row = session.scalars(
        select(PromoStateRow).where(PromoStateRow.show_id == show_id, not_deleted(PromoStateRow)).limit(1)
    ).first()
    if row is None:
        session.add(PromoStateRow(show_id=show_id, state=dict(state), saved_at=at))
    else:
        row.state = dict(state)
        row.saved_at = at
    session.flush()


def load_promo_state(session: Session, show_id: str) -> dict[str, Any] | None:
    row = session.scalars(
        select(PromoStateRow).where(PromoStateRow.show_id == show_id, not_deleted(PromoStateRow)).limit(1)
    ).first()
    return None if row is None else dict(row.state)


# ----------------------------------------------------------------------------------------------------------
# shows


class DeleteShowOutcome(enum.Enum):
    DELETED = "deleted"
    NOT_FOUND = "not_found"  # no such show, or it is already deleted
    ON_AIR = "on_air"  # its promo state says the show is running: end it first


def show_is_on_air(session: Session, show_id: str) -> bool:
    """True while the show's saved on-air state says it is running (started and not ended)."""
    state = load_promo_state(session, show_id)
    return state is not None and state.get("phase") == "on_air"


def delete_show(session: Session, show_id: str, now: datetime) -> DeleteShowOutcome:
    """Delete a show the way that travels (a tombstone, see ``studio_app.store.live``), refused while on air.

    Its script, run log and records stay in the store under the show and leave every list with it; the
    run log and compliance records of a show that went on air are kept as they are."""
    show = get_live(session, Show, show_id)
    if show is None:
        return DeleteShowOutcome.NOT_FOUND
    if show_is_on_air(session, show_id):
        return DeleteShowOutcome.ON_AIR
    tombstone(show, now)
    session.flush()
    return DeleteShowOutcome.DELETED


# ----------------------------------------------------------------------------------------------------------
# demo


def demo_script_text() -> str:
    return resource_path("demo", DEMO_SCRIPT_FILE).read_text(encoding="utf-8")


def seed_script_demo(session: Session, show: Show) -> None:
    """Called by ``studio_app.demo`` on a workspace's first run: the demo show's script."""
    text = demo_script_text()
    save_script(
        session, show.id, parse_script(text), source_text=text, source_name=DEMO_SCRIPT_FILE, saved_by="demo"
    )
