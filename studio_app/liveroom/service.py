"""The live room's use-cases against the store: questions, stock counts, the show's samples, the rundown.

Reads open a session on any thread; writes go through the one writer and return frozen values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from sqlalchemy.orm import Session

from studio_app.liveroom import repo
from studio_app.liveroom.questions import Question, next_for_qa, split_pasted
from studio_app.liveroom.room import SampleSeries, sample_series
from studio_app.liveroom.rundown import script_product
from studio_app.liveroom.stock import StockChange, change_stock
from studio_app.liveroom.watch import DropContent, DropFolderWatcher, FileOutcome
from studio_app.metrics import repo as metrics_repo
from studio_app.script import repo as script_repo
from studio_app.script.model import RunLogKind, Script
from studio_app.store.handle import StoreHandle

DROP_SOURCE = "drop folder"  # the source tables from the folder are imported under (and mappings kept)


@dataclass(frozen=True)
class DropRound:
    show_id: str  # the show the files went to (a feed file naming its own show sent its samples there)
    outcomes: tuple[FileOutcome, ...]
    stock: tuple[StockChange, ...]


class LiveRoomService:
    def __init__(self, handle: StoreHandle) -> None:
        self._handle = handle

    # ---- questions --------------------------------------------------------------------------------------

    def questions(self, show_id: str) -> tuple[Question, ...]:
        with self._handle.db.session() as s:
            return repo.list_questions(s, show_id)

    def add_questions(self, show_id: str, text: str) -> tuple[Question, ...]:
        """Typed or pasted text: one question per line (repeats of queued ones skipped)."""
        now = self._handle.clock.now()

        def op(session: Session) -> tuple[Question, ...]:
            existing = [q.text for q in repo.list_questions(session, show_id)]
            return repo.add_questions(session, show_id, split_pasted(text, existing), now)

        return self._handle.writer.run(op).value

    def set_starred(self, question_id: str, starred: bool) -> Question | None:
        return self._handle.writer.run(lambda s: repo.set_starred(s, question_id, starred)).value

    def start_qa(self, show_id: str, segment_index: int | None) -> Question | None:
        """A Q&A slot began: the oldest starred question goes up (a question left up from the last slot is
        logged as not answered first). None when no starred question waits."""
        now = self._handle.clock.now()

        def op(session: Session) -> Question | None:
            _close_shown(session, show_id, now)
            question = next_for_qa(repo.list_questions(session, show_id))
            return None if question is None else repo.mark_shown(session, question.id, segment_index, now)

        return self._handle.writer.run(op).value

    def resolve_question(self, question_id: str, answered: bool) -> Question | None:
        now = self._handle.clock.now()
        return self._handle.writer.run(lambda s: repo.resolve(s, question_id, answered, now)).value

    def end_qa(self, show_id: str) -> Question | None:
        """The slot ended: a question still up was not answered."""
        now = self._handle.clock.now()
        return self._handle.writer.run(lambda s: _close_shown(s, show_id, now)).value

    # ---- stock --------------------------------------------------------------------------------------------

    def stock(self, show_id: str) -> dict[int, int]:
        with self._handle.db.session() as s:
            return repo.stock_counts(s, show_id)

    def set_stock(self, show_id: str, link_no: int, count: int, source: str = "hand") -> StockChange:
        def op(session: Session) -> StockChange:
            change = change_stock(repo.stock_counts(session, show_id), link_no, count)
            repo.set_stock(session, show_id, link_no, change.count, source)
            return change

        return self._handle.writer.run(op).value

    # ---- numbers ------------------------------------------------------------------------------------------

    def sample_series(self, show_id: str) -> SampleSeries:
        """The show's samples the review would count (feed, import or manual), ready for the room."""
        with self._handle.db.session() as s:
            return sample_series(metrics_repo.review_samples(s, show_id)[1])

    def take_drops(self, watcher: DropFolderWatcher, show_id: str, script: Script | None) -> DropRound:
        """One poll of the workspace's drop folder (on a worker), each file routed as an import would be:
        minute tables and the feed's JSON become the show's samples (the feed's own show when it names
        one), product and traffic-source tables are imported for the review, and a product table's 库存
        sets the live stock of the script cards it links to."""
        outcomes = tuple(watcher.poll())
        changes = []
        for outcome in outcomes:
            content = outcome.content
            if content.samples or content.parsed_products or content.traffic:
                self._handle.writer.run(partial(_store_drop, show_id=show_id, content=content))
            if content.products is not None and script is not None:
                for numbers in content.products.products:
                    product = script_product(script, numbers.product_id, numbers.name)
                    if product is not None and numbers.stock is not None:
                        changes.append(self.set_stock(show_id, product.link_no, numbers.stock, source="feed"))
        return DropRound(show_id, outcomes, tuple(changes))

    # ---- rundown ------------------------------------------------------------------------------------------

    def save_rundown(self, show_id: str, script: Script, segment_index: int) -> str:
        """The reordered script becomes the show's newest revision (so a restart and the review follow the
        new order), with a run-log line naming the new order. Returns the show's id, for the callback."""
        now = self._handle.clock.now()

        def op(session: Session) -> None:
            script_repo.save_script(session, show_id, script, saved_by="live room")
            script_repo.append_run_log(
                session,
                show_id,
                RunLogKind.RUNDOWN_REORDERED,
                now,
                segment_index,
                {"order": [segment.title for segment in script.segments[segment_index + 1 :]]},
            )

        self._handle.writer.run(op)
        return show_id


def _store_drop(session: Session, show_id: str, content: DropContent) -> None:
    if content.samples:
        metrics_repo.add_feed_samples(session, content.show_id or show_id, content.samples)
    for parsed in (content.parsed_products, content.traffic):
        if parsed is not None:
            metrics_repo.save_keyed(session, show_id, parsed, DROP_SOURCE)


def _close_shown(session: Session, show_id: str, now: datetime) -> Question | None:
    row = repo.shown_question(session, show_id)
    return None if row is None else repo.resolve(session, row.id, False, now)
