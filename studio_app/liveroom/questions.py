"""The question queue: viewers' questions the operator collects, stars, and puts up in the Q&A slot.

The queue is a list of :class:`Question` values; these functions say what changes, the service stores it.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

MAX_QUESTION_CHARS = 60  # the prompter shows it in one banner line, as a cue

# A chat copy often starts each line with a name and a colon, or a list number: the question is the rest.
_LEAD = re.compile(r"^\s*(?:\d+[.、)）]\s*|[-*•·]\s*)")


class QuestionStatus(enum.StrEnum):
    QUEUED = "queued"
    SHOWN = "shown"  # on the prompter in this Q&A slot
    ANSWERED = "answered"
    UNANSWERED = "unanswered"  # the slot ended without an answer


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    asked_at: datetime
    starred: bool = False
    status: QuestionStatus = QuestionStatus.QUEUED
    segment_index: int | None = None  # the product segment whose Q&A showed it
    shown_at: datetime | None = None
    resolved_at: datetime | None = None


def split_pasted(text: str, already: Sequence[str] = ()) -> list[str]:
    """One question per line; numbering and bullets dropped, blank lines and repeats skipped, each cut to
    what the prompter shows."""
    seen = {" ".join(q.split()) for q in already}
    questions = []
    for line in text.splitlines():
        question = " ".join(_LEAD.sub("", line).split())[:MAX_QUESTION_CHARS]
        if question and question not in seen:
            seen.add(question)
            questions.append(question)
    return questions


def next_for_qa(questions: Sequence[Question]) -> Question | None:
    """The question to put up now: the oldest starred one still waiting."""
    waiting = [q for q in questions if q.starred and q.status is QuestionStatus.QUEUED]
    return min(waiting, key=lambda q: q.asked_at) if waiting else None


def shown_now(questions: Sequence[Question]) -> Question | None:
    return next((q for q in questions if q.status is QuestionStatus.SHOWN), None)
