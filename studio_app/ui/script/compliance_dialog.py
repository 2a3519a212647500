"""Signing the pre-stream review: the reviewer's name and, for each flagged term kept, the reason.

The rule (who may sign what) is :func:`studio_app.script.compliance.sign_review`; the dialog asks it and
says why it refuses, and stays open until the review can be signed or the reviewer cancels.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio_app.script.compliance import (
    ReviewRefused,
    SignedReview,
    TermReview,
    flagged_terms,
    sign_review,
)
from studio_app.script.lint import LintHit, Severity
from studio_app.ui.script.severity_colors import SEVERITY_COLORS

REASON_COLUMN = 3


class ComplianceDialog(QDialog):
    """Lists the text's flagged terms, a reason field each; ``signed`` is the review once accepted."""

    def __init__(
        self,
        hits: Sequence[LintHit],
        reviewer: str,
        earlier: Sequence[TermReview] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("complianceDialog")
        self.setWindowTitle(self.tr("Sign the compliance review"))
        self.resize(760, 420)
        self._hits = tuple(hits)
        self._earlier = tuple(earlier)
        self.signed: SignedReview | None = None

        self.reviewer_edit = QLineEdit(reviewer)
        self.reviewer_edit.setObjectName("complianceReviewer")
        self.reviewer_edit.setPlaceholderText(self.tr("Your name, e.g. 场控 阿杰"))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Optional note for the record"))
        form = QFormLayout()
        form.addRow(self.tr("Reviewer"), self.reviewer_edit)
        form.addRow(self.tr("Note"), self.note_edit)

        terms = flagged_terms(self._hits)
        self.table = QTableWidget(len(terms), 4)
        self.table.setObjectName("complianceTerms")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Term"),
                self.tr("Severity"),
                self.tr("How to say it instead"),
                self.tr("Reason to keep"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(REASON_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.reason_edits: dict[str, QLineEdit] = {}
        for row, term in enumerate(terms):
            label = term.text if term.occurrences == 1 else f"{term.text} ×{term.occurrences}"
            cells = (label, term.severity.display_name(), term.hint)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setForeground(QColor(SEVERITY_COLORS[term.severity]))
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            edit = QLineEdit()
            edit.setPlaceholderText(
                self.tr("Required to keep it") if term.severity is Severity.FORBIDDEN else self.tr("Optional")
            )
            self.reason_edits[term.text] = edit
            self.table.setCellWidget(row, REASON_COLUMN, edit)

        if terms:
            summary = self.tr(
                "{n} flagged term(s) are still in the text. Rewrite them in the editor, or give the "
                "reason each is kept; forbidden terms cannot be accepted without one."
            ).format(n=len(terms))
        else:
            summary = self.tr("Nothing in the text is flagged.")
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("complianceError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #e5484d;")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = buttons.addButton(
            self.tr("Sign and accept"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.sign)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def reasons(self) -> dict[str, str]:
        return {text: edit.text() for text, edit in self.reason_edits.items()}

    def sign(self) -> None:
        """Close with the signed review, or say why it cannot be signed and stay open."""
        try:
            self.signed = sign_review(
                reviewer=self.reviewer_edit.text(),
                hits=self._hits,
                reasons=self.reasons(),
                accepted=True,
                earlier=self._earlier,
                note=self.note_edit.text(),
            )
        except ReviewRefused as exc:
            self.error.setText(str(exc))
            for text, edit in self.reason_edits.items():
                edit.setStyleSheet("border: 1px solid #e5484d;" if text in exc.terms else "")
            return
        self.accept()
