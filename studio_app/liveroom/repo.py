"""The live room's queries: questions and stock counts of a show, and the run-log lines they write."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from studio_app.liveroom.questions import Question, QuestionStatus
from studio_app.script import repo as script_repo
from studio_app.script.model import RunLogKind
from studio_app.store.live import get_live, not_deleted
from studio_app.store.models.liveroom import LiveQuestion, LiveStock


def _question(row: LiveQuestion) -> Question:
    return Question(
        id=row.id,
        text=row.text,
        asked_at=row.asked_at,
        starred=row.starred,
        status=QuestionStatus(row.status),
        segment_index=row.segment_index,
        shown_at=row.shown_at,
        resolved_at=row.resolved_at,
    )


def list_questions(session: Session, show_id: str) -> tuple[Question, ...]:
    rows = session.scalars(
        select(LiveQuestion)
        .where(LiveQuestion.show_id == show_id, not_deleted(LiveQuestion))
        .order_by(LiveQuestion.asked_at, LiveQuestion.created_at)
    )
    return tuple(_question(row) for row in rows)


def add_questions(session: Session, show_id: str, texts: list[str], at: datetime) -> tuple[Question, ...]:
    rows = [
        LiveQuestion(
            show_id=show_id, text=text, asked_at=at, starred=False, status=QuestionStatus.QUEUED.value
        )
        for text in texts
    ]
    session.add_all(rows)
    session.flush()
    return tuple(_question(row) for row in rows)


def set_starred(session: Session, question_id: str, starred: bool) -> Question | None:
    row = get_live(session, LiveQuestion, question_id)
    if row is None:
        return None
    row.starred = starred
    if starred and row.status == QuestionStatus.UNANSWERED.value:
        row.status = QuestionStatus.QUEUED.value  # starred again: it waits for the next Q&A slot
    return _question(row)


def mark_shown(session: Session, question_id: str, segment_index: int | None, at: datetime) -> Question:
    row = session.get_one(LiveQuestion, question_id)
    row.status = QuestionStatus.SHOWN.value
    row.segment_index = segment_index
    row.shown_at = at
    script_repo.append_run_log(
        session,
        row.show_id,
        RunLogKind.QUESTION_SHOWN,
        at,
        segment_index,
        {"text": row.text, "question_id": row.id},
    )
    return _question(row)


def resolve(session: Session, question_id: str, answered: bool, at: datetime) -> Question | None:
    row = get_live(session, LiveQuestion, question_id)
    if row is None or row.status != QuestionStatus.SHOWN.value:
        return None
    row.status = (QuestionStatus.ANSWERED if answered else QuestionStatus.UNANSWERED).value
    row.resolved_at = at
    kind = RunLogKind.QUESTION_ANSWERED if answered else RunLogKind.QUESTION_UNANSWERED
    script_repo.append_run_log(
        session, row.show_id, kind, at, row.segment_index, {"text": row.text, "question_id": row.id}
    )
    return _question(row)


def shown_question(session: Session, show_id: str) -> LiveQuestion | None:
    return session.scalars(
        select(LiveQuestion).where(
            LiveQuestion.show_id == show_id,
            LiveQuestion.status == QuestionStatus.SHOWN.value,
            not_deleted(LiveQuestion),
        )
    ).first()


def stock_counts(session: Session, show_id: str) -> dict[int, int]:
    rows = session.scalars(select(LiveStock).where(LiveStock.show_id == show_id, not_deleted(LiveStock)))
    return {row.link_no: row.count for row in rows}


def set_stock(session: Session, show_id: str, link_no: int, count: int, source: str) -> None:
    row = session.scalars(
        select(LiveStock).where(
            LiveStock.show_id == show_id, LiveStock.link_no == link_no, not_deleted(LiveStock)
        )
    ).first()
    if row is None:
        session.add(LiveStock(show_id=show_id, link_no=link_no, count=count, source=source))
    elif row.count != count or row.source != source:
        row.count, row.source = count, source
    session.flush()
