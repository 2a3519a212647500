"""The question queue: type or paste viewers' questions, star the good ones, see which one is up."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
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
        self.list.setToolTip(self.tr("Tick a question to star it: starred ones go up in the next Q&A slot"))
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
        self.list.itemChanged.connect(self._item_changed)
        self.answered_button.clicked.connect(lambda: self._resolve(True))
        self.unanswered_button.clicked.connect(lambda: self._resolve(False))
        self._shown: Question | None = None
        self._filling = False
        self.show_questions(())

    def _add(self) -> None:
        text = self.edit.toPlainText()
        if text.strip():
            self.add_requested.emit(text)
            self.edit.clear()

    def _item_changed(self, item: QListWidgetItem) -> None:
        if not self._filling:
            starred = item.checkState() == Qt.CheckState.Checked
            self.star_toggled.emit(item.data(Qt.ItemDataRole.UserRole), starred)

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
        self._filling = True
        self.list.clear()
        for question in questions:
            item = QListWidgetItem(question.text + marks[question.status])
            item.setData(Qt.ItemDataRole.UserRole, question.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if question.starred else Qt.CheckState.Unchecked)
            if question.status in (QuestionStatus.ANSWERED, QuestionStatus.UNANSWERED):
                item.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(item)
        self._filling = False
        self._shown = shown_now(questions)
        waiting = sum(1 for q in questions if q.starred and q.status is QuestionStatus.QUEUED)
        if self._shown is not None:
            self.up_label.setText(self.tr("On the prompter: {text}").format(text=self._shown.text))
        else:
            self.up_label.setText(self.tr("{n} starred, waiting for the next Q&A slot.").format(n=waiting))
        self.answered_button.setEnabled(self._shown is not None)
        self.unanswered_button.setEnabled(self._shown is not None)
