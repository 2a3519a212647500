"""The question queue: type or paste viewers' questions, star the good ones, see which one is up."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from studio_app.liveroom.questions import Question, QuestionStatus, shown_now


class QuestionsView(QGroupBox):
    add_requested = Signal(str)  # the typed or pasted text (one question a line)
    star_toggled = Signal(str, bool)  # question id, starred
    resolved = Signal(str, bool)  # question id, answered

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Viewers' questions"))
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("questionEdit")
        self.edit.setPlaceholderText(
            self.tr("Type or paste questions from the comments, one a line; Ctrl+Enter adds them")
        )
        self.edit.setMaximumHeight(72)
        self.add_button = QPushButton(self.tr("Add"))
        self.list = QListWidget()
        self.list.setObjectName("questionList")
        self.list.setStyleSheet("QListWidget { font-size: 12pt; }")
        self.star_buttons: list[QToolButton] = []
        self.row_labels: list[QLabel] = []
        self.up_label = QLabel(self.tr("No question on the prompter."))
        self.up_label.setWordWrap(True)
        self.up_label.setStyleSheet("font-size: 13pt;")
        self.answered_button = QPushButton(self.tr("Answered"))
        self.unanswered_button = QPushButton(self.tr("Not answered"))
        layout = QGridLayout(self)
        layout.addWidget(self.edit, 0, 0, 1, 2)
        layout.addWidget(self.add_button, 0, 2)
        layout.addWidget(self.list, 1, 0, 1, 3)
        layout.addWidget(self.up_label, 2, 0, 1, 3)
        layout.addWidget(self.answered_button, 3, 0)
        layout.addWidget(self.unanswered_button, 3, 1)
        self.add_button.clicked.connect(self._add)
        QShortcut(QKeySequence("Ctrl+Return"), self.edit, self._add)
        self.answered_button.clicked.connect(lambda: self._resolve(True))
        self.unanswered_button.clicked.connect(lambda: self._resolve(False))
        self._shown: Question | None = None
        self.show_questions(())

    def _add(self) -> None:
        text = self.edit.toPlainText()
        if text.strip():
            self.add_requested.emit(text)
            self.edit.clear()

    def _row(self, question: Question, text: str) -> QWidget:
        """A big ☆/★ toggle before the question: the operator stars with one sure click mid-show."""
        star = QToolButton()
        star.setCheckable(True)
        star.setChecked(question.starred)
        star.setText("★" if question.starred else "☆")
        star.setObjectName("questionStar")
        star.setFixedSize(40, 36)
        star.setToolTip(self.tr("Star it: starred questions go up in the next Q&A slot"))
        star.setStyleSheet(
            "QToolButton { font-size: 20pt; border: none; color: %s; }"
            % ("#f5b301" if question.starred else "#8a8f98")
        )
        star.toggled.connect(lambda on, qid=question.id: self.star_toggled.emit(qid, on))
        self.star_buttons.append(star)
        label = QLabel(text)
        label.setWordWrap(True)
        self.row_labels.append(label)
        done = question.status in (QuestionStatus.ANSWERED, QuestionStatus.UNANSWERED)
        label.setStyleSheet("font-size: 12pt;" + (" color: gray;" if done else ""))
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.addWidget(star)
        layout.addWidget(label, 1)
        return row

    def _resolve(self, answered: bool) -> None:
        if self._shown is not None:
            self.resolved.emit(self._shown.id, answered)

    def show_questions(self, questions: Sequence[Question]) -> None:
        marks = {
            QuestionStatus.QUEUED: "",
            QuestionStatus.SHOWN: "  · " + self.tr("on the prompter"),
            QuestionStatus.ANSWERED: "  · " + self.tr("answered"),
            QuestionStatus.UNANSWERED: "  · " + self.tr("not answered"),
        }
        self.list.clear()
        self.star_buttons, self.row_labels = [], []
        for question in questions:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, question.id)
            row = self._row(question, question.text + marks[question.status])
            item.setSizeHint(row.sizeHint())
            self.list.addItem(item)
            self.list.setItemWidget(item, row)
        self._shown = shown_now(questions)
        waiting = sum(1 for q in questions if q.starred and q.status is QuestionStatus.QUEUED)
        if self._shown is not None:
            self.up_label.setText(self.tr("On the prompter: {text}").format(text=self._shown.text))
        else:
            self.up_label.setText(self.tr("{n} starred, waiting for the next Q&A slot.").format(n=waiting))
        self.answered_button.setEnabled(self._shown is not None)
        self.unanswered_button.setEnabled(self._shown is not None)
