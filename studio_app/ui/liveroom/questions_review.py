"""The questions of a show in the data room's review: what was asked, starred, put up, answered or not."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from studio_app.liveroom.questions import Question, QuestionStatus
from studio_app.liveroom.service import LiveRoomService
from studio_app.store.handle import StoreHandle
from studio_app.ui.workers import run_in_thread


class QuestionsReview(QTableWidget):
    def __init__(self, tz: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self._tz = tz
        self._show_id: str | None = None
        self.setObjectName("questionsReview")
        self.setHorizontalHeaderLabels(
            [self.tr("Question"), self.tr("Starred"), self.tr("Outcome"), self.tr("Put up at")]
        )
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def title(self) -> str:
        return self.tr("Questions")

    def load(self, handle: StoreHandle, show_id: str | None) -> None:
        """Read the show's questions on the pool; the newest request wins."""
        self._show_id = show_id
        if show_id is None:
            self.show_questions(())
            return
        run_in_thread(
            LiveRoomService(handle).questions,
            show_id,
            on_result=lambda questions: self.show_questions(questions) if show_id == self._show_id else None,
        )

    def show_questions(self, questions: tuple[Question, ...]) -> None:
        outcomes = {
            QuestionStatus.QUEUED: self.tr("not put up"),
            QuestionStatus.SHOWN: self.tr("on the prompter"),
            QuestionStatus.ANSWERED: self.tr("answered"),
            QuestionStatus.UNANSWERED: self.tr("not answered"),
        }
        self.setRowCount(len(questions))
        for row, question in enumerate(questions):
            shown = question.shown_at.astimezone(self._tz).strftime("%H:%M") if question.shown_at else ""
            cells = (question.text, "★" if question.starred else "", outcomes[question.status], shown)
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))
