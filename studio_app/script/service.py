"""The script area's use-cases, as the panel and ``studio-app script`` call them; no Qt.

Reads open their own session (any thread); writes go through the one writer (``handle.writer.run``), so
they must not be called from inside a write operation. Everything returned is a frozen value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from studio_app import settings
from studio_app.i18n import translate
from studio_app.script import repo
from studio_app.script.compliance import ComplianceRecord, TermOutcome, TermReview, sign_review
from studio_app.script.format import ScriptFormatError, parse_script
from studio_app.script.lint import LintHit, Severity, Wordlist, default_wordlist, lint_text
from studio_app.script.model import RunLogEvent, Script
from studio_app.script.pricing import PriceFlag, check_prices
from studio_app.script.reading import RateCalibration, reading_samples_from_run_log
from studio_app.shows import ShowSummary, list_shows
from studio_app.store.handle import StoreHandle
from studio_app.store.live import get_live
from studio_app.store.models.core import Show
from studio_app.store.models.script import ComplianceRecordRow
from studio_app.store.writer import Written


@dataclass(frozen=True)
class ShowScript:
    """A show as the editor opens it: its newest script (None when it has none) and the text as written."""

    show_id: str
    title: str
    script: Script | None
    source: str
    planned_start: datetime | None = None
    revision: int = 0  # of the newest script (0: none); a save from an older one is refused


class StaleScriptError(ValueError):
    """A save from a script revision that is no longer the newest (translated)."""


@dataclass(frozen=True)
class SavedScript:
    show_id: str
    script_id: str
    revision: int


@dataclass(frozen=True)
class Calibration:
    """The host's reading rate learnt from the segments read so far; ``samples_used`` 0 means none fit."""

    rate_cpm: float
    samples_used: int


@dataclass(frozen=True)
class ReviewRecorded:
    """A compliance review stored with a show; ``found`` False when there is no such show."""

    found: bool
    show_id: str


def _record(row: ComplianceRecordRow, show: Show) -> ComplianceRecord:
    return ComplianceRecord(
        id=row.id,
        show_id=show.id,
        show_title=show.title,
        show_deleted=show.deleted_at is not None,
        checked_by=row.checked_by,
        checked_at=row.checked_at,
        accepted=row.accepted,
        forbidden=row.forbidden_count,
        caution=row.caution_count,
        evidence=row.evidence_count,
        terms=tuple(TermReview.from_dict(raw) for raw in row.terms or ()),
        note=row.note,
        wordlist_version=row.wordlist_version,
        script_id=row.script_id,
    )


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone()


REVIEWER_SECTION = "compliance"


def saved_reviewer() -> str:
    """The reviewer named last on this computer (a person, not a workspace, signs)."""
    return settings.value(REVIEWER_SECTION, "reviewer")


def remember_reviewer(name: str) -> None:
    settings.save_section(REVIEWER_SECTION, {"reviewer": name.strip()})


@dataclass(frozen=True)
class ScriptCheck:
    """What the editor's check finds in a text: the script when it parses (else the line that does not),
    the prices that need a second look and the wording the word list flags."""

    script: Script | None
    error_line: int | None
    error_message: str
    price_flags: tuple[PriceFlag, ...]
    hits: tuple[LintHit, ...]


def check_script_text(text: str, wordlist: Wordlist | None) -> ScriptCheck:
    """Parse, price-check and lint ``text`` (without a word list yet, the wording is not checked)."""
    hits = tuple(lint_text(text, wordlist)) if wordlist is not None else ()
    try:
        script = parse_script(text)
    except ScriptFormatError as exc:
        return ScriptCheck(None, exc.line_no, exc.message, (), hits)
    return ScriptCheck(script, None, "", tuple(check_prices(script.products)), hits)


class ScriptService:
    def __init__(self, handle: StoreHandle) -> None:
        self._handle = handle

    # ---- reads ------------------------------------------------------------------------------------

    def list_shows(self) -> list[ShowSummary]:
        """Live shows, the newest made first: the show just created or imported is the one to script."""
        return sorted(list_shows(self._handle.db), key=lambda show: show.created_at, reverse=True)

    def load_show(self, show_id: str) -> ShowScript:
        with self._handle.db.session() as s:
            show = get_live(s, Show, show_id)
            row = repo.current_script_row(s, show_id)
            return ShowScript(
                show_id=show_id,
                title=show.title if show is not None else "",
                script=repo.load_script(s, show_id),
                source=repo.load_script_source(s, show_id) or "",
                planned_start=show.planned_start if show is not None else None,
                revision=row.revision if row is not None else 0,
            )

    def run_log(self, show_id: str) -> tuple[RunLogEvent, ...]:
        """What happened on air, oldest first."""
        with self._handle.db.session() as s:
            return tuple(repo.list_run_log(s, show_id))

    def script_source(self, show_id: str) -> str | None:
        """The newest script's text as written, for export; None without a script (or show)."""
        with self._handle.db.session() as s:
            return repo.load_script_source(s, show_id)

    def wordlist(self) -> Wordlist:
        """The built-in word list with this workspace's additions."""
        return default_wordlist(self._handle.workspace.root)

    def calibrate_rate(self, show_id: str, script: Script, prior_rate_cpm: float) -> Calibration:
        """Learn the host's rate from this show's run log: each segment read start to end, minus pauses."""
        with self._handle.db.session() as s:
            events = repo.list_run_log(s, show_id)
        base = RateCalibration(prior_rate_cpm=prior_rate_cpm)
        # with_sample returns the calibration itself for a sample it rejects (too short, implausible).
        used = [
            sample
            for sample in reading_samples_from_run_log(events, script)
            if base.with_sample(sample) is not base
        ]
        return Calibration(base.with_samples(used).rate_cpm, len(used))

    # ---- writes -----------------------------------------------------------------------------------

    def save_script(
        self,
        show_id: str,
        script: Script,
        text: str,
        *,
        saved_by: str = "studio-app",
        base_revision: int | None = None,
    ) -> Written[SavedScript]:
        """Store the editor's script as the show's newest revision. Saving signs nothing: the compliance
        record is the named reviewer's own act (:meth:`record_review`). ``base_revision``: the revision
        the text was opened from; when the show has a newer one (the live room reordered the rundown)
        :class:`StaleScriptError` refuses the save, so the old text does not undo the newer one."""

        def op(session: Session) -> SavedScript:
            current = repo.current_script_row(session, show_id)
            if base_revision is not None and current is not None and current.revision != base_revision:
                raise StaleScriptError(
                    translate(
                        "ScriptService",
                        "the show's script changed since the editor opened it (revision {base} → "
                        "{now}: the live room reordered the rundown, or another desktop saved it). Your text "
                        "stays in the editor: copy your change, open the show again and make it there.",
                    ).format(base=base_revision, now=current.revision)
                )
            row = repo.save_script(session, show_id, script, source_text=text, saved_by=saved_by)
            return SavedScript(show_id, row.id, row.revision)

        return self._handle.writer.run(op)

    def import_script(
        self, script: Script, text: str, source_name: str, show_id: str | None = None
    ) -> SavedScript | None:
        """Store a script read from a file: as a new revision of ``show_id``, or as a new show made from the
        script's title and meta. None when ``show_id`` names no show."""
        now = self._handle.clock.now()

        def op(session: Session) -> SavedScript | None:
            if show_id:
                show = get_live(session, Show, show_id)
                if show is None:
                    return None
            else:
                show = Show(
                    title=script.title,
                    host_name=script.meta.get("host", ""),
                    platform=script.meta.get("platform", "douyin") or "douyin",
                    planned_minutes=max(1, round(script.planned_minutes)),
                    created_at=now,
                    updated_at=now,
                )
                session.add(show)
                session.flush()
            row = repo.save_script(session, show.id, script, source_text=text, source_name=source_name)
            return SavedScript(show.id, row.id, row.revision)

        return self._handle.writer.run(op).value

    def record_review(
        self,
        show_id: str,
        text: str,
        *,
        hits: Sequence[LintHit],
        wordlist: Wordlist,
        price_flags: Sequence[PriceFlag],
        checked_by: str,
        accepted: bool,
        note: str = "",
        reasons: Mapping[str, str] | None = None,
        confirmed_price_keys: Sequence[str] = (),
        earlier: Sequence[TermReview] = (),
    ) -> ReviewRecorded:
        """Sign a review of ``text`` (the editor's or a file's) with the show: by ``checked_by``, each
        flagged term kept with its reason from ``reasons`` or rewritten since ``earlier`` (or since the
        show's last record). Raises :class:`ReviewRefused`, storing nothing, when the rule refuses it."""
        at = self._handle.clock.now()
        with self._handle.db.session() as s:
            last = repo.list_compliance_records(s, show_id)[-1:]
        # What the last record still found and this text no longer has counts as rewritten.
        before = [
            *earlier,
            *(
                TermReview(raw["text"], Severity(raw["severity"]), TermOutcome.KEPT)
                for row in last
                for raw in row.hits
            ),
        ]
        signed = sign_review(
            reviewer=checked_by,
            hits=hits,
            reasons=reasons or {},
            accepted=accepted,
            earlier=before,
            note=note,
        )

        def op(session: Session) -> ReviewRecorded:
            show = get_live(session, Show, show_id)
            if show is None:
                return ReviewRecorded(False, show_id)
            current = repo.current_script_row(session, show.id)
            repo.record_compliance(
                session,
                show.id,
                checked_by=signed.reviewer,
                at=at,
                hits=hits,
                wordlist=wordlist,
                price_flags=price_flags,
                confirmed_price_keys=confirmed_price_keys,
                accepted=signed.accepted,
                note=signed.note,
                terms=signed.terms,
                # The record names the stored revision only when that is exactly what was checked.
                script_id=current.id if current is not None and current.source_text == text else None,
                link_current_script=False,
            )
            return ReviewRecorded(True, show.id)

        return self._handle.writer.run(op).value

    def list_records(
        self,
        show_id: str | None = None,
        first_day: date | None = None,
        last_day: date | None = None,
    ) -> tuple[ComplianceRecord, ...]:
        """Compliance records, oldest first, of one show and/or checked between two local days (both
        included); a deleted show's records are listed too."""
        start = _local_midnight(first_day) if first_day is not None else None
        end = _local_midnight(last_day + timedelta(days=1)) if last_day is not None else None
        with self._handle.db.session() as s:
            return tuple(
                _record(row, show) for row, show in repo.find_compliance_records(s, show_id, start, end)
            )

    def current_signature(self, show_id: str) -> ComplianceRecord | None:
        """The newest accepted review of exactly the show's current script revision: what a pre-show
        check asks for. None when the script changed since (or was never signed)."""
        with self._handle.db.session() as s:
            current = repo.current_script_row(s, show_id)
            if current is None:
                return None
            rows = repo.find_compliance_records(s, show_id)
            signed = [
                _record(row, show) for row, show in rows if row.accepted and row.script_id == current.id
            ]
        return signed[-1] if signed else None

    def delete_show(self, show_id: str, now: datetime | None = None) -> repo.DeleteShowOutcome:
        """Tombstone the show (it syncs); refused while its saved on-air state says it is running."""
        at = now or self._handle.clock.now()
        return self._handle.writer.run(lambda session: repo.delete_show(session, show_id, at)).value
